import Foundation
import Testing
@testable import MinutesCore

/// Long Markdown is parsed in sections (`MarkdownSections`); the blocks must be those of one parse.
@Suite struct MarkdownSectionsTests {
    /// Reads `text` whole and cut at every place allowed (sections of at least one byte).
    static func wholeAndCut(_ text: String) -> (whole: BlockDocument, cut: BlockDocument) {
        (MarkdownReader(sectionBytes: .max).read(text, baseURL: nil), MarkdownReader(sectionBytes: 1).read(text, baseURL: nil))
    }

    /// The corpus's Markdown files, read as text.
    static var corpusMarkdown: [(name: String, text: String)] {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus")
        let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }
            .sorted { $0.path < $1.path } ?? []
        return files.compactMap { file in (try? String(contentsOf: file, encoding: .utf8)).map { (file.lastPathComponent, $0) } }
    }

    /// Where two readings first differ, briefly (the documents themselves are too long to print).
    static func firstDifference(_ a: BlockDocument, _ b: BlockDocument) -> String {
        guard let index = a.blocks.indices.first(where: { $0 < b.blocks.count && a.blocks[$0] != b.blocks[$0] }) else {
            return "blocks \(a.blocks.count) vs \(b.blocks.count); title \(a.title ?? "-") vs \(b.title ?? "-")"
        }
        func show(_ blocks: [Block]) -> String {
            blocks[max(0, index - 2)..<min(blocks.count, index + 2)].map { "\($0.kind) \($0.text.prefix(80))" }.joined(separator: " | ")
        }
        return "block \(index): \(show(a.blocks)) ≠ \(show(b.blocks))"
    }

    @Test func cutsBeforeHeadingsAfterBlankLines() {
        let text = "# One\n\ntext\n\n## Two\n- item\n# Not cut: no blank line before\n\n####### seven hashes\n\n#tag\n\n### Three\n"
        let sections = MarkdownSections.split(text[...], targetBytes: 1).sections
        #expect(sections.map { String($0.prefix { $0 != "\n" }) } == ["# One", "## Two", "### Three"])
        #expect(sections.joined() == text)
    }

    @Test func shortTextIsOneSection() {
        let text = "# One\n\ntext\n\n# Two\n"
        #expect(MarkdownSections.split(text[...], targetBytes: text.utf8.count).sections.count == 1)
    }

    @Test func neverCutsInsideFencesOrLongHTMLBlocks() {
        let fenced = "# A\n\n```\ncode\n\n# comment in code\n```\n\n# B\n"
        #expect(MarkdownSections.split(fenced[...], targetBytes: 1).sections.map { $0.prefix(3) } == ["# A", "# B"])
        let tildes = "# A\n\n~~~~\n~~~\n\n# still code\n~~~~\n\n# B\n"
        #expect(MarkdownSections.split(tildes[...], targetBytes: 1).sections.count == 2)
        let comment = "# A\n\n<!--\n\n# hidden\n-->\n\n# B\n"
        #expect(MarkdownSections.split(comment[...], targetBytes: 1).sections.map { $0.prefix(3) } == ["# A", "# B"])
        let pre = "# A\n\n<PRE>\n\n# shown as is\n</pre>\n\n# B\n"
        #expect(MarkdownSections.split(pre[...], targetBytes: 1).sections.count == 2)
        let oneLine = "# A\n\n<!-- note -->\n\n# B\n"
        #expect(MarkdownSections.split(oneLine[...], targetBytes: 1).sections.count == 2)
    }

    @Test func textsTheScanCannotFollowStayWhole() {
        for text in [
            "# A\n\n- item\n  ```\n  code\n\n# B\n",          // a fence that may belong to a list item
            "# A\n\n<div>\n```\n</div>\n\n# B\n",             // a fence right after HTML
            "# A\n\n  <!--\n\n# B\n-->\n",                    // an indented comment
            "# A\n\n<textarea>\n\n# B\n</textarea>\n",        // a block only some CommonMark versions know
            "# A\n\nSee [x].\n\n# B\n\n[x]: /a \"title\"\n",  // a definition with a title
            "# A\n\n- [x]: /a\n\n# B\n",                      // a definition in a list item
            "# A\n\n[^1]: a note\n\n# B\n",                   // a footnote
            "# A\n\n[x]: /a\n\n# B\n\n[x]: /b\n",             // a label defined twice differently
            "# A\n\ntext\n[x]: /a\n\n# B\n",                  // not a definition: it continues a paragraph
            "# A\n\n[x]: /a\n\n# B\n\n```\nopen at the end\n", // definitions would land in the open fence
        ] {
            #expect(MarkdownSections.split(text[...], targetBytes: 1).sections.count == 1, Comment(rawValue: text.debugDescription))
        }
    }

    @Test func definitionsAreParsedAfterEverySection() {
        let text = "# A\n\nSee [the spec][s] and [img].\n\n# B\n\n[s]: https://example.org/spec\n[img]: <data:image/png;base64,AAAA>\n[s]: https://example.org/spec\n"
        let split = MarkdownSections.split(text[...], targetBytes: 1)
        #expect(split.sections.count == 2)
        #expect(split.definitions == "\n\n[s]: https://example.org/spec\n[img]: <data:image/png;base64,AAAA>\n")
        let (whole, cut) = Self.wholeAndCut(text)
        #expect(cut == whole)
        #expect(cut.blocks.first { $0.kind == .paragraph }?.links.map(\.href) == ["https://example.org/spec", "data:image/png;base64,AAAA"])
    }

    @Test func everyCorpusFileReadsAlikeWholeOrCut() {
        let files = Self.corpusMarkdown
        #expect(files.count >= 20)
        var cutFiles = 0
        for (name, text) in files {
            let (whole, cut) = Self.wholeAndCut(text)
            #expect(cut == whole, Comment(rawValue: name))
            if MarkdownSections.split(text[...], targetBytes: 1).sections.count > 1 { cutFiles += 1 }
        }
        // Most files are cut somewhere, so the comparison is not empty.
        #expect(cutFiles * 2 > files.count)
    }

    @Test func theCorpusJoinedInOneFileReadsAlikeWholeOrCut() {
        // Files joined as one long text (the memory benchmark's input), repeated so labels recur alike.
        let joined = String(repeating: Self.corpusMarkdown.map(\.text).joined(separator: "\n"), count: 2)
        let (whole, cut) = Self.wholeAndCut(joined)
        #expect(cut == whole, Comment(rawValue: Self.firstDifference(whole, cut)))
        #expect(MarkdownSections.split(joined[...], targetBytes: 64 << 10).sections.count > 1)
    }
}

/// cmark-gfm keeps the extensions' special characters in a process-wide table while a parser
/// finishes; parses on several threads (as `minutes ingest` runs them) must read alike anyway.
@Test func markdownReadsAlikeOnSeveralThreadsAtOnce() {
    MarkdownThreadTests.expectReadAlikeOnEveryThread(MarkdownSectionsTests.corpusMarkdown.map(\.text))
}
