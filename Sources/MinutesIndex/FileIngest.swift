import Foundation
import GRDB
import MinutesCore

/// How far an ingest run has got.
public struct IngestProgress: Sendable, Equatable {
    /// Files read and parsed (or skipped as unchanged) so far.
    public var processed: Int
    /// Files to process in total.
    public var total: Int
}

extension MinutesIndex {
    /// Ingests files and directories.
    ///
    /// Directories are walked (see `FileWalker`). Worker threads, one per core, read and hash
    /// the files, skip those whose path and SHA-256 are already stored without parsing them,
    /// and parse the rest (every meeting of a file of running notes) and encode their records;
    /// meanwhile the calling thread is the single writer, storing `batchSize` files per
    /// transaction as they arrive, each file all-or-nothing. A file that cannot be read or
    /// parsed is reported in `failed`; the others go in. Throws `IndexError` only when the
    /// index itself fails (the batches committed before stay).
    public func ingest(paths: [String], include: [String] = [], exclude: [String] = [],
                       parser: MinutesParser = MinutesParser(), batchSize: Int = 200,
                       progress: (@Sendable (IngestProgress) -> Void)? = nil) throws -> IngestSummary {
        let (files, walkFailures) = FileWalker(include: include, exclude: exclude).collect(paths)
        var summary = IngestSummary()
        summary.failed = walkFailures
        let known = try storedHashes()
        progress?(IngestProgress(processed: 0, total: files.count))
        guard !files.isEmpty else { return summary }

        let parsed = try pipelined(count: files.count, batchSize: batchSize, prepare: { number, encoder in
            Self.prepare(files[number], known: known, parser: parser, encoder: encoder)
        }, progress: { done in progress?(IngestProgress(processed: done, total: files.count)) })
        summary.merge(parsed)
        return summary
    }

    /// Prepares items `0..<count` on worker threads (one per core) with `prepare`, while the
    /// calling thread writes the prepared files, in order, `batchSize` per transaction.
    func pipelined(count: Int, batchSize: Int, prepare: @escaping @Sendable (Int, JSONEncoder) -> FileResult,
                   progress: (Int) -> Void = { _ in }) throws -> IngestSummary {
        var summary = IngestSummary()
        guard count > 0 else { return summary }
        let batchSize = max(1, batchSize)
        let pipeline = ParsePipeline(count: count, window: 2 * batchSize)
        let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                let encoder = IndexWriter.encoder()
                while let number = pipeline.claim() {
                    pipeline.deliver(number, prepare(number, encoder))
                }
            }
        }
        defer {
            pipeline.cancel()
            group.wait()
        }

        var batch: [PreparedFile] = []
        for number in 0..<count {
            switch pipeline.take(number) {
            case .unchanged: summary.unchanged += 1
            case .failed(let failure): summary.failed.append(failure)
            case .prepared(let file): batch.append(file)
            }
            progress(number + 1)
            if batch.count >= batchSize {
                summary.merge(try write(batch: batch))
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { summary.merge(try write(batch: batch)) }
        return summary
    }

    /// Path → SHA-256 of every stored document.
    func storedHashes() throws -> [String: String] {
        try reading { db in
            var hashes: [String: String] = [:]
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT path, sha256 FROM documents"))
            while let row = try rows.next() {
                hashes[row[0]] = StoredHash.text(row[1])
            }
            return hashes
        }
    }

    /// What a worker made of one file.
    enum FileResult: Sendable {
        case unchanged
        case prepared(PreparedFile)
        case failed(IngestFailure)
    }

    /// Reads and hashes the file at `path`; when new or changed, parses every meeting and encodes them.
    private static func prepare(_ path: String, known: [String: String], parser: MinutesParser,
                                encoder: JSONEncoder) -> FileResult {
        do {
            let bytes = try MinutesParser.readFile(atPath: path, maxBytes: parser.options.maxBytes)
            if let stored = known[path], stored == MinutesParser.sha256(bytes) { return .unchanged }
            return .prepared(try PreparedFile(try parser.parseMeetings(bytes: consume bytes, path: path), encoder: encoder))
        } catch let error as MinutesError {
            return .failed(IngestFailure(path: path, reason: error.description))
        } catch {
            return .failed(IngestFailure(path: path, reason: "\(path): \(error)"))
        }
    }
}

/// Hands files to parsing workers and their results, in file order, to the single writer.
/// Workers stay at most `window` files ahead of the writer, which bounds memory.
final class ParsePipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var nextToClaim = 0
    private var nextToTake = 0
    private var cancelled = false
    private var results: [Int: MinutesIndex.FileResult] = [:]

    init(count: Int, window: Int) {
        self.count = count
        self.window = max(1, window)
    }

    /// The number of the next file to prepare; nil when there is none left or the ingest stopped.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && nextToClaim < count && nextToClaim - nextToTake >= window {
            condition.wait()
        }
        guard !cancelled, nextToClaim < count else { return nil }
        nextToClaim += 1
        return nextToClaim - 1
    }

    /// Stores the result for file `number`.
    func deliver(_ number: Int, _ result: MinutesIndex.FileResult) {
        condition.lock()
        results[number] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for, and removes, the result for file `number` (taken in order).
    func take(_ number: Int) -> MinutesIndex.FileResult {
        condition.lock()
        defer { condition.unlock() }
        while results[number] == nil {
            condition.wait()
        }
        nextToTake = number + 1
        condition.broadcast()
        return results.removeValue(forKey: number) ?? .unchanged
    }

    /// Stops handing out files (the writer failed, or finished).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

