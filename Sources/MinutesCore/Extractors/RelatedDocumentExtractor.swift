import Foundation

/// Finds the documents minutes refer to: the entries of a "Related documents", "See also",
/// "Attachments", "Background papers" or "References" part (titles even without an address),
/// labelled links ("Agenda: https://…", "IRC log: …"), the IRC log and minutes a meeting bot
/// announces, and every link shared in the content (papers, specifications, issues, articles) —
/// never navigation, in-page anchors, assets, people's profiles or chat, calendar and join-the-call links.
public enum RelatedDocumentExtractor {
    /// The related documents of `document`.
    public static func extract(from document: BlockDocument) -> [RelatedDocument] {
        extract(from: document, running: nil)
    }

    /// The related documents of `document`, whose navigation blocks `running` (made of its blocks) already knows.
    static func extract(from document: BlockDocument, running: RunningTexts?) -> [RelatedDocument] {
        var documents: [RelatedDocument] = []
        var seenURLs = Set<String>()
        // (Room for the links of most documents at once, instead of growing and hashing the keys again on the way.)
        seenURLs.reserveCapacity(16)
        var seenTitles = Set<String>()
        var inSection = false
        var sawListEntry = false
        /// Paragraphs in a row inside a section that are not entries; two end the section.
        var nonEntries = 0
        /// The lead-in of a paragraph ending in ":" ("Published minutes can be found at:").
        var pendingLeadIn: String?
        /// Inside a list of people ("Present", "Attendees"): its links are people's profiles.
        var inPeopleList = false

        func add(title: String, url rawURL: String?) {
            var title = trimmedTitle(title)
            let url = rawURL.map(cleanURL)
            // A title that is the address itself follows the cleaned address.
            if let rawURL, let url, title == trimmedTitle(rawURL) { title = url }
            if let url, isSelfOrIndexLink(title: title, url: url) { return }
            if let url {
                let key = dedupeKey(url)
                guard seenURLs.insert(key).inserted else { return }
            } else {
                guard !title.isEmpty, seenTitles.insert(TextRules.fold(title)).inserted else { return }
            }
            documents.append(RelatedDocument(title: title.isEmpty ? (url ?? "") : title, url: url))
        }

        // The IRC log and minutes a meeting bot announced (IRC logs only).
        for (key, title) in [("irc-log", "IRC log"), ("minutes", "Minutes")] {
            if let url = document.metadata[key] { add(title: title, url: url) }
        }

        var navigationCursor = 0
        for (index, block) in document.blocks.enumerated() {
            // Board minutes: the reports attached after the "ATTACHMENTS:" banner are not the meeting's documents.
            if isAttachmentsBanner(block.text) { break }
            if running?.isNavigation(at: index, cursor: &navigationCursor) ?? isNavigation(block) {
                // Navigation bars: only the meeting's own agenda and log count, never prev/next/ToC.
                for link in block.links where isMeetingRecordLink(link) { add(title: link.text, url: link.href) }
                continue
            }
            let text = block.text
            let leadIn = pendingLeadIn
            pendingLeadIn = nil
            if isSeparator(text) { inSection = false; continue }
            // "Published minutes can be found at:" followed by the address alone.
            if let leadIn, let link = block.links.first, isBareAddress(text, link: link), isDocumentLink(link, labelled: true) {
                add(title: leadIn, url: link.href)
                continue
            }
            if block.kind == .heading || block.kind == .term {
                // (The heading is lower-cased and trimmed once for both lists.)
                let list = labelList(text)
                inSection = list == .documents
                inPeopleList = list == .people
                sawListEntry = false
                nonEntries = 0
                addHeadingLinks(of: block, add: add)
                // "## Audio and transcripts" followed by the address alone: the heading is its title.
                if !inSection, mayNameDocument(text), text.count <= 60, text.splitOnSpaces().count <= 5, isDocumentLabel(text) { pendingLeadIn = text }
                continue
            }
            if block.kind == .paragraph { inPeopleList = inPeopleList && block.links.count > 0 }
            // Links in a list of people are their profiles.
            if inPeopleList { continue }
            // "[1] https://…": the colon of the scheme is not a label's.
            if text.holdsByte(UInt8(ascii: ":")), labelMayMatter(text, hasLinks: !block.links.isEmpty), let parts = TextRules.labelParts(text) {
                let label = parts.label
                // Every label of either list starts with one of "abcdefgimprs" once ":", "*", "#" and spaces are dropped
                // (see `mayOpenWithLabel`): another label is looked up in neither.
                let list = label.mayOpenWithLabel(startingWithOneOf: "abcdefgimprs", after: ":*# ") ? labelList(label) : nil
                let listsPeople = list == .people
                let listsDocuments = list == .documents
                let namesDocument = !listsPeople && !listsDocuments && !block.links.isEmpty && isDocumentLabel(label)
                // The value is made only when one of the rules may use it ("[1] https://…": the colon of the scheme
                // is not a label's).
                if listsPeople || listsDocuments || namesDocument || mayEndWithFileName(text), !valueOpensWithSlashes(parts) {
                    if listsPeople { continue }
                    if listsDocuments {
                        let value = parts.value
                        if value.isEmpty { inSection = true; nonEntries = 0; sawListEntry = false; continue }
                        for item in value.split(separator: ";") { add(title: String(item), url: block.links.first?.href) }
                        continue
                    }
                    if namesDocument, let link = block.links.first(where: { isDocumentLink($0, labelled: true) }) {
                        add(title: label, url: link.href)
                        continue
                    }
                    // "See: board_minutes_2014_01_15.txt" — a reference to a file by its name.
                    if valueIsFileName(parts) {
                        add(title: parts.value, url: block.links.first { isDocumentLink($0, labelled: true) }?.href)
                        continue
                    }
                }
            }
            // Running text after a list of entries ends the part ("The meeting closed at 8.15 pm.").
            if inSection, block.kind == .paragraph, sawListEntry { inSection = false }
            if inSection {
                if block.kind == .paragraph, text.hasColonSuffix { inSection = labelList(text) == .documents; continue }
                if block.kind == .listItem || block.kind == .paragraph || block.kind == .definition {
                    guard looksLikeEntry(text) else {
                        nonEntries += 1
                        if nonEntries >= 2 { inSection = false }
                        continue
                    }
                    nonEntries = 0
                    if block.kind == .listItem { sawListEntry = true }
                    let link = block.links.first { isDocumentLink($0, labelled: true) }
                    let title = link.map { $0.text.hasPrefix("http") ? text.replacingOccurrences(of: $0.text, with: "") : $0.text } ?? text
                    add(title: title.isEmpty ? text : title, url: link?.href)
                    continue
                }
                inSection = false
            }
            // A block that gives the call's join details is logistics: its other links are too.
            let links = block.links
            guard links.isEmpty else {
                forEachSharedDocumentLink(links) { add(title: $0.text, url: $0.href) }
                continue
            }
            if text.hasColonSuffix, mayNameDocument(text), let lead = documentLeadIn(text) { pendingLeadIn = lead }
        }
        return documents
    }

