import Foundation
import Testing
@testable import MinutesCore

/// The byte-level shortcuts of the organisation extractor must answer exactly as the rules they shortcut, around
/// combining marks, CR LF, the Kelvin sign, curly quotes and other non-ASCII text too.
@Suite("Organisation fast paths")
struct OrganisationFastPathTests {
    /// Pieces that random texts are made of: capitalised words, connectors and determiners in every case, the
    /// punctuation that cuts or trims a run, acronyms and parentheses, and Unicode that behaves differently on bytes
    /// and on characters.
    static let pieces = [" ", " ", " ", "  ", "\t", "\n", "\r", "\r\n", "(", ")", "\"", "'", ",", ".", ":", ";", "!", "?",
                         "-", " - ", " – ", "–", "&", "/", "of", "Of", "OF", "oF", "the", "The", "THE", "and", "And", "in",
                         "de", "at", "for", "on", "du", "der", "This", "Our", "All", "Every", "Apache", "Software", "Foundation",
                         "University", "Group", "Council", "Cluster", "Global", "Business", "Center", "ASF", "GCCA", "W3C",
                         "IDs", "CoE", "A", "Z", "x", "meeting", "agreed", "from", "by", "developed by", "people at", "like",
                         "Mr", "Jo", "Bloggs", "e\u{301}", "\u{301}", "É", "é", "Ärzte", "İ", "\u{212A}", "“", "”", "’",
                         "ß", "👩‍💻", "0", "7", "3.4"]

    static func randomText(_ generator: inout SplitMix64, maxPieces: UInt64 = 28) -> String {
        let count = Int(generator.next() % maxPieces)
        return (0..<count).map { _ in
            let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
            // Mostly words with a space after them, as running text has.
            return generator.next() % 3 == 0 ? piece : piece + " "
        }.joined()
    }

    /// Runs `body` on many random texts.
    static func forRandomTexts(seed: UInt64, count: Int = 20_000, _ body: (String) -> Void) {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<count { body(randomText(&generator)) }
    }

    /// The runs `addMentions` reads: those worked out on the bytes, and those of each stretch.
    static func mentionRuns(in text: String) -> [String] {
        var runs: [String] = []
        OrganisationExtractor.forEachMentionSource(in: text) { source in
            switch source {
            case .run(let run): runs.append(run)
            case .stretch(let stretch): runs += TextRules.capitalisedRuns(in: stretch, multiWordOnly: true)
            }
        }
        return runs
    }

