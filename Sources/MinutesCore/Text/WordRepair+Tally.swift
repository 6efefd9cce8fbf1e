import Foundation

/// The runs of ASCII letters (A–Z, a–z) in bytes, found eight bytes at a time: one load tells which of eight bytes are
/// letters, so a word of up to eight letters is found, lower-cased and hashed with a load or two and no loop over
/// its bytes.
enum ASCIILetterRuns {
    /// The bytes at `offset` and after as a little-endian word, bytes at `limit` or past it read as zero (no letter).
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, at offset: Int, limit: Int) -> UInt64 {
        if offset + 8 <= limit { return UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) }
        var word: UInt64 = 0
        var index = offset
        while index < limit {
            word |= UInt64(base[index]) << UInt64(8 * (index - offset))
            index += 1
        }
        return word
    }

    /// The high bit of each byte of `chunk` that is an ASCII letter: with bit 5 set (a–z for letters) and the high bit
    /// cleared, a byte plus 0x1F reaches the high bit from "a" on and plus 0x05 from "{" on (no carry between bytes);
    /// a byte with its own high bit set is no letter.
    @inline(__always)
    static func letters(_ chunk: UInt64) -> UInt64 {
        let folded = (chunk | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
        return (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & ~chunk & 0x8080_8080_8080_8080
    }

    /// Calls `body` with where each run of ASCII letters in `bytes[range]` starts, its length, its first eight bytes
    /// lower-cased (zero bytes after a shorter run), and, when `hashing`, `WordSet.hash(run, lowerCasing: true)`
    /// (else 0), in order.
    @inline(__always)
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hashing: Bool,
                        _ body: (_ start: Int, _ length: Int, _ head: UInt64, _ hash: UInt64) -> Void) {
        var runs = Runs(in: bytes, range, hashing: hashing)
        while let run = runs.next() { body(run.start, run.length, run.head, run.hash) }
    }

    /// The runs `forEach` passes on, one at a time, for a loop that works on each in place (no closure called a run).
    struct Runs {
        private let base: UnsafePointer<UInt8>?
        private let limit: Int
        private let hashing: Bool
        /// Where the search for the next run goes on.
        private var offset: Int
        /// Where the next run starts when the last run's final load already showed it (the first letter after its end in
        /// those eight bytes); -1 when the search from `offset` must find it.
        private var nextStart = -1

        /// The runs of `bytes[range]`, hashed when `hashing`.
        @inline(__always)
        init(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hashing: Bool) {
            base = bytes.baseAddress
            limit = range.upperBound
            self.hashing = hashing
            offset = range.lowerBound
        }

        /// The next run: where it starts, its length, its first eight bytes lower-cased and its hash (see `forEach`).
        @inline(__always)
        mutating func next() -> (start: Int, length: Int, head: UInt64, hash: UInt64)? {
            guard let base else { return nil }
            var start = nextStart
            nextStart = -1
            while start < 0 {
                guard offset < limit else { return nil }
                let found = letters(load(base, at: offset, limit: limit))
                if found != 0 { start = offset + found.trailingZeroBitCount >> 3 } else { offset += 8 }
            }
            var end = start, head: UInt64 = 0, hash: UInt64 = 0
            while true {
                let chunk = load(base, at: end, limit: limit)
                let isLetter = letters(chunk)
                let others = ~isLetter & 0x8080_8080_8080_8080
                let count = others == 0 ? 8 : others.trailingZeroBitCount >> 3
                if count > 0 {
                    // The run's bytes lower-cased (each letter gets 0x20), the bytes after it cleared.
                    let lower = (chunk | (isLetter >> 2)) & (count == 8 ? ~0 : (1 << UInt64(8 * count)) &- 1)
                    if end == start { head = lower }
                    if hashing { hash = WordSet.mix(hash, lower) }
                }
                if count < 8 {
                    // The letters of these eight bytes after the byte that ends the run (none past `limit`, which loads
                    // as zero): the first starts the next run. (A shift by 64 gives 0: no byte is kept.)
                    let after = isLetter & ~((1 << UInt64(8 * count + 8)) &- 1)
                    if after != 0 { nextStart = end + after.trailingZeroBitCount >> 3 }
                    end += count
                    break
                }
                end += count
            }
            offset = end
            return (start, end - start, head, hashing ? WordSet.finish(hash, length: end - start) : 0)
        }
    }

    /// The first eight bytes of `word` lower-cased (A–Z as a–z), zero bytes after a shorter word.
    @inline(__always)
    static func head(of word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = word.baseAddress else { return 0 }
        return WordSet.asciiLowercased(load(base, at: 0, limit: min(word.count, 8)))
    }
}

