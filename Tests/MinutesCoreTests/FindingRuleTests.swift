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
    #expect(FindingExtractor.owner(of: "[oliver] Look into the research", participants: .init(people)) == "Oliver Dunk")
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

@Suite("Unlabelled decisions and assignments")
struct ProseFindingTests {
    static let people = [
        Participant(name: "John Mertic", jobTitle: nil, organisation: nil, location: nil, attendance: .present, meetingRoles: []),
        Participant(name: "Lindsay Mays Gendreau", jobTitle: nil, organisation: nil, location: nil, attendance: .present, meetingRoles: []),
        Participant(name: "Kay Williams", jobTitle: nil, organisation: nil, location: nil, attendance: .present, meetingRoles: []),
    ]

    @Test func speakerTaggedBoldResolvedIsADecision() {
        #expect(FindingExtractor.taggedResolution("[timothy] **RESOLVED** We can start with 3 templates") == "We can start with 3 templates")
        #expect(FindingExtractor.taggedResolution("[timothy] We resolved nothing") == nil)
    }

    @Test func consensusSentencesAreDecisions() {
        let found = FindingExtractor.proseFindings("Some asked. There was some consensus that the policy lives in the guide.", participants: [])
        #expect(found == [.init(text: "There was some consensus that the policy lives in the guide.", kind: .decision)])
        #expect(FindingExtractor.proseFindings("There was no consensus that this should change.", participants: []).isEmpty)
        #expect(FindingExtractor.proseFindings("Dan Brickley: and there was consensus that it was prettier", participants: []).isEmpty)
    }

    @Test func initialsAndNearMissNamesOwnAssignments() {
        let found = FindingExtractor.proseFindings("MM agreed. JM to send out a recurring invite.", participants: .init(Self.people))
        #expect(found == [.init(text: "JM to send out a recurring invite.", kind: .action, owner: "John Mertic")])
        #expect(FindingExtractor.assignee(of: "Lindsey will create mailing lists.", participants: .init(Self.people)) == "Lindsay Mays Gendreau")
        #expect(FindingExtractor.assignee(of: "Next step - discuss it - Kay and David to discuss", participants: .init(Self.people)) == "Kay Williams")
        #expect(FindingExtractor.assignee(of: "Kay will do that today.", participants: .init(Self.people)) == nil)
    }

    @Test func voteTalliesAndIssueCounts() {
        #expect(FindingExtractor.isWholeLineDecision("6 in favor – passes"))
        #expect(FindingExtractor.isTally("177"))
        #expect(!FindingExtractor.isTally("merge the PR"))
    }

    @Test func trackerLineGivesOwnerAndDue() {
        let t = FindingExtractor.trackerAssignment("Created ACTION-42 - Look into it [on Eva Schlehahn - due 2018-12-10].")
        #expect(t?.owner == "Eva Schlehahn")
        #expect(t?.due == "2018-12-10")
    }

    @Test func conclusionParentsGiveTheirNestedPoints() {
        let doc = MarkdownReader().read("### Conclusions\n\n* consensus from folks:\n    * are ok with a library\n* a plan:\n    1. step one\n    2. step two\n", baseURL: nil)
        let findings = FindingExtractor.extract(from: doc, participants: [])
        #expect(findings.map(\.text) == ["are ok with a library", "a plan: step one; step two"])
        #expect(findings.first?.kind == .decision)
    }

    @Test func directorRequestIsAnAction() {
        #expect(BoardRules.directorRequest("@Brett: Request a better report")?.director == "Brett")
        #expect(BoardRules.directorRequest("user@: from 49 --> 57") == nil)
    }
}

@Test func summaryLineRecordingAgreementIsADecision() {
    let doc = BlockDocument(blocks: [Block(.paragraph, "agreed to create the mapping in a machine-readable manner", classes: ["summary"]),
                                     Block(.paragraph, "discussed the mapping at length", classes: ["summary"])])
    let findings = FindingExtractor.extract(from: doc, participants: [])
    #expect(findings.map(\.kind) == [.decision])
}

@Test func ownersNamedByListLeadInOrFirstWord() {
    let people = [Participant(name: "Beatriz Esteves"), Participant(name: "Harshvardhan Pandit"), Participant(name: "Ajay Jadhav"),
                  Participant(name: "AndyS"), Participant(name: "Georg Krog")]
    #expect(FindingExtractor.owner(of: "Add ODRL agreements for 7012 - Beatriz and Harsh", participants: .init(people)) == "Beatriz Esteves and Harshvardhan Pandit")
    #expect(FindingExtractor.owner(of: "Review GDPR concepts - Georg, Ajay", participants: .init(people)) == "Georg Krog, Ajay Jadhav")
    #expect(FindingExtractor.owner(of: "For DPDP, Ajay to email Harsh to follow up", participants: .init(people)) == "Ajay Jadhav")
    #expect(FindingExtractor.owner(of: "AndyS Raise new issue for the BIND discussions", participants: .init(people)) == "AndyS")
    #expect(FindingExtractor.owner(of: "HArsh, (with the help of Axel) put results on the wiki", participants: .init(people)) == "Harshvardhan Pandit")
}

@Test func carriedMotionIsADecisionLostMotionIsNot() {
    #expect(FindingExtractor.carriedMotion("To approve the budget as presented. Moved by John Okafor, seconded by Tom Wright. CARRIED unanimously.")
            == "To approve the budget as presented.")
    #expect(FindingExtractor.carriedMotion("To sell the hall. Moved by A, seconded by B. Motion lost.") == nil)
    #expect(FindingExtractor.carriedMotion("To review the policy next year.") == nil)
}

@Test func dueDateWithoutAYearFollowsTheMeeting() {
    #expect(FindingExtractor.due(in: "Bilal to prepare the notes by 20 June.", meetingDate: "2025-06-04") == "2025-06-20")
    #expect(FindingExtractor.due(in: "Send the report by January 10th", meetingDate: "2025-11-30") == "2026-01-10")
    #expect(FindingExtractor.due(in: "Send the report By 3 March 2024") == "2024-03-03")
    #expect(FindingExtractor.due(in: "Ask İnci to reply by 3 March 2024") == "2024-03-03")
    #expect(FindingExtractor.due(in: "Bilal to prepare the notes by Friday", meetingDate: "2025-06-04") == nil)
}
