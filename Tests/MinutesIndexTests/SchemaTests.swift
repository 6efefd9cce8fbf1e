import Foundation
import GRDB
import MinutesCore
import Testing
@testable import MinutesIndex

/// Running notes: three dated meetings in one file.
private let runningNotes = """
    # Widget TAC Meeting Notes

    # **2024-12-10**

    Attendees: Jane Doe, Raj Patel

    ACTION: Jane to draft the charter

    # **2024-11-26**

    Attendees: Ann Lee

    RESOLVED: adopt the harbour budget

    # **2024-11-12**

    Attendees: Ann Lee, Raj Patel

    RESOLVED: adopt the tram timetable
    """

@Suite struct SchemaTests {
    @Test func everyMeetingOfRunningNotesIsStoredAndReplacedTogether() throws {
        let directory = try TemporaryDirectory()
        let notes = try directory.write("notes/tac.md", runningNotes)
        let index = try MinutesIndex(path: directory.file("index.sqlite"))
        let summary = try index.ingest(paths: [notes])
        #expect(summary.added == 1 && summary.failed.isEmpty)
        let meetings = try index.meetings(path: notes)
        #expect(meetings.map(\.date) == ["2024-12-10", "2024-11-26", "2024-11-12"])
        #expect(try index.counts().documents == 3)
        #expect(try index.search(query: "tram timetable").first?.document.date == "2024-11-12")
        #expect(try index.record(path: notes, meeting: 1).findings.map(\.text) == ["adopt the harbour budget"])
        #expect(throws: IndexError.notIndexed(path: notes)) { try index.record(path: notes, meeting: 3) }
        #expect(try index.ingest(paths: [notes]).unchanged == 1)

        // A new version with fewer meetings replaces them all.
        let firstMeeting = runningNotes.components(separatedBy: "# **2024-11-26**")[0]
        try directory.write("notes/tac.md", firstMeeting)
        #expect(try index.ingest(paths: [notes]).updated == 1)
        #expect(try index.counts().documents == 1)
        #expect(try index.search(query: "tram").isEmpty)
        try index.remove(path: notes)
        #expect(try index.counts().documents == 0)
    }

    @Test func storedRecordsComeBackWhole() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        for original in sampleRecords() {
            #expect(try index.record(path: original.source.path) == original)
            let json = try index.show(path: original.source.path)
            #expect(try JSONDecoder().decode(MeetingRecord.self, from: Data(json.utf8)) == original)
        }
    }

    @Test func versionOneIndexIsConvertedOnWriteAndRefusedReadOnly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("index.sqlite")
        // A version 1 index, written the way version 1 wrote it: the whole record as JSON.
        let originals = sampleRecords()
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { db in db.add(tokenizer: FoldingTokenizer.self) }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try IndexSchema.migrator.migrate(pool, upTo: "v1-documents-findings-fts")
            let encoder = IndexWriter.encoder()
            try pool.write { db in
                for record in originals {
                    try db.execute(sql: """
                        INSERT INTO documents(path, sha256, format, title, date, location, json, ingested_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00Z')
                        """, arguments: [record.source.path, record.source.sha256, record.source.format.rawValue,
                                         record.title, record.date, record.location,
                                         String(decoding: try encoder.encode(record), as: UTF8.self)])
                }
            }
            try pool.close()
        }
        #expect(throws: IndexError.olderSchema(path: path)) { try MinutesIndex(path: path, mode: .readOnly) }
        let index = try MinutesIndex(path: path)
        #expect(try index.counts() == IndexCounts(documents: 3, findings: 9, participants: 4, organisations: 3))
        for original in originals { #expect(try index.record(path: original.source.path) == original) }
        #expect(try index.search(query: "tram investment").first?.text == "The delegation visited Malmø to study tram investment")
        #expect(try index.ingest(records: originals).unchanged == 3)
        _ = try MinutesIndex(path: path, mode: .readOnly)
    }

    @Test func partialMatchesAreRankedByHowManyWordsTheyHave() throws {
        let directory = try TemporaryDirectory()
        let index = try MinutesIndex(path: directory.file("index.sqlite"))
        let texts = [
            "harbour dredging contract", "harbour dredging", "harbour", "dredging contract", "contract",
            "harbour dredging contract renewal", "unrelated text",
        ]
        _ = try index.ingest(records: texts.enumerated().map { number, text in
            record("/docs/\(number).txt", findings: [Finding(text: text)])
        })
        let hits = try index.search(query: "harbour dredging contract zeppelin", limit: 10).map(\.text)
        #expect(hits.count == 6)
        #expect(Set(hits.prefix(2)) == ["harbour dredging contract", "harbour dredging contract renewal"])
        #expect(Set(hits[2...3]) == ["harbour dredging", "dredging contract"])
        #expect(Set(hits.suffix(2)) == ["harbour", "contract"])
    }

    @Test func longNaturalQueriesStillFindPartialMatches() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        let words = "alpha beta gamma delta epsilon zeta theta iota kappa lambda budget benchmarking report"
        let hits = try index.search(query: words, limit: 2).map(\.text)
        #expect(hits.first == "Alice will prepare the benchmarking report")
        #expect(hits.count == 2)
    }
}
