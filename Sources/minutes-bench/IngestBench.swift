// Ingest benchmark over the real documents of Corpus/, replicated: end to end (walk, read,
// hash, parse in parallel, one writer) and the writer alone (records parsed beforehand), each
// against a bare FTS5 insert of the same findings in one transaction.

import Foundation
import GRDB
import MinutesCore
import MinutesIndex

/// Copies every document of `corpusDirectory` `copies` times below `directory` (each copy made
/// unique by a trailing line). Returns the number of files written.
func replicateCorpus(_ corpusDirectory: String, copies: Int, into directory: String) throws -> Int {
    let corpora = [DocumentFormat.html, .markdown, .text].map { CorpusFiles.load(corpusDirectory, format: $0) }
    var documents = 0
    for copy in 0..<copies {
        let folder = "\(directory)/copy\(copy)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for corpus in corpora {
            for file in corpus.files {
                let name = URL(fileURLWithPath: file.path).lastPathComponent
                try Data(file.bytes + Array("\n\n\(copy)\n".utf8)).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
                documents += 1
            }
        }
    }
    return documents
}

/// Thread-safe slots for parallel parsing.
final class ParsedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [[MeetingRecord]?]
    init(count: Int) { files = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ meetings: [MeetingRecord]) { lock.lock(); files[index] = meetings; lock.unlock() }
    var all: [[MeetingRecord]] { lock.lock(); defer { lock.unlock() }; return files.compactMap { $0 } }
}

/// Inserts `rows` (text, title) into a new bare FTS5 table in one transaction; returns the time taken.
func bareFTS5Insert(_ rows: [(String, String)], at path: String) throws -> Duration {
    let raw = try DatabaseQueue(path: path)
    defer { try? raw.close() }
    try raw.write { db in
        try db.execute(sql: "CREATE VIRTUAL TABLE raw USING fts5(text, title, tokenize='porter unicode61 remove_diacritics 2')")
    }
    return try ContinuousClock().measure {
        try raw.write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO raw(text, title) VALUES (?, ?)")
            for (text, title) in rows { try statement.execute(arguments: [text, title]) }
        }
    }
}

/// Prints the ingest table for `Corpus/` × `copies`.
func runIngestBenchmark(corpusDirectory: String, copies: Int) throws {
    let directory = NSTemporaryDirectory() + "minutes-ingest-bench-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let documents = try replicateCorpus(corpusDirectory, copies: copies, into: directory + "/corpus")
    let clock = ContinuousClock()
    note("ingesting \(documents) documents end to end…")

    // End to end: `minutes ingest DIR` does exactly this.
    let index = try MinutesIndex(path: directory + "/index.sqlite")
    var summary = IngestSummary()
    let endToEnd = try clock.measure { summary = try index.ingest(paths: [directory + "/corpus"]) }
    let counts = try index.counts()

    // Writer only: the same files parsed beforehand (not timed), then stored.
    let (files, _) = FileWalker().collect([directory + "/corpus"])
    let parsed = ParsedFiles(count: files.count)
    let parser = MinutesParser()
    DispatchQueue.concurrentPerform(iterations: files.count) { number in
        if let bytes = try? MinutesParser.readFile(atPath: files[number], maxBytes: parser.options.maxBytes),
           let meetings = try? parser.parseMeetings(bytes: bytes, path: files[number]) {
            parsed.set(number, meetings)
        }
    }
    let meetings = parsed.all
    let writerIndex = try MinutesIndex(path: directory + "/writer.sqlite")
    note("storing \(meetings.count) parsed documents (writer only)…")
    let writerOnly = try clock.measure { _ = try writerIndex.ingest(files: meetings) }
    let writerCounts = try writerIndex.counts()
    let rows = meetings.flatMap { $0 }.flatMap { record in record.findings.map { ($0.text, record.title ?? "") } }
    let bare = try bareFTS5Insert(rows, at: directory + "/raw.sqlite")

    func perSecond(_ count: Int, _ duration: Duration) -> String {
        String(format: "%.0f", Double(count) / max(seconds(duration), 1e-9))
    }
    print("")
    print("| ingest of \(corpusDirectory) × \(copies): \(documents) files, \(counts.documents) meetings, "
        + "\(counts.findings) findings | documents/s | findings/s |")
    print("| --- | --- | --- |")
    print("| end to end (`MinutesIndex.ingest(paths:)`: walk, read, hash, parse on all cores, one writer) | "
        + "\(perSecond(documents, endToEnd)) | \(perSecond(counts.findings, endToEnd)) |")
    print("| writer only (`MinutesIndex.ingest(files:)` of records parsed beforehand) | "
        + "\(perSecond(meetings.count, writerOnly)) | \(perSecond(writerCounts.findings, writerOnly)) |")
    print("| bare FTS5 insert of the same \(rows.count) findings, one transaction | — | \(perSecond(rows.count, bare)) |")
    print(String(format: "| writer only vs bare FTS5 (findings/s) | %.0f %% | |",
                 100 * seconds(bare) / max(seconds(writerOnly), 1e-9) * Double(writerCounts.findings) / Double(max(1, rows.count))))
    print("| failed | \(summary.failed.count) | |")
}
