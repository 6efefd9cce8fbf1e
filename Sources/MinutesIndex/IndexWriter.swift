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

/// The parts of a record that have no column or table of their own, stored as JSON.
/// Since schema v4 the common case (the current record schema, no related documents and no
/// warnings) is stored as the empty string.
struct StoredExtras: Codable, Sendable, Equatable {
    var schemaVersion: String
    var relatedDocuments: [RelatedDocument]?
    var warnings: [String]?

    init(_ record: MeetingRecord) {
        schemaVersion = record.schemaVersion
        relatedDocuments = record.relatedDocuments.isEmpty ? nil : record.relatedDocuments
        warnings = record.warnings.isEmpty ? nil : record.warnings
    }

    /// The extras of a record with nothing but the current record schema.
    static let plain = StoredExtras(MeetingRecord(source: Source(path: "", format: .text, encoding: "", sha256: "", bytes: 0)))

    /// The stored form: "" for `plain`, else the JSON.
    func stored(encoder: JSONEncoder) throws -> String {
        self == Self.plain ? "" : String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads the stored form back. Throws when it is neither "" nor the JSON of extras.
    static func read(_ stored: String) throws -> StoredExtras {
        stored.isEmpty ? plain : try JSONDecoder().decode(StoredExtras.self, from: Data(stored.utf8))
    }
}

/// One meeting ready to store: its record and the JSON of its `StoredExtras`. Made before
/// the write transaction, off the writer thread.
struct PreparedMeeting: Sendable {
    /// The meeting's record.
    var record: MeetingRecord
    /// The JSON of the record's `StoredExtras`.
    var extras: String

    /// Encodes what `record` stores as JSON.
    init(_ record: MeetingRecord, encoder: JSONEncoder) throws {
        self.record = record
        extras = try StoredExtras(record).stored(encoder: encoder)
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
        guard let first = records.first else {
            throw IndexError.storage(path: "(no path)", reason: "an empty list of meetings; nothing to store")
        }
        path = first.source.path
        sha256 = first.source.sha256
        meetings = try records.map { try PreparedMeeting($0, encoder: encoder) }
    }
}

/// The SQL that stores, deletes and reads back documents, with its statements prepared
/// once per transaction. Always runs inside the caller's transaction.
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

    /// The ids of the meetings stored under `path` or under its canonical form, in file order.
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
    /// The id the next finding gets (read from the table on first use).
    private var nextFindingID: Int64?
    private let storedVersions: Statement
    private let insertDocument: DirectInsert
    private let insertParticipant: DirectInsert
    private let insertOrganisation: DirectInsert
    private let insertFinding: DirectInsert
    private let insertText: DirectInsert
    private let insertTitle: DirectInsert
    /// Stores a finding's due date and topic in `finding_details` (schema v4); nil for the
    /// version 2 tables, where they are columns of `findings`.
    private let insertDetails: DirectInsert?
    /// Whether participant and organisation rows carry their number in the meeting (schema v4).
    private let numbersRows: Bool
    /// Counts finding tokens and reads and writes `TokenLengths` rows; nil while that table does
    /// not exist yet (a version 1 index converted by the version 2 migration; v4 fills it).
    private let lengths: (counter: TokenCounter, read: Statement, write: Statement)?

