import Foundation

extension Array where Element == UInt8 {
    /// Byte offsets where `pattern` starts, left to right and not overlapping (unless `overlapping`), at most
    /// `limit` of them (`UTF8Search.offset(of:in:from:)`).
    func organisationOffsets(of pattern: [UInt8], limit: Int = .max, overlapping: Bool = false) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= count else { return [] }
        var found: [Int] = []
        withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { needle in
                var offset = 0
                while found.count < limit, let position = UTF8Search.offset(of: needle, in: haystack, from: offset) {
                    found.append(position)
                    offset = position + (overlapping ? 1 : needle.count)
                }
            }
        }
        return found
    }
}
