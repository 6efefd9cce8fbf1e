import Testing
@testable import MinutesCore

private let board = """
                  Board of Directors Meeting Minutes

                            February 19, 2014

 2. Roll Call

    Directors Present:

        Ann Lee
        Raj Patel

    Directors Absent:

        Tom Hale

    Guests:

        Eve Stone

 3. Minutes from previous meetings

    Approved by General Consent.

 7. Special Orders

    A. Establish the Widget Project

       NOW, THEREFORE, BE IT RESOLVED, that a committee, to be known as the
       "Widget Project", be and hereby is established; and be it further

       RESOLVED, that Ann Lee be appointed chair.

 9. Review Outstanding Action Items

    * Raj: email the committees about releases.
          Status: still not done

    * Tom: pursue a report for Gadget
          Status:

10. Adjournment
"""

@Test func resolvedClausesAreDecisions() {
    #expect(BoardRules.resolvedClause("RESOLVED, that the budget be adopted.") == "that the budget be adopted.")
    #expect(BoardRules.resolvedClause("NOW, THEREFORE, BE IT RESOLVED, that X be created; and be it further") == "that X be created")
    #expect(BoardRules.resolvedClause("BE IT FURTHER RESOLVED, that Y be appointed") == "that Y be appointed")
    #expect(BoardRules.resolvedClause("The board RESOLVED nothing") == nil)
}

@Test func nameColumnsUnderBareLabelsAreListItems() {
    let doc = PlainTextReader().read("Directors Present:\n\n    Ann Lee\n    Raj Patel\n\nNext paragraph here.\n", baseURL: nil)
    #expect(doc.blocks.map(\.kind) == [.paragraph, .listItem, .listItem, .paragraph])
}

@Test func boardMinutesGivePeopleDecisionsAndReviewedActions() throws {
    let record = try MinutesParser().parse(bytes: Array(board.utf8), path: "board.txt")
    #expect(record.date == "2014-02-19")
    #expect(record.participants.map(\.name) == ["Ann Lee", "Raj Patel", "Tom Hale", "Eve Stone"])
    #expect(record.participants.first { $0.name == "Tom Hale" }?.attendance == .absent)
    #expect(record.participants.first { $0.name == "Eve Stone" }?.meetingRoles == [.guest])
    let decisions = record.findings.filter { $0.kind == .decision }.map(\.text)
    #expect(decisions.count == 2)
    #expect(decisions.first?.hasPrefix("that a committee") == true)
    let actions = record.findings.filter { $0.kind == .action }
    #expect(actions.map(\.text) == ["Raj: email the committees about releases.", "Tom: pursue a report for Gadget"])
    #expect(actions.map(\.owner) == ["Raj Patel", "Tom Hale"])
}
