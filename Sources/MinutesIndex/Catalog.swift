import Foundation
import GRDB
import MinutesCore

/// A person across the indexed meetings.
public struct PersonSummary: Codable, Sendable, Equatable {
    /// The person's name as recorded.
    public var name: String
    /// The organisation most recently recorded for them, if any.
    public var organisation: String?
    /// In how many meetings they appear.
    public var meetings: Int

    /// Creates a person summary.
    public init(name: String, organisation: String?, meetings: Int) {
        self.name = name
        self.organisation = organisation
        self.meetings = meetings
    }
}

/// An organisation across the indexed meetings.
public struct OrganisationSummary: Codable, Sendable, Equatable {
    /// The organisation's name.
    public var name: String
    /// Its acronym, when any meeting gives one.
    public var acronym: String?
    /// In how many meetings it is mentioned.
    public var meetings: Int

    /// Creates an organisation summary.
    public init(name: String, acronym: String?, meetings: Int) {
        self.name = name
        self.acronym = acronym
        self.meetings = meetings
    }
}

/// How much the index holds.
public struct IndexCounts: Codable, Sendable, Equatable {
    /// Stored documents (meetings).
    public var documents: Int
    /// Stored findings, decisions and actions.
    public var findings: Int
    /// Participant rows (one per person per meeting).
    public var participants: Int
    /// Organisation rows (one per organisation per meeting).
    public var organisations: Int
}

extension MinutesIndex {
    /// People whose name (or organisation) contains `filter`, most meetings first.
    public func people(filter: String? = nil) throws -> [PersonSummary] {
        let pattern = FilterClause.likePattern(FilterClause.nonEmpty(filter) ?? "")
        return try reading { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT name, MAX(organisation) AS organisation, COUNT(DISTINCT document_id) AS meetings
                FROM participants
                WHERE name LIKE ? ESCAPE '\\' OR organisation LIKE ? ESCAPE '\\'
                GROUP BY name COLLATE NOCASE
                ORDER BY meetings DESC, name COLLATE NOCASE
                """), arguments: [pattern, pattern])
            return rows.map { PersonSummary(name: $0["name"], organisation: $0["organisation"], meetings: $0["meetings"]) }
        }
    }

    /// Organisations whose name, acronym or alias contains `filter`, most meetings first.
    public func orgs(filter: String? = nil) throws -> [OrganisationSummary] {
        let pattern = FilterClause.likePattern(FilterClause.nonEmpty(filter) ?? "")
        return try reading { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT name, MAX(acronym) AS acronym, COUNT(DISTINCT document_id) AS meetings
                FROM organisations
                WHERE name LIKE ? ESCAPE '\\' OR acronym LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'
                GROUP BY name COLLATE NOCASE
                ORDER BY meetings DESC, name COLLATE NOCASE
                """), arguments: [pattern, pattern, pattern])
            return rows.map { OrganisationSummary(name: $0["name"], acronym: $0["acronym"], meetings: $0["meetings"]) }
        }
    }

    /// The stored JSON record of meeting `meeting` (0 for the first, the only one of ordinary
    /// minutes) of the document at `path` (as given or canonical).
    /// Throws `IndexError.notIndexed` when there is none.
    public func show(path: String, meeting: Int = 0) throws -> String {
        let stored = try record(path: path, meeting: meeting)
        do {
            return String(decoding: try IndexWriter.encoder().encode(stored), as: UTF8.self)
        } catch {
            throw IndexError.storage(path: self.path, reason: "cannot encode the record of \(path): \(error)")
        }
    }

    /// The stored record of meeting `meeting` (0 for the first) of the document at `path`.
    /// Throws `IndexError.notIndexed` when there is none.
    public func record(path: String, meeting: Int = 0) throws -> MeetingRecord {
        try reading { db in
            let ids = try IndexWriter.documentIDs(for: path, in: db)
            guard ids.indices.contains(meeting), let record = try IndexWriter.record(id: ids[meeting], in: db) else {
                throw IndexError.notIndexed(path: path)
            }
            return record
        }
    }

    /// Every stored meeting of the document at `path`, in the file's order (empty when none).
    public func meetings(path: String) throws -> [MeetingRecord] {
        try reading { db in
            try IndexWriter.documentIDs(for: path, in: db).compactMap { try IndexWriter.record(id: $0, in: db) }
        }
    }

    /// Calls `write` with every stored record's JSON (one line each), in path order and
    /// then the order of meetings in their file. Returns the number of records.
    @discardableResult
    public func exportJSONL(to write: (String) throws -> Void) throws -> Int {
        try reading { db in
            var count = 0
            let encoder = IndexWriter.encoder()
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM documents ORDER BY path, meeting")
            for id in ids {
                guard let record = try IndexWriter.record(id: id, in: db) else { continue }
                let json: String
                do {
                    json = String(decoding: try encoder.encode(record), as: UTF8.self)
                } catch {
                    throw IndexError.storage(path: path, reason: "cannot encode a stored record: \(error)")
                }
                try write(json + "\n")
                count += 1
            }
            return count
        }
    }

    /// Writes every stored record to `handle`, one JSON object per line. Returns the count.
    @discardableResult
    public func exportJSONL(to handle: FileHandle) throws -> Int {
        try exportJSONL { line in try handle.write(contentsOf: Data(line.utf8)) }
    }

    /// How many documents, findings, participants and organisations are stored.
    public func counts() throws -> IndexCounts {
        try reading { db in
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return IndexCounts(documents: try count("documents"), findings: try count("findings"),
                               participants: try count("participants"), organisations: try count("organisations"))
        }
    }
}
