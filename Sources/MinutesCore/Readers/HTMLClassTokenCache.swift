import Foundation

/// The class tokens (`HTMLByteRules.classTokens`) of recent distinct `class` values: a document repeats a few values
/// on most of its elements.
///
/// A value is known by its length and its first and last eight bytes, which for a value of at most 16 bytes are all
/// of its bytes: only longer values keep their bytes to be compared.
struct HTMLClassTokenCache {
    /// A kept value and its tokens (`count` 0: an empty slot).
    private struct Slot {
        var count = 0
        var head: UInt64 = 0
        var tail: UInt64 = 0
        /// The value's bytes, for a value longer than 16 bytes only.
        var longValue: [UInt8] = []
        var tokens: [String] = []
    }

    /// The kept values, each in the slot its key picks (a new value replaces the one in its slot); empty until the
    /// first value comes.
    private var slots: [Slot] = []
    /// There are 2^slotBits slots.
    private static var slotBits: Int { 7 }

    /// Creates an empty cache.
    init() {}

    /// `HTMLByteRules.classTokens(bytes)`, from the cache when the value was seen lately.
    mutating func tokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        let count = bytes.count
        let (head, tail) = Self.ends(bytes)
        let mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ ((tail &+ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F)
        let slot = Int(truncatingIfNeeded: mixed >> UInt64(64 - Self.slotBits))
        if slots.isEmpty { slots = Array(repeating: Slot(), count: 1 << Self.slotBits) }
        if slots[slot].count == count, slots[slot].head == head, slots[slot].tail == tail {
            if count <= 16 { return slots[slot].tokens }
            let same = slots[slot].longValue.withUnsafeBufferPointer { kept in
                kept.count == count && kept.baseAddress.map { memcmp($0, base, count) == 0 } == true
            }
            if same { return slots[slot].tokens }
        }
        let tokens = HTMLByteRules.classTokens(bytes)
        slots[slot] = Slot(count: count, head: head, tail: tail, longValue: count > 16 ? Array(bytes) : [], tokens: tokens)
        return tokens
    }

    /// The first and the last eight bytes of `bytes` (for fewer bytes, all of them, packed, twice).
    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>) -> (head: UInt64, tail: UInt64) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        if bytes.count >= 8 {
            let raw = UnsafeRawPointer(base)
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
        }
        var packed: UInt64 = 0
        for byte in bytes { packed = packed << 8 | UInt64(byte) }
        return (packed, packed)
    }
}
