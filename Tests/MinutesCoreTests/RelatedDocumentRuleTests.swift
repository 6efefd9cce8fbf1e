import Testing
@testable import MinutesCore

@Test func navKeepsAgendaAndLogOnly() {
    let nav = Block(.paragraph, "Previous meeting. Agenda. IRC log. Next meeting.", links: [
        Link(text: "Previous meeting.", href: "https://example.org/2021-12-17.html"),
        Link(text: "Agenda.", href: "https://lists.example.org/0020.html"),
        Link(text: "IRC log.", href: "https://example.org/27-irc"),
        Link(text: "Next meeting.", href: "https://example.org/2022-01-21.html"),
    ], classes: ["nav"])
    let docs = RelatedDocumentExtractor.extract(from: BlockDocument(blocks: [nav]))
    #expect(docs.compactMap(\.url) == ["https://lists.example.org/0020.html", "https://example.org/27-irc"])
}

@Test func generatorDocumentationIsNotADocument() {
    #expect(!RelatedDocumentExtractor.isDocumentLink(Link(text: "scribe.perl", href: "https://w3c.github.io/scribe2/scribedoc.html"), labelled: false))
    #expect(RelatedDocumentExtractor.isDocumentLink(Link(text: "x", href: "https://www.w3.org/TR/swbp-n-aryRelations/"), labelled: false))
}

@Test func separatorEndsAnAttachmentsSection() {
    let blocks = [
        Block(.paragraph, "ATTACHMENTS:"), Block(.paragraph, "============"),
        Block(.paragraph, "Attachment 1: Report from the Assistant"),
        Block(.paragraph, "Daily monitoring of all email activity. Very busy month. Placed a reorder for pins."),
    ]
    #expect(RelatedDocumentExtractor.extract(from: BlockDocument(blocks: blocks)).isEmpty)
}

@Test func proseEndsADocumentsSection() {
    let blocks = [
        Block(.paragraph, "Background papers:"), Block(.paragraph, "Budget report 2024"),
        Block(.paragraph, "The meeting went on. Many things were said. Nobody agreed."),
        Block(.paragraph, "Then more was said. And more. And more."),
        Block(.paragraph, "Short line after prose"),
    ]
    let titles = RelatedDocumentExtractor.extract(from: BlockDocument(blocks: blocks)).map(\.title)
    #expect(titles == ["Budget report 2024"])
}

@Test func leadInThenBareAddressIsADocument() {
    let blocks = [
        Block(.paragraph, "Published minutes can be found at:"),
        Block(.paragraph, "http://example.org/board/calendar.html", links: [Link(text: "http://example.org/board/calendar.html", href: "http://example.org/board/calendar.html")]),
        Block(.paragraph, "See: board_minutes_2014_01_15.txt"),
    ]
    let docs = RelatedDocumentExtractor.extract(from: BlockDocument(blocks: blocks))
    #expect(docs.map(\.title) == ["Published minutes", "board_minutes_2014_01_15.txt"])
    #expect(docs.first?.url == "http://example.org/board/calendar.html")
}

@Test func documentHeadingTitlesABareAddress() {
    let doc = BlockDocument(blocks: [Block(.heading, "Audio and transcripts", level: 2),
                                     Block(.paragraph, "https://otter.ai/shared/conversation/abc",
                                           links: [Link(text: "https://otter.ai/shared/conversation/abc", href: "https://otter.ai/shared/conversation/abc")])])
    let documents = RelatedDocumentExtractor.extract(from: doc)
    #expect(documents.first?.title == "Audio and transcripts")
}

@Test func googleDocumentViewsAreOneDocument() {
    #expect(RelatedDocumentExtractor.dedupeKey("https://docs.google.com/document/d/X/edit?usp=sharing")
            == RelatedDocumentExtractor.dedupeKey("https://docs.google.com/document/d/X/edit"))
}

