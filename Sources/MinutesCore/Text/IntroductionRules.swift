import Foundation

/// Affiliations people state when they introduce themselves in the minutes:
/// "**Brady Duga:** with Google.", "Eva from ULD, working in the SPECIAL project",
/// "Rigo, working for W3C and ERCIM", "Simon: PhD @ WU & working as research scientist at Siemens".
///
/// A line counts only when it opens with a listed participant (as speaker or as subject) and the
/// affiliation cue follows at once, so discussion that merely mentions "from" or "at" is never read.
public enum IntroductionRules {
    /// Words that introduce an affiliation right after the person's name.
    static let cues = ["i work for ", "i work at ", "i work with ", "i'm working for ", "i'm working at ", "i'm at ",
                       "working for ", "working at ", "working with ", "work for ", "work at ", "work with ",
                       "i'm with ", "i am with ", "i'm from ", "i am from ", "representing ", "from ", "with ", "at ", "@ "]

    /// The cues as they stand inside a line (after a name and a space or a colon), for a byte-level refusal.
    static let cueWords = [" with ", " from ", " at ", "@ ", "working ", " work ", "representing ", ": with", ": from", ": at "]

    /// `cueWords` and the capitalised "With " and "From " that open a line, looked for in one pass.
    static let lineCues = ASCIINeedleSet(cueWords + ["With ", "From "])

    /// Punctuation and emphasis around a word of an introduction ("benetech.", "**Google**").
    static let wordEdges = CharacterSet(charactersIn: ".,;:()!?*\"'")

    /// For each participant who introduces themselves, the organisations they name (index into `participants`).
    public static func affiliations(in texts: [String], participants: [Participant]) -> [(Int, [String])] {
        guard !participants.isEmpty else { return [] }
        var found: [(Int, [String])] = []
        var done = Set<Int>()
        // The byte refusals, worked out for every document; the names' strings when a line passes them.
        let openings = NameOpenings(participants)
        var index: NameIndex?
        // The participants' names folded, worked out when an introduction first names an organisation.
        var people: PersonKeys?
        func isPerson(_ phrase: String) -> Bool {
            let keys = people ?? PersonKeys(participants)
            people = keys
            return keys.contains(phrase)
        }
        for text in texts where text.utf8.count <= 200 {
            // A line that no participant's name can open, or without any cue word, cannot introduce anyone; refused on its bytes.
            guard openings.mayIntroduce(text), lineCues.containsAny(in: text) else { continue }
            let names = index ?? NameIndex(participants, openings: openings)
            index = names
            guard let (person, rest) = speaker(of: text, names: names), !done.contains(person) else { continue }
            var organisations: [String] = []
            var remainder = Substring(rest)
            // "PhD @ WU Vienna & working as research scientist at Siemens": every cue in the sentence.
            while let (organisation, after) = nextAffiliation(in: remainder, first: organisations.isEmpty) {
                if !organisations.contains(organisation), !isPerson(organisation) { organisations.append(organisation) }
                remainder = after
                // "working for W3C and ERCIM": a second name joined by "and" or "&".
                let words = after.splitOnSpaces()
                if words.count >= 2, ["and", "&"].contains(words[0].lowercased()) {
                    let second = trimmedEdges(words[1])
                    if second.count >= 2, TextRules.startsUppercase(second), !Lexicon.shared.contains(second), !isGeneric(second),
                       !isPerson(second), !organisations.contains(second) {
                        organisations.append(second)
                    }
                }
            }
            if !organisations.isEmpty {
                found.append((person, organisations))
                done.insert(person)
            }
        }
        return found
    }

    /// Participants' names as lines begin with them: each full name and first name, lower-cased and keyed by its first
    /// word, and (in `openings`) the one-word nicks for "Simon" said by "simonstey".
    struct NameIndex {
        var byFirstWord: [String: [(index: Int, name: String, length: Int)]] = [:]
        /// The byte refusals of the lines that no name opens, and the nicks.
        let openings: NameOpenings

        init(_ participants: [Participant]) {
            self.init(participants, openings: NameOpenings(participants))
        }

        /// The index of `participants`, whose `openings` are worked out already.
        init(_ participants: [Participant], openings: NameOpenings) {
            self.openings = openings
            byFirstWord.reserveCapacity(participants.count)
            for index in participants.indices {
                let (key, names) = Self.entries(of: participants[index].name, index: index)
                // A key stands only for names.
                if !names.isEmpty { byFirstWord[key, default: []].append(contentsOf: names) }
            }
            // Longest first (in place: no key is hashed again).
            for position in byFirstWord.values.indices where byFirstWord.values[position].count > 1 {
                byFirstWord.values[position].sort { $0.length > $1.length }
            }
        }

