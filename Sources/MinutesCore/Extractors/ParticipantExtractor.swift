import Foundation

/// Finds the people in a meeting from its attendance lists.
///
/// Lists are recognised by their label ("Present:", "Attendees", "Regrets:", "Chair:", a `<dt>`,
/// a heading) or by an introducing sentence ("The following … participated …:"). Each entry is
/// read as "Name, Job Title, Organisation[, Place]", "Name - Role, Organisation", "Name (Org)",
/// "Name (@handle)" or a bare name; comma lists after a label are lists of names.
public enum ParticipantExtractor {
    /// People found, and the organisations their entries name (in order, parents included).
    public struct Result: Sendable {
        /// Participants, one per person, duplicates merged.
        public var participants: [Participant] = []
        /// Every organisation named in an affiliation, with the acronym-like parent units.
        public var affiliations: [String] = []
        /// Nicknames the text gives a participant ("Michael B. Johnson (Apple) aka "wave""): folded nick → full name.
        public var nicknames: [String: String] = [:]
    }

    /// The attendance context a list stands in.
    struct Context {
        var attendance: Attendance
        var role: MeetingRole?
        /// Whether the list came from a label line whose value is a comma list of names.
        var fromLabel: Bool
        /// The level of the heading that opened the list: deeper headings ("### Premier Members") group it.
        var headingLevel: Int? = nil
    }

    /// What a heading or term names for attendance, its notes aside: "Attendance (please mark an X if you are here)".
    static func headingMeaning(_ text: String) -> (Attendance, MeetingRole?)? {
        // Without brackets, no note comes out to join what stood around it: a text holding no cue of an attendance
        // label is refused before it is copied.
        if !text.holdsByte(UInt8(ascii: "(")), !text.holdsByte(UInt8(ascii: ")")),
           !Vocabulary.mayBeAttendanceLabel(text) {
            return nil
        }
        return Vocabulary.attendanceLabel(ParticipantFastPaths.withoutParentheticals(text).trimmed(.labelMarks))
    }

    /// Whether an HTML class marks the generator's diagnostics: "warning" or "diagnostics". Neither has a canonical
    /// equivalent of other bytes (no "K", ";" or "`"), so a class of another byte count is neither, told before the strings
    /// are compared.
    static func isDiagnosticsClass(_ name: String) -> Bool {
        switch name.utf8.count {
        case 7: name == "warning"
        case 11: name == "diagnostics"
        default: false
        }
    }

    /// Asterisks, colons, underscores and spaces around a bare section word ("**Agenda:**").
    private static let headMarks: Set<Character> = Set("*:_ ")

    /// What labels mean for attendance, worked out once per distinct label: transcripts repeat their
    /// speaker labels ("Tantek: …") on line after line.
    struct LabelReadings {
        /// What one label means: its attendance meaning and whether it announces a membership change.
        struct Reading {
            var meaning: (Attendance, MeetingRole?)?
            var isMembershipChange: Bool
        }
        private var readings: [String: Reading] = [:]

        /// `Vocabulary.attendanceLabel(label)`.
        mutating func attendance(_ label: String) -> (Attendance, MeetingRole?)? {
            reading(label).meaning
        }

        /// Both answers for `label`, kept for plain ASCII labels (which, as dictionary keys, equal only the same bytes:
        /// a canonically equivalent spelling may not count its bytes the same). Most labels hold no cue of either rule,
        /// which one pass over their bytes tells. A caller asking both questions of one label reads it once here.
        mutating func reading(_ label: String) -> Reading {
            let mentions = label.findingsScan(LabelReadings.cues).mentions
            if mentions == 0 { return Reading(meaning: nil, isMembershipChange: false) }
            let ascii = label.isPlainASCII
            if ascii, let known = readings[label] { return known }
            // `attendanceLabel` and `isMembershipChange` past their refusals on bytes, each where its cues were found.
            let new = Reading(meaning: mentions & Self.attendanceBits != 0 ? Vocabulary.attendanceLabelRule(label) : nil,
                              isMembershipChange: mentions & ~Self.attendanceBits != 0 && ParticipantExtractor.membershipChangeRule(label))
            if ascii { readings.updateValue(new, forKey: label) }
            return new
        }

        /// The cue words of both rules: `Vocabulary.attendanceCueWords`, then `membershipChangeWords`.
        static let cueWords = Vocabulary.attendanceCueWords + Array(ParticipantExtractor.membershipChangeWords)
        /// The cues of both rules in one set.
        private static let cues = FindingsNeedles(cueWords)
        /// The refusal on bytes of the texts whose label cannot hold any of the cues.
        static let labelCues = ParticipantLabelCues(cueWords)
        /// The bits of the attendance cues.
        private static let attendanceBits: UInt = (0..<Vocabulary.attendanceCueWords.count).reduce(0) { $0 | 1 << UInt($1) }
    }

