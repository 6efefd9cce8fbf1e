import Testing
@testable import MinutesCore

@Test func nickToNameSplitsCamelCaseButKeepsInitials() {
    #expect(TextRules.nickToName("AjayJadhav") == "Ajay Jadhav")
    #expect(TextRules.nickToName("Bill_Kasdorf_") == "Bill Kasdorf")
    #expect(TextRules.nickToName("AndyS") == "AndyS")
    #expect(TextRules.nickToName("CharlesL") == "CharlesL")
    #expect(TextRules.nickToName("billk") == "billk")
}

@Test func runTogetherEntriesAreSplit() {
    #expect(ParticipantExtractor.splitRunTogether("Avneesh Singh Bill_Kasdorf_") == ["Avneesh Singh", "Bill_Kasdorf_"])
    #expect(ParticipantExtractor.splitRunTogether("DaleRogers duga") == ["DaleRogers", "duga"])
    #expect(ParticipantExtractor.splitRunTogether("Vladimir de Turckheim") == ["Vladimir de Turckheim"])
    #expect(ParticipantExtractor.splitRunTogether("Benefits from cross-cluster collaboration in the Baltic Sea Region").count == 1)
}

@Test func nickOnlyPresentListGivesPeople() {
    let doc = BlockDocument(blocks: [Block(.term, "Present"), Block(.definition, "gpellegrino, duga, wendyreid"),
                                     Block(.term, "Chair"), Block(.definition, "wendy")])
    let people = ParticipantExtractor.extract(from: doc).participants
    #expect(people.map(\.name) == ["gpellegrino", "duga", "wendyreid"])
    #expect(people.last?.meetingRoles == [.chair])
}

@Test func nickVariantsMergeWithFullNames() {
    let doc = BlockDocument(blocks: [Block(.paragraph, "Present: Bill Kasdorf, billk, Pierre-Antoine Champin, Makoto, makotomurata"),
                                     Block(.paragraph, "Chair: pchampin")])
    let people = ParticipantExtractor.extract(from: doc).participants
    #expect(people.map(\.name) == ["Bill Kasdorf", "Pierre-Antoine Champin", "Makoto"])
    #expect(people[1].meetingRoles == [.chair])
}

@Test func dashNoteIsNotAnOrganisation() {
    let doc = BlockDocument(blocks: [Block(.heading, "Present", level: 2), Block(.listItem, "Sendil Kumar (@sendilkumarn) - Invisible attendee")])
    let people = ParticipantExtractor.extract(from: doc).participants
    #expect(people.first?.name == "Sendil Kumar")
    #expect(people.first?.organisation == nil)
}

@Test func emailLabelWithIndentedValue() {
    let text = "Scribe:\n  Ganesh Annan\nPresent:\n  Sumita Jonak, Amy \n  Guy, Kim Hamilton Duffy\nAudio:\n  https://example.org/a.ogg\n"
    let doc = PlainTextReader(repairsWords: false).read(text, baseURL: nil)
    let people = ParticipantExtractor.extract(from: doc).participants
    #expect(people.map(\.name) == ["Ganesh Annan", "Sumita Jonak", "Amy Guy", "Kim Hamilton Duffy"])
}

@Suite("Label paragraphs and remarks")
struct LabelParagraphTests {
    @Test func boldLabelParagraphStartsAnAttendanceList() throws {
        let doc = MarkdownReader().read("**Attendance**\n\nVoting member rollcall:\n\n- [x] Ann Lee, Acme ( Platinum Member )\n- [ ] Bo Berg, Widget Labs\n\nQuorum NOT Achieved.\n\n**Other Attendees**\n- Cy Dunn\n", baseURL: nil)
        let found = ParticipantExtractor.extract(from: doc).participants
        try #require(found.count == 3)
        #expect(found.map(\.name) == ["Ann Lee", "Bo Berg", "Cy Dunn"])
        #expect(found[0].organisation == "Acme")
        #expect(found[1].attendance == .absent)
    }

    @Test func properNounsAreNotSplitByWordRepair() {
        let repair = WordRepair(vocabularyFrom: ["held in Denver Colorado"], lexicon: Lexicon(words: ["color", "ado", "sen"]))
        #expect(repair.repair("Denver Colorado") == "Denver Colorado")
        #expect(repair.repair("Johansen") == "Johansen")
    }
}

@Suite("Attendance tables")
struct AttendanceTableTests {
    @Test func markedRowsArePresentUnmarkedAbsent() throws {
        let doc = MarkdownReader().read("""
            # Attendance (please mark an "X" if you are here)

            |  | Name/Affiliation | Pronouns |
            | --- | --- | --- |
            | x | Ann Lee (Acme, **TAC**) | she/her |
            |  | Bo Berg (Widget Labs) | he/him |
            """, baseURL: nil)
        let found = ParticipantExtractor.extract(from: doc).participants
        try #require(found.count == 2)
        #expect(found[0].name == "Ann Lee")
        #expect(found[0].organisation == "Acme")
        #expect(found[0].attendance == .present)
        #expect(found[1].attendance == .absent)
    }
}

@Suite("Rosters, split dates and acronym places")
struct RosterAndDateTests {
    @Test func rosterLinesWithMatchingInitialsAreAttendees() throws {
        let doc = textDocument("Project call\n\nJohn Mertic, Linux Foundation (JM)\n\nDale Hoffman, IBM (DH)\n\nStatus update (SU)\n\nJM opened the call.\n")
        let found = ParticipantExtractor.extract(from: doc).participants
        #expect(found.map(\.name) == ["John Mertic", "Dale Hoffman"])
        #expect(found.first?.organisation == "Linux Foundation")
    }

    @Test func yearApartFromMonthAndDayInATitle() {
        #expect(DateExtractor.splitDate(in: "WECG Meetings 2021, Public Notes, June 24") == "2021-06-24")
        #expect(DateExtractor.splitDate(in: "Notes 2021 and 2022, June 24") == nil)
        #expect(DateExtractor.firstDate(in: "2019.03.01") == "2019-03-01")
    }

    @Test func acronymsAreNotPlaces() {
        #expect(LocationExtractor.placeInSentence("The meeting started with a call for help in the RLS effort") == nil)
        #expect(LocationExtractor.placeInSentence("The meeting took place in Esbjerg") == "Esbjerg")
    }
}

@Suite("Linked attendee lists")
struct LinkedAttendeeTests {
    @Test func eachLinkIsOnePersonWithItsFields() throws {
        let doc = HTMLReader().read("<dl><dt>Present</dt><dd><a href='a'>Ann Lee</a>, <a href='b'>Don Presant, Learning Agents, Canada</a>, <a href='c'>Bo Berg</a></dd></dl>", baseURL: nil)
        let found = ParticipantExtractor.extract(from: doc).participants
        try #require(found.count == 3)
        #expect(found.map(\.name) == ["Ann Lee", "Don Presant", "Bo Berg"])
        #expect(found[1].organisation == "Learning Agents")
        #expect(found[1].location == "Canada")
    }
}
