// minutes-bench: measures the search index on a synthetic corpus.
//
//   swift run -c release minutes-bench [--findings N] [--queries Q] [--corpus DIR] [--quick]
//
// Prints a Markdown table: insert rate through MinutesIndex and through a bare FTS5 table
// (same rows, one transaction), bytes on disk per finding, and search latency percentiles;
// then parse throughput per format against the bare libraries, and ingest rate (ParseBench.swift).

import Foundation
import GRDB
import MinutesCore
import MinutesIndex

/// Command-line settings.
struct Settings {
    var findings = 100_000
    var queries = 200
    var findingsPerDocument = 20
    var corpus = "Corpus"
    var parseRounds = 5
    var copies = 10

    static func parse(_ arguments: [String]) -> Settings {
        var settings = Settings()
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--quick":
                settings.findings = 2_000
                settings.queries = 50
                settings.parseRounds = 1
                settings.copies = 1
            case "--findings":
                if let value = iterator.next().flatMap(Int.init), value > 0 { settings.findings = value }
                else { usage() }
            case "--queries":
                if let value = iterator.next().flatMap(Int.init), value > 0 { settings.queries = value }
                else { usage() }
            case "--corpus":
                if let value = iterator.next() { settings.corpus = value } else { usage() }
            default:
                usage()
            }
        }
        return settings
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: minutes-bench [--findings N] [--queries Q] [--corpus DIR] [--quick]\n".utf8))
        exit(2)
    }
}

/// SplitMix64: a small deterministic generator, so every run measures the same corpus.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Real-ish meeting sentences, built by combining parts.
enum Corpus {
    static let subjects = [
        "The working group", "The board", "The steering committee", "The chair", "The secretariat",
        "The finance team", "The technical committee", "The council", "The task force", "The editors",
        "The security team", "The legal advisor", "The project lead", "The community manager", "Participants",
        "The delegation", "The regional office", "The release team", "The auditors", "The treasurer",
    ]
    static let verbs = [
        "agreed to review", "decided to postpone", "approved", "asked for clarification on", "will draft",
        "noted concerns about", "recommended publishing", "rejected", "will circulate", "discussed",
        "requested a benchmark of", "welcomed", "will follow up on", "endorsed", "deferred the decision on",
        "proposed changes to", "confirmed the schedule for", "raised questions about", "will summarise", "resolved to fund",
    ]
    static let objects = [
        "the annual budget", "the foreign investment attraction strategy", "the accessibility guidelines",
        "the draft charter", "the tram extension plan", "the data protection policy", "the hiring plan",
        "the parser performance report", "the translation workflow", "the election procedure",
        "the membership fees", "the incident response process", "the website redesign", "the conference venue",
        "the open-source licence change", "the procurement rules", "the quarterly risk register",
        "the harbour dredging contract", "the test suite migration", "the sponsorship agreement",
        "the code of conduct", "the climate adaptation study", "the broadband rollout", "the archive digitisation",
        "the travel reimbursement policy", "the API deprecation timeline", "the vulnerability disclosure policy",
        "the regional development fund", "the interoperability test plan", "the volunteer training programme",
    ]
    static let qualifiers = [
        "before the next plenary", "by the end of the quarter", "after consulting the members",
        "pending legal advice", "with minor amendments", "in time for the summit", "subject to funding",
        "for the Malmø office", "as proposed by the editors", "given the feedback received",
        "following the public consultation", "once the audit is complete", "at the request of the mayor",
        "without further changes", "in coordination with the W3C", "",
    ]
    static let titles = [
        "Board meeting", "Technical Steering Committee", "City council", "Working group call",
        "Annual general meeting", "Security team sync", "Editors' call", "Finance committee",
    ]
    static let people = ["Alice Martin", "Bob Jones", "Chloé Dubois", "Dan Smith", "Eva Lindqvist", "Farid Haddad"]

    static func sentence(_ rng: inout SplitMix64) -> String {
        let qualifier = qualifiers.randomElement(using: &rng) ?? ""
        let base = "\(subjects.randomElement(using: &rng) ?? "") \(verbs.randomElement(using: &rng) ?? "") \(objects.randomElement(using: &rng) ?? "")"
        return (qualifier.isEmpty ? base : base + " " + qualifier) + "."
    }

    /// Documents `first..<first+count`, each with `perDocument` findings.
    static func records(first: Int, count: Int, perDocument: Int, rng: inout SplitMix64) -> [MeetingRecord] {
        (first..<(first + count)).map { number in
            let path = "/bench/meeting-\(number).md"
            var record = MeetingRecord(source: Source(path: path, format: .markdown, encoding: "UTF-8",
                                                      sha256: MinutesParser.sha256(Array(path.utf8)), bytes: 0))
            record.title = (titles.randomElement(using: &rng) ?? "Meeting") + " \(number)"
            record.date = String(format: "20%02d-%02d-%02d", 15 + number % 11, 1 + number % 12, 1 + number % 28)
            record.participants = people.shuffled(using: &rng).prefix(3).map { Participant(name: $0) }
            record.findings = (0..<perDocument).map { _ in
                let kind = FindingKind.allCases.randomElement(using: &rng) ?? .finding
                return Finding(text: sentence(&rng), kind: kind, owner: kind == .action ? people.randomElement(using: &rng) : nil)
            }
            return record
        }
    }

