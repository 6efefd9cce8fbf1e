import Foundation
import MinutesCore
import Testing
@testable import MinutesIndex

@Suite struct SearchTests {
    @Test func naturalQueryRanksFullMatchesFirstThenPartial() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        let hits = try index.search(query: "foreign investment attraction zeppelin", limit: 5)
        #expect(hits.first?.text == "The board approved the budget for foreign investment attraction")
        #expect(hits.count >= 3)
        let texts = hits.map(\.text)
        #expect(texts.contains("The delegation visited Malmø to study tram investment"))
        #expect(texts.contains("We don't ship the experimental attraction module"))
        // All-words query: only full matches.
        let all = try index.search(query: "foreign investment attraction", limit: 1)
        #expect(all.map(\.text) == ["The board approved the budget for foreign investment attraction"])
        #expect(all[0].snippet.contains("«investment»"))
        #expect(all[0].document == HitDocument(path: "/docs/board-2024-03.txt", title: "Board meeting", date: "2024-03-12"))
    }

    @Test func stemmingAndDiacritics() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        let benchmark = Set(try index.search(query: "benchmark").map(\.text))
        #expect(benchmark.contains("Alice will prepare the benchmarking report"))
        #expect(benchmark.contains("Benchmark results show the parser is fast enough"))
        #expect(try index.search(query: "Chloe").count == 1)
        #expect(try index.search(query: "Malmo").map(\.text) == ["The delegation visited Malmø to study tram investment"])
        #expect(try index.search(query: "malmø").count == 1)
        #expect(try index.search(query: "Malmo").first?.snippet.contains("«Malmø»") == true)
    }

    @Test func punctuationNeverBreaksQueries() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        #expect(try index.search(query: "vis-à-vis").first?.owner == "Dan Smith")
        #expect(try index.search(query: "C++ bindings").first?.owner == "Dan Smith")
        #expect(try index.search(query: "don't ship").first?.kind == .decision)
        #expect(try index.search(query: "*** ???").isEmpty)
        #expect(try index.search(query: "NEAR: budget col:* {x}").first?.kind == .decision)
    }

    @Test func explicitSyntax() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        #expect(try index.search(query: "\"tram investment\"").count == 1)
        #expect(try index.search(query: "bench*").count == 2)
        #expect(try index.search(query: "investment NOT tram").count == 2)
        #expect(try index.search(query: "tram OR dredging").count == 1)
        #expect(try index.search(query: "(budget OR tram) AND investment").count == 2)
    }

    @Test(arguments: ["\"unclosed", "AND OR", "foo NOT", "NOT foo", "(foo AND bar", "foo AND bar)", "foo AND ()"])
    func malformedExplicitQueriesThrowTypedErrors(query: String) throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        do {
            _ = try index.search(query: query)
            Issue.record("expected an error for \(query)")
        } catch let error as IndexError {
            guard case .invalidQuery(let text, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(text == query)
            #expect(!reason.lowercased().contains("sqlite") && !reason.contains("fts5"))
        }
    }

    @Test func filtersNarrowResults() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        let query = "investment OR benchmark OR attraction OR minutes OR bindings"
        #expect(try index.search(query: query).count == 8)
        let decisions = try index.search(query: query, filters: SearchFilters(kind: .decision))
        #expect(decisions.count == 3 && decisions.allSatisfy { $0.kind == .decision })
        let alice = try index.search(query: query, filters: SearchFilters(person: "alice"))
        #expect(Set(alice.map(\.document.path)) == ["/docs/board-2024-03.txt"])
        let owner = try index.search(query: "review", filters: SearchFilters(person: "Dan"))
        #expect(owner.count == 1)
        let acme = try index.search(query: query, filters: SearchFilters(org: "acme corp"))
        #expect(Set(acme.map(\.document.path)) == ["/docs/board-2024-03.txt"])
        let w3c = try index.search(query: query, filters: SearchFilters(org: "W3C"))
        #expect(Set(w3c.map(\.document.path)) == ["/docs/tech-2025-01.html"])
        let recent = try index.search(query: query, filters: SearchFilters(since: "2024-03-12"))
        #expect(Set(recent.map(\.document.path)) == ["/docs/board-2024-03.txt", "/docs/tech-2025-01.html"])
        let old = try index.search(query: query, filters: SearchFilters(until: "2023"))
        #expect(Set(old.map(\.document.path)) == ["/docs/council-2023-11.md"])
        let window = try index.search(query: query, filters: SearchFilters(since: "2024", until: "2024-12"))
        #expect(Set(window.map(\.document.path)) == ["/docs/board-2024-03.txt"])
        let document = try index.search(query: query, filters: SearchFilters(document: "council-2023-11.md"))
        #expect(Set(document.map(\.document.path)) == ["/docs/council-2023-11.md"])
        #expect(throws: IndexError.self) { try index.search(query: query, filters: SearchFilters(since: "March")) }
    }

    @Test func partialMatchesRespectFilters() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        let hits = try index.search(query: "investment zeppelin", filters: SearchFilters(kind: .action))
        #expect(hits.map(\.text) == ["Chloé to draft the investment guidelines"])
    }

    @Test func hitJSONHasTheScorerShape() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        let hits = try index.search(query: "tram", limit: 1)
        let data = try JSONEncoder().encode(hits)
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(Set(array[0].keys) == ["text", "kind", "owner", "score", "snippet", "document"])
        #expect(array[0]["owner"] is NSNull)
        let document = try #require(array[0]["document"] as? [String: Any])
        #expect(Set(document.keys) == ["path", "title", "date"])
    }
}

