import Foundation
import Testing
@testable import MinutesCore

/// The pipeline's byte shortcuts against the rules they stand for: the declared charset read on ASCII bytes,
/// and decoding that leaves `normalise` only NFC to do on valid UTF-8.
@Suite("Pipeline decoding fast paths")
struct PipelineDecodingFastPathTests {
    /// Pieces of an HTML head: the key in several cases, quotes, names, and the Unicode that behaves
    /// differently on bytes (combining marks, Kelvin sign, dotted capital I, long s, CR LF, non-ASCII letters).
    static let pieces = [
        "charset=", "CHARSET=", "Charset=", "charset", "=", "\"", "'", " ", "utf-8", "UTF-8", "ISO-8859-1", "windows_1252",
        "<meta ", "content=\"text/html; ", ">", "\r\n", "\n", "é", "e\u{301}", "\u{338}", "\u{301}", "\u{212A}", "\u{130}",
        "\u{17F}", "ü", "Ω", "٣", "²", "😀", "\u{FEFF}", "x", String(repeating: "a", count: 700), String(repeating: "b", count: 1300),
    ]

    @Test func declaredCharsetOnBytesMatchesTheRuleOnCharacters() {
        var decided = 0
        forRandomTexts(of: Self.pieces, seed: 1010, count: 20_000, maxPieces: { $0 % 4 == 0 ? 40 : 10 }) { text in
            let bytes = Array(text.utf8)
            let expected = FormatSniffer.declaredCharsetByCharacters(bytes)
            if let fast = FormatSniffer.declaredCharsetInASCII(bytes) {
                decided += 1
                #expect(fast == expected, "\(text.debugDescription)")
            }
            #expect(FormatSniffer.declaredCharset(html: bytes) == expected, "\(text.debugDescription)")
        }
        #expect(decided > 2_000)   // about a quarter of the texts are all ASCII where it matters
        // A multi-byte character cut at the 2 KB boundary.
        let cut = Array((String(repeating: "a", count: 2047) + "é charset=utf-8").utf8)
        #expect(FormatSniffer.declaredCharset(html: cut) == FormatSniffer.declaredCharsetByCharacters(cut))
    }

    @Test func decodingValidUTF8MatchesNormalisingTheValidatedText() throws {
        let pieces = ["a", " ", "\r", "\n", "\r\n", "\u{0}", "\u{A0}", "\u{202F}", "\u{FEFF}", "é", "e\u{301}", "\u{301}",
                      "\u{212B}", "A\u{30A}", "\u{1100}\u{1161}", "ü", "😀", "\u{2060}", "©", "Ω", "\u{338}", "=",
                      "\u{201C}", "\u{2014}", "\u{2001}", "\u{20D0}", "\u{20CF}", "<\u{338}", "\u{E2}\u{80}", "\u{C2}"]
        var failures = 0
        forRandomTexts(of: pieces, seed: 2020, count: 10_000, maxPieces: { _ in 24 }) { text in
            for bytes in [Array(text.utf8), [0xEF, 0xBB, 0xBF] + Array(text.utf8)] {
                // Texts of NULs may read as UTF-16: only the UTF-8 path is compared here.
                guard !bytes.isEmpty, let decoded = try? TextDecoder.decode(bytes, path: "x.txt"), decoded.encoding == "UTF-8" else { continue }
                var warnings: [String] = []
                let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
                guard let validated = String(validating: body, as: UTF8.self) else { continue }
                let expected = TextDecoder.normalise(validated, warnings: &warnings)
                if Array(decoded.text.utf8) != Array(expected.utf8) || decoded.warnings != warnings {
                    failures += 1
                    Issue.record("\(text.debugDescription)")
                }
            }
        }
        #expect(failures == 0)
    }

    /// `decodeUTF8` (bytes normalised in place, for the HTML reader) gives the bytes of `decode`'s text, its encoding and
    /// warnings, and throws where it throws: valid UTF-8 with and without a byte-order mark, invalid UTF-8 (Windows-1252),
    /// UTF-16 with and without a mark, NULs, binary signatures.
    @Test func decodingToUTF8BytesMatchesDecodingToText() {
        let pieces = ["a", " ", "\r", "\n", "\r\n", "\u{0}", "\u{A0}", "\u{202F}", "\u{FEFF}", "é", "e\u{301}", "\u{301}",
                      "\u{212B}", "A\u{30A}", "\u{1100}\u{1161}", "ü", "😀", "\u{2060}", "©", "Ω", "\u{338}", "<p>"]
        let prefixes: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0x25, 0x50, 0x44, 0x46]]
        var compared = 0, failures = 0
        forRandomTexts(of: pieces, seed: 3030, count: 6_000, maxPieces: { _ in 24 }) { text in
            let utf8 = Array(text.utf8)
            // The text as UTF-8, behind each mark or signature, and with a stray Windows-1252 byte (invalid UTF-8).
            for bytes in prefixes.map({ $0 + utf8 }) + [utf8 + [0x93], [0x41, 0x00] + utf8] where !bytes.isEmpty {
                let text = Result { try TextDecoder.decode(bytes, path: "x.html") }
                let bytesOut = Result { try TextDecoder.decodeUTF8(bytes, path: "x.html") }
                compared += 1
                switch (text, bytesOut) {
                case (.success(let a), .success(let b)):
                    if Array(a.text.utf8) != b.utf8 || a.encoding != b.encoding || a.warnings != b.warnings {
                        failures += 1
                        Issue.record("\(bytes)")
                    }
                case (.failure(let a), .failure(let b)):
                    #expect("\(a)" == "\(b)")
                default:
                    failures += 1
                    Issue.record("one throws, the other not: \(bytes)")
                }
            }
        }
        #expect(compared > 30_000)
        #expect(failures == 0)
    }
}
