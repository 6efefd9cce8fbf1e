/// A small fixed set of words of up to eight bytes, each packed into a `UInt64` (its bytes little-endian, zero bytes
/// after it), in an open-addressing table: a lookup is a multiplication and a compare or two, where a `Set<UInt64>`
/// hashes with SipHash. `WordRepair` asks it whether each piece of a candidate split is a function word.
struct PackedWordTable: Sendable {
    /// The packed words; 0 marks an empty slot (no packed word of a non-empty word is 0). The count is a power of two,
    /// at least four times the words'.
    private let slots: [UInt64]
    /// How far the product is shifted to give a slot: 64 less the bits of the slot count.
    private let shift: UInt64

    /// A table of `words` (packed; zeros are left out).
    init(_ words: [UInt64]) {
        var bits: UInt64 = 2
        while 1 << bits < 4 * max(words.count, 1) { bits += 1 }
        shift = 64 - bits
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        for word in words where word != 0 {
            var slot = Self.slot(of: word, shift: shift)
            while slots[slot] != 0, slots[slot] != word { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = word
        }
        self.slots = slots
    }

    /// Where the probe for `word` starts.
    @inline(__always)
    private static func slot(of word: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Whether the packed `word` is one of the table's.
    @inline(__always)
    func contains(_ word: UInt64) -> Bool {
        guard word != 0 else { return false }
        let mask = slots.count - 1
        var slot = Self.slot(of: word, shift: shift)
        while true {
            let stored = slots[slot]
            if stored == word { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}
