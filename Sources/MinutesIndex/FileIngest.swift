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
    /// calling thread writes the prepared files, in order, `batchSize` per transaction
    /// (`OrderedPipeline`: workers stay at most two batches ahead of the writer).
    func pipelined(count: Int, batchSize: Int, prepare: @escaping @Sendable (Int, JSONEncoder) -> FileResult,
                   progress: (Int) -> Void = { _ in }) throws -> IngestSummary {
        var summary = IngestSummary()
        let batchSize = max(1, batchSize)
        var batch: [PreparedFile] = []
        try OrderedPipeline.run(count: count, window: 2 * batchSize, makeJob: {
            let encoder = IndexWriter.encoder()
            return { number in prepare(number, encoder) }
        }, deliver: { number, result in
            switch result {
            case .unchanged: summary.unchanged += 1
            case .failed(let failure): summary.failed.append(failure)
            case .prepared(let file): batch.append(file)
            }
            progress(number + 1)
            if batch.count >= batchSize {
                summary.merge(try write(batch: batch))
                batch.removeAll(keepingCapacity: true)
            }
        })
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
