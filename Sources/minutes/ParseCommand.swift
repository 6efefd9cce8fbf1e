import ArgumentParser
import Foundation
import MinutesCore

/// `minutes parse FILE…`: print each document's record as JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse meeting minutes into JSON records.",
        discussion: "One file prints one JSON object; several files (or --jsonl) print JSON Lines. Use - for standard input.")

    @Argument(help: ArgumentHelp("Documents to parse (- for standard input).", valueName: "file"))
    var files: [String]

    @Flag(help: "Print one JSON object per line, even for one file.")
    var jsonl = false

    @Flag(help: "Indent the JSON (ignored with --jsonl or several files).")
    var pretty = false

    @Option(help: ArgumentHelp("Read every file as this format instead of guessing: text, html or markdown.", valueName: "format"))
    var format: String?

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest input accepted, in bytes.", valueName: "bytes"))
    var maxSize: Int = 64 << 20

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to parse (or - for standard input)") }
        if let format, DocumentFormat(rawValue: format) == nil {
            throw ValidationError("--format must be one of: text, html, markdown")
        }
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of bytes") }
    }

    func run() throws {
        let parser = MinutesParser(options: MinutesParser.Options(maxBytes: maxSize, format: format.flatMap(DocumentFormat.init)))
        let lines = jsonl || files.count > 1
        var failed = false
        for file in files {
            do {
                let record: MeetingRecord
                if file == "-" {
                    let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                    record = try parser.parse(bytes: bytes, path: "-")
                } else {
                    record = try parser.parseFile(atPath: file)
                }
                Console.out(try Console.json(record, pretty: pretty && !lines))
            } catch let error as MinutesError {
                Console.error("minutes: " + error.description)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
