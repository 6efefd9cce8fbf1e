import ArgumentParser
import MinutesIndex

/// `minutes show PATH`: the stored record of one document.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the stored JSON record of an ingested document.")

    @Argument(help: ArgumentHelp("The document's path, as ingested.", valueName: "path"))
    var path: String

    @Option(help: ArgumentHelp("Which meeting of a file of running notes (0 for the first).", valueName: "n"))
    var meeting = 0

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        Console.out(try indexOptions.openForReading().show(path: path, meeting: meeting))
    }
}
