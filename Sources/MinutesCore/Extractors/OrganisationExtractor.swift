import Foundation

/// Builds one entry per organisation from participants' affiliations and mentions in the text.
///
/// - "Name (ACR)" and "ACR (Name)" anywhere attach the acronym to the one entry they abbreviate.
/// - A capitalised phrase whose head word marks an organisation ("… Forum", "University of …") is one.
/// - A phrase made of the words of a known organisation in another order is its alias
///   ("Bornholm Bright Green Island" for "Bright Green Island – Business Center Bornholm").
/// - A bare acronym in an affiliation that the document never expands is its own entry,
///   unless it is the initials of an organisation the document names.
/// - Places, regions and generic words are never organisations.
public enum OrganisationExtractor {
    /// The organisations of a document, given its participants' `affiliations` and its running `texts`
    /// (read four times: a lazy view of the blocks' texts does without an array of them).
    public static func extract(affiliations: [String], texts: some Collection<String>, participants: [Participant] = []) -> [Organisation] {
        var registry = OrganisationRegistry()
        var bareAcronyms: [String] = []
        for name in affiliations {
            if isAcronymAffiliation(name) { bareAcronyms.append(name) } else { registry.add(name) }
        }
        // (The size of the texts joined comes with the first pass, so that the context need not measure it.)
        var joinedSize = -1
        for text in texts {
            joinedSize += text.utf8.count + 1
            addExpandedAcronyms(in: text, to: &registry)
        }
        let context = MentionContext(texts: texts, joinedSize: max(0, joinedSize))
        // Documents of the corpus have about one distinct capitalised run for every two texts.
        var memo = MentionMemo(context: context, expectedRuns: texts.count / 2)
        // The mentions' pass over each text's words also tells whether it holds an agent cue's last word.
        let cueEndings = texts.map { text in addMentions(in: text, memo: &memo, to: &registry) }
        let people = OrganisationPeopleNames(participants)
        for (text, cueEnding) in zip(texts, cueEndings) {
            addAgentMentions(in: text, excluding: people, to: &registry, holdsCueEnding: cueEnding.holdsCueEnding,
                             holdsFrom: cueEnding.holdsFrom, mayHoldAgentCue: cueEnding.mayHoldAgentCue)
        }
        for acronym in bareAcronyms where !registry.attachAcronym(acronym) {
            registry.add(acronym)
        }
        registry.attachInitialisms(usedIn: context)
        return registry.organisations
    }

