import Foundation
import Testing
@testable import MinutesCore

/// The byte-level pre-checks and byte paths of the findings, dates, board, link and related-documents rules must answer
/// exactly as the rules they stand before (a pre-check may only refuse texts the rule refuses), on random texts around
/// combining marks, prepended marks, CR LF, KELVIN SIGN, dotted capital I and other non-ASCII.
@Suite("Findings, dates and links byte checks")
struct FindingByteCheckTests {
    /// Pieces that random texts are made of: what the rules look at, and the Unicode that behaves differently on bytes.
    static let pieces = [" ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{1C}", "\u{A0}", "\u{2009}", ",", ".", "/", "-", "*", "_", "(", ")",
                         "[", "]", "<", ">", "\"", "'", ":", "@", "$", "#", "1", "3", "12", "31", "2019", "2024", "1999", "20", "19",
                         "٣", "２", "st", "th", "of", "Jan", "JAN", "january", "March", "Sept", "mar", "Dec", "Summary",
                         "RESOLVED", "Resolved", "NOW", "THEREFORE", "BE IT", "FURTHER", "that", "That", "THAT", "t",
                         "agreed", "Agreed to ", "we ", "decided", "consensus", "group ", "minutes", "Minutes ", "manually created",
                         "formatted by", "david booth", "[end of minutes]", "$date", "http", "https://", "://", "www.", "w", "h",
                         "example.org", "nav", "menu", "toc", "header",
                         "\u{301}", "é", "e\u{301}", "\u{600}", "ß", "👩‍💻", "K", "\u{212A}", "İ", "–", "—", "’", "Z"]

    /// A random text of up to `maxPieces` pieces.
    static func randomText(_ generator: inout SplitMix64, maxPieces: UInt64 = 16) -> String {
        generator.text(of: pieces, maxPieces: maxPieces)
    }

    /// Runs `body` on many random texts.
    static func forRandomTexts(seed: UInt64, count: Int = 20_000, _ body: (String) -> Void) {
        MinutesCoreTests.forRandomTexts(of: pieces, seed: seed, count: count, maxPieces: { _ in 16 }, body)
    }

    @Test func datesFoundWithThePossiblePatternsAreTheDatesOfAllFour() {
        Self.forRandomTexts(seed: 101) { text in
            #expect(DateExtractor.firstDate(in: text) == DateExtractor.firstDate(in: text, trying: .all), "\(Array(text.unicodeScalars))")
        }
        for text in ["24 January 2014", "Thursday, 24 Jan. 2014", "January 24, 2014", "2014-01-24", "2019.03.01", "24/01/2014",
                     "1st of\u{A0}March 2020", "Minutes 2024-03-01 (Summary)", "2019"] {
            #expect(DateExtractor.firstDate(in: text) == DateExtractor.firstDate(in: text, trying: .all), "\(text)")
        }
        #expect(DateExtractor.firstDate(in: "Minutes 2024-03-01") == "2024-03-01")
        #expect(DatePatterns.possible(in: "Minutes 2024-03-01") == .iso)
    }

    @Test func resolutionsRefusedOnBytesDoNotMatchTheClausePattern() {
        Self.forRandomTexts(seed: 102) { text in
            for candidate in [text, "RESOLVED" + text, "NOW, THEREFORE, BE IT RESOLVED" + text] where !BoardRules.mayOpenResolvedClause(candidate) {
                let range = NSRange(location: 0, length: (candidate as NSString).length)
                #expect(BoardRules.resolved.firstMatch(in: candidate, range: range) == nil, "\(Array(candidate.unicodeScalars))")
            }
        }
        #expect(BoardRules.mayOpenResolvedClause("BE IT FURTHER RESOLVED, that Y be appointed"))
        #expect(!BoardRules.mayOpenResolvedClause("RESOLVED: the group agreed"))
    }

