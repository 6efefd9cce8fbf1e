import Foundation
import Testing
@testable import MinutesCore

/// The link rules read on an address's bytes taken apart once (`LinkAddress`) answer as the same rules on part strings
/// (`isJoinOrChatLinkByParts`, `isDocumentLinkByParts`), on random addresses made of the pieces each rule looks at, in
/// either case, with white space, line terminators, trailing punctuation and non-ASCII characters (which the byte path
/// leaves to the rules by parts).
@Suite("Related documents link addresses")
struct RelatedDocumentLinkAddressTests {
    /// Pieces of addresses: schemes, hosts and paths each rule looks for, fragments, queries and separators.
    static let addressPieces = ["http://", "https://", "HTTP://", "Https://", "www.", "WWW.", "chat.", "calendar.", "slack.com", "gitter.im",
                                "discord.gg", "matrix.to", "meet.google.com", "meet.jit.si", "teams.microsoft.com", "timeanddate.com",
                                "bit.ly", "t.co", "j.mp", "list-manage.com", "eventbrite.com", "zoom.us", "Zoom", "webex.com",
                                "github.com", "GitHub.com", "x.com", "linkedin.com", "fonts.", "w3.org", "docs.google.com",
                                "/", "//", "/j/", "/meeting", "/my/", "/meet", "/j.php", "/join", "/calendar", "/track/click", "/track/users",
                                "/accounts/request", "/milestone/", "/milestones/", "/icons/", "/in/", "/bio", "about-me", "/profile",
                                "/issues", "/pulls", "/discussions", "/labels/", "/g/", "/channel/", "/@", "cvsweb/2002/scribe",
                                "/tracker/irc", "antitrust", "code-of-conduct", "-actions.rdf", "scribedoc", "a", "b", "12", "7",
                                "#", "#t12-34", "#chat", "t", "-", "?", "q=1", ".pdf", ".PDF", ".md", ".css", ".woff2", ".png", ".svg",
                                ".", ",", ";", ":", ")", "(", " ", "\t", "\n", "\r", "mailto:", "javascript:", "tel:", "é", "K", "\u{212A}"]
    /// Pieces of link texts.
    static let textPieces = ["chat", "Chat", "join ", "Join", " ", ".", ":", "the call", "scribe.perl", "Scribe.Perl", "x", "é"]