    /// `TextRules.isAcronym(name)`, on the bytes of a plain ASCII name (where a letter is A–Z or a–z, an upper-case one
    /// A–Z, a number 0–9, and one byte one character): 2 to 8 bytes, each a capital, a digit, "&" or "-", at least two
    /// of them letters, the first a letter.
    static func isAcronymAffiliation(_ name: String) -> Bool {
        let answer = name.withPlainASCIIBytes { bytes -> Bool in
            guard (2...8).contains(bytes.count), let first = bytes.first, first.isASCIIUppercase else { return false }
            var letters = 0
            for byte in bytes {
                if byte.isASCIIUppercase {
                    letters += 1
                } else if !(byte.isASCIIDigit || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "-")) {
                    return false
                }
            }
            return letters >= 2
        }
        return answer ?? TextRules.isAcronym(name)
    }

    /// "Global Cleantech Cluster Association (GCCA)" and "GCCA (Global Cleantech Cluster Association)".
    /// `onBytes` is there for tests, which compare the shortcuts on bytes with the rules on characters.
    static func addExpandedAcronyms(in text: String, to registry: inout OrganisationRegistry, onBytes: Bool = true) {
        guard holdsParenthesis(text) else { return }
        if !(onBytes && addNamesBeforeAcronymsOnBytes(in: text, to: &registry)) {
            for (acronym, before) in AcronymPatterns.parenthesised(in: text, onBytes: onBytes) {
                guard acronym.filter(\.isUppercase).count >= 2 else { continue }
                let words = capitalisedTail(of: before)
                // The shortest run of trailing words whose initials spell the acronym.
                for start in stride(from: words.count - 1, through: 0, by: -1) {
                    let phrase = words[start...].joined(separator: " ")
                    if TextRules.abbreviates(acronym, phrase) {
                        addNameBeforeAcronym(phrase, acronym: acronym, to: &registry)
                        break
                    }
                }
            }
        }
        for (acronym, phrase) in AcronymPatterns.beforeNames(in: text, onBytes: onBytes) {
            // "HDFS (Hadoop Distributed File System)" glosses a technology far more often than it names
            // an organisation: this order needs an organisation word.
            if abbreviates(acronym, phrase, onBytes: onBytes), isOrganisationName(phrase, requireCue: true),
               OrganisationRules.isPlausibleName(phrase) {
                registry.add(phrase, acronym: acronym)
            }
        }
    }

    /// `text.containsASCIICharacter("(")`, told at once when the first "(" byte stands between ASCII bytes (no CR before
    /// it), as most do.
    private static func holdsParenthesis(_ text: String) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let open = UTF8Search.offset(of: UInt8(ascii: "("), in: bytes) else { return false }
            let before = open > 0 ? bytes[open - 1] : 0, after = open + 1 < bytes.count ? bytes[open + 1] : 0
            return before < 0x80 && before != 0x0D && after < 0x80 ? true : nil
        }
        return answer.flatMap { $0 } ?? text.containsASCIICharacter(UInt8(ascii: "("))
    }

    /// Adds `phrase`, which the `acronym` after it abbreviates, when it names an organisation.
    static func addNameBeforeAcronym(_ phrase: String, acronym: String, to registry: inout OrganisationRegistry) {
        // Without an organisation word, a phrase of common words glosses a term ("Securing Artificial
        // Intelligence (SAI)"); a name has a proper noun in it ("Palo Alto Research Center (PARC)").
        let named = isOrganisationName(phrase, requireCue: true) || phrase.split(separator: " ").contains {
            !TextRules.isConnector(String($0)) && !Lexicon.shared.contains(String($0))
        }
        if named, isOrganisationName(phrase, requireCue: false), OrganisationRules.isPlausibleName(phrase) {
            registry.add(phrase, acronym: acronym)
        }
    }

    /// The capitalised words (and connectors between them) that end `text`: its words between spaces, read
    /// from the end, so that the cost is that of the tail, not of the whole text before an acronym. A word
    /// longer than `longestTailWord` characters ends the tail (no name is made of such words).
    static func capitalisedTail<Text: StringProtocol>(of text: Text) -> [String] where Text.SubSequence == Substring {
        var words: [String] = []
        var rest = text[...]
        while words.count <= 12 {
            while rest.last == " " { rest.removeLast() }
            guard !rest.isEmpty else { break }
            var start = rest.endIndex, length = 0
            while start > rest.startIndex, length <= longestTailWord {
                let previous = rest.index(before: start)
                if rest[previous] == " " { break }
                start = previous
                length += 1
            }
            guard length <= longestTailWord else { break }
            let w = String(rest[start...])
            guard w.first?.isUppercase == true || (TextRules.isConnector(w) && !words.isEmpty) else { break }
            words.append(w)
            rest = rest[..<start]
        }
        words.reverse()
        while let first = words.first, TextRules.isConnector(first) || first == "The" { words.removeFirst() }
        return words
    }

    /// Longest word, in characters, that `capitalisedTail(of:)` reads.
    static let longestTailWord = 64

    /// Capitalised phrases that are, or abbreviate, or reorder an organisation.
    /// Returns what the pass over the text's words saw of the agent cues' last words (`addAgentMentions`).
    /// `screensRuns` is there for tests, which compare the runs screened on their bytes (`mayChange(trying:nameWords:)`) with
    /// all runs tried.
    @discardableResult
    static func addMentions(in text: String, memo: inout MentionMemo, to registry: inout OrganisationRegistry,
                            screensRuns: Bool = true) -> CueEndingScan {
        var trimmedText: Substring?   // worked out for the first run that needs it
        /// Tries one capitalised run of the text, the run at `index` of the memo.
        func tryRun(at index: Int) {
            // A run that changed nothing changes nothing again while the registry stays as it was.
            let revision = registry.revision
            if memo.runIdleAt(index) == revision { return }
            defer { if registry.revision == revision { memo.markRunIdle(index, at: revision) } }
            let facts = memo.run(at: index)
            if registry.find(key: facts.key) != nil { return }
            let run = facts.text
            // A line that is only "The … Foundation" names the organisation with its article: the line is read only
            // when the whole run is added.
            let named = { () -> String in
                let line = trimmedText ?? text.trimming(.blanks)
                trimmedText = line
                return line.hasPrefix("The ") && line.dropFirst(4) == run ? String(line) : run
            }
            // "Eric Enderton - NVIDIA Corporation": a spaced hyphen separates a person from an organisation, so its
            // pieces are tried alone. Otherwise the whole run first; its pieces only when the whole names nothing.
            if facts.separatesPerson {
                for piece in facts.pieces { _ = consider(memo.facts(ofCandidate: piece), memo: &memo, in: &registry) }
                return
            }
            if consider(facts.whole, as: named, absentKey: facts.key, memo: &memo, in: &registry) { return }
            for piece in facts.pieces { _ = consider(memo.facts(ofCandidate: piece), memo: &memo, in: &registry) }
        }
        // A lone capitalised word is a name, a place or the start of a sentence: only longer runs count.
        return forEachMentionSpan(in: text) { span in
            switch span {
            case .plainStretch(let stretch):
                // Screened before its run is worked out: the run's words are the stretch's, trimmed of punctuation,
                // and of connectors and determiners at its ends (`mayChange(trying:nameWords:)` holds for both).
                guard !screensRuns || OrganisationRegistry.mayChange(trying: stretch, nameWords: registry.nameWordFilter) else { return }
                switch asciiRun(in: stretch, from: 0, to: stretch.count) {
                case .inPlace(let run)?: tryRun(at: memo.runIndex(ofBytes: UnsafeBufferPointer(rebasing: stretch[run]), isASCIIRun: true))
                case .joined(let run)?: tryRun(at: memo.runIndex(of: run, isASCIIRun: true))
                case nil: break
                }
            case .stretch(let stretch):
                // A stretch that changed nothing changes nothing again while the registry stays as it was.
                let index = memo.stretchIndex(of: stretch)
                let stretchRevision = registry.revision
                if memo.stretchIdleAt(index) == stretchRevision { return }
                for var run in memo.runs(inStretchAt: index)
                where !screensRuns || run.withUTF8({ OrganisationRegistry.mayChange(trying: $0, nameWords: registry.nameWordFilter) }) {
                    tryRun(at: memo.runIndex(of: run, isASCIIRun: false))
                }
                if registry.revision == stretchRevision { memo.markStretchIdle(index, at: stretchRevision) }
            }
        }
    }

    /// The codes (`shortWordCode`) of the ASCII connectors: an ASCII word is a connector when its code is one.
    static let asciiConnectorCodes: [UInt32] = TextRules.connectors.filter(\.isPlainASCII).map { shortWordCode($0.utf8) }

    /// A word of at most three bytes, ASCII letters lower-cased, as one number: its bytes, then its length.
    @inline(__always)
    static func shortWordCode<C: Collection>(_ word: C) -> UInt32 where C.Element == UInt8 {
        let bytes = word.reduce(UInt32(0)) { code, byte in
            code << 8 | UInt32(byte.asciiLowercased)
        }
        return bytes << 2 | UInt32(word.count)
    }

    /// Phrases after which a single proper name is an organisation acting or employing:
    /// "developed by EDRLab", "standardized by IEEE", "people at Google", "companies like Ebsco".
    static let agentCues = [
        "developed by ", "created by ", "maintained by ", "published by ", "standardized by ", "standardised by ",
        "run by ", "funded by ", "sponsored by ", "hosted by ", "acquired by ", "owned by ", "operated by ",
        "people at ", "folks at ", "colleagues at ", "engineers at ", "works at ", "working at ",
        "companies like ", "companies such as ", "organizations like ", "organisations like ", "vendors like ",
        "publishers like ", "referred to by ", "joined by ",
    ]

    /// Punctuation around a word of running text ("IDPF,", "(Hachette)", "Adobe’").
    static let wordEdges = CharacterSet(charactersIn: ".,;:()!?\"'’")

    /// Every agent cue ends with one of these: a line without any is not read for agents.
    static let agentCueEndings = ASCIINeedleSet([" by ", " at ", " like ", " as "])

    /// The bytes of `agentCues`.
    static let agentCueBytes = agentCues.map { Array($0.utf8) }

    /// The agent cues (indices into `agentCues`) grouped by their last word with the space before it (" by ").
    static let agentCueEndingGroups: [(ending: [UInt8], cues: [Int])] = {
        var groups: [(ending: [UInt8], cues: [Int])] = []
        for (index, cue) in agentCueBytes.enumerated() {
            let lastSpace = cue.dropLast().lastIndex(of: UInt8(ascii: " ")) ?? 0
            let ending = Array(cue[lastSpace...])
            if let group = groups.firstIndex(where: { $0.ending == ending }) { groups[group].cues.append(index) } else { groups.append((ending, [index])) }
        }
        return groups
    }()

    /// The bytes of U+212A KELVIN SIGN and U+0130 "İ", the only characters that lower-case into ASCII letters.
    private static let kelvinSign = Array("\u{212A}".utf8), dottedCapitalI = Array("\u{130}".utf8)

    /// Whether `bytes` hold KELVIN SIGN or "İ" (each looked for by its last byte, rarer than its first).
    private static func holdsASCIILowercasing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        [kelvinSign, dottedCapitalI].contains { character in
            character.withUnsafeBufferPointer { UTF8Search.offset(of: $0, anchor: $0.count - 1, in: bytes) != nil }
        }
    }

    /// A lone proper name right after an agent cue; names of participants, places and common words are skipped.
    /// `holdsCueEnding` is whether the text holds one of `agentCueEndings`, and `holdsFrom` whether it holds " from ",
    /// when the caller knows.
    static func addAgentMentions(in text: String, excluding people: OrganisationPeopleNames, to registry: inout OrganisationRegistry,
                                 holdsCueEnding: Bool? = nil, holdsFrom: Bool? = nil, mayHoldAgentCue: Bool? = nil) {
        guard holdsCueEnding ?? agentCueEndings.containsAny(in: text) else { return }
        // (A text the mentions' pass saw no cue's last two words in holds no cue: it is not searched for cues.)
        for offset in mayHoldAgentCue == false ? [] : agentCueEnds(in: text) {
            let tail = text.dropFirst(offset)
            var names: [String] = []
            // "created by IDPF and Readium", "companies like Ebsco, VitalSource": a short list of names.
            for piece in tail.prefix(80).split(whereSeparator: { $0 == "," }).prefix(4) {
                let words = piece.split(separator: " ").prefix(3)
                guard let first = words.first else { break }
                let word = String(first).trimmingCharacters(in: wordEdges)
                let isAnd = word.lowercased() == "and" || word.lowercased() == "or"
                let candidate = isAnd ? words.dropFirst().first.map { String($0).trimmingCharacters(in: wordEdges) } ?? "" : word
                guard isLoneProperName(candidate, excluding: people) else { break }
                names.append(candidate)
                // "IDPF and Readium": the second name of a pair.
                if !isAnd, words.count >= 3, words[words.index(after: words.startIndex)].lowercased() == "and" {
                    let second = String(words[words.index(words.startIndex, offsetBy: 2)]).trimmingCharacters(in: wordEdges)
                    if isLoneProperName(second, excluding: people) { names.append(second) }
                    break
                }
                if words.count > 1, !isAnd { break }
            }
            for name in names where registry.find(name) == nil { registry.add(name) }
        }
        addPersonFromMentions(in: text, excluding: people, to: &registry, holdsFrom: holdsFrom)
    }

    /// Where each agent cue that starts a word ends in `text`, in characters: cue by cue (in `agentCues` order),
    /// left to right, matched in lower case.
    /// `onBytes` is there for tests, which compare the shortcuts on bytes with `lowercased()`.
    static func agentCueEnds(in text: String, onBytes: Bool = true) -> [Int] {
        if onBytes, let ends = asciiAgentCueEnds(in: text) { return ends }
        // Only KELVIN SIGN and "İ" lower-case into ASCII: without them, and without a cue on the bytes with ASCII
        // letters lower-cased (found in place), `lowercased()` finds no cue.
        if onBytes, text.utf8.withContiguousStorageIfAvailable({ bytes in
            agentCueEnds(inBytes: bytes).isEmpty && !holdsASCIILowercasing(bytes)
        }) == true {
            return []
        }
        // The cues found on the bytes with ASCII letters lower-cased, as byte offsets.
        let folded = text.utf8.withContiguousStorageIfAvailable { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                for i in 0..<bytes.count { buffer[i] = bytes[i].asciiLowercased }
                count = bytes.count
            }
        } ?? text.utf8.map(\.asciiLowercased)
        // Each cue ends with " by ", " at ", …: the cues are looked for where those stand.
        var starts = [[Int]](repeating: [], count: agentCueBytes.count)
        for (ending, cues) in agentCueEndingGroups {
            for position in folded.organisationOffsets(of: ending, overlapping: true) {
                for cue in cues {
                    let pattern = agentCueBytes[cue], start = position + ending.count - pattern.count
                    if start >= 0, folded[start..<(start + pattern.count)].elementsEqual(pattern) { starts[cue].append(start) }
                }
            }
        }
        var ends: [Int] = []
        for (cue, pattern) in agentCueBytes.enumerated() {
            // Left to right, each match taking its bytes from the next, as a search from the last match's end finds them.
            var searchStart = 0
            for start in starts[cue] where start >= searchStart {
                searchStart = start + pattern.count
                if start == 0 || folded[start - 1] == UInt8(ascii: " ") { ends.append(searchStart) }
            }
        }
        // Every character one byte: lower-casing keeps each in place.
        if onBytes, text.isPlainASCII { return ends }
        // Only KELVIN SIGN and "İ" lower-case into ASCII: without them, `lowercased()` finds no cue the bytes lack.
        if onBytes, ends.isEmpty, folded.organisationOffsets(of: kelvinSign, limit: 1).isEmpty,
           folded.organisationOffsets(of: dottedCapitalI, limit: 1).isEmpty {
            return []
        }
        ends = []
        let lower = text.lowercased()
        for cue in agentCues {
            var searchStart = lower.startIndex
            while let range = lower[searchStart...].rangeOfASCII(cue) {
                searchStart = range.upperBound
                guard range.lowerBound == lower.startIndex || lower[lower.index(before: range.lowerBound)] == " " else { continue }
                ends.append(lower.distance(from: lower.startIndex, to: range.upperBound))
            }
        }
        return ends
    }

    /// "Vincent Gros and Julietta Murata from Hachette": a person's full name, then "from" and a proper name.
    /// The two words before "from" must look like a name, not a phrase of common words ("Credit Cards from …").
    /// The words (as `splitOnSpaces()` cuts them) around each "from" are found in place, with no split of the whole
    /// text; `onBytes` is there for tests, which compare both ways.
    /// `holdsFrom` is whether the text holds " from ", when the caller knows.
    static func addPersonFromMentions(in text: String, excluding people: OrganisationPeopleNames, to registry: inout OrganisationRegistry,
                                      onBytes: Bool = true, holdsFrom: Bool? = nil) {
        guard holdsFrom ?? text.containsASCII(" from ") else { return }
        if onBytes, forEachFromWord(in: text, { words in addPersonFrom(words, excluding: people, to: &registry) }) {
            return
        }
        let words = text.splitOnSpaces()
        for index in words.indices.dropFirst(2).dropLast() where words[index] == "from" {
            addPersonFrom(words[(index - 2)...].prefix(7), excluding: people, to: &registry)
        }
    }

    /// The rule of `addPersonFromMentions` for one "from": `words` are the two words before it, "from" and up to four
    /// words after it (at least one).
    private static func addPersonFrom(_ words: ArraySlice<Substring>, excluding people: OrganisationPeopleNames, to registry: inout OrganisationRegistry) {
        let index = words.startIndex + 2
        let given = String(words[index - 2]), family = String(words[index - 1])
        guard given.count >= 2, family.count >= 2, TextRules.startsUppercase(given), TextRules.startsUppercase(family),
              given.allSatisfy(\.isLetter), family.allSatisfy(\.isLetter),
              !(Lexicon.shared.contains(given) && Lexicon.shared.contains(family)) else { return }
        let first = words[index + 1].trimmingCharacters(in: wordEdges)
        guard isLoneProperName(first, excluding: people) else { return }
        // "from Anonyome Labs": the capitalised words that follow make the name.
        var name = [first]
        for word in words[(index + 2)...].prefix(3) {
            let bare = word.trimmingCharacters(in: wordEdges)
            guard !word.hasPrefix("("), TextRules.startsUppercase(bare), bare.allSatisfy(\.isLetter),
                  !people.contains(TextRules.fold(bare)) else { break }
            name.append(bare)
            if bare != word { break }
        }
        let candidate = name.joined(separator: " ")
        if registry.find(candidate) == nil { registry.add(candidate) }
    }

    /// Calls `body`, left to right, with the words around each word "from" of `text` that has two words before it and
    /// one after: those two, "from" and up to four words after it, cut at spaces as `splitOnSpaces()` cuts them. A text
    /// whose space bytes all border ASCII bytes (`UTF8Search.standaloneSpaceCount`) is walked on its bytes, any other
    /// on its characters around each "from" only. False, having done nothing, without contiguous bytes.
    private static func forEachFromWord(in text: String, _ body: (ArraySlice<Substring>) -> Void) -> Bool {
        let pattern: [UInt8] = Array("from".utf8), anchor = UTF8Search.rarestByteIndex(of: pattern)
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let onBytes = UTF8Search.standaloneSpaceCount(bytes) != nil
            let utf8 = text.utf8
            let index = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
            pattern.withUnsafeBufferPointer { needle in
                var from = 0
                while let start = UTF8Search.offset(of: needle, anchor: anchor, in: bytes, from: from) {
                    let end = start + needle.count
                    from = end
                    guard start > 0, bytes[start - 1] == UInt8(ascii: " "), end < bytes.count, bytes[end] == UInt8(ascii: " ")
                    else { continue }
                    if onBytes {
                        guard let words = wordsAroundFrom(in: bytes, space: UInt8(ascii: " "), from: start..<end) else { continue }
                        body(words.map { text[index($0.lowerBound)..<index($0.upperBound)] }[...])
                        continue
                    }
                    // "from" is a word of its own when a space character ends where it starts and another starts
                    // where it ends (its ASCII letters are one character each).
                    guard let first = String.Index(index(start), within: text), first > text.startIndex,
                          text[text.index(before: first)] == " ", let last = String.Index(index(end), within: text),
                          text[last] == " ", let words = wordsAroundFrom(in: text, space: " ", from: first..<last)
                    else { continue }
                    body(words.map { text[$0] }[...])
                }
            }
            return true
        }
        return done == true
    }

    /// The ranges of the two words before the word at `from` in `text`, that word and up to four words after it (at
    /// least one), words being cut at each `space` element as `split(separator:)` cuts them; nil without them.
    private static func wordsAroundFrom<Text: BidirectionalCollection>(in text: Text, space: Text.Element,
                                                                       from: Range<Text.Index>) -> [Range<Text.Index>]?
    where Text.Element: Equatable {
        /// The word that ends at `end` (after any spaces before `end`), nil at the start.
        func word(endingBefore end: Text.Index) -> Range<Text.Index>? {
            var to = end
            while to > text.startIndex, text[text.index(before: to)] == space { to = text.index(before: to) }
            guard to > text.startIndex else { return nil }
            var start = text.index(before: to)
            while start > text.startIndex, text[text.index(before: start)] != space { start = text.index(before: start) }
            return start..<to
        }
        /// The word that starts at or after `start` (after any spaces), nil at the end.
        func word(startingFrom start: Text.Index) -> Range<Text.Index>? {
            var first = start
            while first < text.endIndex, text[first] == space { first = text.index(after: first) }
            guard first < text.endIndex else { return nil }
            var to = text.index(after: first)
            while to < text.endIndex, text[to] != space { to = text.index(after: to) }
            return first..<to
        }
        guard let family = word(endingBefore: from.lowerBound), let given = word(endingBefore: family.lowerBound),
              var next = word(startingFrom: from.upperBound) else { return nil }
        var words = [given, family, from, next]
        while words.count < 7, let after = word(startingFrom: next.upperBound) {
            words.append(after)
            next = after
        }
        return words
    }

    /// A capitalised or upper-case word that is not a common word, a person of the meeting, a country or a month.
    static func isLoneProperName(_ word: String, excluding people: OrganisationPeopleNames) -> Bool {
        guard word.count >= 3, word.count <= 30, TextRules.startsUppercase(word),
              word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "&" }) else { return false }
        let key = TextRules.fold(word)
        if people.contains(key) || Lexicon.shared.contains(word) || Vocabulary.isCountry(word) { return false }
        if Vocabulary.genericHeads.contains(key) || IntroductionRules.isGeneric(word) { return false }
        return true
    }

    /// Records a candidate phrase as a mention, an alias or a new organisation (as the `name` it gives when given,
    /// and the same phrase once trimmed); false when it is none. `absentKey` is a key the caller found no entry for.
    private static func consider(_ candidate: MentionMemo.Candidate, as name: (() -> String)? = nil, absentKey: String? = nil,
                                 memo: inout MentionMemo, in registry: inout OrganisationRegistry) -> Bool {
        guard candidate.isPhrase else { return false }
        let trimmed = candidate.trimmed
        if (candidate.key != absentKey && registry.find(key: candidate.key) != nil)
            || registry.addAliasIfReordered(trimmed, key: candidate.key) { return true }
        guard memo.namesNewOrganisation(trimmed) else { return false }
        registry.add(name.map { name in let named = name(); return TextRules.trimConnectors(named) == trimmed ? named : trimmed } ?? trimmed)
        return true
    }

    /// Whether a phrase names an organisation: its head word (before "of"/"for", else the last)
    /// is an organisation word, and not a place, a generic word or a job title.
    static func isOrganisationName(_ phrase: String, requireCue: Bool) -> Bool {
        if requireCue, !hasOrganisationCue(phrase) { return false }
        let head = headWord(of: phrase)
        if Vocabulary.placeHeads.contains(head) || Vocabulary.genericHeads.contains(head) { return false }
        // "Council Chamber" is a room; "Chamber of Commerce" a body.
        if head == "chamber", !phrase.containsASCII(" of ") { return false }
        return !ParticipantExtractor.isJobTitle(phrase)
    }

    /// Whether the head word of `phrase` is an organisation word (`Vocabulary.organisationCues`): the cue that
    /// `isOrganisationName(_:requireCue: true)` asks for first, as most phrases have none. The head word of a plain
    /// ASCII phrase is looked up only when its first letter and length are those of some organisation word.
    static func hasOrganisationCue(_ phrase: String) -> Bool {
        if phrase.isPlainASCII, let cue = asciiHeadWord(of: phrase, { bytes, word -> Bool in
            guard let first = bytes[word].first?.asciiLowercased, word.count < 64, first < 0x80, organisationCueShapes[Int(first)] >> word.count & 1 != 0 else { return false }
            return Vocabulary.organisationCues.contains(UTF8Search.lowercasedASCII(bytes[word]))
        }) {
            return cue
        }
        return Vocabulary.organisationCues.contains(headWord(of: phrase))
    }

    /// The lengths of the ASCII organisation words (`Vocabulary.organisationCues`), one bit each, by their first byte.
    private static let organisationCueShapes: [UInt64] = Vocabulary.organisationCues.filter(\.isPlainASCII)
        .reduce(into: [UInt64](repeating: 0, count: 128)) { shapes, cue in
            guard let first = cue.utf8.first, cue.utf8.count < 64 else { return }
            shapes[Int(first.asciiLowercased)] |= 1 << cue.utf8.count
        }

    /// `body` applied to the bytes of the plain ASCII `phrase` and the range of its head word (`headWord(of:)`, before
    /// lower-casing; nil without contiguous bytes).
    private static func asciiHeadWord<T>(of phrase: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> T) -> T? {
        phrase.utf8.withContiguousStorageIfAvailable { bytes -> T in
            var before: Range<Int>?   // the word before the current one
            var start = 0
            while start < bytes.count {
                guard bytes[start] != UInt8(ascii: " ") else { start += 1; continue }
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
                let code = end - start <= 3 ? shortWordCode(bytes[start..<end]) : 0
                if code == ofCode || code == forCode {
                    // The first "of" or "for" follows the head, unless it opens the phrase.
                    if let before { return body(bytes, before) }
                    break
                }
                before = start..<end
                start = end
            }
            // Otherwise the last word.
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            var begin = end
            while begin > 0, bytes[begin - 1] != UInt8(ascii: " ") { begin -= 1 }
            return body(bytes, begin..<end)
        }
    }

    /// The codes (`shortWordCode`) of "of" and "for".
    private static let ofCode = shortWordCode("of".utf8), forCode = shortWordCode("for".utf8)

    /// The head word of a name: the word before the first "of"/"for", otherwise the last word.
    static func headWord(of phrase: String) -> String {
        if phrase.isPlainASCII, let head = asciiHeadWord(of: phrase, { UTF8Search.lowercasedASCII($0[$1]) }) { return head }
        let words = phrase.lowercased().splitOnSpaces()
        if let i = words.firstIndex(where: { $0 == "of" || $0 == "for" }), i > 0 { return String(words[i - 1]) }
        return words.last.map(String.init) ?? ""
    }
}

