import Foundation
import GRDB

/// Why the index could not be opened, read, written or queried.
/// Every case names the index file (or the query) and what went wrong, in one line.
public enum IndexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not an SQLite database. Nothing was written to it.
    case notADatabase(path: String)
    /// The file is an SQLite database, but not a minutes index (it has tables of its own).
    case notAnIndex(path: String)
    /// The database is damaged.
    case corrupt(path: String, reason: String)
    /// The index was written by a newer version of minutes: it has migrations this build does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// The index was written by an older version of minutes and has to be converted, which
    /// only opening it for writing (`minutes ingest`) does.
    case olderSchema(path: String)
    /// The index (or its directory) cannot be written.
    case readOnly(path: String)
    /// The disk (or the process's file-size limit) has no room for what was being written.
    /// The transaction was rolled back: the index holds what it held before it.
    case diskFull(path: String)
    /// The index file does not exist (and the operation does not create it).
    case missing(path: String)
    /// The index file or its directory could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// A search query that cannot be understood.
    case invalidQuery(query: String, reason: String)
    /// A filter value that cannot be understood (for example a malformed date).
    case invalidFilter(name: String, value: String, reason: String)
    /// No document with this path is in the index.
    case notIndexed(path: String)
    /// Any other storage failure.
    case storage(path: String, reason: String)

    /// One line: the file (or query), then what is wrong.
    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path): not an SQLite database; refusing to use it as an index (nothing was written)"
        case .notAnIndex(let path):
            return "\(path): an SQLite database, but not a minutes index; refusing to modify it"
        case .corrupt(let path, let reason):
            return "\(path): the index is damaged (\(reason)); remove it and ingest again"
        case .newerSchema(let path, let unknown):
            return "\(path): the index was written by a newer version of minutes (unknown migrations: "
                + unknown.joined(separator: ", ") + "); upgrade minutes to use it"
        case .olderSchema(let path):
            return "\(path): the index was written by an older version of minutes; run `minutes ingest` "
                + "(with any file) once to convert it"
        case .readOnly(let path):
            return "\(path): the index is read-only; cannot write to it"
        case .diskFull(let path):
            return "\(path): no space left to write the index (disk full); the last transaction was rolled back"
        case .missing(let path):
            return "\(path): no index here; run `minutes ingest` first"
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the index: \(reason)"
        case .invalidQuery(let query, let reason):
            return "invalid search query \(Self.quoted(query)): \(reason)"
        case .invalidFilter(let name, let value, let reason):
            return "invalid --\(name) \(Self.quoted(value)): \(reason)"
        case .notIndexed(let path):
            return "\(path): not in the index"
        case .storage(let path, let reason):
            return "\(path): index error: \(reason)"
        }
    }

    private static func quoted(_ text: String) -> String {
        "'" + text + "'"
    }

    /// Maps a GRDB/SQLite error on the index at `path` to a typed error.
    static func from(_ error: any Error, path: String) -> IndexError {
        if let error = error as? IndexError { return error }
        guard let dbError = error as? DatabaseError else {
            return .storage(path: path, reason: String(describing: error))
        }
        let message = dbError.message ?? "\(dbError.resultCode)"
        switch dbError.resultCode.primaryResultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path, reason: message)
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path)
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: message)
        default: return .storage(path: path, reason: message)
        }
    }
}