        /// A participant's name lower-cased, and its first word (the key it stands under): the full name and the first
        /// name (once when they are one), those of two characters or more, with the participant's `index` and their
        /// lengths in characters.
        static func entries(of name: String, index: Int = 0) -> (key: String, names: [(index: Int, name: String, length: Int)]) {
            // A plain ASCII name is lower-cased, split and counted on its bytes (every byte a character).
            let ascii = name.isPlainASCII
            let full = ascii ? Vocabulary.lowercasedASCII(name) : name.lowercased()
            let first = ParticipantFastPaths.firstWord(full) ?? String(full.split(separator: " ").first ?? "")
            var names: [(index: Int, name: String, length: Int)] = []
            names.reserveCapacity(2)
            func add(_ entry: String) {
                let length = ascii ? entry.utf8.count : entry.count
                if length >= 2 { names.append((index, entry, length)) }
            }
            add(full)
            if first != full { add(first) }
            return (first, names)
        }

        /// See `NameOpenings.mayOpen(_:)`.
        func mayOpen(_ text: String) -> Bool { openings.mayOpen(text) }

        /// See `NameOpenings.mayIntroduce(_:)`.
        func mayIntroduce(_ text: String) -> Bool { openings.mayIntroduce(text) }

        /// The characters " :,*]>" that end a line's first word.
        static func isOpeningEnd(character c: Character) -> Bool {
            c == " " || c == ":" || c == "," || c == "*" || c == "]" || c == ">"
        }

        /// The bytes " :,*]>" that end a line's first word.
        @inline(__always)
        static func isOpeningEnd(_ b: UInt8) -> Bool {
            b == 0x20 || b == 0x3A || b == 0x2C || b == 0x2A || b == 0x5D || b == 0x3E
        }

        /// Names that may open `line`, longest first; `line` starts at its first word.
        func candidates(for line: Substring) -> [(index: Int, name: String, length: Int)] {
            let (word, letters) = Self.opening(of: line)
            var found = byFirstWord[word] ?? []
            let letterCount = letters.count
            if letterCount >= 4 {
                let owners = asciiNicksBeginning(with: letters) + openings.nicks.filter { $0.letters.hasPrefix(letters) && $0.letters != letters }.map(\.index)
                if owners.count == 1, let owner = owners.first { found.append((owner, letters, letterCount)) }
            }
            return found
        }

        /// The ASCII nicks that `letters` begins but is not, compared on bytes: a string equal to a beginning of ASCII
        /// letters is those bytes (no other string is canonically equivalent to ASCII letters).
        func asciiNicksBeginning(with letters: String) -> [Int] {
            guard !openings.asciiNicks.isEmpty else { return [] }
            let query = letters.utf8
            return openings.asciiNicks.filter { $0.letters.count > query.count && $0.letters.starts(with: query) }.map(\.index)
        }

        /// The first word of `line` (up to one of " :,*]>") and the letters it opens with, lower-cased.
        static func opening(of line: Substring) -> (word: String, letters: String) {
            asciiOpening(of: line)
                ?? (line.prefix { !isOpeningEnd(character: $0) }.lowercased(), String(line.prefix { $0.isLetter }).lowercased())
        }

        /// `opening(of:)` on the bytes, when the first word is ASCII and the character after it one byte of its own;
        /// nil otherwise.
        private static func asciiOpening(of line: Substring) -> (word: String, letters: String)? {
            line.utf8.withContiguousStorageIfAvailable { bytes -> (word: String, letters: String)? in
                let isEnd: (UInt8) -> Bool = isOpeningEnd
                let end = bytes.firstIndex { isEnd($0) || $0 >= 0x80 || $0 == 0x0D } ?? bytes.count
                // The word stops at the end of the line or at one of the ends, a character of its own.
                guard end == bytes.count || (isEnd(bytes[end]) && (end + 1 == bytes.count || bytes[end + 1] < 0x80)) else { return nil }
                let letters = bytes[..<end].firstIndex { ($0 | 0x20) < 0x61 || ($0 | 0x20) > 0x7A } ?? end
                return (UTF8Search.lowercasedASCII(bytes[..<end]), UTF8Search.lowercasedASCII(bytes[..<letters]))
            } ?? nil
        }
    }

