import Foundation

/// Small text rules shared by the extractors: labels, honorifics, name shapes, folding.
public enum TextRules {
    /// Splits "Label: value" (also "**Label:** value", "Label - value" is not a label) into its parts.
    /// The label is at most five words and holds no sentence punctuation.
    public static func labelled(_ text: String) -> (label: String, value: String)? {
        labelParts(text).map { ($0.label, $0.value) }
    }

    /// `labelled(text)`, its value cut from the text only when asked for: most labels read are not the ones wanted.
    static func labelParts(_ text: String) -> LabelParts? {
        switch labelledOnBytes(text) {
        case .label(let label, let value): return LabelParts(label: label, text: text, value: .bytes(value))
        case .noLabel: return nil
        case .undecided: return labelledByCharacters(text).map { LabelParts(label: $0.label, text: text, value: .made($0.value)) }
        }
    }

    /// The label `labelled(_:)` finds and what it needs to give the value.
    struct LabelParts {
        /// Where the value is.
        enum Value {
            /// The text's bytes at these offsets, every one plain.
            case bytes(Range<Int>)
            /// Already made.
            case made(String)
        }

        let label: String
        let text: String
        let valueSource: Value

        init(label: String, text: String, value: Value) {
            self.label = label
            self.text = text
            valueSource = value
        }

        /// `labelled(text)?.value`.
        var value: String {
            switch valueSource {
            case .made(let value):
                return value
            case .bytes(let range):
                let bytes = text.utf8
                return String(Substring(bytes[bytes.index(bytes.startIndex, offsetBy: range.lowerBound)..<bytes.index(bytes.startIndex, offsetBy: range.upperBound)]))
            }
        }
    }

    /// `labelled(_:)` on Characters: the rule as written, for any text.
    static func labelledByCharacters(_ text: String) -> (label: String, value: String)? {
        var body = Substring(text)
        body = body.drop { $0 == "*" || $0 == "_" || $0 == " " }
        // A label is short: look for its colon in the first bytes only (long transcript lines are common).
        guard let colonByte = body.utf8.prefix(64).firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let colon = colonByte
        let label = String(body[..<colon].trimming(emphasis))
        guard !label.isEmpty, isLabelShaped(label) else { return nil }
        let value = String(body[body.index(after: colon)...].trimming(emphasis))
        return (label, value)
    }

    /// What `labelledOnBytes` made of a text.
    private enum ByteLabel {
        /// The label, and the offsets of the value's bytes.
        case label(String, Range<Int>)
        case noLabel
        /// Not the common case: the Character-based rule decides.
        case undecided
    }