    @Test func linkRulesOnBytesAreTheRulesByParts() {
        var generator = SplitMix64(seed: 1501)
        for round in 0..<40_000 {
            let href = generator.text(of: Self.addressPieces, maxPieces: round % 4 == 0 ? 4 : 9)
            let text = generator.text(of: Self.textPieces, maxPieces: 4)
            let link = Link(text: text, href: href)
            let isJoinOrChat = RelatedDocumentExtractor.isJoinOrChatLinkByParts(link, parts: nil)
            #expect(RelatedDocumentExtractor.isJoinOrChatLink(link) == isJoinOrChat, "\(Array(href.unicodeScalars)) \(text)")
            for labelled in [false, true] {
                #expect(RelatedDocumentExtractor.isDocumentLink(link, labelled: labelled)
                            == RelatedDocumentExtractor.isDocumentLinkByParts(link, labelled: labelled),
                        "\(Array(href.unicodeScalars)) \(text) \(labelled)")
            }
            let parts = RelatedDocumentExtractor.sharedParts(of: link)
            let expected: RelatedDocumentExtractor.SharedLinkVerdict = RelatedDocumentExtractor.isJoinOrChatLinkByParts(link, parts: parts)
                ? .joinOrChat
                : RelatedDocumentExtractor.isDocumentLinkByParts(link, labelled: false, isJoinOrChat: false, parts: parts) ? .document : .other
            #expect(RelatedDocumentExtractor.sharedLinkVerdict(link) == expected, "\(Array(href.unicodeScalars)) \(text)")
        }
    }

    /// Pieces of labels and titles: labels of both lists in either case, marks, the words of self links, non-ASCII.
    static let labelPieces = ["Present", "ATTENDEES", "chair", "Members", " present", "Related", " documents", "See also", "references",
                              "Further reading", ":", "*", "#", " ", "  ", "_", "x", "s", "Minutes", "MINUTES", "this page", "Permalink",
                              "persistent ID", "this document", "current", "these", "scribe", ".perl", "Scribe.PERL", "é", "\u{212A}",
                              "\u{301}", "\r", "İ"]

    @Test func labelListsOnBytesAreTheSetLookups() {
        forRandomTexts(of: Self.labelPieces, seed: 1502, maxPieces: { $0 % 2 == 0 ? 4 : 7 }) { text in
            let key = RelatedDocumentExtractor.labelKey(text)
            let expected: RelatedDocumentExtractor.LabelList? = key.map(RelatedDocumentExtractor.peopleLabels.contains) == true ? .people
                : key.map(RelatedDocumentExtractor.sectionLabels.contains) == true ? .documents : nil
            #expect(RelatedDocumentExtractor.labelList(text) == expected, "\(Array(text.unicodeScalars))")
        }
        #expect(RelatedDocumentExtractor.labelList("## Related Documents:") == .documents)
        #expect(RelatedDocumentExtractor.labelList("*Present*") == .people)
    }

    @Test func titleShortcutsAnswerAsTheRules() {
        forRandomTexts(of: Self.labelPieces, seed: 1503, maxPieces: { _ in 7 }) { text in
            #expect(RelatedDocumentExtractor.namesScribeTool(text) == (text.holdsByte(UInt8(ascii: "."))
                        && text.lowercasedUnlessLower.containsASCII("scribe.perl")), "\(Array(text.unicodeScalars))")
            for url in ["https://example.org/meetings", "https://example.org/minutes/2024"]
            where !RelatedDocumentExtractor.mayNameSelfOrIndex(text) {
                #expect(!RelatedDocumentExtractor.isSelfOrIndexLinkRule(title: text, url: url), "\(Array(text.unicodeScalars))")
            }
        }
        #expect(RelatedDocumentExtractor.isSelfOrIndexLink(title: "Meeting Minutes", url: "https://example.org/meetings"))
        #expect(RelatedDocumentExtractor.isSelfOrIndexLink(title: "Permalink", url: "https://example.org/x"))
    }

    @Test func innerSpacesAreInsideTheTrimmedFileName() {
        let pieces = ["a", "b.pdf", " ", ".", "  ", "é", "\u{301}", "\u{600}", "\r", "\n", "report", ".txt", "x y"]
        forRandomTexts(of: pieces, seed: 1504, maxPieces: { _ in 8 }) { text in
            if RelatedDocumentExtractor.holdsInnerSpace(text) {
                #expect(text.trimmed(.fileNameEnds).containsASCII(" "), "\(Array(text.unicodeScalars))")
            }
        }
        // Addresses cleaned with the parentheses counted only at a closing one: as counted up front.
        forRandomTexts(of: Self.addressPieces + ["((", "))", "x)", "(y)"], seed: 1505, maxPieces: { _ in 8 }) { address in
            let bytes = Array(address.utf8)
            var start = 0, end = bytes.count
            let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A }
            while start < end, isBlank(bytes[start]) { start += 1 }
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            let opened = bytes[start..<end].filter { $0 == UInt8(ascii: "(") }.count
            var closed = bytes[start..<end].filter { $0 == UInt8(ascii: ")") }.count
            trailing: while end > start {
                switch bytes[end - 1] {
                case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"): end -= 1
                case UInt8(ascii: ")") where opened < closed: end -= 1; closed -= 1
                default: break trailing
                }
            }
            #expect(RelatedDocumentExtractor.cleanedRange(of: bytes) == start..<end, "\(Array(address.unicodeScalars))")
        }
    }

    @Test func knownAddresses() {
        let join = ["https://zoom.us/j/123", "https://meet.google.com", "https://x.org/a#joining-chat", "https://bit.ly",
                    "https://github.com/w3c/x/milestone/3"]
        for href in join { #expect(RelatedDocumentExtractor.isJoinOrChatLink(Link(text: "x", href: href)), "\(href)") }
        let documents = ["https://www.w3.org/TR/x/", "https://github.com/w3c/x/issues/12", "report.pdf"]
        for href in documents { #expect(RelatedDocumentExtractor.isDocumentLink(Link(text: "x", href: href), labelled: false), "\(href)") }
        let others = ["https://github.com/w3c/x/issues", "https://github.com/someone", "https://www.w3.org/", "style.css", "#top"]
        for href in others { #expect(!RelatedDocumentExtractor.isDocumentLink(Link(text: "x", href: href), labelled: false), "\(href)") }
    }
}