    /// Extracts the participants of `document`.
    public static func extract(from document: BlockDocument) -> Result {
        var result = Result()
        var context: Context? { didSet { listOrdered = nil } }
        /// A labelled attendance line's list may continue on the next paragraph.
        var continuation: Context?
        // Whether the list items under the current context are numbered (nil before the first item).
        var listOrdered: Bool?
        var merged = ParticipantSet()
        // The header of the attendance table being read, if it names its columns.
        var tableColumns: TableColumns?
        var labels = LabelReadings()
        let labelCues = LabelReadings.labelCues

        func add(_ entries: [Entry]) {
            for entry in entries {
                merged.add(entry.participant)
                result.affiliations.append(contentsOf: entry.organisations)
            }
        }

        for block in document.blocks {
            switch block.kind {
            case .heading, .term:
                if let parts = TextRules.labelParts(block.text), let meaning = labels.attendance(parts.label), case let value = parts.value, !value.isEmpty {
                    add(entries(inList: value, attendance: meaning.0, role: meaning.1))
                    context = Context(attendance: meaning.0, role: meaning.1, fromLabel: true)
                } else if let meaning = headingMeaning(block.text) {
                    // "Attendance (please mark an X if you are here)": the note does not change the label.
                    context = Context(attendance: meaning.0, role: meaning.1, fromLabel: block.kind == .term,
                                      headingLevel: block.kind == .heading ? block.level : nil)
                } else if block.kind == .heading, let current = context, let level = current.headingLevel, block.level > level {
                    // A sub-heading inside an attendance part ("### Premier Member Representatives") groups its list.
                    context = current
                } else {
                    context = nil
                }
            case .paragraph, .definition, .listItem, .tableRow:
                // The generator's diagnostics ("Maybe present: …") guess; they are not the minutes' list.
                if block.classes.contains(where: isDiagnosticsClass) { continue }
                // A bare section word ("**Agenda**") after a list of names ends it.
                if block.kind == .paragraph, !block.text.participantContainsASCII(0x20), Vocabulary.genericHeads.contains(block.text.lowercased().trimmed(headMarks)) {
                    context = nil; continue
                }
                // Attendance tables: one person a row, a mark ("x", "✓") in another cell.
                if block.kind == .tableRow, let current = context {
                    if block.isHeader {
                        tableColumns = TableColumns(header: block.cells)
                    } else if let found = tableEntry(block.cells, attendance: current.attendance, role: current.role, columns: tableColumns) {
                        add([found])
                    }
                    continue
                }
                if block.kind != .tableRow { tableColumns = nil }
                let text = block.kind == .tableRow ? block.cells.joined(separator: ", ") : block.text
                // A paragraph that is only a label ("**Attendance**", "Other Attendees") acts as a heading.
                // (`attendanceLabel` answers nil for more than 60 bytes, which is told before the characters are counted.)
                // (`attendanceLabel` refuses a text holding no cue word, which the letter triples refuse first.)
                if block.kind == .paragraph, text.utf8.count <= 60, text.participantHasAtMost(30), !text.participantContainsASCII(UInt8(ascii: ":")),
                   !text.participantContainsASCII(UInt8(ascii: ",")), text.participantWordCount(atMost: 4) <= 3, labelCues.mayHoldCue(text),
                   let meaning = Vocabulary.attendanceLabel(text) {
                    context = Context(attendance: meaning.0, role: meaning.1, fromLabel: false)
                    continue
                }
                // A text whose bytes before its colon hold no cue has no label worth reading (most lines of a transcript).
                let labelled = labelCues.mayLabelCue(text) ? TextRules.labelParts(text) : nil
                // Both readings of the label, from one pass over its bytes.
                let reading = labelled.map { labels.reading($0.label) }
                // "New IPMC members:", "Added new TSC members:" announce membership changes, not attendance.
                if reading?.isMembershipChange == true { context = nil; continue }
                if let parts = labelled, let meaning = reading?.meaning {
                    let value = parts.value
                    if value.isEmpty {
                        context = Context(attendance: meaning.0, role: meaning.1, fromLabel: false)
                    } else {
                        add(entries(inList: value, attendance: meaning.0, role: meaning.1))
                        context = block.kind == .definition ? context : nil
                        if block.kind == .paragraph { continuation = Context(attendance: meaning.0, role: nil, fromLabel: true) }
                    }
                    continue
                }
                // The line after "PRESENT: Councillor A (Chair)" may go on with the list:
                // "Councillors B, C and D" — a list of names, or names under a plural office.
                if let carried = continuation, block.kind == .paragraph {
                    continuation = nil
                    // The opening bytes tell the office (the whole text is lower-cased where they cannot); the list is
                    // split only for a text that opens with none.
                    let pluralOffice = Self.pluralOffices.contains { ParticipantFastPaths.lowercasedHasPrefix(text, $0) ?? text.lowercased().hasPrefix($0) }
                    if pluralOffice || isListOfNames(text) {
                        add(entries(inList: text, attendance: carried.attendance, role: nil))
                        continue
                    }
                }
                continuation = nil
                if isIntroduction(text) {
                    context = Context(attendance: .present, role: nil, fromLabel: false)
                    continue
                }
                // The last byte of a paragraph, read once for the two rules below that look at it first.
                let lastByte = block.kind == .paragraph ? text.utf8.last : nil
                // Another bare label ("People who left the committee:") ends an attendance list.
                if block.kind == .paragraph, lastByte == UInt8(ascii: ":"), text.hasSuffixASCII(":"), text.participantHasAtMost(60) { context = nil; continue }
                // "John Mertic, Linux Foundation (JM)": a roster line whose initials the minutes then use as
                // speaker tags names an attendee even without a list label.
                // (`rosterEntry` refuses a text that does not end with ")", told here before the call.)
                if context == nil, block.kind == .paragraph, lastByte == UInt8(ascii: ")"), let rostered = rosterEntry(text) {
                    add([rostered])
                    continue
                }
                guard let current = context else { continue }
                // A numbered agenda item after a bulleted or column list of names ends the list.
                if block.kind == .listItem {
                    if let ordered = listOrdered, ordered != block.ordered { context = nil; listOrdered = nil; continue }
                    listOrdered = block.ordered
                }
                var found: [Entry]
                if let linked = linkedEntries(block, attendance: current.attendance, role: current.role) {
                    found = linked
                } else if block.kind == .definition || (current.fromLabel && block.kind == .paragraph) || (block.kind == .paragraph && isListOfPeople(text)) {
                    found = entries(inList: text, attendance: current.attendance, role: current.role)
                } else if let single = entry(text, attendance: current.attendance, role: current.role, checked: block.checked) {
                    found = [single]
                } else {
                    found = entries(inList: text, attendance: current.attendance, role: current.role)
                }
                if found.isEmpty, block.kind == .paragraph, text.participantWordCount(atMost: 9) > 8 {
                    context = nil
                }
                add(found)
            case .preformatted:
                continue
            }
        }
        let texts = document.blocks.map(\.text)
        // The cue words of the rules below, looked for in one pass over each text.
        let cues = ParticipantCues(texts)
        for name in regretNotes(in: texts, cues: cues) where !merged.participants.contains(where: { TextRules.fold($0.name) == TextRules.fold(name) }) {
            merged.add(Participant(name: name, attendance: .absent))
        }
        let separated = splitJoinedFirstNames(merged.participants, texts: texts)
        result.participants = fullNamesForNicks(mergeMisspellings(mergeNickVariants(separated), texts: texts), texts: texts, cues: cues)
        for index in scribesNamedInAgenda(document.blocks, participants: result.participants, cues: cues) where !result.participants[index].meetingRoles.contains(.scribe) {
            result.participants[index].meetingRoles.append(.scribe)
        }
        for (index, organisations) in IntroductionRules.affiliations(in: texts, participants: result.participants) {
            if result.participants[index].organisation == nil { result.participants[index].organisation = organisations[0] }
            result.affiliations.append(contentsOf: organisations)
        }
        result.nicknames = nicknames(in: texts, participants: result.participants, cues: cues)
        var seen = Set<String>()
        result.affiliations = result.affiliations.filter { seen.insert(TextRules.fold($0)).inserted }
        return result
    }

    /// What introduces a nickname.
    private static let nickMarkers = ASCIINeedleSet(ParticipantCues.nickWords)

