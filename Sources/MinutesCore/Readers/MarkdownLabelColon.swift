extension MarkdownText {
    /// `labelColonOpens(collapsed(bytes))` decided on the bytes, without making the collapsed line, when the
    /// first 61 bytes of the collapsed line are ASCII (then its first 60 characters are its first 60 bytes);
    /// nil when one of them is not, for the `String` rule to decide. `MarkdownLabelColonTests` compares the two.
    static func labelColonOpens(collapsing bytes: Bytes) -> Bool? {
        /// How many bytes the collapsed line has so far (a space counted once a word follows it).
        var written = 0
        var spacePending = false
        var sawColon = false
        for byte in bytes {
            // ASCII white space: one space between words, none before the first.
            if UTF8Search.isASCIIWhitespace(byte) {
                spacePending = written > 0
                continue
            }
            if spacePending {
                spacePending = false
                written += 1
            }
            if written > 60 { break }
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: ":"), written < 60 { sawColon = true }
            written += 1
            if written > 60 { break }
        }
        return sawColon
    }
}
