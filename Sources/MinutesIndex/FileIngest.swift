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
    /// Directories are walked (see `FileWalker`); files are read and hashed in parallel on
    /// all cores, files whose path and SHA-256 are already stored are skipped without
    /// parsing, the rest are parsed in parallel and written by a single writer,
    /// `batchSize` documents per transaction, each document all-or-nothing.
    /// A file that cannot be read or parsed is reported in `failed`; the others go in.
    /// Throws `IndexError` only when the index itself fails.
    public func ingest(paths: [String], include: [String] = [], exclude: [String] = [],
                       parser: MinutesParser = MinutesParser(), batchSize: Int = 200,
                       progress: (@Sendable (IngestProgress) -> Void)? = nil) throws -> IngestSummary {
        let (files, walkFailures) = FileWalker(include: include, exclude: exclude).collect(paths)
        var summary = IngestSummary()
        summary.failed = walkFailures
        let known = try storedHashes()
        let counter = ProgressCounter(total: files.count, report: progress)
        progress?(IngestProgress(processed: 0, total: files.count))

        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(start + max(1, batchSize), files.count)])
            start += batch.count
            let results = Self.parse(batch, known: known, parser: parser, counter: counter)
            var records: [MeetingRecord] = []
            for result in results {
                switch result {
                case .unchanged: summary.unchanged += 1
                case .failed(let failure): summary.failed.append(failure)
                case .parsed(let record): records.append(record)
                }
            }
            if !records.isEmpty { summary.merge(try write(batch: records)) }
        }
        return summary
    }

    /// Path → SHA-256 of every stored document.
    func storedHashes() throws -> [String: String] {
        try reading { db in
            var hashes: [String: String] = [:]
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT path, sha256 FROM documents"))
            while let row = try rows.next() {
                hashes[row[0]] = row[1] as String?
            }
            return hashes
        }
    }

    private enum FileResult: Sendable {
        case unchanged
        case parsed(MeetingRecord)
        case failed(IngestFailure)
    }

    /// Reads, hashes and (when new or changed) parses each file, in parallel.
    private static func parse(_ batch: [String], known: [String: String], parser: MinutesParser,
                              counter: ProgressCounter) -> [FileResult] {
        let results = ResultSlots<FileResult>(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            let path = batch[index]
            let result: FileResult
            do {
                let bytes = try MinutesParser.readFile(atPath: path, maxBytes: parser.options.maxBytes)
                if let stored = known[path], stored == MinutesParser.sha256(bytes) {
                    result = .unchanged
                } else {
                    result = .parsed(try parser.parse(bytes: bytes, path: path))
                }
            } catch let error as MinutesError {
                result = .failed(IngestFailure(path: path, reason: error.description))
            } catch {
                result = .failed(IngestFailure(path: path, reason: "\(path): \(error)"))
            }
            results.set(index, result)
            counter.advance()
        }
        return results.values()
    }
}

/// Fixed-size result array written from many threads, one slot each.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// Counts processed files across threads and reports progress.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var processed = 0
    private let total: Int
    private let report: (@Sendable (IngestProgress) -> Void)?

    init(total: Int, report: (@Sendable (IngestProgress) -> Void)?) {
        self.total = total
        self.report = report
    }

    func advance() {
        guard let report else { return }
        lock.lock()
        processed += 1
        let value = IngestProgress(processed: processed, total: total)
        report(value)
        lock.unlock()
    }
}