    /// "Full Name (Org) aka "nick"", "Full Name, also known as nick": nicknames of listed participants,
    /// so that actions and speaker tags written with the nick resolve to the person.
    /// `cues`, the cues of `texts`, stand for the test of each text for the markers.
    static func nicknames(in texts: [String], participants: [Participant], cues: ParticipantCues? = nil) -> [String: String] {
        var found: [String: String] = [:]
        for (index, text) in texts.enumerated() where cues?.holdsNickWord(index) ?? nickMarkers.containsAny(in: text) {
            for marker in nickMarkers.needles {
                var rest = Substring(text)
                while let range = rest.rangeOfASCII(marker) {
                    let before = ParticipantFastPaths.withoutParentheticals(String(rest[..<range.lowerBound])).trimmed(Set(" ,*"))
                    let after = rest[range.upperBound...].drop { "\"“'‘ ".contains($0) }
                    rest = rest[range.upperBound...]
                    let nick = String(after.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
                    guard nick.count >= 2 else { continue }
                    // The name is the last two to four words before the marker.
                    let words = before.split(separator: " ").map(String.init)
                    for count in stride(from: min(4, words.count), through: 1, by: -1) {
                        let name = words.suffix(count).joined(separator: " ")
                        if let person = participants.first(where: { TextRules.fold($0.name) == TextRules.fold(name) }) {
                            found[TextRules.fold(nick)] = person.name
                            break
                        }
                    }
                }
            }
        }
        return found
    }

    /// Spaces, full stops and asterisks around a scribe's name.
    private static let scribeNameEnds: Set<Character> = Set(" .*")

    /// What a line naming the scribes holds (a cheap test before the rule).
    private static let scribeCue = ASCIINeedleSet(ParticipantCues.scribeWords)

    /// "Request volunteer for scribe - Riaan & Reden", or the names on the item nested under it ("Dan A."):
    /// the participants (by first name, uniquely) who took the notes.
    /// `cues`, the cues of the blocks' texts, stand for the test of each text for the cue.
    static func scribesNamedInAgenda(_ blocks: [Block], participants: [Participant], cues: ParticipantCues? = nil) -> [Int] {
        var found: [Int] = []
        // Each participant's folded words, worked out when a line first names scribes.
        var foldedNames: [[String]]?
        for position in blocks.indices where blocks[position].kind == .listItem || blocks[position].kind == .paragraph {
            // Only the text is read before the cue test: most blocks stop there, and copying a whole block costs more.
            guard blocks[position].text.utf8.count <= ParticipantCues.longestRead,
                  cues?.holdsScribeWord(position) ?? scribeCue.containsAny(in: blocks[position].text) else { continue }
            let block = blocks[position]
            // Plain ASCII text is lower-cased on its bytes, to as many bytes: one over 120 bytes is refused unlowered.
            let lower: String
            if block.text.isPlainASCII {
                guard block.text.utf8.count <= 120 else { continue }
                lower = Vocabulary.lowercasedASCII(block.text)
            } else {
                lower = block.text.lowercased()
            }
            // No more characters than bytes: a short text is not counted; in plain ASCII a character is a byte.
            let ascii = lower.isPlainASCII
            guard lower.utf8.count <= 120 || (!ascii && lower.count <= 120), let range = lower.rangeOfASCII("scribe"),
                  !lower.containsASCII("subscribe") else { continue }
            // Lower-casing may change the length of a rare character: the offset is clamped to the text.
            let offset = ascii ? lower.utf8.distance(from: lower.startIndex, to: range.upperBound) : lower.distance(from: lower.startIndex, to: range.upperBound)
            guard let cut = block.text.index(block.text.startIndex, offsetBy: offset, limitedBy: block.text.endIndex) else { continue }
            var rest = block.text[cut...]
            rest = rest.drop { $0.isLetter }.drop { " -–—:\\".contains($0) }
            var names = String(rest)
            if names.isEmpty, position + 1 < blocks.count, blocks[position + 1].kind == .listItem, blocks[position + 1].level > block.level {
                names = blocks[position + 1].text
            }
            // Names opening with a lower-case ASCII letter ("described the …", "scribe: ora") open a first part that does
            // not start upper-case (no separator begins with a letter, and trimming keeps a letter): refused unsplit.
            if let first = names.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { continue }
            let parts = names.participantReplacing(" & ", with: ",").participantReplacing(" and ", with: ",")
                .split(separator: ",").map { $0.trimmed(scribeNameEnds) }.filter { !$0.isEmpty }
            guard (1...3).contains(parts.count), parts.allSatisfy({ TextRules.startsUppercase($0) && $0.split(separator: " ").count <= 2 }) else { continue }
            let folded = foldedNames ?? participants.map { TextRules.fold($0.name).split(separator: " ").map(String.init) }
            foldedNames = folded
            let indices = parts.compactMap { part -> Int? in
                let first = TextRules.fold(String(part.split(separator: " ")[0]))
                let initial = part.split(separator: " ").dropFirst().first.map { TextRules.fold(String($0.prefix(1))) }
                let matches = participants.indices.filter { i in
                    let words = folded[i]
                    guard words.count >= 2, words[0] == first || (first.count >= 3 && words[0].hasPrefix(first)) else { return false }
                    return initial.map { letter in words.dropFirst().contains { $0.hasPrefix(letter) } } ?? true
                }
                return matches.count == 1 ? matches[0] : nil
            }
            if indices.count == parts.count { found.append(contentsOf: indices) }
        }
        return found
    }

    /// Words that a regrets note holds (a cheap test before the phrases).
    private static let regretCues = ASCIINeedleSet(ParticipantCues.regretWords)

    /// What every phrase of a regrets note opens with (" is not able…", " can't…", " sends…"): a text holding none
    /// holds no phrase.
    private static let regretPhraseOpenings = ASCIINeedleSet(regretOpenings)

    /// The openings of the regrets phrases, each the first bytes of some of them.
    private static let regretOpenings = [" is ", " can", " sen"]

    /// "Note: Luke is not able to join due to a conflict", "Maria sends her regrets": a person the minutes
    /// say is away, written as a sentence rather than in a "Regrets:" list.
    /// `cues`, the cues of `texts`, stand for the test of each text for the cue words.
    static func regretNotes(in texts: [String], cues: ParticipantCues? = nil) -> [String] {
        let phrases = [" is not able to join", " is not able to attend", " is unable to join", " is unable to attend",
                       " can't attend", " can't join", " cannot attend", " cannot join", " sends regrets", " sends her regrets",
                       " sends his regrets", " sends their regrets", " sent regrets", " sends apologies", " sent apologies"]
        var names: [String] = []
        for (index, text) in texts.enumerated() where text.utf8.count <= 200 {
            guard cues?.holdsRegretWord(index) ?? regretCues.containsAny(in: text), regretPhraseOpenings.containsAny(in: text) else { continue }
            var line = Substring(text)
            if let (label, value) = TextRules.labelled(text), ["note", "notes", "nb", "n.b"].contains(label.lowercased()) { line = Substring(value) }
            // A phrase is found only where its opening is: the phrases of openings the line lacks are not looked for.
            let openings = regretOpenings.filter { line.containsASCII($0) }
            for phrase in phrases where openings.contains(where: { phrase.hasPrefix($0) }) {
                guard let range = line.rangeOfASCII(phrase) else { continue }
                let name = line[..<range.lowerBound].trimmed(Set(" *-•"))
                if (1...3).contains(name.split(separator: " ").count), TextRules.looksLikeName(name), !isPhrase(name),
                   !Lexicon.functionWords.contains(name.lowercased()), !["he", "she", "they", "i", "we"].contains(name.lowercased()) {
                    names.append(name)
                }
                break
            }
        }
        return names
    }

    /// Plural offices that open a list of names ("Councillors B, C and D"), lower-cased.
    static let pluralOffices = ["councillors ", "cllrs ", "directors ", "members "]

    /// Whether `text` is a list of two or more names, each perhaps with notes ("B, C (Chair) and D").
    static func isListOfNames(_ text: String) -> Bool {
        let items = TextRules.splitList(text)
        return items.count >= 2 && items.allSatisfy { TextRules.looksLikeName(ParticipantFastPaths.withoutParentheticals($0)) }
    }

    /// A paragraph under an attendance heading that lists two or more people, each perhaps with a note:
    /// "Ms H. Green (Town Clerk), Mr D. Fox (Planning Officer, Westbrook District Council)."
    static func isListOfPeople(_ text: String) -> Bool {
        let body = text.hasSuffix(".") ? String(text.dropLast()) : text
        let items = TextRules.splitList(body)
        guard items.count >= 2 else { return false }
        let names = items.filter { item in
            let bare = TextRules.stripTitles(ParticipantFastPaths.withoutParentheticals(item).trimmed()).name
            return bare.containsASCII(" ") && TextRules.looksLikeName(bare) && !hasOrganisationCue(bare) && !isJobTitle(bare)
        }
        return names.count >= 2 && names.count * 3 >= items.count * 2
    }

    /// Words that make a label announce a change of membership ("New members:", "Added TSC members:",
    /// "Members elected:") rather than who attended.
    static let membershipChangeWords: Set<String> = [
        "new", "added", "add", "adding", "removed", "remove", "elected", "appointed", "welcome", "welcomed",
        "former", "potential", "proposed", "prospective", "nominated", "nominees", "emeritus", "retiring", "leaving",
    ]

    /// `membershipChangeWords`, looked for in the bytes of a label before its words are split.
    static let membershipChangeCues = FindingsNeedles(Array(membershipChangeWords))

    /// Whether `label` may announce a membership change, told on its bytes: a label holding none of the words anywhere
    /// (in either case) holds none of them as a word (none has "k", or "i" but where the text must hold it too).
    static func mayBeMembershipChange(_ label: String) -> Bool {
        label.findingsScan(membershipChangeCues).mentions != 0
    }

    /// Whether `label` announces a membership change rather than an attendance list.
    static func isMembershipChange(_ label: String) -> Bool {
        mayBeMembershipChange(label) && membershipChangeRule(label)
    }

    /// `isMembershipChange(_:)` as the rule is written, without the refusal on bytes.
    static func membershipChangeRule(_ label: String) -> Bool {
        let lower = label.lowercased()
        // In plain ASCII, the letters are the bytes a–z once lower-cased: the same words, split on bytes.
        let words = lower.isPlainASCII ? lower.utf8.split(whereSeparator: { !($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) }).map { Substring($0) }
            : lower.split(whereSeparator: { !$0.isLetter })
        return words.contains { membershipChangeWords.contains(String($0)) }
    }

    /// A sentence that introduces a list of attendees: "The following … participated at the meeting:".
    static func isIntroduction(_ text: String) -> Bool {
        guard text.hasSuffixASCII(":"), text.participantHasAtMost(199) else { return false }
        // Plain ASCII text is lower-cased byte by byte: the words its bytes hold in either case are those of the lower-cased text.
        let scan = text.findingsScan(introductionCues)
        if scan.isPlainASCII { return scan.mentions != 0 }
        let lower = text.lowercased()
        return introductionWords.contains { lower.containsASCII($0) }
    }

    /// Words of a sentence that introduces a list of attendees.
    static let introductionWords = ["participated", "attended", "were present", "in attendance", "participants", "attending"]

    /// `introductionWords`, looked for in one pass over the bytes.
    static let introductionCues = FindingsNeedles(introductionWords)

    /// One parsed entry: the person and the organisations the entry names.
    struct Entry {
        var participant: Participant
        var organisations: [String]
    }

    /// Reads a comma list of names ("A, B and C", "Councillors A, B and C").
    static func entries(inList text: String, attendance: Attendance, role: MeetingRole?) -> [Entry] {
        // "…, Mr D. Fox (Planning Officer)." — the sentence's full stop is not part of the last entry.
        let text = text.hasSuffix(").") ? String(text.dropLast()) : text
        let items = TextRules.splitList(text).flatMap(splitRunTogether)
        // "Don Presant, Learning Agents, Canada, Sheela Kiiskila": a country closes one person's
        // "Name, Organisation, Country" entry inside a list of names.
        if items.count >= 3, items.contains(where: Vocabulary.isCountry) {
            var out: [Entry] = []
            var pending: [String] = []
            func flushPending() {
                out.append(contentsOf: pending.compactMap { entry($0, attendance: attendance, role: role, checked: nil, listItem: false) })
                pending = []
            }
            for item in items {
                if Vocabulary.isCountry(item), let last = pending.popLast() {
                    var fields = [last]
                    if let name = pending.last, TextRules.looksLikeName(name), !hasOrganisationCue(name) {
                        pending.removeLast()
                        fields.insert(name, at: 0)
                    }
                    flushPending()
                    if var found = entry(fields.joined(separator: ", "), attendance: attendance, role: role, checked: nil) {
                        if Vocabulary.countries.contains(item.lowercased()) { found.participant.location = item }
                        out.append(found)
                    }
                } else {
                    pending.append(item)
                }
            }
            flushPending()
            return out
        }
        // "Name, Job Title, Organisation" written after a label is one person, not three.
        let namesWithNotes = items.count >= 2 && items.allSatisfy { $0.containsASCII("(") && TextRules.looksLikeName(ParticipantFastPaths.withoutParentheticals($0)) }
        if !namesWithNotes, items.count >= 2, items.count <= 4, items.dropFirst().contains(where: { isJobTitle($0) || hasOrganisationCue($0) }),
           let single = entry(text, attendance: attendance, role: role, checked: nil) {
            return [single]
        }
        var carriedOffice: String?
        var out: [Entry] = []
        for item in items {
            if opensWithCouncillors(item) { carriedOffice = "Councillor" }
            guard var found = entry(item, attendance: attendance, role: role, checked: nil, listItem: false) else { continue }
            if found.participant.jobTitle == nil, let office = carriedOffice { found.participant.jobTitle = office }
            out.append(found)
        }
        return out
    }

    /// Whether `text`, lower-cased, opens with "councillors " or "cllrs " (told on the opening bytes where they can tell).
    static func opensWithCouncillors(_ text: String) -> Bool {
        ["councillors ", "cllrs "].contains { ParticipantFastPaths.lowercasedHasPrefix(text, $0) ?? text.lowercased().hasPrefix($0) }
    }

    /// Task-list markers and whether each means present.
    private static let taskMarkers = [("[x]", true), ("[X]", true), ("[ ]", false)]

    /// Reads one entry: "Name, Title, Org, Place", "Name - Role, Org", "Name (Org)", "Name (@handle)".
    static func entry(_ raw: String, attendance: Attendance, role: MeetingRole?, checked: Bool?, listItem: Bool = true) -> Entry? {
        var text = cleanedEntry(raw)
        var attendance = attendance
        // Task-list markers the reader left in the text.
        // Every marker opens with a "[" byte: most entries have none.
        for (marker, present) in taskMarkers where text.utf8.first == UInt8(ascii: "[") && text.hasPrefix(marker) {
            text = String(text.dropFirst(marker.count)).trimmed()
            attendance = present ? attendance : .absent
        }
        if checked == false { attendance = .absent }
        var roles: [MeetingRole] = role.map { [$0] } ?? []
        var organisations: [String] = []
        var jobTitle: String?

        // Parenthesised notes: roles, handles, pronouns, organisations.
        var parentheticals: [String] = []
        // A "(" character is a "(" byte: most entries have none, seen without walking their characters.
        while text.utf8.contains(UInt8(ascii: "(")), let open = text.firstIndexOfASCII(UInt8(ascii: "(")),
              let close = text[open...].firstIndexOfASCII(UInt8(ascii: ")")) {
            parentheticals.append(String(text[text.index(after: open)..<close]))
            text = String(text[..<open]) + " " + String(text[text.index(after: close)...])
        }
        for note in parentheticals {
            let parts = ParticipantFastPaths.commaFields(note, trimming: [UInt8(ascii: "*"), 0x20], droppingEmpty: false)
                ?? note.split(separator: ",").map { $0.trimmed(.emphasisAndSpace) }
            for part in parts {
                let lower = part.lowercased()
                // "(glazou, Dashlane)": a lower-case nick beside an organisation is the handle.
                if parts.count > 1, part == lower, TextRules.isNick(part) { continue }
                // "(Company Secretary)", "(Finance Manager)": a title of two or more words is a job title, not a role.
                let multiWordTitle = part.containsASCII(" ") && isJobTitle(part) && Vocabulary.attendanceLabel(lower)?.1 != .chair
                if !multiWordTitle, let meaning = Vocabulary.attendanceLabel(lower), let r = meaning.1 {
                    roles.append(r)
                } else if lower.hasPrefix("@") || lower.containsASCII("/") || lower.isEmpty || ["remote", "independent", "virtual", "online", "in person", "in-person", "guest", "invited expert"].contains(lower)
                            || part.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) || lower.containsASCII("member") {
                    if lower == "guest" { roles.append(.guest) }
                    continue
                } else if isJobTitle(part) {
                    jobTitle = jobTitle ?? part
                } else if organisations.isEmpty, part.first?.isLetter == true || (part.first?.isNumber == true && part.contains(where: \.isLetter)) {
                    organisations.append(part)
                }
            }
        }
        // Handles: "Name @handle", "Name: @handle" (none in most entries, whose words are only re-spaced).
        if !text.holdsByte(UInt8(ascii: "@")), let spaced = ParticipantFastPaths.spaceJoinedWords(text) {
            text = spaced
        } else {
            text = text.splitOnSpaces().filter { !$0.hasPrefix("@") }.joined(separator: " ")
        }
        text = text.trimmed(.entryPunctuation)

        // "Name - Role, Organisation".
        var fields: [String]
        // The dashes are looked for only in a text holding a hyphen or the first byte of an en or em dash (E2).
        let mayHoldDash = text.holdsByte(UInt8(ascii: "-")) || text.holdsByte(0xE2)
        if mayHoldDash, let dash = text.rangeOfASCII(" - ") ?? text.rangeOfASCII(" – ") ?? text.rangeOfASCII(" — "), dash.lowerBound < (text.firstIndexOfASCII(UInt8(ascii: ",")) ?? text.endIndex) {
            let rest = String(text[dash.upperBound...])
            // "Name - Invisible attendee": a lower-case note, not a role or organisation.
            let restWords = rest.splitOnSpaces()
            let isNote = !rest.containsASCII(",") && restWords.count >= 2 && restWords.dropFirst().allSatisfy { $0.first?.isLowercase == true }
                && !isJobTitle(rest) && !hasOrganisationCue(rest)
            fields = [String(text[..<dash.lowerBound])] + (isNote ? [] : TextRules.joiningCorporateSuffixes(TextRules.splitList(rest)))
        } else {
            fields = ParticipantFastPaths.commaFields(text, trimming: [0x20, 0x09], droppingEmpty: true)
                ?? text.participantSplit(onAnyOf: ",").map { $0.trimmed() }.filter { !$0.isEmpty }
        }
        fields = TextRules.joiningCorporateSuffixes(fields)
        guard let first = fields.first else { return nil }
        // "Councillors A, B and C" is a list of people, not one entry.
        if listItem, fields.count > 1, opensWithCouncillors(first) { return nil }
        var (name, office) = TextRules.stripTitles(first.trimmed(.namePunctuation))
        // Most nicks are kept as they are, which their bytes show.
        if !name.containsASCII(" ") || name.containsASCII("_"), !ParticipantFastPaths.nickToNameKeeps(name) { name = TextRules.nickToName(name) }
        // In a list after a label, IRC nicks ("gpellegrino", "duga") stand for people too.
        // The shape of the name comes first: it refuses a long text (a paragraph read as one entry) on its first words,
        // where the word lists would lower-case it whole.
        guard TextRules.looksLikeName(name) || (!listItem && fields.count == 1 && TextRules.isNick(first) && !nonNames.contains(first.lowercased())),
              !hasOrganisationCue(name), !isJobTitle(name), !isPhrase(name) else { return nil }
        if !listItem && fields.count > 1 && !raw.containsASCII(" / ") { return nil }

        var location: String?
        // "James Caffrey, IBM ( ADE )": with an organisation after a comma, the parenthesis names the project
        // or member class the person represents, not their organisation.
        if fields.dropFirst().contains(where: { !isJobTitle($0) && !looksLikePlace($0) }) { organisations.removeAll() }
        var organisation = organisations.first
        for part in fields.dropFirst() {
            if jobTitle == nil, organisation == nil, isJobTitle(part) {
                jobTitle = part
            } else if organisation == nil {
                // "Imageworks / DNA": the organisation, then the project represented.
                let primary = part.componentsASCII(separatedBy: "/").first?.trimmed() ?? part
                organisation = primary.isEmpty ? part : primary
                organisations.insert(organisation ?? part, at: 0)
            } else if TextRules.isAcronym(part) || hasOrganisationCue(part) {
                organisations.append(part)
            } else if location == nil, looksLikePlace(part) {
                location = part
            } else if jobTitle == nil, isJobTitle(part) {
                jobTitle = part
            }
        }
        if let org = organisation, ["independent", "self", "individual", "none", "n/a"].contains(org.lowercased()) {
            organisation = nil
            organisations.removeAll { $0 == org }
        }
        // "Name - Chairperson, Org": a chair's title is also the chair's role in the meeting.
        if let title = jobTitle?.lowercased(), ["chair", "chairperson", "chairman", "chairwoman", "co-chair", "meeting chair"].contains(title) {
            roles.append(.chair)
        }
        let participant = Participant(name: name, jobTitle: jobTitle ?? office, organisation: organisation,
                                      location: location, attendance: attendance, meetingRoles: roles.uniqued())
        return Entry(participant: participant, organisations: organisations)
    }

