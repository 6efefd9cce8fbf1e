import Foundation

/// Byte-level forms of small `RelatedDocumentExtractor` rules, read on a text's UTF-8 in place.
extension RelatedDocumentExtractor {
    /// The first UTF-8 byte of `text` that is not `skipped` (`text.utf8.first(where:)` of its negation), read in place.
    static func firstUTF8Byte(of text: String, skipping skipped: (UInt8) -> Bool) -> UInt8? {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt8?? in
            for byte in bytes where !skipped(byte) { return .some(byte) }
            return .some(nil)
        }
        guard let answer, let answer else { return text.utf8.first { !skipped($0) } }
        return answer
    }

    /// The last UTF-8 byte of `text` that is not `skipped` (`text.utf8.last(where:)` of its negation), read in place.
    static func lastUTF8Byte(of text: String, skipping skipped: (UInt8) -> Bool) -> UInt8? {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt8?? in
            var index = bytes.count
            while index > 0 {
                index -= 1
                if !skipped(bytes[index]) { return .some(bytes[index]) }
            }
            return .some(nil)
        }
        guard let answer, let answer else { return text.utf8.last { !skipped($0) } }
        return answer
    }

    /// Whether plain ASCII `bytes`, lower-cased, hold "scribe.perl" (`scribeToolName.occur(ignoringASCIICaseIn:)`): looked
    /// for around each full stop (found with `memchr`; no other byte lower-cases to one), with "scribe" before it and
    /// "perl" after it in either case.
    static func holdsScribeToolName(ignoringASCIICaseIn bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 6
        while let stop = UTF8Search.offset(of: UInt8(ascii: "."), in: bytes, from: from) {
            guard stop + 5 <= bytes.count else { return false }
            if zip(bytes[(stop - 6)..<stop], "scribe".utf8).allSatisfy({ $0.asciiLowercased == $1 }),
               zip(bytes[(stop + 1)..<(stop + 5)], "perl".utf8).allSatisfy({ $0.asciiLowercased == $1 }) {
                return true
            }
            from = stop + 1
        }
        return false
    }
}

/// `RelatedDocumentExtractor.navigationClasses` as numbers: each name's first eight bytes and the rest (none is longer
/// than 16), compared with a token's bytes read the same way.
enum NavigationClassNames {
    /// A name's length in bytes, its first eight bytes and the bytes after them, little-endian and padded with zeros.
    typealias Packed = (count: Int, head: UInt64, tail: UInt64)

    /// The names, packed.
    static let names: [Packed] = RelatedDocumentExtractor.navigationClasses.map { name in
        pack(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// The slot of `slots` a name of `count` bytes that starts with `first` is kept in.
    @inline(__always)
    static func slot(first: UInt8, count: Int) -> Int { Int((first ^ UInt8(truncatingIfNeeded: count << 1)) & 31) }

    /// The names by `slot` (an empty slot has count 0), when no two share one; nil else (then `names` are compared in turn).
    static let slots: [Packed]? = {
        var slots = [Packed](repeating: (0, 0, 0), count: 32)
        for name in names {
            let index = slot(first: UInt8(truncatingIfNeeded: name.head), count: name.count)
            guard slots[index].count == 0 else { return nil }
            slots[index] = name
        }
        return slots
    }()

    /// `bytes` (at most 16) packed as the names are, read with a few loads: two that may overlap for 4 to 8 bytes (the
    /// bytes they share are the same, so or-ing them is exact), eight bytes and the last eight shifted for 9 to 16.
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> Packed {
        guard let base = bytes.baseAddress else { return (0, 0, 0) }
        let raw = UnsafeRawPointer(base), count = bytes.count
        func load32(_ offset: Int) -> UInt64 { UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian) }
        func load64(_ offset: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian }
        switch count {
        case 0..<4:
            var head = UInt64(0)
            for offset in 0..<count { head |= UInt64(base[offset]) << (8 * UInt64(offset)) }
            return (count, head, 0)
        case 4...8:
            return (count, load32(0) | load32(count - 4) << (8 * UInt64(count - 4)), 0)
        default:
            return (count, load64(0), load64(count - 8) >> (8 * UInt64(16 - count)))
        }
    }

    /// Whether `bytes` are those of one of the names.
    static func holds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 16 else { return false }
        let token = pack(bytes)
        guard let slots else { return names.contains { $0 == token } }
        return slots[slot(first: UInt8(truncatingIfNeeded: token.head), count: token.count)] == token
    }
}
