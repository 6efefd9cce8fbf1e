import Foundation

/// A link's address lower-cased once and taken apart once, for the rules that sort links (`isJoinOrChatLink`,
/// `isDocumentLink`, `isProfileLink`): each rule then compares a few bytes at known offsets, where it would make
/// lower-cased copies, part strings and segment arrays of its own.
///
/// Only an address whose every byte is ASCII but for line terminators (0A–0D) is read this way
/// (`RelatedDocumentExtractor.withLinkAddress`): there its bytes are its characters, lower-casing lower-cases its bytes,
/// cleaning (`cleanURL`) and lower-casing commute, Foundation's substring matches are byte matches (no needle holds
/// "K", ";" or "`"), and each regular expression of the rules reads as the byte test it is replaced by (no "$" may match
/// before a final line break). Any other address goes through the rules by characters.
///
/// The bytes live only as long as the closure given to `withLinkAddress`: the value must not escape it.
struct LinkAddress {
    /// The whole address, lower-cased.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The end of the address before its first "#" (what `isDocumentLink` calls its path).
    let pageEnd: Int
    /// Whether the cleaned address opens with "http://" or "https://" (`sharedParts` gives parts): then `host`,
    /// `path`, `query` and `fragment` are those of `addressParts(cleanURL(address))`; else they are empty.
    let isWeb: Bool
    /// The parts of the cleaned address (see `RelatedDocumentExtractor.AddressParts`).
    let host: Range<Int>, path: Range<Int>, query: Range<Int>, fragment: Range<Int>

    /// Takes apart the lower-cased address `bytes` (ASCII but for line terminators).
    init(lowercased bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        pageEnd = UTF8Search.offset(of: UInt8(ascii: "#"), in: bytes) ?? bytes.count
        let cleaned = RelatedDocumentExtractor.cleanedRange(of: bytes)
        let scheme = LinkAddress.startsWith(bytes, cleaned, "http://") ? 7 : LinkAddress.startsWith(bytes, cleaned, "https://") ? 8 : nil
        guard let scheme else {
            isWeb = false
            host = 0..<0; path = 0..<0; query = 0..<0; fragment = 0..<0
            return
        }
        isWeb = true
        // As `addressParts(of:text:)`, after the scheme's "://" (the first one, ending the scheme).
        let start = cleaned.lowerBound + scheme
        var end = cleaned.upperBound
        var fragment = end..<end
        if let hash = LinkAddress.firstOffset(of: UInt8(ascii: "#"), in: bytes, start..<end) { fragment = hash + 1..<end; end = hash }
        var query = end..<end
        if let mark = LinkAddress.firstOffset(of: UInt8(ascii: "?"), in: bytes, start..<end) { query = mark + 1..<end; end = mark }
        let slash = LinkAddress.firstOffset(of: UInt8(ascii: "/"), in: bytes, start..<end) ?? end
        while end > slash, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        let hostStart = LinkAddress.startsWith(bytes, start..<slash, "www.") ? start + 4 : start
        host = hostStart..<slash
        path = slash..<end
        self.query = query
        self.fragment = fragment
    }

    // MARK: Byte comparisons

