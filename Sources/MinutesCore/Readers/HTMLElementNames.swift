import Foundation

/// What an element means to the HTML reader's walker.
enum HTMLRole: Equatable {
    case skip, head, title, meta, base, lineBreak, link, image, input, inline
    case container, list(ordered: Bool), definitionList, table, cell
    case block(Block.Kind, level: Int)

    /// Whether the element ends loose text before it (blocks and containers).
    var isBlockLevel: Bool {
        switch self {
        case .container, .list, .definitionList, .table, .cell, .block: return true
        default: return false
        }
    }
}

/// The few element names the walker compares after an element has started, kept as a tag
/// instead of the name itself.
enum HTMLNameTag: UInt8, Equatable {
    case other, th, thead, nav

    /// The tag of a lower-cased local name.
    init(_ name: String) {
        switch name {
        case "th": self = .th
        case "thead": self = .thead
        case "nav": self = .nav
        default: self = .other
        }
    }
}

/// Element names → roles. The reader looks an element's name up on libxml2's bytes (no String,
/// no Hasher): `lookUp` packs the lower-cased local name into two 64-bit words and finds it in a
/// table built once from `roles`, which stays the rule.
enum HTMLElementNames {
    /// The role of each lower-cased local name the walker knows; all others are `.inline`.
    static let roles: [String: HTMLRole] = {
        var roles: [String: HTMLRole] = [
            "head": .head, "title": .title, "meta": .meta, "base": .base, "br": .lineBreak,
            "a": .link, "img": .image, "input": .input, "td": .cell, "th": .cell,
            "ul": .list(ordered: false), "menu": .list(ordered: false), "dir": .list(ordered: false),
            "ol": .list(ordered: true), "dl": .definitionList, "table": .table,
            "p": .block(.paragraph, level: 0), "summary": .block(.paragraph, level: 0),
            "caption": .block(.paragraph, level: 0), "li": .block(.listItem, level: 0),
            "dt": .block(.term, level: 0), "dd": .block(.definition, level: 0),
            "pre": .block(.preformatted, level: 0), "listing": .block(.preformatted, level: 0),
            "xmp": .block(.preformatted, level: 0), "tr": .block(.tableRow, level: 0),
        ]
        for level in 1...6 { roles["h\(level)"] = .block(.heading, level: level) }
        for name in ["script", "style", "noscript", "template", "svg", "iframe", "form", "button",
                     "footer", "link", "select", "textarea", "object", "embed", "canvas", "audio", "video"] {
            roles[name] = .skip
        }
        for name in ["html", "body", "div", "section", "article", "main", "header", "aside", "blockquote",
                     "details", "figure", "figcaption", "address", "center", "hgroup", "fieldset", "legend",
                     "thead", "tbody", "tfoot", "hr", "dialog", "search", "nav"] {
            roles[name] = .container
        }
        return roles
    }()

    /// A name of at most 16 bytes, packed: byte i in bits 8·i of `low` (i < 8) or of `high`, zero after its end.
    /// Names hold no zero byte, so two names have the same key exactly when they are equal.
    struct Key: Comparable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// The key of `bytes` with ASCII letters lower-cased; nil when longer than 16 bytes.
        init?<Bytes: Collection<UInt8>>(lowercasing bytes: Bytes) {
            guard bytes.count <= 16 else { return nil }
            var shift: UInt64 = 0
            for byte in bytes {
                if shift < 64 { low |= UInt64(byte.asciiLowercased) << shift } else { high |= UInt64(byte.asciiLowercased) << (shift - 64) }
                shift += 8
            }
        }

        /// The key whose packed words are `low` and `high`.
        init(low: UInt64, high: UInt64) {
            self.low = low
            self.high = high
        }

