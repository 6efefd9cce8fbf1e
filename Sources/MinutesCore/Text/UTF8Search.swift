import Foundation

/// Substring search on UTF-8 bytes that gives exactly the answers of Foundation's `contains(_:)` and
/// `range(of:)` for ASCII needles (and dashes and quotes), without bridging the text to `NSString` (which copies it to UTF-16
/// on every call: the extractors ask such questions of every block).
///
/// Foundation compares canonically: a match followed by a combining mark ("cafe" in "cafe\u{301}") is no
/// match, while a byte match followed by ASCII always is. So a byte match followed by ASCII (or the end)
/// is taken as it stands; a byte match followed by a non-ASCII byte is left to Foundation; and when the bytes
/// hold no match at all there is none. Needles holding "K", ";" or "`" (which Foundation also finds as KELVIN
/// SIGN, GREEK QUESTION MARK, GREEK VARIA) or other non-ASCII characters than General Punctuation's dashes and
/// quotes always go to Foundation.
extension StringProtocol {
    /// Foundation's `contains(needle)`, answered on UTF-8 bytes for an ASCII `needle`.
    func containsASCII(_ needle: String) -> Bool {
        switch UTF8Search.firstMatch(of: needle, in: self) {
        case .found: return true
        case .absent: return false
        case .undecided: return contains(needle)
        }
    }

    /// Foundation's `range(of: needle)`, answered on UTF-8 bytes for an ASCII `needle`.
    func rangeOfASCII(_ needle: String) -> Range<Index>? {
        switch UTF8Search.firstMatch(of: needle, in: self) {
        case .found(let offset):
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            return start..<utf8.index(start, offsetBy: needle.utf8.count)
        case .absent: return nil
        case .undecided: return range(of: needle)
        }
    }

    /// Foundation's `range(of: needle, options: .caseInsensitive)`, found on UTF-8 bytes when both the text and
    /// `needle` are plain ASCII (where the only case pairs are A–Z and a–z, and no character has a canonical
    /// equivalent); any other text is left to Foundation.
    func rangeOfASCIIIgnoringCase(_ needle: String) -> Range<Index>? {
        guard isPlainASCII, needle.isPlainASCII, !needle.isEmpty else { return range(of: needle, options: .caseInsensitive) }
        let pattern = needle.utf8.map(\.asciiLowercased)
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard pattern.count <= bytes.count else { return nil }
            for start in 0...(bytes.count - pattern.count)
            where pattern.indices.allSatisfy({ bytes[start + $0].asciiLowercased == pattern[$0] }) {
                return start
            }
            return nil
        }
        guard let found else { return range(of: needle, options: .caseInsensitive) }
        guard let offset = found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: pattern.count)
    }
}

