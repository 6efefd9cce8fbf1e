import Foundation

extension String {
    /// Foundation's `range(of: needle, options: .caseInsensitive)`, found on UTF-8 bytes when both the text and
    /// `needle` are plain ASCII (where the only case pairs are A–Z and a–z, and no character has a canonical
    /// equivalent); any other text is left to Foundation.
    func findingsRangeIgnoringCase(_ needle: String) -> Range<Index>? {
        guard isPlainASCII, needle.isPlainASCII, !needle.isEmpty else { return range(of: needle, options: .caseInsensitive) }
        /// `byte` with an upper-case letter made lower-case.
        func lower(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte }
        let pattern = needle.utf8.map(lower)
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard pattern.count <= bytes.count else { return nil }
            for start in 0...(bytes.count - pattern.count)
            where pattern.indices.allSatisfy({ lower(bytes[start + $0]) == pattern[$0] }) {
                return start
            }
            return nil
        }
        guard let found else { return range(of: needle, options: .caseInsensitive) }
        guard let offset = found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: pattern.count)
    }
}
