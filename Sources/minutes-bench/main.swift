// minutes-bench: measures parsing, ingest and the search index.
//
//   swift run -c release minutes-bench [--sizes N,N,…] [--queries Q] [--corpus DIR] [--copies C] [--keep-index FILE] [--index-only] [--search-index FILE [--rounds R]] [--list-queries] [--quick]
//
// Prints Markdown tables: parse throughput per format against the bare libraries (ParseBench.swift);
// peak memory of one large document's parse per format against the bare libraries (MemoryBench.swift);
// ingest of Corpus/ replicated C times, end to end and writer only, against a bare FTS5 insert of the
// same rows (IngestBench.swift); and, on synthetic findings built from Corpus/'s real sentences, the
// insert rate through MinutesIndex against a bare FTS5 table, bytes on disk per finding and search
// latency percentiles at each size (default 100k, 200k and 1M findings); then peak memory.

import Foundation
import GRDB
import MinutesCore
import MinutesIndex

/// Command-line settings.
struct Settings {
    var sizes = [100_000, 200_000, 1_000_000]
    var queries = 200
    var findingsPerDocument = 20
    var corpus = "Corpus"
    var parseRounds = 11
    var copies = 10
    /// Size of the one large document per format that the parse memory benchmark reads.
    var memoryBytes = 4_000_000
    /// Where to leave a copy of the synthetic index (for inspection), if anywhere.
    var keepIndex: String?
    /// Whether to run only the synthetic index benchmark (no parse or ingest tables).
    var indexOnly = false
    /// An existing index to run only the search queries on (`--rounds` times), if any.
    var searchIndex: String?
    /// How many times `--search-index` runs the queries.
    var searchRounds = 3
    /// Whether to print the search benchmark's queries, one a line, and stop.
    var listQueries = false

    static func parse(_ arguments: [String]) -> Settings {
        var settings = Settings()
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--quick":
                settings.sizes = [2_000]
                settings.queries = 50
                settings.parseRounds = 1
                settings.copies = 1
                settings.memoryBytes = 200_000
            case "--findings", "--sizes":
                let values = iterator.next()?.split(separator: ",").compactMap { Int($0) } ?? []
                guard !values.isEmpty, values.allSatisfy({ $0 > 0 }) else { usage() }
                settings.sizes = values.sorted()
            case "--queries":
                if let value = iterator.next().flatMap(Int.init), value > 0 { settings.queries = value }
                else { usage() }
            case "--copies":
                if let value = iterator.next().flatMap(Int.init), value > 0 { settings.copies = value }
                else { usage() }
            case "--index-only":
                settings.indexOnly = true
            case "--search-index":
                if let value = iterator.next() { settings.searchIndex = value } else { usage() }
            case "--list-queries":
                settings.listQueries = true
            case "--rounds":
                if let value = iterator.next().flatMap(Int.init), value > 0 { settings.searchRounds = value }
                else { usage() }
            case "--keep-index":
                if let value = iterator.next() { settings.keepIndex = value } else { usage() }
            case "--corpus":
                if let value = iterator.next() { settings.corpus = value } else { usage() }
            default:
                usage()
            }
        }
        return settings
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: minutes-bench [--sizes N,N,…] [--queries Q] [--corpus DIR] [--copies C] [--keep-index FILE] [--index-only] [--search-index FILE [--rounds R]] [--list-queries] [--quick]\n".utf8))
        exit(2)
    }
}

/// Size of a database file and its WAL.
func bytesOnDisk(_ path: String) -> Int {
    [path, path + "-wal"].reduce(0) { total, file in
        total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
    }
}

/// CPU time this thread has used, in seconds (searches run on the calling thread).
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

/// Writes a line to standard error (progress, not results).
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// What the synthetic benchmark measured at one size.
struct SizeResult {
    var findings = 0
    var documents = 0
    var indexTime = Duration.zero
    var rawTime = Duration.zero
    var textBytes = 0
    var indexBytes = 0
    var rawBytes = 0
    var latencies: [Double] = []
    var cpuLatencies: [Double] = []
    var fallbackLatencies: [Double] = []
    var empty = 0
}