/// The byte-level search behind `containsASCII(_:)` and `rangeOfASCII(_:)`.
enum UTF8Search {
    /// The high bit of each byte of `x` that is zero, and maybe of bytes above the lowest zero byte (never below it;
    /// a 0x01 byte above a zero one borrows): the lowest mark is exact, and any mark means some byte is zero. Eight
    /// bytes compared with one at a time: `zeroBytes(word ^ (0x0101_0101_0101_0101 &* byte))`.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The high bit of each byte of `value` that is zero, and of no other byte (exact: no carry crosses a byte), for
    /// masks that are combined with others.
    @inline(__always)
    static func exactZeroBytes(_ value: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((value & low) &+ low) | value | low)
    }

    /// ASCII white space: bytes 09–0D (tab, line feed, vertical tab, form feed, carriage return) and 20 (space).
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// What the bytes say about a needle.
    enum Answer {
        /// The first match starts at this byte offset.
        case found(Int)
        /// There is no match.
        case absent
        /// The bytes cannot tell; ask Foundation.
        case undecided
    }

    /// The offset of the first byte at or after `start` with its high bit set (or, with `orCRNUL`, that is
    /// CR or NUL), eight bytes at a time; `bytes.count` when there is none.
    static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, orCRNUL: Bool = false) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        let highBits: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        var offset = max(start, 0)
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            var found = word & highBits != 0
            if orCRNUL, !found {
                let crs = word ^ (ones &* 0x0D)
                found = zeroBytes(crs) != 0 || zeroBytes(word) != 0
            }
            if found { break }
            offset += 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte >= 0x80 || (orCRNUL && (byte == 0x0D || byte == 0x00)) { return offset }
            offset += 1
        }
        return offset
    }

    /// The number of space bytes in `bytes`, or nil when one of them borders a byte over 0x7F (a combining mark after
    /// it or a prepended mark before it would make one character of both).
    static func standaloneSpaceCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        for i in bytes.indices where bytes[i] == 0x20 {
            if i > 0, bytes[i - 1] >= 0x80 { return nil }
            if i + 1 < bytes.count, bytes[i + 1] >= 0x80 { return nil }
            count += 1
        }
        return count
    }

    /// ASCII `bytes` lower-cased into a new string, written straight into it (no array between).
    @inline(__always)
    static func lowercasedASCII<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var offset = 0
            for byte in bytes { buffer[offset] = byte.asciiLowercased; offset += 1 }
            return offset
        }
    }

    /// `isPlainASCII` of a buffer, eight bytes at a time: no byte has its high bit set, and none
    /// is CR (a word with a zero byte after XOR with CRs has one).
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let highBits: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if word & highBits != 0 { return false }
            let crs = word ^ (ones &* 0x0D)
            if zeroBytes(crs) != 0 { return false }
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] >= 0x80 || bytes[offset] == 0x0D { return false }
            offset += 1
        }
        return true
    }

    /// The offset of the first `byte` in `bytes` at or after `start` (libc's `memchr`).
    static func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// The offset of the first occurrence of `pattern` in `bytes` at or after `start`, compared byte for
    /// byte (no canonical matching): `memchr` finds each candidate first byte, `memcmp` checks the rest.
    /// An empty pattern is found at `start`.
    static func offset(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = pattern.first, let patternBase = pattern.baseAddress else { return start }
        guard let base = bytes.baseAddress, pattern.count <= bytes.count else { return nil }
        let last = bytes.count - pattern.count
        var from = start
        while from <= last, let hit = memchr(base + from, Int32(first), last - from + 1) {
            let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if memcmp(base + position, patternBase, pattern.count) == 0 { return position }
            from = position + 1
        }
        return nil
    }

    /// Whether no other character sequence is canonically equivalent to `scalar`: ASCII but for "K", ";" and "`",
    /// and the dashes, quotes and dots of General Punctuation (U+2010–U+2027).
    static func hasNoCanonicalEquivalent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4B, 0x3B, 0x60: return false
        case 0..<0x80, 0x2010...0x2027: return true
        default: return false
        }
    }

    /// The first match of `needle` (made of characters without canonical equivalents) in `haystack`.
    static func firstMatch<S: StringProtocol>(of needle: String, in haystack: S) -> Answer {
        var needle = needle
        return needle.withUTF8 { pattern -> Answer in
            guard !pattern.isEmpty, hasNoCanonicalEquivalent(pattern) else { return .undecided }
            let answer = haystack.utf8.withContiguousStorageIfAvailable { bytes -> Answer in
                guard let i = offset(of: pattern, in: bytes) else { return .absent }
                let end = i + pattern.count
                return end == bytes.count || bytes[end] < 0x80 ? .found(i) : .undecided
            }
            return answer ?? .undecided
        }
    }

    /// Whether every scalar of the valid UTF-8 `bytes` `hasNoCanonicalEquivalent`, told on the bytes: ASCII bytes
    /// but "K", ";" and "`", and three-byte sequences E2 80 90 to E2 80 A7 (U+2010–U+2027).
    static func hasNoCanonicalEquivalent(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x4B, 0x3B, 0x60: return false
            case 0..<0x80: i += 1
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (0x90...0xA7).contains(bytes[i + 2]): i += 3
            default: return false
            }
        }
        return true
    }
}

