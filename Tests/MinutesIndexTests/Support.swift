import Foundation
import MinutesCore
@testable import MinutesIndex

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "minutes-index-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }
}

/// A record built in code, so tests do not depend on extractor quality.
func record(_ path: String, title: String? = nil, date: String? = nil, version: String = "1",
            participants: [Participant] = [], organisations: [Organisation] = [],
            findings: [Finding]) -> MeetingRecord {
    let hash = MinutesParser.sha256(Array((path + version).utf8))
    var record = MeetingRecord(source: Source(path: path, format: .text, encoding: "utf-8", sha256: hash, bytes: 100))
    record.title = title
    record.date = date
    record.participants = participants
    record.organisations = organisations
    record.findings = findings
    return record
}

/// A small corpus of three meetings.
func sampleRecords() -> [MeetingRecord] {
    [
        record("/docs/board-2024-03.txt", title: "Board meeting", date: "2024-03-12",
               participants: [Participant(name: "Alice Martin", organisation: "Acme Corporation"),
                              Participant(name: "Bob Jones")],
               organisations: [Organisation(name: "Acme Corporation", acronym: "ACME", aliases: ["Acme Corp"])],
               findings: [
                   Finding(text: "The board approved the budget for foreign investment attraction", kind: .decision),
                   Finding(text: "Alice will prepare the benchmarking report", kind: .action, owner: "Alice Martin",
                           due: "2024-04-01"),
                   Finding(text: "Attendance at the regional fair was lower than expected", kind: .finding),
               ]),
        record("/docs/council-2023-11.md", title: "City council", date: "2023-11-02",
               participants: [Participant(name: "Chloé Dubois", organisation: "Malmø Kommune")],
               organisations: [Organisation(name: "Malmø Kommune")],
               findings: [
                   Finding(text: "The delegation visited Malmø to study tram investment", kind: .finding),
                   Finding(text: "Resolved to publish the minutes within a week", kind: .decision),
                   Finding(text: "Chloé to draft the investment guidelines", kind: .action, owner: "Chloé Dubois"),
               ]),
        record("/docs/tech-2025-01.html", title: "Technical committee", date: "2025-01-20",
               participants: [Participant(name: "Dan Smith", organisation: "World Wide Web Consortium")],
               organisations: [Organisation(name: "World Wide Web Consortium", acronym: "W3C")],
               findings: [
                   Finding(text: "Benchmark results show the parser is fast enough", kind: .finding),
                   Finding(text: "Dan will review the C++ bindings vis-à-vis the Rust ones", kind: .action, owner: "Dan Smith"),
                   Finding(text: "We don't ship the experimental attraction module", kind: .decision),
               ]),
    ]
}

/// An index in a fresh directory, filled with `sampleRecords()`.
func sampleIndex(_ directory: TemporaryDirectory) throws -> MinutesIndex {
    let index = try MinutesIndex(path: directory.file("index.sqlite"))
    _ = try index.ingest(records: sampleRecords())
    return index
}
