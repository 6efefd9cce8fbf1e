import Foundation
import Testing
@testable import MinutesCore

/// The byte-keyed run table numbers runs as a dictionary of their bytes would, and the space search eight bytes at a
/// time finds every space.
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
}
