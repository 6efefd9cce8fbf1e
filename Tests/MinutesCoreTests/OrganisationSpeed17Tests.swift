import Foundation
import Testing
@testable import MinutesCore

/// The organisation extractor's shortcuts of session 13 must answer exactly as the rules they stand for, on random
/// texts made of `OrganisationFastPathTests.pieces` and of the words that make names, aliases and organisation words.
@Suite("Organisation speed shortcuts (session 13)")
struct OrganisationSpeed17Tests {
    /// Pieces for runs that are, or are near, names, aliases and new organisations.
    static let pieces = OrganisationFastPathTests.pieces + [
        "Bright", "Green", "Island", "Bornholm", "Software", "Foundation,", "Foundation's", "Software-Foundation", "Acme",
        "Corp", "Corp.", "Inc.", "A/S", "Co.", "Labs", "Systems", "Apache-Software", "APACHE", "SOFTWARE", "For", "FOR",
        "In", "AND", "Des", "The Apache", "of the", " and ", " in ", " - ", "R&D", "Green\tIsland", "Island\nBornholm",
        "Cleantech", "Association", "Cluster", "Finnish", "Center", "Business", "Hub", "Forum", "Office", "x7", "7x",
        "Ärzte", "Zoë", "Green\u{A0}Island", "\u{A0}", "Bornholm\u{2009}", "Island\u{600}", "\u{600}", "Foundation’s",
        "\u{212A}", "\u{130}", "–", "Bright–Green", "Ståhl", "É",
    ]

    /// A registry that already knows some organisations, so that runs can be its aliases and name it again.
    static func seededRegistry() -> OrganisationRegistry {
        var registry = OrganisationRegistry()
        registry.add("Apache Software Foundation")
        registry.add("Bright Green Island – Business Center Bornholm")
        registry.add("Global Cleantech Cluster Association", acronym: "GCCA")
        registry.add("Ärzte Ståhl Zoë Foundation")
        return registry
    }

    @Test func screenedRunsAddWhatEveryRunAdds() {
        var generator = SplitMix64(seed: 171)
        var changes = 0
        for round in 0..<3_000 {
            let texts = (0..<Int(1 + generator.next() % 6)).map { _ in
                (0..<Int(generator.next() % 24)).map { _ in
                    let piece = generator.pick(Self.pieces)
                    return generator.next() % 3 == 0 ? piece : piece + " "
                }.joined()
            }
            let context = MentionContext(texts: texts)
            var screened = round % 2 == 0 ? Self.seededRegistry() : OrganisationRegistry(), everyRun = screened
            var screenedMemo = MentionMemo(context: context), everyRunMemo = MentionMemo(context: context)
            let before = screened.revision
            for text in texts {
                OrganisationExtractor.addMentions(in: text, memo: &screenedMemo, to: &screened)
                OrganisationExtractor.addMentions(in: text, memo: &everyRunMemo, to: &everyRun, screensRuns: false)
                #expect(screened.organisations == everyRun.organisations, "\(texts.map { Array($0.unicodeScalars) })")
            }
            if screened.revision != before { changes += 1 }
        }
        // The texts name new organisations and aliases often enough for the comparison to mean something.
        #expect(changes > 300)
    }

    @Test func runsThatChangeTheRegistryAreNeverScreenedOut() {
        // Each run tried alone against the seeded registry: a run the screen refuses changes nothing.
        var generator = SplitMix64(seed: 172)
        var refused = 0, passed = 0
        for _ in 0..<20_000 {
            let text = (0..<Int(generator.next() % 9)).map { _ in generator.pick(Self.pieces) }.joined(separator: " ")
            /// Tries `run` alone against the seeded registry, which the screen reads as `screened`.
            func check(_ run: String, screened: UnsafeBufferPointer<UInt8>) {
                // The run read alone is that run again: trying it alone is what `addMentions` does with it.
                var again: [String] = []
                OrganisationExtractor.forEachMentionSource(in: run) { source in
                    switch source {
                    case .run(let found): again.append(found)
                    case .stretch(let stretch): again += TextRules.capitalisedRuns(in: stretch, multiWordOnly: true)
                    }
                }
                guard again == [run] else { return }
                var registry = Self.seededRegistry()
                let mayChange = OrganisationRegistry.mayChange(trying: screened, nameWords: registry.nameWordFilter)
                var memo = MentionMemo(context: MentionContext(texts: [text]))
                let before = registry.revision
                OrganisationExtractor.addMentions(in: run, memo: &memo, to: &registry, screensRuns: false)
                if mayChange == false {
                    refused += 1
                    #expect(registry.revision == before, "\(run)")
                } else {
                    passed += 1
                }
            }
            OrganisationExtractor.forEachMentionSpan(in: text) { span in
                switch span {
                case .plainStretch(let stretch):
                    // The stretch is screened for its run.
                    let run: String
                    switch OrganisationExtractor.asciiRun(in: stretch, from: 0, to: stretch.count) {
                    case .inPlace(let range)?: run = String(decoding: UnsafeBufferPointer(rebasing: stretch[range]), as: UTF8.self)
                    case .joined(let joined)?: run = joined
                    case nil: return
                    }
                    check(run, screened: stretch)
                case .stretch(let stretch):
                    for run in TextRules.capitalisedRuns(in: stretch, multiWordOnly: true) {
                        var bytes = run
                        bytes.withUTF8 { check(run, screened: $0) }
                    }
                }
            }
        }
        #expect(refused > 1_000 && passed > 500)
    }

    @Test func wordFiltersHoldEveryWordInserted() {
        var generator = SplitMix64(seed: 173)
        var filter = OrganisationWordFilter()
        var held: [String] = []
        for round in 0..<5_000 {
            let word = generator.text(of: ["a", "B", "apache", "Software", "-", ".", "é", "0", "x", "'s"], maxPieces: 5)
            if round % 2 == 0 {
                filter.insert(word.utf8)
                held.append(word)
            }
        }
        for word in held {
            #expect(filter.mayHold(OrganisationWordFilter.hash(word.utf8)), "\(word)")
            // A word hashes as its letters and digits, lower-cased.
            let folded = String(decoding: word.utf8.filter(OrganisationWordFilter.isLetterOrDigit).map { $0 | 0x20 }, as: UTF8.self)
            #expect(OrganisationWordFilter.hash(folded.utf8) == OrganisationWordFilter.hash(word.utf8), "\(word)")
        }
        for cue in Vocabulary.organisationCues {
            #expect(OrganisationRegistry.cueWordFilter.mayHold(OrganisationWordFilter.hash(cue.utf8)), "\(cue)")
        }
    }
}
