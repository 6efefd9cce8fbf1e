import Foundation
import Testing
@testable import MinutesCore

/// The organisation extractor's shortcuts for the capitalised runs worked out on bytes must answer as the rules they
/// stand for, on random texts made of `OrganisationFastPathTests.pieces`.
@Suite("Organisation run shortcuts")
struct OrganisationRunShortcutTests {
    @Test func asciiRunsAreTheirOwnTrimmedCandidates() {
        var runs = 0
        OrganisationFastPathTests.forRandomTexts(seed: 111) { text in
            OrganisationExtractor.forEachMentionSource(in: text) { source in
                guard case .run(let run) = source else { return }
                runs += 1
                let key = OrganisationRegistry.key(run)
                let byRule = MentionMemo.Candidate(run, key: key), shortcut = MentionMemo.Candidate(asciiRun: run, key: key)
                #expect(byRule.trimmed == shortcut.trimmed && byRule.isPhrase == shortcut.isPhrase && byRule.key == shortcut.key,
                        "\(Array(text.unicodeScalars))")
            }
        }
        #expect(runs > 1_000)
    }

    @Test func fromSeenByTheMentionScanIsTheByteSearch() {
        OrganisationFastPathTests.forRandomTexts(seed: 114) { text in
            let scan = OrganisationExtractor.forEachMentionSource(in: text) { _ in }
            let expected = text.containsASCII(" from ")
            if let holdsFrom = scan.holdsFrom {
                #expect(holdsFrom == expected, "\(Array(text.unicodeScalars))")
            } else {
                // Left to Foundation only where the byte search leaves it too.
                var undecided = false
                if case .undecided = UTF8Search.firstMatch(of: " from ", in: text) { undecided = true }
                #expect(undecided, "\(Array(text.unicodeScalars))")
            }
        }
        #expect(OrganisationExtractor.forEachMentionSource(in: "Jo Bloggs from Acme") { _ in }.holdsFrom == true)
        #expect(OrganisationExtractor.forEachMentionSource(in: "from Acme, or from") { _ in }.holdsFrom == false)
        #expect(OrganisationExtractor.forEachMentionSource(in: "Jo Bloggs from \u{301}Acme") { _ in }.holdsFrom == nil)
    }

    @Test func nameWordShapesNeverRefuseAWordTheyHold() {
        var generator = SplitMix64(seed: 112)
        var shapes = NameWordShapes()
        var held: Set<String> = []
        let pieces = ["a", "b", "apache", "software", "foundation", "é", "ß", "x", "0", "-", "and"]
        for round in 0..<5_000 {
            let word = generator.text(of: pieces, maxPieces: 5)
            if round % 3 == 0 {
                shapes.insert(word.utf8)
                held.insert(word)
            }
            var bytes = word
            let mayHold = bytes.withUTF8 { shapes.mayHold($0) }
            if held.contains(word) { #expect(mayHold, "\(word)") }
        }
        #expect(held.count > 100)
    }

    @Test func asciiKeysDropALeadingTheAsTheKeysOnCharacters() {
        let names = ["The Apache Software Foundation", "the", "The ", "Thereby Group", "R&D Council", "&", " & ", "A  B\tC\nD",
                     "THE  ACME", "the&x", "Ärzte", "x\r\ny", "", "  The the"]
        // Random names: `OrganisationFastPathTests.registryKeysOnBytesAreTheKeysOnCharacters`; here the leading "the".
        for name in names {
            #expect(OrganisationRegistry.key(name) == OrganisationRegistry.key(name, onBytes: false), "\(name)")
        }
    }
}
