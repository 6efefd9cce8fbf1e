import Foundation

/// A few ASCII needles looked for together: `containsAny(in:)` answers `needles.contains { text.containsASCII($0) }`
/// in one pass over the text's bytes instead of one pass a needle (the participant rules ask such questions of every block).
struct ASCIINeedleSet {
    /// The needles, as given.
    let needles: [String]
    /// Their bytes.
    private let patterns: [[UInt8]]
    /// For each byte value, the needles (one bit each) that start with it.
    private let starts: [UInt32]

    /// What one pass over the bytes found.
    private enum Scan {
        /// A needle's first match is followed by ASCII or the end: a match.
        case found
        /// The needles (one bit each) whose first match is followed by a non-ASCII byte, for Foundation to decide.
        case undecided(UInt32)
    }

    /// Needles without canonical equivalents (see `UTF8Search`); at most 32 of them.
    init(_ needles: [String]) {
        precondition(needles.count <= 32 && needles.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(UTF8Search.hasNoCanonicalEquivalent) })
        self.needles = needles
        patterns = needles.map { Array($0.utf8) }
        var starts = [UInt32](repeating: 0, count: 256)
        for (bit, pattern) in patterns.enumerated() { starts[Int(pattern[0])] |= 1 << UInt32(bit) }
        self.starts = starts
    }

    /// Whether `text` holds any of the needles, as `containsASCII` (Foundation's `contains`) finds them.
    func containsAny<S: StringProtocol>(in text: S) -> Bool {
        let scan = text.utf8.withContiguousStorageIfAvailable { bytes in starts.withUnsafeBufferPointer { starts -> Scan in
            var seen: UInt32 = 0
            for i in bytes.indices {
                var candidates = starts[Int(bytes[i])] & ~seen
                while candidates != 0 {
                    let bit = UInt32(candidates.trailingZeroBitCount)
                    candidates &= candidates - 1
                    let pattern = patterns[Int(bit)], end = i + pattern.count
                    guard end <= bytes.count else { continue }
                    var j = 1
                    while j < pattern.count && bytes[i + j] == pattern[j] { j += 1 }
                    guard j == pattern.count else { continue }
                    if end == bytes.count || bytes[end] < 0x80 { return .found }
                    // Only a needle's first match counts (as in `UTF8Search.firstMatch`).
                    seen |= 1 << bit
                }
            }
            return .undecided(seen)
        } }
        switch scan {
        case .none: return needles.contains { text.containsASCII($0) }
        case .found: return true
        case .undecided(let bits): return needles.indices.contains { bits & (1 << UInt32($0)) != 0 && text.contains(needles[$0]) }
        }
    }
}

extension String {
    /// How many times `needle` occurs, leftmost first and without overlaps: Foundation's
    /// `components(separatedBy: needle).count - 1`, counted on bytes when both are plain ASCII.
    func participantOccurrences(of needle: String) -> Int {
        guard isPlainASCII, needle.isPlainASCII, !needle.isEmpty else { return components(separatedBy: needle).count - 1 }
        var count = 0
        var rest = self[...]
        while let found = rest.rangeOfASCII(needle) {
            count += 1
            rest = rest[found.upperBound...]
        }
        return count
    }

    /// `count <= limit`, without counting more characters than needed: every character is at least one byte,
    /// and when the first `limit + 1` bytes are plain ASCII, each is a character of its own.
    func participantHasAtMost(_ limit: Int) -> Bool {
        if utf8.count <= limit { return true }
        if utf8.prefix(limit + 1).allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return false }
        return dropFirst(limit).isEmpty
    }

    /// `split(whereSeparator: { separators.contains($0) })`, on bytes when the text and `separators` are
    /// plain ASCII (where every byte is a character).
    func participantSplit(onAnyOf separators: String) -> [Substring] {
        guard isPlainASCII, separators.isPlainASCII else { return split(whereSeparator: { separators.contains($0) }) }
        let bytes = Array(separators.utf8)
        return utf8.split(whereSeparator: { bytes.contains($0) }).map { Substring($0) }
    }
}

extension String {
    /// Foundation's `trimmingCharacters(in: CharacterSet(charactersIn: "?_"))` ("Dave_??" → "Dave"), on bytes:
    /// both marks are ASCII, one byte wherever they stand.
    func trimmingPlaceholderMarks() -> String {
        let bytes = utf8
        func isMark(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "?") || byte == UInt8(ascii: "_") }
        guard let first = bytes.firstIndex(where: { !isMark($0) }), let last = bytes.lastIndex(where: { !isMark($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
