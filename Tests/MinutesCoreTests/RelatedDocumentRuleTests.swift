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
