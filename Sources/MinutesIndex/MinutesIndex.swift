import Foundation
import GRDB
import MinutesCore

/// A searchable knowledge base of meetings, stored in one SQLite file.
///
/// The file holds every ingested `MeetingRecord` (as JSON and as rows for people,
/// organisations and findings) and an FTS5 index over the findings. It is opened as a
/// WAL `DatabasePool`: any number of readers, one writer, a 10 s busy timeout.
/// Files that are not an index, are damaged, or come from a newer version are refused
/// before anything is written to them.
public struct MinutesIndex: Sendable {
    /// How the index is opened.
    public enum Mode: Sendable, Equatable {
        /// Create the file (and its directory) when missing; migrate the schema; allow writes.
        case readWrite
        /// Only read; the file must already exist and be an index of a known version.
        case readOnly
    }

    /// The index file's path.
    public let path: String
    /// The mode the index was opened in.
    public let mode: Mode
    let pool: DatabasePool

    /// The default index path: `$XDG_DATA_HOME/minutes/index.sqlite`, falling back to
    /// `~/.local/share/minutes/index.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty, data.hasPrefix("/") {
            return (data as NSString).appendingPathComponent("minutes/index.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/minutes/index.sqlite")
    }

    /// The key a document path is stored under: absolute, with `.` and `..` resolved.
    public static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Opens (in `.readWrite` mode creating and migrating) the index at `path`.
    ///
    /// Throws `IndexError`: `.notADatabase`, `.notAnIndex`, `.corrupt`, `.newerSchema`,
    /// `.readOnly`, `.missing` (read-only mode) or `.cannotOpen`. In every refusal the file
    /// is left exactly as it was.
    public init(path: String, mode: Mode = .readWrite) throws {
        self.path = path
        self.mode = mode
        try Self.checkFile(path: path, mode: mode)
        let migrator = IndexSchema.migrator
        let state = try Self.inspect(path: path, migrator: migrator)
        if mode == .readOnly && state == .empty { throw IndexError.missing(path: path) }

        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.readonly = mode == .readOnly
        configuration.label = "minutes-index"
        configuration.prepareDatabase { db in
            db.add(tokenizer: FoldingTokenizer.self)
            // NORMAL is durable enough in WAL mode; a larger page cache and memory-mapped
            // reads keep full-text queries off the read(2) path.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if mode == .readWrite {
                try migrator.migrate(pool)
            } else if try pool.read({ try !migrator.hasCompletedMigrations($0) }) {
                throw IndexError.readOnly(path: path)
            }
        } catch {
            throw IndexError.from(error, path: path)
        }
    }

    /// What a file looked like before it was opened for real.
    private enum FileState { case empty, index }

    /// Refuses non-SQLite files by their header, and unwritable files in write mode,
    /// without opening them through SQLite.
    private static func checkFile(path: String, mode: Mode) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw IndexError.cannotOpen(path: path, reason: "is a directory") }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw IndexError.cannotOpen(path: path, reason: "permission denied")
            }
            defer { try? handle.close() }
            let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
            if !header.isEmpty && !header.starts(with: Array("SQLite format 3\0".utf8)) {
                throw IndexError.notADatabase(path: path)
            }
            // With a non-empty WAL, a checkpoint may be copying pages in right now; only the page-multiple test is safe then.
            let walSize = (try? fileManager.attributesOfItem(atPath: path + "-wal")[.size] as? UInt64) ?? 0
            if !header.isEmpty, let size = try? handle.seekToEnd(),
               let problem = truncation(header: header, fileSize: size, checkPageCount: walSize == 0) {
                throw IndexError.corrupt(path: path, reason: problem)
            }
            if mode == .readWrite && !fileManager.isWritableFile(atPath: path) {
                throw IndexError.readOnly(path: path)
            }
        } else {
            guard mode == .readWrite else { throw IndexError.missing(path: path) }
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw IndexError.cannotOpen(path: path, reason: "cannot create directory \(directory)")
                }
            }
            if !fileManager.isWritableFile(atPath: directory.isEmpty ? "." : directory) {
                throw IndexError.readOnly(path: path)
            }
        }
    }

    /// Spots a truncated database from its 100-byte header: a file shorter than the header,
    /// not a whole number of pages, or shorter than the page count the header records
    /// (SQLite itself would only notice when it reads a missing page). Nil when it looks whole.
    static func truncation(header: [UInt8], fileSize: UInt64, checkPageCount: Bool = true) -> String? {
        guard header.count == 100 else { return "only \(fileSize) bytes, shorter than an SQLite header" }
        func big(_ offset: Int, _ count: Int) -> UInt64 {
            header[offset..<offset + count].reduce(0) { $0 << 8 | UInt64($1) }
        }
        let rawPageSize = big(16, 2)
        let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        guard pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0 else {
            return "invalid page size \(rawPageSize) in the header"
        }
        if fileSize % pageSize != 0 {
            return "\(fileSize) bytes is not a whole number of \(pageSize)-byte pages; the file was truncated"
        }
        // The in-header page count is valid when the change counter matches version-valid-for.
        let pages = big(28, 4)
        if checkPageCount, pages > 0, big(24, 4) == big(92, 4), fileSize < pages * pageSize {
            return "\(fileSize / pageSize) of its \(pages) pages are present; the file was truncated"
        }
        return nil
    }

    /// Looks inside an existing file through a read-only connection: refuses foreign
    /// databases, damaged files and schemas with migrations this build does not know.
    private static func inspect(path: String, migrator: DatabaseMigrator) throws -> FileState {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: path) else { return .empty }
        // A read-only connection to a WAL database creates empty -wal and -shm files and cannot
        // remove them; when the file is refused, take away the ones this look created.
        let sidecars = [path + "-wal", path + "-shm"]
        let hadSidecars = sidecars.map { fileManager.fileExists(atPath: $0) }
        func removeCreatedSidecars() {
            guard hadSidecars == [false, false],
                  (try? fileManager.attributesOfItem(atPath: sidecars[0])[.size] as? UInt64) ?? 0 == 0 else { return }
            for sidecar in sidecars { try? fileManager.removeItem(atPath: sidecar) }
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db -> FileState in
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
                if tables.isEmpty { return .empty }
                guard tables.contains("grdb_migrations") else { throw IndexError.notAnIndex(path: path) }
                if try migrator.hasBeenSuperseded(db) {
                    let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
                    let known = Set(migrator.migrations)
                    throw IndexError.newerSchema(path: path, unknownMigrations: applied.filter { !known.contains($0) })
                }
                return .index
            }
        } catch {
            removeCreatedSidecars()
            throw IndexError.from(error, path: path)
        }
    }

    // MARK: - Writing

    /// Stores `record` under its `source.path`, in one transaction.
    ///
    /// Same path and same SHA-256 → `.unchanged` (nothing written); same path with a new
    /// hash → the old rows are deleted and the new ones inserted (`.updated`).
    @discardableResult
    public func upsert(record: MeetingRecord) throws -> IngestOutcome {
        try writing { db in try IndexWriter.upsert(record, in: db) }
    }

    /// Stores many records, `batchSize` per transaction. Each record is all-or-nothing
    /// (a savepoint): one that cannot be stored is reported in `failed` and the rest go in.
    public func ingest(records: [MeetingRecord], batchSize: Int = 200) throws -> IngestSummary {
        var summary = IngestSummary()
        var start = 0
        while start < records.count {
            let batch = Array(records[start..<min(start + max(1, batchSize), records.count)])
            summary.merge(try write(batch: batch))
            start += batch.count
        }
        return summary
    }

    /// Writes one batch in one transaction, each record in its own savepoint.
    func write(batch: [MeetingRecord]) throws -> IngestSummary {
        try writing { db in
            var summary = IngestSummary()
            let context = IndexWriter.BatchContext()
            for record in batch {
                do {
                    var outcome = IngestOutcome.unchanged
                    try db.inSavepoint {
                        outcome = try IndexWriter.upsert(record, in: db, context: context)
                        return .commit
                    }
                    summary.count(outcome)
                } catch let error as DatabaseError where IndexError.from(error, path: "").isFatal {
                    throw error
                } catch {
                    summary.failed.append(IngestFailure(path: record.source.path, reason: IndexError.from(error, path: record.source.path).description))
                }
            }
            return summary
        }
    }

    /// Deletes the document stored under `path` (as given, or its canonical form) and all its rows.
    /// Throws `IndexError.notIndexed` when there is none.
    public func remove(path: String) throws {
        try writing { db in
            guard let id = try IndexWriter.documentID(for: path, in: db) else {
                throw IndexError.notIndexed(path: path)
            }
            try IndexWriter.deleteDocument(id: id, in: db)
        }
    }

    /// Runs `body` in a write transaction, mapping failures to `IndexError`.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        guard mode == .readWrite else { throw IndexError.readOnly(path: path) }
        do {
            return try pool.write(body)
        } catch {
            throw IndexError.from(error, path: path)
        }
    }

    /// Runs `body` on a read connection, mapping failures to `IndexError`.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw IndexError.from(error, path: path)
        }
    }
}

extension IndexError {
    /// Errors after which no further write to the file can succeed.
    var isFatal: Bool {
        switch self {
        case .corrupt, .readOnly, .notADatabase, .cannotOpen, .diskFull: return true
        case .storage(_, let reason): return reason.contains("disk") || reason.contains("full")
        default: return false
        }
    }
}
