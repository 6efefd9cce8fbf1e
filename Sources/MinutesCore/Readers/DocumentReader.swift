/// Turns decoded text of one format into the format-neutral block model.
public protocol DocumentReader: Sendable {
    /// Reads `text` into blocks. `baseURL` is the document's own address, used to
    /// resolve relative links (nil when unknown). Readers never throw: odd input
    /// yields best-effort blocks plus `warnings`. The text is consumed: a reader whose blocks
    /// hold copies rather than slices of it may free it once read, before its last steps.
    func read(_ text: consuming String, baseURL: String?) -> BlockDocument
}