/// Organisations keyed by their folded names, acronyms and aliases (keys cached, so a lookup is one hash).
struct OrganisationRegistry {
    private(set) var organisations: [Organisation] = []
    /// Folded name, alias or acronym → index into `organisations`.
    private var lookup: [String: Int] = [:]
    /// The significant words of each organisation's name.
    private var nameWords: [Set<String>] = []
    /// Every word that `nameWords` holds or held, to refuse most phrases at once.
    private var everyNameWord: Set<String> = []
    /// The shapes of the words of `everyNameWord` (`NameWordShapes`): most words of a phrase are refused on their bytes,
    /// before a string is made to look them up.
    private var everyNameWordShape = NameWordShapes()
    /// The words of `everyNameWord` as a filter, for `mayChange(trying:nameWords:)`.
    private(set) var nameWordFilter = OrganisationWordFilter()
    /// How many changes the registry has seen (every change registers a name), for callers that remember
    /// what changed nothing.
    private(set) var revision = 0

    /// The index of the entry that `name` names (by name, alias or acronym).
    func find(_ name: String) -> Int? {
        find(key: Self.key(name))
    }

    /// The index of the entry whose name, alias or acronym has the key `key`.
    func find(key: String) -> Int? {
        lookup[key]
    }

    /// Adds an organisation or merges it into the entry it names.
    mutating func add(_ name: String, acronym: String? = nil) {
        let name = name.trimmed(.organisationNameEnds)
        // The name's key, worked out once for the lookups, its words and its registration.
        let nameKey = Self.key(name)
        if let acronym, let i = organisations.firstIndex(where: { $0.acronym == acronym }) {
            if Self.key(organisations[i].name) != nameKey, !organisations[i].aliases.contains(name) {
                organisations[i].aliases.append(name)
                register(key: nameKey, at: i)
            }
            return
        }
        if let i = find(key: nameKey) {
            if let acronym, organisations[i].acronym == nil {
                organisations[i].acronym = acronym
                register(acronym, at: i)
            }
            return
        }
        if let acronym, let i = find(acronym) {
            // The acronym stood alone before its expansion was seen.
            let bare = organisations[i].name
            organisations[i].name = name
            organisations[i].acronym = acronym
            organisations[i].aliases.removeAll { $0 == bare }
            nameWords[i] = Self.words(key: nameKey)
            addNameWords(nameWords[i])
            register(key: nameKey, at: i)
            return
        }
        organisations.append(Organisation(name: name, acronym: acronym))
        nameWords.append(Self.words(key: nameKey))
        addNameWords(nameWords[nameWords.count - 1])
        register(key: nameKey, at: organisations.count - 1)
        if let acronym { register(acronym, at: organisations.count - 1) }
    }