    /// Prepares the statements on `db`: for the current tables, or (while the version 2
    /// migration converts a version 1 index, before `TokenLengths` exists) for the version 2 ones.
    init(_ db: Database) throws {
        self.db = db
        let current = try db.tableExists(TokenLengths.table)
        numbersRows = current
        storedVersions = try db.cachedStatement(sql: "SELECT id, sha256 FROM documents WHERE path = ?")
        insertDocument = DirectInsert(try db.cachedStatement(sql: """
            INSERT INTO documents(path, meeting, sha256, format, encoding, bytes, title, date, location,
                                  first_finding, findings, participants, organisations, extras, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """), in: db)
        let number = current ? "number, " : ""
        let numberValue = current ? "?, " : ""
        insertParticipant = DirectInsert(try db.cachedStatement(sql: """
            INSERT INTO participants(document_id, \(number)name, organisation, job_title, location, attendance, roles)
            VALUES (?, \(numberValue)?, ?, ?, ?, ?, ?)
            """), in: db)
        insertOrganisation = DirectInsert(try db.cachedStatement(sql: """
            INSERT INTO organisations(document_id, \(number)name, acronym, aliases) VALUES (?, \(numberValue)?, ?, ?)
            """), in: db)
        insertFinding = DirectInsert(try db.cachedStatement(sql: current ? """
            INSERT INTO findings(id, document_id, kind, owner, text) VALUES (?, ?, ?, ?, ?)
            """ : """
            INSERT INTO findings(id, document_id, kind, owner, due, topic, text) VALUES (?, ?, ?, ?, ?, ?, ?)
            """), in: db)
        insertDetails = current ? DirectInsert(try db.cachedStatement(sql: """
            INSERT INTO \(IndexSchema.detailsTable)(id, due, topic) VALUES (?, ?, ?)
            """), in: db) : nil
        insertText = DirectInsert(try db.cachedStatement(sql: """
            INSERT INTO \(IndexSchema.ftsTable)(rowid, text) VALUES (?, ?)
            """), in: db)
        insertTitle = DirectInsert(try db.cachedStatement(sql: """
            INSERT INTO \(IndexSchema.titlesTable)(rowid, title) VALUES (?, ?)
            """), in: db)
        if current {
            lengths = (try TokenCounter(db),
                       try db.cachedStatement(sql: "SELECT counts FROM \(TokenLengths.table) WHERE chunk = ?"),
                       try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(TokenLengths.table)(chunk, counts) VALUES (?, ?)"))
        } else {
            lengths = nil
        }
    }

    /// Stores `file`'s meetings under its path: nothing when every stored meeting of the path
    /// has the same hash and there are as many; otherwise the old meetings are replaced.
    mutating func upsert(_ file: PreparedFile) throws -> IngestOutcome {
        let stored = try Row.fetchAll(storedVersions, arguments: [file.path])
        if !stored.isEmpty {
            if stored.count == file.meetings.count && stored.allSatisfy({ StoredHash.text($0["sha256"]) == file.sha256 }) {
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
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT title, first_finding, findings FROM documents WHERE id = ?
            """), arguments: [id]) else { return }
        let first: Int64 = row["first_finding"]
        let last = first + (row["findings"] as Int64) - 1
        // External-content FTS5: remove each entry with the exact values it was indexed with.
        try db.cachedStatement(sql: """
            INSERT INTO \(IndexSchema.ftsTable)(\(IndexSchema.ftsTable), rowid, text)
            SELECT 'delete', id, text FROM findings WHERE id BETWEEN ? AND ?
            """).execute(arguments: [first, last])
        if let title = row["title"] as String? {
            try db.cachedStatement(sql: """
                INSERT INTO \(IndexSchema.titlesTable)(\(IndexSchema.titlesTable), rowid, title) VALUES ('delete', ?, ?)
                """).execute(arguments: [id, title])
        }
        try db.cachedStatement(sql: "DELETE FROM findings WHERE id BETWEEN ? AND ?").execute(arguments: [first, last])
        try db.cachedStatement(sql: "DELETE FROM \(IndexSchema.detailsTable) WHERE id BETWEEN ? AND ?")
            .execute(arguments: [first, last])
        for table in ["participants", "organisations"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE document_id = ?").execute(arguments: [id])
        }
        try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?").execute(arguments: [id])
    }

    /// Inserts meeting `number` of the file at `path`, which is not stored yet.
    mutating func insert(_ meeting: PreparedMeeting, number: Int, path: String, timestamp: String) throws {
        let record = meeting.record
        let firstFinding: Int64
        if let next = nextFindingID {
            firstFinding = next
        } else {
            firstFinding = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM findings") ?? 1
        }
        nextFindingID = firstFinding + Int64(record.findings.count)
        let source = record.source
        try insertDocument.run(
            .text(path), .integer(Int64(number)), StoredHash.bytes(source.sha256).map { .blob($0) } ?? .text(source.sha256),
            .text(source.format.rawValue),
            .text(source.encoding), .integer(Int64(source.bytes)), .text(record.title), .text(record.date),
            .text(record.location), .integer(firstFinding), .integer(Int64(record.findings.count)),
            .integer(Int64(record.participants.count)), .integer(Int64(record.organisations.count)),
            .text(meeting.extras), .text(timestamp))
        let documentID = db.lastInsertedRowID
        // The row's leading values: its document, and its number in the meeting when stored.
        func key(_ number: Int) -> [DirectInsert.Value] {
            numbersRows ? [.integer(documentID), .integer(Int64(number))] : [.integer(documentID)]
        }
        for (number, person) in record.participants.enumerated() {
            let roles = person.meetingRoles.map(\.rawValue).joined(separator: ",")
            // Present (nearly everyone) is stored as NULL.
            let attendance = person.attendance == .present ? nil : person.attendance.rawValue
            try insertParticipant.run(key(number) + [
                .text(person.name), .text(person.organisation), .text(person.jobTitle),
                .text(person.location), .text(attendance), .text(roles.isEmpty ? nil : roles),
            ])
        }
        for (number, org) in record.organisations.enumerated() {
            let aliases = org.aliases.isEmpty ? nil : org.aliases.joined(separator: "\n")
            try insertOrganisation.run(key(number) + [.text(org.name), .text(org.acronym), .text(aliases)])
        }
        if let title = record.title { try insertTitle.run(.integer(documentID), .text(title)) }
        var id = firstFinding
        for item in record.findings {
            let kind = DirectInsert.Value.integer(Int64(Self.kindCode(item.kind)))
            if let insertDetails {
                try insertFinding.run(.integer(id), .integer(documentID), kind, .text(item.owner), .text(item.text))
                if item.due != nil || item.topic != nil {
                    try insertDetails.run(.integer(id), .text(item.due), .text(item.topic))
                }
            } else {
                try insertFinding.run(.integer(id), .integer(documentID), kind, .text(item.owner), .text(item.due),
                                      .text(item.topic), .text(item.text))
            }
            try insertText.run(.integer(id), .text(item.text))
            id += 1
        }
        if let lengths, !record.findings.isEmpty {
            let codes = record.findings.map { TokenLengths.code(lengths.counter.count($0.text)) }
            try TokenLengths.store(codes, first: firstFinding, read: lengths.read, write: lengths.write)
        }
    }

    /// The stored record of document `id`, rebuilt from its rows; nil when there is none.
    /// Throws `DatabaseError` (SQLITE_CORRUPT) when its stored JSON does not decode.
    static func record(id: Int64, in db: Database) throws -> MeetingRecord? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT path, sha256, format, encoding, bytes, title, date, location, first_finding, findings, extras
            FROM documents WHERE id = ?
            """), arguments: [id]) else { return nil }
        let path: String = row["path"]
        let extras: StoredExtras
        do {
            extras = try StoredExtras.read(row["extras"])
        } catch {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the stored record of \(path) does not decode: \(error)")
        }
        guard let format = DocumentFormat(rawValue: row["format"]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the stored record of \(path) has an unknown format")
        }
        var record = MeetingRecord(source: Source(path: path, format: format, encoding: row["encoding"],
                                                  sha256: StoredHash.text(row["sha256"]) ?? "", bytes: row["bytes"]))
        record.schemaVersion = extras.schemaVersion
        record.title = row["title"]
        record.date = row["date"]
        record.location = row["location"]
        record.relatedDocuments = extras.relatedDocuments ?? []
        record.warnings = extras.warnings ?? []

        let people = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT name, organisation, job_title, location, attendance, roles FROM participants
            WHERE document_id = ? ORDER BY number
            """), arguments: [id])
        while let person = try people.next() {
            let roles = (person["roles"] as String?)?.split(separator: ",").compactMap { MeetingRole(rawValue: String($0)) } ?? []
            record.participants.append(Participant(
                name: person["name"], jobTitle: person["job_title"], organisation: person["organisation"],
                location: person["location"], attendance: Attendance(rawValue: person["attendance"] ?? "") ?? .present,
                meetingRoles: roles))
        }
        let organisations = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT name, acronym, aliases FROM organisations WHERE document_id = ? ORDER BY number
            """), arguments: [id])
        while let org = try organisations.next() {
            let aliases = (org["aliases"] as String?).map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
            record.organisations.append(Organisation(name: org["name"], acronym: org["acronym"], aliases: aliases))
        }
        let first: Int64 = row["first_finding"]
        let findings = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT f.kind, f.owner, x.due, x.topic, f.text FROM findings f
            LEFT JOIN \(IndexSchema.detailsTable) x ON x.id = f.id
            WHERE f.id BETWEEN ? AND ? ORDER BY f.id
            """), arguments: [first, first + (row["findings"] as Int64) - 1])
        while let item = try findings.next() {
            record.findings.append(Finding(text: item["text"], kind: kind(code: item["kind"]), owner: item["owner"],
                                           due: item["due"], topic: item["topic"]))
        }
        return record
    }
}