    /// Whether `bytes[range]` opens with `literal`.
    static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard range.count >= count, let base = bytes.baseAddress else { return false }
        return memcmp(base + range.lowerBound, literal.utf8Start, count) == 0
    }

    /// Whether `bytes[range]` ends with `literal`.
    static func endsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard range.count >= count, let base = bytes.baseAddress else { return false }
        return memcmp(base + range.upperBound - count, literal.utf8Start, count) == 0
    }

    /// Whether `bytes[range]` is `literal`.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
        range.count == literal.utf8CodeUnitCount && startsWith(bytes, range, literal)
    }

    /// Whether `bytes[range]` holds `literal`.
    static func holds(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        return UTF8Search.offset(of: pattern, in: UnsafeBufferPointer(rebasing: bytes[range])) != nil
    }

    /// The offset of the first `byte` in `bytes[range]`.
    static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        UTF8Search.offset(of: byte, in: UnsafeBufferPointer(rebasing: bytes[range])).map { range.lowerBound + $0 }
    }

    private func startsWith(_ range: Range<Int>, _ literal: StaticString) -> Bool { LinkAddress.startsWith(bytes, range, literal) }
    private func endsWith(_ range: Range<Int>, _ literal: StaticString) -> Bool { LinkAddress.endsWith(bytes, range, literal) }
    private func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool { LinkAddress.equals(bytes, range, literal) }
    private func holds(_ range: Range<Int>, _ literal: StaticString) -> Bool { LinkAddress.holds(bytes, range, literal) }

    // MARK: The rules

    /// `RelatedDocumentExtractor.isJoinOrChatLink(link)` of a link with this address and the text `linkText`.
    func isJoinOrChat(linkText: String) -> Bool {
        // `opensWithWebScheme` of the address itself, before cleaning (which could drop white space before the scheme).
        let all = 0..<bytes.count
        guard startsWith(all, "http://") || startsWith(all, "https://") else { return false }
        if RelatedDocumentExtractor.namesJoining(linkText) { return true }
        if holds(fragment, "chat") || endsWith(path, "/join") { return true }
        if startsWith(host, "chat.") || startsWith(host, "calendar.") || endsWith(host, "slack.com") || endsWith(host, "gitter.im")
            || endsWith(host, "discord.gg") || endsWith(host, "discord.com") || equals(host, "matrix.to") || endsWith(host, "timeanddate.com")
            || equals(host, "meet.google.com") || equals(host, "meet.jit.si") || equals(host, "teams.microsoft.com") {
            return true
        }
        if isShortenerHost || endsWith(host, "list-manage.com") || endsWith(host, "eventbrite.com") || endsWith(host, "cvent.com")
            || holds(path, "/track/click") || endsWith(path, "/accounts/request") || namesMilestone {
            return true
        }
        if holds(host, "zoom") && (startsWith(path, "/j/") || startsWith(path, "/meeting") || startsWith(path, "/my/")) { return true }
        if endsWith(host, "webex.com") && (startsWith(path, "/meet") || holds(path, "/j.php")) { return true }
        return endsWith(path, "/calendar") || startsWith(path, "/calendar")
    }

    /// Whether the host is one of `shortenerHosts`.
    private var isShortenerHost: Bool {
        guard host.count <= RelatedDocumentExtractor.longestShortenerHost, let base = bytes.baseAddress else { return false }
        return RelatedDocumentExtractor.shortenerHostLiterals.contains { name in
            name.utf8CodeUnitCount == host.count && memcmp(base + host.lowerBound, name.utf8Start, host.count) == 0
        }
    }

    /// The path matches `/milestones?/\d+$` (`namesMilestone`): digits at its end after "/milestone/" or "/milestones/".
    private var namesMilestone: Bool {
        var digits = path.upperBound
        while digits > path.lowerBound, bytes[digits - 1].isASCIIDigit { digits -= 1 }
        guard digits < path.upperBound else { return false }
        let head = path.lowerBound..<digits
        return endsWith(head, "/milestone/") || endsWith(head, "/milestones/")
    }

    /// `RelatedDocumentExtractor.isDocumentLink(link, labelled:isJoinOrChat:)` of a link with this address and the text
    /// `linkText`.
    func isDocument(linkText: String, labelled: Bool, isJoinOrChat: Bool?) -> Bool {
        let all = 0..<bytes.count
        guard !bytes.isEmpty, bytes[0] != UInt8(ascii: "#"), !startsWith(all, "mailto:"), !startsWith(all, "javascript:"),
              !startsWith(all, "tel:") else { return false }
        let page = 0..<pageEnd
        if pageEnd > 0, bytes[pageEnd - 1].isOne(of: "sgfo2"), RelatedDocumentExtractor.assetEndingLiterals.contains(where: { endsWith(page, $0) }) {
            return false
        }
        if holds(page, "scribedoc") || RelatedDocumentExtractor.namesScribeTool(linkText) { return false }
        if labelled { return true }
        guard isWeb else {
            // A relative link: a document only when it names a file.
            let name = RelatedDocumentExtractor.cleanedRange(of: UnsafeBufferPointer(rebasing: bytes[page]))
            return RelatedDocumentExtractor.documentEndingLiterals.contains { endsWith(name, $0) }
        }
        if path.isEmpty && query.isEmpty && fragment.isEmpty { return false }
        if isJoinOrChat ?? self.isJoinOrChat(linkText: linkText) || isProfile { return false }
        if startsWith(path, "/icons/") || startsWith(host, "fonts.") || holds(page, "cvsweb/2002/scribe") || holds(page, "/tracker/irc")
            || holds(page, "antitrust") || holds(page, "code-of-conduct") || endsWith(page, "/track/users") || endsWith(page, "-actions.rdf")
            || isTimestampAnchor {
            return false
        }
        if listsRepositoryItems || listsRepositoryLabel || isGroupFrontPage { return false }
        return !(startsWith(path, "/channel/") || startsWith(path, "/@"))
    }

    /// The fragment matches `^t\d\d-\d\d` (`isTimestampAnchor`).
    private var isTimestampAnchor: Bool {
        guard fragment.count >= 6 else { return false }
        let t = fragment.lowerBound
        return bytes[t] == UInt8(ascii: "t") && bytes[t + 1].isASCIIDigit && bytes[t + 2].isASCIIDigit && bytes[t + 3] == UInt8(ascii: "-")
            && bytes[t + 4].isASCIIDigit && bytes[t + 5].isASCIIDigit
    }

    /// The path matches `^/[^/]+/[^/]+/(issues|pulls|discussions)$` (`listsRepositoryItems`).
    private var listsRepositoryItems: Bool {
        guard path.count > 1, bytes[path.upperBound - 1] == UInt8(ascii: "s"), let third = thirdSlash,
              firstOffset(of: UInt8(ascii: "/"), from: third + 1) == nil else { return false }
        let last = third + 1..<path.upperBound
        return equals(last, "issues") || equals(last, "pulls") || equals(last, "discussions")
    }

    /// The path matches `^/[^/]+/[^/]+/labels/` (`listsRepositoryLabel`).
    private var listsRepositoryLabel: Bool {
        guard let third = thirdSlash else { return false }
        return startsWith(third + 1..<path.upperBound, "labels/")
    }

    /// The offset of the path's third "/" when it opens with "/", a segment, "/", a segment and "/" (both segments not
    /// empty).
    private var thirdSlash: Int? {
        guard path.count > 0, bytes[path.lowerBound] == UInt8(ascii: "/"),
              let second = firstOffset(of: UInt8(ascii: "/"), from: path.lowerBound + 1), second > path.lowerBound + 1,
              let third = firstOffset(of: UInt8(ascii: "/"), from: second + 1), third > second + 1 else { return nil }
        return third
    }

    /// The offset of the first `byte` of the path at or after `start`.
    private func firstOffset(of byte: UInt8, from start: Int) -> Int? {
        start < path.upperBound ? LinkAddress.firstOffset(of: byte, in: bytes, start..<path.upperBound) : nil
    }

    /// The path matches `^/g/[^/]+/?$` (`isGroupFrontPage`).
    private var isGroupFrontPage: Bool {
        guard startsWith(path, "/g/") else { return false }
        var end = path.upperBound
        if bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        let name = path.lowerBound + 3..<max(end, path.lowerBound + 3)
        return !name.isEmpty && LinkAddress.firstOffset(of: UInt8(ascii: "/"), in: bytes, name) == nil
    }

    /// `RelatedDocumentExtractor.isProfileLink(addressParts)`: an account on a profile host (one path segment), a
    /// LinkedIn member page ("/in/…") or a biography page (its last segment).
    private var isProfile: Bool {
        if RelatedDocumentExtractor.profileHostLiterals.contains(where: { equals(host, $0) }) { return segmentCount(upTo: 2) == 1 }
        if endsWith(host, "linkedin.com") { return firstSegment.map { equals($0, "in") } ?? false }
        return lastSegment.map { last in RelatedDocumentExtractor.profilePageLiterals.contains { equals(last, $0) } } ?? false
    }

    /// The number of non-empty segments of the path between "/" bytes, counted up to `limit`.
    private func segmentCount(upTo limit: Int) -> Int {
        UnsafeBufferPointer(rebasing: bytes[path]).runCount(upTo: limit) { $0 == UInt8(ascii: "/") }
    }

    /// The first non-empty segment of the path between "/" bytes.
    private var firstSegment: Range<Int>? {
        guard let start = path.first(where: { bytes[$0] != UInt8(ascii: "/") }) else { return nil }
        var end = start
        while end < path.upperBound, bytes[end] != UInt8(ascii: "/") { end += 1 }
        return start..<end
    }

    /// The last non-empty segment of the path between "/" bytes.
    private var lastSegment: Range<Int>? {
        guard let last = path.last(where: { bytes[$0] != UInt8(ascii: "/") }) else { return nil }
        var start = last
        while start > path.lowerBound, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
        return start..<last + 1
    }
}

