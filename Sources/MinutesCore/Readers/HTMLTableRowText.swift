/// The text of a table row block, shared by the HTML and Markdown readers.
enum TableRowText {
    /// `cells.joined(separator: " | ")`, with the cells' bytes copied into one string of the right
    /// size: the generic `joined(separator:)` (and appending string to string) cost about 3,000
    /// instructions a row.
    static func joined(_ cells: [String]) -> String {
        guard cells.count > 1 else { return cells.first ?? "" }
        var count = 3 * (cells.count - 1)
        for cell in cells { count += cell.utf8.count }
        return String(unsafeUninitializedCapacity: count) { out in
            var written = 0
            for (index, cell) in cells.enumerated() {
                if index > 0 {
                    out[written] = UInt8(ascii: " "); out[written + 1] = UInt8(ascii: "|"); out[written + 2] = UInt8(ascii: " ")
                    written += 3
                }
                // Native strings lend their bytes at once; others (bridged) are read byte by byte.
                let copied = cell.utf8.withContiguousStorageIfAvailable { bytes in
                    UnsafeMutableBufferPointer(rebasing: out[written...]).initialize(fromContentsOf: bytes)
                }
                if let copied {
                    written += copied
                } else {
                    for byte in cell.utf8 {
                        out[written] = byte
                        written += 1
                    }
                }
            }
            return written
        }
    }
}
