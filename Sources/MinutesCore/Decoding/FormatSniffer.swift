/// Guesses a document's format and, for HTML, the charset it declares.
public enum FormatSniffer {
    /// The format implied by a file name's extension, or nil when it says nothing.
    public static func format(forPath path: String) -> DocumentFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "html", "htm", "xhtml", "shtml": return .html
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "txt", "text", "log", "irc", "eml": return .text
        default: return nil
        }
    }

    /// The format implied by the first bytes: markup that opens like HTML is HTML,
    /// a Markdown heading or front matter is Markdown, everything else plain text.
    public static func format(forContent bytes: [UInt8]) -> DocumentFormat {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<?xml")
            || head.contains("<body") || head.contains("<head") {
            return .html
        }
        if trimmed.hasPrefix("---\n") || trimmed.hasPrefix("+++\n") || trimmed.hasPrefix("# ") || trimmed.hasPrefix("<!--") {
            return .markdown
        }
        return .text
    }

    /// The charset an HTML document declares in its first 2 KB
    /// (`<meta charset="…">` or `<meta http-equiv … content="…; charset=…">`), lower-cased.
    public static func declaredCharset(html bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }
}
