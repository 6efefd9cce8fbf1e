import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `minutes` binary (and helpers) as child processes.
enum Subprocess {
    /// The repository root, from this file's location.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `minutes` executable `swift test` built next to the test bundle, if any.
    static let minutesBinary: String? = {
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            let testBinary = URL(fileURLWithPath: first).resolvingSymlinksInPath()
            candidates.append(testBinary.deletingLastPathComponent().appendingPathComponent("minutes").path)
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("minutes").path)
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/minutes").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// True when the `minutes` binary was found (tests that need it are skipped otherwise).
    static var hasBinary: Bool { minutesBinary != nil }

    /// What a finished child process did.
    struct Result {
        var status: Int32
        /// True when it ended by a signal rather than by exiting.
        var signalled: Bool
        var stdout: String
        var stderr: String
        /// Standard error's non-empty lines.
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// A started child process whose output goes to temporary files.
    final class Child {
        let process = Process()
        let outPath = NSTemporaryDirectory() + "minutes-out-" + UUID().uuidString
        let errPath = NSTemporaryDirectory() + "minutes-err-" + UUID().uuidString

        init(executable: String, arguments: [String], stdin: String? = nil) throws {
            _ = FileManager.default.createFile(atPath: outPath, contents: nil)
            _ = FileManager.default.createFile(atPath: errPath, contents: nil)
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = FileHandle(forWritingAtPath: outPath)
            process.standardError = FileHandle(forWritingAtPath: errPath)
            process.standardInput = stdin.flatMap { FileHandle(forReadingAtPath: $0) } ?? FileHandle.nullDevice
            try process.run()
        }

        var isRunning: Bool { process.isRunning }
        var pid: Int32 { process.processIdentifier }

        /// Sends SIGKILL.
        func kill9() { _ = Glibc.kill(process.processIdentifier, SIGKILL) }

        /// Waits for the end and collects the output.
        func wait() -> Result {
            process.waitUntilExit()
            defer {
                try? FileManager.default.removeItem(atPath: outPath)
                try? FileManager.default.removeItem(atPath: errPath)
            }
            let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
            let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            return Result(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                          stdout: out, stderr: err)
        }
    }

    /// Starts `minutes ARGUMENTS…`.
    static func start(_ arguments: [String], stdin: String? = nil) throws -> Child {
        let binary = try #require(minutesBinary, "the minutes binary is not built")
        return try Child(executable: binary, arguments: arguments, stdin: stdin)
    }

    /// Runs `minutes ARGUMENTS…` to the end.
    static func minutes(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try start(arguments, stdin: stdin).wait()
    }

    /// Runs `/bin/sh -c SCRIPT` with `$M` set to the minutes binary and `$1…` to `arguments`.
    static func shell(_ script: String, _ arguments: [String] = []) throws -> Result {
        let binary = try #require(minutesBinary, "the minutes binary is not built")
        return try Child(executable: "/bin/sh", arguments: ["-c", "M='\(binary)'; " + script, "sh"] + arguments).wait()
    }

    /// `setpriv` to run a command as `nobody`, when this process is root and it exists.
    static var dropToNobody: [String]? {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return nil }
        return ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    }
}

/// A file's bytes, to show that a refused file was left exactly as it was.
func fileDigest(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}