/// Grows one index (and a bare FTS5 table with the same rows) to each size in turn, measuring
/// insert rates on the way and search latency and size at each size.
func runSearchBenchmark(pool: SentencePool, settings: Settings) throws -> [SizeResult] {
    let clock = ContinuousClock()
    let directory = NSTemporaryDirectory() + "minutes-bench-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }

    let indexPath = directory + "/index.sqlite"
    let index = try MinutesIndex(path: indexPath)
    let rawPath = directory + "/raw.sqlite"
    let raw = try DatabaseQueue(path: rawPath)
    try raw.write { db in
        try db.execute(sql: "CREATE VIRTUAL TABLE raw USING fts5(text, title, tokenize='porter unicode61 remove_diacritics 2')")
    }
    var rng = SplitMix64(state: 42)
    let queries = benchQueries(pool: pool, settings: settings)
    var results: [SizeResult] = []
    var current = SizeResult()
    for size in settings.sizes {
        let documents = max(1, size / settings.findingsPerDocument)
        note("growing the index to \(documents * settings.findingsPerDocument) findings…")
        // Each segment goes into the bare table in one transaction; MinutesIndex gets 200 documents per call.
        try raw.inDatabase { db in
            try db.execute(sql: "BEGIN")
            let statement = try db.makeStatement(sql: "INSERT INTO raw(text, title) VALUES (?, ?)")
            while current.documents < documents {
                let count = min(200, documents - current.documents)
                let records = pool.records(first: current.documents, count: count,
                                           perDocument: settings.findingsPerDocument, rng: &rng)
                current.indexTime += try clock.measure { _ = try index.ingest(records: records) }
                current.rawTime += try clock.measure {
                    for record in records {
                        for finding in record.findings {
                            try statement.execute(arguments: [finding.text, record.title ?? ""])
                        }
                    }
                }
                for record in records {
                    current.findings += record.findings.count
                    current.textBytes += record.findings.reduce(0) { $0 + $1.text.utf8.count }
                }
                current.documents += count
            }
            current.rawTime += try clock.measure { try db.execute(sql: "COMMIT") }
        }

        try measureSearches(queries, on: index, into: &current)

        // Sizes after folding the WAL into the main file.
        let checkpointer = try DatabaseQueue(path: indexPath)
        _ = try checkpointer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try checkpointer.close()
        _ = try raw.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        current.indexBytes = bytesOnDisk(indexPath)
        current.rawBytes = bytesOnDisk(rawPath)
        results.append(current)
    }
    try raw.close()
    if let keep = settings.keepIndex {
        try? FileManager.default.removeItem(atPath: keep)
        try FileManager.default.copyItem(atPath: indexPath, toPath: keep)
    }
    return results
}

/// The search benchmark's queries: always the same ones for the same corpus and count.
func benchQueries(pool: SentencePool, settings: Settings) -> [String] {
    var queryRng = SplitMix64(state: 7)
    return pool.queries(settings.queries, rng: &queryRng)
}

/// Runs every query of `queries` once on `index` (after one warm-up search) and records
/// in `result` their wall-clock and CPU latencies (sorted), the fallback queries' latencies
/// and how many found nothing; names the slowest five on standard error.
func measureSearches(_ queries: [String], on index: MinutesIndex, into result: inout SizeResult) throws {
    let clock = ContinuousClock()
    note("searching \(queries.count) queries…")
    _ = try index.search(query: queries[0])  // warm the statement cache
    result.latencies = []
    result.cpuLatencies = []
    result.fallbackLatencies = []
    result.empty = 0
    for query in queries {
        var hits: [SearchHit] = []
        let cpuStart = threadCPUSeconds()
        let elapsed = try clock.measure { hits = try index.search(query: query, limit: 10) }
        result.cpuLatencies.append((threadCPUSeconds() - cpuStart) * 1000)
        if hits.isEmpty { result.empty += 1 }
        result.latencies.append(seconds(elapsed) * 1000)
        if query.hasSuffix(SentencePool.absentWord) { result.fallbackLatencies.append(seconds(elapsed) * 1000) }
    }
    let slowest = zip(queries, result.latencies).sorted { $0.1 > $1.1 }.prefix(5)
    note("slowest queries: " + slowest.map { String(format: "%@ (%.1f ms)", $0.0, $0.1) }.joined(separator: "; "))
    result.latencies.sort()
    result.cpuLatencies.sort()
    result.fallbackLatencies.sort()
}

/// Runs the benchmark's queries (the same ones as the synthetic benchmark's) `searchRounds` times
/// on an existing index (one kept with `--keep-index`) and prints each round's percentiles.
func runSearchOnly(path: String, pool: SentencePool, settings: Settings) throws {
    let queries = benchQueries(pool: pool, settings: settings)
    let index = try MinutesIndex(path: path, mode: .readOnly)
    print("| round | search p50 (ms) | search p99 (ms) | CPU p50 / p99 (ms) | fallback p50 / p99 (ms) | no hit |")
    print("| --- | --- | --- | --- | --- | --- |")
    for round in 1...settings.searchRounds {
        var result = SizeResult()
        try measureSearches(queries, on: index, into: &result)
        print(String(format: "| %d | %.2f | %.2f | %.2f / %.2f | %.2f / %.2f | %d |", round,
                     percentile(result.latencies, 0.5), percentile(result.latencies, 0.99),
                     percentile(result.cpuLatencies, 0.5), percentile(result.cpuLatencies, 0.99),
                     percentile(result.fallbackLatencies, 0.5), percentile(result.fallbackLatencies, 0.99), result.empty))
    }
}

