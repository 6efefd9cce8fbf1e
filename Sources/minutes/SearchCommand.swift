import ArgumentParser
import Foundation
import MinutesCore
import MinutesIndex

/// `minutes search QUERY`: ranked findings from the index.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the findings, decisions and actions of every ingested meeting.",
        discussion: """
            Plain words find findings with all the words first, then those with most of them. \
            Explicit syntax: "quoted phrase", prefix*, AND, OR, NOT (upper case), parentheses.
            """)

    @Argument(help: "What to look for.")
    var query: String

    @OptionGroup var indexOptions: IndexOptions

    @Option(help: "Most hits to show.")
    var limit = 10

    @Flag(help: "Print a JSON array of hits.")
    var json = false

    @Option(help: ArgumentHelp("Only findings of this kind: finding, decision or action.", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("Only meetings with this participant, or actions they own.", valueName: "name"))
    var person: String?

    @Option(help: ArgumentHelp("Only meetings mentioning this organisation (name, acronym or alias).", valueName: "name"))
    var org: String?

    @Option(help: ArgumentHelp("Only meetings on or after this date (YYYY[-MM[-DD]]).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only meetings on or before this date (YYYY[-MM[-DD]]).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only the document at this path.", valueName: "path"))
    var document: String?

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let kind, FindingKind(rawValue: kind) == nil {
            throw ValidationError("--kind must be one of: finding, decision, action")
        }
    }

    /// Private-use markers around matches in human output, turned into colour or removed.
    private static let open = "\u{E000}", close = "\u{E001}"

    func run() throws {
        let index = try indexOptions.openForReading()
        let filters = SearchFilters(kind: kind.flatMap(FindingKind.init), person: person, org: org,
                                    since: since, until: until, document: document)
        if json {
            let hits = try index.search(query: query, filters: filters, limit: limit)
            Console.out(try Console.json(hits))
            return
        }
        let options = SearchOptions(highlightOpen: Self.open, highlightClose: Self.close)
        let hits = try index.search(query: query, filters: filters, limit: limit, options: options)
        if hits.isEmpty {
            Console.error("no matches")
            return
        }
        let colour = Console.isTerminal(1)
        for (number, hit) in hits.enumerated() {
            var heading = "\(number + 1). [\(hit.kind.rawValue)"
            if let owner = hit.owner { heading += " · \(owner)" }
            heading += "] " + (hit.document.title ?? "(untitled)")
            if let date = hit.document.date { heading += " — \(date)" }
            Console.out(colour ? "\u{1B}[1m\(heading)\u{1B}[0m" : heading)
            let snippet = hit.snippet
                .replacingOccurrences(of: Self.open, with: colour ? "\u{1B}[1;33m" : "")
                .replacingOccurrences(of: Self.close, with: colour ? "\u{1B}[0m" : "")
            Console.out("   " + snippet)
            Console.out(colour ? "   \u{1B}[2m\(hit.document.path)\u{1B}[0m" : "   " + hit.document.path)
        }
    }
}
