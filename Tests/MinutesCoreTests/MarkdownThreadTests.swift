import Foundation
import Testing
@testable import MinutesCore

/// cmark-gfm keeps the extensions' inline trigger characters in a process-wide table; the reader pins
/// them (`MarkdownReader.syntaxExtensions`) so parsers on several threads never see them missing.
@Suite("Markdown on several threads")
struct MarkdownThreadTests {
    /// A document whose inlines need the extensions' trigger characters: bare `www.` and `https:`
    /// autolinks and strikethrough, in paragraphs and in table rows (parsed while text is fed).
    static func document(_ number: Int) -> String {
        (0..<40).map { row in
            """
            ## Topic \(number)-\(row)

            See www.example\(row).org/notes and ~~old \(row)~~ new, mail chair\(row)@example.org.

            | item | link |
            | --- | --- |
            | \(row) ~~draft~~ | https://example.org/\(number)/\(row) and www.w3.org/TR/x\(row) |

            """
        }.joined(separator: "\n")
    }

    @Test func extensionsWorkOnOneThread() throws {
        let blocks = MarkdownReader().read(Self.document(1), baseURL: nil).blocks
        let paragraph = try #require(blocks.first { $0.text.hasPrefix("See www.example0.org") })
        #expect(!paragraph.text.contains("~~"))
        #expect(paragraph.links.map(\.href).contains("http://www.example0.org/notes"))
        let row = try #require(blocks.first { $0.cells.first == "0 draft" })
        #expect(row.links.map(\.href) == ["https://example.org/1/0", "http://www.w3.org/TR/x0"])
    }

    @Test func parsersOnEveryThreadReadAsOneThreadDoes() async {
        let texts = (0..<16).map(Self.document)
        let expected = texts.map { MarkdownReader().read($0, baseURL: nil) }
        for _ in 0..<4 {
            let read = await withTaskGroup(of: (Int, BlockDocument).self) { group in
                for (index, text) in texts.enumerated() {
                    group.addTask { (index, MarkdownReader().read(text, baseURL: nil)) }
                }
                var read = [BlockDocument?](repeating: nil, count: texts.count)
                for await (index, document) in group { read[index] = document }
                return read
            }
            #expect(read == expected)
        }
    }
}
