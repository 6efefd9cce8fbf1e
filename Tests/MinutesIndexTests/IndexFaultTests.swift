import Foundation
import GRDB
import MinutesCore
import Testing
@testable import MinutesIndex
#if canImport(Glibc)
import Glibc
#endif

/// Minutes text for generated corpora: `variant` changes the content (and so the hash).
private func generatedMinutes(_ number: Int, variant: Int) -> String {
    var text = "Widget committee meeting \(number)\(variant > 0 ? " (revision \(variant))" : "")\n"
    text += "Date: 2024-03-\(10 + number % 18)\nPresent: Alice Martin, Bob Jones, Carol Diaz\n\n"
    for item in 0..<(3 + (number + variant) % 4) {
        text += "Resolved: the committee approved budget line \(number)-\(item) for region \(item * 7 + variant).\n"
        text += "ACTION: Alice to prepare the benchmarking report \(number)-\(item).\n"
    }
    return text
}

/// Writes `count` minutes files under `directory/name`, returning canonical path → SHA-256.
@discardableResult
private func writeCorpus(_ directory: TemporaryDirectory, _ name: String, count: Int, variant: Int = 0) throws -> [String: String] {
    var hashes: [String: String] = [:]
    for number in 0..<count {
        let text = generatedMinutes(number, variant: variant)
        let path = try directory.write("\(name)/\(number / 500)/m\(number).txt", text)
        hashes[MinutesIndex.canonicalPath(path)] = MinutesParser.sha256(Array(text.utf8))
    }
    return hashes
}

/// Documents stored so far, read the way a concurrent reader would (0 before the file exists).
private func storedDocuments(_ path: String, since: String? = nil) -> Int {
    guard FileManager.default.fileExists(atPath: path) else { return 0 }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(5)
    guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return 0 }
    defer { try? queue.close() }
    return (try? queue.read { db in
        guard try db.tableExists("documents") else { return 0 }
        if let since {
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents WHERE ingested_at >= ?", arguments: [since]) ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0
    }) ?? 0
}

