import Testing
@testable import MinutesCore

@Test func numberedResolutionLabelIsADecision() {
    #expect(FindingExtractor.labelKind("Resolution #1") == .decision)
    #expect(FindingExtractor.labelKind("ACTION") == .action)
}

@Test func transcriptUnderResolutionsTopicIsNotAFinding() {
    let doc = BlockDocument(blocks: [Block(.heading, "Resolutions from last week", level: 3),
                                     Block(.paragraph, "<Makoto> +1", classes: ["irc"]),
                                     Block(.paragraph, "RESOLUTION: Merge PR 2572", classes: ["resolution"]),
                                     Block(.heading, "Summary of resolutions", level: 2),
                                     Block(.listItem, "Merge PR 2572"),
                                     Block(.paragraph, "Minutes manually created (not a transcript), formatted by scribe.perl")])
    let findings = FindingExtractor.extract(from: doc, participants: [])
    #expect(findings.map(\.text) == ["Merge PR 2572"])
    #expect(findings.first?.kind == .decision)
}

@Test func speakerTagOwnsAction() {
    let people = [Participant(name: "Oliver Dunk", jobTitle: nil, organisation: nil, location: nil, attendance: .present, meetingRoles: [])]
    #expect(FindingExtractor.owner(of: "[oliver] Look into the research", participants: people) == "Oliver Dunk")
}

@Suite("Nested notes under action items")
struct NestedActionNoteTests {
    @Test func nestedBulletsAreNotesNotActions() {
        let doc = MarkdownReader().read("Action Items:\n\n * [ann] Look into options\n   * This can be done with the framework.\n * [bo] Schedule a follow-up\n", baseURL: nil)
        let findings = FindingExtractor.extract(from: doc, participants: [])
        #expect(findings.map(\.text) == ["[ann] Look into options", "[bo] Schedule a follow-up"])
        #expect(findings.allSatisfy { $0.kind == .action })
    }
}

@Test func proposalsAreNotDecisionsAndAttributionsAreDropped() {
    let doc = BlockDocument(blocks: [
        Block(.paragraph, "Proposed resolution: Close issue 12 (Wendy Reid)", classes: ["proposed_resolution"]),
        Block(.paragraph, "Resolution #1: Defer issue 2491 until evidence is found. (Wendy Reid)"),
        Block(.paragraph, "DECISION - we will work with the MAC on this"),
    ])
    let findings = FindingExtractor.extract(from: doc, participants: [])
    #expect(findings.map(\.text) == ["Defer issue 2491 until evidence is found.", "we will work with the MAC on this"])
    #expect(findings.allSatisfy { $0.kind == .decision })
}
