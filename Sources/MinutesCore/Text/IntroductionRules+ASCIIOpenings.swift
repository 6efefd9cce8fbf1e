import Foundation

extension IntroductionRules {
    /// The participants' names and first names that a plain ASCII line can open with (`NameIndex.byFirstWord`'s entries),
    /// as lower-case bytes found by a hash of the first word they stand under, in one flat open-addressed table: the lines
    /// that open with no name, most of them, are told on their bytes without a string made of their first word, and the
    /// table is built per document without a string key or an array per name.
    struct ASCIIOpenings {
        /// Each slot's key hash (meaningful where the slot is taken).
        private var hashes: [UInt64]
        /// Each slot's first name (an index into `names`), -1 for a key without names, `free` for a free slot.
        private var slots: [Int32]
        /// Each name's bytes, a range of `bytes`, and the next name of its slot (-1 after the last).
        private var names: [(start: Int32, end: Int32, next: Int32)] = []
        /// All the names' lower-case bytes, one after the other.
        private var bytes: [UInt8] = []
        /// The number of slots less one (a power of two less one).
        private let mask: Int
        /// Whether a name or key may equal ASCII text without being it: then `build()` gives no table (a string is
        /// canonically equivalent to ASCII only through KELVIN SIGN, GREEK QUESTION MARK or GREEK VARIA: any other
        /// scalar over 0x7F, or a CR, keeps a name from equalling the opening of a plain ASCII line).
        private var unsure = false

        /// A free slot.
        private static let free: Int32 = -2

        /// FNV-1a's starting value.
        static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

        /// One FNV-1a step.
        @inline(__always)
        static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
            (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }

        /// An empty table for the keys of `keys` participants at most (each stands under one key), filled by the `add`
        /// functions one participant after another (see `NameOpenings`), then taken with `build()`.
        init(keys: Int) {
            var size = 8
            while size < 2 * keys { size *= 2 }
            hashes = [UInt64](repeating: 0, count: size)
            slots = [Int32](repeating: Self.free, count: size)
            mask = size - 1
            names.reserveCapacity(2 * keys)
            bytes.reserveCapacity(16 * keys)
        }

        /// The first slot looked at for `hash`.
        @inline(__always)
        private func firstSlot(_ hash: UInt64) -> Int {
            Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
        }

        /// The first name (an index for `contains(from:where:)`, -1 for none) under the key whose (lower-case) bytes hash
        /// to `hash`, the others following it with those of any other key of that hash; nil when no plain ASCII key has that hash.
        @inline(__always)
        func names(hash: UInt64) -> Int32? {
            var slot = firstSlot(hash)
            while slots[slot] != Self.free {
                if hashes[slot] == hash { return slots[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }

        /// Whether one of the names from `first` (from `names(hash:)`) answers `body`, given its lower-case bytes.
        @inline(__always)
        func contains(from first: Int32, where body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
            bytes.withUnsafeBufferPointer { all in
                var name = first
                while name >= 0 {
                    let (start, end, next) = names[Int(name)]
                    if body(UnsafeBufferPointer(rebasing: all[Int(start)..<Int(end)])) { return true }
                    name = next
                }
                return false
            }
        }

        /// The slot of the key of `hash`, taken now if it is free.
        private mutating func slot(for hash: UInt64) -> Int {
            var slot = firstSlot(hash)
            while slots[slot] != Self.free {
                if hashes[slot] == hash { return slot }
                slot = (slot + 1) & mask
            }
            hashes[slot] = hash
            slots[slot] = -1
            return slot
        }

        /// The name ending `bytes` now, from `start`, under the key of `slot`.
        private mutating func addName(from start: Int, to slot: Int) {
            names.append((Int32(start), Int32(bytes.count), slots[slot]))
            slots[slot] = Int32(names.count - 1)
        }

        /// The key (a first word) of plain ASCII bytes, lower-cased on the way: its slot, for `add(lowercasing:under:)`.
        mutating func key(lowercasing word: UnsafeBufferPointer<UInt8>) -> Int {
            slot(for: word.reduce(Self.seed) { Self.hash($0, $1.asciiLowercased) })
        }

        /// A name of plain ASCII bytes under the key of `slot`, lower-cased on the way.
        mutating func add(lowercasing name: UnsafeBufferPointer<UInt8>, under slot: Int) {
            let start = bytes.count
            for byte in name { bytes.append(byte.asciiLowercased) }
            addName(from: start, to: slot)
        }

        /// A key and its names as strings (lower-cased already; from a name that is not plain ASCII): the plain ASCII ones
        /// are kept.
        mutating func add(key: String, names: [String]) {
            func mayEqualASCII(_ text: String) -> Bool {
                text.unicodeScalars.contains { [0x212A, 0x037E, 0x1FEF].contains($0.value) }
            }
            // Every plain ASCII key is there, with or without names of its own that are ASCII.
            if key.isPlainASCII {
                let slot = slot(for: key.utf8.reduce(Self.seed, Self.hash))
                for name in names where name.isPlainASCII {
                    let start = bytes.count
                    bytes.append(contentsOf: name.utf8)
                    addName(from: start, to: slot)
                }
            } else if mayEqualASCII(key) {
                unsure = true
            }
            if names.contains(where: { !$0.isPlainASCII && mayEqualASCII($0) }) { unsure = true }
        }

        /// The table; nil when a name may equal ASCII text without being it.
        func build() -> ASCIIOpenings? {
            unsure ? nil : self
        }
    }
}
