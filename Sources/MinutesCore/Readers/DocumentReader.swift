/// Turns decoded text of one format into the format-neutral block model.
public protocol DocumentReader: Sendable {
    /// Reads `text` into blocks. `baseURL` is the document's own address, used to
    /// resolve relative links (nil when unknown). Readers never throw: odd input
    /// yields best-effort blocks plus `warnings`.
    func read(_ text: String, baseURL: String?) -> BlockDocument
}
