import Foundation

/// Byte-level answers for the participant rules, taken when the text is plain ASCII (every byte a character of
/// its own, no CR): the same answers as the rules on characters, without lower-casing into new strings or walking
/// characters. Each returns nil where it cannot answer, and the caller then runs the rule itself.
enum ParticipantFastPaths {
    /// Whether `word` (ASCII bytes, any case) is in `set` of lower-case ASCII words, the longest of which has
    /// `longest` bytes: a longer word is refused without building a string.
    @inline(__always)
    static func lowerCasedWord(_ word: Slice<UnsafeBufferPointer<UInt8>>, in set: Set<String>, longest: Int) -> Bool {
        word.count <= longest && set.contains(UTF8Search.lowercasedASCII(word))
    }

    /// The length in bytes of the longest job word and of the longest organisation cue (both lists are ASCII).
    static let longestJobWord = Vocabulary.jobTitleHeads.map(\.utf8.count).max() ?? 0
    static let longestOrganisationCue = Vocabulary.organisationCues.map(\.utf8.count).max() ?? 0

    /// `ParticipantExtractor.isJobTitle(text)` for plain ASCII text: the words (split on spaces and slashes) of the
    /// part before the first " of " (any case), the last of them — or the first of at most two — a job word.
    static func isJobTitle(_ text: String) -> Bool? {
        text.withPlainASCIIBytes { bytes in
            // The first " of ", in any case (the rule looks for it in the lower-cased text).
            var end = bytes.count
            if bytes.count >= 4 {
                for start in 0...(bytes.count - 4) where bytes[start] == 0x20 && bytes[start + 3] == 0x20
                    && bytes[start + 1] | 0x20 == UInt8(ascii: "o") && bytes[start + 2] | 0x20 == UInt8(ascii: "f") {
                    end = start
                    break
                }
            }
            var count = 0
            var first: Range<Int>?, last: Range<Int>?
            var index = 0
            while index < end {
                if bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "/") { index += 1; continue }
                let start = index
                while index < end, bytes[index] != 0x20, bytes[index] != UInt8(ascii: "/") { index += 1 }
                count += 1
                if first == nil { first = start..<index }
                last = start..<index
            }
            guard let head = last, let opening = first, count <= 6 else { return false }
            return lowerCasedWord(bytes[head], in: Vocabulary.jobTitleHeads, longest: longestJobWord)
                || (count <= 2 && lowerCasedWord(bytes[opening], in: Vocabulary.jobTitleHeads, longest: longestJobWord))
        }
    }

    /// `ParticipantExtractor.hasOrganisationCue(text)` for plain ASCII text: a word (split on spaces and commas)
    /// that marks organisations, in any case.
    static func hasOrganisationCue(_ text: String) -> Bool? {
        text.withPlainASCIIBytes { bytes in
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x20 || bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                let start = index
                while index < bytes.count, bytes[index] != 0x20, bytes[index] != UInt8(ascii: ",") { index += 1 }
                if lowerCasedWord(bytes[start..<index], in: Vocabulary.organisationCues, longest: longestOrganisationCue) { return true }
            }
            return false
        }
    }

    /// `text.splitOnSpaces().joined(separator: " ")` of plain ASCII text, on its bytes: `text` itself when no space
    /// stands at either end or next to another. Nil for other text.
    static func spaceJoinedWords(_ text: String) -> String? {
        text.withPlainASCIIBytes { bytes -> String in
            var normal = bytes.first != 0x20 && bytes.last != 0x20
            for index in bytes.indices.dropFirst() where normal && bytes[index] == 0x20 && bytes[index - 1] == 0x20 { normal = false }
            if normal { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for (index, byte) in bytes.enumerated() where byte != 0x20 {
                if !out.isEmpty, index > 0, bytes[index - 1] == 0x20 { out.append(0x20) }
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `text.split(separator: ",")` (empty pieces left out), each piece without `trimming` bytes at either end and,
    /// `droppingEmpty`, without the pieces that trimming empties: on the bytes of plain ASCII text, nil for other text.
    static func commaFields(_ text: String, trimming: [UInt8], droppingEmpty: Bool) -> [String]? {
        text.withPlainASCIIBytes { bytes in
            var fields: [String] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ",") {
                defer { start = end + 1 }
                guard end > start else { continue }
                var low = start, high = end
                while low < high, trimming.contains(bytes[low]) { low += 1 }
                while high > low, trimming.contains(bytes[high - 1]) { high -= 1 }
                if droppingEmpty && low == high { continue }
                fields.append(String(decoding: bytes[low..<high], as: UTF8.self))
            }
            return fields
        }
    }

    /// `TextRules.withoutParentheticals(text)`: a text without "(" and ")" bytes has no bracket character, so nothing
    /// is left out and only its white space is folded.
    /// Text whose bracket bytes all stand between ASCII bytes (or an end) loses its notes on its bytes: each such byte is
    /// a character of its own (a combining mark after it, or a prepended mark before it, would make one character of
    /// both, and either is non-ASCII), so the notes left out are whole characters, as the rule walks them.
    static func withoutParentheticals(_ text: String) -> String {
        guard text.holdsByte(UInt8(ascii: "(")) || text.holdsByte(UInt8(ascii: ")")) else { return TextRules.collapseWhitespace(text) }
        let kept = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var depth = 0
            for (index, byte) in bytes.enumerated() {
                guard byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") else {
                    if depth == 0 { out.append(byte) }
                    continue
                }
                guard index == 0 || bytes[index - 1] < 0x80, index + 1 == bytes.count || bytes[index + 1] < 0x80 else { return nil }
                depth = byte == UInt8(ascii: "(") ? depth + 1 : max(0, depth - 1)
            }
            return String(decoding: out, as: UTF8.self)
        } ?? nil
        return kept.map(TextRules.collapseWhitespace) ?? TextRules.withoutParentheticals(text)
    }

    /// Whether `TextRules.nickToName(word)` may hold a space: false, told on the bytes of a plain ASCII word, where it
    /// cannot (no space, no "_", and no lower-case letter followed by a capital and a lower-case letter, where alone
    /// `nickToName` puts a space; trimming its ends only takes bytes away); true for any other word.
    static func mayNameTwoWords(_ word: String) -> Bool {
        word.withPlainASCIIBytes { bytes -> Bool in
            for (index, byte) in bytes.enumerated() {
                if byte == 0x20 || byte == UInt8(ascii: "_") { return true }
                if byte.isASCIIUppercase, index >= 1, index + 1 < bytes.count, bytes[index - 1].isASCIILowercase,
                   bytes[index + 1].isASCIILowercase { return true }
            }
            return false
        } ?? true
    }

    /// `ParticipantExtractor.placeShapeRule(text)` on the bytes of plain ASCII text (every byte a character; only "A"–"Z"
    /// are upper-case): one to three words between spaces, each opening with a capital. Nil for other text.
    static func isPlaceShaped(_ text: String) -> Bool? {
        text.withPlainASCIIBytes { bytes -> Bool in
            var words = 0, index = 0
            while index < bytes.count {
                guard bytes[index] != 0x20 else { index += 1; continue }
                // A word opens here.
                words += 1
                guard words <= 3, bytes[index] >= UInt8(ascii: "A"), bytes[index] <= UInt8(ascii: "Z") else { return false }
                while index < bytes.count, bytes[index] != 0x20 { index += 1 }
            }
            return words >= 1
        }
    }

    /// The most bytes a presence mark of `ParticipantExtractor.marks` has.
    private static let longestMark = ParticipantExtractor.marks.map(\.utf8.count).max() ?? 0

    /// `ParticipantExtractor.marks.contains(cell.lowercased())`. A plain ASCII cell lower-cases on its bytes, to as many:
    /// one longer than every mark is none of them (no mark that is not ASCII equals ASCII text).
    static func isPresenceMark(_ cell: String) -> Bool {
        if cell.isPlainASCII {
            return cell.utf8.count <= longestMark && ParticipantExtractor.marks.contains(Vocabulary.lowercasedASCII(cell))
        }
        return ParticipantExtractor.marks.contains(cell.lowercased())
    }

    /// Whether `ParticipantExtractor.splitRunTogether(item)` may split `item`: false, told on the bytes of plain ASCII text,
    /// where no word is marked as a nick (no "_", no lower-case letter followed by a capital and a lower-case letter, so no
    /// word `mayNameTwoWords(_:)`) and the words between spaces are not four (the two-names rule); true otherwise.
    static func mayRunTogether(_ item: String) -> Bool {
        item.withPlainASCIIBytes { bytes -> Bool in
            var words = 0
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "_") { return true }
                if byte != 0x20, index == 0 || bytes[index - 1] == 0x20 { words += 1 }
                if byte.isASCIIUppercase, index >= 1, index + 1 < bytes.count, bytes[index - 1].isASCIILowercase,
                   bytes[index + 1].isASCIILowercase { return true }
            }
            return words == 4
        } ?? true
    }

    /// `text.count`: the bytes of plain ASCII text (no CR: every byte a character of its own), else the characters counted.
    static func characterCount(_ text: String) -> Int {
        text.isPlainASCII ? text.utf8.count : text.count
    }

    /// Whether `TextRules.nickToName(word)` is `word` itself, told on its bytes: a plain ASCII word that names no two
    /// words (`mayNameTwoWords(_:)`: no space, no "_", no CamelCase) and neither opens nor ends with "-" or "+" (which
    /// `nickToName` trims, with "_" and spaces) is neither cut nor trimmed. False when unsure.
    static func nickToNameKeeps(_ word: String) -> Bool {
        guard let first = word.utf8.first, let last = word.utf8.last else { return false }
        let trimmed: (UInt8) -> Bool = { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        return !trimmed(first) && !trimmed(last) && !mayNameTwoWords(word)
    }

    /// `text.lowercased().hasPrefix(prefix)` for a `prefix` of lower-case ASCII letters and spaces that ends with a space,
    /// told on the bytes where they can tell; nil where they cannot. An ASCII byte lower-cases to one ASCII byte, and no
    /// other character lower-cases to an ASCII letter but KELVIN SIGN (to "k") and "İ" (to "i" and a combining mark): so
    /// an ASCII byte other than the prefix's, before any non-ASCII byte, refuses; the prefix's bytes, followed by the
    /// end or an ASCII byte (no combining mark to join the space), match; a non-ASCII byte among or after them is nil.
    static func lowercasedHasPrefix(_ text: some StringProtocol, _ prefix: String) -> Bool? {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var index = 0
            for expected in prefix.utf8 {
                guard index < bytes.count else { return false }
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                if byte.asciiLowercased != expected { return false }
                index += 1
            }
            return index == bytes.count || bytes[index] < 0x80 ? true : nil
        }
        return answer ?? nil
    }

    /// The first word of plain ASCII `text` (`splitOnSpaces().first`, or "" when it has none); nil for other text.
    static func firstWord(_ text: String) -> String? {
        text.withPlainASCIIBytes { bytes -> String in
            let start = bytes.firstIndex { $0 != 0x20 } ?? bytes.count
            let end = bytes[start...].firstIndex(of: 0x20) ?? bytes.count
            return start == 0 && end == bytes.count ? text : String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    /// The length in bytes of the longest honorific or office title.
    static let longestTitle = (TextRules.honorifics.map(\.utf8.count) + TextRules.officeTitles.keys.map(\.utf8.count)).max() ?? 0

    /// `TextRules.stripTitles(name).name` of a plain ASCII name whose first word is no title, which is most names
    /// (then no office either): its words joined by single spaces. Nil for other names, and where the first of two or
    /// more words, lower-cased and without full stops at its ends, is an honorific or an office title.
    static func untitledName(_ name: String) -> String? {
        let titled = name.withPlainASCIIBytes { bytes -> Bool in
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            var next = end
            while next < bytes.count, bytes[next] == 0x20 { next += 1 }
            // One word, or none: nothing is stripped.
            guard next < bytes.count else { return false }
            while start < end, bytes[start] == UInt8(ascii: ".") { start += 1 }
            while end > start, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            guard end - start <= longestTitle else { return false }
            let key = UTF8Search.lowercasedASCII(bytes[start..<end])
            return TextRules.honorifics.contains(key) || TextRules.officeTitles[key] != nil
        }
        guard titled == false else { return nil }
        return spaceJoinedWords(name)
    }

    /// The length in bytes of the longest name particle ("van", "del").
    static let longestParticle = TextRules.nameParticles.map(\.utf8.count).max() ?? 0

    /// `TextRules.looksLikeName(text)` for plain ASCII text, on its bytes: one to five space-separated words and at most
    /// 60 bytes; no word holds a digit or one of ":;!?/@#"; every word but a particle (in any case) has a letter, the
    /// first of them a capital; at least one such word. Nil for other text.
    static func looksLikeName(_ text: String) -> Bool? {
        text.withPlainASCIIBytes { bytes in
            guard bytes.count <= 60 else { return false }
            var words = 0, capitalised = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x20 { index += 1; continue }
                let start = index
                // The first letter, and whether a digit or a refused mark stands in the word.
                var firstLetter: UInt8?
                while index < bytes.count, bytes[index] != 0x20 {
                    let byte = bytes[index]
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                         UInt8(ascii: "/"), UInt8(ascii: "@"), UInt8(ascii: "#"):
                        return false
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                        if firstLetter == nil { firstLetter = byte }
                    default:
                        break
                    }
                    index += 1
                }
                words += 1
                if words > 5 { return false }
                if index - start <= longestParticle,
                   TextRules.nameParticles.contains(UTF8Search.lowercasedASCII(UnsafeBufferPointer(rebasing: bytes[start..<index]))) {
                    continue
                }
                guard let letter = firstLetter, letter <= UInt8(ascii: "Z") else { return false }
                capitalised += 1
            }
            return words >= 1 && capitalised >= 1
        }
    }

    /// `NameShape`'s letters and words of a plain ASCII name, on its bytes: the letters A–Z and a–z lower-cased, all of
    /// them, and those of each space-separated word that has any. Nil for other names.
    static func nameLetters(_ name: String) -> (letters: String, words: [String])? {
        name.withPlainASCIIBytes { bytes in
            var letters: [UInt8] = []
            letters.reserveCapacity(bytes.count)
            var words: [String] = []
            var wordStart = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                if byte == 0x20 {
                    if letters.count > wordStart { words.append(String(decoding: letters[wordStart...], as: UTF8.self)) }
                    wordStart = letters.count
                } else if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                    letters.append(byte | 0x20)
                }
            }
            return (String(decoding: letters, as: UTF8.self), words)
        }
    }


    /// Words after which "left", "joined", "arrived", "departed" mark a time note ("left at 11:04").
    private static let timeNoteWords = ["at", "after", "before", "during"]

    /// Whether `ParticipantExtractor.cleanedEntry(raw)` is `raw` unchanged, seen on the bytes: plain ASCII, nothing to
    /// trim at either end, no two spaces in a row, no "?", "_" or "/" (placeholders and nick or organisation separators),
    /// and no word "at", "after", "before" or "during" (in any case) for a time note to end with.
    static func cleanedEntryIsUnchanged(_ raw: String) -> Bool {
        raw.withPlainASCIIBytes { bytes in
            guard let first = bytes.first, let last = bytes.last,
                  first != 0x20, first != 0x09, last != 0x20, last != 0x09 else { return false }
            var wordStart = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                switch byte {
                case UInt8(ascii: "?"), UInt8(ascii: "_"), UInt8(ascii: "/"):
                    return false
                case 0x20:
                    if index > 0, bytes[index - 1] == 0x20 { return false }
                    let length = index - wordStart
                    if (2...6).contains(length), timeNoteWords.contains(where: { word in
                        word.utf8.count == length && zip(word.utf8, bytes[wordStart..<index]).allSatisfy { $0 == $1 | 0x20 }
                    }) {
                        return false
                    }
                    wordStart = index + 1
                default:
                    continue
                }
            }
            return true
        } ?? false
    }
}
