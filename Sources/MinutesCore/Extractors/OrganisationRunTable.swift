import Foundation

/// The distinct byte strings seen (the capitalised runs of a document), numbered in the order they were first seen.
///
/// A run is looked up on its bytes in place: no `String` is made of a run seen before, and its bytes are hashed with a
/// multiply-and-mix over eight bytes at a time rather than with SipHash. The numbers depend on the order of the runs
/// alone, never on the hash. The table keeps one copy of each distinct run's bytes.
struct OrganisationRunTable {
    /// Open addressing: each slot holds an entry's number plus one, or 0 when empty. Its size is a power of two, at
    /// least twice the number of entries.
    private var slots = [Int32](repeating: 0, count: 16)
    /// The hash of each entry.
    private var hashes: [UInt64] = []
    /// Where each entry's bytes stand in `storage`.
    private var ranges: [Range<Int>] = []
    /// The bytes of every entry, one after the other.
    private var storage: [UInt8] = []

    /// The number of distinct byte strings seen.
    var count: Int { ranges.count }

    /// The number of `key`, numbered now (the next number) when it is new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if hashes[entry] == hash, holds(key, at: entry) { return (entry, false) }
            slot = (slot + 1) & mask
        }
        let entry = ranges.count
        slots[slot] = Int32(entry + 1)
        hashes.append(hash)
        ranges.append(storage.count..<(storage.count + key.count))
        storage.append(contentsOf: key)
        if 2 * ranges.count > slots.count { grow() }
        return (entry, true)
    }

    /// Whether the bytes of the entry `entry` are `key`.
    @inline(__always)
    private func holds(_ key: UnsafeBufferPointer<UInt8>, at entry: Int) -> Bool {
        let range = ranges[entry]
        guard range.count == key.count else { return false }
        return storage.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress, let keyBase = key.baseAddress else { return true }
            return memcmp(base + range.lowerBound, keyBase, key.count) == 0
        }
    }

    /// Doubles the slots and puts every entry back in them.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// A hash of `bytes`: eight bytes at a time, each word multiplied in and its high bits folded down.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(bytes.count) &* multiplier
        guard let base = bytes.baseAddress else { return hash }
        /// Mixes `word` into `hash`.
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 29
        }
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var word: UInt64 = 0
            for index in offset..<bytes.count { word |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
            mix(word)
        }
        // The slot is taken from the low bits: fold the high bits into them.
        return hash ^ hash >> 32
    }
}
