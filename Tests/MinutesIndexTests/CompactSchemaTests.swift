import Foundation
import GRDB
import MinutesCore
import Testing
@testable import MinutesIndex

/// Records with every kind of stored value schema v4 encodes differently: an absent participant,
/// warnings and related documents (extras that are not plain), a hash that is not hex, a finding
/// of more than 254 tokens, an empty one with a topic, a due date (in `sampleRecords`), and text
/// with letters and punctuation outside ASCII.
private func compactRecords() -> [MeetingRecord] {
    var special = record("/docs/special.md", title: "Harbour – board", date: "2024-05-01",
                         participants: [Participant(name: "Eve Absent", attendance: .absent, meetingRoles: [.chair]),
                                        Participant(name: "Finn Here")],
                         organisations: [Organisation(name: "Port Authority", acronym: "PA"),
                                         Organisation(name: "Harbour Trust")],
                         findings: [
                             Finding(text: "Łódź and Malmø — twinned harbours; “investment” rose 40 %", kind: .finding),
                             Finding(text: (0..<300).map { "word\($0 % 7) budget" }.joined(separator: " "), kind: .decision),
                             Finding(text: "", kind: .finding, topic: "Twinning"),
                         ])
    special.warnings = ["no attendee list"]
    special.relatedDocuments = [RelatedDocument(title: "Agenda", url: "https://example.org/agenda")]
    var odd = record("/docs/odd-hash.txt", findings: [Finding(text: "An odd hash still matches the budget")])
    odd.source.sha256 = "not-a-hex-digest"
    return sampleRecords() + [special, odd]
}

/// Queries covering single words, stems, diacritics, prefixes, phrases and explicit operators.
private let queries = ["investment", "budget", "the", "malmo", "lodz", "attract*", "\"the board\"", "tram OR budget",
                       "word3", "harbour budget zeppelin", "board NOT budget"]

/// Each query's rows and their scores from FTS5's built-in `bm25`.
private func builtInScores(_ db: Database) throws -> [String: [Int64: Double]] {
    var scores: [String: [Int64: Double]] = [:]
    for query in queries {
        let rows = try Row.fetchAll(db, sql: """
            SELECT rowid, bm25(\(IndexSchema.ftsTable)) FROM \(IndexSchema.ftsTable) WHERE \(IndexSchema.ftsTable) MATCH ?
            """, arguments: [query])
        scores[query] = Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, $0[1] as Double) })
    }
    return scores
}

/// Each query's rows and their scores from `minutes_bm25`.
private func rankFunctionScores(_ db: Database) throws -> [String: [Int64: Double]] {
    var scores: [String: [Int64: Double]] = [:]
    for query in queries {
        let rows = try Row.fetchAll(db, sql: """
            SELECT rowid, \(MinutesIndex.rankExpression) FROM \(IndexSchema.ftsTable) WHERE \(IndexSchema.ftsTable) MATCH ?
            """, arguments: [query])
        scores[query] = Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, $0[1] as Double) })
    }
    return scores
}

/// Expects the same rows for every query, with scores equal to 1e-9.
private func expectSameScores(_ actual: [String: [Int64: Double]], _ expected: [String: [Int64: Double]],
                              sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(expected["budget"]?.count ?? 0 >= 3, sourceLocation: sourceLocation)
    for query in queries {
        let got = actual[query] ?? [:], want = expected[query] ?? [:]
        #expect(Set(got.keys) == Set(want.keys), "\(query)", sourceLocation: sourceLocation)
        for (rowid, score) in want {
            #expect(abs((got[rowid] ?? .nan) - score) < 1e-9, "\(query) row \(rowid)", sourceLocation: sourceLocation)
        }
    }
}

/// Every query's hits as the CLI would show them.
private func allHits(_ index: MinutesIndex) throws -> [[SearchHit]] {
    try queries.map { try index.search(query: $0, limit: 20) }
        + [try index.search(query: "budget", filters: SearchFilters(person: "Eve"), limit: 20),
           try index.search(query: "budget", filters: SearchFilters(org: "Trust"), limit: 20),
           try index.search(query: "investment", filters: SearchFilters(kind: .finding), limit: 20)]
}

/// Schema v4: full-text tables without per-row token counts, `TokenLengths` and `minutes_bm25`,
/// compact participant, organisation and document rows.
@Suite struct CompactSchemaTests {
    @Test func rankFunctionGivesTheBuiltInBM25Scores() throws {
        let directory = try TemporaryDirectory()
        let index = try MinutesIndex(path: directory.file("index.sqlite"))
        _ = try index.ingest(records: compactRecords())
        // Replace one document and remove another, so ids have gaps and stale length bytes.
        _ = try index.ingest(records: [record("/docs/board-2024-03.txt", version: "2", findings: [
            Finding(text: "The board approved a smaller budget"), Finding(text: "Budget, budget and budget"),
        ])])
        try index.remove(path: "/docs/council-2023-11.md")
        try index.pool.read { db in
            // The built-in function counts each row's tokens from its text: the reference.
            expectSameScores(try rankFunctionScores(db), try builtInScores(db))
            let recorded = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(TokenLengths.table)") ?? 0
            #expect(recorded > 0)
            #expect(try !db.tableExists("\(IndexSchema.ftsTable)_docsize"))
        }
    }