@Test func sharedContentLinksAreDocumentsButChatProfilesAndHomePagesAreNot() {
    let keep = ["https://arstechnica.com/gadgets/2025/03/some-article/", "https://schema.org/Duration",
                "https://rust-lang.zulipchat.com/#narrow/stream/1-t/topic/x", "https://github.com/w3c/epub-specs"]
    let drop = ["https://github.com/w3c/webextensions/blob/main/CONTRIBUTING.md#joining-chat", "https://github.com/someone",
                "https://www.linkedin.com/in/someone", "https://join.slack.com/t/x/shared_invite/y", "https://meet.google.com/abc-def",
                "https://nodejs.org/calendar", "https://www.w3.org/", "https://github.com/o/r/issues?q=is%3Aopen",
                "https://www.w3.org/2018/12/03-x-irc#T11-38-14", "../", "https://www.linuxfoundation.org/antitrust-policy"]
    for href in keep { #expect(RelatedDocumentExtractor.isDocumentLink(Link(text: "x", href: href), labelled: false), "\(href)") }
    for href in drop { #expect(!RelatedDocumentExtractor.isDocumentLink(Link(text: "x", href: href), labelled: false), "\(href)") }
}

@Test func unbalancedClosingParenthesisIsNotPartOfTheAddress() {
    #expect(RelatedDocumentExtractor.cleanURL("https://example.org/wiki/TR_use_case)") == "https://example.org/wiki/TR_use_case")
    #expect(RelatedDocumentExtractor.cleanURL("https://en.wikipedia.org/wiki/Set_(mathematics)") == "https://en.wikipedia.org/wiki/Set_(mathematics)")
    #expect(RelatedDocumentExtractor.cleanURL("https://example.org/paper.pdf).") == "https://example.org/paper.pdf")
}

@Test func anchoredPartsOfOnePageAreSeparateButTheSameAddressIsOne() {
    let blocks = [
        Block(.listItem, "linkrole", links: [Link(text: "linkrole", href: "https://example.org/wiki/Issues#linkrole")]),
        Block(.listItem, "duration", links: [Link(text: "duration", href: "https://example.org/wiki/Issues#duration-values")]),
        Block(.listItem, "again", links: [Link(text: "again", href: "https://example.org/wiki/Issues#linkrole")]),
    ]
    #expect(RelatedDocumentExtractor.extract(from: BlockDocument(blocks: blocks)).count == 2)
}

@Test func agendaHeadingLinkAndSchemeColonAndAttachments() {
    let blocks = [
        Block(.heading, "Agenda: github issues", level: 2, links: [Link(text: "github issues", href: "https://github.com/o/r/issues")]),
        Block(.paragraph, "[1] https://builds.example.org/site/prerequisites.html",
              links: [Link(text: "https://builds.example.org/site/prerequisites.html", href: "https://builds.example.org/site/prerequisites.html")]),
        Block(.paragraph, "ATTACHMENTS:"),
        Block(.paragraph, "See https://example.org/report-inside-an-attachment", links: [Link(text: "https://example.org/report-inside-an-attachment", href: "https://example.org/report-inside-an-attachment")]),
    ]
    let docs = RelatedDocumentExtractor.extract(from: BlockDocument(blocks: blocks))
    #expect(docs.map(\.url) == ["https://github.com/o/r/issues", "https://builds.example.org/site/prerequisites.html"])
    #expect(docs.last?.title == "https://builds.example.org/site/prerequisites.html")
}

@Test func transcriptLeadInThenAddress() {
    #expect(RelatedDocumentExtractor.documentLeadIn("The transcript for the call is now available here:") == "The transcript for the call")
}

@Test func botAnnouncedLogAndMinutesAreDocuments() {
    let log = "09:23:08 <RRSAgent> logging to https://www.w3.org/2018/12/03-x-irc\n10:40:29 <RRSAgent> I have made the request to generate https://www.w3.org/2018/12/03-x-minutes.html rigo\n10:41:00 <rigo> hello\n"
    let docs = RelatedDocumentExtractor.extract(from: IRCLogReader().read(log, baseURL: nil))
    #expect(docs.compactMap(\.url) == ["https://www.w3.org/2018/12/03-x-irc", "https://www.w3.org/2018/12/03-x-minutes.html"])
}