    /// An attendance entry without the notes that are not part of it: "left at 11:04" / "joined at …" annotations,
    /// "??" placeholders for an unknown surname ("Dave_??"), and the nick before " // " in "TallTed // Ted Thibodeau".
    /// "Jeff O / HumanOS" becomes "Jeff O, HumanOS" (name, organisation).
    static func cleanedEntry(_ raw: String) -> String {
        // Most entries have nothing to clean, which their bytes show at once.
        ParticipantFastPaths.cleanedEntryIsUnchanged(raw) ? raw : cleanedEntryRule(raw)
    }

    /// `cleanedEntry(_:)` as the rule is written, for any entry.
    static func cleanedEntryRule(_ raw: String) -> String {
        var text = raw.trimmed()
        if let nickSeparator = text.rangeOfASCII(" // ") { text = String(text[nickSeparator.upperBound...]).trimmed() }
        var words = text.splitOnSpaces().map(String.init)
        // A marker cuts only with a word before it and one after it: fewer than three words (most nicks) are not lower-cased.
        if words.count >= 3 {
            // Each word lower-cased once, for the four markers.
            var lowered = words.map { $0.lowercased() }
            for marker in ["left", "joined", "arrived", "departed"] {
                if let index = lowered.firstIndex(of: marker), index >= 1, index + 1 < lowered.count,
                   ["at", "after", "before", "during"].contains(lowered[index + 1]) {
                    words = Array(words[..<index])
                    lowered = Array(lowered[..<index])
                }
            }
        }
        words = words.compactMap { word in
            let bare = word.trimmingPlaceholderMarks()
            return bare.isEmpty ? nil : (bare.utf8.count != word.utf8.count && word.hasSuffix("?") ? bare : word)
        }
        text = words.joined(separator: " ")
        if let slash = text.rangeOfASCII(" / "), !text[..<slash.lowerBound].containsASCII(","), !text.containsASCII("(") {
            text = text[..<slash.lowerBound] + ", " + text[slash.upperBound...]
        }
        return text
    }

