import Foundation

/// What one pass over a text's UTF-8 bytes found (`String.findingsScan(_:)`).
struct FindingsByteScan {
    /// Bit n is set when the bytes hold `needles[n]`, ASCII letters compared in either case.
    var mentions: UInt
    /// Whether every character is one ASCII byte (`isPlainASCII`).
    var isPlainASCII: Bool
}

extension String {
    /// Which of `needles` (lower-case ASCII, none empty) the text's UTF-8 bytes hold with ASCII letters in
    /// either case, and whether the text is plain ASCII, found in one pass.
    ///
    /// A prefilter: a needle missing here is missing from the text matched exactly, and from the text
    /// lower-cased for needles without "i" or "k" (lower-casing yields no ASCII character that the text does
    /// not already hold in either case but "k", from KELVIN SIGN, and "i", from "İ", followed by a combining dot).
    func findingsScan(_ needles: [[UInt8]]) -> FindingsByteScan {
        // The bytes a needle starts with, as a 256-bit set, so most bytes are passed after one test.
        var starts: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for needle in needles {
            guard let first = needle.first else { continue }
            let bit = UInt64(1) << UInt64(first & 63)
            switch first >> 6 {
            case 0: starts.0 |= bit
            case 1: starts.1 |= bit
            case 2: starts.2 |= bit
            default: starts.3 |= bit
            }
        }
        let scan = utf8.withContiguousStorageIfAvailable { bytes -> FindingsByteScan in
            var found: UInt = 0
            var plainASCII = true
            for i in bytes.indices {
                if bytes[i] >= 0x80 || bytes[i] == 0x0D { plainASCII = false }
                let byte = bytes[i].asciiLowercased
                let word: UInt64
                switch byte >> 6 {
                case 0: word = starts.0
                case 1: word = starts.1
                case 2: word = starts.2
                default: word = starts.3
                }
                guard word & (UInt64(1) << UInt64(byte & 63)) != 0 else { continue }
                for (n, needle) in needles.enumerated() where found & (1 << n) == 0 && needle.first == byte {
                    guard needle.count <= bytes.count - i else { continue }
                    if needle.indices.dropFirst().allSatisfy({ bytes[i + $0].asciiLowercased == needle[$0] }) { found |= 1 << n }
                }
            }
            return FindingsByteScan(mentions: found, isPlainASCII: plainASCII)
        }
        // Bytes not stored contiguously cannot be read here: every needle may be there.
        return scan ?? FindingsByteScan(mentions: ~0, isPlainASCII: isPlainASCII)
    }
}

extension StringProtocol {
    /// The first `limit` words of `split(separator: " ")`, read on UTF-8 bytes; nil when a byte over 0x7F
    /// comes before the answer is known (a space next to it may belong to a larger character, so the
    /// characters must decide). Every space met before then stands between ASCII characters, a character
    /// of its own, so the bytes cut exactly where the characters would.
    func findingsLeadingWords(limit: Int = .max) -> [String]? {
        let words = utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var words: [String] = []
            var wordStart: Int?
            for i in bytes.indices {
                let byte = bytes[i]
                guard byte < 0x80 else { return nil }
                if byte != UInt8(ascii: " ") {
                    if wordStart == nil { wordStart = i }
                    continue
                }
                guard let start = wordStart else { continue }
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                wordStart = nil
                if words.count == limit {
                    // The space ending the last word must be a character by itself: no combining mark after it.
                    return i + 1 == bytes.count || bytes[i + 1] < 0x80 ? words : nil
                }
            }
            if let start = wordStart { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return words
        }
        return words ?? nil
    }
}
