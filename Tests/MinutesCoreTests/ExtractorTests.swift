import Foundation
import Testing
@testable import MinutesCore

/// Builds a block document from plain text, as the text reader would.
func textDocument(_ text: String) -> BlockDocument {
    PlainTextReader().read(text, baseURL: nil)
}

@Suite("Plain-text reader and PDF repair")
struct PlainTextReaderTests {
    @Test func bulletsNumbersAndParagraphsBecomeBlocks() {
        let doc = textDocument("Intro line\n\n• first item\n  continued\n· second\n1. numbered\n\nMINUTES OF MEETING\n")
        #expect(doc.blocks.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem, .heading])
        #expect(doc.blocks[1].text == "first item continued")
        #expect(doc.blocks[3].ordered)
    }

    @Test func joinedWordsAreSplitByDocumentAndDictionary() {
        let repair = WordRepair(vocabularyFrom: ["the cleantech cluster", "Sustainable Business Hub", "cleantech"],
                                lexicon: Lexicon(words: ["opportunity", "cluster", "same", "business", "cooperation", "terms", "others"]))
        #expect(repair.repair("anopportunity") == "an opportunity")
        #expect(repair.repair("cleantechcluster") == "cleantech cluster")
        #expect(repair.repair("Huband Bornholm") == "Hub and Bornholm")
        #expect(repair.repair("The sameis true") == "The same is true")
        #expect(repair.repair("business-tobusinesscooperation") == "business-to-business cooperation")
        #expect(repair.repair("the Region.Thus we") == "the Region. Thus we")
    }

    @Test func realWordsAreNeverSplit() {
        let repair = WordRepair(vocabularyFrom: ["benchmarking is fine"], lexicon: Lexicon(words: ["benchmark", "entrepreneur", "bench", "marking", "ship"]))
        #expect(repair.repair("benchmarking") == "benchmarking")
        #expect(repair.repair("entrepreneurship") == "entrepreneurship")
        #expect(repair.repair("Johansen") == "Johansen")
    }

    @Test func lineBreakHyphenIsDroppedOnlyForKnownWords() {
        let doc = PlainTextReader().read("the busi-\nness of the day and a cross-\nborder deal", baseURL: nil)
        #expect(doc.blocks.first?.text.contains("business") == true)
    }
}

@Suite("Dates and places")
struct DateAndLocationTests {
    @Test(arguments: [
        ("24 January 2014", "2014-01-24"), ("Friday, 24 Jan. 2014", "2014-01-24"), ("04 FEB 2026", "2026-02-04"),
        ("Jan 24, 2014", "2014-01-24"), ("January 24th, 2014", "2014-01-24"), ("2014-01-24", "2014-01-24"),
        ("24/01/2014", "2014-01-24"), ("minutes of 3 May 2021 and 4 May 2021", "2021-05-03"),
    ])
    func datesBecomeISO(input: String, expected: String) {
        #expect(DateExtractor.firstDate(in: input) == expected)
    }

    @Test func impossibleDatesAreRejected() {
        #expect(DateExtractor.firstDate(in: "31 February 2014") == nil)
        #expect(DateExtractor.firstDate(in: "version 2.0.1") == nil)
    }

    @Test func locationFromSentenceOrLabel() {
        #expect(LocationExtractor.location(in: textDocument("The following participated at the meeting in Copenhagen:")) == "Copenhagen")
        #expect(LocationExtractor.location(in: textDocument("Tuesday, the second day of the conference of the WECG in San Diego.")) == "San Diego")
        #expect(LocationExtractor.location(in: textDocument("The workshop took place in Esbjerg on Monday.")) == "Esbjerg")
        #expect(LocationExtractor.location(in: textDocument("Venue: Town Hall, Leeds")) == "Town Hall, Leeds")
        #expect(LocationExtractor.location(in: textDocument("The meeting in January went well.")) == nil)
    }
}

@Suite("Participants")
struct ParticipantTests {
    func people(_ text: String) -> [Participant] {
        ParticipantExtractor.extract(from: textDocument(text)).participants
    }

    @Test func nameJobTitleOrganisationAndPlace() throws {
        let found = people("The following people attended the meeting:\n\n· Ann Lee, Administrative Director, Sustainable Business Hub, Malmø\n")
        let ann = try #require(found.first)
        #expect(ann.name == "Ann Lee")
        #expect(ann.jobTitle == "Administrative Director")
        #expect(ann.organisation == "Sustainable Business Hub")
        #expect(ann.location == "Malmø")
    }

