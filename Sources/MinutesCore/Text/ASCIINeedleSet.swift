import Foundation

/// A few ASCII needles looked for together: `containsAny(in:)` answers `needles.contains { text.containsASCII($0) }`
/// in one pass over the text's bytes instead of one pass a needle (the participant, introduction and organisation rules
/// ask such questions of every block).
///
/// Each needle is looked for by its rarest byte in English text (its anchor: "k" in " aka "), so that few bytes of the
/// text need a closer look, and eight bytes without an anchor are passed over at once.
struct ASCIINeedleSet {
    /// The needles, as given.
    let needles: [String]
    /// The needles' bytes and anchors.
    private let anchoredNeedles: AnchoredNeedles
    /// Each anchor byte repeated in the eight bytes of a word.
    private let anchorWords: AnchorBytes

    /// Bytes from the most to the least common in English text; bytes not listed count as rarer still.
    private static let commonBytes = Array(" etaoinsrhldcumfpgwybv,.kxjqz".utf8)

    /// The rank in `commonBytes` of "c": a byte this rare or rarer may anchor a needle in place of its own rarest byte.
    private static let sharedAnchorRarity = commonBytes.firstIndex(of: UInt8(ascii: "c")) ?? 0

    /// Needles without canonical equivalents (see `UTF8Search`); at most 32 of them.
    init(_ needles: [String]) {
        precondition(needles.count <= 32 && needles.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(UTF8Search.hasNoCanonicalEquivalent) })
        self.needles = needles
        let patterns = needles.map { Array($0.utf8) }
        func rarity(_ byte: UInt8) -> Int { Self.commonBytes.firstIndex(of: byte) ?? Self.commonBytes.count }
        var anchors = patterns.map { pattern in pattern.indices.max { rarity(pattern[$0]) < rarity(pattern[$1]) } ?? 0 }
        // Every anchor byte costs a test of each eight bytes: a needle alone on its anchor moves to the rarest byte it
        // holds that anchors another needle, where that byte is no commoner than "c" (its few extra looks cost less).
        var uses = [Int](repeating: 0, count: 256)
        for (pattern, anchor) in zip(patterns, anchors) { uses[Int(pattern[anchor])] += 1 }
        for (index, pattern) in patterns.enumerated() where uses[Int(pattern[anchors[index]])] == 1 {
            let shared = pattern.indices.filter { uses[Int(pattern[$0])] > 0 && pattern[$0] != pattern[anchors[index]] && rarity(pattern[$0]) >= Self.sharedAnchorRarity }
            guard let anchor = shared.max(by: { rarity(pattern[$0]) < rarity(pattern[$1]) }) else { continue }
            uses[Int(pattern[anchors[index]])] -= 1
            uses[Int(pattern[anchor])] += 1
            anchors[index] = anchor
        }
        anchoredNeedles = AnchoredNeedles(patterns, anchors: anchors)
        anchorWords = AnchorBytes(anchoredNeedles.anchored)
    }

    /// Whether `text` holds any of the needles, as `containsASCII` (Foundation's `contains`) finds them.
    func containsAny<S: StringProtocol>(in text: S) -> Bool {
        guard let scan = scan(text, stoppingAtFirst: true) else { return needles.contains { text.containsASCII($0) } }
        return scan.found != 0 || decided(scan.undecided, in: text) != 0
    }

    /// The needles (bit `i` for `needles[i]`) that `text` holds, as `containsASCII` finds each: one pass answers for
    /// several groups of needles (`matches(in:) & group != 0` is `containsAny` of the group's needles).
    func matches<S: StringProtocol>(in text: S) -> UInt32 {
        guard let scan = scan(text, stoppingAtFirst: false) else {
            return needles.indices.reduce(0) { text.containsASCII(needles[$1]) ? $0 | 1 << UInt32($1) : $0 }
        }
        return scan.found | decided(scan.undecided, in: text)
    }

    /// The needles among `bits` that Foundation finds in `text`.
    private func decided<S: StringProtocol>(_ bits: UInt32, in text: S) -> UInt32 {
        guard bits != 0 else { return 0 }
        return needles.indices.reduce(0) { bits & (1 << UInt32($1)) != 0 && text.contains(needles[$1]) ? $0 | 1 << UInt32($1) : $0 }
    }

    /// One pass over the bytes of `text` (nil when they are not contiguous); with `stoppingAtFirst`, it ends at the first match.
    @inline(__always)
    private func scan<S: StringProtocol>(_ text: S, stoppingAtFirst: Bool) -> AnchoredNeedles.Scan? {
        text.utf8.withContiguousStorageIfAvailable { text in
            anchoredNeedles.scan(text, stoppingAtFirst: stoppingAtFirst, anchors: anchorWords)
        }
    }
}

/// Needles laid out for a search by anchor bytes (shared by `ASCIINeedleSet` and `CueWordScan`): each needle is
/// looked at only where its anchor byte (one of its bytes) stands in the text.
struct AnchoredNeedles {
    /// All the needles' bytes, one after the other.
    private let bytes: [UInt8]
    /// Where each needle's bytes start in `bytes`, how many there are, and the offset of its anchor among them.
    private let layout: [(start: Int, count: Int, anchor: Int)]
    /// For each byte value, the needles (one bit each) anchored on it.
    let anchored: [UInt32]

