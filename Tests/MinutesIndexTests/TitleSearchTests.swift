import Foundation
import GRDB
import MinutesCore
import Testing
@testable import MinutesIndex

/// Meeting titles are indexed once per meeting (schema v3); a finding still has a word when its
/// text or its meeting's title has it.
@Suite struct TitleSearchTests {
    func index(_ directory: TemporaryDirectory) throws -> MinutesIndex {
        let index = try MinutesIndex(path: directory.file("index.sqlite"))
        _ = try index.ingest(records: [
            record("/docs/harbour.md", title: "Harbour committee", findings: [
                Finding(text: "Adopt the dredging budget"), Finding(text: "Paint the lighthouse"),
            ]),
            record("/docs/council.md", title: "City council", findings: [
                Finding(text: "Adopt the school budget"), Finding(text: "The harbour master reported on moorings"),
            ]),
        ])
        return index
    }

    @Test func aWordOnlyInTheTitleFindsTheMeetingsFindingsAfterTextMatches() throws {
        let directory = try TemporaryDirectory()
        let hits = try index(directory).search(query: "harbour", limit: 10)
        #expect(hits.first?.text == "The harbour master reported on moorings")
        #expect(Set(hits.dropFirst().map(\.text)) == ["Adopt the dredging budget", "Paint the lighthouse"])
        // Title-only hits have no highlighted words: the snippet is the text.
        #expect(hits.last?.snippet == hits.last?.text)
    }

    @Test func titleAndTextWordsTogetherCountAsEveryWord() throws {
        let directory = try TemporaryDirectory()
        let hits = try index(directory).search(query: "harbour budget", limit: 3).map(\.text)
        // Both words: "harbour" from the title, "budget" from the text.
        #expect(hits.first == "Adopt the dredging budget")
        #expect(hits.count == 3)
    }

    @Test func filtersApplyToTitleMatches() throws {
        let directory = try TemporaryDirectory()
        let hits = try index(directory).search(query: "committee", filters: SearchFilters(document: "council.md"))
        #expect(hits.isEmpty)
    }

    @Test func reingestAndRemoveKeepTheTitleIndexInStep() throws {
        let directory = try TemporaryDirectory()
        let index = try index(directory)
        _ = try index.ingest(records: [record("/docs/harbour.md", title: "Marina board", version: "2",
                                              findings: [Finding(text: "Adopt the dredging budget")])])
        #expect(try index.search(query: "committee").isEmpty)
        #expect(try index.search(query: "marina").map(\.text) == ["Adopt the dredging budget"])
        try index.remove(path: "/docs/harbour.md")
        #expect(try index.search(query: "marina").isEmpty)
        let integrity = try index.pool.write { db in
            try db.execute(sql: "INSERT INTO \(IndexSchema.titlesTable)(\(IndexSchema.titlesTable)) VALUES('integrity-check')")
            try db.execute(sql: "INSERT INTO \(IndexSchema.ftsTable)(\(IndexSchema.ftsTable)) VALUES('integrity-check')")
            return true
        }
        #expect(integrity)
    }

    @Test func versionTwoIndexIsConvertedToTitlesIndexedOnce() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("index.sqlite")
        do {
            // A version 2 index as version 2 wrote it: the title in every finding's full-text row.
            var configuration = Configuration()
            configuration.prepareDatabase { db in db.add(tokenizer: FoldingTokenizer.self) }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try IndexSchema.migrator.migrate(pool, upTo: "v2-meetings-compact-records")
            try pool.write { db in
                try db.execute(sql: """
                    DROP TABLE \(IndexSchema.ftsTable);
                    DROP TABLE \(IndexSchema.titlesTable);
                    CREATE VIEW findings_content AS
                        SELECT f.id AS id, f.text AS text, d.title AS title
                        FROM findings f JOIN documents d ON d.id = f.document_id;
                    CREATE VIRTUAL TABLE \(IndexSchema.ftsTable) USING fts5(
                        text, title, content='findings_content', content_rowid='id', tokenize='\(IndexSchema.tokenizer)');
                    INSERT INTO documents(id, path, meeting, sha256, format, encoding, bytes, title, date, location,
                                          first_finding, findings, participants, organisations, extras, ingested_at)
                    VALUES (1, '/docs/harbour.md', 0, 'x', 'markdown', 'UTF-8', 10, 'Harbour committee', NULL, NULL,
                            1, 1, 0, 0, '{"schemaVersion":"1.0"}', '2025-01-01T00:00:00Z');
                    INSERT INTO findings(id, document_id, kind, text) VALUES (1, 1, 1, 'Adopt the dredging budget');
                    INSERT INTO \(IndexSchema.ftsTable)(\(IndexSchema.ftsTable)) VALUES('rebuild');
                    """)
            }
            try pool.close()
        }
        #expect(throws: IndexError.olderSchema(path: path)) { try MinutesIndex(path: path, mode: .readOnly) }
        let index = try MinutesIndex(path: path)
        #expect(try index.search(query: "harbour budget").map(\.text) == ["Adopt the dredging budget"])
        #expect(try index.search(query: "dredging").map(\.text) == ["Adopt the dredging budget"])
    }
}