/// Counts ASCII words by their lower-cased bytes: one byte arena and an open-addressing table over it, so
/// a word used a hundred times is hashed as bytes a hundred times and never becomes a `String`. Words are
/// lower-cased as they are hashed and compared (A–Z as a–z), so no lower-cased copy is made of them either.
/// Each entry keeps its word's first eight bytes, so most words are compared with one comparison.
struct ASCIIWordTally {
    /// The tables, shared by copies of the tally until one of them changes (copy on write).
    private var storage: ASCIIWordStorage

    /// An empty tally with the tables' first size.
    init() {
        storage = ASCIIWordStorage()
    }

    /// An empty tally for texts of `byteCount` bytes in all: its table starts with room for about one distinct word in
    /// 32 bytes (the first size at least, 16,384 slots at most), so a long document's tally grows fewer times.
    init(sizedFor byteCount: Int) {
        var slotCount = 1024
        while slotCount < 16_384, slotCount < byteCount / 16 { slotCount *= 2 }
        storage = ASCIIWordStorage(slotCount: slotCount)
    }

    /// Gives the tally tables of its own before a change.
    @inline(__always)
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Counts one ASCII word (lower-cased here), capitalised or not where it stood; returns the index of its entry
    /// (-1 for an empty word, which is not counted: words are letter runs).
    @discardableResult
    mutating func add(_ word: UnsafeBufferPointer<UInt8>, capitalised: Bool) -> Int {
        guard let base = word.baseAddress, !word.isEmpty else { return -1 }
        makeUnique()
        return storage.count(base, length: word.count, head: ASCIILetterRuns.head(of: word),
                             hash: WordSet.hash(word, lowerCasing: true), capitalised: capitalised)
    }

    /// Counts each run of ASCII letters in the plain-ASCII `bytes[range]` as `add` does (capitalised when its first
    /// letter is upper-case), appends the entry of each run of five letters or more to `longRuns`, and returns whether
    /// the runs glue sentences: a run ending in a lower-case letter right before a full stop, an upper-case letter and a
    /// lower-case one (`WordRepair.mayGlueSentences` of the bytes, whose lower-case letter before the full stop ends a run).
    mutating func addLetterRuns(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, longRuns: inout [UInt32]) -> Bool {
        makeUnique()
        guard let base = bytes.baseAddress else { return false }
        let storage = self.storage
        let count = bytes.count
        var glues = false
        // The runs are taken in this loop (no closure a run): counting one is a few instructions.
        var runs = ASCIILetterRuns.Runs(in: bytes, range, hashing: true)
        while let (start, length, head, hash) = runs.next() {
            let entry = storage.count(base + start, length: length, head: head, hash: hash, capitalised: base[start] & 0x20 == 0)
            if length >= 5 { longRuns.append(UInt32(truncatingIfNeeded: entry)) }
            let end = start + length
            if end + 2 < count, base[end] == UInt8(ascii: "."), base[end - 1].isASCIILowercase, base[end + 1].isASCIIUppercase,
               base[end + 2].isASCIILowercase {
                glues = true
            }
        }
        return glues
    }

    /// The answer remembered for the word of entry `index` (`setKnown`); nil when none is or there is no such entry.
    func known(entry index: Int) -> Bool? {
        index >= 0 && index < storage.entryCount ? storage.entries[index].known : nil
    }

