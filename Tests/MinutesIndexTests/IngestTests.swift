import Foundation
import MinutesCore
import Testing
@testable import MinutesIndex

@Suite struct IngestTests {
    @Test func ingestingTwiceIsUnchanged() throws {
        let directory = try TemporaryDirectory()
        let index = try MinutesIndex(path: directory.file("index.sqlite"))
        let first = try index.ingest(records: sampleRecords())
        #expect(first.added == 3 && first.updated == 0 && first.unchanged == 0 && first.failed.isEmpty)
        let counts = try index.counts()
        #expect(counts == IndexCounts(documents: 3, findings: 9, participants: 4, organisations: 3))
        let second = try index.ingest(records: sampleRecords())
        #expect(second.added == 0 && second.updated == 0 && second.unchanged == 3)
        #expect(try index.counts() == counts)
    }

    @Test func changedDocumentIsReplaced() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        #expect(try !index.search(query: "budget").isEmpty)
        let changed = record("/docs/board-2024-03.txt", title: "Board meeting", date: "2024-03-12", version: "2",
                             findings: [Finding(text: "The board postponed the harbour dredging", kind: .decision)])
        #expect(try index.upsert(record: changed) == .updated)
        #expect(try index.search(query: "budget").isEmpty)
        #expect(try index.search(query: "dredging").map(\.text) == ["The board postponed the harbour dredging"])
        #expect(try index.counts().findings == 7)
        #expect(try index.upsert(record: changed) == .unchanged)
    }

    @Test func removeDeletesEverything() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        try index.remove(path: "/docs/council-2023-11.md")
        #expect(try index.search(query: "tram").isEmpty)
        #expect(try index.people(filter: "Chloé").isEmpty)
        #expect(try index.counts() == IndexCounts(documents: 2, findings: 6, participants: 3, organisations: 2))
        #expect(throws: IndexError.notIndexed(path: "/docs/council-2023-11.md")) {
            try index.remove(path: "/docs/council-2023-11.md")
        }
    }

    @Test func showAndExportReturnStoredRecords() throws {
        let directory = try TemporaryDirectory()
        let index = try sampleIndex(directory)
        let stored = try index.record(path: "/docs/tech-2025-01.html")
        #expect(stored == sampleRecords()[2])
        var lines: [String] = []
        #expect(try index.exportJSONL { lines.append($0) } == 3)
        #expect(lines.allSatisfy { $0.hasSuffix("\n") && !$0.dropLast().contains("\n") })
        #expect(try index.people(filter: "alice").first == PersonSummary(name: "Alice Martin", organisation: "Acme Corporation", meetings: 1))
        #expect(try index.orgs(filter: "w3c").first == OrganisationSummary(name: "World Wide Web Consortium", acronym: "W3C", meetings: 1))
    }

    @Test func fileIngestReportsParseFailuresAndGoesOn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("docs/a.txt", "Budget meeting\n\nRESOLVED: the budget is approved.\n")
        try directory.write("docs/b.md", "# Tram meeting\n\nThe tram line will be extended.\n")
        try directory.write("docs/empty.txt", "")
        try directory.write("docs/.hidden/c.txt", "Hidden meeting\n")
        try directory.write("docs/image.png", "not considered")
        let index = try MinutesIndex(path: directory.file("index.sqlite"))
        let summary = try index.ingest(paths: [directory.file("docs"), directory.file("missing.txt")])
        #expect(summary.added == 2)
        #expect(summary.failed.count == 2)
        #expect(summary.failed.contains { $0.path.hasSuffix("empty.txt") && $0.reason.contains("empty") })
        #expect(summary.failed.contains { $0.path.hasSuffix("missing.txt") })
        let again = try index.ingest(paths: [directory.file("docs")])
        #expect(again.unchanged == 2 && again.added == 0 && again.updated == 0)
        try directory.write("docs/a.txt", "Budget meeting\n\nRESOLVED: the budget is rejected.\n")
        let changed = try index.ingest(paths: [directory.file("docs")], exclude: ["empty.txt"])
        #expect(changed.updated == 1 && changed.unchanged == 1 && changed.failed.isEmpty)
        #expect(try index.counts().documents == 2)
    }

    @Test func includeAndExcludeGlobs() throws {
        let directory = try TemporaryDirectory()
        try directory.write("docs/a.txt", "A\n")
        try directory.write("docs/b.md", "B\n")
        try directory.write("docs/drafts/c.md", "C\n")
        let walker = FileWalker(include: ["*.md"], exclude: ["drafts"])
        let files = walker.collect([directory.file("docs")]).files
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["b.md"])
    }

    @Test func symlinkLoopTerminates() throws {
        let directory = try TemporaryDirectory()
        try directory.write("docs/a.txt", "A\n")
        try directory.write("docs/sub/b.txt", "B\n")
        try FileManager.default.createSymbolicLink(atPath: directory.file("docs/sub/loop"),
                                                   withDestinationPath: directory.file("docs"))
        try FileManager.default.createSymbolicLink(atPath: directory.file("docs/self"), withDestinationPath: ".")
        let files = FileWalker().collect([directory.file("docs")]).files
        #expect(files.count == 2)
    }
}
