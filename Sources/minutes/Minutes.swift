import ArgumentParser
import Foundation
import MinutesCore
import MinutesIndex

/// The `minutes` command: parse meeting minutes into JSON records and search them.
///
/// Exit codes: 0 success, 1 bad input (unreadable documents, bad index, bad query),
/// 2 usage errors.
@main
struct Minutes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Turn meeting minutes into structured JSON records and search them.",
        subcommands: [
            ParseCommand.self, IngestCommand.self, SearchCommand.self, RemoveCommand.self,
            PeopleCommand.self, OrgsCommand.self, ShowCommand.self, ExportCommand.self, SnapshotCommand.self,
        ])

    /// Runs the command, mapping errors to exit codes: typed input errors print
    /// "minutes: <description>" and exit 1; usage errors exit 2; help exits 0.
    static func main() {
        do {
            var command = try parseCommand(Array(CommandLine.arguments.dropFirst()))
            try command.run()
        } catch let error as IndexError {
            Console.fail(error.description)
        } catch let error as MinutesError {
            Console.fail(error.description)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension Minutes {
    /// The command for `arguments` (without the program name), as `parseAsRoot` reads them, with long lists of files
    /// split off before the parser sees them and given back to `parse` and `ingest` after (see `FileArguments`).
    static func parseCommand(_ arguments: [String]) throws -> any ParsableCommand {
        let (kept, files) = FileArguments.split(arguments)
        let command = try parseAsRoot(kept)
        guard !files.isEmpty else { return command }
        if var parse = command as? ParseCommand {
            parse.files += files
            return parse
        }
        if var ingest = command as? IngestCommand {
            ingest.paths += files
            return ingest
        }
        return command
    }
}

/// The `--index` option shared by the index commands.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index file.", valueName: "path"))
    var index: String?

    /// The index path: `--index`, else the XDG default.
    var path: String { index ?? MinutesIndex.defaultPath() }

    /// Opens the index for reading and writing (creating it when missing).
    func openForWriting() throws -> MinutesIndex {
        try MinutesIndex(path: path, mode: .readWrite)
    }

    /// Opens an existing index for reading.
    func openForReading() throws -> MinutesIndex {
        try MinutesIndex(path: path, mode: .readOnly)
    }
}

/// Terminal output helpers.
enum Console {
    /// True when file descriptor `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Writes `text` and a newline to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes `text` and a newline to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints "minutes: message" to standard error and exits 1.
    static func fail(_ message: String) -> Never {
        error("minutes: " + message)
        exit(1)
    }

    /// JSON the way every command writes it: sorted keys, unescaped slashes.
    static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as JSON text.
    static func json(_ value: some Encodable, pretty: Bool = false) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }
}
