import Foundation
import Testing
@testable import MinutesCore

/// The HTML reader's byte rules (element names, attribute values, text) must answer exactly as the String rules
/// they replace, on random texts with white space of every kind, Unicode spaces, combining and prepended marks,
/// CR LF, the Kelvin sign and dotted capital I (whose lower-case forms differ from their bytes') and control bytes.
@Suite("HTML reader byte rules")
struct HTMLByteRuleTests {
    /// Pieces that random texts are made of.
    static let pieces = [" ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{7F}", "\u{01}",
                         "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2003}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}",
                         "\u{205F}", "\u{3000}", "\u{180E}", "\u{FEFF}",
                         "’", "–", "\u{301}", "e\u{301}", "\u{600}", "é", "ß", "İ", "\u{212A}", "👩‍💻", "Ä",
                         "a", "Nav", "navigation", "NAVIGATION", "checkbox", "CheckBox", "chec", "box", "phone", "s01", "irc",
                         "Resolved:", "x", "Z", "0", "-", ":", ".", "word", "longer words here", "#id"]


    /// Runs `body` on many random texts.
    static func forRandomTexts(seed: UInt64, count: Int = 20_000, maxPieces: UInt64 = 16, _ body: (String) -> Void) {
        MinutesCoreTests.forRandomTexts(of: pieces, seed: seed, count: count, maxPieces: { _ in maxPieces }, body)
    }

    /// `body` on the UTF-8 bytes of `text`.
    static func withBytes<Answer>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Answer) -> Answer {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test func collapsedStringIsCollapseWhitespace() {
        Self.forRandomTexts(seed: 11, maxPieces: 40) { text in
            #expect(Self.withBytes(text, HTMLByteRules.collapsedString) == TextRules.collapseWhitespace(text), "\(Array(text.unicodeScalars))")
        }
        // Long runs, so that eight-byte steps meet spaces, white space and non-ASCII at every offset.
        for text in ["abcdefgh ijklmnop  qrstuvwx\tyz", "a b c d e f g h i j k l m n o p ", " 12345678 12345678\n12345678 ",
                     "abcdefghijklmnopq’rstuvwxyz abcdefg\u{3000}hijklmnop", "seven77 eight888  nine9999 "] {
            #expect(Self.withBytes(text, HTMLByteRules.collapsedString) == TextRules.collapseWhitespace(text))
        }
    }

    @Test func isBlankIsTheRule() {
        Self.forRandomTexts(seed: 12, maxPieces: 4) { text in
            #expect(Self.withBytes(text, HTMLByteRules.isBlank) == TextRules.isBlank(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// The reader's `class` rule before the byte version: on bytes for ASCII values, else on characters.
    static func classTokensRule(_ value: String) -> [String] {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return value.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) }
        return value.utf8.split { $0 == 0x20 || (0x09...0x0D).contains($0) }.map { token in
            String(decoding: token.map { $0.asciiLowercased }, as: UTF8.self)
        }
    }

    @Test func classTokensAndIdTokenAreTheRules() {
        Self.forRandomTexts(seed: 13) { text in
            #expect(Self.withBytes(text, HTMLByteRules.classTokens) == Self.classTokensRule(text), "\(Array(text.unicodeScalars))")
            let id = text.trimmed()
            #expect(Self.withBytes(text, HTMLByteRules.idToken) == (id.isEmpty ? nil : id.lowercased()), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func lowercasedEqualsIsTheRule() {
        Self.forRandomTexts(seed: 14, maxPieces: 3) { text in
            for word: StaticString in ["navigation", "checkbox"] {
                #expect(Self.withBytes(text, { HTMLByteRules.lowercased($0, equals: word) }) == (text.lowercased() == word.description),
                        "\(Array(text.unicodeScalars))")
            }
        }
        #expect(Self.withBytes("Chec\u{212A}Box", { HTMLByteRules.lowercased($0, equals: "checkbox") }))
    }

    /// The reader's element name rule before the byte lookup: the local name (after the first `:` that is neither
    /// first nor last), lower-cased, looked up in the table.
    static func elementRule(_ fullName: String) -> (role: HTMLRole, tag: HTMLNameTag) {
        let bytes = Array(fullName.utf8)
        var local = bytes[...]
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < bytes.count { local = bytes[(colon + 1)...] }
        let name = String(decoding: local, as: UTF8.self)
        let lowered = local.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 }) ? name.lowercased() : name
        let tag: HTMLNameTag = lowered == "th" ? .th : lowered == "thead" ? .thead : lowered == "nav" ? .nav : .other
        return (HTMLElementNames.roles[lowered] ?? .inline, tag)
    }

    @Test func elementLookUpIsTheRule() {
        var generator = SplitMix64(seed: 15)
        let names = Array(HTMLElementNames.roles.keys) + ["", "o", "span", "h7", "blockquotes", "tablet", "thx", "navs",
                                                          "\u{212A}", "lin\u{212A}", "L\u{130}NK", "b\u{301}"]
        let prefixes = ["", "", "o:", ":", "x:y:", "w:"]
        let suffixes = ["", "", ":", ":p", "\u{212A}", "x"]
        for _ in 0..<20_000 {
            var name = names[Int(generator.next() % UInt64(names.count))]
            // Random case, prefixes and suffixes.
            name = name.map { generator.next() % 2 == 0 ? $0.uppercased() : String($0) }.joined()
            name = prefixes[Int(generator.next() % UInt64(prefixes.count))] + name + suffixes[Int(generator.next() % UInt64(suffixes.count))]
            let found = name.withCString { $0.withMemoryRebound(to: UInt8.self, capacity: 1) { HTMLElementNames.lookUp($0) } }
            let expected = Self.elementRule(name)
            #expect(found.role == expected.role && found.tag == expected.tag, "\(Array(name.unicodeScalars))")
        }
        for name in HTMLElementNames.roles.keys {
            let found = name.withCString { $0.withMemoryRebound(to: UInt8.self, capacity: 1) { HTMLElementNames.lookUp($0) } }
            #expect(found.role == HTMLElementNames.roles[name])
        }
    }

    @Test func unicodeSpacesAreTheWhiteSpaceScalars() {
        // Every scalar from U+0080 to U+FFFF and a few above, alone and cut short.
        for value in UInt32(0x80)...0x1_0010 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            let length = bytes.withUnsafeBufferPointer(HTMLByteRules.unicodeSpaceLength)
            #expect(length == (scalar.properties.isWhitespace ? bytes.count : 0), "\(value)")
            #expect(Array(bytes.dropLast()).withUnsafeBufferPointer(HTMLByteRules.unicodeSpaceLength) == 0)
        }
    }

    @Test func unchangedRunsAreThoseCollapseKeeps() {
        var generator = SplitMix64(seed: 16)
        let bytes: [UInt8] = [0x20, 0x20, 0x09, 0x0A, 0x0D, 0x1F, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0xC2, 0xE2, 0xFF]
        for _ in 0..<50_000 {
            let run = (0..<8).map { _ in bytes[Int(generator.next() % UInt64(bytes.count))] }
            let word = run.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
            let expected = run.allSatisfy { $0 >= 0x20 && $0 < 0x80 } && run.last != 0x20
                && !zip(run, run.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
            #expect(HTMLByteRules.isUnchangedRun(word) == expected, "\(run)")
        }
    }
}
