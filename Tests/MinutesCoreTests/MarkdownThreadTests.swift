import Foundation
import Synchronization
import Testing
@testable import MinutesCore

/// cmark-gfm keeps the extensions' inline trigger characters in a process-wide table and takes them out after
/// every inline pass; `MarkdownCharacterTable` keeps them in (or, where it cannot, parses one document at a
/// time), so parsers on several threads never see them missing.
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

    static let pieces = ["\n", "\n\n", " ", "word", "**Label:** ", "~~gone~~", "~one~", "https://example.org/a", "www.example.org",
                         "mail@example.org", "a:b", "- ", "- [ ] ", "- [x] ", "\n| a | www.example.com |\n| - | - |\n| ~~c~~ | d |\n",
                         "# ", "[link](/x)", "`code`", "*em*"]

    #if os(Linux)
    /// Without the lock only when cmark-gfm calls the override: a dynamically linked cmark-gfm does.
    @Test func tableIsKeptWholeSoParsesNeedNoLock() {
        #expect(MarkdownCharacterTable.isKeptWhole)
    }
    #endif

    /// Reads each of `texts` four times on every core at once and expects every read to equal the text's read on one
    /// thread; returns those reads.
    @discardableResult
    static func expectReadAlikeOnEveryThread(_ texts: [String]) -> [BlockDocument] {
        let expected = texts.map { MarkdownReader().read($0, baseURL: nil) }
        let differing = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: texts.count * 4) { index in
            if MarkdownReader().read(texts[index % texts.count], baseURL: nil) != expected[index % texts.count] {
                differing.withLock { $0.append(index % texts.count) }
            }
        }
        #expect(differing.withLock { $0 }.isEmpty)
        return expected
    }

    /// Random documents of autolinks, strikethrough and table rows, each read four times on every core.
    /// (With the characters taken out after each pass and no lock, this fails in every run.)
    @Test func randomDocumentsReadOnEveryThreadAsOnOne() {
        var texts: [String] = []
        forRandomTexts(of: Self.pieces, seed: 0xC4A7, count: 400, maxPieces: { _ in 60 }) { texts.append($0) }
        let expected = Self.expectReadAlikeOnEveryThread(texts)
        #expect(expected.contains { document in document.blocks.contains { !$0.links.isEmpty } })
    }

    @Test func extensionsWorkOnOneThread() throws {
        let blocks = MarkdownReader().read(Self.document(1), baseURL: nil).blocks
        let paragraph = try #require(blocks.first { $0.text.hasPrefix("See www.example0.org") })
        #expect(!paragraph.text.contains("~~"))
        #expect(paragraph.links.map(\.href).contains("http://www.example0.org/notes"))
        let row = try #require(blocks.first { $0.cells.first == "0 draft" })
        #expect(row.links.map(\.href) == ["https://example.org/1/0", "http://www.w3.org/TR/x0"])
    }

    @Test func parsersOnEveryThreadReadAsOneThreadDoes() {
        Self.expectReadAlikeOnEveryThread((0..<16).map(Self.document))
    }
}
