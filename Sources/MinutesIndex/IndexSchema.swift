import Foundation
import GRDB
import MinutesCore

/// The index's versioned schema. Each migration is applied once, in order; an index that
/// records migrations this build does not know is refused rather than modified.
///
/// - v1: one document per file; the stored JSON repeated every finding.
/// - v2: one document per meeting (a file of running notes holds several, keyed by path and
///   meeting number); the stored JSON leaves the findings out (they are the `findings` rows,
///   stored once); finding kinds as small integers; indexes no query used are gone. A v1
///   index is converted in place the first time it is opened for writing.
/// - v3: a meeting's title is indexed once, in its own full-text table, instead of with every
///   finding of the meeting (it took about 40 bytes a finding). Search matches a word in a
///   finding's text or in its meeting's title, as before (see `MinutesIndex.rank`).
/// - v4: the full-text tables keep no per-row token counts (`columnsize=0`, about 10 bytes a
///   finding); each finding's count is one byte of `TokenLengths` (256 findings a row), which
///   BM25 reads (`RankFunction`: the same scores as FTS5's `bm25`). A v3 index is converted in
///   place the first time it is opened for writing. Participants and organisations are keyed
///   by document and number (no rowid, no separate index); "present" is stored as NULL; a
///   document's extras are "" when there are none and its SHA-256 is 32 bytes (`StoredHash`);
///   findings' due dates and topics (rare) are rows of `finding_details`. New indexes use
///   8 KiB pages and full auto-vacuum (pages freed by FTS5 merges go back at each commit).
enum IndexSchema {
    /// The identifier of the current schema's migration.
    static let currentVersion = "v4-compact-full-text"

    /// Name of the full-text table over findings text.
    static let ftsTable = "findings_fts"
    /// Name of the table of findings' due dates and topics (schema v4: a row only for a finding
    /// with either, so the rest do not carry two empty columns).
    static let detailsTable = "finding_details"
    /// Name of the full-text table over meeting titles (one row per document).
    static let titlesTable = "titles_fts"
    /// FTS5 tokenizer: stemming (porter) over Unicode words with diacritics removed and
    /// letters such as ø and æ folded (see `FoldingTokenizer`).
    static let tokenizer = "porter \(FoldingTokenizer.name) unicode61 remove_diacritics 2"

