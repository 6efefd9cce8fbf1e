import ArgumentParser
import Foundation
import MinutesCore
import MinutesIndex

/// `minutes ingest PATH…`: parse documents and store them in the index.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse documents and add them to the search index.",
        discussion: """
            Directories are walked recursively (hidden entries skipped) for .html .htm .md .markdown \
            .txt .log .irc .eml files. Unchanged files are skipped; changed files replace their old record. \
            Exits 1 when the index cannot be used or when every file failed.
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Option(help: ArgumentHelp("Only walk files matching this glob (repeatable).", valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Skip files and directories matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest document accepted, in bytes (default 64 MiB); larger files are reported and skipped.", valueName: "bytes"))
    var maxSize: Int = 64 << 20

    @Argument(help: ArgumentHelp("Files and directories to ingest.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or directory to ingest") }
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of bytes") }
    }

    func run() throws {
        let index = try indexOptions.openForWriting()
        let bar: ProgressBar? = Console.isTerminal(2) ? ProgressBar() : nil
        var progress: (@Sendable (IngestProgress) -> Void)?
        if let bar {
            progress = { bar.show($0) }
        }
        let summary = try index.ingest(paths: paths, include: include, exclude: exclude,
                                   parser: MinutesParser(options: MinutesParser.Options(maxBytes: maxSize)), progress: progress)
        bar?.finish()
        for failure in summary.failed {
            Console.error("minutes: " + failure.reason)
        }
        Console.error(summary.line)
        if summary.succeeded == 0 && !summary.failed.isEmpty { throw ExitCode(1) }
    }
}

/// A one-line progress bar on standard error.
final class ProgressBar: Sendable {
    /// Redraws the bar for `progress`.
    func show(_ progress: IngestProgress) {
        guard progress.total > 0 else { return }
        let width = 30
        let filled = width * progress.processed / progress.total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(progress.processed)/\(progress.total) files".utf8))
    }

    /// Clears the bar's line.
    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
