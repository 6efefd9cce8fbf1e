import Foundation

/// The common-word dictionary that `WordRepair` consults before splitting a word.
///
/// Loaded once from Debian's `wamerican` and `wbritish` word lists when installed
/// (`/usr/share/dict/american-english`, `british-english`, or `$MINUTES_WORDLIST`);
/// only lower-case entries count, so proper nouns ("Sen", "ROM") never license a split.
public struct Lexicon: Sendable {
    /// The shared dictionary, loaded on first use.
    public static let shared = Lexicon.loadSystemWordLists()

    /// Lower-case common words.
    public let words: WordSet

    /// Creates a lexicon from explicit words (lower-cased).
    public init(words: Set<String>) {
        var data: [UInt8] = []
        for word in words { data.append(contentsOf: word.utf8); data.append(0x0A) }
        self.words = WordSet(lines: data, lowerCaseOnly: false)
    }

    /// Creates a lexicon from a prepared word set.
    init(words: WordSet) {
        self.words = words
    }

    /// Whether `word` (any case) is a common word.
    public func contains(_ word: String) -> Bool {
        words.contains(word.lowercased())
    }

    /// Short words too common to be anything but words; they may stand as split pieces
    /// even where the dictionary's minimum piece length would refuse them.
    public static let functionWords: Set<String> = [
        "a", "an", "as", "at", "be", "by", "do", "if", "in", "is", "it", "no", "of", "on", "or", "so", "to",
        "up", "we", "and", "are", "but", "for", "has", "its", "not", "the", "was", "who", "with", "from", "that",
    ]

    static func loadSystemWordLists() -> Lexicon {
        var paths = ["/usr/share/dict/american-english", "/usr/share/dict/british-english", "/usr/share/dict/words"]
        // (`getenv` reads the one variable; `ProcessInfo.environment` would build a dictionary of all of them.)
        if let custom = getenv("MINUTES_WORDLIST") { paths.insert(String(cString: custom), at: 0) }
        var lines: [UInt8] = []
        // `words` is usually a link to one of the others: a file read twice adds no word.
        var read = Set<String>()
        for path in paths {
            guard read.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted else { continue }
            guard readFile(path, appendingTo: &lines) else {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                lines.append(contentsOf: data)
                if lines.last != 0x0A { lines.append(0x0A) }
                continue
            }
            if lines.last != 0x0A { lines.append(0x0A) }
        }
        return Lexicon(words: WordSet(lines: lines, lowerCaseOnly: true))
    }

    /// Reads the regular file at `path` straight into the end of `lines` (no `Data` in between); false, with `lines` as
    /// they were, for a path that is no readable regular file with bytes in it (which `FileManager` then reads).
    private static func readFile(_ path: String, appendingTo lines: inout [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & 0o170000 == 0o100000, info.st_size > 0 else { return false }
        let start = lines.count
        let size = Int(info.st_size)
        lines.reserveCapacity(start + size + 1)
        var failed = false
        lines.append(contentsOf: repeatElement(0, count: size))
        let filled = lines.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var filled = 0
            while filled < size {
                let count = Glibc.read(descriptor, base + start + filled, size - filled)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { failed = count < 0; break }
                filled += count
            }
            return filled
        }
        lines.removeSubrange((start + filled)...)
        if failed { lines.removeSubrange(start...) }
        return !failed
    }
}

/// A set of words that loads fast: the word list's own bytes plus an open-addressing hash table of
/// offsets into them (a `Set<String>` of 200,000 words costs about 40 ms to build in every process).
///
/// Membership is that of `Set<String>`, which compares canonically: ASCII words (nearly all of them) are
/// compared byte for byte, since an ASCII string is canonically equivalent to no other string except through
/// the three scalars whose decomposition is ASCII (KELVIN SIGN, GREEK QUESTION MARK, GREEK VARIA); the few
/// words with other characters are kept in a `Set<String>`.
public struct WordSet: Sendable {
    /// The word list: words separated by line feeds.
    private let bytes: [UInt8]
    /// Offset + 1 of a word's first byte in `bytes`; 0 for an empty slot. The count is a power of two.
    private let slots: [UInt32]
    /// The words with non-ASCII characters.
    private let others: Set<String>
    /// Whether some word of `others` is canonically equivalent to an ASCII string.
    private let othersMatchASCII: Bool
    /// A Bloom filter of the table's words (`filterBits`), small enough to stay in the cache: most words that are not
    /// in the table are turned away by it without a read of the large `slots` and `bytes`.
    private let filter: [UInt64]

