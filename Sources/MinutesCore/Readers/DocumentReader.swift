/// Turns decoded text of one format into the format-neutral block model.
public protocol DocumentReader: Sendable {
    /// Reads `text` into blocks. `baseURL` is the document's own address, used to
    /// resolve relative links (nil when unknown). Readers never throw: odd input
    /// yields best-effort blocks plus `warnings`. The text is consumed: a reader whose blocks
    /// hold copies rather than slices of it may free it once read, before its last steps.
    func read(_ text: consuming String, baseURL: String?) -> BlockDocument
}

/// A reader whose parser library reads UTF-8 bytes (libxml2, cmark-gfm): it also takes the decoded text as its bytes
/// (`TextDecoder.decodeUTF8`), so no `String` of the whole document is made. Both entries read a text alike.
public protocol UTF8DocumentReader: DocumentReader {
    /// Reads the decoded text given as its UTF-8 bytes (normalised as `DecodedText.text` is, no NUL terminator).
    func read(utf8 bytes: consuming [UInt8], baseURL: String?) -> BlockDocument
}