    /// `body` applied to the bytes of the value of `parts` where `TextRules` left it in the text, when they are plain ASCII
    /// (then each byte is a character of the value); nil for any other value, which is made.
    static func withPlainValueBytes<Answer>(_ parts: TextRules.LabelParts, _ body: (UnsafeBufferPointer<UInt8>) -> Answer) -> Answer? {
        guard case .bytes(let range) = parts.valueSource else { return nil }
        let answer = parts.text.utf8.withContiguousStorageIfAvailable { bytes -> Answer? in
            let value = UnsafeBufferPointer(rebasing: bytes[range])
            return UTF8Search.isPlainASCII(value) ? body(value) : nil
        }
        return answer ?? nil
    }

    /// `parts.value.hasPrefix("//")` ("[1] https://…": the colon was the scheme's), on the value's bytes in the text when
    /// they are plain ASCII.
    static func valueOpensWithSlashes(_ parts: TextRules.LabelParts) -> Bool {
        withPlainValueBytes(parts) { $0.starts(with: "//".utf8) } ?? parts.value.hasPrefix("//")
    }

    /// `isFileName(parts.value)`, on the value's bytes in the text when they are plain ASCII.
    static func valueIsFileName(_ parts: TextRules.LabelParts) -> Bool {
        withPlainValueBytes(parts, isFileName(ascii:)) ?? isFileName(parts.value)
    }

    /// Whether the label and value `TextRules.labelled` finds in `text` may matter to the rules of labelled lines: the
    /// label must key a list of people or of documents (each such label starts with one of "abcdefgimprs" once "*", "_",
    /// "#" and spaces are dropped, see `mayOpenWithLabel`) or the value must name a file (each of `fileExtensions` ends
    /// with one of "fcxtspdvlm", which must then be the last byte before the "*", "_", spaces and full stops trimmed from
    /// its end, unless that byte is not ASCII); in a block with links, the label may also name a document of the meeting
    /// (see `mayHoldDocumentLabelWord`). False is a sure no.
    static func labelMayMatter(_ text: String, hasLinks: Bool) -> Bool {
        text.mayOpenWithLabel(startingWithOneOf: "abcdefgimprs", after: "*_ #") || mayEndWithFileName(text)
            || (hasLinks && mayHoldDocumentLabelWord(text))
    }

    /// Whether the value `TextRules.labelled` may find in `text` may name a file (`isFileName`): each of
    /// `fileExtensions` ends with one of "fcxtspdvlm", which must then be the last byte before the "*", "_", spaces and
    /// full stops trimmed from the text's end, unless that byte is not ASCII. False is a sure no.
    static func mayEndWithFileName(_ text: String) -> Bool {
        let isEnd = { (byte: UInt8) in byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") }
        guard let last = lastUTF8Byte(of: text, skipping: isEnd), last < 0x80 else { return true }
        return last.asciiLowercased.isOne(of: "fcxtspdvlm")
    }

    /// Whether the label `TextRules.labelled` may find in `text` may hold one of `documentLabelWords` once lower-cased
    /// (`isDocumentLabel`): false only for plain ASCII text whose bytes before the first colon, which hold the label,
    /// hold none of the words in either case.
    static func mayHoldDocumentLabelWord(_ text: String) -> Bool {
        text.withPlainASCIIBytes { bytes in
            let colon = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.endIndex
            return documentLabelWords.occur(ignoringASCIICaseIn: UnsafeBufferPointer(rebasing: bytes[..<colon]))
        } ?? true
    }

    /// Whether `text`, or a part of it, may name a document (`isDocumentLabel`, which `documentLeadIn` also asks of a
    /// part of the text): false only for plain ASCII text whose bytes hold none of `documentLabelWords` in either case
    /// (lower-casing such text lower-cases its bytes, and a part of it holds a part of its bytes).
    static func mayNameDocument(_ text: String) -> Bool {
        text.withPlainASCIIBytes { documentLabelWords.occur(ignoringASCIICaseIn: $0) } ?? true
    }

    /// The links of a heading: "## Agenda: [github issues](…)" gives the agenda; other headings
    /// ("### Start talks about https://…") share their links like any content.
    static func addHeadingLinks(of block: Block, add: (String, String?) -> Void) {
        guard !block.links.isEmpty else { return }
        let agenda = opensWithAgenda(block.text)
        for link in block.links where isDocumentLink(link, labelled: agenda) && !isJoinOrChatLink(link) {
            add(agenda ? "Agenda" : link.text, link.href)
        }
    }

    /// `text.lowercased().trimmed(headingMarks).hasPrefix("agenda")`, on bytes when the bytes after the marks and after
    /// "agenda" are ASCII (no mark joins a trimmed character or the last "a", and only ASCII letters lower-case to
    /// "agenda"'s); else by the characters.
    static func opensWithAgenda(_ text: String) -> Bool {
        let bytes = text.utf8
        let start = bytes.firstIndex { $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: " ") } ?? bytes.endIndex
        let head = bytes[start...].prefix(7)
        guard head.allSatisfy({ $0 < 0x80 }), start == bytes.startIndex || start == bytes.endIndex || bytes[start] < 0x80 else {
            return text.lowercased().trimmed(headingMarks).hasPrefix("agenda")
        }
        return head.count >= 6 && head.prefix(6).lazy.map(\.asciiLowercased).elementsEqual("agenda".utf8)
    }

    /// `text.trimmed(.documentTitleEnds)`, returned as it is when its first and last bytes are ASCII but none of the
    /// set's ASCII members (" :-*[]"): then neither its first nor its last character is in the set, whose members are
    /// single scalars (a character that starts or ends with such a byte is that byte alone, or more than a member).
    static func trimmedTitle(_ text: String) -> String {
        let marks: StaticString = " :-*[]"
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80, !first.isOne(of: marks), !last.isOne(of: marks) {
            return text
        }
        return text.trimmed(.documentTitleEnds)
    }