        static func < (a: Key, b: Key) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }

    /// An entry of the lookup table.
    fileprivate struct Entry {
        let key: Key
        let role: HTMLRole
        let tag: HTMLNameTag
    }

    /// `roles` as a hash table: `slots[slot(key)]` is 1 + the index in `entries` of the name with that key, or 0.
    /// The multiplier is searched once, from a fixed start, until every known name has a slot of its own.
    private static let lookupTable: (entries: [Entry], slots: [UInt8], multiplier: UInt64) = {
        let entries = roles.keys.sorted().compactMap { name in
            Key(lowercasing: name.utf8).map { Entry(key: $0, role: roles[name] ?? .inline, tag: HTMLNameTag(name)) }
        }
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        while true {
            var slots = [UInt8](repeating: 0, count: 1 << slotBits)
            var distinct = true
            for (index, entry) in entries.enumerated() {
                let slot = slot(entry.key, multiplier)
                if slots[slot] != 0 { distinct = false; break }
                slots[slot] = UInt8(index + 1)
            }
            if distinct { return (entries, slots, multiplier) }
            multiplier &+= 0x2545_F491_4F6C_DD1E
        }
    }()

    /// The table has 2^slotBits slots.
    private static let slotBits = 10

    /// The slot of `key` for `multiplier`.
    @inline(__always)
    private static func slot(_ key: Key, _ multiplier: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ (key.high &* 0x0100_0000_01B3)) &* multiplier) >> UInt64(64 - slotBits))
    }

    /// The role and tag of an element named `fullName` (NUL-terminated, as libxml2 sends it): those of its local name
    /// (after the first `:` that is neither its first nor its last byte, as libxml2's tree named the node), lower-cased.
    static func lookUp(_ fullName: UnsafePointer<UInt8>) -> (role: HTMLRole, tag: HTMLNameTag) {
        lookUp(fullName, in: Table())
    }

    /// The lookup table, for a reader to keep while it reads a document: reaching the lazily made static
    /// table costs a `swift_once` check for each element.
    struct Table {
        fileprivate let value = HTMLElementNames.lookupTable
    }

    /// `lookUp(_:)` with the lookup table at hand. A name of ASCII bytes without a colon (nearly all) is packed
    /// into its key as it is read; others take `lookUpSplitting`.
    static func lookUp(_ fullName: UnsafePointer<UInt8>, in table: Table) -> (role: HTMLRole, tag: HTMLNameTag) {
        var low: UInt64 = 0, high: UInt64 = 0
        var count = 0
        while true {
            let byte = fullName[count]
            if byte == 0 { break }
            if byte >= 0x80 || byte == UInt8(ascii: ":") { return lookUpSplitting(fullName, in: table) }
            if count < 8 {
                low |= UInt64(byte.asciiLowercased) << UInt64(8 * count)
            } else if count < 16 {
                high |= UInt64(byte.asciiLowercased) << UInt64(8 * (count - 8))
            }
            count += 1
        }
        // A name longer than 16 bytes has no key (no known name is that long).
        guard count <= 16 else { return (.inline, .other) }
        return lookUp(key: Key(low: low, high: high), in: table)
    }

    /// `lookUp(_:in:)` for any name: its local name (after a colon) is found, and a name with bytes above
    /// ASCII is lower-cased by String's rule.
    private static func lookUpSplitting(_ fullName: UnsafePointer<UInt8>, in table: Table) -> (role: HTMLRole, tag: HTMLNameTag) {
        let bytes = UnsafeBufferPointer(start: fullName, count: strlen(UnsafeRawPointer(fullName).assumingMemoryBound(to: CChar.self)))
        var local = bytes[...]
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < bytes.count {
            local = bytes[(colon + 1)...]
        }
        // Only ASCII letters lower-case on bytes alike; others take String's rule (the Kelvin sign becomes "k").
        guard local.allSatisfy({ $0 < 0x80 }) else { return lookUp(lowercasedName: String(decoding: local, as: UTF8.self).lowercased()) }
        return lookUp(key: Key(lowercasing: local), in: table)
    }

    /// `lookUp` for an already lower-cased name: the rule, `roles[name]`, that the byte lookup gives.
    static func lookUp(lowercasedName name: String) -> (role: HTMLRole, tag: HTMLNameTag) {
        (roles[name] ?? .inline, HTMLNameTag(name))
    }

    /// The entry of `lookupTable` for `key`.
    private static func lookUp(key: Key?, in kept: Table) -> (role: HTMLRole, tag: HTMLNameTag) {
        guard let key else { return (.inline, .other) }
        let table = kept.value
        let index = Int(table.slots[slot(key, table.multiplier)])
        guard index > 0, table.entries[index - 1].key == key else { return (.inline, .other) }
        return (table.entries[index - 1].role, table.entries[index - 1].tag)
    }
}

