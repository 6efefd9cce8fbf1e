import Foundation
import MinutesCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

private let minutesText = """
    Board meeting, 12 March 2024
    Present: Alice Martin, Bob Jones
    Resolved: the board approved the budget.
    ACTION: Alice to prepare the benchmarking report.

    """

/// The command line's contract for bad input: exit 1 with one line `minutes: FILE: problem`,
/// usage errors exit 2, never a signal or a stack trace.
@Suite("CLI on hostile input", .enabled(if: Subprocess.hasBinary, "the minutes binary is not built; run swift build"))
struct CLITests {
    /// Runs `minutes parse ARGS…` and checks the bad-input contract; returns the one stderr line.
    @discardableResult
    func expectRefused(_ arguments: [String], naming path: String, saying problem: String,
                       stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try Subprocess.minutes(arguments, stdin: stdin)
        #expect(!result.signalled, sourceLocation: sourceLocation)
        #expect(result.status == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        let line = result.errorLines.first ?? ""
        #expect(line.hasPrefix("minutes: " + path + ": "), "stderr: \(line)", sourceLocation: sourceLocation)
        #expect(line.contains(problem), "stderr: \(line)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        return line
    }

    @Test func missingPath() throws {
        let path = "/nonexistent-\(UUID().uuidString).txt"
        try expectRefused(["parse", path], naming: path, saying: "no such file")
    }

    @Test func directory() throws {
        let dir = try TemporaryDirectory()
        try expectRefused(["parse", dir.path], naming: dir.path, saying: "is a directory")
    }

    @Test func emptyFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("empty.txt", "")
        try expectRefused(["parse", path], naming: path, saying: "the file is empty")
    }

    @Test func png() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("minutes.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52] + [UInt8](repeating: 7, count: 500))
            .write(to: URL(fileURLWithPath: path))
        try expectRefused(["parse", path], naming: path, saying: "not a text document (PNG image)")
    }

    @Test func namedPipeDoesNotHang() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("pipe.md")
        try #require(mkfifo(path, 0o644) == 0)
        try expectRefused(["parse", path], naming: path, saying: "named pipe")
    }

    @Test func overTheSizeCap() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("notes.txt", minutesText)
        try expectRefused(["parse", "--max-size", "64", path], naming: path, saying: "over the size limit of 64 bytes")
        // Standard input is capped the same way, without reading it all first.
        try expectRefused(["parse", "--max-size", "1000", "-"], naming: "-", saying: "over the size limit", stdin: "/dev/zero")
    }

    @Test func unreadableFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("secret.txt", minutesText)
        chmod(path, 0)
        if getuid() == 0 {
            // Root reads anything: run the CLI as `nobody` instead.
            let prefix = try #require(Subprocess.dropToNobody, "setpriv is needed to test permissions as root")
            chmod(dir.path, 0o755)
            let binary = try #require(Subprocess.minutesBinary)
            let result = try Subprocess.Child(executable: prefix[0], arguments: Array(prefix.dropFirst()) + [binary, "parse", path]).wait()
            #expect(result.status == 1, "stderr: \(result.stderr)")
            #expect(result.errorLines == ["minutes: \(path): cannot be read: permission denied"])
        } else {
            try expectRefused(["parse", path], naming: path, saying: "permission denied")
        }
    }

    @Test func oneBadFileAmongGoodOnesStillPrintsTheGoodRecords() throws {
        let dir = try TemporaryDirectory()
        let good = try dir.write("good.txt", minutesText)
        let empty = try dir.write("empty.txt", "")
        let result = try Subprocess.minutes(["parse", good, empty])
        #expect(result.status == 1)
        #expect(result.errorLines == ["minutes: \(empty): the file is empty"])
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    /// Many files are parsed on every core, but printed in the order given, exactly as one call per file prints them.
    @Test func manyFilesPrintInTheOrderGiven() throws {
        let dir = try TemporaryDirectory()
        var paths: [String] = []
        for i in 0..<40 {
            // Different sizes, so workers finish out of order.
            let text = minutesText.replacingOccurrences(of: "Alice Martin", with: "Alice Martin\(String(repeating: " ", count: i % 7))")
                + String(repeating: "Discussion of item \(i) went on at length.\n", count: (i * 37) % 200)
            paths.append(try dir.write("m\(i).txt", text))
            if i == 17 { paths.append(dir.path + "/missing.txt") }
        }
        let together = try Subprocess.minutes(["parse", "--split"] + paths)
        #expect(together.status == 1)
        #expect(together.errorLines == ["minutes: \(dir.path)/missing.txt: no such file"])
        var oneByOne = ""
        for path in paths where !path.hasSuffix("missing.txt") {
            oneByOne += try Subprocess.minutes(["parse", "--split", path]).stdout
        }
        #expect(together.stdout == oneByOne)
        #expect(together.stdout.split(separator: "\n").count == 40)
    }

    @Test func goodFileParses() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("good.txt", minutesText)
        let result = try Subprocess.minutes(["parse", path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let record = try JSONDecoder().decode(MeetingRecord.self, from: Data(result.stdout.utf8))
        #expect(record.source.path == path)
    }

    @Test(arguments: [
        ["parse"], ["parse", "--max-size", "0", "x.txt"], ["parse", "--format", "yaml", "x.txt"],
        ["parse", "--as", "pdf", "x.txt"], ["ingest"], ["no-such-command"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try Subprocess.minutes(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.signalled)
    }

    @Test func ingestWalksASymlinkLoopOnce() throws {
        let dir = try TemporaryDirectory()
        try dir.write("tree/a.txt", minutesText)
        try dir.write("tree/sub/b.md", "# Notes\n\n" + minutesText)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.file("tree/sub/up"), withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir.file("tree/self"), withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: dir.file("tree/loop.txt"), withDestinationPath: "loop.txt")
        try fm.createSymbolicLink(atPath: dir.file("tree/ping"), withDestinationPath: "pong")
        try fm.createSymbolicLink(atPath: dir.file("tree/pong"), withDestinationPath: "ping")
        let result = try Subprocess.minutes(["ingest", "--index", dir.file("index.sqlite"), dir.file("tree")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.errorLines.last == "added 2, updated 0, unchanged 0, failed 0")
    }

    @Test func ingestSkipsFilesOverTheCapAndSaysSo() throws {
        let dir = try TemporaryDirectory()
        let small = try dir.write("tree/a.txt", minutesText)
        let big = try dir.write("tree/big.txt", String(repeating: minutesText, count: 100))
        let result = try Subprocess.minutes(["ingest", "--max-size", "4096", "--index", dir.file("index.sqlite"), dir.file("tree")])
        #expect(result.status == 0)
        #expect(result.errorLines.contains { $0.hasPrefix("minutes: \(big): ") && $0.contains("over the size limit of 4096") })
        #expect(!result.stderr.contains(small))
        #expect(result.errorLines.last == "added 1, updated 0, unchanged 0, failed 1")
    }
}