    /// `labelled(_:)` on UTF-8 bytes, for the common case: ASCII up to the colon, and no
    /// non-ASCII character next to a trimmed `*`, `_` or space (a combining mark there joins
    /// the character, which the Character-based trim would keep).
    private static func labelledOnBytes(_ text: String) -> ByteLabel {
        func isEmphasis(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == 0x20 }
        // Everything found on the bytes in place, offsets only; Strings are made for a label alone.
        var source = text
        return source.withUTF8 { bytes -> ByteLabel in
            // The leading emphasis and the first colon of the 64 bytes after it.
            var start = 0
            while start < bytes.count, isEmphasis(bytes[start]) { start += 1 }
            let end = min(bytes.count, start + 64)
            // Found with `memchr` (most texts hold no colon in the window, read whole).
            let colon = UTF8Search.offset(of: UInt8(ascii: ":"), in: UnsafeBufferPointer(rebasing: bytes[start..<end])).map { start + $0 } ?? end
            guard colon < end else {
                // No colon in the window: no label, unless a non-ASCII first character could have
                // joined the skipped bytes (then the window starts elsewhere).
                return start > 0 && start < bytes.count && bytes[start] >= 0x80 ? .undecided : .noLabel
            }
            // Plain ASCII up to the colon (no byte over 0x7F, no CR), where one byte is one character.
            for i in start..<colon where bytes[i] >= 0x80 || bytes[i] == 0x0D { return .undecided }
            var labelEnd = colon
            while labelEnd > start, isEmphasis(bytes[labelEnd - 1]) { labelEnd -= 1 }
            guard labelEnd > start, isLabelShaped(ascii: UnsafeBufferPointer(rebasing: bytes[start..<labelEnd])) else { return .noLabel }
            // The value: trimmed on bytes when its ends are plain.
            var valueStart = colon + 1
            if valueStart < bytes.count, bytes[valueStart] >= 0x80 { return .undecided }
            while valueStart < bytes.count, isEmphasis(bytes[valueStart]) { valueStart += 1 }
            if valueStart < bytes.count, valueStart > colon + 1, bytes[valueStart] >= 0x80 { return .undecided }
            var valueEnd = bytes.count
            while valueEnd > valueStart, isEmphasis(bytes[valueEnd - 1]) { valueEnd -= 1 }
            if valueEnd < bytes.count, valueEnd > valueStart, bytes[valueEnd - 1] >= 0x80 { return .undecided }
            return .label(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<labelEnd]), as: UTF8.self), valueStart..<valueEnd)
        }
    }

    /// At most 40 characters and five words, no sentence punctuation (but a "(s)" ending), not an address.
    private static func isLabelShaped(_ label: String) -> Bool {
        let bytes = label.utf8
        guard label.isPlainASCII else {
            return label.count <= 40 && label.splitOnSpaces().count <= 5
                && (!label.contains(where: { labelBreakers.contains($0) }) || label.hasSuffix("(s)")) && !label.hasPrefix("http")
        }
        return isLabelShaped(ascii: bytes)
    }

    /// `isLabelShaped(_:)` for a plain ASCII label (one byte a character): the same tests on its bytes.
    private static func isLabelShaped<Bytes: BidirectionalCollection<UInt8>>(ascii bytes: Bytes) -> Bool {
        guard bytes.count <= 40 else { return false }
        var words = 0, inWord = false, breaks = false
        for byte in bytes {
            if byte == 0x20 { inWord = false; continue }
            if !inWord { inWord = true; words += 1 }
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: "\""), UInt8(ascii: "/"):
                breaks = true
            default:
                break
            }
        }
        return words <= 5 && (!breaks || bytes.reversed().starts(with: ")s(".utf8)) && !bytes.starts(with: "http".utf8)
    }

    private static let emphasis: Set<Character> = ["*", "_", " "]
    private static let labelBreakers: Set<Character> = [".", ",", ";", "!", "?", "(", ")", "\"", "/"]

    /// Lower-cased, diacritics kept, white space folded, surrounding punctuation dropped.
    public static func fold(_ text: String) -> String {
        if text.isPlainASCII { return foldASCII(text) }
        return String(text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || ($0.isWhitespace) })
            .joined(separator: " ")
            .trimming(foldPunctuation))
    }

    private static let foldPunctuation: Set<Character> = [".", ",", ";", ":", "!", "?", "*", "_", " ", "\"", "'"]

    /// `fold(_:)` of ASCII text (no CR), on its bytes: white space is 0x09–0x0D and 0x20. The folded bytes are
    /// written straight into the new string, then its ends trimmed in place (no array between).
    private static func foldASCII(_ text: String) -> String {
        func isFoldPunctuation(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                 UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return true
            default:
                return false
            }
        }
        return String(unsafeUninitializedCapacity: text.utf8.count) { out in
            var count = 0
            var pendingSpace = false
            for byte in text.utf8 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    if count > 0 { pendingSpace = true }
                    continue
                }
                if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                out[count] = byte.asciiLowercased
                count += 1
            }
            // The folded bytes without the punctuation at either end, moved to the front.
            var first = 0, last = count
            while first < last, isFoldPunctuation(out[first]) { first += 1 }
            while last > first, isFoldPunctuation(out[last - 1]) { last -= 1 }
            if first > 0 {
                for index in first..<last { out[index - first] = out[index] }
            }
            return last - first
        }
    }

    /// Whether `word` starts with an upper-case letter (an ASCII fast path before Unicode properties).
    @inline(__always)
    static func startsUppercase<S: StringProtocol>(_ word: S) -> Bool {
        guard let byte = word.utf8.first else { return false }
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        return word.first?.isUppercase == true
    }

    /// Honorifics that are never part of a name.
    static let honorifics: Set<String> = ["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame", "rev", "hon"]
    /// Titles that are offices: kept as the job title when they stand before a name.
    static let officeTitles: [String: String] = [
        "councillor": "Councillor", "councillors": "Councillor", "cllr": "Councillor", "cllrs": "Councillor",
        "alderman": "Alderman", "mayor": "Mayor", "senator": "Senator", "professor": "Professor", "judge": "Judge",
    ]

    /// Removes leading honorifics and office titles from `name`; returns the bare name and the office.
    public static func stripTitles(_ name: String) -> (name: String, office: String?) {
        if let bare = ParticipantFastPaths.untitledName(name) { return (bare, nil) }
        return stripTitlesRule(name)
    }

    /// `stripTitles(_:)` as the rule is written, for any name.
    static func stripTitlesRule(_ name: String) -> (name: String, office: String?) {
        var words = name.splitOnSpaces().map(String.init)
        var office: String?
        while let first = words.first, words.count > 1 {
            let key = first.lowercased().trimmed(.fullStop)
            if honorifics.contains(key) {
                words.removeFirst()
            } else if let title = officeTitles[key] {
                office = office ?? title
                words.removeFirst()
            } else {
                break
            }
        }
        return (words.joined(separator: " "), office)
    }

    /// The bytes of ":;!?/@#", which never stand in a name.
    private static let nameBreakers: [UInt8] = Array(":;!?/@#".utf8)

    /// Lower-case particles inside names ("van", "de", "da").
    static let nameParticles: Set<String> = ["van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "bin", "al", "ten", "y"]

    /// Whether `text` is shaped like a person's name: one to five words, each capitalised
    /// (particles such as "van", "de", "da" allowed), no digits, no sentence punctuation.
    public static func looksLikeName(_ text: String) -> Bool {
        ParticipantFastPaths.looksLikeName(text) ?? looksLikeNameRule(text)
    }

    /// `looksLikeName(_:)` as the rule is written, for any text.
    static func looksLikeNameRule(_ text: String) -> Bool {
        // More than five words are told without making them (a long text is a sentence, not a name).
        guard text.participantWordCount(atMost: 6) <= 5 else { return false }
        let words = text.splitOnSpaces()
        let isASCII = text.isPlainASCII
        guard (1...5).contains(words.count), (isASCII ? text.utf8.count : text.count) <= 60 else { return false }
        var capitalised = 0
        for word in words {
            if isASCII {
                // One byte a character: digits and the refused punctuation are seen on bytes.
                guard !word.utf8.contains(where: { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || nameBreakers.contains($0) }) else {
                    return false
                }
            } else {
                guard !word.contains(where: { $0.isNumber || ":;!?/@#".contains($0) }) else { return false }
            }
            if nameParticles.contains(word.lowercased()) { continue }
            guard let first = word.first(where: { $0.isLetter }) else { return false }
            if first.isUppercase || !first.isCased { capitalised += 1 } else { return false }
        }
        return capitalised >= 1
    }

    /// Turns an IRC nick into a name: "Bill_Kasdorf_" → "Bill Kasdorf", "AjayJadhav" → "Ajay Jadhav";
    /// lower-case nicks ("billk") and trailing initials ("AndyS", "CharlesL") are returned unchanged.
    public static func nickToName(_ nick: String) -> String {
        if nick.isPlainASCII { return nickToNameASCII(nick) }
        var text = nick.trimmed(.nickEnds)
        text = text.replacingOccurrences(of: "_", with: " ")
        // Split CamelCase where a lower-case letter meets a capital that starts a word of two or more letters.
        let chars = Array(text)
        var out = ""
        var wordStart = 0
        for (i, ch) in chars.enumerated() {
            if ch == " " { wordStart = i + 1 }
            if i > 0, chars[i - 1].isLowercase, ch.isUppercase, i + 1 < chars.count, chars[i + 1].isLowercase,
               !surnamePrefixes.contains(String(chars[wordStart..<i]).lowercased()) {
                out.append(" ")
                wordStart = i
            }
            out.append(ch)
        }
        return out.splitOnSpaces().joined(separator: " ")
    }

    /// `nickToName(_:)` of plain ASCII text, on bytes (one byte a character, so the CamelCase
    /// and surname-prefix tests are byte tests).
    private static func nickToNameASCII(_ nick: String) -> String {
        func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isEnd(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == 0x20
        }
        var bytes = Array(nick.utf8)
        while let last = bytes.last, isEnd(last) { bytes.removeLast() }
        let start = bytes.firstIndex { !isEnd($0) } ?? bytes.endIndex
        bytes = bytes[start...].map { $0 == UInt8(ascii: "_") ? 0x20 : $0 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        var wordStart = 0
        for (i, byte) in bytes.enumerated() {
            if byte == 0x20 { wordStart = i + 1 }
            if i > 0, isLower(bytes[i - 1]), isUpper(byte), i + 1 < bytes.count, isLower(bytes[i + 1]),
               !surnamePrefixes.contains(String(decoding: bytes[wordStart..<i].map { $0.asciiLowercased }, as: UTF8.self)) {
                out.append(0x20)
                wordStart = i
            }
            out.append(byte)
        }
        // The words joined by single spaces (`splitOnSpaces().joined(separator: " ")`).
        var joined: [UInt8] = []
        joined.reserveCapacity(out.count)
        for byte in out where byte != 0x20 || (joined.last.map { $0 != 0x20 } ?? false) { joined.append(byte) }
        if joined.last == 0x20 { joined.removeLast() }
        return String(decoding: joined, as: UTF8.self)
    }

    /// Surname prefixes written joined to a capital ("McDuffee", "DeMeglio", "LaPierre", "MacLeod"): not CamelCase nicks.
    static let surnamePrefixes: Set<String> = ["mc", "mac", "de", "di", "da", "la", "le", "van", "von", "du", "del", "della", "dos", "fitz", "st"]

    /// Whether `token` is shaped like an IRC nick: one word of letters, digits, `_` and `-`,
    /// starting with a letter ("gpellegrino", "Bill_Kasdorf_", "JeffO-StL").
    public static func isNick(_ token: String) -> Bool {
        if token.isPlainASCII {
            // One byte a character: letters, digits, "_" and "-", a letter first, at most 32.
            let bytes = token.utf8
            guard let first = bytes.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z"),
                  bytes.count <= 32 else { return false }
            return bytes.allSatisfy { byte in
                ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
        }
        guard let first = token.first, first.isLetter, token.count <= 32, !token.contains(" ") else { return false }
        return token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    /// Letters of `name`, lower-cased, for comparing nicks with names ("Bill Kasdorf" → "billkasdorf").
    public static func compactLetters(_ name: String) -> String {
        guard name.isPlainASCII else { return String(name.lowercased().filter(\.isLetter)) }
        // ASCII: the letters are A–Z and a–z, lower-cased on their bytes.
        return String(decoding: name.utf8.lazy.filter { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }.map { $0 | 0x20 }, as: UTF8.self)
    }

    /// Levenshtein distance between `a` and `b` in characters, computed only up to `limit` (anything larger returns
    /// `limit + 1`). With limit 1 plain ASCII strings are compared on their bytes (`ASCIIEditDistance`).
    public static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        if limit == 1, let withinOne = ASCIIEditDistance.withinOneEdit(a, b) {
            return withinOne ? (a.utf8.elementsEqual(b.utf8) ? 0 : 1) : 2
        }
        return editDistanceByCharacters(a, b, limit: limit)
    }

    /// `editDistance(_:_:limit:)` computed on the strings' characters, row by row.
    static func editDistanceByCharacters(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        guard abs(x.count - y.count) <= limit else { return limit + 1 }
        var previous = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(y.count, 1) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            if current.min() ?? 0 > limit { return limit + 1 }
            previous = current
        }
        return min(previous[y.count], limit + 1)
    }

    /// The capital letters of an acronym-shaped token ("CCC", "W3C", "OpenSSF" is not one).
    public static func isAcronym(_ token: String) -> Bool {
        let letters = token.filter(\.isLetter)
        guard (2...8).contains(token.count), letters.count >= 2 else { return false }
        return token.allSatisfy { ($0.isLetter && $0.isUppercase) || $0.isNumber || $0 == "&" || $0 == "-" }
            && token.first?.isLetter == true
    }

    /// Words left out of initials.
    static let minorWords: Set<String> = ["of", "for", "and", "the", "in", "on", "de", "&", "a", "an", "to", "at", "–", "-"]

    /// Initials of the significant words of `phrase` ("Global Cleantech Cluster Association" → "GCCA").
    public static func initials(_ phrase: String) -> String {
        // A letter may upper-case to more than one ("ß" → "SS"), so initials are strings, not characters.
        phrase.split(whereSeparator: { $0 == " " || $0 == "-" }).reduce(into: "") { initials, word in
            if !minorWords.contains(word.lowercased()), let first = word.first { initials += first.uppercased() }
        }
    }

    /// Whether `acronym` abbreviates `phrase`: its letters are the phrase's initials,
    /// with or without the minor words ("NCM", "CoE" style mixed case is folded).
    public static func abbreviates(_ acronym: String, _ phrase: String) -> Bool {
        let letters = acronym.uppercased().filter(\.isLetter)
        guard letters.count >= 2 else { return false }
        if initials(phrase) == letters { return true }
        let allInitials = phrase.splitOnSpaces().reduce(into: "") { initials, word in
            if let first = word.first { initials += first.uppercased() }
        }
        return allInitials == letters
    }

    /// Splits a list written in prose ("A, B and C"; "A; B") at commas, semicolons and a
    /// final "and", never inside parentheses.
    public static func splitList(_ text: String) -> [String] {
        (listItemsOnBytes(text) ?? listItems(text)).flatMap { item -> [String] in
            let trimmed = item.trimmed()
            // Only the opening bytes tell the prefix, in most items (the whole item is lower-cased where they cannot).
            if ParticipantFastPaths.lowercasedHasPrefix(trimmed, "and ") ?? trimmed.lowercased().hasPrefix("and ") {
                return [String(trimmed.dropFirst(4))]
            }
            // An item without " and " is one part (Foundation's `components` splits where `range(of:)` finds the separator).
            if let range = trimmed.rangeOfASCII(" and ") {
                // "A and B and C": every part a name.
                let parts = trimmed.componentsASCII(separatedBy: " and ")
                if parts.count > 2, !trimmed.containsASCII("("), parts.allSatisfy({ looksLikeName($0) }) { return parts }
                let left = String(trimmed[..<range.lowerBound]), right = String(trimmed[range.upperBound...])
                // "A and B", also "A (Role) and B (Role)" when each side is a name once its notes are removed.
                if looksLikeName(ParticipantFastPaths.withoutParentheticals(left)), looksLikeName(ParticipantFastPaths.withoutParentheticals(right)) {
                    return [left, right]
                }
            }
            if let range = trimmed.rangeOfASCII(" & "), !trimmed.containsASCII("(") {
                let left = String(trimmed[..<range.lowerBound]), right = String(trimmed[range.upperBound...])
                if looksLikeName(left), looksLikeName(right), left.contains(" "), right.contains(" ") { return [left, right] }
            }
            return [trimmed]
        }.filter { !$0.isEmpty }
    }
}

extension TextRules {
    /// The pieces of `text` between the commas and semicolons outside parentheses and brackets, character by character:
    /// the first step of `splitList(_:)`.
    static func listItems(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for ch in text {
            switch ch {
            case "(", "[": depth += 1; current.append(ch)
            case ")", "]": depth = max(0, depth - 1); current.append(ch)
            case "," where depth == 0, ";" where depth == 0:
                items.append(current); current = ""
            default: current.append(ch)
            }
        }
        items.append(current)
        return items
    }

    /// `listItems(_:)` found on UTF-8 bytes, or nil when the bytes cannot tell: when a comma, semicolon, parenthesis or
    /// bracket borders a non-ASCII byte (a combining mark after it or a prepended mark before it makes one character
    /// of both, which is none of these), or when the text holds U+037E GREEK QUESTION MARK (a character equal to ";").
    /// Elsewhere each of these bytes is a character of its own.
    /// A text with no comma, no semicolon and no byte CD (the first of U+037E) is one item, the text itself: no character
    /// of it is "," or ";" (none other is canonically equivalent to them), told with `memchr` and without a copy.
    static func listItemsOnBytes(_ text: String) -> [String]? {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            if UTF8Search.offset(of: UInt8(ascii: ","), in: bytes) == nil, UTF8Search.offset(of: UInt8(ascii: ";"), in: bytes) == nil,
               UTF8Search.offset(of: 0xCD, in: bytes) == nil {
                return [text]
            }
            var items: [String] = []
            var start = 0, depth = 0
            for (i, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ";"):
                    guard (i == 0 || bytes[i - 1] < 0x80), (i + 1 == bytes.count || bytes[i + 1] < 0x80) else { return nil }
                    if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                        depth += 1
                    } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
                        depth = max(0, depth - 1)
                    } else if depth == 0 {
                        items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                        start = i + 1
                    }
                case 0xCD:
                    if i + 1 < bytes.count, bytes[i + 1] == 0xBE { return nil }
                default:
                    break
                }
            }
            items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return items
        }
        return answer ?? nil
    }

    /// Legal-form suffixes written after a comma ("Blue Sky Studios, Inc.", "Acme, LLC").
    static let corporateSuffixes: Set<String> = [
        "inc", "inc.", "ltd", "ltd.", "llc", "llp", "plc", "gmbh", "ag", "corp", "corp.", "co", "co.", "s.a.", "sa",
        "b.v.", "bv", "n.v.", "nv", "pty ltd", "pty. ltd.", "limited", "l.p.", "lp", "s.l.", "oy", "ab", "as", "a/s", "srl", "s.r.l.",
    ]

    /// Rejoins comma-split fields where a legal-form suffix was cut from its company:
    /// ["Pilar Molina", "Blue Sky Studios", "Inc."] → ["Pilar Molina", "Blue Sky Studios, Inc."].
    public static func joiningCorporateSuffixes(_ fields: [String]) -> [String] {
        var out: [String] = []
        for field in fields {
            if let last = out.last, corporateSuffixes.contains(field.lowercased()) {
                out[out.count - 1] = last + ", " + field
            } else {
                out.append(field)
            }
        }
        return out
    }

    /// Small words that may stand inside a name ("Council *of* Ministers", "Centre *for* Tourism").
    static let connectors: Set<String> = ["of", "for", "and", "the", "in", "on", "de", "&", "du", "der", "–", "-", "at"]

    /// Whether `word` is a connector.
    public static func isConnector(_ word: String) -> Bool {
        word.utf8.count <= 3 && connectors.contains(word.lowercased())
    }

    /// Determiners that start a sentence rather than a name ("That the Town Council objects", "Your Council").
    static let leadingDeterminers: Set<String> = ["The", "That", "This", "These", "Those", "Our", "Your", "Their", "His", "Her", "Its", "Each", "Every", "All"]

    /// `phrase` without connectors or leading determiners ("The", "That", "Your") at either end.
    public static func trimConnectors(_ phrase: String) -> String {
        var words = phrase.splitOnSpaces()[...]
        while let first = words.first, isConnector(String(first)) || leadingDeterminers.contains(String(first)) { words.removeFirst() }
        while let last = words.last, isConnector(String(last)) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// Maximal runs of capitalised words, joined by connectors, that punctuation does not break.
    /// "…the Finnish Cleantech Cluster plays…" yields "Finnish Cleantech Cluster".
    public static func capitalisedRuns(in text: String) -> [String] {
        capitalisedRuns(in: text, multiWordOnly: false)
    }

    /// `capitalisedRuns(in:)`; with `multiWordOnly`, only the runs of two or more words (as
    /// `split(separator: " ")` counts them), for callers that skip lone words anyway.
    static func capitalisedRuns(in text: String, multiWordOnly: Bool) -> [String] {
        var runs: [String] = []
        var current: [Substring] = []
        // Whether every word of `current` is ASCII: then its connectors are trimmed word by word.
        var currentIsASCII = true
        func close() {
            if !current.isEmpty {
                if currentIsASCII {
                    let words = trimmingConnectors(words: current)
                    if !words.isEmpty, !(multiWordOnly && words.count == 1) { runs.append(words.joined(separator: " ")) }
                } else {
                    let trimmed = trimConnectors(current.joined(separator: " "))
                    if !trimmed.isEmpty, !(multiWordOnly && trimmed.split(separator: " ").count == 1) { runs.append(trimmed) }
                }
                current.removeAll(keepingCapacity: true)
                currentIsASCII = true
            }
        }
        let utf8 = text.utf8
        /// The text between two byte offsets.
        func substring(_ from: Int, _ to: Int) -> Substring {
            let start = utf8.index(utf8.startIndex, offsetBy: from)
            return Substring(utf8[start..<utf8.index(start, offsetBy: to - from)])
        }
        var copy = text
        // Words are split on ASCII spaces at the byte level: this runs over every word of a document.
        copy.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                guard bytes[start] != 0x20 else { start += 1; continue }
                var end = start + 1
                var isASCII = bytes[start] < 0x80 && bytes[start] != 0x0D
                while end < bytes.count, bytes[end] != 0x20 {
                    if bytes[end] >= 0x80 || bytes[end] == 0x0D { isASCII = false }
                    end += 1
                }
                defer { start = end }
                let firstByte = bytes[start], lastByte = bytes[end - 1]
                if isASCII {
                    // Every byte one character: punctuation is trimmed and capitals are seen on bytes.
                    let endsClause = isClauseEnder(lastByte)
                    if firstByte == UInt8(ascii: "(") || firstByte == UInt8(ascii: "\"") { close() }
                    var from = start, to = end
                    while from < to, isWordPunctuation(bytes[from]) { from += 1 }
                    while to > from, isWordPunctuation(bytes[to - 1]) { to -= 1 }
                    let length = to - from
                    let capital = length > 0 && bytes[from] >= UInt8(ascii: "A") && bytes[from] <= UInt8(ascii: "Z")
                    if capital || (!current.isEmpty && length <= 3 && isConnector(String(substring(from, to)))) {
                        current.append(substring(from, to))
                    } else {
                        close()
                    }
                    if endsClause { close() }
                    continue
                }
                let rawWord = substring(start, end)
                let endsClause = isClauseEnder(lastByte) || rawWord.hasSuffix("”")
                if firstByte == UInt8(ascii: "(") || firstByte == UInt8(ascii: "\"") || rawWord.hasPrefix("“") { close() }
                let word = rawWord.trimming(.wordPunctuation)
                if startsUppercase(word) || (!current.isEmpty && word.utf8.count <= 3 && isConnector(String(word))) {
                    current.append(word)
                    currentIsASCII = false
                } else {
                    close()
                }
                if endsClause { close() }
            }
        }
        close()
        return runs
    }

    /// The words `trimConnectors(words.joined(separator: " "))` keeps, for words of ASCII characters without spaces.
    private static func trimmingConnectors(words: [Substring]) -> ArraySlice<Substring> {
        var words = words[...]
        while let first = words.first, first.isEmpty || isConnector(String(first)) || leadingDeterminers.contains(String(first)) { words.removeFirst() }
        while let last = words.last, last.isEmpty || isConnector(String(last)) { words.removeLast() }
        return words
    }

    /// `,;:.!?)"`: bytes that end a clause, so a capitalised run never spans them.
    @inline(__always)
    private static func isClauseEnder(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"),
             UInt8(ascii: ")"), UInt8(ascii: "\""):
            return true
        default:
            return false
        }
    }

    /// The ASCII members of `Set<Character>.wordPunctuation`.
    @inline(__always)
    private static func isWordPunctuation(_ byte: UInt8) -> Bool {
        isClauseEnder(byte) || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "'")
    }

}

