import Testing
@testable import MinutesCore

private let runningNotes = """
    # Widget TAC Meeting Notes

    Schedule and links.

    # **2024-12-10**

    ## Attendance

    - Jane Doe
    - Raj Patel

    ACTION: Jane to draft the charter

    # **2024-11-26** *- Canceled (holiday)*

    # **2024-11-12**

    Attendees: Ann Lee, Raj Patel

    RESOLVED: adopt the charter
    """

@Test func headingDatesAreRecognised() {
    #expect(MeetingSplitter.headingDate("2024-12-10") == "2024-12-10")
    #expect(MeetingSplitter.headingDate("2024-09-17 - Canceled") == "2024-09-17")
    #expect(MeetingSplitter.headingDate("Tuesday, March 3, 2024") == "2024-03-03")
    #expect(MeetingSplitter.headingDate("Attendance") == nil)
    #expect(MeetingSplitter.headingDate("Review of the plan agreed on 2024-03-03") == nil)
}

@Test func runningNotesSplitIntoMeetings() throws {
    let parser = MinutesParser()
    let records = try parser.parseMeetings(bytes: Array(runningNotes.utf8), path: "notes.md")
    #expect(records.map(\.date) == ["2024-12-10", "2024-11-26", "2024-11-12"])
    #expect(records[0].title == "Widget TAC Meeting Notes — 2024-12-10")
    #expect(records[0].participants.map(\.name) == ["Jane Doe", "Raj Patel"])
    #expect(records[0].findings.map(\.kind) == [.action])
    #expect(records[1].warnings.contains("meeting cancelled"))
    #expect(records[2].participants.map(\.name) == ["Ann Lee", "Raj Patel"])
    #expect(records[2].findings.map(\.kind) == [.decision])

    let first = try parser.parse(bytes: Array(runningNotes.utf8), path: "notes.md")
    #expect(first.date == "2024-12-10")
    #expect(first.warnings.contains("3 meetings in one file; use --split"))
}

@Test func ordinaryMinutesAreOneMeeting() throws {
    let text = "# Minutes 2024-12-10\n\nAttendees: Ann Lee\n\n## Budget\n\nRESOLVED: adopt it\n"
    let records = try MinutesParser().parseMeetings(bytes: Array(text.utf8), path: "m.md")
    #expect(records.count == 1)
    #expect(records[0].title == "Minutes 2024-12-10")
    #expect(!records[0].warnings.contains { $0.contains("use --split") })
}