/// Prints the synthetic benchmark's table, one column per size.
func printSearchTable(_ results: [SizeResult], pool: SentencePool, queries: Int) {
    func rate(_ findings: Int, _ duration: Duration) -> String {
        String(format: "%.0f", Double(findings) / max(seconds(duration), 1e-9))
    }
    func perFinding(_ bytes: Int, _ result: SizeResult) -> String {
        String(format: "%.0f", Double(bytes) / Double(max(1, result.findings)))
    }
    print("")
    print("Synthetic findings from \(pool.sentences.count) real sentences of the corpus (recombined to the lengths of its "
        + "\(pool.findingLengths.count) real findings), \(pool.names.count) real names, \(pool.titles.count) real titles; "
        + "20 findings per document.")
    print("")
    print("| measure | " + results.map { "\($0.findings) findings" }.joined(separator: " | ") + " |")
    print("| --- |" + String(repeating: " --- |", count: results.count))
    func row(_ name: String, _ value: (SizeResult) -> String) {
        print("| \(name) | " + results.map(value).joined(separator: " | ") + " |")
    }
    row("insert through MinutesIndex, cumulative (findings/s)") { rate($0.findings, $0.indexTime) }
    row("insert into a bare FTS5 table, one transaction per size step, cumulative (findings/s)") { rate($0.findings, $0.rawTime) }
    row("MinutesIndex vs bare FTS5 insert rate") {
        String(format: "%.0f %%", 100 * seconds($0.rawTime) / max(seconds($0.indexTime), 1e-9))
    }
    row("raw finding text (bytes/finding)") { perFinding($0.textBytes, $0) }
    row("index file incl. stored records (bytes/finding)") { perFinding($0.indexBytes, $0) }
    row("index file / raw finding text") { String(format: "%.2f×", Double($0.indexBytes) / Double(max(1, $0.textBytes))) }
    row("bare FTS5 table (bytes/finding)") { perFinding($0.rawBytes, $0) }
    row("search p50 over \(queries) queries (ms)") { String(format: "%.2f", percentile($0.latencies, 0.5)) }
    row("search p99 over \(queries) queries (ms)") { String(format: "%.2f", percentile($0.latencies, 0.99)) }
    row("search CPU time of the searching thread, p50 / p99 (ms; less sensitive to other load)") {
        String(format: "%.2f / %.2f", percentile($0.cpuLatencies, 0.5), percentile($0.cpuLatencies, 0.99))
    }
    row("of which partial-match fallback, p50 / p99 (ms)") {
        String(format: "%.2f / %.2f", percentile($0.fallbackLatencies, 0.5), percentile($0.fallbackLatencies, 0.99))
    }
    row("queries with no hit") { "\($0.empty)" }
}

func run() throws {
    let arguments = CommandLine.arguments
    if arguments.count == 4, arguments[1] == "--memory-child", let mode = MemoryChildMode(rawValue: arguments[2]) {
        runMemoryChild(mode: mode, path: arguments[3])
    }
    let settings = Settings.parse(CommandLine.arguments)
    guard FileManager.default.fileExists(atPath: settings.corpus) else {
        note("minutes-bench: no corpus at \(settings.corpus); run from the package directory or pass --corpus DIR")
        exit(1)
    }
    if !settings.indexOnly && settings.searchIndex == nil && !settings.listQueries {
        try runParseBenchmark(corpusDirectory: settings.corpus, rounds: settings.parseRounds)
        try runMemoryBenchmark(corpusDirectory: settings.corpus, targetBytes: settings.memoryBytes)
        try runIngestBenchmark(corpusDirectory: settings.corpus, copies: settings.copies)
    }
    let afterIngest = peakMemoryMiB()

    note("collecting real sentences from \(settings.corpus)…")
    let pool = SentencePool.load(settings.corpus)
    if settings.listQueries {
        benchQueries(pool: pool, settings: settings).forEach { print($0) }
        return
    }
    if let path = settings.searchIndex {
        try runSearchOnly(path: path, pool: pool, settings: settings)
        return
    }
    let results = try runSearchBenchmark(pool: pool, settings: settings)
    printSearchTable(results, pool: pool, queries: settings.queries)
    print("")
    print(String(format: "Peak memory of this benchmark process: %.0f MiB after the ingest runs, %.0f MiB at the end.",
                 afterIngest, peakMemoryMiB()))
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("minutes-bench: \(error)\n".utf8))
    exit(1)
}
