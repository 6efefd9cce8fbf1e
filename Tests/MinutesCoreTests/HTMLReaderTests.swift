import Foundation
import Testing
@testable import MinutesCore

/// Reads `html` through the reader's `String` entry, checking that its byte entry (`read(utf8:)`, which the parser uses)
/// reads the same.
private func read(_ html: String, baseURL: String? = nil) -> BlockDocument {
    let document = HTMLReader().read(html, baseURL: baseURL)
    #expect(HTMLReader().read(utf8: Array(html.utf8), baseURL: baseURL) == document)
    return document
}

@Test func htmlByteEntryReadsTheCorpusAsTheStringEntry() throws {
    let files = FileManager.default.enumerator(at: repositoryRoot.appendingPathComponent("Corpus"), includingPropertiesForKeys: nil)?
        .compactMap { $0 as? URL }.filter { $0.pathExtension == "html" } ?? []
    #expect(files.count >= 10)
    for file in files {
        let decoded = try TextDecoder.decodeUTF8(Array(try Data(contentsOf: file)), path: file.path)
        let text = String(decoding: decoded.utf8, as: UTF8.self)
        #expect(HTMLReader().read(utf8: decoded.utf8, baseURL: nil) == HTMLReader().read(text, baseURL: nil), "\(file.lastPathComponent)")
    }
}

@Test func htmlHeadingsCarryTheirLevel() {
    let doc = read("<h1>Minutes</h1><h3>Topic: <em>budget</em></h3><h6>small</h6>")
    #expect(doc.blocks.map(\.kind) == [.heading, .heading, .heading])
    #expect(doc.blocks.map(\.level) == [1, 3, 6])
    #expect(doc.blocks[1].text == "Topic: budget")
}

@Test func htmlTitleAndMetaGoToDocument() {
    let doc = read("""
        <html><head><title>  WG  Telco &ndash; 07 May </title>
        <meta name="Date" content="2026-05-07"><meta name=viewport content="width=device-width"></head>
        <body><p>x</p></body></html>
        """)
    #expect(doc.title == "WG Telco – 07 May")
    #expect(doc.metadata["date"] == "2026-05-07")
    #expect(doc.metadata["viewport"] == "width=device-width")
    #expect(doc.blocks.map(\.text) == ["x"])
}

@Test func htmlWhiteSpaceIsFolded() {
    let doc = read("<p>  one\n\t two   <b>three</b>\n</p>")
    #expect(doc.blocks.map(\.text) == ["one two three"])
}

@Test func htmlSkipsScriptStyleFooterAndFormsAndMarksNav() {
    let doc = read("""
        <body><script>var x = 1;</script><style>p { color: red }</style>
        <nav><a href="/">Home</a></nav><div role="navigation">Menu</div>
        <p>kept</p><noscript>no js</noscript><form><p>field</p></form><button>Go</button>
        <template><p>tpl</p></template><footer>© 2026</footer></body>
        """)
    #expect(doc.blocks.filter { !$0.classes.contains("nav") }.map(\.text) == ["kept"])
    #expect(doc.blocks.filter { $0.classes.contains("nav") }.map(\.text) == ["Home"])
}

