import GRDB

/// The index's versioned schema. Each migration is applied once, in order; an index that
/// records migrations this build does not know is refused rather than modified.
enum IndexSchema {
    /// Name of the full-text table over findings text and document title.
    static let ftsTable = "findings_fts"
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
        return migrator
    }
}