    /// A mix of search queries: two or three content words, some with a word found nowhere.
    static func queries(_ count: Int, rng: inout SplitMix64) -> [String] {
        let words = (subjects + verbs + objects + qualifiers).flatMap { $0.split(separator: " ").map(String.init) }
            .filter { $0.count > 4 }
        return (0..<count).map { index in
            var query = (0..<(2 + index % 2)).map { _ in words.randomElement(using: &rng) ?? "budget" }
            if index % 4 == 0 { query.append("zeppelin") }  // forces the partial-match fallback
            return query.joined(separator: " ")
        }
    }
}

/// Size of a database file and its WAL.
func bytesOnDisk(_ path: String) -> Int {
    [path, path + "-wal"].reduce(0) { total, file in
        total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func run() throws {
    let settings = Settings.parse(CommandLine.arguments)
    let clock = ContinuousClock()
    let directory = NSTemporaryDirectory() + "minutes-bench-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }

    let documents = max(1, settings.findings / settings.findingsPerDocument)
    let findings = documents * settings.findingsPerDocument
    FileHandle.standardError.write(Data("generating \(findings) findings in \(documents) documents…\n".utf8))

    // 1. Through MinutesIndex (documents, people, findings, FTS, stored JSON), 200 documents per transaction.
    let indexPath = directory + "/index.sqlite"
    let index = try MinutesIndex(path: indexPath)
    var rng = SplitMix64(state: 42)
    var textBytes = 0
    var indexTime = Duration.zero
    var rows: [(String, String)] = []
    rows.reserveCapacity(findings)
    var first = 0
    while first < documents {
        let count = min(200, documents - first)
        let records = Corpus.records(first: first, count: count, perDocument: settings.findingsPerDocument, rng: &rng)
        for record in records {
            for finding in record.findings {
                textBytes += finding.text.utf8.count
                rows.append((finding.text, record.title ?? ""))
            }
        }
        indexTime += try clock.measure { _ = try index.ingest(records: records) }
        first += count
    }

    // 2. The same rows into a bare FTS5 table, one transaction.
    let rawPath = directory + "/raw.sqlite"
    let raw = try DatabaseQueue(path: rawPath)
    try raw.write { db in
        try db.execute(sql: "CREATE VIRTUAL TABLE raw USING fts5(text, title, tokenize='porter unicode61 remove_diacritics 2')")
    }
    let rawTime = try clock.measure {
        try raw.write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO raw(text, title) VALUES (?, ?)")
            for (text, title) in rows { try statement.execute(arguments: [text, title]) }
        }
    }
    try raw.close()

    // 3. Search latency.
    var queryRng = SplitMix64(state: 7)
    let queries = Corpus.queries(settings.queries, rng: &queryRng)
    _ = try index.search(query: queries[0])  // warm the statement cache
    var latencies: [Double] = []
    var fallbackLatencies: [Double] = []
    var empty = 0
    for query in queries {
        var hits: [SearchHit] = []
        let elapsed = try clock.measure { hits = try index.search(query: query, limit: 10) }
        if hits.isEmpty { empty += 1 }
        latencies.append(seconds(elapsed) * 1000)
        if query.hasSuffix("zeppelin") { fallbackLatencies.append(seconds(elapsed) * 1000) }
    }
    latencies.sort()
    fallbackLatencies.sort()

    // Sizes after folding the WAL into the main file.
    let pool = try DatabasePool(path: indexPath)
    _ = try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    try pool.close()
    let indexBytes = bytesOnDisk(indexPath)
    let rawBytes = bytesOnDisk(rawPath)

    func rate(_ duration: Duration) -> String {
        String(format: "%.0f", Double(findings) / max(seconds(duration), 1e-9))
    }
    func perFinding(_ bytes: Int) -> String { String(format: "%.0f", Double(bytes) / Double(findings)) }

    print("| measure (\(findings) findings, \(documents) documents) | value |")
    print("| --- | --- |")
    print("| insert rate, MinutesIndex (findings/s) | \(rate(indexTime)) |")
    print("| insert rate, bare FTS5 table, one transaction (findings/s) | \(rate(rawTime)) |")
    print("| raw finding text (bytes/finding) | \(perFinding(textBytes)) |")
    print("| index file incl. stored JSON (bytes/finding) | \(perFinding(indexBytes)) |")
    print("| bare FTS5 table (bytes/finding) | \(perFinding(rawBytes)) |")
    print(String(format: "| search latency p50 over %d queries (ms) | %.2f |", queries.count, percentile(latencies, 0.5)))
    print(String(format: "| search latency p99 over %d queries (ms) | %.2f |", queries.count, percentile(latencies, 0.99)))
    print(String(format: "| of which partial-match fallback, p50 over %d queries (ms) | %.2f |",
                 fallbackLatencies.count, percentile(fallbackLatencies, 0.5)))
    print("| queries with no hit | \(empty) |")

    if FileManager.default.fileExists(atPath: settings.corpus) {
        try runParseBenchmark(corpusDirectory: settings.corpus, rounds: settings.parseRounds, copies: settings.copies)
    } else {
        FileHandle.standardError.write(Data("no corpus at \(settings.corpus); parse benchmark skipped\n".utf8))
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("minutes-bench: \(error)\n".utf8))
    exit(1)
}
