import Testing
@testable import MinutesCore

/// Rules for attendance lists met in real minutes: membership announcements, sub-headed rosters,
/// lost commas, misspellings, annotations and nicks.
@Suite("Attendance rules")
struct AttendanceRuleTests {
    private func people(_ blocks: [Block]) -> [Participant] {
        ParticipantExtractor.extract(from: BlockDocument(blocks: blocks)).participants
    }

    @Test func membershipChangeLabelsAreNotAttendance() {
        let found = people([Block(.heading, "Notes", level: 2), Block(.listItem, "Added new TSC members: Microsoft and AWS", level: 1)])
        #expect(found.isEmpty)
        #expect(ParticipantExtractor.isMembershipChange("New IPMC members"))
        #expect(!ParticipantExtractor.isMembershipChange("Members present"))
    }

    @Test func chairTitleGivesTheChairRole() {
        let found = people([Block(.heading, "Attendance", level: 2),
                            Block(.listItem, "Daniel Heckenberg - Chairperson, Animal Logic Pty Ltd", checked: true)])
        #expect(found.first?.jobTitle == "Chairperson")
        #expect(found.first?.meetingRoles == [.chair])
    }

    @Test func legalFormSuffixStaysWithItsCompany() {
        #expect(TextRules.joiningCorporateSuffixes(["Pilar Molina", "Blue Sky Studios", "Inc."]) == ["Pilar Molina", "Blue Sky Studios, Inc."])
        let found = people([Block(.heading, "Attendees", level: 2), Block(.listItem, "Pilar Molina, Blue Sky Studios, Inc.")])
        #expect(found.map(\.name) == ["Pilar Molina"])
        #expect(found.first?.organisation == "Blue Sky Studios, Inc.")
    }

    @Test func subHeadingsGroupAnAttendancePart() {
        let found = people([Block(.heading, "Voting Representative Attendees", level: 2),
                            Block(.heading, "Premier Member Representatives", level: 3),
                            Block(.listItem, "Andy Jones - Netflix, Inc.", checked: true),
                            Block(.heading, "Project Representatives", level: 3),
                            Block(.listItem, "Cary Phillips - OpenEXR", checked: false),
                            Block(.heading, "Agenda", level: 2),
                            Block(.listItem, "Jane Doe - Acme Corporation")])
        #expect(found.map(\.name) == ["Andy Jones", "Cary Phillips"])
        #expect(found.map(\.attendance) == [.present, .absent])
    }

    @Test func countryEndsANameOrganisationEntry() {
        let found = people([Block(.paragraph, "Present: Dmitri Zagidulin, Don Presant, Learning Agents, Canada, Sheela Kiiskila")])
        #expect(found.map(\.name) == ["Dmitri Zagidulin", "Don Presant", "Sheela Kiiskila"])
        #expect(found[1].organisation == "Learning Agents")
        #expect(found[1].location == "Canada")
        #expect(Vocabulary.isCountry("🇨🇦"))
    }

    @Test func entryAnnotationsAreRemoved() {
        #expect(ParticipantExtractor.cleanedEntry("Ross Gardler left at 11:04") == "Ross Gardler")
        #expect(ParticipantExtractor.cleanedEntry("Dave_??") == "Dave")
        #expect(ParticipantExtractor.cleanedEntry("TallTed // Ted Thibodeau (he/him)") == "Ted Thibodeau (he/him)")
        #expect(ParticipantExtractor.cleanedEntry("Jeff O / HumanOS") == "Jeff O, HumanOS")
        let found = people([Block(.paragraph, "Present: Lucy Yang, Jeff O / HumanOS, Phil Barker")])
        #expect(found.map(\.name) == ["Lucy Yang", "Jeff O", "Phil Barker"])
        #expect(found[1].organisation == "HumanOS")
    }

