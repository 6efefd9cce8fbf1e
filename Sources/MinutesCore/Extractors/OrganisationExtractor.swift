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
    /// The organisations of a document, given its participants' `affiliations` and its running `texts`.
    public static func extract(affiliations: [String], texts: [String], participants: [Participant] = []) -> [Organisation] {
        var registry = OrganisationRegistry()
        var bareAcronyms: [String] = []
        for name in affiliations {
            if TextRules.isAcronym(name) { bareAcronyms.append(name) } else { registry.add(name) }
        }
        let context = MentionContext(text: texts.joined(separator: "\n"))
        for text in texts { addExpandedAcronyms(in: text, to: &registry) }
        for text in texts { addMentions(in: text, context: context, to: &registry) }
        let people = Set(participants.flatMap { person in
            [TextRules.fold(person.name)] + person.name.split(separator: " ").map { TextRules.fold(String($0)) }
        })
        for text in texts { addAgentMentions(in: text, excluding: people, to: &registry) }
        for acronym in bareAcronyms where !registry.attachAcronym(acronym) {
            registry.add(acronym)
        }
        registry.attachInitialisms(usedIn: context)
        return registry.organisations
    }

    private static let parenthesisedAcronym = try! NSRegularExpression(pattern: #"\(([A-Z][A-Za-z0-9&]{1,9})\)"#)
    private static let acronymThenName = try! NSRegularExpression(pattern: #"\b([A-Z][A-Z0-9&]{1,9}) \(([^()]{4,120})\)"#)

    /// "Global Cleantech Cluster Association (GCCA)" and "GCCA (Global Cleantech Cluster Association)".
    static func addExpandedAcronyms(in text: String, to registry: inout OrganisationRegistry) {
        guard text.containsASCIICharacter(UInt8(ascii: "(")) else { return }
        let ns = text as NSString
        for match in parenthesisedAcronym.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let acronym = ns.substring(with: match.range(at: 1))
            guard acronym.filter(\.isUppercase).count >= 2 else { continue }
            let before = ns.substring(to: match.range.location)
            let words = capitalisedTail(of: before)
            // The shortest run of trailing words whose initials spell the acronym.
            for start in stride(from: words.count - 1, through: 0, by: -1) {
                let phrase = words[start...].joined(separator: " ")
                if TextRules.abbreviates(acronym, phrase) {
                    // Without an organisation word, a phrase of common words glosses a term ("Securing Artificial
                    // Intelligence (SAI)"); a name has a proper noun in it ("Palo Alto Research Center (PARC)").
                    let named = isOrganisationName(phrase, requireCue: true) || phrase.split(separator: " ").contains {
                        !TextRules.isConnector(String($0)) && !Lexicon.shared.contains(String($0))
                    }
                    if named, isOrganisationName(phrase, requireCue: false), OrganisationRules.isPlausibleName(phrase) {
                        registry.add(phrase, acronym: acronym)
                    }
                    break
                }
            }
        }
        for match in acronymThenName.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let acronym = ns.substring(with: match.range(at: 1)), phrase = ns.substring(with: match.range(at: 2))
            // "HDFS (Hadoop Distributed File System)" glosses a technology far more often than it names
            // an organisation: this order needs an organisation word.
            if TextRules.abbreviates(acronym, phrase), isOrganisationName(phrase, requireCue: true),
               OrganisationRules.isPlausibleName(phrase) {
                registry.add(phrase, acronym: acronym)
            }
        }
    }

    /// The capitalised words (and connectors between them) that end `text`.
    static func capitalisedTail(of text: String) -> [String] {
        var words: [String] = []
        for word in text.splitOnSpaces().reversed() {
            let w = String(word)
            if w.first?.isUppercase == true || (TextRules.isConnector(w) && !words.isEmpty) {
                words.insert(w, at: 0)
                if words.count > 12 { break }
            } else {
                break
            }
        }
        while let first = words.first, TextRules.isConnector(first) || first == "The" { words.removeFirst() }
        return words
    }

    /// Capitalised phrases that are, or abbreviate, or reorder an organisation.
    static func addMentions(in text: String, context: MentionContext, to registry: inout OrganisationRegistry) {
        var trimmedText: String?   // worked out for the first run that needs it
        // A lone capitalised word is a name, a place or the start of a sentence: only longer runs count.
        for run in TextRules.capitalisedRuns(in: text, multiWordOnly: true) {
            if registry.find(run) != nil { continue }
            // A line that is only "The … Foundation" names the organisation with its article.
            let line = trimmedText ?? text.trimmed()
            trimmedText = line
            let named = line.hasPrefix("The ") && line.dropFirst(4) == run ? line : run
            var pieces: [String] = []
            for separator in [" and ", " in ", " – ", " - "] where run.containsASCII(separator) {
                pieces = run.components(separatedBy: separator)
                break
            }
            // "Eric Enderton - NVIDIA Corporation": a spaced hyphen separates a person from an organisation,
            // so its pieces are tried alone. Otherwise the whole run first; its pieces only when the whole names nothing.
            if run.contains(" - ") {
                for piece in pieces { _ = consider(piece, context: context, in: &registry) }
                continue
            }
            if consider(run, as: named, context: context, in: &registry) { continue }
            for piece in pieces { _ = consider(piece, context: context, in: &registry) }
        }
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

    /// A lone proper name right after an agent cue; names of participants, places and common words are skipped.
    static func addAgentMentions(in text: String, excluding people: Set<String>, to registry: inout OrganisationRegistry) {
        guard text.containsASCII(" by ") || text.containsASCII(" at ") || text.containsASCII(" like ") || text.containsASCII(" as ") else { return }
        let lower = text.lowercased()
        for cue in agentCues {
            var searchStart = lower.startIndex
            while let range = lower[searchStart...].rangeOfASCII(cue) {
                searchStart = range.upperBound
                guard range.lowerBound == lower.startIndex || lower[lower.index(before: range.lowerBound)] == " " else { continue }
                let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
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
        }
        addPersonFromMentions(in: text, excluding: people, to: &registry)
    }

    /// "Vincent Gros and Julietta Murata from Hachette": a person's full name, then "from" and a proper name.
    /// The two words before "from" must look like a name, not a phrase of common words ("Credit Cards from …").
    static func addPersonFromMentions(in text: String, excluding people: Set<String>, to registry: inout OrganisationRegistry) {
        guard text.containsASCII(" from ") else { return }
        let words = text.split(separator: " ").map(String.init)
        for index in words.indices.dropFirst(2).dropLast() where words[index] == "from" {
            let given = words[index - 2], family = words[index - 1]
            guard given.count >= 2, family.count >= 2, TextRules.startsUppercase(given), TextRules.startsUppercase(family),
                  given.allSatisfy(\.isLetter), family.allSatisfy(\.isLetter),
                  !(Lexicon.shared.contains(given) && Lexicon.shared.contains(family)) else { continue }
            let first = words[index + 1].trimmingCharacters(in: wordEdges)
            guard isLoneProperName(first, excluding: people) else { continue }
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
    }

    /// A capitalised or upper-case word that is not a common word, a person of the meeting, a country or a month.
    static func isLoneProperName(_ word: String, excluding people: Set<String>) -> Bool {
        guard word.count >= 3, word.count <= 30, TextRules.startsUppercase(word),
              word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "&" }) else { return false }
        let key = TextRules.fold(word)
        if people.contains(key) || Lexicon.shared.contains(word) || Vocabulary.isCountry(word) { return false }
        if Vocabulary.genericHeads.contains(key) || IntroductionRules.isGeneric(word) { return false }
        return true
    }

    /// Records `candidate` as a mention, an alias or a new organisation; false when it is none.
    private static func consider(_ candidate: String, as name: String? = nil, context: MentionContext,
                                 in registry: inout OrganisationRegistry) -> Bool {
        let trimmed = TextRules.trimConnectors(candidate)
        guard trimmed.splitOnSpaces().count >= 2 else { return false }
        if registry.find(trimmed) != nil || registry.addAliasIfReordered(trimmed) { return true }
        guard isOrganisationName(trimmed, requireCue: true), OrganisationRules.isPlausibleName(trimmed),
              OrganisationRules.isMentionedAsName(trimmed, in: context) else { return false }
        registry.add(name.map { TextRules.trimConnectors($0) == trimmed ? $0 : trimmed } ?? trimmed)
        return true
    }

    /// Whether a phrase names an organisation: its head word (before "of"/"for", else the last)
    /// is an organisation word, and not a place, a generic word or a job title.
    static func isOrganisationName(_ phrase: String, requireCue: Bool) -> Bool {
        let head = headWord(of: phrase)
        if Vocabulary.placeHeads.contains(head) || Vocabulary.genericHeads.contains(head) { return false }
        // "Council Chamber" is a room; "Chamber of Commerce" a body.
        if head == "chamber", !phrase.contains(" of ") { return false }
        if ParticipantExtractor.isJobTitle(phrase) { return false }
        return !requireCue || Vocabulary.organisationCues.contains(head)
    }

    /// The head word of a name: the word before the first "of"/"for", otherwise the last word.
    static func headWord(of phrase: String) -> String {
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

    /// The index of the entry that `name` names (by name, alias or acronym).
    func find(_ name: String) -> Int? {
        lookup[Self.key(name)]
    }

    /// Adds an organisation or merges it into the entry it names.
    mutating func add(_ name: String, acronym: String? = nil) {
        let name = name.trimmed(.organisationNameEnds)
        if let acronym, let i = organisations.firstIndex(where: { $0.acronym == acronym }) {
            if Self.key(organisations[i].name) != Self.key(name), !organisations[i].aliases.contains(name) {
                organisations[i].aliases.append(name)
                register(name, at: i)
            }
            return
        }
        if let i = find(name) {
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
            nameWords[i] = Self.words(name)
            register(name, at: i)
            return
        }
        organisations.append(Organisation(name: name, acronym: acronym))
        nameWords.append(Self.words(name))
        register(name, at: organisations.count - 1)
        if let acronym { register(acronym, at: organisations.count - 1) }
    }

    /// Attaches a bare acronym to the organisation whose initials it spells; false when none does.
    mutating func attachAcronym(_ acronym: String) -> Bool {
        if find(acronym) != nil { return true }
        guard let i = organisations.firstIndex(where: { $0.acronym == nil && TextRules.abbreviates(acronym, $0.name) }) else {
            return false
        }
        organisations[i].acronym = acronym
        register(acronym, at: i)
        return true
    }

    /// Gives an organisation without an acronym the initialism of its name when the document uses
    /// that initialism as a word at least twice ("ASF" for "The Apache Software Foundation").
    mutating func attachInitialisms(usedIn context: MentionContext) {
        for i in organisations.indices where organisations[i].acronym == nil {
            guard let initials = OrganisationRules.initialism(of: organisations[i].name), find(initials) == nil,
                  context.wordCount(initials) >= 2 else { continue }
            organisations[i].acronym = initials
            register(initials, at: i)
        }
    }

    /// Records `phrase` as an alias when its words are all words of one known organisation.
    mutating func addAliasIfReordered(_ phrase: String) -> Bool {
        let words = Self.words(phrase)
        guard words.count >= 2 else { return false }
        let matches = nameWords.indices.filter { words.isSubset(of: nameWords[$0]) }
        guard matches.count == 1, let i = matches.first else { return false }
        if !organisations[i].aliases.contains(phrase) {
            organisations[i].aliases.append(phrase)
            register(phrase, at: i)
        }
        return true
    }

    private mutating func register(_ name: String, at index: Int) {
        let key = Self.key(name)
        if lookup[key] == nil { lookup[key] = index }
    }

    /// The lookup key of a name: lower case, letters and digits only, single spaces, "&" as "and",
    /// no leading "the".
    static func key(_ name: String) -> String {
        if let key = asciiKey(name) { return key }
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
    private static func asciiKey(_ name: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        func append(_ byte: UInt8) {
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        for byte in name.utf8 {
            guard byte < 0x80, byte != 0x0D else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(byte | 0x20)
            case UInt8(ascii: "&"):
                pendingSpace = true
                append(UInt8(ascii: "a"))
                out.append(contentsOf: "nd".utf8)
                pendingSpace = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"): pendingSpace = true
            default: continue
            }
        }
        if out.starts(with: "the ".utf8) { out.removeFirst(4) }
        return String(decoding: out, as: UTF8.self)
    }

    static func words(_ name: String) -> Set<String> {
        Set(key(name).splitOnSpaces().map(String.init).filter { !TextRules.isConnector($0) })
    }
}