extension String {
    /// Whether the text holds the ASCII character `byte` as a character of its own (`contains(Character)`),
    /// on UTF-8 bytes: an ASCII byte between ASCII bytes (or the ends) is a character by itself; one next to
    /// a non-ASCII byte may be part of a larger character (a combining mark after it), which the
    /// `Character` comparison decides.
    func containsASCIICharacter(_ byte: UInt8) -> Bool {
        let bytes = utf8
        var undecided = false
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: byte) {
            let next = bytes.index(after: found)
            let before = found > bytes.startIndex ? bytes[bytes.index(before: found)] : 0
            let after = next < bytes.endIndex ? bytes[next] : 0
            if before < 0x80, before != 0x0D, after < 0x80 { return true }
            undecided = true
            index = next
        }
        return undecided && contains(Character(Unicode.Scalar(byte)))
    }
}

extension UInt8 {
    /// The byte with an ASCII capital (A–Z) made lower-case; any other byte as it is.
    @inline(__always)
    var asciiLowercased: UInt8 { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self }

    /// A–Z.
    @inline(__always)
    var isASCIIUppercase: Bool { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") }

    /// a–z.
    @inline(__always)
    var isASCIILowercase: Bool { self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z") }

    /// 0–9.
    @inline(__always)
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    /// An ASCII letter, digit or "_": among ASCII bytes, a character of a regular expression's `\w` (what `\b` looks at).
    @inline(__always)
    var isASCIIWordByte: Bool { isASCIIUppercase || isASCIILowercase || isASCIIDigit || self == UInt8(ascii: "_") }
}

extension StringProtocol {
    /// Whether every character is one ASCII byte (no byte over 0x7F, and no CR, which pairs with a following LF):
    /// then counting, splitting and comparing characters is the same as doing it on bytes.
    var isPlainASCII: Bool {
        utf8.withContiguousStorageIfAvailable(UTF8Search.isPlainASCII) ?? utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// Runs `body` on the UTF-8 bytes in place when the text is plain ASCII (see `isPlainASCII`); nil otherwise
    /// (or when the bytes are not contiguous): the byte rules' way in, their callers running the rule itself on nil.
    @inline(__always)
    func withPlainASCIIBytes<Answer>(_ body: (UnsafeBufferPointer<UInt8>) -> Answer) -> Answer? {
        utf8.withContiguousStorageIfAvailable { bytes -> Answer? in
            UTF8Search.isPlainASCII(bytes) ? body(bytes) : nil
        } ?? nil
    }
}

extension StringProtocol where SubSequence == Substring {
    /// `split(separator: " ")`, on bytes when every space byte borders ASCII bytes (or an end; then it is a character
    /// of its own, and no other character is a space): the words are sliced by index (a `Substring` made from a UTF-8
    /// view slice costs far more), into an array sized once for them.
    func splitOnSpaces() -> [Substring] {
        guard let spaces = utf8.withContiguousStorageIfAvailable(UTF8Search.standaloneSpaceCount), let spaces else {
            return split(separator: " ")
        }
        var words: [Substring] = []
        words.reserveCapacity(spaces + 1)
        let bytes = utf8
        var start = bytes.startIndex, index = start
        while index < bytes.endIndex {
            if bytes[index] == 0x20 {
                if start < index { words.append(self[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start < bytes.endIndex { words.append(self[start..<bytes.endIndex]) }
        return words
    }
}

extension String {
    /// Foundation's `components(separatedBy:)`, split on bytes when both the text and `separator` are plain ASCII
    /// (where any substring search gives the same, leftmost and non-overlapping, matches).
    func componentsASCII(separatedBy separator: String) -> [String] {
        guard isPlainASCII, separator.isPlainASCII, !separator.isEmpty else { return components(separatedBy: separator) }
        var parts: [String] = []
        var rest = self[...]
        while let found = rest.rangeOfASCII(separator) {
            parts.append(String(rest[..<found.lowerBound]))
            rest = rest[found.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

extension Sequence {
    /// How many runs of elements lie between the elements `isSeparator` picks (the pieces of
    /// `split(whereSeparator:)`, empty ones left out), counted no further than `limit`.
    func runCount(upTo limit: Int, separatedBy isSeparator: (Element) -> Bool) -> Int {
        var count = 0, inRun = false
        for element in self {
            if isSeparator(element) {
                inRun = false
            } else if !inRun {
                inRun = true
                count += 1
                if count == limit { break }
            }
        }
        return count
    }
}