@Test func htmlImageOnlyNavLinkUsesAltText() {
    let doc = read(#"<nav id=links><a href="https://example.org/agenda"><img alt="Agenda." src="x.png"></a></nav>"#)
    #expect(doc.blocks.first?.links.first?.text == "Agenda.")
    #expect(doc.blocks.first?.classes.contains("nav") == true)
}

@Test func htmlListsHaveDepthOrderAndOwnText() {
    let doc = read("""
        <ul><li>Agenda
          <ol><li>First <b>topic</b></li><li>Second</li></ol>
        </li><li><p>Wrap-up</p></li></ul>
        """)
    #expect(doc.blocks.map(\.kind) == [.listItem, .listItem, .listItem, .listItem])
    #expect(doc.blocks.map(\.text) == ["Agenda", "First topic", "Second", "Wrap-up"])
    #expect(doc.blocks.map(\.level) == [0, 1, 1, 0])
    #expect(doc.blocks.map(\.ordered) == [false, true, true, false])
}

@Test func htmlTaskListCheckboxes() {
    let doc = read("""
        <ul class="contains-task-list">
        <li class="task-list-item"><input type="checkbox" disabled checked> Send minutes</li>
        <li class="task-list-item"><input type="checkbox" disabled> Book room</li>
        <li>Plain</li></ul>
        """)
    #expect(doc.blocks.map(\.checked) == [true, false, nil])
    #expect(doc.blocks[0].text == "Send minutes")
}

@Test func htmlTableRowsHaveCellsAndHeader() {
    let doc = read("""
        <table><tr><th>Name</th><th>Role</th></tr>
        <tr><td><p>Ann</p><p>Lee</p></td><td>Chair</td></tr></table>
        """)
    #expect(doc.blocks.count == 2)
    #expect(doc.blocks[0].kind == .tableRow)
    #expect(doc.blocks[0].isHeader)
    #expect(doc.blocks[0].cells == ["Name", "Role"])
    #expect(!doc.blocks[1].isHeader)
    #expect(doc.blocks[1].cells == ["Ann Lee", "Chair"])
}

@Test func htmlTheadRowIsHeader() {
    let doc = read("<table><thead><tr><td>A</td></tr></thead><tbody><tr><td>1</td></tr></tbody></table>")
    #expect(doc.blocks.map(\.isHeader) == [true, false])
}

@Test func htmlDefinitionListsGiveTermsAndDefinitions() {
    let doc = read("""
        <div class="intro"><dl><dt>Present</dt><dd>Ann, Bob</dd><dt>Chair</dt><dd>Cy</dd></dl></div>
        """)
    #expect(doc.blocks.map(\.kind) == [.term, .definition, .term, .definition])
    #expect(doc.blocks.map(\.text) == ["Present", "Ann, Bob", "Chair", "Cy"])
    #expect(doc.blocks.allSatisfy { $0.classes.contains("intro") })
}

@Test func htmlPreKeepsNewlines() {
    let doc = read("<pre>\nline one\n  indented <b>bold</b>\n</pre><p>after</p>")
    #expect(doc.blocks.first?.kind == .preformatted)
    #expect(doc.blocks.first?.text == "line one\n  indented bold")
}

@Test func htmlBlockquoteGivesParagraphs() {
    let doc = read("<blockquote><p>One</p><p>Two</p></blockquote>")
    #expect(doc.blocks.map(\.kind) == [.paragraph, .paragraph])
    #expect(doc.blocks.map(\.text) == ["One", "Two"])
}

@Test func htmlBreaksSplitParagraphsIntoLines() {
    let doc = read("<p class='phone'><cite>ann:</cite> first point <br>\n... second <a href='http://x.org/'>point</a></p>")
    #expect(doc.blocks.map(\.text) == ["ann: first point", "... second point"])
    #expect(doc.blocks[0].links.isEmpty)
    #expect(doc.blocks[1].links == [Link(text: "point", href: "http://x.org/")])
    #expect(doc.blocks[1].classes == ["phone"])
}

@Test func htmlBreakInHeadingBecomesSpace() {
    let doc = read("<h1>&ndash; DRAFT &ndash;<br>\nGroup Telco</h1>")
    #expect(doc.blocks.map(\.text) == ["– DRAFT – Group Telco"])
}

@Test func htmlClassesIncludeAncestorsAndIds() {
    let doc = read("""
        <body><section id="ResolutionSummary"><div class="A b"><p id="r1" class="Resolution">RESOLUTION: ship it</p></div></section></body>
        """)
    #expect(doc.blocks.count == 1)
    #expect(doc.blocks[0].classes == ["resolution", "r1", "a", "b", "resolutionsummary"])
}

@Test func htmlInlineClassesMarkTheirBlock() {
    let doc = read("<p class='irc'>\n<strong class='resolution' id='resolution01'>RESOLUTION: merge PR 106</strong>\n</p>")
    #expect(doc.blocks.first?.text == "RESOLUTION: merge PR 106")
    #expect(doc.blocks.first?.classes == ["irc", "resolution"])
}

@Test func htmlNestedDivsYieldInnerBlocksOnly() {
    let doc = read("<div id='prelims'>Intro text <p>Para one</p> tail text<div><p>Para two</p></div></div>")
    #expect(doc.blocks.map(\.text) == ["Intro text", "Para one", "tail text", "Para two"])
    #expect(doc.blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph, .paragraph])
    #expect(doc.blocks[0].classes == ["prelims"])
}

@Test func htmlDetailsAndSummaryAreText() {
    let doc = read("<details><summary>Decisions</summary><p>We agreed.</p>Loose</details>")
    #expect(doc.blocks.map(\.text) == ["Decisions", "We agreed.", "Loose"])
}

@Test func htmlLinksResolveAgainstBaseURL() {
    let html = "<p><a href='/2026/05/07-pmwg-irc'>log</a> <a href='#item01'>topic</a> <a href='https://a.org/x'>abs</a></p>"
    let doc = read(html, baseURL: "https://www.w3.org/2026/05/07-pmwg-minutes.html")
    #expect(doc.blocks.first?.text == "log topic abs")
    #expect(doc.blocks.first?.links == [
        Link(text: "log", href: "https://www.w3.org/2026/05/07-pmwg-irc"),
        Link(text: "topic", href: "#item01"),
        Link(text: "abs", href: "https://a.org/x"),
    ])
}

