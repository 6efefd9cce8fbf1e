import Foundation
import Testing
@testable import MinutesCore

// The byte-level address and text rules give what the character-level code they replace gave,
// on plain and on non-ASCII input (combining marks, CR LF, accented letters).

/// The character-level `cleanURL` the byte version replaced.
private func referenceCleanURL(_ url: String) -> String {
    var url = url.trimmed(Set(" \t\n"))
    while let last = url.last {
        let opened = url.reduce(0) { $1 == "(" ? $0 + 1 : $0 }
        let closed = url.reduce(0) { $1 == ")" ? $0 + 1 : $0 }
        if ".,;:".contains(last) || (last == ")" && opened < closed) { url.removeLast() } else { break }
    }
    return url
}

/// The character-level `addressParts` the byte version replaced.
private func referenceAddressParts(_ url: String) -> RelatedDocumentExtractor.AddressParts {
    var rest = Substring(url.lowercased())
    if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
    var fragment = ""
    if let hash = rest.firstIndex(of: "#") { fragment = String(rest[rest.index(after: hash)...]); rest = rest[..<hash] }
    var query = ""
    if let mark = rest.firstIndex(of: "?") { query = String(rest[rest.index(after: mark)...]); rest = rest[..<mark] }
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    let host = String(rest[..<slash])
    var path = String(rest[slash...])
    while path.hasSuffix("/") { path.removeLast() }
    return (host.hasPrefix("www.") ? String(host.dropFirst(4)) : host, path, query, fragment)
}

private let addresses = [
    "https://example.org/wiki/TR_use_case)", "https://en.wikipedia.org/wiki/Set_(mathematics)", "https://example.org/paper.pdf).",
    " https://WWW.Example.ORG/Path/?q=1#Frag;\n", "https://exämple.org/ä/?q#f", "https://x.org/a/\u{301}", "https://x.org/#\u{301}x",
    "https://x.org/a)\u{301}", "https://x.org/a.\u{301}", "\r\nhttps://x.org/a/\r\n", "https://x.org/a#123", "https://x.org/a#١٢", "",
    "((https://x.org/a)))", "https://x.org//", "www.x.org", "https://x.org/a\u{0600}#b",
]

@Test func cleanedAddressesAreTheCharacterLevelOnes() {
    for url in addresses { #expect(RelatedDocumentExtractor.cleanURL(url) == referenceCleanURL(url), "\(url.debugDescription)") }
}

@Test func addressPartsAreTheCharacterLevelOnes() {
    for url in addresses {
        let parts = RelatedDocumentExtractor.addressParts(url), reference = referenceAddressParts(url)
        #expect(parts.host == reference.host && parts.path == reference.path && parts.query == reference.query
                && parts.fragment == reference.fragment, "\(url.debugDescription)")
    }
}

@Test func caseInsensitiveSearchIsFoundations() {
    for text in ["The meeting was HELD on Monday", "Held\u{301} at", "no such word", "héld held ", "HeLd  ", "held"] {
        let fast = text.rangeOfASCIIIgnoringCase("held ").map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        let foundation = text.range(of: "held ", options: .caseInsensitive).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        #expect(fast == foundation, "\(text.debugDescription)")
    }
}

@Test func keywordsAreFoundAsFoundationFindsThem() {
    let words = ASCIIKeywords(["agenda", "log", "minutes"])
    for text in ["the agenda", "blog post", "minute", "agenda\u{301}", "café log", "", "l"] {
        #expect(words.areContained(in: text) == words.words.contains { text.contains($0) }, "\(text.debugDescription)")
    }
    #expect(words.occur(inBytesOf: "xxlogxx") && !words.occur(inBytesOf: "lo g"))
    #expect("see RESOLVED".holdsBytes("RESOLVED") && !"resolved".holdsBytes("RESOLVED") && "a:b".holdsByte(UInt8(ascii: ":")))
}

@Test func linksAreFoundInPlainAndAccentedText() {
    #expect(LinkScanner.links(in: "see (https://example.org/a) and www.example.com.").map(\.href)
            == ["https://example.org/a", "https://www.example.com"])
    #expect(LinkScanner.links(in: "voir «https://example.org/é» et \"https://example.org/b\"").map(\.href)
            == ["https://example.org/b"])
    #expect(LinkScanner.links(in: "voir [https://example.org/é] ok").map(\.href) == ["https://example.org/é"])
}
