import ArgumentParser
import MinutesIndex

/// `minutes orgs [FILTER]`: every organisation in the indexed meetings.
struct OrgsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs", abstract: "List organisations across meetings, most meetings first.")

    @Argument(help: "Only names, acronyms or aliases containing this.")
    var filter: String?

    @OptionGroup var indexOptions: IndexOptions

    @Flag(help: "Print a JSON array.")
    var json = false

    func run() throws {
        let orgs = try indexOptions.openForReading().orgs(filter: filter)
        if json { return Console.out(try Console.json(orgs)) }
        for org in orgs {
            let acronym = org.acronym.map { " (\($0))" } ?? ""
            Console.out("\(org.name)\(acronym) — \(org.meetings) meeting\(org.meetings == 1 ? "" : "s")")
        }
    }
}