extension StringProtocol {
    /// The text without any of `characters` at either end (pure Swift; no Foundation bridging,
    /// which matters on the per-word hot paths).
    func trimming(_ characters: Set<Character>) -> SubSequence {
        guard let kept = trimmedByteRange(characters), let kept else { return trimmingByRule(characters) }
        let start = utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)
        return self[start..<utf8.index(start, offsetBy: kept.count)]
    }

    /// `trimming(_:)` character by character: the rule its byte shortcut is tested against.
    func trimmingByRule(_ characters: Set<Character>) -> SubSequence {
        guard let start = firstIndex(where: { !characters.contains($0) }),
              let end = lastIndex(where: { !characters.contains($0) }) else { return self[endIndex...] }
        return self[start...end]
    }

    /// The UTF-8 offsets `trimming(characters)` keeps, found on bytes, or nil when the bytes cannot tell. Only the
    /// characters looked at (those trimmed and the first and last kept) must be one ASCII byte each: an ASCII byte
    /// between ASCII bytes (or an end) is a character of its own unless it is the CR or LF of a CR LF; a non-ASCII
    /// neighbour (a combining mark after it, a prepended mark before it) could make it part of a longer character.
    /// Membership is told by `Set<Character>.asciiMembers`.
    private func trimmedByteRange(_ characters: Set<Character>) -> Range<Int>?? {
        func isCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
            let before: UInt8 = i > 0 ? bytes[i - 1] : 0, after: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
            return bytes[i] < 0x80 && before < 0x80 && after < 0x80
                && !(bytes[i] == 0x0D && after == 0x0A) && !(bytes[i] == 0x0A && before == 0x0D)
        }
        let members = characters.asciiMembers
        func isTrimmed(_ byte: UInt8) -> Bool { (byte < 64 ? members.low >> byte : members.high >> (byte - 64)) & 1 == 1 }
        return utf8.withContiguousStorageIfAvailable { bytes -> Range<Int>? in
            var start = 0
            while start < bytes.count {
                guard isCharacter(bytes, start) else { return nil }
                if !isTrimmed(bytes[start]) { break }
                start += 1
            }
            guard start < bytes.count else { return bytes.count..<bytes.count }
            var end = bytes.count
            while end - 1 > start {
                guard isCharacter(bytes, end - 1) else { return nil }
                if !isTrimmed(bytes[end - 1]) { break }
                end -= 1
            }
            return start..<end
        }
    }
}

