import ArgumentParser
import Foundation
import MinutesCore

/// `minutes parse FILE…`: print each document's record as JSON (or JSON-LD).
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse meeting minutes into JSON records.",
        discussion: """
            One file prints one JSON object; several files (or --jsonl, --split) print JSON Lines.
            A file of running notes with one dated heading per meeting gives its first meeting; --split gives all. Use - for standard input.
            The record follows Sources/MinutesCore/Resources/minutes-record.schema.json.
            """)

    @Argument(help: ArgumentHelp("Documents to parse (- for standard input).", valueName: "file"))
    var files: [String]

    @Flag(help: "Print one JSON object per line, even for one file.")
    var jsonl = false

    @Flag(help: "Files holding several dated meetings: print every meeting's record (JSON Lines).")
    var split = false

    @Flag(help: "Indent the JSON (ignored with --jsonl or several files).")
    var pretty = false

    @Option(help: ArgumentHelp("Output: json (the record schema) or jsonld (schema.org Event).", valueName: "format"))
    var format: String = "json"

    @Option(name: .customLong("as"), help: ArgumentHelp("Read every file as this input format instead of guessing: text, html or markdown.", valueName: "input-format"))
    var inputFormat: String?

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest input accepted, in bytes (default 64 MiB).", valueName: "bytes"))
    var maxSize: Int = 64 << 20

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to parse (or - for standard input)") }
        guard RecordEncoder.Style(rawValue: format) != nil else { throw ValidationError("--format must be json or jsonld") }
        if let inputFormat, DocumentFormat(rawValue: inputFormat) == nil {
            throw ValidationError("--as must be one of: text, html, markdown")
        }
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of bytes") }
    }

    func run() throws {
        let parser = MinutesParser(options: MinutesParser.Options(maxBytes: maxSize, format: inputFormat.flatMap(DocumentFormat.init)))
        let style = RecordEncoder.Style(rawValue: format) ?? .json
        let (files, split, maxSize) = (files, split, maxSize)
        let pretty = pretty && !(jsonl || split || files.count > 1)
        var failed = false
        // Files are parsed on every core and printed in the order given; standard input is read
        // by the calling thread alone.
        let workers = files.contains("-") ? 1 : ProcessInfo.processInfo.activeProcessorCount
        try OrderedPipeline.run(count: files.count, workers: workers, makeJob: {
            { number in
                Result { try Self.parse(files[number], parser: parser, split: split, maxSize: maxSize, style: style, pretty: pretty) }
            }
        }, deliver: { _, result in
            switch result {
            case .success(let lines):
                for line in lines { Console.out(line) }
            case .failure(let error as MinutesError):
                Console.error("minutes: " + error.description)
                failed = true
            case .failure(let error):
                throw error
            }
        })
        if failed { throw ExitCode(1) }
    }

    /// The JSON text of every record printed for `file` (one, or every meeting with `split`).
    private static func parse(_ file: String, parser: MinutesParser, split: Bool, maxSize: Int,
                              style: RecordEncoder.Style, pretty: Bool) throws -> [String] {
        let records: [MeetingRecord]
        if file == "-" {
            let bytes = try MinutesParser.read(fileDescriptor: FileHandle.standardInput.fileDescriptor, path: "-", maxBytes: maxSize)
            records = split ? try parser.parseMeetings(bytes: consume bytes, path: "-") : [try parser.parse(bytes: consume bytes, path: "-")]
        } else {
            records = split ? try parser.parseMeetingsInFile(atPath: file) : [try parser.parseFile(atPath: file)]
        }
        return try records.map { String(decoding: try RecordEncoder.encode($0, style: style, pretty: pretty), as: UTF8.self) }
    }
}
