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

/// The SQL that stores and deletes documents. Always runs inside the caller's transaction.
enum IndexWriter {
    /// Compact, stable JSON for stored records.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The id of the document stored under `path` or under its canonical form.
    static func documentID(for path: String, in db: Database) throws -> Int64? {
        let statement = try db.cachedStatement(sql: "SELECT id FROM documents WHERE path = ?")
        if let id = try Int64.fetchOne(statement, arguments: [path]) { return id }
        let canonical = MinutesIndex.canonicalPath(path)
        guard canonical != path else { return nil }
        return try Int64.fetchOne(statement, arguments: [canonical])
    }

    /// What a batch of inserts shares: one encoder, one timestamp.
    struct BatchContext {
        let encoder = IndexWriter.encoder()
        let timestamp = ISO8601DateFormatter().string(from: Date())
    }

    /// Stores `record` under `record.source.path`; see `MinutesIndex.upsert(record:)`.
    static func upsert(_ record: MeetingRecord, in db: Database, context: BatchContext = BatchContext()) throws -> IngestOutcome {
        let path = record.source.path
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, sha256 FROM documents WHERE path = ?"), arguments: [path])
        if let existing {
            if existing["sha256"] as String? == record.source.sha256 { return .unchanged }
            try deleteDocument(id: existing["id"], in: db)
        }
        try insert(record, in: db, context: context)
        return existing == nil ? .added : .updated
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

    /// Inserts a record that is not stored yet.
    static func insert(_ record: MeetingRecord, in db: Database, context: BatchContext) throws {
        let json = String(decoding: try context.encoder.encode(record), as: UTF8.self)
        let now = context.timestamp
        try db.cachedStatement(sql: """
            INSERT INTO documents(path, sha256, format, title, date, location, json, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                record.source.path, record.source.sha256, record.source.format.rawValue,
                record.title, record.date, record.location, json, now,
            ])
        let documentID = db.lastInsertedRowID

        let participant = try db.cachedStatement(sql: """
            INSERT INTO participants(document_id, name, organisation, job_title, attendance, roles)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for person in record.participants {
            let roles = person.meetingRoles.map(\.rawValue).joined(separator: ",")
            try participant.execute(arguments: [
                documentID, person.name, person.organisation, person.jobTitle,
                person.attendance.rawValue, roles.isEmpty ? nil : roles,
            ])
        }

        let organisation = try db.cachedStatement(sql: """
            INSERT INTO organisations(document_id, name, acronym, aliases) VALUES (?, ?, ?, ?)
            """)
        for org in record.organisations {
            let aliases = org.aliases.isEmpty ? nil : org.aliases.joined(separator: "\n")
            try organisation.execute(arguments: [documentID, org.name, org.acronym, aliases])
        }

        let finding = try db.cachedStatement(sql: """
            INSERT INTO findings(document_id, ordinal, kind, owner, due, text, topic) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let fts = try db.cachedStatement(sql: """
            INSERT INTO \(IndexSchema.ftsTable)(rowid, text, title) VALUES (?, ?, ?)
            """)
        for (ordinal, item) in record.findings.enumerated() {
            try finding.execute(arguments: [
                documentID, ordinal, item.kind.rawValue, item.owner, item.due, item.text, item.topic,
            ])
            try fts.execute(arguments: [db.lastInsertedRowID, item.text, record.title])
        }
    }
}
