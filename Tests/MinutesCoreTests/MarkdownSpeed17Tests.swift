import Testing
@testable import MinutesCore

/// The Markdown reader's byte shortcuts must read as the rules they stand for.
@Suite("Markdown byte paths")
struct MarkdownSpeed17Tests {
    /// Pieces of random preambles: fences, fields, comments, JSON, title lines, and the white space and Unicode that
    /// behave differently on bytes and on characters.
    static let preamblePieces = ["---\n", "+++\n", "---", "+++", "...\n", " ...", "title: X\n", "date = \"2020\"\n", "a: 'b'\n",
                                 "<!--", "-->", "<!-->", "{\"name\": \"T\", \"date\": \"D\"}", "[{\"headline\": \"H\"}]", "{", "[",
                                 "% ", "%", "\n", "\n", " ", "  ", "\t", "-", "\u{B}", "\u{FEFF}", "\r\n", "é", "\u{301}",
                                 "\u{3000}", "\u{85}", "\u{A0}", "\u{600}", "# H", "text", "Ω"]

    /// `MarkdownPreamble.strip(utf8:into:)` answers as `strip(_:into:)` (same body, same title and metadata) wherever
    /// it answers, and answers for most texts.
    @Test func preambleStripOnBytesIsTheStripOnText() {
        // Most texts open as a preamble does, so that many have one to take off.
        let openings = ["", "---\n", "+++\n", "\u{FEFF}---\n", "---\ntitle: T\n", "<!--", " <!-- ", "<!--{\"name\": \"N\"}-->",
                        "% ", "\n% ", "---\nx: y\n---\n"]
        var generator = SplitMix64(seed: 1717)
        var answered = 0, stripped = 0, titled = 0
        for _ in 0..<30_000 {
            let text = generator.pick(openings) + generator.text(of: Self.preamblePieces, maxPieces: 12)
            var expected = BlockDocument()
            let body = MarkdownPreamble.strip(text, into: &expected)
            var document = BlockDocument()
            guard let start = Array(text.utf8).withUnsafeBufferPointer({ MarkdownPreamble.strip(utf8: $0, into: &document) }) else {
                continue
            }
            answered += 1
            if start > 0 { stripped += 1 }
            if document.title != nil { titled += 1 }
            #expect(Array(text.utf8.dropFirst(start)) == Array(body.utf8) && document == expected, "\(text.debugDescription)")
        }
        #expect(answered > 15_000 && stripped > 5_000 && titled > 1_000, "\(answered) answered, \(stripped) stripped, \(titled) titled")
    }

    /// A comment opening that also reads as its closing ("<!-->", "<!--->") is no JSON comment (it used to trap).
    @Test func commentOpeningThatClosesIsNoJSONComment() {
        for text in ["<!-->{\"name\": \"T\"}-->\n# H\n", "<!--->{\"name\": \"T\"}\n# H\n", "\n <!-->\n"] {
            let document = MarkdownReader().read(text, baseURL: nil)
            #expect(MarkdownReader().read(utf8: Array(text.utf8), baseURL: nil) == document)
            #expect(document.title != "T")
        }
    }
}

/// A long document read as bytes, whose pages are released section by section (`MarkdownReadPages`), reads as its text.
@Test func longDocumentReadAsBytesReadsAsItsText() {
    var text = "---\ntitle: Long\n---\n"
    for (name, corpus) in MarkdownSectionsTests.corpusMarkdown { text += "\n# \(name)\n\n" + corpus + "\n" }
    while text.utf8.count < 1 << 20 { text += text }
    let reader = MarkdownReader(sectionBytes: 16 << 10)
    #expect(reader.read(utf8: Array(text.utf8), baseURL: nil) == reader.read(text, baseURL: nil))
}
