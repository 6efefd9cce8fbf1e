import ArgumentParser
import MinutesIndex

/// `minutes people [FILTER]`: everyone in the indexed meetings.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "List participants across meetings, most meetings first.")

    @Argument(help: "Only names or organisations containing this.")
    var filter: String?

    @OptionGroup var indexOptions: IndexOptions

    @Flag(help: "Print a JSON array.")
    var json = false

    func run() throws {
        let people = try indexOptions.openForReading().people(filter: filter)
        if json { return Console.out(try Console.json(people)) }
        for person in people {
            let organisation = person.organisation.map { " (\($0))" } ?? ""
            Console.out("\(person.name)\(organisation) — \(person.meetings) meeting\(person.meetings == 1 ? "" : "s")")
        }
    }
}