extension Set where Element == Character {
    /// The ASCII characters (one scalar below U+0080) the set holds, as bits 0-63 (`low`) and 64-127 (`high`) by code.
    /// A character equals an ASCII one when it is that scalar or one of the three scalars whose canonical decomposition
    /// is a single ASCII scalar: U+037E GREEK QUESTION MARK (";"), U+1FEF GREEK VARIA ("`") and U+212A KELVIN SIGN ("K").
    var asciiMembers: (low: UInt64, high: UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for character in self {
            // Its UTF-8 bytes, read without decoding: at most three of them for a character that counts.
            var bytes = character.utf8.makeIterator()
            let code: UInt8
            switch (bytes.next(), bytes.next(), bytes.next(), bytes.next()) {
            case let (byte?, nil, nil, nil) where byte < 0x80: code = byte
            case (0xCD, 0xBE, nil, nil): code = UInt8(ascii: ";")
            case (0xE1, 0xBF, 0xAF, nil): code = UInt8(ascii: "`")
            case (0xE2, 0x84, 0xAA, nil): code = UInt8(ascii: "K")
            default: continue
            }
            if code < 64 { low |= 1 << UInt64(code) } else { high |= 1 << UInt64(code - 64) }
        }
        return (low, high)
    }

    /// Spaces and tabs.
    static let blanks: Set<Character> = [" ", "\t"]
    /// Punctuation that surrounds words in running text.
    static let wordPunctuation: Set<Character> = [",", ";", ":", ".", "!", "?", "(", ")", "\"", "“", "”", "'", "’"]
}

