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
    /// For each byte value, the indices of the needles that start with it.
    private let startingWith: [[Int]]
    /// Whether some needle starts with the byte value (the index).
    private let isStart: [Bool]

    /// A set of needles made of characters without canonical equivalents (see `UTF8Search`); at most 64 of them.
    init(_ needles: [String]) {
        precondition(needles.count <= 64 && needles.allSatisfy {
            !$0.isEmpty && $0.unicodeScalars.allSatisfy(UTF8Search.hasNoCanonicalEquivalent)
        }, "needles must be ASCII without canonical equivalents")
        self.needles = needles
        patterns = needles.map { Array($0.utf8) }
        var startingWith = [[Int]](repeating: [], count: 256)
        for (index, pattern) in patterns.enumerated() { startingWith[Int(pattern[0])].append(index) }
        self.startingWith = startingWith
        isStart = startingWith.map { !$0.isEmpty }
    }

    /// Whether `text` holds any of the needles, as `containsASCII` tells it for each.
    func containsAny<S: StringProtocol>(in text: S) -> Bool {
        // Needles whose first match is followed by a non-ASCII byte, for `containsASCII` to decide.
        var undecided: UInt64 = 0
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let count = bytes.count
            return isStart.withUnsafeBufferPointer { isStart in
                for i in 0..<count where isStart[Int(bytes[i])] {
                    for n in startingWith[Int(bytes[i])] where undecided & (1 << n) == 0 {
                        let pattern = patterns[n]
                        guard i + pattern.count <= count else { continue }
                        var j = 1
                        while j < pattern.count && bytes[i + j] == pattern[j] { j += 1 }
                        guard j == pattern.count else { continue }
                        let end = i + pattern.count
                        if end == count || bytes[end] < 0x80 { return true }
                        undecided |= 1 << n
                    }
                }
                return false
            }
        }
        guard let found else { return needles.contains { text.containsASCII($0) } }
        if found { return true }
        return needles.indices.contains { undecided & (1 << $0) != 0 && text.containsASCII(needles[$0]) }
    }
}

extension Array where Element == UInt8 {
    /// Byte offsets where `pattern` starts, left to right and not overlapping, at most `limit` of them;
    /// `memchr` finds each candidate start and `memcmp` checks the rest.
    func organisationOffsets(of pattern: [UInt8], limit: Int = .max) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= count else { return [] }
        var found: [Int] = []
        withUnsafeBytes { haystack in
            pattern.withUnsafeBytes { needle in
                guard let base = haystack.baseAddress, let needleBase = needle.baseAddress else { return }
                let first = Int32(pattern[0])
                var offset = 0
                while offset + needle.count <= haystack.count, found.count < limit,
                      let hit = memchr(base + offset, first, haystack.count - offset - needle.count + 1) {
                    let position = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, needleBase, needle.count) == 0 {
                        found.append(position)
                        offset = position + needle.count
                    } else {
                        offset = position + 1
                    }
                }
            }
        }
        return found
    }
}

extension String {
    /// Whether the UTF-8 bytes hold `byte` anywhere, found with `memchr`: a quick refusal before a rule that
    /// needs the byte.
    func organisationHoldsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}