    /// Adds `words` to `everyNameWord` and their shapes to `everyNameWordShape`.
    private mutating func addNameWords(_ words: Set<String>) {
        everyNameWord.formUnion(words)
        for word in words {
            everyNameWordShape.insert(word.utf8)
            nameWordFilter.insert(word.utf8)
        }
    }

    /// Attaches a bare acronym to the organisation whose initials it spells; false when none does.
    mutating func attachAcronym(_ acronym: String) -> Bool {
        if find(acronym) != nil { return true }
        guard let i = organisations.firstIndex(where: { $0.acronym == nil && OrganisationExtractor.abbreviates(acronym, $0.name) }) else {
            return false
        }
        organisations[i].acronym = acronym
        register(acronym, at: i)
        return true
    }

    /// Gives an organisation without an acronym the initialism of its name when the document uses
    /// that initialism as a word at least twice ("ASF" for "The Apache Software Foundation").
    /// The document is searched once for all the initialisms (a registered name stays registered, and the counts
    /// do not depend on the registry).
    mutating func attachInitialisms(usedIn context: MentionContext) {
        let candidates = organisations.indices.compactMap { i -> (index: Int, initials: String)? in
            guard organisations[i].acronym == nil, let initials = OrganisationRules.initialism(of: organisations[i].name),
                  find(initials) == nil else { return nil }
            return (i, initials)
        }
        guard !candidates.isEmpty else { return }
        let counts = context.wordCounts(candidates.map(\.initials))
        for ((i, initials), count) in zip(candidates, counts) where count >= 2 && find(initials) == nil {
            organisations[i].acronym = initials
            register(initials, at: i)
        }
    }

