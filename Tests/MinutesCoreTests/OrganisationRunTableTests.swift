import Foundation
import Testing
@testable import MinutesCore

/// The byte-keyed run table numbers runs as a dictionary of their bytes would.
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
}
