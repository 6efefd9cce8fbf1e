import Foundation

/// Edit distances told on bytes where both strings are plain ASCII (`TextRules.editDistance`'s fast path).
enum ASCIIEditDistance {
    /// Whether `a` and `b` are at most one edit apart (`TextRules.editDistanceByCharacters(a, b, limit: 1) <= 1`), on the bytes of
    /// plain ASCII strings (no CR: every character a byte, equal only to the same byte); nil for other strings.
    static func withinOneEdit(_ a: String, _ b: String) -> Bool? {
        a.withPlainASCIIBytes { x in b.withPlainASCIIBytes { y in withinOneEdit(x, y) } } ?? nil
    }

    /// Whether the byte strings `x` and `y` are equal or one substitution, insertion or deletion apart.
    static func withinOneEdit(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        guard long.count - short.count <= 1 else { return false }
        // The common beginning; past it, the rest must be equal after one byte changed (same lengths) or one dropped from the longer.
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        if i == short.count { return true }
        let skip = short.count == long.count ? 1 : 0
        return short[(i + skip)...].elementsEqual(long[(i + 1)...])
    }
}