    /// Words that fill an attendance slot without naming anyone.
    static let nonNames: Set<String> = ["none", "nobody", "no", "n/a", "na", "tbd", "all", "everyone", "various", "unknown", "guest", "guests"]

    /// Splits an entry that lost its comma ("Avneesh Singh Bill_Kasdorf_", "DaleRogers duga"):
    /// a nick with an underscore, a lower-case nick or a run-together CamelCase nick is its own person,
    /// and four capitalised words with no particle are two two-word names.
    static func splitRunTogether(_ item: String) -> [String] {
        // Most items show on their bytes that they hold no nick to split off and are not four words.
        ParticipantFastPaths.mayRunTogether(item) ? splitRunTogetherRule(item) : [item]
    }

    /// `splitRunTogether(_:)` as the rule is written, for any item.
    static func splitRunTogetherRule(_ item: String) -> [String] {
        let words = item.splitOnSpaces().map(String.init)
        guard words.count >= 2, !item.containsASCII("("), !item.containsASCII("@"), words.allSatisfy(TextRules.isNick) else { return [item] }
        // Whether each word is a run-together CamelCase nick ("DaleRogers"), worked out once a word when first asked.
        var camelCase = [Bool?](repeating: nil, count: words.count)
        func isCamelCase(_ index: Int) -> Bool {
            if let known = camelCase[index] { return known }
            // Most words show on their bytes that they hold no second word.
            let answer = ParticipantFastPaths.mayNameTwoWords(words[index]) && TextRules.nickToName(words[index]).containsASCII(" ")
            camelCase[index] = answer
            return answer
        }
        func isNickWord(_ index: Int) -> Bool {
            let word = words[index]
            if word.containsASCII("_") { return true }
            if word.first?.isLowercase == true { return !isParticle(word) }
            return isCamelCase(index)
        }
        let marked = words.indices.contains { words[$0].containsASCII("_") || isCamelCase($0) }
        if words.count <= 4, marked, words.indices.contains(where: isNickWord) {
            var out: [String] = []
            var run: [String] = []
            for (index, word) in words.enumerated() {
                if isNickWord(index) {
                    if !run.isEmpty { out.append(run.joined(separator: " ")); run = [] }
                    out.append(word)
                } else {
                    run.append(word)
                }
            }
            if !run.isEmpty { out.append(run.joined(separator: " ")) }
            return out
        }
        if words.count == 4, words.allSatisfy({ $0.first?.isUppercase == true && $0.count > 1 }) {
            return [words[0] + " " + words[1], words[2] + " " + words[3]]
        }
        return [item]
    }

