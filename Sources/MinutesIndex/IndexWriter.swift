import Foundation
import GRDB
import MinutesCore

/// What storing one document did.
public enum IngestOutcome: String, Codable, Sendable, Equatable {
    /// A new path.
    case added
    /// A known path whose content changed: old rows replaced.
    case updated
    /// A known path with the same SHA-256: nothing written.
    case unchanged
}

/// A document that could not be ingested, and why.
public struct IngestFailure: Codable, Sendable, Equatable {
    /// The file's path.
    public var path: String
    /// One line saying what went wrong.
    public var reason: String

    /// Creates a failure entry.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Totals of one ingest run.
public struct IngestSummary: Codable, Sendable, Equatable {
    /// Documents stored for the first time.
    public var added = 0
    /// Documents whose content changed and were replaced.
    public var updated = 0
    /// Documents already stored with the same content.
    public var unchanged = 0
    /// Documents that could not be read, parsed or stored.
    public var failed: [IngestFailure] = []

    /// Creates an empty summary.
    public init() {}

    /// Documents that were stored or found up to date.
    public var succeeded: Int { added + updated + unchanged }

    /// The one-line summary: "added N, updated N, unchanged N, failed N".
    public var line: String {
        "added \(added), updated \(updated), unchanged \(unchanged), failed \(failed.count)"
    }

    mutating func count(_ outcome: IngestOutcome) {
        switch outcome {
        case .added: added += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }

    mutating func merge(_ other: IngestSummary) {
        added += other.added
        updated += other.updated
        unchanged += other.unchanged
        failed += other.failed
    }
}

/// One meeting ready to store: its record and the JSON kept for it (the record without its
/// findings, which are stored as rows). Made before the write transaction, off the writer thread.
struct PreparedMeeting: Sendable {
    /// The meeting's record, findings included.
    var record: MeetingRecord
    /// The stored JSON: `record` with an empty findings list.
    var json: String

    /// Encodes `record` for storage.
    init(_ record: MeetingRecord, encoder: JSONEncoder) throws {
        self.record = record
        var stored = record
        stored.findings = []
        json = String(decoding: try encoder.encode(stored), as: UTF8.self)
    }
}

/// Every meeting of one file, ready to store under the file's path.
struct PreparedFile: Sendable {
    /// The path the meetings are stored under.
    var path: String
    /// The SHA-256 of the file's bytes.
    var sha256: String
    /// The file's meetings, in the file's order (at least one).
    var meetings: [PreparedMeeting]

    /// Prepares the meetings of one file; they must share one `source` path and hash.
    init(_ records: [MeetingRecord], encoder: JSONEncoder) throws {
        guard let first = records.first else { throw IndexError.storage(path: "", reason: "a file with no meeting to store") }
        path = first.source.path
        sha256 = first.source.sha256
        meetings = try records.map { try PreparedMeeting($0, encoder: encoder) }
    }
}

/// The SQL that stores and deletes documents, with its statements prepared once per
/// transaction. Always runs inside the caller's transaction.
struct IndexWriter {
    /// Compact, stable JSON for stored records.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The integer a finding kind is stored as.
    static func kindCode(_ kind: FindingKind) -> Int {
        switch kind {
        case .finding: return 0
        case .decision: return 1
        case .action: return 2
        }
    }

    /// The finding kind stored as `code` (unknown codes read as findings).
    static func kind(code: Int) -> FindingKind {
        switch code {
        case 1: return .decision
        case 2: return .action
        default: return .finding
        }
    }

    /// The ids of the meetings stored under `path` or under its canonical form.
    static func documentIDs(for path: String, in db: Database) throws -> [Int64] {
        let statement = try db.cachedStatement(sql: "SELECT id FROM documents WHERE path = ? ORDER BY meeting")
        let ids = try Int64.fetchAll(statement, arguments: [path])
        let canonical = MinutesIndex.canonicalPath(path)
        guard ids.isEmpty, canonical != path else { return ids }
        return try Int64.fetchAll(statement, arguments: [canonical])
    }

    let db: Database
    let encoder = IndexWriter.encoder()
    /// The ingest time recorded for documents written through this writer.
    let timestamp = ISO8601DateFormatter().string(from: Date())
    private let storedVersions: Statement
    private let insertDocument: Statement
    private let insertParticipant: Statement
    private let insertOrganisation: Statement
    private let insertFinding: Statement
    private let insertText: Statement

