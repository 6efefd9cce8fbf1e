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
        if let decided = declaredCharsetInASCII(bytes) { return decided }
        return declaredCharsetByCharacters(bytes)
    }

    /// `declaredCharsetByCharacters(_:)` worked out on the bytes, when every byte it depends on is ASCII: the bytes
    /// up to the first `charset=` (any case) in the first 2 KB, its value and the byte after it, or all of the first
    /// 2 KB when there is none. ASCII lower-cases to itself byte for byte and a match or a value made of ASCII cannot
    /// run into a combining mark, so the answer is the same; nil (undecided) when a byte it depends on is not ASCII.
    private static let charsetKey = Array("charset=".utf8)

    static func declaredCharsetInASCII(_ bytes: [UInt8]) -> String?? {
        let key = charsetKey
        let end = min(bytes.count, 2048)
        var i = 0
        while i < end {
            guard bytes[i] < 0x80 else { return nil }
            guard i + key.count <= end, bytes[i].asciiLowercased == key[0],
                  (1..<key.count).allSatisfy({ bytes[i + $0].asciiLowercased == key[$0] }) else {
                i += 1
                continue
            }
            var j = i + key.count
            while j < end, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") || bytes[j] == UInt8(ascii: " ") { j += 1 }
            let start = j
            while j < end, isCharsetNameByte(bytes[j].asciiLowercased) { j += 1 }
            if j < end, bytes[j] >= 0x80 { return nil }
            return start == j ? .some(nil) : UTF8Search.lowercasedASCII(bytes[start..<j])
        }
        return .some(nil)
    }

    /// Whether the lower-cased ASCII byte `b` belongs to a charset name (a letter, digit, `-` or `_`).
    private static func isCharsetNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    /// `declaredCharset(html:)` by the rule on characters: the first 2 KB decoded and lower-cased, then the
    /// first `charset=`, its value past quotes and spaces, letters, digits, `-` and `_`.
    static func declaredCharsetByCharacters(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }
}