    @Test func unitCountsSharedAcrossStatementsGiveTheSameScores() throws {
        let directory = try TemporaryDirectory()
        let index = try MinutesIndex(path: directory.file("index.sqlite"))
        _ = try index.ingest(records: compactRecords())
        let units = ["\"budget\"", "\"harbour\"", "\"board\""]
        // The statements of one natural search: all units, every pair, any unit (phrases repeat units).
        let statements: [(expression: String, units: [Int])] = [
            (units.joined(separator: " AND "), [0, 1, 2]),
            ("(\(units[0]) AND \(units[1])) OR (\(units[0]) AND \(units[2])) OR (\(units[1]) AND \(units[2]))", [0, 1, 0, 2, 1, 2]),
            (units.joined(separator: " OR "), [0, 1, 2]),
            // Unit numbers that do not match the phrases are ignored (each phrase counted by FTS5).
            (units.joined(separator: " OR "), [0, 1]),
        ]
        func scores(_ db: Database, _ expression: String, rank: String) throws -> [Int64: Double] {
            let rows = try Row.fetchAll(db, sql: """
                SELECT rowid, \(rank) FROM \(IndexSchema.ftsTable) WHERE \(IndexSchema.ftsTable) MATCH ?
                """, arguments: [expression])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, $0[1] as Double) })
        }
        try index.pool.read { db in
            let plain = try statements.map { try scores(db, $0.expression, rank: "bm25(\(IndexSchema.ftsTable))") }
            let shared = try RankFunction.sharingUnitHits(on: db) {
                try statements.map { try scores(db, $0.expression, rank: RankFunction.expression(table: IndexSchema.ftsTable, units: $0.units)) }
            }
            #expect(!plain[1].isEmpty && plain[2].count >= 3)
            for (want, got) in zip(plain, shared) {
                #expect(Set(got.keys) == Set(want.keys))
                for (rowid, score) in want { #expect(abs((got[rowid] ?? .nan) - score) < 1e-9) }
            }
        }
    }

    @Test func tokenCountsMatchTheTokenizer() throws {
        let texts = ["", "plain words only", "C++ and vis-à-vis", "Łódź – Malmø “quoted” 40 %", "a_b 3.14 x1y2", "日本語 テキスト"]
        let queue = try DatabaseQueue()
        try queue.write { db in
            db.add(tokenizer: FoldingTokenizer.self)
            try db.execute(sql: """
                CREATE VIRTUAL TABLE t USING fts5(text, tokenize='\(IndexSchema.tokenizer)');
                CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');
                """)
            let counter = try TokenCounter(db)
            for text in texts {
                try db.execute(sql: "DELETE FROM t")
                try db.execute(sql: "INSERT INTO t(text) VALUES (?)", arguments: [text])
                let expected = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM v") ?? -1
                #expect(counter.count(text) == expected, "\(text)")
            }
        }
    }

    @Test func versionThreeIndexIsConvertedInPlaceWithSearchUnchanged() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("index.sqlite")
        let originals = compactRecords()
        var before: [String: [Int64: Double]] = [:]
        do {
            // A version 3 index as version 3 wrote it: written through the version 2 statements,
            // then with v3's encodings (hex hashes, "present", JSON extras).
            var configuration = Configuration()
            configuration.prepareDatabase { db in db.add(tokenizer: FoldingTokenizer.self) }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try IndexSchema.migrator.migrate(pool, upTo: "v3-titles-indexed-once")
            let plain = String(decoding: try IndexWriter.encoder().encode(StoredExtras.plain), as: UTF8.self)
            try pool.write { db in
                var writer = try IndexWriter(db)
                for record in originals { _ = try writer.upsert(try PreparedFile([record], encoder: writer.encoder)) }
                try db.execute(sql: """
                    UPDATE documents SET sha256 = lower(hex(sha256)) WHERE typeof(sha256) = 'blob';
                    UPDATE participants SET attendance = 'present' WHERE attendance IS NULL;
                    UPDATE documents SET extras = ? WHERE extras = '';
                    """, arguments: [plain])
                #expect(try db.tableExists("\(IndexSchema.ftsTable)_docsize"))
                before = try builtInScores(db)
            }
            try pool.close()
        }
        #expect(throws: IndexError.olderSchema(path: path)) { try MinutesIndex(path: path, mode: .readOnly) }
        let converted = try MinutesIndex(path: path)
        let fresh = try MinutesIndex(path: directory.file("fresh.sqlite"))
        _ = try fresh.ingest(records: originals)

        for original in originals { #expect(try converted.record(path: original.source.path) == original) }
        #expect(try allHits(converted) == allHits(fresh))
        #expect(try converted.people() == fresh.people())
        #expect(try converted.orgs() == fresh.orgs())
        try converted.pool.read { db in
            expectSameScores(try rankFunctionScores(db), before)
            #expect(try String.fetchOne(db, sql: "SELECT typeof(sha256) FROM documents WHERE path = '/docs/board-2024-03.txt'") == "blob")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participants WHERE attendance = 'present'") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(IndexSchema.detailsTable)") == 2)
            #expect(try !db.tableExists("participants_v3") && !db.tableExists("\(IndexSchema.ftsTable)_docsize"))
            // Vacuumed after the conversion, and auto-vacuumed from then on.
            #expect(try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 1)
            #expect(try Int.fetchOne(db, sql: "PRAGMA freelist_count") == 0)
        }
        #expect(try converted.ingest(records: originals).unchanged == originals.count)
        try converted.remove(path: "/docs/special.md")
        #expect(try converted.search(query: "lodz").isEmpty)
        let integrity = try converted.pool.write { db -> [String] in
            try db.execute(sql: "INSERT INTO \(IndexSchema.ftsTable)(\(IndexSchema.ftsTable)) VALUES('integrity-check')")
            try db.execute(sql: "INSERT INTO \(IndexSchema.titlesTable)(\(IndexSchema.titlesTable)) VALUES('integrity-check')")
            return try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        #expect(integrity == ["ok"])
        _ = try MinutesIndex(path: path, mode: .readOnly)
    }
}