    /// Prepares the statements on `db`.
    init(_ db: Database) throws {
        self.db = db
        storedVersions = try db.cachedStatement(sql: "SELECT id, sha256 FROM documents WHERE path = ?")
        insertDocument = try db.cachedStatement(sql: """
            INSERT INTO documents(path, meeting, sha256, format, title, date, location, findings, json, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertParticipant = try db.cachedStatement(sql: """
            INSERT INTO participants(document_id, name, organisation, job_title, attendance, roles)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        insertOrganisation = try db.cachedStatement(sql: """
            INSERT INTO organisations(document_id, name, acronym, aliases) VALUES (?, ?, ?, ?)
            """)
        insertFinding = try db.cachedStatement(sql: """
            INSERT INTO findings(document_id, kind, owner, due, topic, text) VALUES (?, ?, ?, ?, ?, ?)
            """)
        insertText = try db.cachedStatement(sql: """
            INSERT INTO \(IndexSchema.ftsTable)(rowid, text, title) VALUES (?, ?, ?)
            """)
    }

    /// Stores `file`'s meetings under its path: nothing when every stored meeting of the path
    /// has the same hash and there are as many; otherwise the old meetings are replaced.
    mutating func upsert(_ file: PreparedFile) throws -> IngestOutcome {
        let stored = try Row.fetchAll(storedVersions, arguments: [file.path])
        if !stored.isEmpty {
            if stored.count == file.meetings.count && stored.allSatisfy({ $0["sha256"] == file.sha256 }) {
                return .unchanged
            }
            for row in stored { try Self.deleteDocument(id: row["id"], in: db) }
        }
        for (number, meeting) in file.meetings.enumerated() {
            try insert(meeting, number: number, path: file.path, timestamp: timestamp)
        }
        return stored.isEmpty ? .added : .updated
    }

    /// Deletes a document, its rows and its full-text entries.
    static func deleteDocument(id: Int64, in db: Database) throws {
        // External-content FTS5: remove each entry with the exact values it was indexed with.
        try db.cachedStatement(sql: """
            INSERT INTO \(IndexSchema.ftsTable)(\(IndexSchema.ftsTable), rowid, text, title)
            SELECT 'delete', f.id, f.text, d.title
            FROM findings f JOIN documents d ON d.id = f.document_id
            WHERE f.document_id = ?
            """).execute(arguments: [id])
        for table in ["findings", "participants", "organisations"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE document_id = ?").execute(arguments: [id])
        }
        try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?").execute(arguments: [id])
    }

    /// Inserts meeting `number` of the file at `path`, which is not stored yet.
    func insert(_ meeting: PreparedMeeting, number: Int, path: String, timestamp: String) throws {
        let record = meeting.record
        try insertDocument.execute(arguments: [
            path, number, record.source.sha256, record.source.format.rawValue,
            record.title, record.date, record.location, record.findings.count, meeting.json, timestamp,
        ])
        let documentID = db.lastInsertedRowID
        for person in record.participants {
            let roles = person.meetingRoles.map(\.rawValue).joined(separator: ",")
            try insertParticipant.execute(arguments: [
                documentID, person.name, person.organisation, person.jobTitle,
                person.attendance.rawValue, roles.isEmpty ? nil : roles,
            ])
        }
        for org in record.organisations {
            let aliases = org.aliases.isEmpty ? nil : org.aliases.joined(separator: "\n")
            try insertOrganisation.execute(arguments: [documentID, org.name, org.acronym, aliases])
        }
        let title = record.title
        for item in record.findings {
            try insertFinding.execute(arguments: [
                documentID, Self.kindCode(item.kind), item.owner, item.due, item.topic, item.text,
            ])
            try insertText.execute(arguments: [db.lastInsertedRowID, item.text, title])
        }
    }

    /// The stored findings of a document, in their original order.
    static func findings(documentID: Int64, in db: Database) throws -> [Finding] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT kind, owner, due, topic, text FROM findings WHERE document_id = ? ORDER BY id
            """), arguments: [documentID])
        var findings: [Finding] = []
        while let row = try rows.next() {
            findings.append(Finding(text: row["text"], kind: kind(code: row["kind"]), owner: row["owner"],
                                    due: row["due"], topic: row["topic"]))
        }
        return findings
    }
}
