import Foundation
import Testing
@testable import MinutesCore

/// The byte-keyed run table numbers runs as a dictionary of their bytes would, the space search eight bytes at a time
/// finds every space, and the mention scan's breaking words (lower-case, "…", "—", "•", "·", no-break spaces; non-ASCII or not) break runs as
/// `capitalisedRuns` breaks them.
@Suite("Organisation run table")
struct OrganisationRunTableTests {
    @Test func numbersRunsInTheOrderFirstSeen() {
        var table = OrganisationRunTable()
        var expected: [[UInt8]: Int] = [:]
        var generator = SplitMix64(seed: 131)
        let pieces = ["Apache", "Software", "Foundation", " ", "of", "The", "A", "é", "\u{301}", "", "Group", "W3C"]
        for _ in 0..<20_000 {
            let run = Array(generator.text(of: pieces, maxPieces: 6).utf8)
            let next = expected.count
            let number = expected[run, default: next]
            expected[run] = number
            let (index, isNew) = run.withUnsafeBufferPointer { table.insert($0) }
            #expect(index == number && isNew == (number == next), "\(run)")
        }
        #expect(table.count == expected.count)
    }

    @Test func forEachSpaceFindsEverySpace() {
        OrganisationFastPathTests.forRandomTexts(seed: 133) { text in
            let bytes = Array(text.utf8)
            var found: [Int] = []
            bytes.withUnsafeBufferPointer { buffer in OrganisationExtractor.forEachSpace(in: buffer) { found.append($0) } }
            #expect(found == bytes.indices.filter { bytes[$0] == UInt8(ascii: " ") }, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func breakingWordsBreakRunsAsTheCharacterRuleDoes() {
        let pieces = ["Apache", "Software", "Foundation", "The", "of", "Of", "and", "de", "du", "the", "in", "…", "—", "–",
                      "-", "“", "”", "’", "'", "(", "\"", ",", ".", "é", "e\u{301}", "\u{301}", "É", "x", "y", "z", "q",
                      "\r", "\r\n", "of…", "…Foo", "—The", "•", "·", "\u{A0}", "\u{A0}No", "•\u{301}", "·of", "\u{A0}\u{301}"]
        forRandomTexts(of: pieces.flatMap { [$0, $0 + " "] }, seed: 134, maxPieces: { _ in 24 }) { text in
            #expect(OrganisationFastPathTests.mentionRuns(in: text) == TextRules.capitalisedRuns(in: text, multiWordOnly: true),
                    "\(Array(text.unicodeScalars))")
        }
    }
}
