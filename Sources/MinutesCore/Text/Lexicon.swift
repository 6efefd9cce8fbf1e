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
        if let custom = ProcessInfo.processInfo.environment["MINUTES_WORDLIST"] { paths.insert(custom, at: 0) }
        var lines: [UInt8] = []
        // `words` is usually a link to one of the others: a file read twice adds no word.
        var read = Set<String>()
        for path in paths {
            guard read.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            data.withUnsafeBytes { lines.append(contentsOf: $0) }
            if lines.last != 0x0A { lines.append(0x0A) }
        }
        return Lexicon(words: WordSet(lines: lines, lowerCaseOnly: true))
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

    /// The words of `lines` (separated by line feeds); empty lines are skipped. With `lowerCaseOnly`, only
    /// lower-case entries (first byte a–z) without possessives ("hub's") are kept, as from a system word list.
    init(lines: [UInt8], lowerCaseOnly: Bool) {
        let lineCount = lines.withUnsafeBufferPointer(Self.lineFeedCount)
        var capacity = 16
        while capacity < lineCount * 2 { capacity <<= 1 }
        var slots = [UInt32](repeating: 0, count: capacity)
        var others = Set<String>()
        var othersMatchASCII = false
        // Plain pointers inside the loop: no copy-on-write or exclusivity checks per probe.
        slots.withUnsafeMutableBufferPointer { table in
            lines.withUnsafeBufferPointer { all in
                var start = 0
                while start < all.count {
                    // A line not kept for its first byte is passed over with memchr.
                    if lowerCaseOnly, !(0x61...0x7A).contains(all[start]) {
                        start = Self.offset(of: 0x0A, in: all, from: start) + 1
                        continue
                    }
                    // The kept lines are read once: where each ends, its hash, and whether it holds an apostrophe or a byte over 0x7F.
                    var end = start, hash = Self.hashSeed, bytesOred: UInt8 = 0, apostrophes = 0
                    while end < all.count {
                        let byte = all[end]
                        if byte == 0x0A { break }
                        hash = Self.hash(hash, byte)
                        bytesOred |= byte
                        apostrophes &+= byte == 0x27 ? 1 : 0
                        end += 1
                    }
                    let line = UnsafeBufferPointer(rebasing: all[start..<end])
                    defer { start = end + 1 }
                    if line.isEmpty || (lowerCaseOnly && apostrophes != 0) { continue }
                    if bytesOred >= 0x80 {
                        let word = String(decoding: line, as: UTF8.self)
                        others.insert(word)
                        if Self.asciiEquivalent(of: word) != nil { othersMatchASCII = true }
                        continue
                    }
                    var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
                    while table[slot] != 0 {
                        if Self.word(at: Int(table[slot]) - 1, in: all, equals: line) { break }
                        slot = (slot + 1) & (capacity - 1)
                    }
                    if table[slot] == 0 { table[slot] = UInt32(start + 1) }
                }
            }
        }
        self.bytes = lines
        self.slots = slots
        self.others = others
        self.othersMatchASCII = othersMatchASCII
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
        containsASCII(query) || (othersMatchASCII && others.contains(String(decoding: query, as: UTF8.self)))
    }

    /// Whether the ASCII bytes `query` are a word of the table.
    private func containsASCII(_ query: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !query.isEmpty, !query.contains(0x0A) else { return false }
        return bytes.withUnsafeBufferPointer { all in
            var slot = Int(truncatingIfNeeded: Self.hash(query)) & (slots.count - 1)
            while slots[slot] != 0 {
                if Self.word(at: Int(slots[slot]) - 1, in: all, equals: query) { return true }
                slot = (slot + 1) & (slots.count - 1)
            }
            return false
        }
    }

    /// Whether the word starting at `offset` of `all` (ended by a line feed) is `query`.
    private static func word(at offset: Int, in all: UnsafeBufferPointer<UInt8>, equals query: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = offset + query.count
        guard end < all.count, all[end] == 0x0A, let base = all.baseAddress, let queryBase = query.baseAddress else { return false }
        return memcmp(base + offset, queryBase, query.count) == 0
    }

    /// The offset of the first `byte` in `all` at or after `start`, or `all.count` when there is none.
    private static func offset(of byte: UInt8, in all: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        UTF8Search.offset(of: byte, in: all, from: start) ?? all.count
    }

    /// FNV-1a over the bytes.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.reduce(hashSeed, hash)
    }

    /// FNV-1a's starting value.
    private static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// One FNV-1a step.
    @inline(__always)
    private static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
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
