import Foundation

extension Array where Element == UInt8 {
    /// Byte offsets where `pattern` starts, left to right and not overlapping (unless `overlapping`), at most
    /// `limit` of them (`UTF8Search.offset(of:in:from:)`).
    func organisationOffsets(of pattern: [UInt8], limit: Int = .max, overlapping: Bool = false) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= count else { return [] }
        var found: [Int] = []
        withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { needle in
                var offset = 0
                while found.count < limit, let position = UTF8Search.offset(of: needle, in: haystack, from: offset) {
                    found.append(position)
                    offset = position + (overlapping ? 1 : needle.count)
                }
            }
        }
        return found
    }
}

extension UTF8Search {
    /// `offset(of:in:from:)`, found by looking for the byte of `pattern` at index `anchor` first: a byte rarer than
    /// its first (`rarestByteIndex(of:)`) stops `memchr` less often in a text that does not hold the pattern.
    static func offset(of pattern: UnsafeBufferPointer<UInt8>, anchor: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let patternBase = pattern.baseAddress, pattern.indices.contains(anchor) else { return offset(of: pattern, in: bytes, from: start) }
        guard let base = bytes.baseAddress, pattern.count <= bytes.count else { return nil }
        let last = bytes.count - pattern.count   // the last offset where the pattern can start
        let head = pattern[0], tail = pattern[pattern.count - 1]
        var from = start
        while from <= last, let hit = memchr(base + from + anchor, Int32(pattern[anchor]), last - from + 1) {
            let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) - anchor
            // The pattern's first and last bytes, told here, spare most calls to `memcmp` where the pattern is not.
            if base[position] == head, base[position + pattern.count - 1] == tail,
               memcmp(base + position, patternBase, pattern.count) == 0 {
                return position
            }
            from = position + 1
        }
        return nil
    }

    /// The index of the byte of `pattern` least common in English text, by a rough order of byte frequencies:
    /// a space or a frequent lower-case letter is a poor first byte to look for, a capital or a digit a good one.
    static func rarestByteIndex(of pattern: [UInt8]) -> Int {
        var best = 0, bestScore = Int.max
        for (index, byte) in pattern.enumerated() {
            let score: Int
            if byte == UInt8(ascii: " ") {
                score = 100
            } else if let rank = letterFrequencyOrder.firstIndex(of: byte) {
                score = 90 - rank
            } else {
                score = byte.isASCIIUppercase ? 30 : byte.isASCIIDigit ? 20 : byte < 0x80 ? 40 : 10
            }
            if score < bestScore { best = index; bestScore = score }
        }
        return best
    }

    /// The lower-case letters, most frequent in English text first.
    private static let letterFrequencyOrder = Array("etaoinshrdlcumwfgypbvkjxqz".utf8)
}