    @Test func mentionSourcesHoldTheCapitalisedRunsOfTheText() {
        Self.forRandomTexts(seed: 11) { text in
            #expect(Self.mentionRuns(in: text) == TextRules.capitalisedRuns(in: text, multiWordOnly: true),
                    "\(Array(text.unicodeScalars))")
        }
        #expect(Self.mentionRuns(in: "The board of the Apache Software Foundation (ASF) met.") == ["Apache Software Foundation"])
        #expect(Self.mentionRuns(in: "Our  Global  Cleantech 'Cluster' of  the") == ["Global Cleantech Cluster"])
    }

    @Test func asciiStretchesNeverGoToTheCharacterRule() {
        var stretches = 0
        OrganisationExtractor.forEachMentionSource(in: "Business Center Bornholm and Bright Green Island, The Group") { source in
            if case .stretch = source { stretches += 1 }
        }
        #expect(stretches == 0)
    }

    /// Random texts with acronyms in parentheses around capitalised words, some of them all ASCII.
    static func forRandomAcronymTexts(seed: UInt64, count: Int = 20_000, _ body: (String) -> Void) {
        var generator = SplitMix64(seed: seed)
        let asciiPieces = pieces.filter(\.isPlainASCII)
        let extra = ["(ASF)", "(GCCA)", "(W3C)", "(CoE)", "(IDs)", "(A)", "(ABCDEFGHIJK)", "ASF (Apache Software Foundation)",
                     "GCCA (Global Cleantech Cluster Association)", "(Global-Cleantech Cluster)", "A&B (", "_AB (x", "AB C (", "((AB))"]
        for index in 0..<count {
            let source = index % 2 == 0 ? asciiPieces + extra : pieces + extra
            let length = Int(generator.next() % 30)
            body((0..<length).map { _ in
                let piece = source[Int(generator.next() % UInt64(source.count))]
                return generator.next() % 3 == 0 ? piece : piece + " "
            }.joined())
        }
    }

    @Test func acronymPatternsOnBytesMatchTheRegularExpressions() {
        Self.forRandomAcronymTexts(seed: 12) { text in
            let parenthesised = AcronymPatterns.parenthesised(in: text), expected = AcronymPatterns.parenthesised(in: text, onBytes: false)
            #expect(parenthesised.map(\.acronym) == expected.map(\.acronym) && parenthesised.map(\.before) == expected.map(\.before),
                    "\(Array(text.unicodeScalars))")
            let named = AcronymPatterns.beforeNames(in: text), expectedNamed = AcronymPatterns.beforeNames(in: text, onBytes: false)
            #expect(named.map(\.acronym) == expectedNamed.map(\.acronym) && named.map(\.phrase) == expectedNamed.map(\.phrase),
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func abbreviationOnBytesIsTheRule() {
        var generator = SplitMix64(seed: 13)
        let acronyms = ["ASF", "GCCA", "W3C", "CoE", "IDs", "A", "AB", "A&B", "asf", "GCC", "ÉA", "AÉ", "KA", "\u{212A}A", "OTA", "ab1c"]
        Self.forRandomTexts(seed: 14) { phrase in
            let acronym = acronyms[Int(generator.next() % UInt64(acronyms.count))]
            #expect(OrganisationExtractor.abbreviates(acronym, phrase) == TextRules.abbreviates(acronym, phrase),
                    "\(acronym) \(Array(phrase.unicodeScalars))")
        }
        // Acronyms made of the phrase's own initials, so that many of them abbreviate it.
        var abbreviating = 0
        Self.forRandomTexts(seed: 17) { phrase in
            let initials = phrase.split(separator: " ").compactMap(\.first).filter(\.isLetter)
            let acronym = String(generator.next() % 2 == 0 ? initials : initials.dropLast())
            let expected = TextRules.abbreviates(acronym, phrase)
            if expected { abbreviating += 1 }
            #expect(OrganisationExtractor.abbreviates(acronym, phrase) == expected, "\(acronym) \(Array(phrase.unicodeScalars))")
        }
        #expect(abbreviating > 500)
        #expect(OrganisationExtractor.abbreviates("GCCA", "Global Cleantech Cluster Association"))
        #expect(OrganisationExtractor.abbreviates("OTA", "Open-Travel of the Alliance"))
        #expect(!OrganisationExtractor.abbreviates("ASF", "Apache Foundation"))
    }

    @Test func capitalisedTailOnBytesIsTheRule() {
        Self.forRandomTexts(seed: 15) { text in
            guard text.isPlainASCII else { return }
            var copy = text
            let tail = copy.withUTF8 { bytes in
                OrganisationExtractor.asciiCapitalisedTail(in: bytes, before: bytes.count).map { String(decoding: bytes[$0], as: UTF8.self) }
            }
            #expect(tail == OrganisationExtractor.capitalisedTail(of: text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func expandedAcronymsOnBytesAreThoseOfTheRules() {
        Self.forRandomAcronymTexts(seed: 16) { text in
            var onBytes = OrganisationRegistry(), byRules = OrganisationRegistry()
            OrganisationExtractor.addExpandedAcronyms(in: text, to: &onBytes)
            OrganisationExtractor.addExpandedAcronyms(in: text, to: &byRules, onBytes: false)
            #expect(onBytes.organisations == byRules.organisations, "\(Array(text.unicodeScalars))")
        }
        var registry = OrganisationRegistry()
        OrganisationExtractor.addExpandedAcronyms(in: "Members of the Global Cleantech Cluster Association (GCCA) met.", to: &registry)
        #expect(registry.organisations.map(\.name) == ["Global Cleantech Cluster Association"])
    }

    @Test func pieceSeparatorsOnBytesAreThoseOfTheSearches() {
        let separators = [" and ", " in ", " – ", " - "]
        Self.forRandomTexts(seed: 18) { run in
            let found = OrganisationExtractor.pieceSeparators(in: run)
            #expect(found.first == separators.first { run.containsASCII($0) } && found.spacedHyphen == run.containsASCII(" - "),
                    "\(Array(run.unicodeScalars))")
        }
        #expect(OrganisationExtractor.pieceSeparators(in: "Eric Enderton - NVIDIA in Santa Clara").first == " in ")
        #expect(OrganisationExtractor.pieceSeparators(in: "Eric Enderton - NVIDIA in Santa Clara").spacedHyphen)
    }

    @Test func connectorsOnBytesAreTheConnectors() {
        for word in Self.pieces + ["", "ANd", "anD", "an", "&", "–", "-", "ofx", "De", "At"] {
            #expect(OrganisationExtractor.isASCIIConnector(word) == TextRules.isConnector(word), "\(Array(word.unicodeScalars))")
        }
    }

    @Test func registryKeysOnBytesAreTheKeysOnCharacters() {
        Self.forRandomTexts(seed: 19) { name in
            #expect(OrganisationRegistry.key(name) == OrganisationRegistry.key(name, onBytes: false), "\(Array(name.unicodeScalars))")
        }
        #expect(OrganisationRegistry.key("The  Procter & Gamble Co.") == "procter and gamble co")
    }

    @Test func agentCuesOnBytesAreThoseOfTheLowerCasedText() {
        Self.forRandomTexts(seed: 20) { text in
            #expect(OrganisationExtractor.agentCueEnds(in: text) == OrganisationExtractor.agentCueEnds(in: text, onBytes: false),
                    "\(Array(text.unicodeScalars))")
        }
        let text = "Developed by IDPF, run by W3C and People At Google; standardised  by ISO"
        #expect(OrganisationExtractor.agentCueEnds(in: text) == OrganisationExtractor.agentCueEnds(in: text, onBytes: false))
        #expect(OrganisationExtractor.agentCueEnds(in: text).count == 3)
    }

    @Test func cueEndingsSeenByTheMentionScanAreThoseOfTheNeedleSet() {
        var decided = 0
        Self.forRandomTexts(seed: 21) { text in
            let scan = OrganisationExtractor.forEachMentionSource(in: text) { _ in }
            guard let holds = scan.holdsCueEnding else { return }
            decided += 1
            #expect(holds == OrganisationExtractor.agentCueEndings.containsAny(in: text), "\(Array(text.unicodeScalars))")
        }
        #expect(decided > 15_000)
        #expect(OrganisationExtractor.forEachMentionSource(in: "It was developed by W3C") { _ in }.holdsCueEnding == true)
        #expect(OrganisationExtractor.forEachMentionSource(in: "by W3C,as ever, Like so") { _ in }.holdsCueEnding == false)
        #expect(OrganisationExtractor.forEachMentionSource(in: "made by \u{301}W3C") { _ in }.holdsCueEnding == nil)
    }
}
