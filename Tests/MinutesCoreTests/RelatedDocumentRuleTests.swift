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