    /// Name particles written in lower case ("van", "de").
    static func isParticle(_ word: String) -> Bool {
        particles.contains(word.isPlainASCII ? Vocabulary.lowercasedASCII(word) : word.lowercased())
    }

    /// The particles `isParticle(_:)` knows, lower-cased.
    private static let particles: Set<String> = ["van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "bin", "al", "ten", "y"]

    /// Merges a person listed both by nick and by name: "billk" and "Bill Kasdorf" (the nick's letters
    /// begin the name's), "pchampin" and "Pierre-Antoine Champin" (initial + surname), "rubensworks" and
    /// "Ruben Taelman" (the nick begins with the first name), "wendy" and "wendyreid" (one nick begins the
    /// other), "makotomurata" and "Makoto". Only a unique match is merged; the fuller name is kept.
    static func mergeNickVariants(_ people: [Participant]) -> [Participant] {
        var people = people
        // The letters of each person's name, worked out for all when the first nick is met: the loop below compares
        // every nick with every name.
        var shapes: [NameShape] = []
        // Each shape's key, apart from its strings: most pairs are refused on the keys alone.
        var keys: [NameShape.Key] = []
        var i = 0
        while i < people.count {
            let nick = people[i].name
            guard !nick.containsASCII(" "), TextRules.isNick(nick) else { i += 1; continue }
            if shapes.isEmpty {
                shapes = people.map { NameShape($0.name) }
                keys = shapes.map(\.key)
            }
            // The one name the nick matches, if only one does (the search stops at a second).
            var match: Int?, matchCount = 0
            let nickKey = keys[i]
            for j in shapes.indices where j != i && NameShape.Key.mayMatch(nickKey, keys[j]) && nickMatches(shapes[i], shapes[j]) {
                match = j
                matchCount += 1
                if matchCount > 1 { break }
            }
            guard matchCount == 1, let j = match else { i += 1; continue }
            var keep = people[j], drop = people[i]
            if prefersName(nick, over: keep.name) { swap(&keep, &drop) }
            keep.absorb(drop)
            people[j] = keep
            shapes[j] = NameShape(keep.name)
            keys[j] = shapes[j].key
            people.remove(at: i)
            shapes.remove(at: i)
            keys.remove(at: i)
            i = 0
        }
        return people
    }

    /// A nick whose letters spell a full name the minutes give elsewhere ("axelpolleres" and trackbot's
    /// "[on Axel Polleres - due 2019-04-11]") is that person: the full name replaces the nick.
    /// `cues`, the cues of `texts`, stand for the test of each text for "[on ".
    static func fullNamesForNicks(_ people: [Participant], texts: [String], cues: ParticipantCues? = nil) -> [Participant] {
        let nicks = people.indices.filter { !people[$0].name.containsASCII(" ") && !people[$0].name.participantHasAtMost(5) }
        guard !nicks.isEmpty else { return people }
        var names: [String: String] = [:]
        for (index, text) in texts.enumerated() where cues?.holdsOwnerWord(index) ?? text.containsASCII("[on ") {
            var rest = Substring(text)
            while let open = rest.rangeOfASCII("[on ") {
                rest = rest[open.upperBound...]
                let end = rest.rangeOfASCII(" - ")?.lowerBound ?? rest.firstIndex(of: "]") ?? rest.endIndex
                let name = rest[..<end].trimmed()
                if name.containsASCII(" "), TextRules.looksLikeName(name) { names[TextRules.compactLetters(name)] = name }
            }
        }
        guard !names.isEmpty else { return people }
        var people = people
        let taken = Set(people.map { TextRules.fold($0.name) })
        for i in nicks {
            if let full = names[TextRules.compactLetters(people[i].name)], !taken.contains(TextRules.fold(full)) {
                people[i].name = full
            }
        }
        return people
    }

    /// In a list of first names and nicks ("Pedro, Wolfgang Dale, Vladimir"), a two-word entry whose words
    /// the minutes also use alone — as another entry ("Scribe: Wolfgang") or as a speaker ("Dale: …") —
    /// is two people whose comma was lost. `people` are those of one `ParticipantSet` (no two with one folded name).
    static func splitJoinedFirstNames(_ people: [Participant], texts: [String]) -> [Participant] {
        let singles = people.filter { !$0.name.containsASCII(" ") }
        guard people.count >= 5, singles.count * 10 >= people.count * 7 else { return people }
        let singleNames = Set(singles.map { TextRules.fold($0.name) })
        // The keys of what stands before the first colon of each text, when a colon is among its first bytes: a speaker
        // tag "word:" opens a text only where this is the word (worked out when a tag is first asked for; nil when
        // some text's bytes cannot be read in place).
        var speakerKeys: Set<UInt64>??
        func usedAlone(_ word: String) -> Bool {
            if singleNames.contains(TextRules.fold(word)) { return true }
            let tag = word + ":"
            // A tag of characters without canonical equivalents is looked for on the texts' bytes.
            if tag.utf8.withContiguousStorageIfAvailable(UTF8Search.hasNoCanonicalEquivalent) == true {
                if word.utf8.count < Self.tagWindow, !word.holdsByte(UInt8(ascii: ":")) {
                    let known = speakerKeys ?? Self.tagKeys(in: texts)
                    speakerKeys = known
                    if let keys = known, let key = word.utf8.withContiguousStorageIfAvailable(Self.tagKey), !keys.contains(key) { return false }
                }
                return texts.contains { $0.hasPrefixASCII(tag) }
            }
            return texts.contains { $0.hasPrefix(tag) }
        }
        func splits(_ person: Participant) -> Bool {
            // A name without an organisation and with a space byte may split (most are single names): tested before the words are made.
            guard person.organisation == nil, person.name.holdsByte(0x20) else { return false }
            let words = person.name.split(separator: " ").map(String.init)
            return words.count == 2
                && words.allSatisfy({ TextRules.startsUppercase($0) && $0.count >= 3 && !isParticle($0) }) && words.allSatisfy(usedAlone)
        }
        // The people are keyed apart already (one `ParticipantSet`): where no entry splits, they stay as they are.
        guard let firstSplit = people.firstIndex(where: splits) else { return people }
        var out = ParticipantSet()
        for (index, person) in people.enumerated() {
            if index == firstSplit || (index > firstSplit && splits(person)) {
                for word in person.name.split(separator: " ") {
                    var part = person
                    part.name = String(word)
                    // Which of the two held a role listed under the joined entry is unknown; roles listed alone stay.
                    part.meetingRoles = []
                    out.add(part)
                }
            } else {
                out.add(person)
            }
        }
        return out.participants
    }

    /// How far into a text `tagKeys(in:)` looks for its colon, in bytes.
    private static let tagWindow = 64

    /// The `tagKey` of the bytes before the first colon of each text whose colon stands among its first `tagWindow`
    /// bytes; nil when a text's bytes are not stored in place.
    private static func tagKeys(in texts: [String]) -> Set<UInt64>? {
        var keys = Set<UInt64>()
        // The key last put in: a speaker's lines often follow one another, and their key is in already.
        var last: UInt64?
        for text in texts {
            let read: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                let window = UnsafeBufferPointer(rebasing: bytes.prefix(tagWindow))
                if let colon = UTF8Search.offset(of: UInt8(ascii: ":"), in: window) {
                    let key = tagKey(UnsafeBufferPointer(rebasing: window[..<colon]))
                    if key != last { keys.insert(key) }
                    last = key
                }
            }
            if read == nil { return nil }
        }
        return keys
    }

