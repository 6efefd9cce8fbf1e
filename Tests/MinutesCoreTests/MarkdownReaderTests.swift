import Testing
@testable import MinutesCore

/// Reads `markdown` through the reader's `String` entry, checking that its byte entry (`read(utf8:)`, which the parser
/// uses) reads the same.
private func read(_ markdown: String, baseURL: String? = nil) -> BlockDocument {
    let document = MarkdownReader().read(markdown, baseURL: baseURL)
    #expect(MarkdownReader().read(utf8: Array(markdown.utf8), baseURL: baseURL) == document)
    return document
}

@Test func markdownByteEntryReadsTheCorpusAsTheStringEntry() {
    for (name, text) in MarkdownSectionsTests.corpusMarkdown {
        for reader in [MarkdownReader(), MarkdownReader(sectionBytes: 1)] {
            #expect(reader.read(utf8: Array(text.utf8), baseURL: nil) == reader.read(text, baseURL: nil), "\(name)")
        }
    }
}

/// `MarkdownPreamble.mayOpenWithPreamble` is a sure no: where it says no, `strip` takes nothing off and records nothing.
@Test func markdownPreambleCheckOnBytesIsASureNo() {
    let pieces = ["---\n", "+++\n", "---", "...\n", "title: X\n", "<!--", "-->", "{\"title\": \"T\"}", "% ", "%", "\n", " ", "\t",
                  "\u{B}", "\u{FEFF}", "\r\n", "\r", "é", "\u{301}", "\u{3000}", "\u{85}", "\u{A0}", "# H", "text", "\u{0}"]
    var refused = 0
    forRandomTexts(of: pieces, seed: 5050, count: 20_000, maxPieces: { _ in 8 }) { text in
        guard !Array(text.utf8).withUnsafeBufferPointer(MarkdownPreamble.mayOpenWithPreamble) else { return }
        refused += 1
        var document = BlockDocument()
        let body = MarkdownPreamble.strip(text, into: &document)
        #expect(String(body) == text && document == BlockDocument(), "\(text.debugDescription)")
    }
    #expect(refused > 3_000)
}

@Test func markdownHeadingsCarryTheirLevel() {
    let doc = read("# Minutes\n\n### Topic: *budget*\n\nSetext\n------\n")
    #expect(doc.blocks.map(\.kind) == [.heading, .heading, .heading])
    #expect(doc.blocks.map(\.level) == [1, 3, 2])
    #expect(doc.blocks.map(\.text) == ["Minutes", "Topic: budget", "Setext"])
}

@Test func markdownInlineMarkupIsFolded() {
    let doc = read("Some **bold**, _emphasis_, `code` and \\_escaped\\* text\nwrapped  \nhard break.\n")
    #expect(doc.blocks.map(\.text) == ["Some bold, emphasis, code and _escaped* text wrapped hard break."])
}

@Test func markdownListsHaveDepthOrderAndOneBlockPerItem() {
    let doc = read("""
        - Agenda

          1. First **topic**
          2. Second
        - Wrap-up
        """)
    #expect(doc.blocks.map(\.kind) == [.listItem, .listItem, .listItem, .listItem])
    #expect(doc.blocks.map(\.text) == ["Agenda", "First topic", "Second", "Wrap-up"])
    #expect(doc.blocks.map(\.level) == [0, 1, 1, 0])
    #expect(doc.blocks.map(\.ordered) == [false, true, true, false])
}

@Test func markdownTaskItemsAreChecked() {
    let doc = read("- [x] Send minutes\n- [ ] Book room\n- Plain\n")
    #expect(doc.blocks.map(\.checked) == [true, false, nil])
    #expect(doc.blocks.map(\.text) == ["Send minutes", "Book room", "Plain"])
}

@Test func markdownTableRowsHaveCellsAndHeader() {
    let doc = read("| Name | Role |\n|------|------|\n| **Ann** | Chair |\n| Bob | [Scribe](https://x.org/s) |\n")
    #expect(doc.blocks.map(\.kind) == [.tableRow, .tableRow, .tableRow])
    #expect(doc.blocks.map(\.isHeader) == [true, false, false])
    #expect(doc.blocks[0].cells == ["Name", "Role"])
    #expect(doc.blocks[1].cells == ["Ann", "Chair"])
    #expect(doc.blocks[2].links == [Link(text: "Scribe", href: "https://x.org/s")])
}

