import Foundation

/// The characters of a text as one byte each, so that rules looking for ASCII characters ("#", "?", "/", "(")
/// in an address find them by offset instead of walking `Character`s: a character that is one ASCII byte is
/// that byte; any other character (non-ASCII, or a cluster such as "\r\n" or "/" with a combining mark) is
/// 0x80, which equals no ASCII character. Comparing these bytes is comparing the characters exactly; for plain
/// ASCII text (nearly every address) they are simply its UTF-8 bytes.
struct AddressCharacters {
    /// One byte per character.
    let bytes: [UInt8]
    /// The characters, kept only when the text is not plain ASCII (else the bytes are the text).
    private let characters: [Character]?

    init<S: StringProtocol>(_ text: S) {
        let bytes = Array(text.utf8)
        if bytes.withUnsafeBufferPointer(UTF8Search.isPlainASCII) {
            self.bytes = bytes
            characters = nil
        } else {
            let characters = Array(text)
            self.bytes = characters.map { $0.utf8.count == 1 ? $0.utf8.first ?? 0x80 : 0x80 }
            self.characters = characters
        }
    }

    /// The text of the characters at `offsets`.
    func text(_ offsets: Range<Int>) -> String {
        guard let characters else { return String(decoding: bytes[offsets], as: UTF8.self) }
        return String(characters[offsets])
    }

    /// Whether the character at `offset` is a number (`Character.isNumber`; of ASCII characters, the digits).
    func isNumber(at offset: Int) -> Bool {
        guard let characters else { return bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9") }
        return characters[offset].isNumber
    }
}

extension StringProtocol {
    /// Whether the UTF-8 bytes hold those of `needle` anywhere: a plain byte search, without Foundation's
    /// canonical matching. A text without them has no match of any pattern that spells `needle` out, so it
    /// refuses most texts before a regular expression runs.
    func holdsBytes(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { UTF8Search.offset(of: pattern, in: bytes) != nil }
        return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
    }

    /// Whether the UTF-8 bytes hold `byte` (found with `memchr`).
    func holdsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { UTF8Search.offset(of: byte, in: $0) != nil } ?? utf8.contains(byte)
    }
}

