import Foundation

/// Finds bare web addresses in running text.
public enum LinkScanner {
    /// Every `http(s)://…` or `www.…` address in `text`, trailing punctuation removed.
    public static func links(in text: String) -> [Link] {
        // (A text whose bytes spell neither has no token starting with either.)
        guard text.holdsBytes("http") || text.holdsBytes("www.") else { return [] }
        var links: [Link] = []
        var seen = Set<String>()
        for token in tokens(of: text) where mayBeAddress(token) {
            var candidate = token.trimmed(.linkEnds)
            if candidate.hasPrefix("www.") { candidate = "https://" + candidate }
            guard candidate.hasPrefix("http://") || candidate.hasPrefix("https://"), candidate.count > 10,
                  seen.insert(candidate).inserted else { continue }
            links.append(Link(text: candidate, href: candidate))
        }
        return links
    }

    /// The words of `text` between spaces, angle brackets, quotes and parentheses: split on bytes when the
    /// text is plain ASCII (where every byte is a character).
    static func tokens(of text: String) -> [Substring] {
        guard text.isPlainASCII else {
            return text.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "(" || $0 == ")" })
        }
        return text.utf8.split(whereSeparator: { byte in
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
        }).map { Substring($0) }
    }

    /// Whether `token`, without the punctuation around it, may start "http" or "www.": its first byte after
    /// punctuation bytes is "h" or "w". (Trimming whole characters stops no later, and where it stops
    /// earlier the character is punctuation with a mark, which starts no address.)
    static func mayBeAddress(_ token: Substring) -> Bool {
        let first = token.utf8.first { !linkEndBytes.contains($0) }
        return first == UInt8(ascii: "h") || first == UInt8(ascii: "w")
    }

    /// The bytes of the punctuation trimmed from around an address (`Set<Character>.linkEnds`, all ASCII).
    private static let linkEndBytes: [UInt8] = Set<Character>.linkEnds.compactMap(\.asciiValue)
}