@Test func markdownLinksAndAutolinks() {
    let doc = read("See the [agenda](agenda.html), <https://a.org/x> and https://b.org/y.\n",
                   baseURL: "https://example.org/minutes/2024-01-01.md")
    #expect(doc.blocks.first?.text == "See the agenda, https://a.org/x and https://b.org/y.")
    #expect(doc.blocks.first?.links == [
        Link(text: "agenda", href: "https://example.org/minutes/agenda.html"),
        Link(text: "https://a.org/x", href: "https://a.org/x"),
        Link(text: "https://b.org/y", href: "https://b.org/y"),
    ])
}

@Test func markdownFragmentAndRelativeLinksStayWithoutBase() {
    let doc = read("[topic](#item01) [log](../irc.txt)\n")
    #expect(doc.blocks.first?.links.map(\.href) == ["#item01", "../irc.txt"])
}

@Test func markdownCodeBlocksArePreformatted() {
    let doc = read("Text\n\n```\nline one\n  indented\n```\n")
    #expect(doc.blocks.last?.kind == .preformatted)
    #expect(doc.blocks.last?.text == "line one\n  indented")
}

@Test func markdownHTMLBlocksKeepTheirText() {
    let doc = read("<div class=\"note\">\n<b>Note</b> &amp; more\n</div>\n\n<!-- hidden -->\n")
    #expect(doc.blocks.map(\.text) == ["Note & more"])
    #expect(doc.blocks.first?.kind == .paragraph)
}

@Test func markdownLabelLinesSplitIntoParagraphs() {
    let doc = read("**Present:** Ann, Bob  \n**Chair:** Cy\n**Scribe:** Dee\n\n**Note:** one line\nonly.\n")
    #expect(doc.blocks.map(\.text) == ["Present: Ann, Bob", "Chair: Cy", "Scribe: Dee", "Note: one line only."])
}

@Test func markdownYAMLFrontMatter() {
    let doc = read("---\ntitle: \"2019-09-25\"\nLayout: minutes\ntags:\n  - tac\n---\n# Heading\n")
    #expect(doc.title == "2019-09-25")
    #expect(doc.metadata["title"] == "2019-09-25")
    #expect(doc.metadata["layout"] == "minutes")
    #expect(doc.metadata["tags"] == nil)
    #expect(doc.blocks.map(\.text) == ["Heading"])
}

@Test func markdownTOMLFrontMatter() {
    let doc = read("+++\ntitle = 'Compiler steering'\ndate = 2019-03-01\n+++\nBody\n")
    #expect(doc.title == "Compiler steering")
    #expect(doc.metadata["date"] == "2019-03-01")
    #expect(doc.blocks.map(\.text) == ["Body"])
}

@Test func markdownJSONCommentGivesTitleAndDate() {
    let doc = read("""
        <!---
            {"@type": "CreativeWork", "name": "EPUB 3 WG Telco — Minutes", "dateCreated": "2022-12-08",
             "publisher": {"name": "W3C"}}
        -->

        # EPUB 3 WG Telco — Minutes
        """)
    #expect(doc.title == "EPUB 3 WG Telco — Minutes")
    #expect(doc.metadata["date"] == "2022-12-08")
    #expect(doc.blocks.map(\.text) == ["EPUB 3 WG Telco — Minutes"])
}

@Test func markdownUnclosedFrontMatterIsText() {
    let doc = read("---\ntitle: x\n\nBody\n")
    #expect(doc.title == nil)
    #expect(doc.blocks.contains { $0.text == "Body" })
}

@Test func markdownPandocTitleLine() {
    let doc = read("% Publishing CG Telco — 2020-10-21\n\n# Minutes\n")
    #expect(doc.title == "Publishing CG Telco — 2020-10-21")
    #expect(doc.blocks.map(\.text) == ["Minutes"])
}

@Test func markdownBlockquoteAndKramdownAttributes() {
    let doc = read("> quoted **text**\n\n{: .draft_notice}\n\nafter\n")
    #expect(doc.blocks.map(\.text) == ["quoted text", "after"])
}

@Test func markdownDeepNestingDoesNotCrash() {
    let doc = read(String(repeating: "> ", count: 20_000) + "deep\n")
    #expect(doc.blocks.map(\.text) == ["deep"])
    let lists = read(String(repeating: "- ", count: 5_000) + "item\n")
    #expect(lists.blocks.last?.text == "item")
}

@Test func kramdownAttributeListsBecomeClasses() {
    let doc = MarkdownReader().read("> ***Resolution #4: close #261***\n{: #resolution4 .resolution}\n", baseURL: nil)
    let block = doc.blocks.first { $0.text.contains("close #261") }
    #expect(block?.text.contains("{:") == false)
    #expect(block?.classes == ["resolution"])
}