    @Test func headOfTitleAndOrganisationWithDash() throws {
        let found = people("Participants:\n- Bo Berg, Head of Water Affairs, Bright Island – Business Center North\n")
        let bo = try #require(found.first)
        #expect(bo.jobTitle == "Head of Water Affairs")
        #expect(bo.organisation == "Bright Island – Business Center North")
    }

    @Test func trailingAcronymIsAParentOrganisationNotALocation() throws {
        let result = ParticipantExtractor.extract(from: textDocument("Attendees:\n- Cy Dunn, Centre Director, Centre for Tourism, CBS\n"))
        let cy = try #require(result.participants.first)
        #expect(cy.organisation == "Centre for Tourism")
        #expect(cy.location == nil)
        #expect(result.affiliations == ["Centre for Tourism", "CBS"])
    }

    @Test func labelledCommaListsWithRegretsAndRoles() throws {
        let found = people("Present: Ann Lee, Dr Bo Berg and Cy Dunn\n\nRegrets: Di Eve\n\nChair: Ann Lee\n\nScribe: Fay Gold\n")
        try #require(found.count == 5)
        #expect(found.map(\.name) == ["Ann Lee", "Bo Berg", "Cy Dunn", "Di Eve", "Fay Gold"])
        #expect(found[3].attendance == .absent)
        #expect(found[0].meetingRoles == [.chair])
        #expect(found[0].attendance == .present)
        #expect(found[4].meetingRoles == [.scribe])
    }

    @Test func councillorsExpandWithTheirOffice() throws {
        let found = people("PRESENT:\n\nCouncillor M. O'Brien (Chair)\n\nCouncillors A. Smith, B. Jones and C. Patel\n")
        try #require(found.count == 4)
        #expect(found.map(\.name) == ["M. O'Brien", "A. Smith", "B. Jones", "C. Patel"])
        #expect(found.allSatisfy { $0.jobTitle == "Councillor" })
        #expect(found[0].meetingRoles == [.chair])
    }

    @Test func nicksBecomeNames() {
        #expect(TextRules.nickToName("Bill_Kasdorf_") == "Bill Kasdorf")
        #expect(TextRules.nickToName("AjayJadhav") == "Ajay Jadhav")
        #expect(TextRules.nickToName("billk") == "billk")
    }

    @Test func handlesAndParentheticalOrganisations() throws {
        let doc = MarkdownReader().read("## Present\n\n- Jane Roe (@jroe)\n- Sam Poe (Acme Corp)\n- [ ] Kim Loe - Chair, Widget Labs\n", baseURL: nil)
        let found = ParticipantExtractor.extract(from: doc).participants
        try #require(found.count == 3)
        #expect(found.map(\.name) == ["Jane Roe", "Sam Poe", "Kim Loe"])
        #expect(found[1].organisation == "Acme Corp")
        #expect(found[2].jobTitle == "Chair")
        #expect(found[2].organisation == "Widget Labs")
        #expect(found[2].attendance == .absent)
    }
}

@Suite("Organisations")
struct OrganisationTests {
    @Test func acronymsAttachToTheEntryTheyAbbreviate() throws {
        let orgs = OrganisationExtractor.extract(
            affiliations: ["Copenhagen Cleantech Cluster"],
            texts: ["Copenhagen Cleantech Cluster (CCC) is a member of the Global Cleantech Cluster Association (GCCA); CCC also works with ICN (International Cleantech Network)."])
        #expect(orgs.count == 3)
        #expect(orgs[0].acronym == "CCC")
        #expect(orgs.contains { $0.name == "Global Cleantech Cluster Association" && $0.acronym == "GCCA" })
        #expect(orgs.contains { $0.name == "International Cleantech Network" && $0.acronym == "ICN" })
    }

    @Test func reorderedNameIsAnAlias() {
        let orgs = OrganisationExtractor.extract(affiliations: ["Bright Green Island – Business Center Bornholm"],
                                                 texts: ["Hub and Bornholm Bright Green Island are partners."])
        #expect(orgs.count == 1)
        #expect(orgs[0].aliases == ["Bornholm Bright Green Island"])
    }

    @Test func bareAcronymIsItsOwnEntryUnlessInitialsMatch() {
        let alone = OrganisationExtractor.extract(affiliations: ["Centre for Tourism", "CBS"], texts: [])
        #expect(alone.map(\.name) == ["Centre for Tourism", "CBS"])
        let matched = OrganisationExtractor.extract(affiliations: ["Copenhagen Business School", "CBS"], texts: [])
        #expect(matched.count == 1)
        #expect(matched[0].acronym == "CBS")
    }