extension TextRules {
    /// `text` with runs of white space (ASCII and Unicode) turned into single spaces, trimmed.
    /// Works on UTF-8 bytes: readers call it for every block.
    public static func collapseWhitespace(_ text: String) -> String {
        // Most texts are collapsed already: returned as they are, without a copy.
        isCollapsed(text) ? text : collapsedCopy(text)
    }

    /// Whether `collapseWhitespace` leaves `text` as it is, told on its bytes: no white space at
    /// its ends, single spaces between words, no other white space, no byte that may start a
    /// Unicode space (for those, `collapsedCopy` decides).
    static func isCollapsed(_ text: String) -> Bool {
        var source = text
        return source.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return true }
            guard first != 0x20, last != 0x20 else { return false }
            var afterSpace = false
            for byte in bytes {
                switch byte {
                case 0x20:
                    if afterSpace { return false }
                    afterSpace = true
                case 0x09...0x0D, 0xC2, 0xE2, 0xE3:   // other white space, or a byte that may start a Unicode space
                    return false
                default:
                    afterSpace = false
                }
            }
            return true
        }
    }

    /// `collapseWhitespace` written out into a new string.
    static func collapsedCopy(_ text: String) -> String {
        var source = text
        var sawUnicodeSpace = false
        // Written straight into the new string's storage: no intermediate array.
        let collapsed = source.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    switch byte {
                    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                        pendingSpace = true
                    default:
                        if byte == 0xE2 || byte == 0xE3 || byte == 0xC2 { sawUnicodeSpace = true }
                        if pendingSpace, count > 0 { out[count] = 0x20; count += 1 }
                        pendingSpace = false
                        out[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
        // Rare Unicode spaces (U+2002…U+200A, U+3000, U+0085) take the slow, exact path.
        guard sawUnicodeSpace, collapsed.unicodeScalars.contains(where: { $0.value > 0x7F && $0.properties.isWhitespace }) else {
            return collapsed
        }
        return collapsed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `text` holds nothing but white space.
    public static func isBlank<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } || text.allSatisfy(\.isWhitespace)
    }
}