    /// The participant a line opens with, and the text after the name: "Name: …", "Name, …", "Name from …".
    /// With `wholeLines`, each line is lower-cased whole, as the rule was first written (for tests).
    static func speaker(of text: String, names: NameIndex, wholeLines: Bool = false) -> (Int, String)? {
        var line = Substring(text).drop { $0 == "*" || $0 == " " || $0 == "[" || $0 == "<" }
        // A speaker tag followed by the person's own introduction of someone else ("Javier: Eva from ULD").
        for _ in 0..<2 {
            let candidates = names.candidates(for: line)
            guard !candidates.isEmpty else { return nil }
            // Only the opening characters can hold a name: they are lower-cased as far as the longest candidate and one
            // character more (lower-casing maps each scalar alone and keeps the characters apart), and the rest of the line
            // only counts. A name with a CR (half of a CR LF character) has the whole line lower-cased.
            let longest = candidates.map(\.length).max() ?? 0
            let head = wholeLines || candidates.contains(where: { $0.name.holdsByte(0x0D) }) ? line : line.prefix(longest + 1)
            // A plain ASCII line is lower-cased and counted on its bytes (every byte a character).
            let ascii = head.isPlainASCII
            let lowerLine = ascii ? Vocabulary.lowercasedASCII(String(head)) : head.lowercased()
            let lineLength = head.endIndex < line.endIndex ? Int.max : ascii ? lowerLine.utf8.count : lowerLine.count
            var behindTag: Substring?
            for (index, name, length) in candidates {
                guard lineLength > length, lowerLine.hasPrefix(name) else { continue }
                let after = line.dropFirst(length)
                guard let next = after.first, [":", ",", " ", "*", "]", ">"].contains(next) else { continue }
                let rest = after.drop { ":,*]> ".contains($0) }
                if opensWithCue(rest) {
                    return (index, String(rest))
                }
                // "Javier: Eva from ULD" — look once more behind the speaker tag.
                if next == ":" || next == "]" || next == ">" { behindTag = rest; break }
            }
            guard let rest = behindTag else { return nil }
            line = rest
        }
        return nil
    }