    @Test func joinedFirstNamesAreSplitWhenEachIsUsedAlone() {
        let found = people([Block(.term, "Present"), Block(.definition, "CharlesL, Hadrien, ivan, Wolfgang Dale, Pedro, Vladimir"),
                            Block(.term, "Scribe"), Block(.definition, "Wolfgang"),
                            Block(.paragraph, "Dale: could you provide a link?")])
        #expect(found.map(\.name).contains("Wolfgang"))
        #expect(found.map(\.name).contains("Dale"))
        #expect(!found.map(\.name).contains("Wolfgang Dale"))
        #expect(found.first { $0.name == "Wolfgang" }?.meetingRoles == [.scribe])
    }

    @Test func twoWordNamesStayWhenTheWordsAreNotUsedAlone() {
        let found = people([Block(.term, "Present"), Block(.definition, "CharlesL, Hadrien, ivan, Wolfgang Dale, Pedro, Vladimir")])
        #expect(found.map(\.name).contains("Wolfgang Dale"))
    }

    @Test func misspeltSurnamesMerge() {
        let merged = ParticipantExtractor.mergeMisspellings(
            [Participant(name: "Eva Shlehan"), Participant(name: "Rigo Wenning"), Participant(name: "Eva Schlehahn")],
            texts: ["Eva_Schlehahn to look into it", "on Eva Schlehahn"])
        #expect(merged.map(\.name) == ["Eva Schlehahn", "Rigo Wenning"])
        // Different first names never merge.
        let kept = ParticipantExtractor.mergeMisspellings([Participant(name: "Anna Schmidt"), Participant(name: "Hans Schmitt")], texts: [])
        #expect(kept.count == 2)
        #expect(TextRules.editDistance("shlehan", "schlehahn", limit: 2) == 2)
        #expect(TextRules.editDistance("kitten", "sitting", limit: 2) == 3)
    }

    @Test func surnamePrefixesAreNotCamelCase() {
        #expect(TextRules.nickToName("DeMeglio") == "DeMeglio")
        #expect(TextRules.nickToName("McCloy-Kelley") == "McCloy-Kelley")
        #expect(TextRules.nickToName("DaleRogers") == "Dale Rogers")
        let found = people([Block(.paragraph, "Present: Marisa DeMeglio, Charles LaPierre, Brady Duga")])
        #expect(found.map(\.name) == ["Marisa DeMeglio", "Charles LaPierre", "Brady Duga"])
    }

    @Test func oneWordNameInAMarkedTableRow() {
        let found = people([Block(.heading, "Attendance", level: 2),
                            Block(.tableRow, "x | CRob (LF) | he/him", cells: ["x", "CRob (LF)", "he/him"])])
        #expect(found.map(\.name) == ["CRob"])
        #expect(found.first?.organisation == "LF")
    }

    @Test func trackbotFullNameReplacesAMatchingNick() {
        let found = people([Block(.term, "Present"), Block(.definition, "axelpolleres, harsh, fajar"),
                            Block(.paragraph, "Created ACTION-81 - Circulate the draft [on Axel Polleres - due 2019-04-11].")])
        #expect(found.first?.name == "Axel Polleres")
    }

    @Test func diagnosticsAreNotAttendance() {
        let found = people([Block(.term, "Present"), Block(.definition, "ivan, Hadrien"),
                            Block(.paragraph, "Maybe present: Dale, Hadrein", classes: ["warning"])])
        #expect(found.map(\.name) == ["ivan", "Hadrien"])
    }