    @Test func placesAndGenericWordsAreNotOrganisations() {
        let orgs = OrganisationExtractor.extract(affiliations: [],
                                                 texts: ["Trade within the Baltic Sea Region (BSR) and the Annual Meeting in Kaliningrad."])
        #expect(orgs.isEmpty)
    }
}

@Suite("Findings and related documents")
struct FindingTests {
    @Test func itemsOfAFindingsPartAreFindings() {
        let doc = textDocument("Discussion revealed the following findings:\n\n- First point\n  spans two lines.\n\n- Second point.\n\nThe following attended:\n\n- Ann Lee\n")
        let findings = FindingExtractor.extract(from: doc, participants: [])
        #expect(findings.map(\.text) == ["First point spans two lines.", "Second point."])
        #expect(findings.allSatisfy { $0.kind == .finding })
    }

    @Test func labelledDecisionsAndActionsWithOwnerAndDue() throws {
        let people = [Participant(name: "Ann Lee"), Participant(name: "Bo Berg")]
        let doc = textDocument("RESOLVED: That the budget is approved.\n\nACTION: Ann to circulate the draft by 3 March 2024\n\nAction: update the wiki (Bo Berg)\n")
        let findings = FindingExtractor.extract(from: doc, participants: people)
        try #require(findings.count == 3)
        #expect(findings.map(\.kind) == [.decision, .action, .action])
        #expect(findings[0].text == "That the budget is approved.")
        #expect(findings[1].owner == "Ann Lee")
        #expect(findings[1].due == "2024-03-03")
        #expect(findings[2].owner == "Bo Berg")
    }

    @Test func repeatedSummaryItemIsKeptOnce() {
        let doc = textDocument("ACTION: Ann to fix the spec\n\nSummary of Action Items\n\n- ACTION: Ann to fix the spec\n")
        #expect(FindingExtractor.extract(from: doc, participants: []).count == 1)
    }

    @Test func relatedDocumentsSectionGivesTitlesWithoutURLs() {
        let docs = RelatedDocumentExtractor.extract(from: textDocument("Related documents:\n\nBenefits of collaboration in the region\n"))
        #expect(docs == [RelatedDocument(title: "Benefits of collaboration in the region")])
    }

    @Test func documentLinksAreKeptNavigationAndAnchorsAreNot() {
        var block = Block(.paragraph, "See the report and top", links: [
            Link(text: "report", href: "https://example.org/report.pdf"), Link(text: "top", href: "#top"),
            Link(text: "style", href: "https://example.org/site.css"),
        ])
        var nav = Block(.listItem, "Previous meeting", links: [Link(text: "Previous meeting", href: "https://example.org/2024-01-01.html")])
        nav.classes = ["nav"]
        block.classes = []
        let docs = RelatedDocumentExtractor.extract(from: BlockDocument(blocks: [nav, block]))
        #expect(docs == [RelatedDocument(title: "report", url: "https://example.org/report.pdf")])
    }
}

@Suite("Council minutes lines")
struct CouncilLineTests {
    @Test func labelledLineIsCompleteAndTheNextLineContinuesTheList() throws {
        let doc = textDocument("PRESENT: Councillor M. O'Brien (Chair)\nCouncillors A. Smith and B. Jones\n\nIN ATTENDANCE: J. Doe (Chief Executive), R. Khan (Head of Planning) and L. Evans (Clerk)\n")
        let found = ParticipantExtractor.extract(from: doc).participants
        try #require(found.count == 6)
        #expect(found.map(\.name) == ["M. O'Brien", "A. Smith", "B. Jones", "J. Doe", "R. Khan", "L. Evans"])
        #expect(found[1].jobTitle == "Councillor")
        #expect(found[4].jobTitle == "Head of Planning")
        #expect(found.allSatisfy { $0.organisation == nil })
    }

    @Test func backgroundPapersEndAtRunningText() {
        let doc = textDocument("Background papers:\nPlanning application file 24/0311\nTree strategy consultation report, February 2025\n\nThe meeting closed at 8.15 pm.\n")
        let titles = RelatedDocumentExtractor.extract(from: doc).map(\.title)
        #expect(titles == ["Planning application file 24/0311", "Tree strategy consultation report, February 2025"])
    }
}