@Test func htmlLinksUseBaseElementWhenNoBaseURL() {
    let doc = read("<html><head><base href='https://example.org/minutes/'></head><body><p><a href='agenda.html'>agenda</a></p></body></html>")
    #expect(doc.blocks.first?.links.first?.href == "https://example.org/minutes/agenda.html")
}

@Test func htmlRelativeLinksStayWithoutAnyBase() {
    let doc = read("<p><a href='../agenda.html'>agenda</a></p>")
    #expect(doc.blocks.first?.links.first == Link(text: "agenda", href: "../agenda.html"))
}

@Test func htmlImageLinkUsesAltText() {
    let doc = read("<p>See <a href='http://x.org/agenda'><img alt='Agenda.' src='a.png'></a></p>")
    #expect(doc.blocks.first?.links.first == Link(text: "Agenda.", href: "http://x.org/agenda"))
}

@Test func htmlDeepNestingDoesNotCrash() {
    let depth = 20_000
    let html = "<p>before</p>" + String(repeating: "<div>", count: depth) + "deep text"
        + String(repeating: "</div>", count: depth)
    let doc = read(html)
    // libxml2 without XML_PARSE_HUGE keeps 256 levels; the reader survives and says what was lost.
    #expect(doc.blocks.first?.text == "before")
    #expect(doc.warnings.contains { $0.contains("256") })
    #expect(read("<p>fine</p>").warnings.isEmpty)
}

@Test func htmlEmptyInputGivesNoBlocks() {
    #expect(read("").blocks.isEmpty)
    #expect(read("   \n").blocks.isEmpty)
}

// The SAX reader must see what the walk over libxml2's tree saw; these pin the tree builder's odd corners.

@Test func htmlElementsAfterTheRootAreReadWhenTheRootCameFirst() {
    // libxml2's tree builder hangs an element that starts after </html> into the root, unless a
    // comment, processing instruction or DOCTYPE is the document's first node.
    #expect(read("<p>x</p></html><p>after</p>").blocks.map(\.text) == ["x", "after"])
    #expect(read("<!-- c --><p>x</p></html><p>after</p>").blocks.map(\.text) == ["x"])
    #expect(read("<!DOCTYPE html><p>x</p></html><p>after</p>").blocks.map(\.text) == ["x"])
}

@Test func htmlPrefixedNamesAreReadByTheirLocalName() {
    // Word's <o:p> is a paragraph to libxml2's tree.
    let doc = read("<div><o:p>one</o:p><o:p>two</o:p></div>")
    #expect(doc.blocks.map(\.kind) == [.paragraph, .paragraph])
    #expect(doc.blocks.map(\.text) == ["one", "two"])
}

@Test func htmlDepthLimitIsTheTreeBuilders() {
    // html, body and 254 divs leave room for the 257th element; one div more and it is dropped.
    let kept = read(String(repeating: "<div>", count: 254) + "<p>deep</p>")
    #expect(kept.blocks.map(\.text) == ["deep"])
    #expect(kept.warnings.isEmpty)
    let dropped = read(String(repeating: "<div>", count: 255) + "<p>deep</p>")
    #expect(dropped.blocks.isEmpty)
    #expect(dropped.warnings.contains { $0.contains("256") })
}

@Test func htmlTitleCollectsAllItsText() {
    let doc = read("<html><head><title>A <b>bold</b> title</title><title>Second</title></head><body><p>x</p></body></html>")
    #expect(doc.title == "A bold title")
}

@Test func htmlByteOrderMarkAndNULBytesReadAsBefore() {
    #expect(read("\u{FEFF}<p>x</p>").blocks.map(\.text) == ["x"])
    // libxml2 reads a NUL byte as a space (such input takes htmlCtxtReadMemory, which copies it).
    #expect(read("<p>a\u{0}b</p>").blocks.map(\.text) == ["a b"])
}