extension Character {
    /// `isLetter` with an ASCII fast path (the Unicode property lookup is slow on hot loops).
    @inline(__always)
    var isLetterFast: Bool {
        if let ascii = asciiValue { return (ascii | 0x20) >= 0x61 && (ascii | 0x20) <= 0x7A }
        return isLetter
    }
}

extension TextRules {
    /// `text` with every "(…)" note removed and white space folded: "J. Doe (Chief Executive)" → "J. Doe".
    public static func withoutParentheticals(_ text: String) -> String {
        var out = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(ch) }
        }
        return collapseWhitespace(out)
    }
}

extension StringProtocol {
    /// The text without `characters` at either end, as a `String` (pure Swift, unlike Foundation's
    /// `trimmingCharacters(in:)`, which bridges to NSString on every call).
    func trimmed(_ characters: Set<Character> = .blanks) -> String {
        String(trimming(characters))
    }
}

extension Set where Element == Character {
    // Sets the extractors trim with, built once rather than on every call.
    /// Colons, emphasis, hashes and spaces around a label ("**Present:**", "## Attendees").
    static let labelMarks: Set<Character> = Set(":*# ")
    /// Asterisks and spaces.
    static let emphasisAndSpace: Set<Character> = Set("* ")
    /// Asterisks, underscores and spaces: Markdown emphasis around a label or a name.
    static let emphasisMarks: Set<Character> = Set("*_ ")
    /// Punctuation around an attendance entry.
    static let entryPunctuation: Set<Character> = Set(":;-–— *")
    /// Punctuation around a name.
    static let namePunctuation: Set<Character> = Set(".:;*_ ")
    /// Bullets, dashes and spaces before an item.
    static let bulletsAndDashes: Set<Character> = Set(" -–•*")
    /// Brackets, asterisks and spaces around a label ("[NEW] ACTION").
    static let labelBrackets: Set<Character> = Set("[]* ")
    /// Punctuation around an action owner.
    static let ownerPunctuation: Set<Character> = Set("._- ")
    /// Punctuation after an organisation name.
    static let organisationNameEnds: Set<Character> = Set(" .,;:")
    /// Punctuation around a document title.
    static let documentTitleEnds: Set<Character> = Set(" :-–•*[]")
    /// Brackets and stops around a bare address.
    static let addressWrappers: Set<Character> = Set(" <>().")
    /// Spaces and stops around a file name.
    static let fileNameEnds: Set<Character> = Set(" .")
    /// Punctuation around a web address in running text.
    static let linkEnds: Set<Character> = Set(".,;:!?'\"[]")
    /// A full stop.
    static let fullStop: Set<Character> = Set(".")
    /// Underscores, dashes, pluses and spaces around an IRC nick.
    static let nickEnds: Set<Character> = Set("_-+ ")
    /// An underscore.
    static let underscore: Set<Character> = Set("_")
    /// Punctuation around a name in an IRC command.
    static let nameListPunctuation: Set<Character> = Set(" ,;.@")
    /// Spaces and colons around an IRC command value.
    static let commandValueEnds: Set<Character> = Set(" :")
    /// IRC operator and voice marks.
    static let nickPrefixes: Set<Character> = Set("@+")

    /// Spaces, tabs and line ends.
    static let blanksAndNewlines: Set<Character> = [" ", "\t", "\n", "\r", "\r\n"]
}