    @Test func regretsWrittenAsASentence() {
        #expect(ParticipantExtractor.regretNotes(in: ["Note: Luke is not able to join due to conflict", "Maria Ortiz sends her regrets.",
                                                      "He can't attend", "The whole group cannot attend on Friday"]) == ["Luke", "Maria Ortiz"])
        let found = people([Block(.heading, "Attendance", level: 2), Block(.listItem, "Jane Roe, Acme"),
                            Block(.paragraph, "Note: Luke is not able to join due to conflict")])
        #expect(found.map(\.name) == ["Jane Roe", "Luke"])
        #expect(found.last?.attendance == .absent)
    }

    @Test func akaNicknameResolvesActionOwners() {
        let doc = BlockDocument(blocks: [Block(.heading, "Attendance", level: 2), Block(.listItem, "Michael B. Johnson, Apple"),
                                         Block(.listItem, "Daniel Heckenberg, Animal Logic"),
                                         Block(.heading, "Notes", level: 2), Block(.listItem, "Michael B. Johnson (Apple) aka \"wave\""),
                                         Block(.heading, "Action Items", level: 2), Block(.listItem, "Wave: Diversity ideas (report next meeting)")])
        let result = ParticipantExtractor.extract(from: doc)
        #expect(result.nicknames["wave"] == "Michael B. Johnson")
        let findings = FindingExtractor.extract(from: doc, participants: result.participants, nicknames: result.nicknames)
        #expect(findings.first?.owner == "Michael B. Johnson")
    }
}

/// Organisations people name when they introduce themselves, or that the text names as agents.
@Suite("Affiliation rules")
struct AffiliationRuleTests {
    private let people = [Participant(name: "Brady Duga"), Participant(name: "Eva Schlehahn"), Participant(name: "Rigo Wenning"),
                          Participant(name: "Paul Gilius"), Participant(name: "Jessica Waßmuth"), Participant(name: "wendyreid")]

    @Test func selfIntroductionsNameEmployers() {
        let found = IntroductionRules.affiliations(in: ["Brady Duga: with Google. Interested in the doc.",
                                                        "Eva from ULD Germany, working in SPECIAL project",
                                                        "Rigo, working for W3C and ERCIM",
                                                        "Jessica Waßmuth: work for German company bookwire"], participants: people)
        let byName = Dictionary(uniqueKeysWithValues: found.map { (people[$0.0].name, $0.1) })
        #expect(byName["Brady Duga"] == ["Google"])
        #expect(byName["Eva Schlehahn"] == ["ULD"])
        #expect(byName["Rigo Wenning"] == ["W3C", "ERCIM"])
        #expect(byName["Jessica Waßmuth"] == ["Bookwire"])
    }

    @Test func colleaguesAndDiscussionAreNotAffiliations() {
        let found = IntroductionRules.affiliations(in: ["Paul Gilius: working with Jassica on production",
                                                        "Brady Duga: from linter perspective we warn",
                                                        "Brady Duga: I think what we got from Eva is different",
                                                        "tzviya: with Wendy we agreed"], participants: people)
        #expect(found.isEmpty)
    }

    @Test func agentCuesNameOrganisations() {
        let orgs = OrganisationExtractor.extract(affiliations: [], texts: ["Thorium is an app developed by EDRLab.",
                                                                            "It was created by IDPF and Readium long ago.",
                                                                            "This was reviewed by Brady and approved."],
                                                 participants: people)
        #expect(orgs.map(\.name) == ["EDRLab", "IDPF", "Readium"])
    }

    @Test func spacedHyphenSeparatesPersonFromOrganisation() {
        let orgs = OrganisationExtractor.extract(affiliations: [], texts: ["Eric Enderton - NVIDIA Corporation joined late", "NVIDIA Corporation said so"])
        #expect(!orgs.map(\.name).contains { $0.contains("Enderton") })
    }
}

@Test func scribesNamedInAnAgendaItem() {
    let people = [Participant(name: "Riaan Kleinhans"), Participant(name: "Reden Martinez"), Participant(name: "Daniel Appelquist"),
                  Participant(name: "David Wheeler")]
    let blocks = [Block(.listItem, "Request volunteer for scribe - Riaan & Reden"),
                  Block(.listItem, "Request volunteer for scribe"), Block(.listItem, "Dan A.", level: 1),
                  Block(.listItem, "Subscribe to the list - Dave")]
    #expect(ParticipantExtractor.scribesNamedInAgenda(blocks, participants: people) == [0, 1, 2])
}