extension RelatedDocumentExtractor {
    /// Runs `body` on the address of `href` lower-cased (in a buffer on the stack) and taken apart, when every byte of
    /// `href` is ASCII but for line terminators (see `LinkAddress`); nil for any other address.
    static func withLinkAddress<Answer>(_ href: String, _ body: (LinkAddress) -> Answer) -> Answer? {
        let answer = href.utf8.withContiguousStorageIfAvailable { source -> Answer? in
            // (An empty address has no bytes to lower-case: the rules read it as it is.)
            guard !source.isEmpty else { return body(LinkAddress(lowercased: source)) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: source.count) { buffer -> Answer? in
                // Lower-cased as they are checked: a byte that is not ASCII, or a line terminator, ends the copy.
                for offset in source.indices {
                    let byte = source[offset]
                    guard byte < 0x80, byte &- 0x0A > 3 else { return nil }
                    buffer[offset] = byte.asciiLowercased
                }
                return body(LinkAddress(lowercased: UnsafeBufferPointer(buffer)))
            }
        }
        return answer ?? nil
    }

    /// `assetEndings` as literals compared in place.
    static let assetEndingLiterals: [StaticString] = [".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".woff", ".woff2"]
    /// `documentEndings` as literals compared in place.
    static let documentEndingLiterals: [StaticString] = [".pdf", ".doc", ".docx", ".ppt", ".pptx", ".xls", ".xlsx", ".odt", ".ods", ".odp",
                                                          ".rtf", ".txt", ".md", ".csv"]
    /// `shortenerHosts` as literals compared in place.
    static let shortenerHostLiterals: [StaticString] = ["j.mp", "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "buff.ly"]
    /// `profileHosts` as literals compared in place.
    static let profileHostLiterals: [StaticString] = ["github.com", "twitter.com", "x.com", "gitlab.com", "mastodon.social"]
    /// `profilePages` as literals compared in place.
    static let profilePageLiterals: [StaticString] = ["bio", "about-me", "profile"]
}
