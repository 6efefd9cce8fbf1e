import Foundation
import Testing
@testable import MinutesCore

/// The byte shortcuts of the related-documents and link rules (session 18) answer as the rules they stand for, on random
/// texts made of the pieces each rule looks at, with the Unicode that behaves differently on bytes (combining, prepended
/// and joining marks next to separators, other scripts, "\r\n").
@Suite("Related documents and links speed 18")
struct DocsSpeed18Tests {
    /// Pieces of running text around addresses: separators, link ends, schemes, and scalars that join a separator into
    /// a larger character (combining acute, Arabic number sign, zero-width joiner, Devanagari vowel sign) or do not.
    static let linkPieces = ["http://", "https://", "www.", "HTTP://", "h", "w", "ww", "example.org", "/a", "x", "é", " ", "  ", "<", ">",
                             "\"", "(", ")", ".", ",", ";", ":", "!", "?", "'", "[", "]", "\u{301}", "\u{600}", "\u{200D}", "\u{93E}",
                             "Ж", "中", "日本", "🙂", "\u{1F3FB}", "\r\n", "\n", "\t", "—", "e\u{301}", "\u{AD}", "ا"]

    /// The rule `LinkScanner.forEachCandidate` stands for: the tokens cut on characters, those that may be addresses
    /// trimmed of `linkEnds`.
    static func candidatesByCharacters(_ text: String) -> [String] {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "(" || $0 == ")" })
        return tokens.filter(LinkScanner.mayBeAddress).map { $0.trimmed(.linkEnds) }
    }

    @Test func linkCandidatesOnBytesAreThoseOfTheCharacters() {
        forRandomTexts(of: Self.linkPieces, seed: 1801, count: 40_000, maxPieces: { $0 % 3 == 0 ? 6 : 16 }) { text in
            var found: [String] = []
            LinkScanner.forEachCandidate(in: text) { found.append($0) }
            // (Candidates that open with no address are dropped by `links(in:)` in either way.)
            let opensAsAddress = { (candidate: String) in
                candidate.hasPrefix("http://") || candidate.hasPrefix("https://") || candidate.hasPrefix("www.")
            }
            #expect(found.filter(opensAsAddress) == Self.candidatesByCharacters(text).filter(opensAsAddress), "\(text.debugDescription)")
        }
    }

    @Test func separatorBreaksAreThoseOfTheCharacters() {
        forRandomTexts(of: Self.linkPieces, seed: 1802, count: 20_000, maxPieces: { _ in 8 }) { text in
            var walked = false
            var ranges: [Range<Int>] = []
            text.utf8.withContiguousStorageIfAvailable { bytes in
                walked = LinkScanner.tokenRanges(in: bytes) { ranges.append($0) }
            }
            let byCharacters = text.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "(" || $0 == ")" })
            if walked {
                let tokens = ranges.map { range in
                    String(decoding: Array(text.utf8)[range], as: UTF8.self)
                }
                #expect(tokens == byCharacters.map(String.init), "\(text.debugDescription)")
            }
        }
    }

    @Test func linkLengthOnBytesIsTheCharacterCount() {
        forRandomTexts(of: Self.linkPieces, seed: 1803, count: 20_000, maxPieces: { _ in 14 }) { text in
            #expect(LinkScanner.longerThanTenCharacters(text) == (text.count > 10), "\(text.debugDescription)")
        }
    }

    @Test func scribeToolNameAroundFullStopsIsTheKeywordSearch() {
        let pieces = ["scribe", "SCRIBE", "Scribe", "scrib", "cribe", ".", "perl", "PERL", "Perl", "per", "x", " ", "..", "s", "e.p"]
        forRandomTexts(of: pieces, seed: 1804, count: 20_000, maxPieces: { _ in 8 }) { text in
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(RelatedDocumentExtractor.holdsScribeToolName(ignoringASCIICaseIn: buffer)
                    == RelatedDocumentExtractor.scribeToolName.occurByBytes(ignoringASCIICaseIn: buffer), "\(text.debugDescription)")
            }
        }
    }

    @Test func navigationClassesComparedAsNumbersAreTheNames() {
        let pieces = ["nav", "bar", "igation", "menu", "foot", "er", "toc", "bread", "crumb", "side", "head", "cookie", "n", "a", "-", "é", "Nav"]
        forRandomTexts(of: pieces, seed: 1805, count: 20_000, maxPieces: { _ in 4 }) { token in
            let expected = RelatedDocumentExtractor.navigationClasses.contains { token == $0.description }
            #expect(RelatedDocumentExtractor.isNavigationClass(token) == expected, "\(token.debugDescription)")
        }
        for name in RelatedDocumentExtractor.navigationClasses { #expect(RelatedDocumentExtractor.isNavigationClass(name.description)) }
    }

    @Test func keywordPairsAreTheByteByByteSearch() {
        let keywords = [RelatedDocumentExtractor.documentLabelWords, ASCIIKeywords(["Meeting", "held", "took place", "F2F", "met"]),
                        ASCIIKeywords(["a", "agenda"]), ASCIIKeywords([])]
        let pieces = ["agenda", "AGENDA", "Agen", "log", "LOG", "irc", "minutes", "slides", "paper", "report", "document", "draft", "notes",
                      "recording", "transcript", "presentation", "spec", "proposal", "audio", "video", "Meeting", "meeting", "held", "took",
                      " place", "F2F", "f2f", "met", "a", "e", "g", " ", ":", "é", "\u{212A}", "x"]
        forRandomTexts(of: pieces, seed: 1806, count: 20_000, maxPieces: { _ in 7 }) { text in
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for words in keywords {
                    #expect(words.occur(inBytesOf: text) == words.occurByBytes(in: buffer), "\(text.debugDescription)")
                    #expect(words.occur(ignoringASCIICaseIn: buffer) == words.occurByBytes(ignoringASCIICaseIn: buffer), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func selfLinkCuesAtTheirFirstLettersAreTheCueSearch() {
        let pieces = ["minutes", "MINUTES", "this page", "This Page", "permalink", "persistent id", "this document", "min", "this", "per",
                      " ", "m", "t", "p", "x", "-"]
        forRandomTexts(of: pieces, seed: 1807, count: 20_000, maxPieces: { _ in 6 }) { text in
            let lower = text.lowercased()
            let expected = RelatedDocumentExtractor.selfLinkTitleCues.contains { lower.contains($0.description) }
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(RelatedDocumentExtractor.holdsSelfLinkTitleCue(ignoringASCIICaseIn: buffer) == expected, "\(text.debugDescription)")
            }
        }
    }

    /// `locationMayNamePlaceAfterInOrAt` as it read each pair of bytes in turn before the pairs were found eight at a time.
    static func mayNamePlaceAfterInOrAtPairByPair(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func afterSpaces(_ start: Int) -> Int? { LocationPairScan.afterSpaces(in: bytes, from: start) }
        guard bytes.count >= 4 else { return false }
        for second in 1..<bytes.count {
            let byte = bytes[second], previous = bytes[second - 1]
            guard (byte == UInt8(ascii: "n") && previous == UInt8(ascii: "i")) || (byte == UInt8(ascii: "t") && previous == UInt8(ascii: "a"))
            else { continue }
            if second >= 2, bytes[second - 2].isASCIIWordByte { continue }
            guard let next = afterSpaces(second + 1), next < bytes.count else { continue }
            if bytes[next].isASCIIUppercase { return true }
            if next + 3 < bytes.count, bytes[next] == UInt8(ascii: "t"), bytes[next + 1] == UInt8(ascii: "h"), bytes[next + 2] == UInt8(ascii: "e"),
               let word = afterSpaces(next + 3), word < bytes.count, bytes[word].isASCIIUppercase {
                return true
            }
        }
        return false
    }

    @Test func inOrAtPairsEightAtATimeAreThePairByPairScan() {
        let pieces = ["in", "at", "i", "n", "a", "t", " ", "  ", "the ", "The", "Copenhagen", "x", "_", "9", "\t", "é", "\u{A0}", "main", "cat", "ina"]
        forRandomTexts(of: pieces, seed: 1808, count: 40_000, maxPieces: { $0 % 2 == 0 ? 8 : 24 }) { text in
            #expect(text.locationMayNamePlaceAfterInOrAt() == Self.mayNamePlaceAfterInOrAtPairByPair(text), "\(text.debugDescription)")
        }
    }
}
