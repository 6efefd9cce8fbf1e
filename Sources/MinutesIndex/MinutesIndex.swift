import Foundation
import GRDB
import MinutesCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// An index written by an older version is converted to the current schema when opened
    /// in `.readWrite` mode (keeping every record), and refused with `.olderSchema` in
    /// `.readOnly` mode.
    ///
    /// Throws `IndexError`: `.notADatabase`, `.notAnIndex`, `.corrupt`, `.newerSchema`,
    /// `.olderSchema` or `.missing` (read-only mode), `.readOnly` or `.cannotOpen`. In every
    /// refusal the file is left exactly as it was.
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
        let creating = state == .empty
        configuration.prepareDatabase { db in
            if creating && !db.configuration.readonly {
                // Before the first table: pages SQLite frees (FTS5 merges free many) go back to
                // the file system at each commit instead of waiting on a free list.
                try db.execute(sql: "PRAGMA page_size = 8192; PRAGMA auto_vacuum = FULL")
            }
            db.add(tokenizer: FoldingTokenizer.self)
            RankFunction.register(on: db)
            MatchedUnits.register(on: db)
            // NORMAL is durable enough in WAL mode; a larger page cache and memory-mapped
            // reads keep full-text queries off the read(2) path.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456")
        }
        do {
            if mode == .readWrite && state != .current {
                // Creating or migrating: one process at a time, so two ingests racing to create
                // the same index do not both run the migrations.
                pool = try Self.whileLocked(path) {
                    let pool = try DatabasePool(path: path, configuration: configuration)
                    try migrator.migrate(pool)
                    if state == .older {
                        // A converted index gives back the pages the conversion freed, and from
                        // then on frees pages at each commit as a new index does. Best effort: a
                        // failure (such as no room for the copy) leaves the converted file as it is.
                        try? pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA auto_vacuum = FULL; VACUUM") }
                    }
                    return pool
                }
            } else {
                pool = try DatabasePool(path: path, configuration: configuration)
            }
            if mode == .readOnly, try pool.read({ try !migrator.hasCompletedMigrations($0) }) {
                throw IndexError.olderSchema(path: path)
            }
        } catch {
            throw IndexError.from(error, path: path)
        }
    }

    /// What a file looked like before it was opened for real.
    private enum FileState {
        /// No file, or no tables yet.
        case empty
        /// An index with migrations this build still has to apply.
        case older
        /// An index with every migration this build knows.
        case current
    }

    /// Runs `body` holding an exclusive `flock(2)` on the index file (created empty when
    /// missing; SQLite reads an empty file as an empty database). SQLite's own locks are
    /// `fcntl(2)` locks, which this does not touch.
    private static func whileLocked<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IndexError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw IndexError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

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
                return try migrator.hasCompletedMigrations(db) ? .current : .older
            }
        } catch {
            removeCreatedSidecars()
            throw IndexError.from(error, path: path)
        }
    }

    // MARK: - Writing

    /// Stores `record` as the only meeting of its `source.path`, in one transaction.
    ///
    /// Same path and same SHA-256 → `.unchanged` (nothing written); same path with a new
    /// hash → the old rows are deleted and the new ones inserted (`.updated`).
    @discardableResult
    public func upsert(record: MeetingRecord) throws -> IngestOutcome {
        let file = try PreparedFile([record], encoder: IndexWriter.encoder())
        return try writing { db in
            var writer = try IndexWriter(db)
            return try writer.upsert(file)
        }
    }

    /// Stores many records, each as the only meeting of its `source.path`, `batchSize` per
    /// transaction. Each record is all-or-nothing: one that cannot be stored is reported in
    /// `failed` and the rest go in.
    public func ingest(records: [MeetingRecord], batchSize: Int = 200) throws -> IngestSummary {
        try ingest(files: records.map { [$0] }, batchSize: batchSize)
    }

    /// Stores files of meetings, `batchSize` files per transaction: each element holds every
    /// meeting of one file (as `MinutesParser.parseMeetings` gives them; they share the file's
    /// `source`), stored under the file's path and the meeting's number in it. Records are
    /// encoded on worker threads while the calling thread writes. A file is all-or-nothing;
    /// one that cannot be stored is reported in `failed` and the rest go in.
    public func ingest(files: [[MeetingRecord]], batchSize: Int = 200) throws -> IngestSummary {
        try pipelined(count: files.count, batchSize: batchSize) { number, encoder in
            let meetings = files[number]
            do {
                return .prepared(try PreparedFile(meetings, encoder: encoder))
            } catch {
                let path = meetings.first?.source.path ?? "(no meeting)"
                return .failed(IngestFailure(path: path, reason: "\(path): cannot store the record: \(error)"))
            }
        }
    }

    /// Writes one batch in one transaction, with no per-document savepoint. When a document
    /// fails in a way that does not doom the index (anything but a full disk, a damaged or
    /// read-only file), the transaction is rolled back and the batch written again with each
    /// file in its own savepoint, so that file is reported and the others go in.
    func write(batch: [PreparedFile]) throws -> IngestSummary {
        do {
            return try writing { db in
                var writer = try IndexWriter(db)
                var summary = IngestSummary()
                for file in batch { summary.count(try writer.upsert(file)) }
                return summary
            }
        } catch let error as IndexError where !error.isFatal {
            return try writeEachInSavepoint(batch)
        }
    }

    /// The careful path of `write(batch:)`: one transaction, one savepoint per file.
    private func writeEachInSavepoint(_ batch: [PreparedFile]) throws -> IngestSummary {
        try writing { db in
            var writer = try IndexWriter(db)
            var summary = IngestSummary()
            for file in batch {
                do {
                    var outcome = IngestOutcome.unchanged
                    try db.inSavepoint {
                        outcome = try writer.upsert(file)
                        return .commit
                    }
                    summary.count(outcome)
                } catch let error as DatabaseError where IndexError.from(error, path: "").isFatal {
                    throw error
                } catch {
                    summary.failed.append(IngestFailure(path: file.path, reason: IndexError.from(error, path: file.path).description))
                }
            }
            return summary
        }
    }

    /// Deletes every meeting stored under `path` (as given, or its canonical form) and all
    /// their rows. Throws `IndexError.notIndexed` when there is none.
    public func remove(path: String) throws {
        try writing { db in
            let ids = try IndexWriter.documentIDs(for: path, in: db)
            guard !ids.isEmpty else { throw IndexError.notIndexed(path: path) }
            for id in ids { try IndexWriter.deleteDocument(id: id, in: db) }
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