    /// A hash of `bytes` (FNV-1a): equal bytes have equal keys.
    private static func tagKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// Merges one person whose surname is spelt two ways ("Eva Shlehan" typed by the chair, "Eva Schlehahn"
    /// from the roster): same first name, surnames of five letters or more at most two edits apart, and
    /// no other participant as close. The spelling the document uses more often is kept.
    static func mergeMisspellings(_ people: [Participant], texts: [String]) -> [Participant] {
        var people = people
        // Each name's parts, worked out once: every name is compared with every other after each merge.
        var shapes = people.map { misspellingParts($0.name) }
        // How many names have each first name: a name whose first name no other has is close to none.
        func firstNameCounts() -> [String: Int] {
            shapes.reduce(into: [:]) { counts, shape in if let shape { counts[shape.first, default: 0] += 1 } }
        }
        var firstCounts = firstNameCounts()
        var i = 0
        while i < people.count {
            guard let a = shapes[i], firstCounts[a.first, default: 0] > 1 else { i += 1; continue }
            let close = people.indices.filter { j in
                guard j != i, let b = shapes[j], b.first == a.first, b.last != a.last else { return false }
                return TextRules.editDistance(a.last, b.last, limit: 2) <= 2
            }
            guard close.count == 1, let j = close.first else { i += 1; continue }
            func uses(_ name: String) -> Int {
                let underscored = name.participantReplacing(" ", with: "_")
                // A name without a space is its own underscored spelling: its occurrences count twice, counted once.
                guard !underscored.utf8.elementsEqual(name.utf8) else { return 2 * texts.reduce(0) { $0 + $1.participantOccurrences(of: name) } }
                let spellings = [name, underscored]
                return texts.reduce(0) { count, text in count + spellings.reduce(0) { $0 + text.participantOccurrences(of: $1) } }
            }
            // The spelling used more often wins; on a tie the longer one (typing drops letters more often than it adds them).
            var keep = people[i], drop = people[j]
            let (keepUses, dropUses) = (uses(keep.name), uses(drop.name))
            if dropUses > keepUses || (dropUses == keepUses && drop.name.count > keep.name.count) { swap(&keep, &drop) }
            keep.absorb(drop)
            people[min(i, j)] = keep
            shapes[min(i, j)] = misspellingParts(keep.name)
            people.remove(at: max(i, j))
            shapes.remove(at: max(i, j))
            firstCounts = firstNameCounts()
            i = 0
        }
        return people
    }

    /// A name's lower-case letters, whole and word by word, as nicks are compared with them.
    struct NameShape {
        /// All the letters ("Bill Kasdorf" → "billkasdorf").
        var letters: String
        /// The letters of each word that has any (["bill", "kasdorf"]).
        var words: [String]
        /// How many characters `letters` has.
        var letterCount: Int
        /// Whether `letters` is made of a–z only, so that its beginnings and equal strings are told on bytes.
        var isASCII: Bool

        /// What `nickMatches` looks at before the letters themselves.
        struct Key {
            var letterCount: Int
            var isASCII: Bool
            var firstByte: UInt8?

            /// False where `nickMatches` refuses the pair before comparing letters: fewer than four letters on
            /// either side, or a–z names that begin with different letters.
            static func mayMatch(_ nick: Key, _ name: Key) -> Bool {
                guard name.letterCount >= 4, nick.letterCount >= 4 else { return false }
                return !(nick.isASCII && name.isASCII) || nick.firstByte == name.firstByte
            }
        }

        /// This shape's key.
        var key: Key { Key(letterCount: letterCount, isASCII: isASCII, firstByte: letters.utf8.first) }

        init(_ name: String) {
            if let ascii = ParticipantFastPaths.nameLetters(name) {
                (letters, words) = ascii
                letterCount = letters.utf8.count
                isASCII = true
            } else {
                self = NameShape(byCharacters: name)
            }
        }

        /// The shape as the rule is written, for any name.
        init(byCharacters name: String) {
            words = name.splitOnSpaces().map { TextRules.compactLetters(String($0)) }.filter { !$0.isEmpty }
            // In plain ASCII a space is no letter: the name's letters are its words' letters, one after the other.
            letters = name.isPlainASCII ? words.joined() : TextRules.compactLetters(name)
            letterCount = letters.count
            isASCII = letters.utf8.allSatisfy(\.isASCIILowercase)
        }
    }

    /// Whether the nick whose shape is `nick` (its letters, the compact nick) names the same person as the name
    /// whose shape is `name`. Where both are a–z only, beginnings are compared on bytes.
    static func nickMatches(_ nick: NameShape, _ name: NameShape) -> Bool {
        let a = nick.letters, b = name.letters
        // Every match begins both with the same letter (the name's letters begin with its first word's).
        guard NameShape.Key.mayMatch(nick.key, name.key), a != b else { return false }
        let ascii = nick.isASCII && name.isASCII
        func begins(_ text: String, with prefix: String) -> Bool {
            ascii ? text.utf8.starts(with: prefix.utf8) : text.hasPrefix(prefix)
        }
        let words = name.words
        if words.count >= 2, let firstWord = words.first, let last = words.last {
            if begins(b, with: a) { return true }
            if ascii {
                // The initial and the surname, compared on bytes without joining them.
                if let initial = firstWord.utf8.first, a.utf8.count == last.utf8.count + 1, a.utf8.first == initial,
                   a.utf8.dropFirst().elementsEqual(last.utf8) { return true }
            } else if let initial = firstWord.first, a == String(initial) + last {
                return true
            }
            return (ascii ? firstWord.utf8.count : firstWord.count) >= 4 && begins(a, with: firstWord)
        }
        return begins(b, with: a) || begins(a, with: b)
    }

    /// Which of two spellings of one person to keep: a name with a space, then a capitalised one, then the longer.
    static func prefersName(_ a: String, over b: String) -> Bool {
        if a.containsASCII(" ") != b.containsASCII(" ") { return a.containsASCII(" ") }
        let capA = a.first?.isUppercase == true, capB = b.first?.isUppercase == true
        if capA != capB { return capA }
        return a.count > b.count
    }

    /// Cells that mark a person present in an attendance table.
    static let marks: Set<String> = ["x", "✓", "✔", "✅", "yes", "y", "present", "[x]", "☑"]

    /// What an attendance table's header says its columns hold: "| Name | Organisation | Present |".
    struct TableColumns {
        /// The column of affiliations ("Organisation", "Company", "Affiliation", "Employer").
        var organisation: Int?
        /// The column marking presence ("Present", "Attended", "Attendance", "Here").
        var presence: Int?

        init?(header: [String]) {
            let names = header.map { $0.lowercased().trimmed(Set("*_: ")) }
            organisation = names.firstIndex { ["organisation", "organization", "company", "affiliation", "employer", "org"].contains($0) }
            presence = names.firstIndex { ["present", "attended", "attendance", "here", "attending", "in attendance"].contains($0) }
            if organisation == nil && presence == nil { return nil }
        }
    }

    /// Reads one row of an attendance table: the first cell holding a name is the person
    /// (with "(Org, Role)" notes); a mark cell means present, an empty first cell absent.
    /// Where the header names its columns, the organisation column gives the affiliation and an
    /// empty or "no" presence cell an absence.
    static func tableEntry(_ cells: [String], attendance: Attendance, role: MeetingRole?, columns: TableColumns? = nil) -> Entry? {
        let trimmed = cells.map { $0.trimmed() }
        guard var found = rowEntry(trimmed, attendance: attendance, role: role) else { return nil }
        guard let columns else { return found }
        if let presence = columns.presence, presence < trimmed.count, trimmed[presence].isEmpty || ["no", "n", "-", "–", "✗", "❌"].contains(trimmed[presence].lowercased()) {
            found.participant.attendance = .absent
        }
        if let column = columns.organisation, column < trimmed.count, found.participant.organisation == nil {
            let organisation = trimmed[column]
            if !organisation.isEmpty, !["independent", "self", "individual", "none", "n/a", "-", "–"].contains(organisation.lowercased()) {
                found.participant.organisation = organisation
                found.organisations.insert(organisation, at: 0)
            }
        }
        return found
    }