    /// Hashes, asterisks and spaces around a heading's text.
    static let headingMarks: Set<Character> = Set("#* ")

    /// `url` without the punctuation that ended the sentence around it: trailing ".,;:" and a
    /// closing ")" that opens nowhere in the address ("…/TR_use_case)" → "…/TR_use_case").
    static func cleanURL(_ url: String) -> String {
        // Plain ASCII (nearly every address): its bytes are its characters, read in place.
        if let cleaned = url.withPlainASCIIBytes({ bytes -> String in
            let kept = cleanedRange(of: bytes)
            return kept == bytes.indices ? url : String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
        }) {
            return cleaned
        }
        let characters = AddressCharacters(url)
        let kept = cleanedRange(of: characters.bytes)
        return kept == characters.bytes.indices ? url : characters.text(kept)
    }

    /// The offsets of the address among `bytes` (one a character, see `AddressCharacters`) that `cleanURL` keeps.
    static func cleanedRange<Bytes: RandomAccessCollection<UInt8>>(of bytes: Bytes) -> Range<Int> where Bytes.Index == Int {
        // White space around the address.
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") }
        var start = 0, end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        // The parentheses of the address within its white space, counted only when a ")" ends it (few addresses).
        var counts: (opened: Int, closed: Int)?
        let trimmed = start..<end
        func parentheses() -> (opened: Int, closed: Int) {
            if let counts { return counts }
            var opened = 0, closed = 0
            for byte in bytes[trimmed] {
                if byte == UInt8(ascii: "(") { opened += 1 } else if byte == UInt8(ascii: ")") { closed += 1 }
            }
            return (opened, closed)
        }
        trailing: while end > start {
            switch bytes[end - 1] {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
                end -= 1
            case UInt8(ascii: ")"):
                let (opened, closed) = parentheses()
                guard opened < closed else { break trailing }
                counts = (opened, closed - 1)
                end -= 1
            default:
                break trailing
            }
        }
        return start..<end
    }

    /// The minutes' own address ("Persistent ID for current minutes: …") or the index of all minutes
    /// ("Meeting minutes: https://…/meetings", a listing without any number): the page itself and its
    /// site, not documents it refers to. "Previous minutes: …-01-28" stays.
    static func isSelfOrIndexLink(title: String, url: String) -> Bool {
        mayNameSelfOrIndex(title) && isSelfOrIndexLinkRule(title: title, url: url)
    }

    /// Whether `isSelfOrIndexLink` may hold for a link titled `title`: false only for a plain ASCII title whose bytes,
    /// lower-cased, hold none of `selfLinkTitleCues` (each of `selfLinkTitleWords` holds one, as does "minutes", which
    /// the index rule needs). False is a sure no.
    static func mayNameSelfOrIndex(_ title: String) -> Bool {
        title.withPlainASCIIBytes(holdsSelfLinkTitleCue(ignoringASCIICaseIn:)) ?? true
    }

    /// Words one of which any title `isSelfOrIndexLink` accepts holds, in either case.
    static let selfLinkTitleCues: [StaticString] = ["minutes", "this page", "permalink", "persistent id", "this document"]

