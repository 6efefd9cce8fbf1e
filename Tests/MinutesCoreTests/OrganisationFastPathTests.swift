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
}
