import Foundation
import Testing
import CCmarkGFM
@testable import MinutesCore

/// `MarkdownNodeType(endOf:)` must tell the end of every node as the full `MarkdownNodeType(_:)` does,
/// for what the walker's `leave` looks at (an image, a type that separates text), on every node of
/// random Markdown with the extensions' nodes (tables, task items, strikethrough, autolinks).
@Suite("Markdown node ends")
struct MarkdownNodeEndTests {
    static let pieces = ["\n", "\n\n", " ", "word", "**Label:** ", "*em*", "`code`", "~~gone~~", "![alt](i.png)", "[link](/x)",
                         "https://example.org", "www.example.org", "> ", "- ", "1. ", "- [ ] ", "- [x] ", "[^1]", "\n[^1]: note\n",
                         "\n| a | b |\n| - | - |\n| c | d |\n", "| e | ![i](j.png) |\n", "```\ncode\n```\n", "<br>", "<div>\nhtml\n</div>\n",
                         "# ", "## ", "---\n", "    indented\n"]

    @Test("the end of every node is told as the full type tells it")
    func endsAgreeWithFullTypes() {
        var ends = 0
        forRandomTexts(of: Self.pieces, seed: 0xE4D, count: 3_000, maxPieces: { _ in 40 }) { text in
            guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES) else { return }
            defer { cmark_parser_free(parser) }
            for syntaxExtension in MarkdownReader.syntaxExtensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
            let root: OpaquePointer? = MarkdownCharacterTable.parsing {
                text.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
                return cmark_parser_finish(parser)
            }
            guard let root, let iterator = cmark_iter_new(root) else { return }
            defer { cmark_iter_free(iterator); cmark_node_free(root) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_EXIT, let node = cmark_iter_get_node(iterator) else { continue }
                let full = MarkdownNodeType(node), end = MarkdownNodeType(endOf: node)
                #expect(full == .image ? end == .image : end != .image)
                #expect(full.separatesText == end.separatesText)
                ends += 1
            }
        }
        #expect(ends > 10_000)
    }
}
