import ArgumentParser
import Foundation
import MinutesCore

/// `minutes snapshot`: regenerate `Output/` from `Corpus/` (or check that it is current).
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write the JSON record of every Corpus/ document into Output/.",
        discussion: "Corpus/a/b.txt becomes Output/a/b.txt.json. With --check nothing is written; exit 1 lists stale files.")

    @Option(help: ArgumentHelp("The folder of sample minutes.", valueName: "dir"))
    var corpus = "Corpus"

    @Option(help: ArgumentHelp("The folder of generated JSON.", valueName: "dir"))
    var output = "Output"

    @Flag(help: "Only check that Output/ is current.")
    var check = false

    func run() throws {
        let snapshot = CorpusSnapshot(corpus: URL(fileURLWithPath: corpus), output: URL(fileURLWithPath: output))
        if check {
            let stale = try snapshot.staleOutputs()
            guard stale.isEmpty else {
                Console.error("minutes: \(output) is stale for: " + stale.joined(separator: ", "))
                throw ExitCode(1)
            }
            Console.out("\(output) is current")
        } else {
            Console.out("wrote \(try snapshot.write()) records to \(output)")
        }
    }
}