/// Lower-case ASCII words looked for in one pass over a text's bytes: at each byte only the words that start
/// with it are compared.
struct ASCIIKeywords {
    /// The words, as given.
    let words: [String]
    /// The words' bytes, indexed by their first byte.
    private let byFirstByte: [[[UInt8]]]
    /// The words' first bytes, one bit each (bit `b % 64` of word `b / 64`): most bytes of a text start no word and are
    /// passed over on this bit alone, without a look at `byFirstByte` (whose inner array would be retained and released).
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)
    /// The words' first two bytes, one bit each (bit `second % 64` of entry `first * 2 + second / 64`), when every word
    /// has two ASCII bytes or more; nil else. Most pairs of a text's bytes open no word and are passed over on this bit.
    private let openingPairs: [UInt64]?

    init(_ words: [String]) {
        self.words = words
        var byFirstByte = [[[UInt8]]](repeating: [], count: 256)
        var firstBytes: [UInt64] = [0, 0, 0, 0]
        var openingPairs: [UInt64]? = [UInt64](repeating: 0, count: 256)
        for word in words {
            guard let first = word.utf8.first else { continue }
            byFirstByte[Int(first)].append(Array(word.utf8))
            firstBytes[Int(first >> 6)] |= 1 << UInt64(first & 63)
            let bytes = Array(word.utf8)
            if bytes.count >= 2, bytes[0] < 0x80, bytes[1] < 0x80 {
                openingPairs?[Int(bytes[0]) << 1 | Int(bytes[1] >> 6)] |= 1 << UInt64(bytes[1] & 63)
            } else {
                openingPairs = nil
            }
        }
        self.byFirstByte = byFirstByte
        self.firstBytes = (firstBytes[0], firstBytes[1], firstBytes[2], firstBytes[3])
        // (No word at all: every text holds none, which the byte-by-byte search says.)
        self.openingPairs = words.isEmpty ? nil : openingPairs
    }

    /// Whether `bytes` hold one of the words (compared with each byte `lowered` first), told by `openingPairs`: a word is
    /// compared only where the two bytes it opens with stand; nil when `openingPairs` is nil.
    @inline(__always)
    private func occurByPairs(in bytes: UnsafeBufferPointer<UInt8>, lowered: (UInt8) -> UInt8) -> Bool? {
        guard let openingPairs else { return nil }
        guard bytes.count >= 2 else { return false }
        return openingPairs.withUnsafeBufferPointer { pairs in
            var previous = lowered(bytes[0])
            for offset in 1..<bytes.count {
                let byte = lowered(bytes[offset])
                defer { previous = byte }
                guard previous < 0x80, byte < 0x80, pairs[Int(previous) << 1 | Int(byte >> 6)] >> UInt64(byte & 63) & 1 != 0 else { continue }
                let start = offset - 1
                if byFirstByte[Int(previous)].contains(where: { word in
                    bytes.count - start >= word.count && zip(word, bytes[start...]).allSatisfy { $0 == lowered($1) }
                }) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether `text` contains one of the words as Foundation's `contains(_:)` finds them: on bytes when
    /// `text` is plain ASCII (where a byte match is a match), else word by word with `containsASCII(_:)`.
    func areContained(in text: String) -> Bool {
        guard text.isPlainASCII else { return words.contains { text.containsASCII($0) } }
        return occur(inBytesOf: text)
    }

    /// Whether `text`'s UTF-8 bytes hold one of the words, compared byte for byte (a necessary condition
    /// for a regular expression that spells one of them out to match).
    func occur<S: StringProtocol>(inBytesOf text: S) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            occurByPairs(in: bytes, lowered: { $0 }) ?? occurByBytes(in: bytes)
        }
        return text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
    }

    /// Whether `bytes` hold one of the words, tried at every byte that may open one (the rule `openingPairs` stands for).
    func occurByBytes(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (bits0, bits1, bits2, bits3) = firstBytes
        for start in bytes.indices {
            let byte = bytes[start]
            let bits = byte < 0x40 ? bits0 : byte < 0x80 ? bits1 : byte < 0xC0 ? bits2 : bits3
            guard bits & (1 << UInt64(byte & 63)) != 0 else { continue }
            let candidates = byFirstByte[Int(byte)]
            if !candidates.isEmpty, candidates.contains(where: { ASCIIKeywords.occurs($0, in: bytes, at: start) }) { return true }
        }
        return false
    }

    /// Whether ASCII `bytes`, lower-cased, hold one of the words (`occur(inBytesOf:)` of their lower-cased copy, without
    /// the copy).
    func occur(ignoringASCIICaseIn bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let answer = occurByPairs(in: bytes, lowered: \.asciiLowercased) { return answer }
        return occurByBytes(ignoringASCIICaseIn: bytes)
    }

    /// `occur(ignoringASCIICaseIn:)` tried at every byte that may open a word (the rule `openingPairs` stands for).
    func occurByBytes(ignoringASCIICaseIn bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (bits0, bits1, bits2, bits3) = firstBytes
        for start in bytes.indices {
            let byte = bytes[start].asciiLowercased
            let bits = byte < 0x40 ? bits0 : byte < 0x80 ? bits1 : byte < 0xC0 ? bits2 : bits3
            guard bits & (1 << UInt64(byte & 63)) != 0 else { continue }
            let candidates = byFirstByte[Int(byte)]
            if candidates.contains(where: { word in
                bytes.count - start >= word.count && zip(word, bytes[start...]).allSatisfy { $0 == $1.asciiLowercased }
            }) {
                return true
            }
        }
        return false
    }

    /// Whether `bytes` hold `pattern` at `start`.
    static func occurs<P: Collection<UInt8>>(_ pattern: P, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard bytes.count - start >= pattern.count else { return false }
        var index = start
        for byte in pattern {
            guard bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

}

extension StringProtocol {
    /// `hasPrefix(prefix)` for a plain ASCII `prefix` without "K", ";" or "`" (which have canonical equivalents),
    /// answered on UTF-8 bytes: without its bytes at the start there is no match; with them and ASCII (or nothing)
    /// after, there is one; before a non-ASCII byte (a combining mark may join the last character) the characters decide.
    func hasPrefixASCII(_ prefix: String) -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { bytes in
            prefix.utf8.withContiguousStorageIfAvailable { pattern -> Bool? in
                guard bytes.count >= pattern.count, bytes.prefix(pattern.count).elementsEqual(pattern) else { return false }
                guard bytes.count > pattern.count else { return true }
                let next = bytes[pattern.count]
                return next < 0x80 && !(next == 0x0A && pattern.last == 0x0D) ? true : nil
            }
        }
        guard let answer, let answer, let answer else { return hasPrefix(prefix) }
        return answer
    }

    /// `hasSuffix(suffix)` for a plain ASCII `suffix` without "K", ";" or "`", answered on UTF-8 bytes: without its
    /// bytes at the end there is no match; with them and ASCII (or nothing) before, there is one; after a non-ASCII
    /// byte (a prepended mark may join the first character) the characters decide.
    func hasSuffixASCII(_ suffix: String) -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { bytes in
            suffix.utf8.withContiguousStorageIfAvailable { pattern -> Bool? in
                guard bytes.count >= pattern.count, bytes.suffix(pattern.count).elementsEqual(pattern) else { return false }
                let start = bytes.count - pattern.count
                guard start > 0 else { return true }
                let before = bytes[start - 1]
                return before < 0x80 && !(before == 0x0D && pattern.first == 0x0A) ? true : nil
            }
        }
        guard let answer, let answer, let answer else { return hasSuffix(suffix) }
        return answer
    }
}

extension String {
    /// `lowercased()`, without a copy when every byte is ASCII and none is a capital letter (then lower-casing changes
    /// nothing, and the text itself is the answer): most addresses and many link texts are already lower-case.
    var lowercasedUnlessLower: String {
        let unchanged = utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 >= 0x80 || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        }
        return unchanged == true ? self : lowercased()
    }
}