    /// The first four bytes of each of `selfLinkTitleCues`, read as a little-endian number.
    static let selfLinkTitleCueHeads: [UInt32] = selfLinkTitleCues.map { cue in
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(cue.utf8Start[$1]) << (8 * UInt32($1)) }
    }

    /// The first bytes of `selfLinkTitleCues` (ASCII letters), one bit each: bit `b % 64` of the first number for `b`
    /// below 0x40, of the second for the others.
    static let selfLinkTitleCueFirstBytes: (UInt64, UInt64) = selfLinkTitleCues.reduce((UInt64(0), UInt64(0))) { bits, cue in
        let first = cue.utf8Start[0]
        return first < 0x40 ? (bits.0 | 1 << UInt64(first & 63), bits.1) : (bits.0, bits.1 | 1 << UInt64(first & 63))
    }

    /// Whether plain ASCII `bytes`, lower-cased, hold one of `selfLinkTitleCues`: four bytes at each offset are compared
    /// at once with the cues' first four (each a letter, which "| 0x20" lower-cases and no other byte turns into), and
    /// a cue's whole is compared only where they match.
    static func holdsSelfLinkTitleCue(ignoringASCIICaseIn bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 7 else { return false }
        let heads = selfLinkTitleCueHeads
        let (firsts0, firsts1) = selfLinkTitleCueFirstBytes
        for offset in 0...(bytes.count - 4) {
            // (A byte whose "| 0x20" is no cue's first letter opens no match.)
            let first = bytes[offset] | 0x20
            guard (first < 0x40 ? firsts0 : firsts1) >> UInt64(first & 63) & 1 != 0 else { continue }
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self).littleEndian | 0x2020_2020
            for (index, head) in heads.enumerated() where head == word {
                let cue = selfLinkTitleCues[index]
                guard offset + cue.utf8CodeUnitCount <= bytes.count else { continue }
                if (4..<cue.utf8CodeUnitCount).allSatisfy({ bytes[offset + $0].asciiLowercased == cue.utf8Start[$0] }) { return true }
            }
        }
        return false
    }

    /// The rule of `isSelfOrIndexLink`.
    static func isSelfOrIndexLinkRule(title: String, url: String) -> Bool {
        let lower = title.lowercasedUnlessLower
        if selfLinkTitleWords.containsAny(in: lower) { return true }
        guard lower.containsASCII("minutes") else { return false }
        let path = addressParts(url).path
        guard let last = AddressCharacters(path).bytes.split(separator: UInt8(ascii: "/")).last,
              last.elementsEqual("meetings".utf8) || last.elementsEqual("minutes".utf8) else { return false }
        return !path.contains(where: \.isNumber)
    }

    /// Words of a title that names the minutes themselves.
    static let selfLinkTitleWords = ASCIINeedleSet(["current minutes", "these minutes", "this page", "permalink", "persistent id", "this document"])

    /// The address a link is compared by: the cleaned address with its fragment (anchored parts
    /// of one page cited separately are separate references), and a Google document without its
    /// view suffix ("…/edit?usp=sharing" and "…/edit" are one document).
    static func dedupeKey(_ url: String) -> String {
        var key = withoutMessageNumber(cleanURL(url))
        if key.containsASCII("docs.google.com/"), let edit = key.rangeOfASCII("/edit") ?? key.rangeOfASCII("/view") ?? key.rangeOfASCII("?") {
            key = String(key[..<edit.lowerBound])
        }
        return key
    }

    /// `address` without a trailing "#" and number: "…/archive.html#189906358", a message inside one archived
    /// page, is that page. Plain ASCII (nearly every address) is read on its bytes, which are its characters.
    static func withoutMessageNumber(_ address: String) -> String {
        let cut = address.withPlainASCIIBytes { bytes -> String? in
            guard let hash = bytes.lastIndex(of: UInt8(ascii: "#")), bytes[(hash + 1)...].allSatisfy(\.isASCIIDigit) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<hash]), as: UTF8.self)
        }
        guard let cut else { return withoutMessageNumberByCharacters(address) }
        return cut ?? address
    }

    /// `withoutMessageNumber(_:)` by characters, for any address.
    static func withoutMessageNumberByCharacters(_ address: String) -> String {
        let characters = AddressCharacters(address)
        guard let hash = characters.bytes.lastIndex(of: UInt8(ascii: "#")),
              (hash + 1..<characters.bytes.count).allSatisfy(characters.isNumber(at:)) else { return address }
        return characters.text(0..<hash)
    }

    /// A line drawn with one repeated punctuation character ("=====", "-----").
    static func isSeparator(_ text: String) -> Bool {
        // Cheap refusal first: a separator starts with one of its characters.
        guard let firstByte = firstUTF8Byte(of: text, skipping: { $0 == 0x20 || $0 == 0x09 }) else { return false }
        switch firstByte {
        case UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: "#"),
             UInt8(ascii: "."), UInt8(ascii: "+"):
            break
        default:
            return false
        }
        // Any other ASCII byte but white space is a character unlike the first ("* item", "# Heading").
        guard text.utf8.allSatisfy({ $0 == firstByte || UTF8Search.isASCIIWhitespace($0) || $0 >= 0x80 }) else { return false }
        let t = text.filter { !$0.isWhitespace }
        guard t.count >= 3, let first = t.first, "=-_*~#.+".contains(first) else { return false }
        return t.allSatisfy { $0 == first }
    }

    /// Whether a paragraph in a documents section reads like a document's title: short, one line
    /// of text rather than prose, not a separator.
    static func looksLikeEntry(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 160, !isSeparator(text) else { return false }
        // Prose: several sentences.
        let sentenceEnds = text.components(separatedBy: ". ").count - 1
        return sentenceEnds < 2
    }

    /// The text is the address alone (possibly in angle brackets).
    static func isBareAddress(_ text: String, link: Link) -> Bool {
        let t = text.trimmed(.addressWrappers)
        return t == link.href || t == link.text
    }

    /// "Published minutes can be found at:" → "Published minutes"; nil unless the lead-in names a document.
    static func documentLeadIn(_ text: String) -> String? {
        guard text.count <= 120 else { return nil }
        var lead = String(text.dropLast()).trimmed()
        let lower = lead.lowercased()
        // "The transcript for the call is now available here:" → "The transcript for the call".
        for tail in [" can be found at", " can be found here", " can be found", " is now available here", " are now available here",
                     " is now available at", " are now available at", " is now available", " are now available",
                     " are available here", " is available here", " are available at", " is available at",
                     " are available", " is available", " are at", " is at", " are here", " is here", " at", " here"]
            where lower.hasSuffixASCII(tail) {
            lead = String(lead.dropLast(tail.count))
            break
        }
        guard lead.splitOnSpaces().count <= 6, isDocumentLabel(lead) else { return nil }
        return lead
    }

    /// "board_minutes_2014_01_15.txt", "report.pdf": one token ending in a document extension.
    static func isFileName(_ text: String) -> Bool {
        // Every extension holds a full stop (which neither lower-casing nor trimming makes).
        guard text.holdsByte(UInt8(ascii: ".")) else { return false }
        if let answer = text.withPlainASCIIBytes(isFileName(ascii:)) { return answer }
        if holdsInnerSpace(text) { return false }
        let t = text.trimmed(.fileNameEnds)
        guard !t.isEmpty, !t.containsASCII(" "), t.count <= 120 else { return false }
        let lower = t.lowercased()
        return fileExtensions.contains { lower.hasSuffix($0) && lower.count > $0.count }
    }

    /// Whether `text` trimmed of `fileNameEnds` surely holds a space, told on its bytes: a space byte between two ASCII
    /// bytes that are neither spaces nor full stops (each starts a character that is not trimmed, so the space is inside
    /// the trimmed text, and a space between ASCII bytes is a character of its own). False is no answer.
    static func holdsInnerSpace(_ text: String) -> Bool {
        let isKept = { (byte: UInt8) in byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: ".") }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var from = 1
            while let space = UTF8Search.offset(of: UInt8(ascii: " "), in: bytes, from: from) {
                if space + 1 < bytes.count, isKept(bytes[space - 1]), isKept(bytes[space + 1]) { return true }
                from = space + 1
            }
            return false
        } ?? false
    }

    /// `isFileName(_:)` of plain ASCII bytes (one a character, lower-cased and trimmed as bytes).
    static func isFileName(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let isEnd = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") }
        var start = 0, end = bytes.count
        while start < end, isEnd(bytes[start]) { start += 1 }
        while end > start, isEnd(bytes[end - 1]) { end -= 1 }
        let name = bytes[start..<end]
        guard !name.isEmpty, !name.contains(UInt8(ascii: " ")), name.count <= 120 else { return false }
        return fileExtensions.contains { ending in
            name.count > ending.utf8.count && name.suffix(ending.utf8.count).lazy.map(\.asciiLowercased).elementsEqual(ending.utf8)
        }
    }

    /// Endings of the document files a reference may name by itself ("report.pdf").
    static let fileExtensions = [".pdf", ".doc", ".docx", ".ppt", ".pptx", ".xls", ".xlsx", ".odt", ".ods", ".odp", ".rtf", ".txt", ".md", ".csv",
                                 ".html", ".htm"]

    /// The all-capitals "ATTACHMENTS:" banner of board minutes, after which the attached reports follow.
    static func isAttachmentsBanner(_ text: String) -> Bool {
        // (Told on the first byte when it is neither a space nor a colon, as nearly always.)
        guard let first = text.utf8.first else { return false }
        let opensWithA = first == UInt8(ascii: " ") || first == UInt8(ascii: ":")
            ? text.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ":") }) == UInt8(ascii: "A")
            : first == UInt8(ascii: "A")
        return opensWithA && text.trimmed(bannerEnds) == "ATTACHMENTS"
    }

    /// Spaces and colons around a banner.
    static let bannerEnds: Set<Character> = Set(" :")

    /// Whether `text`, lower-cased and without label marks (`text.lowercased().trimmed(.labelMarks)`), is one of
    /// `labels`; on bytes for plain ASCII text, where a text longer than every label is refused before any copy.
    static func isLabel(_ text: String, in labels: Set<String>) -> Bool {
        labelKey(text).map(labels.contains) ?? false
    }

    /// `text.lowercased().trimmed(.labelMarks)`, what `isLabel` looks up; nil for a plain ASCII text longer than every
    /// label once trimmed, which is refused before any copy.
    static func labelKey(_ text: String) -> String? {
        guard let key = text.withPlainASCIIBytes(labelKey(ascii:)) else {
            return text.lowercased().trimmed(.labelMarks)
        }
        return key
    }

    /// `labelKey(_:)` of plain ASCII bytes: trimmed and lower-cased as bytes, into a string only when short enough.
    private static func labelKey(ascii bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let key = labelKeyRange(ascii: bytes)
        guard key.count <= longestLabel else { return nil }
        return UTF8Search.lowercasedASCII(bytes[key])
    }

    /// The offsets of plain ASCII `bytes` without the label marks (":", "*", "#", " ") around them.
    private static func labelKeyRange(ascii bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let isMark = { (byte: UInt8) in
            byte == UInt8(ascii: ":") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: " ")
        }
        var start = 0, end = bytes.count
        while start < end, isMark(bytes[start]) { start += 1 }
        while end > start, isMark(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// The two lists of labels (`peopleLabels`, `sectionLabels`, which share no label).
    enum LabelList {
        /// `peopleLabels`.
        case people
        /// `sectionLabels`.
        case documents
    }

    /// The list whose label `text` is (`isLabel(text, in:)` of either list): for plain ASCII text, its bytes without the
    /// label marks are compared, lower-cased, with the labels of the same length in place (`labelsByLength`), with no key
    /// made or hashed.
    static func labelList(_ text: String) -> LabelList? {
        if let list = text.withPlainASCIIBytes({ bytes -> LabelList? in
            let key = labelKeyRange(ascii: bytes)
            guard key.count <= longestLabel else { return nil }
            for (label, list) in labelsByLength[key.count] where zip(label, bytes[key]).allSatisfy({ $0 == $1.asciiLowercased }) {
                return list
            }
            return nil
        }) {
            return list
        }
        guard let key = labelKey(text) else { return nil }
        return peopleLabels.contains(key) ? .people : sectionLabels.contains(key) ? .documents : nil
    }

    /// The labels of both lists as bytes, by their length in bytes (up to `longestLabel`).
    static let labelsByLength: [[(label: [UInt8], list: LabelList)]] = {
        var labels = [[(label: [UInt8], list: LabelList)]](repeating: [], count: longestLabel + 1)
        for label in peopleLabels { labels[label.utf8.count].append((Array(label.utf8), .people)) }
        for label in sectionLabels { labels[label.utf8.count].append((Array(label.utf8), .documents)) }
        return labels
    }()

    /// Labels of lists of people.
    static let peopleLabels: Set<String> = ["present", "attendees", "attendance", "participants", "regrets", "apologies", "absent", "chair",
                                            "chairs", "scribe", "scribes", "guests", "invited", "staff", "members present", "members"]
    /// Labels of a part listing documents.
    static let sectionLabels: Set<String> = ["related documents", "related document", "see also", "attachments", "attachment", "background papers",
                                             "background documents", "references", "supporting documents", "documents", "related links",
                                             "related materials", "papers", "enclosures", "annexes", "appendices", "further reading"]
    /// The length in bytes of the longest label of either list.
    static let longestLabel = peopleLabels.union(sectionLabels).map(\.utf8.count).max() ?? 0

    /// Labels whose link is a document of the meeting ("Agenda", "IRC log", "Slides").
    static func isDocumentLabel(_ label: String) -> Bool {
        documentLabelWords.areContained(in: label.lowercasedUnlessLower)
    }

    /// Words of labels that name a document of the meeting.
    static let documentLabelWords = ASCIIKeywords(["agenda", "log", "irc", "minutes", "slides", "paper", "report", "document", "draft", "notes",
                                                   "recording", "transcript", "presentation", "spec", "proposal", "audio", "video"])

    /// A navigation link to the meeting's agenda or log ("Agenda.", "IRC log.").
    static func isMeetingRecordLink(_ link: Link) -> Bool {
        // (The text, short in a navigation bar, is read before the address.)
        let text = link.text.lowercasedUnlessLower
        return (text.containsASCII("agenda") || text.containsASCII("log")) && isDocumentLink(link, labelled: true)
    }

    /// Blocks that belong to site navigation, tables of contents or footers.
    static func isNavigation(_ block: Block) -> Bool {
        let classes = block.classes
        return !classes.isEmpty && classes.contains(where: isNavigationClass)
    }

    /// Whether a class or id token is one of navigation, tables of contents and footers (compared as strings,
    /// without hashing each token for a set).
    static func isNavigationClass(_ token: String) -> Bool {
        // Most tokens are refused on their length (every name has 3 to 10 bytes) or their first byte.
        guard (3...10).contains(token.utf8.count), let first = token.firstUTF8Byte, first.isOne(of: "nmftbshc") else { return false }
        // Each name is plain ASCII without a character that has a canonical equivalent: a token equal to one is made of
        // its bytes, compared in place instead of through String comparison (as numbers, see `NavigationClassNames`).
        let answer = token.utf8.withContiguousStorageIfAvailable(NavigationClassNames.holds)
        return answer ?? navigationClasses.contains { token == $0.description }
    }

    /// Class and id tokens of navigation, tables of contents and footers.
    static let navigationClasses: [StaticString] = ["nav", "navbar", "navigation", "menu", "footer", "toc", "breadcrumb", "sidebar",
                                                    "header", "cookie"]

    /// `addressParts(cleanURL(link.href))` for an absolute web address in plain ASCII, where lower-casing before cleaning
    /// changes none of the parts (so both `isJoinOrChatLink` and `isDocumentLink` may use them); nil for any other.
    static func sharedParts(of link: Link) -> AddressParts? {
        let href = link.href
        guard href.isPlainASCII else { return nil }
        let cleaned = cleanURL(href)
        // "http://" or "https://" in either case, on the bytes.
        var scheme = UInt64(0)
        for (offset, byte) in cleaned.utf8.prefix(8).enumerated() { scheme |= UInt64(byte.asciiLowercased) << (8 * UInt64(offset)) }
        let http = UInt64(0x2F_2F3A_7074_7468), https = UInt64(0x2F2F_3A73_7074_7468) // "http://", "https://" read from the right
        guard scheme & 0xFF_FFFF_FFFF_FFFF == http || scheme == https else { return nil }
        return addressParts(cleaned)
    }

    /// Whether a link points to a document rather than to navigation, an anchor or an asset: on the address's bytes taken
    /// apart once (`LinkAddress`) when it is ASCII, else by `isDocumentLinkByParts`.
    static func isDocumentLink(_ link: Link, labelled: Bool) -> Bool {
        withLinkAddress(link.href) { $0.isDocument(linkText: link.text, labelled: labelled, isJoinOrChat: nil) }
            ?? isDocumentLinkByParts(link, labelled: labelled)
    }

    /// What the two link rules say of a link in a block of content (see `sharedLinkVerdict(_:)`).
    enum SharedLinkVerdict {
        /// A join or chat link (`isJoinOrChatLink`): the block gives a call's details.
        case joinOrChat
        /// A document (`isDocumentLink(labelled: false)`), and no join or chat link.
        case document
        /// Neither.
        case other
    }

    /// `isJoinOrChatLink(link)` and, when false, `isDocumentLink(link, labelled: false)`, with the address taken apart
    /// once for both rules.
    static func sharedLinkVerdict(_ link: Link) -> SharedLinkVerdict {
        func verdict(isJoinOrChat: Bool, isDocument: () -> Bool) -> SharedLinkVerdict {
            isJoinOrChat ? .joinOrChat : isDocument() ? .document : .other
        }
        if let answer = withLinkAddress(link.href, { address in
            verdict(isJoinOrChat: address.isJoinOrChat(linkText: link.text)) {
                address.isDocument(linkText: link.text, labelled: false, isJoinOrChat: false)
            }
        }) {
            return answer
        }
        let parts = sharedParts(of: link)
        return verdict(isJoinOrChat: isJoinOrChatLinkByParts(link, parts: parts)) {
            isDocumentLinkByParts(link, labelled: false, isJoinOrChat: false, parts: parts)
        }
    }

    /// The links of a block of content that are documents (`sharedLinkVerdict` is `.document`), in order, given to
    /// `body`; none when one of the links is a join or chat link (the block gives a call's details). The verdicts wait
    /// on the stack.
    static func forEachSharedDocumentLink(_ links: [Link], _ body: (Link) -> Void) {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: links.count) { isDocument in
            for (index, link) in links.enumerated() {
                switch sharedLinkVerdict(link) {
                case .joinOrChat: return
                case .document: isDocument[index] = true
                case .other: isDocument[index] = false
                }
            }
            for (index, link) in links.enumerated() where isDocument[index] { body(link) }
        }
    }

    /// Whether a link's text names the minutes generator: it holds "scribe.perl" once lower-cased (on the bytes, lower-cased
    /// as they are read, when plain ASCII).
    static func namesScribeTool(_ text: String) -> Bool {
        guard text.holdsByte(UInt8(ascii: ".")) else { return false }
        return text.withPlainASCIIBytes(holdsScribeToolName(ignoringASCIICaseIn:)) ?? text.lowercasedUnlessLower.containsASCII("scribe.perl")
    }

    /// The minutes generator's name, looked for in link texts.
    static let scribeToolName = ASCIIKeywords(["scribe.perl"])

    /// The rule of `isDocumentLink` on part strings. `isJoinOrChat` is `isJoinOrChatLink(link)` when the caller already
    /// knows it; `parts` are `sharedParts(of: link)` when known.
    static func isDocumentLinkByParts(_ link: Link, labelled: Bool, isJoinOrChat: Bool? = nil, parts knownParts: AddressParts? = nil) -> Bool {
        let href = link.href.lowercasedUnlessLower
        guard !href.hasPrefixASCII("#"), !href.hasPrefixASCII("mailto:"), !href.hasPrefixASCII("javascript:"), !href.hasPrefixASCII("tel:"),
              !href.isEmpty else { return false }
        // The address without its fragment (the "#" is not its first character, checked above).
        let path = addressWithoutFragment(href)
        // (Each asset ending's last byte is one of "sgfo2": without one at the end of the bytes, none is there.)
        if path.utf8.last?.isOne(of: "sgfo2") == true, assetEndings.contains(where: { path.hasSuffixASCII($0) }) { return false }
        // The minutes generator's own documentation ("formatted by scribe.perl").
        if path.containsASCII("scribedoc") || namesScribeTool(link.text) {
            return false
        }
        if labelled { return true }
        // Shared content is an absolute web address; relative links are the site's own pages, unless they name a file.
        // (Known parts are those of an absolute web address: `sharedParts` gives no others.)
        let parts: AddressParts
        if let knownParts {
            parts = knownParts
        } else {
            let cleaned = cleanURL(href)
            guard cleaned.hasPrefixASCII("http://") || cleaned.hasPrefixASCII("https://") else {
                let page = cleanURL(path)
                return documentEndings.contains { page.hasSuffixASCII($0) }
            }
            parts = addressParts(cleaned)
        }
        // A site's home page (the W3C logo, the group's front page) is navigation; "/#narrow/…" is a page of an app.
        if parts.path.isEmpty && parts.query.isEmpty && parts.fragment.isEmpty { return false }
        // (For a plain-ASCII address, lower-casing before cleaning changes none of the parts, which are reused.)
        if isJoinOrChat ?? isJoinOrChatLinkByParts(link, parts: link.href.isPlainASCII ? parts : nil) || isProfileLink(parts) { return false }
        // Logos, fonts, the trackers' help and user lists, a log's timestamp anchors, actions exported as RDF.
        // (Each regular expression runs only on the few texts that hold its literal part.)
        // (So are standing policies read out at every meeting: "antitrust", "code-of-conduct".)
        if parts.path.hasPrefixASCII("/icons/") || parts.host.hasPrefixASCII("fonts.") || ignoredPathWords.containsAny(in: path)
            || path.hasSuffixASCII("/track/users") || path.hasSuffixASCII("-actions.rdf")
            || (parts.fragment.utf8.first == UInt8(ascii: "t") && parts.fragment.holdsByte(UInt8(ascii: "-"))
                && isTimestampAnchor(parts.fragment)) {
            return false
        }
        // Lists and searches of a repository's issues, a mailing list's or a channel's front page.
        if (mayEndInS(parts.path) && listsRepositoryItems(parts.path))
            || (parts.path.holdsBytes("/labels/") && listsRepositoryLabel(parts.path)) {
            return false
        }
        if parts.path.utf8.starts(with: "/g/".utf8), isGroupFrontPage(parts.path) { return false }
        if parts.path.hasPrefixASCII("/channel/") || parts.path.hasPrefixASCII("/@") { return false }
        return true
    }

    /// `address` up to its first "#" (by characters), the whole of it without one: on the bytes in place when plain ASCII.
    static func addressWithoutFragment(_ address: String) -> String {
        if let path = address.withPlainASCIIBytes({ bytes in
            bytes.firstIndex(of: UInt8(ascii: "#")).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[..<$0]), as: UTF8.self) }
        }) {
            return path ?? address
        }
        let characters = AddressCharacters(address)
        return characters.bytes.firstIndex(of: UInt8(ascii: "#")).map { characters.text(0..<$0) } ?? address
    }

    /// Whether `path` matches `^/[^/]+/[^/]+/(issues|pulls|discussions)$` (a repository's list of issues, pull requests
    /// or discussions): on bytes when no byte is a line terminator's or non-ASCII (where "$" may also match before a
    /// final line break), else by the regular expression.
    static func listsRepositoryItems(_ path: String) -> Bool {
        let answer = path.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard !bytes.contains(where: { (0x0A...0x0D).contains($0) || $0 >= 0x80 }) else { return nil }
            let segments = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            guard segments.count == 4, segments[0].isEmpty, !segments[1].isEmpty, !segments[2].isEmpty else { return false }
            return ["issues", "pulls", "discussions"].contains { segments[3].elementsEqual($0.utf8) }
        }
        guard let answer, let answer else {
            return path.range(of: #"^/[^/]+/[^/]+/(issues|pulls|discussions)$"#, options: .regularExpression) != nil
        }
        return answer
    }

    /// Whether `path` matches `/milestones?/\d+$` (a tracker's milestone): on bytes when no byte is a line terminator's
    /// or non-ASCII (where `\d` is 0–9 and "$" is the end), else by the regular expression.
    static func namesMilestone(_ path: String) -> Bool {
        let bytes = path.utf8
        guard !bytes.contains(where: { (0x0A...0x0D).contains($0) || $0 >= 0x80 }) else {
            return path.range(of: #"/milestones?/\d+$"#, options: .regularExpression) != nil
        }
        let head = bytes.reversed().drop { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard head.count < bytes.count else { return false }
        return head.starts(with: "/enotselim/".utf8) || head.starts(with: "/senotselim/".utf8)
    }

    /// Whether `fragment` matches `^t\d\d-\d\d` (a log's timestamp anchor, "t12-34"): on bytes where the digits'
    /// places hold ASCII (where `\d` is 0–9), else by the regular expression (`\d` is any decimal digit).
    static func isTimestampAnchor(_ fragment: String) -> Bool {
        let bytes = Array(fragment.utf8.prefix(6))
        guard bytes.count == 6, [1, 2, 4, 5].allSatisfy({ bytes[$0] < 0x80 }) else {
            return fragment.range(of: #"^t\d\d-\d\d"#, options: .regularExpression) != nil
        }
        return bytes[0] == UInt8(ascii: "t") && bytes[1].isASCIIDigit && bytes[2].isASCIIDigit && bytes[3] == UInt8(ascii: "-")
            && bytes[4].isASCIIDigit && bytes[5].isASCIIDigit
    }

    /// Whether `path` matches `^/[^/]+/[^/]+/labels/` (a repository's label listing), on bytes: a run of bytes without
    /// "/" is a run of characters without it, line terminators included (`[^/]` matches them).
    static func listsRepositoryLabel(_ path: String) -> Bool {
        let segments = path.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 3, omittingEmptySubsequences: false)
        guard segments.count == 4, segments[0].isEmpty, !segments[1].isEmpty, !segments[2].isEmpty else { return false }
        return segments[3].starts(with: "labels/".utf8)
    }

    /// Whether `path` matches `^/g/[^/]+/?$` (a group's front page): on bytes when no byte is a line terminator's or
    /// non-ASCII (where "$" may also match before a final line break), else by the regular expression.
    static func isGroupFrontPage(_ path: String) -> Bool {
        let bytes = path.utf8
        guard !bytes.contains(where: { (0x0A...0x0D).contains($0) || $0 >= 0x80 }) else {
            return path.range(of: #"^/g/[^/]+/?$"#, options: .regularExpression) != nil
        }
        guard bytes.starts(with: "/g/".utf8) else { return false }
        var name = bytes.dropFirst(3)
        if name.last == UInt8(ascii: "/") { name = name.dropLast() }
        return !name.isEmpty && !name.contains(UInt8(ascii: "/"))
    }

    /// Words of the paths of the minutes generator's sources, the tracker's IRC help and standing policies.
    static let ignoredPathWords = ASCIINeedleSet(["cvsweb/2002/scribe", "/tracker/irc", "antitrust", "code-of-conduct"])

    /// Endings of style sheets, scripts, images and fonts.
    static let assetEndings = assetEndingLiterals.map(\.description)
    /// Endings of document files a relative link may name.
    static let documentEndings = documentEndingLiterals.map(\.description)

    /// Whether `path` may match a regular expression ending in "s$": its last byte is "s", a line terminator or
    /// part of a non-ASCII character ("$" also matches before a final line break, and U+0085, U+2028 and U+2029 are ones).
    static func mayEndInS(_ path: String) -> Bool {
        guard let last = path.utf8.last else { return false }
        return last == UInt8(ascii: "s") || (0x0A...0x0D).contains(last) || last >= 0x80
    }

    /// The lower-cased host, path (no trailing "/"), query and fragment of an absolute address.
    typealias AddressParts = (host: String, path: String, query: String, fragment: String)

    /// The parts of an absolute address.
    static func addressParts(_ url: String) -> AddressParts {
        let lower = url.lowercasedUnlessLower
        let rest = lower.rangeOfASCII("://").map { lower[$0.upperBound...] } ?? lower[...]
        // Plain ASCII (nearly every address): its bytes are its characters, read in place.
        if let parts = rest.withPlainASCIIBytes({ bytes in
            addressParts(of: bytes) { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }) {
            return parts
        }
        let characters = AddressCharacters(rest)
        return addressParts(of: characters.bytes, text: characters.text)
    }

    /// The parts of the address after its scheme, given as one byte a character (see `AddressCharacters`), with
    /// `text` giving the characters at some offsets.
    private static func addressParts<Bytes: RandomAccessCollection<UInt8>>(of bytes: Bytes, text: (Range<Int>) -> String) -> AddressParts
    where Bytes.Index == Int {
        var end = bytes.count
        var fragment = ""
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) { fragment = text(hash + 1..<end); end = hash }
        var query = ""
        if let mark = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) { query = text(mark + 1..<end); end = mark }
        let slash = bytes[..<end].firstIndex(of: UInt8(ascii: "/")) ?? end
        while end > slash, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        let hostStart = bytes[..<slash].starts(with: "www.".utf8) ? 4 : 0
        return (text(hostStart..<slash), text(slash..<end), query, fragment)
    }

    /// Spaces, stops and colons around a link's text ("Join:").
    static let joinTextEnds: Set<Character> = Set(" .:")

    /// Whether a link's text may read "chat" or "join …" once lower-cased and trimmed of `joinTextEnds`: false when its
    /// first byte after spaces, stops and colons is ASCII but neither "c" nor "j" in either case (no other character
    /// lower-cases to either, and a trimmed byte followed by a mark would be a character that is not trimmed).
    static func mayNameJoining(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: ":") }) else {
            return true
        }
        return first >= 0x80 || first.asciiLowercased == UInt8(ascii: "c") || first.asciiLowercased == UInt8(ascii: "j")
    }

    /// Chat rooms, calendars and join-the-call links ("[chat](…#joining-chat)", Zoom, Webex, Slack invites): on the
    /// address's bytes taken apart once (`LinkAddress`) when it is ASCII, else by `isJoinOrChatLinkByParts`.
    static func isJoinOrChatLink(_ link: Link) -> Bool {
        withLinkAddress(link.href) { $0.isJoinOrChat(linkText: link.text) } ?? isJoinOrChatLinkByParts(link, parts: nil)
    }

    /// Whether a link's text reads "chat" or "join …" once lower-cased and trimmed of `joinTextEnds`.
    static func namesJoining(_ text: String) -> Bool {
        guard mayNameJoining(text) else { return false }
        let trimmed = text.lowercasedUnlessLower.trimmed(joinTextEnds)
        return trimmed == "chat" || trimmed.hasPrefixASCII("join ")
    }

    /// The rule of `isJoinOrChatLink(link)` on part strings, given `addressParts(cleanURL(link.href))` when already known.
    static func isJoinOrChatLinkByParts(_ link: Link, parts knownParts: AddressParts?) -> Bool {
        guard opensWithWebScheme(link.href) else { return false }
        let parts = knownParts ?? addressParts(cleanURL(link.href))
        if namesJoining(link.text) { return true }
        if parts.fragment.containsASCII("chat") || parts.path.hasSuffixASCII("/join") { return true }
        let host = parts.host
        if host.hasPrefixASCII("chat.") || host.hasPrefixASCII("calendar.") || host.hasSuffixASCII("slack.com") || host.hasSuffixASCII("gitter.im")
            || host.hasSuffixASCII("discord.gg") || host.hasSuffixASCII("discord.com") || host == "matrix.to" || host.hasSuffixASCII("timeanddate.com")
            || host == "meet.google.com" || host == "meet.jit.si" || host == "teams.microsoft.com" {
            return true
        }
        // Shortened, tracked, ticketing and account-request links: logistics, not documents.
        // (No shortener host holds "K", ";" or "`", the ASCII characters with canonical equivalents: a host equal to one
        // is made of its bytes, so a longer host is none.)
        if (host.utf8.count <= longestShortenerHost && shortenerHosts.contains(host)) || host.hasSuffixASCII("list-manage.com")
            || host.hasSuffixASCII("eventbrite.com") || host.hasSuffixASCII("cvent.com") || parts.path.containsASCII("/track/click")
            || parts.path.hasSuffixASCII("/accounts/request")
            || (parts.path.holdsBytes("/milestone") && namesMilestone(parts.path)) {
            return true
        }
        if host.containsASCII("zoom") && (parts.path.hasPrefixASCII("/j/") || parts.path.hasPrefixASCII("/meeting") || parts.path.hasPrefixASCII("/my/")) { return true }
        if host.hasSuffixASCII("webex.com") && (parts.path.hasPrefixASCII("/meet") || parts.path.containsASCII("/j.php")) { return true }
        return parts.path.hasSuffixASCII("/calendar") || parts.path.hasPrefixASCII("/calendar")
    }

    /// `href.lowercased()` opens with "http://" or "https://" (`hasPrefixASCII`); read on the bytes of a plain ASCII
    /// address, whose lower-cased bytes are its characters lower-cased, without a copy.
    static func opensWithWebScheme(_ href: String) -> Bool {
        if let answer = href.withPlainASCIIBytes({ bytes in
            let scheme = bytes.prefix(8).lazy.map(\.asciiLowercased)
            return scheme.starts(with: "http://".utf8) || scheme.starts(with: "https://".utf8)
        }) {
            return answer
        }
        let lower = href.lowercased()
        return lower.hasPrefixASCII("http://") || lower.hasPrefixASCII("https://")
    }

    /// Hosts of shortened links.
    static let shortenerHosts = shortenerHostLiterals.map(\.description)
    /// The length in bytes of the longest of `shortenerHosts`.
    static let longestShortenerHost = shortenerHosts.map(\.utf8.count).max() ?? 0

    /// Hosts whose one-segment paths are accounts.
    static let profileHosts = profileHostLiterals.map(\.description)
    /// Last path segments of biography pages.
    static let profilePages = profilePageLiterals.map(\.description)

    /// A person's profile page: a GitHub, Twitter or LinkedIn account, or a biography page.
    static func isProfileLink(_ parts: AddressParts) -> Bool {
        // A plain ASCII path (nearly every one): its segments are read in place.
        if let answer = parts.path.withPlainASCIIBytes({ isProfileLink(host: parts.host, path: $0) }) {
            return answer
        }
        return isProfileLink(host: parts.host, path: AddressCharacters(parts.path).bytes)
    }

    /// `isProfileLink` of a host and a path given as one byte a character (see `AddressCharacters`).
    private static func isProfileLink<Bytes: Collection<UInt8>>(host: String, path: Bytes) -> Bool {
        let segments = path.split(separator: UInt8(ascii: "/"))
        if profileHosts.contains(host) { return segments.count == 1 }
        if host.hasSuffixASCII("linkedin.com") { return segments.first?.elementsEqual("in".utf8) == true }
        return segments.last.map { last in profilePages.contains { last.elementsEqual($0.utf8) } } ?? false
    }
}