    /// Records `phrase`, whose registry key is `key`, as an alias when its significant words are all words of
    /// one known organisation.
    mutating func addAliasIfReordered(_ phrase: String, key: String) -> Bool {
        // Most phrases hold a word that no organisation has: refused word by word before any set is built.
        guard key.isPlainASCII ? holdsOnlyNameWords(asciiKey: key) : true else { return false }
        let words = Self.words(key: key)
        guard words.count >= 2, words.isSubset(of: everyNameWord) else { return false }
        let matches = nameWords.indices.filter { words.isSubset(of: nameWords[$0]) }
        guard matches.count == 1, let i = matches.first else { return false }
        if !organisations[i].aliases.contains(phrase) {
            organisations[i].aliases.append(phrase)
            register(phrase, at: i)
        }
        return true
    }

    /// Whether every word of the plain ASCII key `asciiKey` but its connectors is in `everyNameWord`, as
    /// `Self.words(key: asciiKey).isSubset(of: everyNameWord)` tells, told word by word.
    private func holdsOnlyNameWords(asciiKey: String) -> Bool {
        var key = asciiKey
        return key.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                guard bytes[start] != UInt8(ascii: " ") else { start += 1; continue }
                var end = start + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let isConnector = word.count <= 3 && OrganisationExtractor.asciiConnectorSlots.contains(OrganisationExtractor.shortWordCode(word))
                if !isConnector, !everyNameWordShape.mayHold(word) || !everyNameWord.contains(String(decoding: word, as: UTF8.self)) {
                    return false
                }
                start = end
            }
            return true
        }
    }

    private mutating func register(_ name: String, at index: Int) {
        register(key: Self.key(name), at: index)
    }

    /// Registers the name whose key is `key` (`Self.key`) for the entry at `index`.
    private mutating func register(key: String, at index: Int) {
        revision += 1
        if lookup[key] == nil { lookup[key] = index }
    }

    /// The lookup key of a name: lower case, letters and digits only, single spaces, "&" as "and",
    /// no leading "the".
    /// `onBytes` is there for tests, which compare the key worked out on bytes with the one worked out on characters.
    static func key(_ name: String, onBytes: Bool = true) -> String {
        if onBytes, let key = asciiKey(name) { return key }
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        func append(_ ch: Character) {
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        for ch in name.lowercased() {
            if let ascii = ch.asciiValue {
                switch ascii {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): append(ch)
                case UInt8(ascii: "&"): pendingSpace = true; append("a"); out += "nd"; pendingSpace = true
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"): pendingSpace = true
                default: continue
                }
            } else if ch.isLetter || ch.isNumber {
                append(ch)
            } else if ch.isWhitespace {
                pendingSpace = true
            }
        }
        if out.hasPrefix("the ") { out.removeFirst(4) }
        return out
    }

    /// `key(_:)` worked out on the bytes of a name written in ASCII (no CR); nil for any other name.
    /// The key is written into a buffer that the bytes of the name size: each byte gives at most itself and a space
    /// before it, "&" gives " and".
    private static func asciiKey(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            var ampersands = 0
            for byte in bytes {
                guard byte < 0x80, byte != 0x0D else { return nil }
                if byte == UInt8(ascii: "&") { ampersands += 1 }
            }
            // Written on the stack: a key of up to 15 bytes then takes no allocation at all.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * bytes.count + 3 * ampersands) { out -> String in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    let lower: UInt8
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): lower = byte
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): lower = byte | 0x20
                    case UInt8(ascii: "&"):
                        if count > 0 { out[count] = 0x20; count += 1 }
                        out[count] = UInt8(ascii: "a")
                        out[count + 1] = UInt8(ascii: "n")
                        out[count + 2] = UInt8(ascii: "d")
                        count += 3
                        pendingSpace = true
                        continue
                    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"): pendingSpace = true; continue
                    default: continue
                    }
                    if pendingSpace, count > 0 { out[count] = 0x20; count += 1 }
                    pendingSpace = false
                    out[count] = lower
                    count += 1
                }
                // No leading "the ".
                let start = count >= 4 && out[0] == UInt8(ascii: "t") && out[1] == UInt8(ascii: "h") && out[2] == UInt8(ascii: "e")
                    && out[3] == 0x20 ? 4 : 0
                return String(decoding: UnsafeBufferPointer(rebasing: out[start..<count]), as: UTF8.self)
            }
        }
    }

    /// The significant words of a name: the words of its key but connectors.
    static func words(_ name: String) -> Set<String> {
        words(key: key(name))
    }

    /// The significant words of the name whose key is `key`.
    static func words(key: String) -> Set<String> {
        Set(key.splitOnSpaces().map(String.init).filter { !OrganisationExtractor.isASCIIConnector($0) })
    }
}