/// Byte versions of the rules the reader applies to attribute values and text, for ASCII bytes; other bytes
/// take the String rule itself.
enum HTMLByteRules {
    /// Whether `bytes`, lower-cased (String's rule), equal the ASCII `lowercase` word.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, equals lowercase: StaticString) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).lowercased() == lowercase.description
        }
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let word = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        return zip(bytes, word).allSatisfy { $0.asciiLowercased == $1 }
    }

    /// The lower-cased tokens of a `class` value, split at white space.
    static func classTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        guard !bytes.isEmpty else { return [] }
        // On ASCII the white space characters are exactly the bytes 09–0D and 20.
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return classTokens(String(decoding: bytes, as: UTF8.self)) }
        var tokens: [String] = []
        var start = 0
        while start < bytes.count {
            while start < bytes.count, UTF8Search.isASCIIWhitespace(bytes[start]) { start += 1 }
            var end = start
            while end < bytes.count, !UTF8Search.isASCIIWhitespace(bytes[end]) { end += 1 }
            if end > start { tokens.append(UTF8Search.lowercasedASCII(bytes[start..<end])) }
            start = end
        }
        return tokens
    }

    /// The rule: `value` lower-cased and split at white space characters.
    static func classTokens(_ value: String) -> [String] {
        value.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The token an `id` value adds to the class tokens: trimmed of spaces and tabs, lower-cased; nil when empty.
    static func idToken(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // On ASCII, space and tab are single characters (no combining mark can follow them).
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return idToken(String(decoding: bytes, as: UTF8.self)) }
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return start < end ? UTF8Search.lowercasedASCII(bytes[start..<end]) : nil
    }

    /// `String(decoding: bytes, as: UTF8.self).trimmed(.blanksAndNewlines)` (a link target as written) when all
    /// bytes are ASCII, nil otherwise. On ASCII the trimmed characters are exactly the bytes 09, 0A, 0D and 20
    /// (CR LF, one character, is two of them).
    static func trimmedLinkTarget(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isTrimmed(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var start = 0, end = bytes.count
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The rule for `idToken`.
    static func idToken(_ value: String) -> String? {
        let id = value.trimmed()
        return id.isEmpty ? nil : id.lowercased()
    }

    /// `TextRules.isBlank` of the text `bytes` hold. ASCII white space is blank; a printable ASCII byte starts a
    /// character that is not white space; anything else (controls, non-ASCII) takes the rule itself.
    static func isBlank<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var undecided = false
        for byte in bytes where !UTF8Search.isASCIIWhitespace(byte) {
            if byte > 0x20, byte < 0x7F { return false }
            undecided = true
        }
        return !undecided || TextRules.isBlank(String(decoding: bytes, as: UTF8.self))
    }

    /// `TextRules.collapseWhitespace(String(decoding: bytes, as: UTF8.self))`, written straight from the bytes
    /// into the new string: runs of ASCII white space become one space, none at either end. Only when a byte
    /// that may start a Unicode space (C2, E2, E3, as `TextRules` tells them) is there and the text holds a
    /// Unicode space (told on its bytes by `unicodeSpaceLength`) does the result go through
    /// `TextRules.collapseWhitespace` itself.
    static func collapsedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var mayHoldUnicodeSpace = false
        var holdsUnicodeSpace = false
        let collapsed = String(unsafeUninitializedCapacity: bytes.count) { out in
            guard let source = bytes.baseAddress, let target = out.baseAddress else { return 0 }
            let end = bytes.count
            var read = 0, count = 0
            while true {
                // White space before a word: one space between words, none at either end.
                while read < end, UTF8Search.isASCIIWhitespace(source[read]) { read += 1 }
                guard read < end else { break }
                if count > 0 { target[count] = 0x20; count += 1 }
                // The word, and what follows it unchanged, eight bytes at a time where it can.
                while read < end {
                    if read + 8 <= end {
                        let word = UnsafeRawPointer(source + read).loadUnaligned(as: UInt64.self)
                        if isUnchangedRun(UInt64(littleEndian: word)) {
                            UnsafeMutableRawPointer(target + count).storeBytes(of: word, as: UInt64.self)
                            read += 8
                            count += 8
                            continue
                        }
                    }
                    let byte = source[read]
                    if UTF8Search.isASCIIWhitespace(byte) { break }
                    if byte >= 0xC2 {
                        if byte == 0xC2 || byte == 0xE2 || byte == 0xE3 { mayHoldUnicodeSpace = true }
                        if !holdsUnicodeSpace, unicodeSpaceLength(UnsafeBufferPointer(rebasing: bytes[read...])) > 0 { holdsUnicodeSpace = true }
                    }
                    target[count] = byte
                    count += 1
                    read += 1
                }
            }
            return count
        }
        guard mayHoldUnicodeSpace, holdsUnicodeSpace else { return collapsed }
        return TextRules.collapseWhitespace(collapsed)
    }

    /// The length of the white space character (Unicode's White_Space property) above U+007F that `bytes`
    /// (valid UTF-8) start with, or 0: U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    static func unicodeSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count >= 2 else { return 0 }
        switch (bytes[0], bytes[1]) {
        case (0xC2, 0x85), (0xC2, 0xA0): return 2
        default: break
        }
        guard bytes.count >= 3 else { return 0 }
        switch (bytes[0], bytes[1], bytes[2]) {
        case (0xE1, 0x9A, 0x80), (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xE2, 0x80, 0xAF),
             (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80):
            return 3
        default:
            return 0
        }
    }

    /// Whether eight bytes (the first in the lowest bits) that follow a byte other than white space are copied
    /// as they are: printable ASCII or spaces (no other white space, no byte that may start a Unicode space),
    /// no two spaces side by side, and no space last (the next byte decides what it becomes).
    @inline(__always)
    static func isUnchangedRun(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, spaces: UInt64 = 0x2020_2020_2020_2020
        // No byte from 0x80 on, none below 0x20.
        guard word & high == 0, (word &- spaces) & ~word & high == 0 else { return false }
        // 0x80 in each byte that is a space.
        let difference = word ^ spaces
        let isSpace = ~(((difference & low) &+ low) | difference | low)
        return isSpace & (isSpace << 8) == 0 && isSpace >> 56 == 0
    }
}
