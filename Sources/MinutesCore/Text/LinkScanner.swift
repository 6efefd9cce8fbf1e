import Foundation

/// Finds bare web addresses in running text.
public enum LinkScanner {
    /// Every `http(s)://…` or `www.…` address in `text`, trailing punctuation removed.
    public static func links(in text: String) -> [Link] {
        guard text.containsASCII("http") || text.containsASCII("www.") else { return [] }
        var links: [Link] = []
        var seen = Set<String>()
        for token in text.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "(" || $0 == ")" }) {
            var candidate = token.trimmed(.linkEnds)
            if candidate.hasPrefix("www.") { candidate = "https://" + candidate }
            guard candidate.hasPrefix("http://") || candidate.hasPrefix("https://"), candidate.count > 10,
                  seen.insert(candidate).inserted else { continue }
            links.append(Link(text: candidate, href: candidate))
        }
        return links
    }
}