    /// Calls `body` with the distinct words of `minimumLength` letters or more counted fewer than `limit` times, in the
    /// order they were first counted: their lower-cased bytes, hashes (`WordSet.hash` of those bytes) and counts; returns
    /// their entries (for `setKnown`) and what `body` returns.
    func withRareWords<R>(minimumLength: Int, countedFewerThan limit: Int,
                          _ body: (_ words: [UnsafeBufferPointer<UInt8>], _ hashes: [UInt64], _ counts: [Int]) -> R) -> (entries: [Int32], result: R) {
        let storage = self.storage
        var indices: [Int32] = [], words: [UnsafeBufferPointer<UInt8>] = [], hashes: [UInt64] = [], counts: [Int] = []
        for index in 0..<storage.entryCount {
            let entry = storage.entries[index]
            guard Int(entry.length) >= minimumLength, Int(entry.count) < limit else { continue }
            indices.append(Int32(truncatingIfNeeded: index))
            words.append(UnsafeBufferPointer(start: storage.arena + Int(entry.start), count: Int(entry.length)))
            hashes.append(entry.hash)
            counts.append(Int(entry.count))
        }
        return (indices, body(words, hashes, counts))
    }

    /// Remembers an answer for each distinct word of `minimumLength` letters or more: `answers[i]` for the word of entry
    /// `rare[i]`, true for the others.
    mutating func setKnown(minimumLength: Int, rare: [Int32], answers: [Bool]) {
        makeUnique()
        let storage = self.storage
        for index in 0..<storage.entryCount where Int(storage.entries[index].length) >= minimumLength {
            storage.entries[index].known = true
        }
        for (index, answer) in zip(rare, answers) where Int(index) < storage.entryCount {
            storage.entries[Int(index)].known = answer
        }
    }

    /// The count of the lower-cased word `lower`, whether it was ever capitalised, and the answer remembered for it;
    /// nil for a word never counted.
    func entry(for lower: UnsafeBufferPointer<UInt8>) -> (count: Int, capitalised: Bool, known: Bool?)? {
        guard let base = lower.baseAddress, !lower.isEmpty else { return nil }
        let index = storage.find(base, length: lower.count, head: ASCIILetterRuns.head(of: lower),
                                 hash: WordSet.hash(lower, lowerCasing: true)).index
        guard index >= 0 else { return nil }
        let entry = storage.entries[index]
        return (Int(entry.count), entry.capitalised, entry.known)
    }
}

/// The tables of an `ASCIIWordTally` in memory of their own, so that a text's words are counted with plain pointers
/// (no array uniqueness or bounds checks a word). Only a uniquely referenced tally changes them.
final class ASCIIWordStorage: @unchecked Sendable {
    /// One distinct word: its first eight lower-cased bytes (zero bytes after a shorter word), its hash, where all its
    /// lower-cased bytes start in `arena` and how many there are, how often it was counted, whether it was ever
    /// capitalised, and a remembered answer about it.
    struct Entry {
        var head: UInt64
        /// `WordSet.hash` of the word's lower-cased bytes.
        var hash: UInt64
        var start: Int32
        var length: Int32
        var count: Int32
        /// Bit 0: capitalised; bit 1: an answer is remembered; bit 2: the answer.
        var flags: UInt8

        /// Whether the word was ever capitalised.
        var capitalised: Bool { flags & 1 != 0 }

        /// A remembered answer about the word (`ASCIIWordTally.setKnown`), nil when none is.
        var known: Bool? {
            get { flags & 2 == 0 ? nil : flags & 4 != 0 }
            set { flags = (flags & 1) | (newValue.map { $0 ? 6 : 2 } ?? 0) }
        }
    }

    /// The distinct lower-cased words, one after another.
    private(set) var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private var arenaCount = 0
    /// The distinct words; room for half as many as there are slots.
    private(set) var entries: UnsafeMutablePointer<Entry>
    private(set) var entryCount = 0
    /// Index + 1 into `entries`; 0 for an empty slot. The count is a power of two, at least twice the entries'.
    private var slots: UnsafeMutablePointer<UInt32>
    private var slotCount: Int

    /// Empty tables.
    init(slotCount: Int = 1024, arenaCapacity: Int = 4096) {
        self.slotCount = slotCount
        self.arenaCapacity = arenaCapacity
        arena = .allocate(capacity: arenaCapacity)
        entries = .allocate(capacity: slotCount / 2)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
    }

