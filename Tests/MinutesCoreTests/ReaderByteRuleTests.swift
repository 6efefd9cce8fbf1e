import Foundation
import Testing
@testable import MinutesCore

/// The readers' byte-level shortcuts give the answers of the character-level rules they stand for,
/// including next to the non-ASCII characters (combining marks, prepended marks, CR LF) that join neighbours.
struct ReaderByteRuleTests {
    /// Lines where a blank, a line end or a letter meets a character that could join it.
    static let awkwardLines: [String] = [
        "", " ", "\t \t", "  Present:  ", "\tindented\t", " \u{301}combining after a blank", "prepended \u{600} ",
        "a\u{600} ", " e\u{301}t\u{E9} ", "caf\u{E9} ", "\r\n", " \r\n ", "x \r", "  \u{2003}em space ", "• bullet",
    ]

    @Test func blankTrimmingMatchesCharacterTrimming() {
        for line in Self.awkwardLines {
            let substring = Substring(line)
            #expect(substring.readersTrimmingBlanks() == substring.trimming(.blanks), Comment(rawValue: line.debugDescription))
        }
    }

    @Test func characterSearchMatchesTheStandardLibrary() {
        let texts = ["the budgte is late", "a\r\nb", "caf\u{E9}", "cafe\u{301}", "x", ""]
        let parts = ["budgte", "\r", "\n", "cafe", "e", "x", "late!", "a\r\nb"]
        for text in texts {
            for part in parts {
                #expect(text.readersContainsCharacters(part) == text.contains(part), Comment(rawValue: text.debugDescription + " " + part.debugDescription))
            }
        }
    }

    @Test func plainTextLinesIndentsAndWordsMatchTheCharacterRules() {
        for text in ["", "\n", "a\nb\n", "one\n\ntwo", "crlf\r\nline\n", Self.awkwardLines.joined(separator: "\n")] {
            #expect(Array(text.readersLines(omittingEmpty: false)) == text.split(separator: "\n", omittingEmptySubsequences: false))
            #expect(Array(text.readersLines(omittingEmpty: true)) == text.split(separator: "\n", omittingEmptySubsequences: true))
        }
        for text in Self.awkwardLines {
            let line = Substring(text)
            let blanks: Substring = line.prefix { $0 == " " || $0 == "\t" }
            let indent = blanks.reduce(0) { (width: Int, blank: Character) in width + (blank == "\t" ? 4 : 1) }
            #expect(PlainTextReader.indentation(of: line) == indent, Comment(rawValue: line.debugDescription))
            #expect(PlainTextReader.wordCount(line) == line.split(separator: " ").count, Comment(rawValue: line.debugDescription))
        }
    }

    @Test func listMarkersAreStillRecognised() {
        #expect(PlainTextReader.listItem("- item")?.text == "item")
        #expect(PlainTextReader.listItem("a) first")?.ordered == true)
        #expect(PlainTextReader.listItem("12. twelfth")?.text == "twelfth")
        #expect(PlainTextReader.listItem("• bullet")?.text == "bullet")
        #expect(PlainTextReader.listItem("Present: all") == nil)
        #expect(PlainTextReader.listItem("-\u{301} combined") == nil)
    }

    @Test func tokensThatCannotChangeAreKnownWithoutLookingThemUp() {
        func stays(_ token: String) -> Bool {
            var token = token
            return token.withUTF8 { WordRepair.staysAsItIs($0) }
        }
        #expect(stays("four") && stays("a-b-cd") && stays("well-to-do"))
        #expect(!stays("longer") && !stays("to-morrow") && !stays("end.Next"))
    }

    @Test func wordTallyCountsLikeADictionary() {
        // More distinct words than the tally's first table holds, some capitalised only sometimes.
        func word(_ number: Int) -> String {
            var number = number, letters = "w"
            repeat {
                letters.unicodeScalars.append(Unicode.Scalar(UInt8(97 + number % 26)))
                number /= 26
            } while number > 0
            return letters
        }
        let words = (0..<3000).map(word)
        let text = words.enumerated().map { $0.offset % 7 == 0 ? $0.element.capitalized : $0.element }.joined(separator: " ")
        let repair = WordRepair(vocabularyFrom: [text, words.prefix(10).joined(separator: ", ")], lexicon: Lexicon(words: []))
        var expected: [String: Int] = [:]
        for word in words { expected[word, default: 0] += 1 }
        for word in words.prefix(10) { expected[word, default: 0] += 1 }
        for (word, count) in expected { #expect(repair.words.count(word) == count, "\(word)") }
        let capitalised = Set(words.enumerated().filter { $0.offset % 7 == 0 }.map(\.element))
        for word in words { #expect(repair.words.isCapitalised(word) == capitalised.contains(word), "\(word)") }
        #expect(repair.words.count("wzzzz") == 0 && !repair.words.isCapitalised("wzzzz"))
    }

    @Test func firstNonASCIIIsTheFirstSuchByte() {
        var random = SplitMix64(seed: 21)
        let alphabet: [UInt8] = [0x41, 0x61, 0x20, 0x0A, 0x0D, 0x00, 0x7F, 0x80, 0xC2, 0xE2, 0xFF]
        for _ in 0..<3000 {
            let count = Int(random.next() % 40)
            // Mostly ASCII letters, now and then one of the bytes the scan must stop at.
            let bytes = (0..<count).map { _ in random.next() % 6 == 0 ? alphabet[Int(random.next() % UInt64(alphabet.count))] : 0x61 }
            let start = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
            bytes.withUnsafeBufferPointer { buffer in
                for orCRNUL in [false, true] {
                    let expected = (start..<count).first { bytes[$0] >= 0x80 || (orCRNUL && (bytes[$0] == 0x0D || bytes[$0] == 0)) } ?? count
                    #expect(UTF8Search.firstNonASCII(in: buffer, from: start, orCRNUL: orCRNUL) == expected, "\(bytes) from \(start)")
                }
            }
        }
    }

    @Test func normalisationRewritesOnlyWhatItMust() {
        var warnings: [String] = []
        let text = TextDecoder.normalise("a\r\nb\rc\u{0}d\u{A0}e\u{202F}f\u{FEFF}g\u{A9}h caf\u{65}\u{301}\r", warnings: &warnings)
        #expect(text == "a\nb\ncd e fg\u{A9}h caf\u{E9}\n")
        #expect(warnings == ["1 NUL characters removed"])
    }
}
