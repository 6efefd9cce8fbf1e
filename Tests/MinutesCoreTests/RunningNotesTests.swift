import Foundation
import Testing
@testable import MinutesCore

/// `parse --split` on the OpenSSF TAC running notes, against what was read by hand from the file
/// (`Tests/Gold/ossf-tac-2024-notes-split-expectations.md`).
@Suite("Running notes, one record per meeting")
struct RunningNotesTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus/markdown/ossf-tac-2024-notes.md").path

    struct Expected: Sendable, CustomStringConvertible {
        var date: String
        var present: Int
        var decisions: Int
        var actions: Int
        var location: String?
        var description: String { date }
    }

    static let expected: [Expected] = [
        Expected(date: "2024-12-10", present: 28, decisions: 0, actions: 1),
        Expected(date: "2024-10-29", present: 22, decisions: 2, actions: 1),
        Expected(date: "2024-10-01", present: 31, decisions: 1, actions: 1),
        Expected(date: "2024-04-16", present: 0, decisions: 1, actions: 1, location: "Seattle"),
        Expected(date: "2024-01-09", present: 25, decisions: 2, actions: 1),
    ]

    @Test(arguments: expected)
    func meetingMatchesTheHandReadExpectation(_ want: Expected) throws {
        let meetings = try MinutesParser().parseMeetingsInFile(atPath: Self.path)
        #expect(meetings.count == 25)
        let meeting = try #require(meetings.first { $0.date == want.date })
        #expect(meeting.participants.filter { $0.attendance == .present }.count == want.present)
        #expect(meeting.findings.filter { $0.kind == .decision }.count >= want.decisions)
        #expect(meeting.findings.filter { $0.kind == .action }.count >= want.actions)
        if let place = want.location { #expect(meeting.location?.hasPrefix(place) == true) }
    }
}