    deinit {
        arena.deallocate()
        entries.deallocate()
        slots.deallocate()
    }

    /// Tables of their own with the same words.
    func copy() -> ASCIIWordStorage {
        let copy = ASCIIWordStorage(slotCount: slotCount, arenaCapacity: arenaCapacity)
        copy.arena.update(from: arena, count: arenaCount)
        copy.arenaCount = arenaCount
        copy.entries.initialize(from: entries, count: entryCount)
        copy.entryCount = entryCount
        copy.slots.update(from: slots, count: slotCount)
        return copy
    }

    /// The entry of the word of `length` bytes at `word` (compared lower-cased), whose first eight bytes lower-cased are
    /// `head` and whose hash is `hash`, or -1 and the empty slot where it would go.
    @inline(__always)
    func find(_ word: UnsafePointer<UInt8>, length: Int, head: UInt64, hash: UInt64) -> (index: Int, slot: Int) {
        let mask = slotCount - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return (-1, slot) }
            let entry = entries[stored - 1]
            if entry.head == head, Int(entry.length) == length, length <= 8 || restEqual(word, entry, length: length) {
                return (stored - 1, slot)
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the bytes of `word` after its first eight, lower-cased, are those of `entry`'s word.
    private func restEqual(_ word: UnsafePointer<UInt8>, _ entry: Entry, length: Int) -> Bool {
        let stored = arena + Int(entry.start)
        for offset in 8..<length where stored[offset] != word[offset].asciiLowercased { return false }
        return true
    }

    /// Counts one occurrence of the word (see `find`); returns its entry.
    @inline(__always)
    func count(_ word: UnsafePointer<UInt8>, length: Int, head: UInt64, hash: UInt64, capitalised: Bool) -> Int {
        let (index, slot) = find(word, length: length, head: head, hash: hash)
        if index >= 0 {
            entries[index].count += 1
            if capitalised { entries[index].flags |= 1 }
            return index
        }
        return insert(word, length: length, head: head, hash: hash, capitalised: capitalised, at: slot)
    }

    /// Adds a new word, counted once, at the empty `slot` its probe ended on (found again after the tables grow).
    private func insert(_ word: UnsafePointer<UInt8>, length: Int, head: UInt64, hash: UInt64, capitalised: Bool, at slot: Int) -> Int {
        var slot = slot
        if entryCount + 1 > slotCount / 2 {
            grow()
            slot = find(word, length: length, head: head, hash: hash).slot
        }
        if arenaCount + length > arenaCapacity {
            let capacity = max(arenaCapacity * 2, arenaCount + length)
            let arena = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            arena.update(from: self.arena, count: arenaCount)
            self.arena.deallocate()
            self.arena = arena
            arenaCapacity = capacity
        }
        // The first eight bytes lower-cased are `head` (zero bytes after a shorter word, which the next word overwrites):
        // one store where the arena has room for all eight.
        var copied = 0
        if arenaCapacity - arenaCount >= 8 {
            UnsafeMutableRawPointer(arena + arenaCount).storeBytes(of: head.littleEndian, as: UInt64.self)
            copied = min(length, 8)
        }
        for offset in copied..<length { arena[arenaCount + offset] = word[offset].asciiLowercased }
        let index = entryCount
        (entries + index).initialize(to: Entry(head: head, hash: hash, start: Int32(truncatingIfNeeded: arenaCount),
                                               length: Int32(truncatingIfNeeded: length), count: 1, flags: capitalised ? 1 : 0))
        entryCount += 1
        arenaCount += length
        slots[slot] = UInt32(truncatingIfNeeded: index + 1)
        return index
    }

    /// Doubles the table (and the room for entries) and places every entry again.
    private func grow() {
        let slotCount = self.slotCount * 2
        let slots = UnsafeMutablePointer<UInt32>.allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        let mask = slotCount - 1
        for index in 0..<entryCount {
            var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(truncatingIfNeeded: index + 1)
        }
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: slotCount / 2)
        entries.moveInitialize(from: self.entries, count: entryCount)
        self.entries.deallocate()
        self.entries = entries
        self.slots.deallocate()
        self.slots = slots
        self.slotCount = slotCount
    }
}
