import Foundation
import GRDB
import MinutesCore
import Testing
@testable import MinutesIndex

/// `minutes_units` (the units a row's text has, read while ranking) and the grouping of
/// snippet reads (`MinutesIndex.snippetGroups`).
@Suite struct MatchedUnitsTests {
    func index(_ directory: TemporaryDirectory) throws -> MinutesIndex {
        let index = try MinutesIndex(path: directory.file("index.sqlite"))
        _ = try index.ingest(records: [
            record("/docs/a.md", title: "Harbour committee", findings: [
                Finding(text: "Adopt the dredging budget"), Finding(text: "Paint the lighthouse red"),
                Finding(text: "The budget for paint"), Finding(text: "Nothing at all here"),
            ]),
        ])
        return index
    }

    /// Units of each matching row of `expression`, whose phrases are the units numbered `units`.
    func units(_ expression: String, _ units: [Int], in index: MinutesIndex) throws -> [String: UInt64] {
        try index.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT f.text, \(MatchedUnits.expression(table: "findings_fts", units: units)) AS units
                FROM findings_fts JOIN findings f ON f.id = findings_fts.rowid WHERE findings_fts MATCH ?
                """, arguments: [expression])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["text"] as String, UInt64(bitPattern: $0["units"] as Int64)) })
        }
    }

    @Test func anOrReportsTheUnitsEachRowHas() throws {
        let directory = try TemporaryDirectory()
        let found = try units("\"budget\" OR \"paint\" OR \"lighthouse\"", [0, 1, 2], in: index(directory))
        #expect(found == ["Adopt the dredging budget": 0b001, "Paint the lighthouse red": 0b110, "The budget for paint": 0b011])
    }

    @Test func anOrOfAndsCountsEachUnitOnceWhateverItsPhrases() throws {
        let directory = try TemporaryDirectory()
        // The level of two of three units: phrases a, b, a, c, b, c.
        let expression = "(\"budget\" AND \"paint\") OR (\"budget\" AND \"lighthouse\") OR (\"paint\" AND \"lighthouse\")"
        let found = try units(expression, [0, 1, 0, 2, 1, 2], in: index(directory))
        #expect(found == ["Paint the lighthouse red": 0b110, "The budget for paint": 0b011])
    }

    @Test func prefixesAndPhrasesAreUnitsToo() throws {
        let directory = try TemporaryDirectory()
        let found = try units("\"light\" * OR \"the budget\"", [0, 1], in: index(directory))
        #expect(found == ["Paint the lighthouse red": 0b01, "The budget for paint": 0b10])
    }

    @Test func unitsFromTheSixtyFourthOnAreNotCounted() {
        #expect(MatchedUnits.bit(63) == UInt64(1) << 63)
        #expect(MatchedUnits.bit(64) == 0)
        #expect(MatchedUnits.bit(-1) == 0)
    }

    @Test func partialMatchRowsAreReadOneByOneUnlessTheQueryHasAPrefix() throws {
        let rows = [10, 500, 90_000].map { MinutesIndex.Ranked(rowid: $0, rank: -1, expression: "") }
        let plain = try SearchQuery("budget paint")
        #expect(MinutesIndex.snippetGroups(rows, expression: plain.anyExpression, query: plain).count == 3)
        #expect(MinutesIndex.snippetGroups(rows, expression: plain.allExpression, query: plain).count == 1)
        let prefixed = try SearchQuery("budg* paint")
        #expect(MinutesIndex.snippetGroups(rows, expression: prefixed.anyExpression, query: prefixed).count == 1)
        let explicit = try SearchQuery("budget OR paint")
        #expect(MinutesIndex.snippetGroups(rows, expression: explicit.anyExpression, query: explicit).count == 1)
        #expect(MinutesIndex.snippetGroups(rows, expression: "", query: plain).count == 1)
    }

    @Test func partialMatchesWithTitleWordsKeepTheirOrderAndSnippets() throws {
        let directory = try TemporaryDirectory()
        let hits = try index(directory).search(query: "harbour paint lighthouse zeppelinquux", limit: 4)
        // Every unit present (title + text) first, then two of them, then the title alone.
        #expect(hits.map(\.text).prefix(2) == ["Paint the lighthouse red", "The budget for paint"])
        #expect(hits.first?.snippet == "«Paint» the «lighthouse» red")
        #expect(hits[1].snippet == "The budget for «paint»")
        #expect(hits.count == 4)
    }
}