    /// The words of `lines` (separated by line feeds); empty lines are skipped. With `lowerCaseOnly`, only
    /// lower-case entries (first byte a–z) without possessives ("hub's") are kept, as from a system word list.
    init(lines: [UInt8], lowerCaseOnly: Bool) {
        let lineCount = lines.withUnsafeBufferPointer(Self.lineFeedCount)
        // A system word list keeps under a third of its lines as distinct words (only lower-case ones, of which the
        // American and British lists share most): a table with a slot a line stays under half full. The filter keeps
        // as many bits a line either way.
        var capacity = 16
        while capacity < (lowerCaseOnly ? lineCount + 1 : lineCount * 2) { capacity <<= 1 }
        var slots = [UInt32](repeating: 0, count: capacity)
        var filter = [UInt64](repeating: 0, count: max(1, capacity >> (lowerCaseOnly ? 4 : 5)))
        var others = Set<String>()
        var othersMatchASCII = false
        // Plain pointers inside the loop: no copy-on-write or exclusivity checks per probe.
        slots.withUnsafeMutableBufferPointer { table in
            filter.withUnsafeMutableBufferPointer { filter in
                lines.withUnsafeBufferPointer { all in
                    var start = 0
                    while start < all.count {
                        // A line not kept for its first byte is passed over with memchr.
                        if lowerCaseOnly, !(0x61...0x7A).contains(all[start]) {
                            start = Self.lineEnd(in: all, from: start) + 1
                            continue
                        }
                        // The kept lines are read once, eight bytes at a time: where each ends, its hash, and whether it holds an
                        // apostrophe or a byte over 0x7F.
                        let (end, hash, highBits, apostrophes) = Self.scanLine(in: all, from: start)
                        let line = UnsafeBufferPointer(rebasing: all[start..<end])
                        defer { start = end + 1 }
                        if line.isEmpty || (lowerCaseOnly && apostrophes) { continue }
                        if highBits {
                            let word = String(decoding: line, as: UTF8.self)
                            others.insert(word)
                            if Self.asciiEquivalent(of: word) != nil { othersMatchASCII = true }
                            continue
                        }
                        let (word, bits) = Self.filterBits(hash, wordCount: filter.count)
                        filter[word] |= bits
                        var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
                        while table[slot] != 0 {
                            if Self.word(at: Int(table[slot]) - 1, in: all, equals: line) { break }
                            slot = (slot + 1) & (capacity - 1)
                        }
                        if table[slot] == 0 { table[slot] = UInt32(start + 1) }
                    }
                }
            }
        }
        self.bytes = lines
        self.slots = slots
        self.others = others
        self.othersMatchASCII = othersMatchASCII
        self.filter = filter
    }

    /// Where a word of hash `hash` stands in a filter of `wordCount` words (a power of two): the filter word, and its
    /// two bits, taken from hash bits the slot index does not use.
    @inline(__always)
    private static func filterBits(_ hash: UInt64, wordCount: Int) -> (word: Int, bits: UInt64) {
        (Int(truncatingIfNeeded: hash >> 40) & (wordCount - 1), (1 << ((hash >> 20) & 63)) | (1 << ((hash >> 26) & 63)))
    }

    /// How many line feeds `all` holds, counted eight bytes at a time: a byte of the word XOR line feeds is zero where
    /// the word holds one, and `(x & 0x7F) + 0x7F | x` has its high bit clear only for a zero byte (no carry between bytes);
    /// the ones so marked (one a byte, each byte's low bit) are summed by a multiplication into the top byte.
    private static func lineFeedCount(_ all: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = all.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0, offset = 0
        while offset + 8 <= all.count {
            let x = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ lineFeeds
            let zeros = (~(((x & low7) &+ low7) | x) & ~low7) >> 7
            count += Int(truncatingIfNeeded: (zeros &* 0x0101_0101_0101_0101) >> 56)
            offset += 8
        }
        while offset < all.count {
            if all[offset] == 0x0A { count += 1 }
            offset += 1
        }
        return count
    }

    /// Whether `word` is in the set (canonical equivalence, as `Set<String>`).
    public func contains(_ word: String) -> Bool {
        var word = word
        let ascii = word.withUTF8 { query -> Bool? in
            guard !query.contains(where: { $0 >= 0x80 }) else { return nil }
            return contains(asciiBytes: query)
        }
        if let ascii { return ascii }
        if others.contains(word) { return true }
        guard var equivalent = Self.asciiEquivalent(of: word) else { return false }
        return equivalent.withUTF8 { containsASCII($0) }
    }

    /// `contains(_:)` for a word given as its bytes, all of them ASCII.
    func contains(asciiBytes query: UnsafeBufferPointer<UInt8>) -> Bool {
        containsASCII(query) || othersContain(ascii: query)
    }