    /// The person in a row of trimmed cells, ignoring what the header says.
    private static func rowEntry(_ trimmed: [String], attendance: Attendance, role: MeetingRole?) -> Entry? {
        let hasMark = trimmed.contains(where: ParticipantFastPaths.isPresenceMark)
        guard let nameIndex = trimmed.firstIndex(where: { cell in
            let bare = ParticipantFastPaths.withoutParentheticals(cell)
            // A one-word name ("CRob (LF)") counts when it carries an affiliation note in a marked row.
            let shaped = bare.containsASCII(" ") || (hasMark && cell.containsASCII("(") && TextRules.isNick(bare))
            return shaped && TextRules.looksLikeName(bare) && !ParticipantFastPaths.isPresenceMark(cell)
        }) else { return nil }
        var attendance = attendance
        if !hasMark, nameIndex > 0, trimmed[..<nameIndex].allSatisfy(\.isEmpty) { attendance = .absent }
        return entry(trimmed[nameIndex], attendance: attendance, role: role, checked: nil)
    }

    /// Attendee lists whose generator wraps each person in a link ("<a>Don Presant, Learning Agents, Canada</a>,
    /// <a>Lucy Yang</a>"): each link text is one entry, so commas inside it separate fields, not people.
    /// Nil unless the links cover most of the block's text.
    static func linkedEntries(_ block: Block, attendance: Attendance, role: MeetingRole?) -> [Entry]? {
        guard block.links.count >= 2 else { return nil }
        let covered = block.links.reduce(0) { $0 + ParticipantFastPaths.characterCount($1.text) }
        guard covered * 10 >= ParticipantFastPaths.characterCount(block.text) * 6 else { return nil }
        return block.links.compactMap { entry($0.text, attendance: attendance, role: role, checked: nil) }
    }

    /// "Name, Organisation (NI)" where NI are the name's initials; nil for any other line.
    static func rosterEntry(_ text: String) -> Entry? {
        guard text.utf8.last == UInt8(ascii: ")"), text.hasSuffixASCII(")"), text.participantHasAtMost(80), let open = text.participantLastIndex(of: "(") else { return nil }
        let initials = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard (2...4).contains(initials.count), initials.allSatisfy({ $0.isUppercase }) else { return nil }
        let head = text[..<open].trimmed()
        guard let comma = head.firstIndex(of: ",") else { return nil }
        let name = head[..<comma].trimmed()
        let nameInitials = String(name.splitOnSpaces().compactMap { $0.first })
        guard nameInitials == initials, TextRules.looksLikeName(name) else { return nil }
        let organisation = head[head.index(after: comma)...].trimmed()
        return Entry(participant: Participant(name: name, organisation: organisation.isEmpty ? nil : organisation),
                     organisations: organisation.isEmpty ? [] : [organisation])
    }

    /// Three or more words that are all common English words ("Quorum NOT Achieved") are a remark, not a name.
    static func isPhrase(_ text: String) -> Bool {
        // Fewer than three words (most names) are counted on the bytes, without making them.
        guard text.participantWordCount(atMost: 3) >= 3 else { return false }
        let words = text.splitOnSpaces()
        return words.count >= 3 && words.allSatisfy { Lexicon.shared.contains(String($0)) || Lexicon.functionWords.contains($0.lowercased()) }
    }

    /// A job title: its head word (the word before "of", else the last word) is a job word.
    static func isJobTitle(_ text: String) -> Bool {
        ParticipantFastPaths.isJobTitle(text) ?? jobTitleRule(text)
    }

    /// `isJobTitle(_:)` as the rule is written, for any text.
    static func jobTitleRule(_ text: String) -> Bool {
        let lower = text.lowercased()
        // The words of the part before the first " of ": found and split on bytes when the text is ASCII (the same answer,
        // without Foundation or walking characters).
        let words: [Substring]
        if lower.isPlainASCII {
            let core = lower.rangeOfASCII(" of ").map { lower[..<$0.lowerBound] } ?? lower[...]
            words = core.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "/") }).map { Substring($0) }
        } else {
            words = Substring(lower.components(separatedBy: " of ").first ?? lower).split(whereSeparator: { $0 == " " || $0 == "/" })
        }
        guard let head = words.last, words.count <= 6 else { return false }
        return Vocabulary.jobTitleHeads.contains(String(head))
            || (words.first.map { Vocabulary.jobTitleHeads.contains(String($0)) && words.count <= 2 } ?? false)
    }

    /// Whether a phrase carries a word that marks organisations ("Forum", "Cluster", "Ltd").
    static func hasOrganisationCue(_ text: String) -> Bool {
        ParticipantFastPaths.hasOrganisationCue(text) ?? organisationCueRule(text)
    }

    /// `hasOrganisationCue(_:)` as the rule is written, for any text.
    static func organisationCueRule(_ text: String) -> Bool {
        text.lowercased().participantSplit(onAnyOf: " ,").contains { Vocabulary.organisationCues.contains(String($0)) }
    }

    /// A short capitalised phrase without organisation or job words: a city or country.
    static func looksLikePlace(_ text: String) -> Bool {
        (ParticipantFastPaths.isPlaceShaped(text) ?? placeShapeRule(text))
            && !hasOrganisationCue(text) && !isJobTitle(text) && !TextRules.isAcronym(text)
    }

    /// Whether `text` has the shape of a place, as the rule is written: one to three words, each opening with a capital.
    static func placeShapeRule(_ text: String) -> Bool {
        let words = text.splitOnSpaces()
        return (1...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
    }
}

extension Participant {
    /// Takes in what `other`, another listing of the same person, adds: the fields this one lacks, presence
    /// if either was present, and both sets of roles.
    mutating func absorb(_ other: Participant) {
        jobTitle = jobTitle ?? other.jobTitle
        organisation = organisation ?? other.organisation
        location = location ?? other.location
        if other.attendance == .present || attendance == .present { attendance = .present }
        meetingRoles = (meetingRoles + other.meetingRoles).uniqued()
    }
}

/// Participants keyed by folded name; a person listed twice is merged.
struct ParticipantSet {
    private(set) var participants: [Participant] = []
    /// Each folded name's place, room made for a list of some size at once (the keys are hashed again at each growth).
    private var index: [String: Int] = Dictionary(minimumCapacity: 48)

    mutating func add(_ person: Participant) {
        let key = TextRules.fold(person.name)
        // The key is looked up once: a new one is given the next place as it is read.
        let next = participants.count
        let i = Self.place(&index[key, default: next])
        guard i != next else {
            participants.append(person)
            return
        }
        Self.merge(person, into: &participants[i])
    }

    /// The place stored for a key, the default one stored when it was missing (passing the entry in-out stores it).
    private static func place(_ stored: inout Int) -> Int { stored }

    /// Completes `existing` with what `person` (the same folded name) adds, in place in the list.
    private static func merge(_ person: Participant, into existing: inout Participant) {
        if existing.jobTitle == nil { existing.jobTitle = person.jobTitle }
        if existing.organisation == nil { existing.organisation = person.organisation }
        if existing.location == nil { existing.location = person.location }
        // Listed as present anywhere wins over a role-only or regrets entry.
        if person.attendance == .present, person.meetingRoles.isEmpty { existing.attendance = .present }
        if person.meetingRoles.isEmpty {
            existing.meetingRoles = existing.meetingRoles.uniqued()
        } else {
            existing.meetingRoles = (existing.meetingRoles + person.meetingRoles).uniqued()
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept once.
    func uniqued() -> [Element] {
        // Nothing to repeat in fewer than two elements (most lists of roles).
        guard count > 1 else { return self }
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