    /// Whether `rest`, its first 24 characters lower-cased, opens with one of `cues`, "also " or "phd ". Where its first 25
    /// bytes (or all, if fewer) are plain ASCII, the 24 characters are its first 24 bytes (no CR, no combining mark after
    /// them), lower-cased and compared on bytes.
    static func opensWithCue(_ rest: Substring) -> Bool {
        let onBytes = rest.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            let window = UnsafeBufferPointer(rebasing: bytes.prefix(25))
            guard UTF8Search.isPlainASCII(window) else { return nil }
            let lower = UTF8Search.lowercasedASCII(window.prefix(24))
            return openingCues.contains { lower.utf8.starts(with: $0.utf8) }
        } ?? nil
        return onBytes ?? opensWithCueRule(rest)
    }

    /// The words `opensWithCue(_:)` looks for: `cues`, "also ", "phd ".
    private static let openingCues = cues + ["also ", "phd "]

    /// `opensWithCue(_:)` as the rule is written, for any text.
    static func opensWithCueRule(_ rest: Substring) -> Bool {
        let lower = rest.prefix(24).lowercased()
        return cues.contains(where: { lower.hasPrefix($0) }) || lower.hasPrefix("also ") || lower.hasPrefix("phd ")
    }

    /// `word.trimmingCharacters(in: wordEdges)`, on the bytes of a plain ASCII word (every scalar one byte).
    static func trimmedEdges(_ word: Substring) -> String {
        func isEdge(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
            default: false
            }
        }
        return word.withPlainASCIIBytes { bytes -> String in
            var start = 0, end = bytes.count
            while start < end, isEdge(bytes[start]) { start += 1 }
            while end > start, isEdge(bytes[end - 1]) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        } ?? word.trimmingCharacters(in: wordEdges)
    }

    /// The organisation after the next cue in `text`, and the text after it. The first cue must open the text
    /// (after "also", "PhD", "a researcher"); later ones follow "&", "and", ",". With `searchingEveryCue`, the first
    /// cue is found as the later ones are, as the rule was first written (for tests).
    static func nextAffiliation(in text: Substring, first: Bool, searchingEveryCue: Bool = false) -> (String, Substring)? {
        // Plain ASCII text is lower-cased on its bytes.
        var lower = text.isPlainASCII ? UTF8Search.lowercasedASCII(text.utf8) : text.lowercased()
        var offset = 0
        var opening: String?
        if first {
            for filler in ["also ", "phd ", "now "] where lower.hasPrefix(filler) {
                offset += filler.count
                lower = String(lower.dropFirst(filler.count))
            }
            guard let cue = cues.first(where: { lower.hasPrefix($0) }) else { return nil }
            opening = cue
        }
        var best: (Range<String.Index>, String)?
        if let opening, !searchingEveryCue, lower.isPlainASCII {
            // Plain ASCII (every character a byte) that opens with a cue: the first of `cues` it opens with matches at the
            // start, which no other match comes before, and the later cues that match there lose the tie.
            best = (lower.startIndex..<lower.utf8.index(lower.startIndex, offsetBy: opening.utf8.count), opening)
        } else {
            for cue in cues {
                guard let range = lower.rangeOfASCII(cue) else { continue }
                let startsWord = range.lowerBound == lower.startIndex || lower[lower.index(before: range.lowerBound)] == " "
                if startsWord, best.map({ range.lowerBound < $0.0.lowerBound }) ?? true { best = (range, cue) }
            }
        }
        guard let (range, _) = best else { return nil }
        // Lower-casing may change the length of a rare character: the offset is clamped to the text.
        guard let start = text.index(text.startIndex, offsetBy: offset + lower.distance(from: lower.startIndex, to: range.upperBound),
                                     limitedBy: text.endIndex) else { return nil }
        var tail = text[start...]
        // "work for German company bookwire": the organisation follows the word "company".
        for noun in [" company ", " firm ", " startup ", " publisher "] {
            if let range = tail.rangeOfASCII(noun), tail[..<range.lowerBound].splitOnSpaces().count <= 2 { tail = tail[range.upperBound...] }
        }
        let words = tail.splitOnSpaces()
        var name: [String] = []
        var consumed = 0
        for word in words {
            let bare = trimmedEdges(word)
            let ends = word.last.map { ".,;:()!?".contains($0) } ?? false
            if bare.isEmpty { break }
            if name.isEmpty {
                // A lower-case first word must be a name the dictionary does not know that ends the clause
                // ("from benetech.", "with scribd (sorry …)"), not a term in a phrase ("from linter perspective").
                let nextIsWord = words.dropFirst(consumed + 1).first.map { $0.first?.isLowercase == true } ?? false
                guard TextRules.startsUppercase(bare) || bare.first?.isNumber == true
                        || (!Lexicon.shared.contains(bare) && !Lexicon.functionWords.contains(bare.lowercased()) && bare.count >= 4
                            && (ends || !nextIsWord)) else { break }
            } else if !(TextRules.startsUppercase(bare) || ((bare == "of" || bare == "for") && !ends)) {
                break
            }
            name.append(bare)
            consumed += 1
            if ends || name.count >= 5 { break }
        }
        while let last = name.last, last == "of" || last == "for" { name.removeLast() }
        // "ULD Germany": a country after the name is where, not who.
        if name.count >= 2, let last = name.last, Vocabulary.isCountry(last) { name.removeLast() }
        guard !name.isEmpty else { return nil }
        // "Rakuten/Kobo": one organisation written with a slash.
        var organisation = name.joined(separator: " ")
        if organisation.holdsByte(UInt8(ascii: "/")) { organisation = organisation.replacingOccurrences(of: "/", with: " ") }
        if let first = organisation.first, first.isLowercase { organisation = first.uppercased() + organisation.dropFirst() }
        guard !isGeneric(organisation) else { return nil }
        // dropFirst stops at the end of the text.
        let after = tail.dropFirst(words.prefix(consumed).reduce(0) { $0 + $1.count + 1 })
        return (organisation, after)
    }

    /// Words that follow a cue without naming an organisation ("with the group", "at the moment", "from home").
    static func isGeneric(_ phrase: String) -> Bool {
        let lower = phrase.lowercased()
        if Vocabulary.isCountry(lower) || Vocabulary.genericHeads.contains(lower) { return true }
        return ["i", "we", "me", "us", "you", "him", "her", "them", "it", "this", "that", "home", "least", "first", "last",
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].contains(lower)
    }

    /// The participants' names, worked out once for all the phrases of a document, to tell whether a phrase is one
    /// of the participants (an introduction that names a colleague, not an employer). Nicks that begin with the
    /// phrase ("Wendy" for "wendyreid") and first names one letter off ("Jassica") count too.
    struct PersonKeys {
        /// Each participant's folded name, folded first word (and its length in characters) and compact letters.
        var keys: [(full: String, first: String, firstLength: Int, letters: String)]

        init(_ participants: [Participant]) {
            keys = participants.map { person in
                let first = TextRules.fold(String(person.name.splitOnSpaces().first ?? ""))
                return (TextRules.fold(person.name), first, first.count, TextRules.compactLetters(person.name))
            }
        }

        /// Whether `phrase` is one of the participants.
        func contains(_ phrase: String) -> Bool {
            let key = TextRules.fold(phrase)
            let compact = TextRules.compactLetters(phrase)
            // What does not depend on the participant, worked out once.
            let longCompact = compact.count >= 4
            let keyLength = key.count
            let oneLongWord = !key.contains(" ") && keyLength >= 5
            return keys.contains { person in
                if person.full == key || person.first == key { return true }
                if longCompact, person.letters.hasPrefix(compact) { return true }
                // Names whose lengths differ by more than one are more than one edit apart (`editDistance` says so first).
                return oneLongWord && abs(person.firstLength - keyLength) <= 1
                    && TextRules.editDistance(person.first, key, limit: 1) <= 1
            }
        }
    }
}
