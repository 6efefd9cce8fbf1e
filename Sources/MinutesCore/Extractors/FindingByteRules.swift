import Foundation

// MARK: - Findings rules read on UTF-8 bytes in place

extension FindingExtractor {
    /// `dedupeKeyByCharacters(_:)` of a text's UTF-8 bytes, without folding it first, when every scalar is a character
    /// of its own: ASCII, or a non-ASCII scalar that `standsAlone` and lower-cases to one scalar; nil for any other text.
    /// Folding lower-cases the text and drops white space and punctuation, which are neither letters nor digits: the
    /// key is then the letters and digits of the text lower-cased, each scalar a character (`Character.isLetter` and
    /// `isNumber` read the first scalar's Alphabetic property and numeric type).
    static func dedupeKey(ofLoneScalars bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var decided = true
        // A scalar of the ranges that stand alone takes at most half as many bytes again once lower-cased.
        let key = String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            var count = 0, offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte < 0x80 {
                    let lower = byte.asciiLowercased
                    if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                        out[count] = lower
                        count += 1
                    }
                    offset += 1
                    continue
                }
                guard let (scalar, length) = UTF8Scalars.scalar(startingAt: offset, in: bytes), scalar.standsAlone else {
                    decided = false
                    return 0
                }
                let mapping = scalar.properties.lowercaseMapping.unicodeScalars
                guard let lower = mapping.first, mapping.count == 1, count + lower.utf8.count <= out.count else {
                    decided = false
                    return 0
                }
                if lower.properties.isAlphabetic || lower.properties.numericType != nil {
                    for unit in lower.utf8 {
                        out[count] = unit
                        count += 1
                    }
                }
                offset += length
            }
            return count
        }
        return decided ? key : nil
    }

    /// `sentenceAbbreviations` as bytes.
    private static let sentenceAbbreviationBytes: [[UInt8]] = sentenceAbbreviations.map { Array($0.utf8) }
    /// The length of the longest of `sentenceAbbreviations`.
    private static let longestSentenceAbbreviation = sentenceAbbreviations.map(\.utf8.count).max() ?? 0

    /// Whether the plain ASCII `word` lower-cased is one of `sentenceAbbreviations`, compared on its bytes (one a character).
    static func isSentenceAbbreviation(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= longestSentenceAbbreviation else { return false }
        return sentenceAbbreviationBytes.contains { abbreviation in
            abbreviation.count == word.count && zip(abbreviation, word).allSatisfy { $0 == $1.asciiLowercased }
        }
    }
}
