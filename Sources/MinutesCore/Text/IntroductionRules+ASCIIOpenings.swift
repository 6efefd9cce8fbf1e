import Foundation

extension IntroductionRules {
    /// The participants' names and first names that a plain ASCII line can open with (`NameIndex.byFirstWord`'s entries),
    /// as lower-case bytes found by a hash of the first word they stand under, in one flat open-addressed table: the lines
    /// that open with no name, most of them, are told on their bytes without a string made of their first word, and the
    /// table is built per document without a string key or an array per name.
    struct ASCIIOpenings {
        /// Each slot's key hash (meaningful where the slot is taken).
        private let hashes: [UInt64]
        /// Each slot's names, a range of `names`; `start` -1 for a free slot.
        private let slots: [(start: Int32, end: Int32)]
        /// Each name's bytes, a range of `bytes`.
        private let names: [(start: Int32, end: Int32)]
        /// All the names' lower-case bytes, one after the other.
        private let bytes: [UInt8]
        /// The number of slots less one (a power of two less one).
        private let mask: Int

        /// FNV-1a's starting value.
        static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

        /// One FNV-1a step.
        @inline(__always)
        static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
            (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }

        /// The keys and names gathered, in the order they come: `start` -1 marks a key (with or without names of its own).
        fileprivate init(_ gathered: [(hash: UInt64, start: Int32, end: Int32)], bytes: [UInt8]) {
            let sorted = gathered.sorted { $0.hash < $1.hash }
            var keyCount = 0
            for (offset, entry) in sorted.enumerated() where offset == 0 || sorted[offset - 1].hash != entry.hash { keyCount += 1 }
            var size = 8
            while size < 2 * keyCount { size *= 2 }
            var hashes = [UInt64](repeating: 0, count: size)
            var slots = [(start: Int32, end: Int32)](repeating: (-1, -1), count: size)
            var names: [(start: Int32, end: Int32)] = []
            names.reserveCapacity(sorted.count)
            var offset = 0
            while offset < sorted.count {
                let hash = sorted[offset].hash
                let first = Int32(names.count)
                while offset < sorted.count, sorted[offset].hash == hash {
                    if sorted[offset].start >= 0 { names.append((sorted[offset].start, sorted[offset].end)) }
                    offset += 1
                }
                var slot = Self.slot(hash, size - 1)
                while slots[slot].start >= 0 { slot = (slot + 1) & (size - 1) }
                hashes[slot] = hash
                slots[slot] = (first, Int32(names.count))
            }
            self.hashes = hashes
            self.slots = slots
            self.names = names
            self.bytes = bytes
            mask = size - 1
        }

        /// The first slot looked at for `hash`.
        @inline(__always)
        private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
        }

        /// The names (a range of indices for `forEachName`) under the key whose (lower-case) bytes hash to `hash`, and those
        /// of any other key of that hash; nil when no plain ASCII key has that hash.
        @inline(__always)
        func names(hash: UInt64) -> Range<Int>? {
            var slot = Self.slot(hash, mask)
            while slots[slot].start >= 0 {
                if hashes[slot] == hash { return Int(slots[slot].start)..<Int(slots[slot].end) }
                slot = (slot + 1) & mask
            }
            return nil
        }

        /// Whether one of the names in `range` (from `names(hash:)`) answers `body`, given its lower-case bytes.
        @inline(__always)
        func contains(in range: Range<Int>, where body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
            bytes.withUnsafeBufferPointer { all in
                range.contains { body(UnsafeBufferPointer(rebasing: all[Int(names[$0].start)..<Int(names[$0].end)])) }
            }
        }

        /// The names and first names of the participants, as `NameIndex.byFirstWord` keys them, gathered one participant
        /// after another (see `NameOpenings`).
        struct Builder {
            /// The keys and names gathered (see `init(_:bytes:)`).
            private var gathered: [(hash: UInt64, start: Int32, end: Int32)] = []
            /// The names' lower-case bytes.
            private var bytes: [UInt8] = []
            /// Whether a name or key may equal ASCII text without being ASCII: then no table (a string is canonically
            /// equivalent to ASCII only through KELVIN SIGN, GREEK QUESTION MARK or GREEK VARIA: any other scalar over
            /// 0x7F, or a CR, keeps a name from equalling the opening of a plain ASCII line).
            private var unsure = false

            /// The key (a first word) of plain ASCII bytes, lower-cased on the way: its hash.
            mutating func key(lowercasing word: UnsafeBufferPointer<UInt8>) -> UInt64 {
                let hash = word.reduce(ASCIIOpenings.seed) { ASCIIOpenings.hash($0, $1.asciiLowercased) }
                gathered.append((hash, -1, -1))
                return hash
            }

            /// A name of plain ASCII bytes under the key of `hash`, lower-cased on the way.
            mutating func add(lowercasing name: UnsafeBufferPointer<UInt8>, under hash: UInt64) {
                let start = Int32(bytes.count)
                for byte in name { bytes.append(byte.asciiLowercased) }
                gathered.append((hash, start, Int32(bytes.count)))
            }

            /// A key and its names as strings (lower-cased already; from a name that is not plain ASCII): the plain
            /// ASCII ones are kept.
            mutating func add(key: String, names: [String]) {
                func mayEqualASCII(_ text: String) -> Bool {
                    text.unicodeScalars.contains { [0x212A, 0x037E, 0x1FEF].contains($0.value) }
                }
                // Every plain ASCII key is there, with or without names of its own that are ASCII.
                if key.isPlainASCII {
                    let hash = key.utf8.reduce(ASCIIOpenings.seed, ASCIIOpenings.hash)
                    gathered.append((hash, -1, -1))
                    for name in names where name.isPlainASCII {
                        let start = Int32(bytes.count)
                        bytes.append(contentsOf: name.utf8)
                        gathered.append((hash, start, Int32(bytes.count)))
                    }
                } else if mayEqualASCII(key) {
                    unsure = true
                }
                if names.contains(where: { !$0.isPlainASCII && mayEqualASCII($0) }) { unsure = true }
            }

            /// The table; nil when a name may equal ASCII text without being it.
            func build() -> ASCIIOpenings? {
                unsure ? nil : ASCIIOpenings(gathered, bytes: bytes)
            }
        }
    }
}