/// Checks that the index at `path` is whole: SQLite's integrity check, the full-text index
/// against its content, no orphan rows, and every document complete — as many findings,
/// participants and organisations rows as were counted when it was written, the record read
/// back whole, and a hash that is one of the versions its file has had. Returns the number
/// of documents.
@discardableResult
private func expectConsistent(_ path: String, versions: [String: Set<String>],
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    let index = try MinutesIndex(path: path)
    let integrity = try index.pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    #expect(integrity == ["ok"], sourceLocation: sourceLocation)
    try index.pool.write { db in
        try db.execute(sql: "INSERT INTO findings_fts(findings_fts, rank) VALUES ('integrity-check', 1)")
    }
    return try index.pool.read { db in
        for table in ["findings", "participants", "organisations"] {
            let orphans = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE document_id NOT IN (SELECT id FROM documents)")
            #expect(orphans == 0, "orphan \(table) rows", sourceLocation: sourceLocation)
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.id, d.path, d.sha256, d.findings AS written_findings,
                   d.participants AS written_participants, d.organisations AS written_organisations,
                   (SELECT COUNT(*) FROM findings f WHERE f.document_id = d.id) AS findings,
                   (SELECT COUNT(*) FROM participants p WHERE p.document_id = d.id) AS participants,
                   (SELECT COUNT(*) FROM organisations o WHERE o.document_id = d.id) AS organisations
            FROM documents d
            """)
        for row in rows {
            let path: String = row["path"]
            let hash = StoredHash.text(row["sha256"])
            let record = try #require(try IndexWriter.record(id: row["id"], in: db), sourceLocation: sourceLocation)
            #expect(record.source.sha256 == hash, "\(path)", sourceLocation: sourceLocation)
            #expect(versions[path]?.contains(hash ?? "") == true, "\(path): unknown version", sourceLocation: sourceLocation)
            #expect(row["written_findings"] as Int == row["findings"], "\(path): half a document", sourceLocation: sourceLocation)
            #expect(record.findings.count == row["findings"], "\(path): half a document", sourceLocation: sourceLocation)
            #expect(row["findings"] as Int > 0, "\(path): a document without findings", sourceLocation: sourceLocation)
            #expect(row["written_participants"] as Int == row["participants"], "\(path)", sourceLocation: sourceLocation)
            #expect(row["written_organisations"] as Int == row["organisations"], "\(path)", sourceLocation: sourceLocation)
        }
        return rows.count
    }
}

private func isoNow() -> String { ISO8601DateFormatter().string(from: Date()) }

/// Faults around the index: killed writers, concurrent writers and readers, files that are
/// read-only, full, damaged, foreign or from the future. Spawns the built `minutes` binary.
@Suite("Index faults", .serialized, .enabled(if: Subprocess.hasBinary, "the minutes binary is not built; run swift build"))
struct IndexFaultTests {
    @Test func killDuringIngestLeavesOldOrNewRecordsNeverHalfOfOne() throws {
        let dir = try TemporaryDirectory()
        let count = 2000
        let first = try writeCorpus(dir, "corpus", count: count, variant: 0)
        var versions = first.mapValues { Set([$0]) }
        let index = dir.file("index.sqlite")
        var kills = 0
        // Round 0 adds documents, rounds 1 and 2 replace them with new versions; each is killed
        // with SIGKILL once it has committed a few batches, then the index is checked.
        for round in 0..<3 {
            if round > 0 {
                for (path, hash) in try writeCorpus(dir, "corpus", count: count, variant: round) {
                    versions[path, default: []].insert(hash)
                }
            }
            let started = isoNow()
            let child = try Subprocess.start(["ingest", "--index", index, dir.file("corpus")])
            let threshold = 200 * (round + 1)
            while child.isRunning && storedDocuments(index, since: started) < threshold {
                usleep(20_000)
            }
            if child.isRunning {
                child.kill9()
                kills += 1
            }
            let result = child.wait()
            #expect(result.signalled || result.status == 0, "round \(round): \(result.stderr)")
            let stored = try expectConsistent(index, versions: versions)
            #expect(stored > 0)
        }
        #expect(kills > 0, "the ingests finished before they could be killed")
        // A final run completes the job from wherever the killed ones stopped.
        let final = try Subprocess.minutes(["ingest", "--index", index, dir.file("corpus")])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(try expectConsistent(index, versions: versions) == count)
        let hashes = try MinutesIndex(path: index).storedHashes()
        let newest = try Dictionary(uniqueKeysWithValues: versions.keys.map { path in
            (path, MinutesParser.sha256(try MinutesParser.readFile(atPath: path, maxBytes: 1 << 20)))
        })
        #expect(hashes == newest)
    }

    @Test func twoConcurrentIngestsBothFinishWithoutLosingDocuments() throws {
        let dir = try TemporaryDirectory()
        var versions: [String: Set<String>] = [:]
        for name in ["a", "b", "shared"] {
            for (path, hash) in try writeCorpus(dir, name, count: name == "shared" ? 150 : 400) {
                versions[path] = [hash]
            }
        }
        // A fresh index: both processes race to create it, too.
        let index = dir.file("index.sqlite")
        let one = try Subprocess.start(["ingest", "--index", index, dir.file("a"), dir.file("shared")])
        let two = try Subprocess.start(["ingest", "--index", index, dir.file("shared"), dir.file("b")])
        let first = one.wait(), second = two.wait()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(first.errorLines.last?.hasSuffix("failed 0") == true, "\(first.stderr)")
        #expect(second.errorLines.last?.hasSuffix("failed 0") == true, "\(second.stderr)")
        #expect(try expectConsistent(index, versions: versions) == 950)
    }

    @Test func searchesSucceedDuringAnIngest() throws {
        let dir = try TemporaryDirectory()
        let first = try writeCorpus(dir, "first", count: 100)
        let second = try writeCorpus(dir, "second", count: 1500)
        let index = dir.file("index.sqlite")
        #expect(try Subprocess.minutes(["ingest", "--index", index, dir.file("first")]).status == 0)
        let child = try Subprocess.start(["ingest", "--index", index, dir.file("second")])
        var searches = 0
        let reader = try MinutesIndex(path: index, mode: .readOnly)
        while child.isRunning || searches < 3 {
            let hits = try reader.search(query: "budget approved", limit: 5)
            #expect(!hits.isEmpty)
            _ = try reader.counts()
            if searches % 10 == 0 {
                let cli = try Subprocess.minutes(["search", "--index", index, "benchmarking report"])
                #expect(cli.status == 0, "\(cli.stderr)")
            }
            searches += 1
        }
        let result = child.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(searches > 3)
        #expect(try expectConsistent(index, versions: (first.merging(second) { a, _ in a }).mapValues { [$0] }) == 1600)
    }

    // MARK: Files that must not be written

    /// Runs `minutes ingest` on `index` and expects exit 1, one line naming the index, and the file untouched.
    private func expectIngestRefused(index: String, saying problem: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try TemporaryDirectory()
        let document = try dir.write("doc.txt", generatedMinutes(1, variant: 0))
        let before = try fileDigest(index)
        let walBefore = try? fileDigest(index + "-wal")
        for arguments in [["ingest", "--index", index, document], ["search", "--index", index, "budget"]] {
            let result = try Subprocess.minutes(arguments)
            #expect(result.status == 1, "\(arguments[0]): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.errorLines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.errorLines.first?.hasPrefix("minutes: \(index): ") == true, "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(problem), "\(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(try fileDigest(index) == before, "the refused file was modified", sourceLocation: sourceLocation)
        let walAfter = try? fileDigest(index + "-wal")
        #expect(walAfter == walBefore, "the refused file's WAL was modified", sourceLocation: sourceLocation)
    }

    @Test func foreignFileIsRefusedAndUntouched() throws {
        let dir = try TemporaryDirectory()
        try expectIngestRefused(index: try dir.write("notes.sqlite", "my notes\n"), saying: "not an SQLite database")
        let foreign = dir.file("other.sqlite")
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try queue.close()
        try expectIngestRefused(index: foreign, saying: "not a minutes index")
    }

    @Test func corruptIndexIsRefusedAndUntouched() throws {
        let dir = try TemporaryDirectory()
        // Random bytes after a valid header.
        var generator = SystemRandomNumberGenerator()
        let noise = try dir.write("noise.sqlite", "")
        try Data(Array("SQLite format 3\0".utf8) + (0..<16384).map { _ in UInt8.random(in: 0...255, using: &generator) })
            .write(to: URL(fileURLWithPath: noise))
        try expectIngestRefused(index: noise, saying: "damaged")
        // A real index cut short, at a page boundary and in the middle of a page.
        let corpus = try writeCorpus(dir, "corpus", count: 300)
        #expect(corpus.count == 300)
        let whole = dir.file("whole.sqlite")
        #expect(try Subprocess.minutes(["ingest", "--index", whole, dir.file("corpus")]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: whole))
        #expect(bytes.count > 64 * 4096)
        for (name, length) in [("pages.sqlite", bytes.count / 2 / 4096 * 4096), ("middle.sqlite", bytes.count / 2 + 100)] {
            let cut = dir.file(name)
            try bytes.prefix(length).write(to: URL(fileURLWithPath: cut))
            try expectIngestRefused(index: cut, saying: "the file was truncated")
        }
    }

    @Test func newerSchemaIsRefusedAndUntouched() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("index.sqlite")
        do {
            let index = try MinutesIndex(path: path)
            try index.upsert(record: record("/docs/a.txt", findings: [Finding(text: "budget approved", kind: .decision)]))
            try index.pool.write { try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v9-from-the-future')") }
        }
        try expectIngestRefused(index: path, saying: "written by a newer version of minutes")
    }

    @Test func readOnlyIndexIsRefusedAndUntouched() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("index.sqlite")
        let document = try dir.write("doc.txt", generatedMinutes(1, variant: 0))
        #expect(try Subprocess.minutes(["ingest", "--index", path, document]).status == 0)
        let before = try fileDigest(path)
        chmod(path, 0o444)
        chmod(dir.path, 0o755)
        let binary = try #require(Subprocess.minutesBinary)
        let other = try dir.write("other.txt", generatedMinutes(2, variant: 0))
        let result: Subprocess.Result
        if getuid() == 0 {
            // Root writes through any mode bits: run as `nobody`, who owns neither file nor directory.
            let prefix = try #require(Subprocess.dropToNobody, "setpriv is needed to test a read-only index as root")
            result = try Subprocess.Child(executable: prefix[0],
                                          arguments: Array(prefix.dropFirst()) + [binary, "ingest", "--index", path, other]).wait()
        } else {
            result = try Subprocess.minutes(["ingest", "--index", path, other])
        }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.errorLines == ["minutes: \(path): the index is read-only; cannot write to it"])
        #expect(try fileDigest(path) == before)
    }

    @Test func fullDiskStopsTheIngestWithAnErrorAndKeepsTheIndexWhole() throws {
        // A full disk, simulated with a file-size limit (ulimit -f, SIGXFSZ ignored): writes fail with EFBIG.
        let dir = try TemporaryDirectory()
        let small = try writeCorpus(dir, "small", count: 20)
        let large = try writeCorpus(dir, "large", count: 1500)
        let index = dir.file("index.sqlite")
        #expect(try Subprocess.minutes(["ingest", "--index", index, dir.file("small")]).status == 0)
        let result = try Subprocess.shell("trap '' XFSZ; ulimit -f 600; exec \"$M\" ingest --index \"$1\" \"$2\"",
                                          [index, dir.file("large")])
        #expect(!result.signalled)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.errorLines.count == 1, "\(result.stderr)")
        #expect(result.errorLines.first?.hasPrefix("minutes: \(index): ") == true, "\(result.stderr)")
        let stored = try expectConsistent(index, versions: small.merging(large) { a, _ in a }.mapValues { [$0] })
        #expect(stored >= 20 && stored < 1520)
        // With room again, the same ingest completes.
        #expect(try Subprocess.minutes(["ingest", "--index", index, dir.file("large")]).status == 0)
        #expect(try expectConsistent(index, versions: small.merging(large) { a, _ in a }.mapValues { [$0] }) == 1520)
    }
}