@Test func labelledLinesStartBlocksWithoutBlankLines() {
    let text = """
    Present: Dr Amelia Hart (Chair), John Okafor (Treasurer), Tom Wright
    In attendance: Sarah Lee (Company Secretary)
    Apologies: Rev. Peter Shaw, Linda Marsh
    The board discussed the partnership.
    RESOLVED: That the Chair sign the memorandum.
    ACTION: Sarah Lee to circulate the budget by 31 May 2024.
    """
    let document = PlainTextReader().read(text, baseURL: nil)
    #expect(document.blocks.count == 6)
    let people = ParticipantExtractor.extract(from: document).participants
    #expect(people.map(\.name) == ["Amelia Hart", "John Okafor", "Tom Wright", "Sarah Lee", "Peter Shaw", "Linda Marsh"])
    #expect(people.map(\.attendance) == [.present, .present, .present, .present, .absent, .absent])
    #expect(people[3].jobTitle == "Company Secretary")
    #expect(people[3].meetingRoles.isEmpty)
    #expect(PlainTextReader.startsLabelledLine("MOTION: To approve"))
    #expect(!PlainTextReader.startsLabelledLine("Note that the motion: passed"))
    #expect(LocationExtractor.placeAfterTime("Held on Tuesday 14 May 2024 at 7.00 pm, Riverside Hall, Leeds") == "Riverside Hall, Leeds")
}

@Test func officersWithNotesUnderAHeading() {
    let document = BlockDocument(blocks: [Block(.heading, "Also present", level: 2),
                                          Block(.paragraph, "Ms H. Green (Town Clerk), Mr D. Fox (Planning Officer, Westbrook District Council).")])
    let people = ParticipantExtractor.extract(from: document).participants
    #expect(people.map(\.name) == ["H. Green", "D. Fox"])
    #expect(people[1].organisation == "Westbrook District Council")
    let actions = FindingExtractor.extract(from: BlockDocument(blocks: [Block(.paragraph, "ACTION: Town Clerk to submit the objection.")]),
                                           participants: people)
    #expect(actions.first?.owner == "H. Green")
}

@Test func commaOrganisationBeatsAParentheticalProject() {
    let doc = BlockDocument(blocks: [Block(.heading, "Attendance", level: 2),
                                     Block(.listItem, "James Caffrey, IBM ( ADE )", checked: true),
                                     Block(.listItem, "Mark Ellis, Finance Manager (Riverside Housing)", checked: true)])
    let people = ParticipantExtractor.extract(from: doc).participants
    #expect(people.map(\.organisation) == ["IBM", "Riverside Housing"])
}

@Test func glossOfCommonWordsIsNotAnOrganisation() {
    let orgs = OrganisationExtractor.extract(affiliations: [], texts: [
        "ETSI work on Securing Artificial Intelligence (SAI) continues.",
        "I work for PARC (Palo Alto Research Center) and the Global Cleantech Cluster Association (GCCA).",
    ])
    #expect(!orgs.map(\.name).contains("Securing Artificial Intelligence"))
    #expect(orgs.contains { $0.name == "Global Cleantech Cluster Association" && $0.acronym == "GCCA" })
}

@Test func attendanceTableColumnsGiveOrganisationAndPresence() {
    let doc = BlockDocument(blocks: [
        Block(.heading, "Attendees", level: 2),
        Block(.tableRow, "Name | Organisation | Present", cells: ["Name", "Organisation", "Present"], isHeader: true),
        Block(.tableRow, "Alice Moreau | Acme Corp | ✅", cells: ["Alice Moreau", "Acme Corp", "✅"]),
        Block(.tableRow, "Chen Wei | Independent | ✅", cells: ["Chen Wei", "Independent", "✅"]),
        Block(.tableRow, "Dana Kowalski | Acme Corp | ", cells: ["Dana Kowalski", "Acme Corp", ""]),
    ])
    let people = ParticipantExtractor.extract(from: doc).participants
    #expect(people.map(\.organisation) == ["Acme Corp", nil, "Acme Corp"])
    #expect(people.map(\.attendance) == [.present, .present, .absent])
}