    /// What one pass over the bytes found.
    struct Scan {
        /// The needles (one bit each) whose first match is followed by ASCII or the end: matches.
        var found: UInt32 = 0
        /// The needles (one bit each) whose first match is followed by a non-ASCII byte, for Foundation to decide.
        var undecided: UInt32 = 0
    }

    /// The needles' bytes (at most 32 needles), each anchored on its byte at offset `anchors[i]`.
    init(_ patterns: [[UInt8]], anchors: [Int]) {
        var bytes: [UInt8] = [], layout: [(start: Int, count: Int, anchor: Int)] = []
        var anchored = [UInt32](repeating: 0, count: 256)
        for (bit, (pattern, anchor)) in zip(patterns, anchors).enumerated() {
            layout.append((bytes.count, pattern.count, anchor))
            bytes.append(contentsOf: pattern)
            anchored[Int(pattern[anchor])] |= 1 << UInt32(bit)
        }
        self.bytes = bytes
        self.layout = layout
        self.anchored = anchored
    }

    /// One pass over `text`, eight bytes at a time: `anchors` marks (top bit of each byte) the bytes of a word
    /// (read little-endian) that may be anchors; those are looked at one by one, as are the last bytes. With
    /// `stoppingAtFirst`, it ends at the first match.
    @inline(__always)
    func scan<Anchors: AnchorTest>(_ text: UnsafeBufferPointer<UInt8>, stoppingAtFirst: Bool, anchors: Anchors) -> Scan {
        bytes.withUnsafeBufferPointer { bytes in anchored.withUnsafeBufferPointer { anchored in layout.withUnsafeBufferPointer { layout -> Scan in
            // A needle's matches come up in the order of their anchors, so its first one is its leftmost.
            var result = Scan()
            var seen: UInt32 = 0
            /// Looks at the needles anchored on the byte at `position`; true when the scan is to end there.
            func examine(_ position: Int) -> Bool {
                var candidates = anchored[Int(text[position])] & ~seen
                while candidates != 0 {
                    let bit = UInt32(candidates.trailingZeroBitCount)
                    candidates &= candidates - 1
                    let (start, count, anchor) = layout[Int(bit)]
                    let first = position - anchor, end = first + count
                    guard first >= 0, end <= text.count else { continue }
                    var j = 0
                    while j < count && text[first + j] == bytes[start + j] { j += 1 }
                    guard j == count else { continue }
                    // Only a needle's first match counts (as in `UTF8Search.firstMatch`).
                    seen |= 1 << bit
                    if end == text.count || text[end] < 0x80 {
                        result.found |= 1 << bit
                        if stoppingAtFirst { return true }
                    } else {
                        result.undecided |= 1 << bit
                    }
                }
                return false
            }
            guard let base = text.baseAddress else { return result }
            var i = 0
            while i + 8 <= text.count {
                var hits = anchors.anchorBits(of: UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
                while hits != 0 {
                    let position = i + hits.trailingZeroBitCount / 8
                    hits &= hits - 1
                    if examine(position) { return result }
                }
                i += 8
            }
            while i < text.count {
                if examine(i) { return result }
                i += 1
            }
            return result
        } } }
    }
}

/// A test of eight bytes for the anchor bytes of a search (see `AnchoredNeedles.scan`).
protocol AnchorTest {
    /// The eight bytes read (little-endian) into `word`, as a mask with the top bit of byte `k` set where byte `k`
    /// may be an anchor (every anchor's bit is set; a set bit may also stand for another byte).
    func anchorBits(of word: UInt64) -> UInt64
}

/// The bytes a scan must stop at, tested eight at a time: a block of eight bytes without any of them is
/// passed over whole (the has-a-zero-byte test on the XOR of the block with each byte repeated).
struct AnchorBytes: AnchorTest {
    /// Each anchor byte repeated in all eight bytes of a word.
    private let words: [UInt64]

    /// The bytes whose entry in `anchored` (indexed by byte) is not zero.
    init<Mask: BinaryInteger>(_ anchored: [Mask]) {
        words = anchored.indices.filter { anchored[$0] != 0 }.map { UInt64($0) &* 0x0101_0101_0101_0101 }
    }

    /// Where the bytes of `text` from `start` on that must be looked at one by one end: `start + 8` when
    /// those eight hold an anchor, nil when they hold none (skip them), the end of `text` for its last bytes.
    @inline(__always)
    func blockEnd(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard start + 8 <= text.count, let base = text.baseAddress else { return text.count }
        let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
        return words.contains(where: { Self.hasByte(word, $0) }) ? start + 8 : nil
    }

    /// The eight bytes of `text` from `start` on (there must be eight), as a mask with the top bit of byte `k` set
    /// where byte `k` may be an anchor: every anchor's bit is set, and a set bit may also stand for another byte
    /// (the borrow of the has-a-zero-byte test), which the caller tells apart by looking at the byte.
    @inline(__always)
    func anchorBits(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = text.baseAddress else { return 0 }
        return anchorBits(of: UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)))
    }

    /// `anchorBits(from:in:)` for eight bytes read (little-endian) into `word`.
    @inline(__always)
    func anchorBits(of word: UInt64) -> UInt64 {
        var bits: UInt64 = 0
        for pattern in words { bits |= UTF8Search.zeroBytes(word ^ pattern) }
        return bits
    }

    /// Whether any of the eight bytes of `word` is the byte repeated in `pattern`.
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ pattern: UInt64) -> Bool {
        UTF8Search.zeroBytes(word ^ pattern) != 0
    }
}