    /// The migrator holding every migration this build knows.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents-findings-fts") { db in
            try db.execute(sql: """
                CREATE TABLE documents(
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    sha256 TEXT NOT NULL,
                    format TEXT NOT NULL,
                    title TEXT,
                    date TEXT,
                    location TEXT,
                    json TEXT NOT NULL,
                    ingested_at TEXT NOT NULL
                );
                CREATE INDEX documents_sha256 ON documents(sha256);
                CREATE INDEX documents_date ON documents(date);

                CREATE TABLE participants(
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    organisation TEXT,
                    job_title TEXT,
                    attendance TEXT,
                    roles TEXT
                );
                CREATE INDEX participants_document ON participants(document_id);
                CREATE INDEX participants_name ON participants(name COLLATE NOCASE);

                CREATE TABLE organisations(
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    acronym TEXT,
                    aliases TEXT
                );
                CREATE INDEX organisations_document ON organisations(document_id);
                CREATE INDEX organisations_name ON organisations(name COLLATE NOCASE);

                CREATE TABLE findings(
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    owner TEXT,
                    due TEXT,
                    text TEXT NOT NULL,
                    topic TEXT
                );
                CREATE INDEX findings_document ON findings(document_id);
                CREATE INDEX findings_owner ON findings(owner COLLATE NOCASE);

                -- The text the full-text index covers: each finding with its meeting's title.
                CREATE VIEW findings_content AS
                    SELECT f.id AS id, f.text AS text, d.title AS title
                    FROM findings f JOIN documents d ON d.id = f.document_id;

                -- External-content FTS5: the text lives once, in findings/documents; rows are
                -- added and deleted by the writer in the same transaction (no triggers).
                CREATE VIRTUAL TABLE \(ftsTable) USING fts5(
                    text, title,
                    content='findings_content', content_rowid='id',
                    tokenize='\(tokenizer)'
                );
                """)
        }
        migrator.registerMigration("v2-meetings-compact-records") { db in
            try migrateToVersion2(db)
        }
        migrator.registerMigration("v3-titles-indexed-once") { db in
            try createVersion3FullText(db)
            try db.execute(sql: """
                INSERT INTO \(ftsTable)(\(ftsTable)) VALUES('rebuild');
                INSERT INTO \(titlesTable)(\(titlesTable)) VALUES('rebuild');
                """)
        }
        migrator.registerMigration(currentVersion) { db in
            try migrateToVersion4(db)
        }
        return migrator
    }

    /// Converts a version 3 index: each finding's token count moves from the full-text table's
    /// own per-row table (`findings_fts_docsize`, a varint each) to `TokenLengths`, and the
    /// full-text tables are made again without per-row counts and rebuilt from their text.
    static func migrateToVersion4(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE participants RENAME TO participants_v3;
            ALTER TABLE organisations RENAME TO organisations_v3;
            \(version4People)
            INSERT INTO participants
                SELECT document_id, row_number() OVER (PARTITION BY document_id ORDER BY rowid) - 1,
                       name, organisation, job_title, location, NULLIF(attendance, 'present'), roles
                FROM participants_v3;
            INSERT INTO organisations
                SELECT document_id, row_number() OVER (PARTITION BY document_id ORDER BY rowid) - 1,
                       name, acronym, aliases
                FROM organisations_v3;
            DROP TABLE participants_v3;
            DROP TABLE organisations_v3;
            """)
        // Due dates and topics (rare) move to their own table; findings are copied without them.
        try db.execute(sql: """
            CREATE TABLE \(detailsTable)(id INTEGER PRIMARY KEY, due TEXT, topic TEXT);
            INSERT INTO \(detailsTable) SELECT id, due, topic FROM findings WHERE due IS NOT NULL OR topic IS NOT NULL;
            CREATE TABLE findings_v4(
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                owner TEXT,
                text TEXT NOT NULL
            );
            INSERT INTO findings_v4 SELECT id, document_id, kind, owner, text FROM findings ORDER BY id;
            DROP TABLE findings;
            ALTER TABLE findings_v4 RENAME TO findings;
            """)
        let plainExtras = String(decoding: try IndexWriter.encoder().encode(StoredExtras.plain), as: UTF8.self)
        try db.execute(sql: "UPDATE documents SET extras = '' WHERE extras = ?", arguments: [plainExtras])
        let hashes = try Row.fetchAll(db, sql: "SELECT id, sha256 FROM documents WHERE typeof(sha256) = 'text'")
        let storeHash = try db.makeStatement(sql: "UPDATE documents SET sha256 = ? WHERE id = ?")
        for row in hashes {
            guard let bytes = StoredHash.bytes(row["sha256"]) else { continue }
            try storeHash.execute(arguments: [Data(bytes), row["id"] as Int64])
        }
        try db.execute(sql: TokenLengths.createSQL)
        let read = try db.makeStatement(sql: "SELECT counts FROM \(TokenLengths.table) WHERE chunk = ?")
        let write = try db.makeStatement(sql: "INSERT OR REPLACE INTO \(TokenLengths.table)(chunk, counts) VALUES (?, ?)")
        let sizes = try Row.fetchCursor(db, sql: "SELECT id, sz FROM \(ftsTable)_docsize ORDER BY id")
        var first: Int64 = -1
        var codes: [UInt8] = []
        while let row = try sizes.next() {
            let id: Int64 = row[0]
            if id != first + Int64(codes.count) || codes.count == Int(TokenLengths.chunkSize) {
                if !codes.isEmpty { try TokenLengths.store(codes, first: first, read: read, write: write) }
                first = id
                codes = []
            }
            codes.append(TokenLengths.code(firstVarint(row[1] as Data? ?? Data()) ?? -1))
        }
        if !codes.isEmpty { try TokenLengths.store(codes, first: first, read: read, write: write) }
        try createVersion4FullText(db)
        try db.execute(sql: """
            INSERT INTO \(ftsTable)(\(ftsTable)) VALUES('rebuild');
            INSERT INTO \(titlesTable)(\(titlesTable)) VALUES('rebuild');
            """)
    }

    /// The version 4 participant and organisation tables: keyed by document and number in the
    /// meeting (no rowid and no separate index on the document); a participant who was present
    /// (nearly everyone) has a NULL `attendance`.
    static let version4People = """
        CREATE TABLE participants(
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            name TEXT NOT NULL,
            organisation TEXT,
            job_title TEXT,
            location TEXT,
            attendance TEXT,
            roles TEXT,
            PRIMARY KEY(document_id, number)
        ) WITHOUT ROWID;
        CREATE TABLE organisations(
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            name TEXT NOT NULL,
            acronym TEXT,
            aliases TEXT,
            PRIMARY KEY(document_id, number)
        ) WITHOUT ROWID;
        """

    /// The first SQLite varint of `bytes` (how FTS5 stores a row's token count); nil when
    /// `bytes` ends inside it.
    static func firstVarint(_ bytes: Data) -> Int? {
        var value = 0
        for (offset, byte) in bytes.prefix(9).enumerated() {
            if offset == 8 { return value << 8 | Int(byte) }
            value = value << 7 | Int(byte & 0x7F)
            if byte < 0x80 { return value }
        }
        return nil
    }

    /// Replaces the full-text tables by the version 4 ones: the same text and tokenizer, with
    /// no table of per-row token counts (`columnsize=0`). The caller rebuilds them.
    static func createVersion4FullText(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS \(ftsTable);
            DROP TABLE IF EXISTS \(titlesTable);
            CREATE VIRTUAL TABLE \(ftsTable) USING fts5(
                text, content='findings', content_rowid='id', columnsize=0, tokenize='\(tokenizer)'
            );
            CREATE VIRTUAL TABLE \(titlesTable) USING fts5(
                title, content='documents', content_rowid='id', columnsize=0, tokenize='\(tokenizer)'
            );
            """)
    }

    /// Replaces the version 2 full-text table (findings text with the meeting title) by the
    /// version 3 ones: findings text, and meeting titles. External content: the text lives
    /// once, in `findings` and `documents`; the writer adds and deletes entries in the same
    /// transaction (no triggers).
    static func createVersion3FullText(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS \(ftsTable);
            DROP VIEW IF EXISTS findings_content;
            DROP TABLE IF EXISTS \(titlesTable);
            CREATE VIRTUAL TABLE \(ftsTable) USING fts5(
                text, content='findings', content_rowid='id', tokenize='\(tokenizer)'
            );
            CREATE VIRTUAL TABLE \(titlesTable) USING fts5(
                title, content='documents', content_rowid='id', tokenize='\(tokenizer)'
            );
            """)
    }

    /// The version 2 tables, views and indexes.
    ///
    /// Every field of a record is stored once: the document row holds the source, title, date,
    /// location and (as `extras`, JSON) the related documents and warnings; people,
    /// organisations and findings are rows of their own. A document's findings have the
    /// consecutive ids `first_finding ..< first_finding + findings`, so they need no index.
    /// The row counts let a reader check that a document is whole.
    static let version2 = """
        CREATE TABLE documents(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            meeting INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            title TEXT,
            date TEXT,
            location TEXT,
            first_finding INTEGER NOT NULL,
            findings INTEGER NOT NULL,
            participants INTEGER NOT NULL,
            organisations INTEGER NOT NULL,
            extras TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            UNIQUE(path, meeting)
        );

        CREATE TABLE participants(
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            organisation TEXT,
            job_title TEXT,
            location TEXT,
            attendance TEXT,
            roles TEXT
        );
        CREATE INDEX participants_document ON participants(document_id);

        CREATE TABLE organisations(
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            acronym TEXT,
            aliases TEXT
        );
        CREATE INDEX organisations_document ON organisations(document_id);

        -- kind: 0 finding, 1 decision, 2 action (see IndexWriter.kindCode). No foreign key:
        -- the writer deletes a document's findings by their id range.
        CREATE TABLE findings(
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            owner TEXT,
            due TEXT,
            topic TEXT,
            text TEXT NOT NULL
        );

        -- The text the full-text index covers: each finding with its meeting's title.
        CREATE VIEW findings_content AS
            SELECT f.id AS id, f.text AS text, d.title AS title
            FROM findings f JOIN documents d ON d.id = f.document_id;

        -- External-content FTS5: the text lives once, in findings/documents; rows are
        -- added and deleted by the writer in the same transaction (no triggers).
        CREATE VIRTUAL TABLE \(ftsTable) USING fts5(
            text, title,
            content='findings_content', content_rowid='id',
            tokenize='\(tokenizer)'
        );
        """

    /// Converts a version 1 index: every stored record (v1 JSON holds the whole record) is
    /// written again into the version 2 tables, keeping its path, hash and ingest time.
    static func migrateToVersion2(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE \(ftsTable);
            DROP VIEW findings_content;
            DROP TABLE findings;
            DROP TABLE participants;
            DROP TABLE organisations;
            ALTER TABLE documents RENAME TO documents_v1;
            """)
        try db.execute(sql: version2)
        // The writer below writes the current full-text tables (the v3 migration rebuilds them).
        try createVersion3FullText(db)
        let decoder = JSONDecoder()
        var writer = try IndexWriter(db)
        let rows = try Row.fetchCursor(db, sql: "SELECT path, json, ingested_at FROM documents_v1 ORDER BY id")
        while let row = try rows.next() {
            let path: String = row["path"]
            let json: String = row["json"]
            let record: MeetingRecord
            do {
                record = try decoder.decode(MeetingRecord.self, from: Data(json.utf8))
            } catch {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the stored record of \(path) does not decode")
            }
            let meeting = try PreparedMeeting(record, encoder: writer.encoder)
            try writer.insert(meeting, number: 0, path: path, timestamp: row["ingested_at"])
        }
        try db.execute(sql: "DROP TABLE documents_v1")
    }
}
