import ArgumentParser
import Foundation
import MinutesIndex

/// `minutes export --jsonl`: every stored record, one JSON object per line.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export every stored record as JSON Lines.")

    @Flag(help: "JSON Lines output (the only format).")
    var jsonl = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        let index = try indexOptions.openForReading()
        guard let output else {
            try index.exportJSONL(to: FileHandle.standardOutput)
            return
        }
        guard FileManager.default.createFile(atPath: output, contents: nil),
              let handle = FileHandle(forWritingAtPath: output)
        else { Console.fail("\(output): cannot create the output file") }
        defer { try? handle.close() }
        let count = try index.exportJSONL(to: handle)
        Console.error("exported \(count) record\(count == 1 ? "" : "s") to \(output)")
    }
}