    /// `contains(asciiBytes:)` for each of `queries`, with the table's reads for all of them issued together: the
    /// first slot of every query is read in one pass, then the word it points to in another, so the processor waits
    /// for many of these cache misses at once instead of one after the other (a query whose word is further along its
    /// probe sequence is then looked up alone).
    /// `hashes`, when given, are `hash(_:)` of each query, worked out before; the Bloom filter turns most absent words
    /// away before their slot is read.
    func contains(asciiBatch queries: [UnsafeBufferPointer<UInt8>], hashes: [UInt64]? = nil) -> [Bool] {
        slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { all in
                let mask = slots.count - 1
                // -1: a query the table cannot hold, or one the filter turns away.
                let firstSlots = queries.indices.map { index -> Int in
                    let query = queries[index]
                    guard !query.isEmpty, !query.contains(0x0A) else { return -1 }
                    let hash = hashes?[index] ?? Self.hash(query)
                    let (word, bits) = Self.filterBits(hash, wordCount: filter.count)
                    return filter[word] & bits == bits ? Int(truncatingIfNeeded: hash) & mask : -1
                }
                let stored = firstSlots.map { $0 < 0 ? 0 : Int(slots[$0]) }
                return queries.indices.map { index in
                    let query = queries[index]
                    guard stored[index] != 0 else { return othersContain(ascii: query) }
                    return Self.word(at: stored[index] - 1, in: all, equals: query) || contains(asciiBytes: query)
                }
            }
        }
    }

    /// Whether a word of `others` is canonically equivalent to the ASCII `query`.
    private func othersContain(ascii query: UnsafeBufferPointer<UInt8>) -> Bool {
        othersMatchASCII && others.contains(String(decoding: query, as: UTF8.self))
    }

    /// Whether the ASCII bytes `query` are a word of the table.
    private func containsASCII(_ query: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !query.isEmpty, !query.contains(0x0A) else { return false }
        let hash = Self.hash(query)
        let (word, bits) = Self.filterBits(hash, wordCount: filter.count)
        guard filter[word] & bits == bits else { return false }
        return bytes.withUnsafeBufferPointer { all in
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] != 0 {
                if Self.word(at: Int(slots[slot]) - 1, in: all, equals: query) { return true }
                slot = (slot + 1) & (slots.count - 1)
            }
            return false
        }
    }

    /// Whether the word starting at `offset` of `all` (ended by a line feed) is `query`: compared eight bytes at a time
    /// (words are short: no `memcmp` call), the last bytes with `tailBytes`, all read inside the two buffers.
    private static func word(at offset: Int, in all: UnsafeBufferPointer<UInt8>, equals query: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = offset + query.count
        guard end < all.count, all[end] == 0x0A, let base = all.baseAddress, let queryBase = query.baseAddress else { return false }
        let stored = UnsafeRawPointer(base + offset), asked = UnsafeRawPointer(queryBase)
        var index = 0
        while index + 8 <= query.count {
            if stored.loadUnaligned(fromByteOffset: index, as: UInt64.self) != asked.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index += 8
        }
        return index == query.count
            || tailBytes(base + offset, from: index, count: query.count) == tailBytes(queryBase, from: index, count: query.count)
    }

    /// The offset of the first line feed in `all` at or after `start`, or `all.count` when there is none: eight bytes
    /// at a time (a byte of the word XOR line feeds is zero where the word holds one; the lowest flagged byte is the
    /// first zero byte), since the lines are short.
    private static func lineEnd(in all: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = all.baseAddress else { return all.count }
        let ones: UInt64 = 0x0101_0101_0101_0101
        var offset = start
        while offset + 8 <= all.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) ^ (ones &* 0x0A)
            let zeros = UTF8Search.zeroBytes(word)
            if zeros != 0 { return offset + zeros.trailingZeroBitCount >> 3 }
            offset += 8
        }
        while offset < all.count, all[offset] != 0x0A { offset += 1 }
        return offset
    }

    /// The hash of a word: its bytes taken eight at a time as little-endian words (the last one filled up with zero
    /// bytes), each mixed in by a multiplication, then the length and a final mix for the low bits the table uses.
    /// With `lowerCasing`, the hash of the bytes lower-cased (A–Z as a–z), with no lower-cased copy made.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, lowerCasing: Bool = false) -> UInt64 {
        var hash: UInt64 = 0
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                let chunk = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                hash = mix(hash, lowerCasing ? asciiLowercased(chunk) : chunk)
                offset += 8
            }
        }
        if offset < bytes.count, let base = bytes.baseAddress {
            let tail = tailBytes(base, from: offset, count: bytes.count)
            hash = mix(hash, lowerCasing ? asciiLowercased(tail) : tail)
        }
        return finish(hash, length: bytes.count)
    }

    /// The bytes of `base` from `offset` to `count` (fewer than eight) as a little-endian word, zero bytes above them.
    /// Read with a few loads rather than a byte at a time: the last eight bytes shifted down when the buffer holds eight
    /// or more; else two overlapping four-byte loads, or the first, middle and last byte (overlaps OR the same byte).
    @inline(__always)
    static func tailBytes(_ base: UnsafePointer<UInt8>, from offset: Int, count: Int) -> UInt64 {
        let length = count - offset
        let raw = UnsafeRawPointer(base)
        if count >= 8 {
            return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) >> UInt64(8 * (8 - length))
        }
        if length >= 4 {
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return low | high << UInt64(8 * (length - 4))
        }
        let middle = length / 2
        return UInt64(base[offset]) | UInt64(base[offset + middle]) << UInt64(8 * middle) | UInt64(base[count - 1]) << UInt64(8 * (length - 1))
    }

    /// The eight bytes of `chunk` with A–Z lower-cased (`UInt8.asciiLowercased` of each): a byte's low seven bits plus
    /// 0x3F reach the high bit from "A" on, plus 0x25 from "[" on (no carry between bytes), and a byte with its own high
    /// bit set is no letter; each upper-case letter gets 0x20.
    @inline(__always)
    static func asciiLowercased(_ chunk: UInt64) -> UInt64 {
        let low7 = chunk & 0x7F7F_7F7F_7F7F_7F7F
        let fromA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F, pastZ = low7 &+ 0x2525_2525_2525_2525
        return chunk | ((fromA & ~pastZ & ~chunk & 0x8080_8080_8080_8080) >> 2)
    }

    /// One step of `hash(_:)`: eight bytes mixed in.
    @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        ((hash ^ word) &* 0x9E37_79B9_7F4A_7C15) ^ (hash >> 31)
    }

    /// The last step of `hash(_:)`: the length mixed in, and the high bits folded into the low ones.
    @inline(__always)
    static func finish(_ hash: UInt64, length: Int) -> UInt64 {
        var hash = (hash ^ UInt64(truncatingIfNeeded: length)) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
        hash = hash &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }

    /// The line of `all` that starts at `start`, read eight bytes at a time: where it ends (its line feed, or the end of
    /// `all`), `hash(_:)` of its bytes, and whether it holds a byte over 0x7F or an apostrophe.
    @inline(__always)
    private static func scanLine(in all: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, hash: UInt64, highBits: Bool, apostrophes: Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let zeroBytes = UTF8Search.zeroBytes
        var hash: UInt64 = 0, ored: UInt64 = 0, apostrophes: UInt64 = 0
        var offset = start
        guard let base = all.baseAddress else { return (start, finish(0, length: 0), false, false) }
        while offset + 8 <= all.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            let lineFeeds = zeroBytes(word ^ (ones &* 0x0A))
            // The bytes before the first line feed, all eight when there is none.
            let kept = lineFeeds == 0 ? 8 : lineFeeds.trailingZeroBitCount >> 3
            let part = kept == 8 ? word : word & ((1 << UInt64(8 * kept)) &- 1)
            if kept > 0 {
                hash = mix(hash, part)
                ored |= part
                // Bytes cleared above the line's end are zeros, no apostrophe.
                apostrophes |= zeroBytes(part ^ (ones &* 0x27)) & (kept == 8 ? highs : ((1 << UInt64(8 * kept)) &- 1))
            }
            offset += kept
            if kept < 8 { return (offset, finish(hash, length: offset - start), ored & highs != 0, apostrophes != 0) }
        }
        // Fewer than eight bytes left: the rest of the line, byte by byte.
        var tail: UInt64 = 0
        let tailStart = offset
        while offset < all.count, all[offset] != 0x0A {
            let byte = all[offset]
            tail |= UInt64(byte) << UInt64(8 * (offset - tailStart))
            ored |= UInt64(byte)
            if byte == 0x27 { apostrophes = 1 }
            offset += 1
        }
        if offset > tailStart { hash = mix(hash, tail) }
        return (offset, finish(hash, length: offset - start), ored & 0x80 != 0 || ored & highs != 0, apostrophes != 0)
    }

    /// The ASCII string canonically equivalent to `word`, if any: its scalars are ASCII or one of the
    /// three whose canonical decomposition is ASCII.
    private static func asciiEquivalent(of word: String) -> String? {
        var out = ""
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: out.unicodeScalars.append(scalar)
            case 0x212A: out.append("K")
            case 0x037E: out.append(";")
            case 0x1FEF: out.append("`")
            default: return nil
            }
        }
        return out
    }
}