    @Test func generatorNotesAndSummaryAgreementsAreTheRulesAsWritten() {
        Self.forRandomTexts(seed: 103) { text in
            #expect(FindingExtractor.isGeneratorNote(text) == FindingExtractor.isGeneratorNoteByWords(text), "\(Array(text.unicodeScalars))")
            for summary in [text, "Agreed to publish " + text, "- we agreed " + text + "\u{301}", "* consensus that" + text, "decided to\u{301}" + text] {
                #expect(FindingExtractor.summaryRecordsAgreement(summary) == FindingExtractor.summaryRecordsAgreementByCharacters(summary),
                        "\(Array(summary.unicodeScalars))")
            }
        }
        #expect(FindingExtractor.isGeneratorNote("Minutes formatted by scribe.perl"))
        #expect(FindingExtractor.summaryRecordsAgreement("- Agreed to publish the note"))
        #expect(!FindingExtractor.summaryRecordsAgreement("agreed to"))
    }

    /// `LinkScanner.links(in:)` as it was written: every token that `mayBeAddress`, trimmed of `linkEnds`.
    static func linksByTokens(_ text: String) -> [Link] {
        guard text.holdsBytes("http") || text.holdsBytes("www.") else { return [] }
        var links: [Link] = []
        var seen = Set<String>()
        for token in LinkScanner.tokens(of: text) where LinkScanner.mayBeAddress(token) {
            var candidate = token.trimmed(.linkEnds)
            if candidate.hasPrefix("www.") { candidate = "https://" + candidate }
            guard candidate.hasPrefix("http://") || candidate.hasPrefix("https://"), candidate.count > 10,
                  seen.insert(candidate).inserted else { continue }
            links.append(Link(text: candidate, href: candidate))
        }
        return links
    }

    @Test func linksFoundOnBytesAreTheLinksOfTheTokens() {
        Self.forRandomTexts(seed: 104) { text in
            #expect(LinkScanner.links(in: text) == Self.linksByTokens(text), "\(Array(text.unicodeScalars))")
        }
        for text in ["see (https://example.org/a) and www.example.com.", "voir «https://example.org/é» et \"https://example.org/b\"",
                     "[https://example.org/x]: and http://example.org/y, 'www.example.net'", "http://a.b\u{301}/c www.example.org"] {
            #expect(LinkScanner.links(in: text) == Self.linksByTokens(text), "\(text)")
        }
    }

    @Test func webSchemeOnBytesIsTheLowerCasedPrefix() {
        Self.forRandomTexts(seed: 106) { text in
            for href in [text, "HTTPS://" + text, "http://" + text, "Http:/" + text, "https:" + text] {
                let lower = href.lowercased()
                #expect(RelatedDocumentExtractor.opensWithWebScheme(href) == (lower.hasPrefixASCII("http://") || lower.hasPrefixASCII("https://")),
                        "\(Array(href.unicodeScalars))")
            }
        }
    }

    @Test func navigationKnownFromTheRunningTextsIsNavigationOfEachBlock() {
        var generator = SplitMix64(seed: 107)
        let classes = [[], ["nav"], ["menu", "x"], ["content"], ["toc"], ["irc"]]
        for _ in 0..<500 {
            let count = Int(generator.next() % 12)
            let blocks = (0..<count).map { _ in
                Block(.paragraph, "see https://example.org/a" + Self.randomText(&generator, maxPieces: 4),
                      links: [Link(text: "a", href: "https://example.org/a")], classes: classes[Int(generator.next() % UInt64(classes.count))])
            }
            let running = RunningTexts(blocks)
            var cursor = 0
            for (index, block) in blocks.enumerated() {
                #expect(running.isNavigation(at: index, cursor: &cursor) == RelatedDocumentExtractor.isNavigation(block))
            }
            let document = BlockDocument(blocks: blocks)
            #expect(RelatedDocumentExtractor.extract(from: document, running: running) == RelatedDocumentExtractor.extract(from: document))
            #expect(Array(running) == blocks.filter { !RelatedDocumentExtractor.isNavigation($0) }.map(\.text))
        }
    }

    @Test func navigationClassesComparedOnBytesAreTheNames() {
        let names: Set<String> = ["nav", "navbar", "navigation", "menu", "footer", "toc", "breadcrumb", "sidebar", "header", "cookie"]
        Self.forRandomTexts(seed: 105) { text in
            for token in [text, "nav" + text, text + "menu"] {
                #expect(RelatedDocumentExtractor.isNavigationClass(token) == names.contains(token), "\(Array(token.unicodeScalars))")
            }
        }
        for name in names { #expect(RelatedDocumentExtractor.isNavigationClass(name)) }
        #expect(!RelatedDocumentExtractor.isNavigationClass("navs") && !RelatedDocumentExtractor.isNavigationClass("to"))
    }
}
