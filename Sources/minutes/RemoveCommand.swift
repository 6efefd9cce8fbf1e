import ArgumentParser
import MinutesIndex

/// `minutes remove PATH`: delete a document from the index.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a document and everything found in it from the index.")

    @Argument(help: ArgumentHelp("The document's path, as ingested.", valueName: "path"))
    var path: String

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        try indexOptions.openForWriting().remove(path: path)
        Console.error("removed \(path)")
    }
}
