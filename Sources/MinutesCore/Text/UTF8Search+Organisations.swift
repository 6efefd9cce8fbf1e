import Foundation

/// Several ASCII needles looked for in one pass over a text's bytes, for rules that ask "does the line hold
/// any of these cue words?" of every block.
///
/// `containsAny(in:)` answers exactly what `needles.contains { text.containsASCII($0) }` answers: a needle whose
/// first byte match is followed by an ASCII byte (or the end) is there; one without a byte match is not; one whose
/// first byte match is followed by a non-ASCII byte is left to `containsASCII` (and so to Foundation).
struct OrganisationNeedleSet {
    /// The needles, as given.
    let needles: [String]
    /// Each needle's UTF-8 bytes.
    private let patterns: [[UInt8]]
    /// One bit for each pair of bytes (first byte × 256 + second byte) that some needle opens with.
    private let openings: [UInt64]

    /// A set of needles of two bytes or more, made of characters without canonical equivalents (see `UTF8Search`);
    /// at most 64 of them.
    init(_ needles: [String]) {
        precondition(needles.count <= 64 && needles.allSatisfy {
            $0.utf8.count >= 2 && $0.unicodeScalars.allSatisfy(UTF8Search.hasNoCanonicalEquivalent)
        }, "needles must be two bytes or more, without canonical equivalents")
        self.needles = needles
        patterns = needles.map { Array($0.utf8) }
        var openings = [UInt64](repeating: 0, count: 65536 / 64)
        for pattern in patterns {
            let pair = Int(pattern[0]) << 8 | Int(pattern[1])
            openings[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        self.openings = openings
    }

    /// Whether `text` holds any of the needles, as `containsASCII` tells it for each.
    func containsAny<S: StringProtocol>(in text: S) -> Bool {
        // Needles whose first match is followed by a non-ASCII byte, for `containsASCII` to decide.
        var undecided: UInt64 = 0
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            openings.withUnsafeBufferPointer { openings in
                var i = 0
                while i + 1 < bytes.count {
                    let pair = Int(bytes[i]) << 8 | Int(bytes[i + 1])
                    if openings[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                        for (n, pattern) in patterns.enumerated() where undecided & (1 << n) == 0 && matches(pattern, in: bytes, at: i) {
                            let end = i + pattern.count
                            if end == bytes.count || bytes[end] < 0x80 { return true }
                            undecided |= 1 << n
                        }
                    }
                    i += 1
                }
                return false
            }
        }
        guard let found else { return needles.contains { text.containsASCII($0) } }
        if found { return true }
        return needles.indices.contains { undecided & (1 << $0) != 0 && text.containsASCII(needles[$0]) }
    }

    /// Whether `pattern` stands in `bytes` at `offset`.
    private func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        for (j, byte) in pattern.enumerated() where bytes[offset + j] != byte { return false }
        return true
    }
}

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
