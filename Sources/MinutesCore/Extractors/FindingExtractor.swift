import Foundation

/// Finds observations, decisions and action items.
///
/// - Every item of a findings part ("… the following findings:", a "Conclusions",
///   "Outcomes", "Decisions" or "Resolutions" heading) is one finding, bullets stripped.
/// - Labelled lines anywhere are decisions ("RESOLUTION:", "RESOLVED:", "Agreed:", "Consensus:",
///   "Decision:") or actions ("ACTION:", "Action item:"); the label is dropped from the text.
///   HTML class hints (`resolution`, `action`) mean the same.
/// - An action's owner is the person it names ("ACTION: Jane to …", "ACTION: … (Jane)"),
///   resolved to a participant's full name; "by/due <date>" gives `due`.
/// - An item repeated in a summary section is kept once.
public enum FindingExtractor {
    /// The findings of `document`; `participants` resolve action owners to full names.
    public static func extract(from document: BlockDocument, participants: [Participant], nicknames: [String: String] = [:],
                               meetingDate: String? = nil) -> [Finding] {
        let participants = Roster(participants)
        var findings: [Finding] = []
        var seen = Set<String>()
        var section: (kind: FindingKind, fromHeading: Bool)? { didSet { sectionItemLevel = nil } }
        /// The list level of the current section's items.
        var sectionItemLevel: Int?
        var topic: String?
        // A findings part opened by a numbered agenda item ("9. Review Outstanding Action Items"): its level.
        var itemSection: (kind: FindingKind, level: Int)?

        /// Index of each kept finding by its dedupe key, so a tracker line can complete the action it confirms.
        var indexByKey: [String: Int] = [:]
        /// The action a following tracker confirmation ("Created ACTION-42 … [on Name - due …]") belongs to.
        var lastAction: Int?

        func add(_ text: String, kind: FindingKind, owner explicitOwner: String? = nil) {
            var text = text.trimmed(.bulletsAndDashes)
            // (Every marker opens with the byte "[", which a text opening with one of them opens with too.)
            for marker in ["[NEW]", "[PENDING]", "[CONTINUES]", "[DONE]", "[DROPPED]", "[IN PROGRESS]"]
            where text.utf8.first == UInt8(ascii: "[") && text.hasPrefix(marker) {
                text = text.dropFirst(marker.count).trimmed()
            }
            if mayOpenWithKnownLabel(text), let (label, value) = labelledIfColon(text), labelKind(label) != nil { text = value }
            // Reviewed action items carry their status after the action: "Greg: email PMCs. Status: done".
            if kind == .action, let status = text.rangeOfASCII(" Status:") { text = String(text[..<status.lowerBound]).trimmed() }
            // "Proposed resolution: … (Wendy Reid)": the proposer's name is an attribution, not part of the decision.
            if kind != .action, let attributed = withoutTrailingAttribution(text) { text = attributed }
            // At least three characters (counted no further than that).
            guard !text.dropFirst(2).isEmpty else { return }
            let key = dedupeKey(text)
            guard seen.insert(key).inserted else {
                if kind == .action { lastAction = indexByKey[key] }
                return
            }
            var finding = Finding(text: text, kind: kind, topic: topic)
            if kind == .action {
                finding.owner = explicitOwner ?? owner(of: text, participants: participants, nicknames: nicknames)
                finding.due = due(in: text, meetingDate: meetingDate)
                lastAction = findings.count
            }
            indexByKey[key] = findings.count
            findings.append(finding)
        }

        let blocks = document.blocks

        // Indexed rather than enumerated, so that each block is read in place instead of copied out of the array.
        for index in blocks.indices {
            let block = blocks[index]
            let text = block.text
            if let (owner, due) = trackerAssignment(text) {
                if let i = lastAction {
                    // The tracker knows the full name; a single word is resolved like any owner.
                    findings[i].owner = owner.contains(" ") ? owner : resolve(owner, in: participants, nicknames: nicknames) ?? owner
                    if let due { findings[i].due = due }
                }
                continue
            }
            if block.kind == .heading || block.kind == .term {
                itemSection = nil
                if let kind = sectionKind(text) {
                    section = (kind, true)
                } else {
                    section = nil
                    if block.kind == .heading { topic = text }
                }
                continue
            }
            if block.kind == .listItem, let open = itemSection {
                if block.level > open.level || !block.ordered {
                    add(text, kind: open.kind); continue
                }
                itemSection = nil
            }
            if block.kind == .listItem, block.ordered, let kind = sectionKind(text), kind != .finding, text.count <= 80 {
                itemSection = (kind, block.level); continue
            }
            if let clause = BoardRules.resolvedClause(text) {
                add(clause, kind: .decision); continue
            }
            // A speaker's tag is read once for both of its rules.
            let tagged = speakerTag(text)
            if let tagged, let clause = resolution(inTagged: tagged.rest) {
                add(clause, kind: .decision); continue
            }
            if let tagged, assignsWork(tagged.rest) {
                add(text, kind: .action, owner: resolve(tagged.tag, in: participants, nicknames: nicknames) ?? TextRules.nickToName(tagged.tag)); continue
            }
            if let (director, item) = BoardRules.directorRequest(text),
               let person = resolve(director, in: participants, nicknames: nicknames) {
                add(item, kind: .action, owner: person); continue
            }
            // A proposal is not a decision until the minutes record it as resolved.
            let hints = ClassHints(block.classes)
            if hints.isProposal { continue }
            // A scribe's summary line that records agreement ("agreed to create the mapping …") is a decision.
            if hints.isSummary, summaryRecordsAgreement(text) {
                add(text, kind: .decision); continue
            }
            if hints.isResolution {
                add(text, kind: .decision); continue
            }
            if hints.isAction {
                add(text, kind: .action); continue
            }
            // Neither rule below can take a text whose label cannot start like one it knows.
            let mayBeLabelled = mayOpenWithKnownLabel(text)
            let labelled = mayBeLabelled ? labelledIfColon(text) : nil
            // "MOTION: To approve the budget. Moved by …, seconded by …. CARRIED.": a motion that passed is a decision.
            if let (label, value) = labelled, Self.motionLabels.contains(label.lowercased()) {
                if let decided = carriedMotion(value) { add(decided, kind: .decision) }
                continue
            }
            if mayBeLabelled, let (label, value) = labelled ?? capitalDashLabelled(text), let kind = labelKind(label) {
                if value.isEmpty {
                    section = (kind, false)
                } else if kind == .decision, isTally(value) {
                    // Issue statistics ("Resolved: 177") count tickets; they resolve nothing.
                } else if kind != .action, let (head, mention, item) = mentionTail(value) {
                    add(head, kind: kind)
                    add(item, kind: .action, owner: resolve(mention, in: participants, nicknames: nicknames) ?? TextRules.nickToName(mention))
                } else {
                    add(value, kind: kind)
                }
                continue
            }
            if block.kind == .paragraph, text.hasColonSuffix || isBareSectionLabel(text) {
                section = sectionKind(text).map { ($0, false) }
                continue
            }
            if section == nil, block.kind == .paragraph || block.kind == .listItem,
               !hints.isTranscript {
                for item in proseFindings(text, tagged: tagged, participants: participants, nicknames: nicknames) {
                    add(item.text, kind: item.kind, owner: item.owner)
                }
                continue
            }
            guard let current = section, block.kind != .preformatted else { continue }
            // Transcript lines and generator footers under a findings heading are not findings.
            if hints.isTranscript || isGeneratorNote(text) { continue }
            if block.kind == .listItem {
                // Items nested under an item are its notes ("This can be done with …"), not items of their own.
                let level = sectionItemLevel ?? block.level
                sectionItemLevel = level
                guard block.level <= level else { continue }
                let children = text.hasSuffix(":") ? nestedItems(after: index, in: blocks) : []
                if children.isEmpty {
                    add(text, kind: current.kind)
                } else if announcesAgreement(text) {
                    // "consensus from folks in the meeting:" — each nested point is one agreed item.
                    for child in children { add(child, kind: .decision) }
                } else {
                    // "sketch of a plan …:" — the steps complete the item.
                    add(text + " " + children.joined(separator: "; "), kind: current.kind)
                }
            } else if current.fromHeading && block.kind == .paragraph {
                add(text, kind: current.kind)
            } else {
                section = nil
            }
        }
        return findings
    }

    /// Labels of a motion put to the meeting.
    static let motionLabels: Set<String> = ["motion", "proposal", "proposed"]
    /// Whether the first byte of `text` after emphasis, brackets and spaces ("*_[] ") may start a label that `labelKind`
    /// or `motionLabels` knows: every such label starts with one of "acdfkmoprtv" in either case. False for any other
    /// ASCII byte, which then starts the label of `TextRules.labelled` and of `capitalDashLabelled` after their
    /// trimming (a trimmed byte followed by a mark is a character that is not trimmed, and no other character
    /// lower-cases to one of those letters).
    static func mayOpenWithKnownLabel(_ text: String) -> Bool {
        let isOpening = { (byte: UInt8) in
            byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: " ")
        }
        guard let first = text.utf8.first(where: { !isOpening($0) }), first < 0x80 else { return true }
        return first.asciiLowercased.isOne(of: "acdfkmoprtv")
    }

    /// What a block's HTML classes say to the findings rules, read in one pass over them (most blocks have none), each
    /// class told by its first byte before it is compared (every class word below starts with its own ASCII letter,
    /// which a class equal to it or starting with it starts with too).
    struct ClassHints {
        /// A class starts with "proposed" or is "proposal": a proposal, not yet a decision.
        private(set) var isProposal = false
        /// A class is "summary".
        private(set) var isSummary = false
        /// A class is "resolution".
        private(set) var isResolution = false
        /// A class is "action".
        private(set) var isAction = false
        /// A class is one of transcript lines ("irc", "phone", "transcript"), which report what was said rather than
        /// record findings.
        private(set) var isTranscript = false

        init(_ classes: [String]) {
            // Each class is told by its first byte, then compared as a string (without hashing it for a set).
            for token in classes {
                switch token.firstUTF8Byte {
                case UInt8(ascii: "p"):
                    if token.hasPrefix("proposed") || token == "proposal" { isProposal = true }
                    if token == "phone" { isTranscript = true }
                case UInt8(ascii: "s"): if token == "summary" { isSummary = true }
                case UInt8(ascii: "r"): if token == "resolution" { isResolution = true }
                case UInt8(ascii: "a"): if token == "action" { isAction = true }
                case UInt8(ascii: "i"): if token == "irc" { isTranscript = true }
                case UInt8(ascii: "t"): if token == "transcript" { isTranscript = true }
                default: break
                }
            }
        }
    }

    /// `TextRules.labelled(text)`, refused without a call when no byte of `text` is a colon (which every label ends with).
    static func labelledIfColon(_ text: String) -> (label: String, value: String)? {
        text.holdsByte(UInt8(ascii: ":")) ? TextRules.labelled(text) : nil
    }


    /// Words of a heading over actions.
    static let actionWords: Set<String> = ["actions", "action"]
    /// Words of a heading over decisions.
    static let decisionWords: Set<String> = ["resolutions", "decisions", "resolved", "decided"]
    /// Words of a heading over findings.
    static let findingWords: Set<String> = ["findings", "conclusions", "conclusion", "observations", "outcomes", "takeaways", "recommendations", "lessons"]

    /// What a findings part holds, from its heading or introducing sentence.
    static func sectionKind(_ text: String) -> FindingKind? {
        // A text holding none of the heading words' stems in any case names no findings part: each rule below needs one of
        // the words (or "key points") among the letters of the text lower-cased, where a character that is one ASCII letter
        // is one in the text too, but for KELVIN SIGN ("k"; "İ" becomes "i" and a combining dot, one character).
        let scan = text.findingsScan(sectionStems)
        if scan.mentions == 0, scan.isPlainASCII || !text.holdsBytes("\u{212A}") { return nil }
        return sectionKindOfWords(text)
    }

    /// `sectionKind(_:)` as written: what the words of the text lower-cased announce.
    static func sectionKindOfWords(_ text: String) -> FindingKind? {
        let lower = text.lowercased().trimmed(.labelMarks)
        guard lower.count <= 160 else { return nil }
        let words = letterWords(lower)
        if !words.isDisjoint(with: Self.actionWords) && (lower.hasPrefix("action") || lower.hasPrefix("review outstanding action") || lower.containsASCII("summary of action") || lower.hasPrefix("new action")) {
            return .action
        }
        if !words.isDisjoint(with: Self.decisionWords), wordCountWithoutSummaryOf(lower) <= 3 {
            return .decision
        }
        if !words.isDisjoint(with: Self.findingWords)
            || lower.containsASCII("key points") {
            return .finding
        }
        return nil
    }

    /// How many words `text.split(separator: " ")` gives once every "summary of " is taken out of `text` (as
    /// `replacingOccurrences(of:with:)` takes them: from the left, without overlap). On the bytes of plain ASCII text,
    /// where each byte is a character and Foundation's search compares bytes; any other text as written.
    static func wordCountWithoutSummaryOf(_ text: String) -> Int {
        let counted = text.withPlainASCIIBytes { bytes -> Int in
            let phrase: StaticString = "summary of "
            let pattern = UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount)
            var count = 0, inWord = false, i = 0
            while i < bytes.count {
                // (The phrase cannot overlap itself: the first match from the left is the one taken out.)
                if bytes[i] == pattern[0], i + pattern.count <= bytes.count, bytes[i..<i + pattern.count].elementsEqual(pattern) {
                    i += pattern.count
                    continue
                }
                if bytes[i] == UInt8(ascii: " ") {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
                i += 1
            }
            return count
        }
        if let counted { return counted }
        return (text.containsASCII("summary of ") ? text.replacingOccurrences(of: "summary of ", with: "") : text).split(separator: " ").count
    }

    /// Stems of every word of `actionWords`, `decisionWords` and `findingWords`, and "key points", as bytes.
    static let sectionStems = FindingsNeedles(["action", "resol", "decid", "decisi", "finding", "conclusion", "observation", "outcome",
                                               "takeaway", "recommendation", "lesson", "key points"])

    /// The runs of letters in `text`, on bytes when it is plain ASCII (where the letters are A–Z and a–z).
    static func letterWords(_ text: String) -> Set<String> {
        guard text.isPlainASCII else { return Set(text.split(whereSeparator: { !$0.isLetter }).map { String($0) }) }
        let runs = text.utf8.split(whereSeparator: { ($0 | 0x20) < UInt8(ascii: "a") || ($0 | 0x20) > UInt8(ascii: "z") })
        return Set(runs.map { String(text[$0.startIndex..<$0.endIndex]) })
    }

    /// The kind a line label announces ("RESOLVED" → decision, "ACTION" → action).
    static func labelKind(_ label: String) -> FindingKind? {
        if label.isPlainASCII, let kind = labelKindOnBytes(label) { return kind }
        var lower = label.lowercased().trimmed(.labelBrackets)
        if lower.containsASCII("[new] ") { lower = lower.replacingOccurrences(of: "[new] ", with: "") }
        // Numbered labels: "Resolution #1", "Action 3".
        while let last = lower.last, last.isNumber || last == "#" || last == " " { lower.removeLast() }
        return kind(ofLabel: lower)
    }

    /// `labelKind(label)` for a plain ASCII label (one byte a character, where lower-casing, trimming and the
    /// digits are those of the bytes), without copying a label too long to be one; nil (not decided here)
    /// for a label holding "[new] " in any case, which the rule as written rewrites.
    private static func labelKindOnBytes(_ label: String) -> FindingKind?? {
        guard !label.holdsByte(UInt8(ascii: "[")) || label.rangeOfASCIIIgnoringCase("[new] ") == nil else { return nil }
        let bytes = label.utf8
        func isBracket(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: " ")
        }
        // Numbered labels: "Resolution #1", "Action 3".
        func isNumbering(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "#") || byte == UInt8(ascii: " ")
        }
        guard let first = bytes.firstIndex(where: { !isBracket($0) }), let last = bytes.lastIndex(where: { !isBracket($0) }),
              let end = bytes[first...last].lastIndex(where: { !isNumbering($0) }) else { return .some(nil) }
        // Every label `kind(ofLabel:)` knows is shorter than 20 characters and starts with one of these letters.
        let count = bytes.distance(from: first, to: end) + 1
        guard count < 20, bytes[first].asciiLowercased.isOne(of: "acdfkortv") else { return .some(nil) }
        return .some(kind(ofASCIILabel: bytes[first...end]))
    }

    /// The kind a lower-cased label without brackets and numbers announces.
    static func kind(ofLabel lower: String) -> FindingKind? {
        // One look-up instead of comparing the label with every known one in turn (most labels are none).
        if let kind = labelKinds[lower] { return kind }
        return lower.hasPrefix("action ") && lower.count < 20 ? .action : nil
    }

    /// The kind each known lower-cased label announces.
    static let labelKinds: [String: FindingKind] = {
        var kinds: [String: FindingKind] = [:]
        for label in ["resolution", "resolved", "resolutions", "decision", "decided", "decisions", "agreed", "agreement",
                      "consensus", "approved", "outcome", "vote", "voted"] { kinds[label] = .decision }
        for label in ["action", "action item", "action items", "new action", "todo", "to do", "actions", "ai"] { kinds[label] = .action }
        for label in ["finding", "conclusion", "observation", "key finding"] { kinds[label] = .finding }
        return kinds
    }()

    /// Boilerplate that minutes generators append ("Minutes manually created …, formatted by scribe.perl").
    static func isGeneratorNote(_ text: String) -> Bool {
        // Each phrase is ASCII without "k", and its "i"s are followed by another letter, so lower-casing adds no match
        // (see `findingsScan`): a text whose bytes hold none of them in any case is refused before it is copied.
        text.findingsScan(generatorNotePhrases).mentions != 0 && isGeneratorNoteByWords(text)
    }

    /// `isGeneratorNote(_:)` as written, on the text lower-cased.
    static func isGeneratorNoteByWords(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("minutes manually created") || lower.hasPrefix("minutes formatted by")
            || lower.hasPrefix("[end of minutes]") || lower.containsASCII("formatted by david booth")
            || lower.hasPrefix("$date")
    }

    /// The phrases `isGeneratorNote` looks for.
    static let generatorNotePhrases = FindingsNeedles(["minutes manually created", "minutes formatted by", "[end of minutes]",
                                                       "formatted by david booth", "$date"])

    /// "DECISION - we will …", "ACTION – Jane to …": an upper-case label set off by a dash instead of a colon.
    static func capitalDashLabelled(_ text: String) -> (label: String, value: String)? {
        // The label is short: look only at the opening of the text.
        guard let first = text.utf8.first, first >= 0x41, first <= 0x5A || first == UInt8(ascii: "*"),
              mayOpenWithCapitalLabel(text) else { return nil }
        let head = text.prefix(28)
        guard let dash = head.rangeOfASCII(" - ") ?? head.rangeOfASCII(" – ") ?? head.rangeOfASCII(" — ") else { return nil }
        let label = text[..<dash.lowerBound].trimmed(.emphasisMarks)
        guard label.count >= 3, label.count <= 20, label.allSatisfy({ $0.isUppercase || $0 == " " }) else { return nil }
        return (label, text[dash.upperBound...].trimmed(.emphasisMarks))
    }

    /// Whether the bytes before the first "-" or non-ASCII byte (where any of the three dashes is) are all capitals,
    /// spaces, "*" or "_", as a label before a dash must be; false when an ASCII byte of another kind comes first
    /// (it would be part of the label) or when no dash can follow.
    static func mayOpenWithCapitalLabel(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") || byte >= 0x80 { return true }
            let isLabelByte = (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: " ")
                || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
            if !isLabelByte { return false }
        }
        return false
    }

    /// The motion's text when the minutes record that it passed ("… CARRIED", "Motion carried", "approved
    /// unanimously"), without the mover/seconder and the outcome; nil for a motion lost, withdrawn or not put.
    static func carriedMotion(_ value: String) -> String? {
        let lower = value.lowercased()
        // (Foundation's `contains`, answered on bytes.)
        guard ["carried", "passed", "approved unanimously", "agreed unanimously", "adopted"].contains(where: lower.containsASCII),
              !["not carried", "defeated", "withdrawn", "motion lost", "was lost", "not passed"].contains(where: lower.containsASCII) else { return nil }
        var text = Substring(value)
        for marker in [" Moved by ", " Proposed by ", " Seconded by ", " CARRIED", " Carried", " Motion carried"] {
            if let range = text.rangeOfASCII(marker) { text = text[..<range.lowerBound] }
        }
        let motion = text.trimmed(Set(" .;,"))
        return motion.isEmpty ? nil : motion + "."
    }

    /// Spaces, dashes and asterisks around a summary line.
    static let summaryMarks: Set<Character> = Set(" -*")

    /// "agreed to …", "we agreed that …", "decided to …", "consensus to …": a summary that states a decision.
    static func summaryRecordsAgreement(_ text: String) -> Bool {
        // Each phrase starts with one of "acdgw": a text whose first byte after " -*" is another ASCII byte states none.
        let first = text.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "*") }
        if let first, first < 0x80, !first.asciiLowercased.isOne(of: "acdgw") { return false }
        // Read on the bytes in place unless a non-ASCII byte leaves it undecided (see `summaryRecordsAgreement(bytes:)`).
        let answer = text.utf8.withContiguousStorageIfAvailable(summaryRecordsAgreement(bytes:))
        guard let answer, let answer else { return summaryRecordsAgreementByCharacters(text) }
        return answer
    }

    /// `summaryRecordsAgreement(_:)` as written, on the text lower-cased and trimmed.
    static func summaryRecordsAgreementByCharacters(_ text: String) -> Bool {
        let lower = text.lowercased().trimmed(Self.summaryMarks)
        return agreementOpenings.contains { lower.hasPrefix($0) }
    }

    /// What a summary line recording agreement opens with.
    static let agreementOpenings = ["agreed to ", "agreed that ", "we agreed ", "group agreed ", "decided to ", "we decided ",
                                    "consensus to ", "consensus that ", "consensus: "]

    /// `summaryRecordsAgreement(_:)` of a text's UTF-8 bytes. After the " -*" it opens with, the bytes before the first
    /// non-ASCII or CR byte are characters of their own, lower-cased and compared as bytes: an opening ending before
    /// that byte (and before the byte after it, which a combining mark could join) is compared on them; one reaching
    /// past it cannot match (no character but KELVIN SIGN and "İ" lower-cases to ASCII, to "k" and to "i" with a
    /// combining dot, and none of the openings holds "k"); one ending right before it is left to the characters (nil).
    /// The end is trimmed on bytes when every byte is ASCII but CR; else a character that is not trimmed keeps it past
    /// every opening that is compared.
    private static func summaryRecordsAgreement(bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var start = 0
        while start < bytes.count, bytes[start].isOne(of: " -*") { start += 1 }
        let odd = bytes[start...].firstIndex { $0 >= 0x80 || $0 == 0x0D }
        var end = bytes.count
        if odd == nil {
            while end > start, bytes[end - 1].isOne(of: " -*") { end -= 1 }
        }
        var found = false
        for opening in agreementOpenings {
            let length = opening.utf8.count
            if let odd, odd <= start + length {
                if odd == start + length { return nil }
                continue
            }
            if end - start >= length, zip(bytes[start..<end], opening.utf8).allSatisfy({ $0.asciiLowercased == $1 }) { found = true }
        }
        return found
    }

    /// `text` without a final "(Person Name)" attribution; nil when there is none.
    static func withoutTrailingAttribution(_ text: String) -> String? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmed(.emphasisMarks)
        let head = text[..<open].trimmed(.emphasisMarks)
        guard !head.isEmpty, inner.contains(" "), TextRules.looksLikeName(inner) else { return nil }
        return head
    }

    /// Folded text used to recognise an item repeated in a summary.
    static func dedupeKey(_ text: String) -> String {
        // Read on the bytes when every scalar is a character of its own (most findings), without folding first.
        if let key = text.utf8.withContiguousStorageIfAvailable(dedupeKey(ofLoneScalars:)), let key { return key }
        return dedupeKeyByCharacters(text)
    }

    /// `dedupeKey(_:)` as written: the letters and digits of the text folded.
    static func dedupeKeyByCharacters(_ text: String) -> String {
        let folded = TextRules.fold(text)
        guard folded.isPlainASCII else { return folded.filter { $0.isLetter || $0.isNumber } }
        // ASCII letters and digits, on bytes.
        return String(decoding: folded.utf8.filter { byte in
            ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }, as: UTF8.self)
    }

    static let ownerFirst = try! NSRegularExpression(
        pattern: #"^@?([\p{L}][\p{L}\p{M}'’._-]*(?: [\p{L}][\p{L}\p{M}'’.-]*){0,3}?)(?:,| and [\p{L}]+)? (?:to|will|should|shall|must|needs to|is to)\b"#)
    static let ownerTrailing = try! NSRegularExpression(
        pattern: #"(?:\(|\[|—|–| - )\s*@?([\p{L}][\p{L}\p{M}'’._-]*(?: [\p{L}][\p{L}\p{M}'’.-]*){0,3})\s*(?:\)|\])?\s*$"#)
    private static let ownerLabel = try! NSRegularExpression(pattern: #"^([\p{L}][\p{L}'’._-]*(?: [\p{L}][\p{L}'’.-]*){0,3}):\s"#)

    /// Whether `text` holds the bytes of " to", " will", " should", " shall" or " must", one of which every match of
    /// `ownerFirst` holds (" needs to" and " is to" hold " to").
    static func ownerFirstMayMatch(_ text: String) -> Bool {
        text.holdsBytes(" to") || text.holdsBytes(" will") || text.holdsBytes(" should") || text.holdsBytes(" shall") || text.holdsBytes(" must")
    }

    /// Whether `text` holds one of the bytes or dashes that open `ownerTrailing`'s name: "(", "[", "—", "–" or " - ".
    static func ownerTrailingMayMatch(_ text: String) -> Bool {
        text.holdsByte(UInt8(ascii: "(")) || text.holdsByte(UInt8(ascii: "[")) || text.holdsBytes("—") || text.holdsBytes("–")
            || text.holdsBytes(" - ")
    }

    /// Words that stand where an owner's name would but name no one person.
    static let ownerStopWords: Set<String> = ["we", "group", "everyone", "all", "chairs", "editors", "the group", "team", "this", "it", "they", "someone"]

    /// The person an action names, as a participant's full name where one matches.
    static func owner(of text: String, participants: Roster, nicknames: [String: String] = [:]) -> String? {
        // A speaker tag in front: "[oliver] Look into …".
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let tag = String(text[text.index(after: text.startIndex)..<close])
            if TextRules.isNick(tag), let person = resolve(tag, in: participants, nicknames: nicknames) { return person }
        }
        if let listed = listedOwners(of: text, participants: participants, nicknames: nicknames) { return listed }
        // Each pattern runs only on a text holding the bytes it cannot match without.
        let patterns = [(ownerFirst, ownerFirstMayMatch(text)), (ownerLabel, text.holdsByte(UInt8(ascii: ":"))),
                        (ownerTrailing, ownerTrailingMayMatch(text))].filter(\.1).map(\.0)
        guard !patterns.isEmpty else { return nil }
        let ns = text as NSString
        let range = NSRange(location: 0, length: ns.length)
        for pattern in patterns {
            guard let match = pattern.firstMatch(in: text, range: range) else { continue }
            let candidate = ns.substring(with: match.range(at: 1)).trimmed(.ownerPunctuation)
            if let person = resolve(candidate, in: participants, nicknames: nicknames) { return person }
            let name = TextRules.nickToName(candidate)
            if !Self.ownerStopWords.contains(name.lowercased()), name.first?.isUppercase == true || pattern === ownerFirst,
               name.split(separator: " ").count <= 3, !name.lowercased().hasPrefix("the ") {
                return name
            }
        }
        return nil
    }

    /// Matches a name, first name, surname or nick to one participant's full name.
    static func resolve(_ candidate: String, in participants: Roster, nicknames: [String: String] = [:]) -> String? {
        // Only the nickname looked up first depends on the nicknames; past it the answer depends on the candidate
        // alone: each is resolved (and folded for the nickname) once per roster (the same words open many sentences).
        if !nicknames.isEmpty, let person = nicknames[participants.folded(candidate)] { return person }
        return participants.memoized(candidate) { resolveByRules(candidate, in: participants) }
    }

    /// `resolve(_:in:nicknames:)` by its rules, every time.
    static func resolveByRules(_ candidate: String, in participants: Roster, nicknames: [String: String] = [:]) -> String? {
        if let person = nicknames[TextRules.fold(candidate)] { return person }
        let key = TextRules.fold(TextRules.nickToName(candidate))
        let compact = letters(of: key)
        guard !compact.isEmpty else { return nil }
        let people = participants.entries
        if let exact = people.first(where: { $0.folded == key }) { return exact.name }
        let longCompact = compact.count >= 3
        let matches = people.filter { person in
            person.parts.first == key || person.parts.last == key || person.joined == compact
                || (longCompact && person.firstAndInitial == compact)
        }
        if matches.count == 1 { return matches[0].name }
        guard matches.isEmpty else { return nil }
        // "Town Clerk to submit …": the one participant holding that office.
        let office = key.hasPrefix("the ") ? String(key.dropFirst(4)) : key
        let holders = people.filter { $0.office == office }
        if holders.count == 1 { return holders[0].name }
        return initialsMatch(candidate, in: participants) ?? nearMissFirstName(key, in: participants) ?? firstNamePrefix(compact, in: participants)
    }

    /// "Harsh" for "Harshvardhan Pandit": four or more letters that begin exactly one participant's first name.
    static func firstNamePrefix(_ compact: String, in participants: Roster) -> String? {
        guard compact.count >= 4 else { return nil }
        let matches = participants.entries.filter { person in
            guard let letters = person.firstNameLetters, !letters.startsUnlike(compact) else { return false }
            return letters.hasPrefix(compact)
        }
        return matches.count == 1 ? matches[0].name : nil
    }

    /// Marks trimmed from around a name in a list of owners ("(Ajay),").
    static let listedNameMarks: Set<Character> = Set(",:;.()@ ")

    /// Owners an action names by list: a first word that is a participant ("AndyS Raise new issue …",
    /// "HArsh, (with the help of Axel) put …"), a lead-in phrase before the name ("For DPDP, Ajay to email …"),
    /// or a trailing list after a dash ("Review GDPR concepts - Stratis, Georg, Ruhi"), each resolved to a full name.
    static func listedOwners(of text: String, participants: Roster, nicknames: [String: String]) -> String? {
        guard !participants.isEmpty else { return nil }
        func person(_ word: Substring) -> String? {
            let bare = word.trimmed(Self.listedNameMarks)
            guard bare.count >= 2, TextRules.isNick(bare) else { return nil }
            return resolve(bare, in: participants, nicknames: nicknames)
        }
        var body = Substring(text)
        // "For DPDP, Ajay to email Harsh": skip a short lead-in phrase ending in a comma.
        if body.lowercased().hasPrefix("for "), let comma = body.firstIndex(of: ","), body.distance(from: body.startIndex, to: comma) <= 30 {
            body = body[body.index(after: comma)...].drop { $0 == " " }
        }
        if let first = body.split(separator: " ", maxSplits: 1).first, TextRules.startsUppercase(first), let owner = person(first) {
            let rest = body.dropFirst(first.count).drop { $0 == " " || $0 == "," }
            // "Ajay to email …", "AndyS Raise …", "HArsh, (with …": the name is the subject, not an object in a sentence.
            if rest.hasPrefix("to ") || rest.hasPrefix("(") || rest.first?.isUppercase == true || rest.hasPrefix("will ") { return owner }
        }
        if text.holdsBytes(" - "), let dash = text.range(of: " - ", options: .backwards) {
            let tail = text[dash.upperBound...].trimmed(Set(" ."))
            let separator = tail.contains(" and ") && !tail.contains(",") ? " and " : ", "
            let names = tail.replacingOccurrences(of: " and ", with: ",").split(separator: ",").map { $0.trimmed() }
            guard (1...6).contains(names.count) else { return nil }
            let people = names.compactMap { person(Substring($0)) }
            if people.count == names.count { return people.joined(separator: separator) }
        }
        return nil
    }

    /// "by 2024-03-01", "due 3 March 2024", "(due: …)" → ISO date.
    /// Without a year ("by 20 June", "due June 20th"), the date is the next such day on or after the meeting.
    static func due(in text: String, meetingDate: String? = nil) -> String? {
        // Every marker holds "due", "deadl" or " by " (no "i" or "k": no other character folds to their letters), which
        // a text without them in any case is refused by, on its bytes.
        guard text.findingsScan(dueStems).mentions != 0 else { return nil }
        for marker in ["due by ", "due: ", "due ", "deadline: ", "deadline ", " by "] {
            // Searched case-insensitively in the text itself, so the tail is cut from the same string.
            if let range = text.rangeOfASCIIIgnoringCase(marker) {
                let tail = String(text[range.upperBound...].prefix(40))
                if let date = DateExtractor.firstDate(in: tail) { return date }
                if let meetingDate, let date = dayAndMonth(in: tail, after: meetingDate) { return date }
            }
        }
        return nil
    }

    /// Parts of the markers of `due(in:meetingDate:)`, one of which each holds.
    static let dueStems = FindingsNeedles(["due", "deadl", " by "])

    /// "20 June", "June 20th" at the start of `tail`, dated in the year that puts it on or after `meetingDate`.
    static func dayAndMonth(in tail: String, after meetingDate: String) -> String? {
        let words = tail.split(separator: " ", maxSplits: 3).prefix(2).map { $0.lowercased().trimmed(Set(".,;:()")) }
        guard words.count == 2 else { return nil }
        func day(_ word: String) -> Int? {
            let digits = word.prefix { $0.isNumber }
            let suffix = word.dropFirst(digits.count)
            guard !digits.isEmpty, ["", "st", "nd", "rd", "th"].contains(suffix), let value = Int(digits), (1...31).contains(value) else { return nil }
            return value
        }
        let parsed: (Int, Int)?
        if let d = day(words[0]), let m = DateExtractor.months[words[1]] { parsed = (d, m) }
        else if let m = DateExtractor.months[words[0]], let d = day(words[1]) { parsed = (d, m) }
        else { parsed = nil }
        let parts = meetingDate.split(separator: "-").compactMap { Int($0) }
        guard let (d, m) = parsed, parts.count == 3 else { return nil }
        let year = (m, d) < (parts[1], parts[2]) ? parts[0] + 1 : parts[0]
        // (Every part is not negative: `padded` writes what "%04d-%02d-%02d" does.)
        return DateExtractor.padded(year, to: 4) + "-" + DateExtractor.padded(m, to: 2) + "-" + DateExtractor.padded(d, to: 2)
    }
}

// MARK: - Layout and wording rules kept apart from the main loop

extension FindingExtractor {
    /// A finding recognised in running prose, with the owner an assignment names.
    struct ProseFinding: Equatable {
        var text: String
        var kind: FindingKind
        var owner: String?
    }

    /// `text` without a leading "[nick] " speaker tag (a slice of `text`, not copied), and the tag; nil when there is none.
    static func speakerTag(_ text: String) -> (tag: String, rest: Substring)? {
        // Most lines do not open with a bracket: its byte is looked at first.
        guard text.utf8.first == UInt8(ascii: "[") else { return nil }
        // Read on the bytes when they can tell (`speakerTagOnBytes`).
        if let answer = speakerTagOnBytes(text) { return answer }
        return speakerTagByCharacters(text)
    }

    /// `speakerTag(_:)` as written.
    static func speakerTagByCharacters(_ text: String) -> (tag: String, rest: Substring)? {
        guard text.utf8.first == UInt8(ascii: "["), text.hasPrefix("["), let close = text.firstIndexOfASCII(UInt8(ascii: "]")) else { return nil }
        let tag = String(text[text.index(after: text.startIndex)..<close].trimmingBlanksOnBytes())
        guard TextRules.isNick(tag) else { return nil }
        return (tag, text[text.index(after: close)...].trimmingBlanksOnBytes())
    }

    /// "[timothy] **RESOLVED** We can start …", "[ann] RESOLVED: …": a speaker's resolution, without tag and label.
    static func taggedResolution(_ text: String) -> String? {
        speakerTag(text).flatMap { resolution(inTagged: $0.rest) }
    }

    /// The resolution a speaker's words after the tag record ("**RESOLVED** We can start …"), without the label.
    static func resolution(inTagged rest: Substring) -> String? {
        // Both labels start with "R": the first byte after the emphasis bytes must be its.
        guard rest.utf8.first(where: { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: " ") }) == UInt8(ascii: "R")
        else { return nil }
        let body = rest.trimming(.emphasisMarks)
        for label in ["RESOLVED", "RESOLUTION"] where body.hasPrefix(label) {
            let value = body.dropFirst(label.count).trimmed(Set("*_: "))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// "[CRob] to follow up with …": whether the words after a speaker's tag give the tagged person work
    /// ("to" and a lower-case verb), unlike ordinary tagged speech.
    static func assignsWork(_ rest: Substring) -> Bool {
        // (Bytes that do not open with "to " open no such characters.)
        guard rest.utf8.starts(with: "to ".utf8), rest.hasPrefix("to "), let verb = rest.dropFirst(3).split(separator: " ", maxSplits: 1).first else { return false }
        return verb.first?.isLowercase == true
    }

    /// The owner and due date of a tracker's confirmation of an action:
    /// "Created ACTION-42 - Look into … [on Eva Schlehahn - due 2018-12-10]."
    static func trackerAssignment(_ text: String) -> (owner: String, due: String?)? {
        // Every block passes here: the tracker's phrase is looked for on bytes first.
        // A dash is looked for with `memchr` first: most blocks hold none and skip the longer search.
        guard text.holdsByte(UInt8(ascii: "-")), text.holdsBytes("Created ACTION-"), let created = text.rangeOfASCII("Created ACTION-"), let open = text.lastRangeOfASCII("[on ", from: created.upperBound),
              let close = text[open.upperBound...].firstIndex(of: "]") else { return nil }
        let inner = String(text[open.upperBound..<close])
        let parts = inner.components(separatedBy: " - due ")
        let owner = parts[0].trimmed()
        guard !owner.isEmpty else { return nil }
        let due = parts.count > 1 ? DateExtractor.firstDate(in: parts[1]) : nil
        return (owner, due)
    }

    /// Whether a "Resolved:"/"Decision:" value is only a count ("177"), as in issue statistics.
    static func isTally(_ value: String) -> Bool {
        !value.isEmpty && value.allSatisfy { $0.isNumber || $0 == " " || $0 == "," || $0 == "." }
    }

    /// "DECISION - we will … review @CRob - talk with Katharine …": the decision, the mentioned person
    /// and the action handed to them ("CRob - talk with …"); nil when no "@Name - " or "@Name: " follows the decision.
    static func mentionTail(_ text: String) -> (head: String, mention: String, item: String)? {
        guard let at = text.range(of: " @") else { return nil }
        let tail = text[at.upperBound...]
        let name = tail.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        let after = tail.dropFirst(name.count)
        guard name.count >= 2, name.first?.isUppercase == true, after.hasPrefix(" - ") || after.hasPrefix(": ") || after.hasPrefix(" – ") else { return nil }
        let head = text[..<at.lowerBound].trimmed(.emphasisMarks)
        let item = tail.trimmed(.emphasisMarks)
        guard head.count >= 3, after.count >= 5 else { return nil }
        return (head, String(name), item)
    }

    /// A short paragraph that is itself a findings heading ("Action items", "Resolutions") without a colon.
    static func isBareSectionLabel(_ text: String) -> Bool {
        guard text.utf8.count <= 80 else { return false }
        // Counted up to four, which already refuses the text.
        // The cheap byte checks go first: most short paragraphs are refused by them before their words are counted
        // (`containsASCII(".")` finds no dot where `memchr` finds no dot byte).
        // (A text ending in the character "?" ends in its byte.)
        guard !text.holdsByte(UInt8(ascii: ".")) || !text.containsASCII("."), text.utf8.last != UInt8(ascii: "?") || !text.hasSuffix("?"),
              (1...3).contains(spaceSeparatedWordCount(text, upTo: 4)) else { return false }
        return sectionKind(text) != nil
    }

    /// How many words `text.split(separator: " ")` gives, counted no further than `limit`.
    static func spaceSeparatedWordCount(_ text: String, upTo limit: Int) -> Int {
        text.findingsLeadingWordCount(limit: limit) ?? text.runCount(upTo: limit) { $0 == " " }
    }

    /// Whether an item introducing nested points says they were agreed ("consensus from folks in the meeting:").
    static func announcesAgreement(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["consensus", "agreed", "agreement", "decided", "resolved"].contains { lower.contains($0) }
    }

    /// The texts of the list items nested directly under the item at `index`.
    static func nestedItems(after index: Int, in blocks: [Block]) -> [String] {
        guard blocks.indices.contains(index) else { return [] }
        let level = blocks[index].level
        var childLevel: Int?
        var items: [String] = []
        for block in blocks[(index + 1)...] {
            guard block.kind == .listItem, block.level > level else { break }
            let own = childLevel ?? block.level
            childLevel = own
            if block.level == own { items.append(block.text.trimmed(.bulletsAndDashes)) }
        }
        return items
    }

    /// Decisions and assignments written as prose rather than labelled:
    /// "I think we've concluded. …", "We have enough of a consensus…", "Agreement to extend …",
    /// "6 in favor – passes", "There was some consensus that …", "MM, DH and MF all agreed that …",
    /// "JM to send out …", "Lindsey will create …" (the person must be a participant).
    static func proseFindings(_ text: String, participants: Roster, nicknames: [String: String] = [:]) -> [ProseFinding] {
        proseFindings(text, tagged: speakerTag(text), participants: participants, nicknames: nicknames)
    }

    /// `proseFindings(_:participants:nicknames:)` of a text whose `speakerTag(text)` is `tagged` (read once by the caller).
    static func proseFindings(_ text: String, tagged: (tag: String, rest: Substring)?, participants: Roster,
                              nicknames: [String: String] = [:]) -> [ProseFinding] {
        // Most lines hold none of the words these rules look for; they are refused on their bytes.
        // One pass over the bytes answers both questions, unless they cannot tell, and whether the agreement words may be there.
        let bytes = text.findingsProseBytes()
        let cues = bytes?.cues
        let toOrWill = cues?.toOrWill ?? text.findingsHoldsSpacedToOrWill()
        guard cues?.mayApply ?? ProseCue.mayApply(to: text, toOrWill: toOrWill) else { return [] }
        let line = String(tagged?.rest ?? text.trimmingBlanksOnBytes())
        // At least three characters (counted no further than that).
        guard !line.dropFirst(2).isEmpty else { return [] }
        // The decision rules need words that most lines lack: the line's bytes are read once for all of them, unless the
        // text's bytes hold none of them (the line is part of the text; see `FindingProseBytes.mayHoldAgreementWords`).
        let scan = bytes?.mayHoldAgreementWords == false ? nil : line.findingsScan(ProseCue.needles)
        let mentions = scan?.mentions ?? 0
        if mentions & ProseCue.wholeLineMask != 0, isWholeLineDecision(line) { return [ProseFinding(text: line, kind: .decision)] }
        let mayRecordAgreement = mentions & ProseCue.agreementMask != 0
        // Without agreement words only an assignment can be found: it needs a name that resolves (none does without
        // participants or nicknames, see `resolve`) and "to" or "will" between two words, which makes the bytes " to " or
        // " will " (of the line, so of the text it is part of).
        if !mayRecordAgreement, toOrWill == .absent || (participants.isEmpty && nicknames.isEmpty) { return [] }
        let isPlainASCII = scan?.isPlainASCII ?? line.isPlainASCII
        // Nor without agreement words when no sentence opens with a name and "to" or "will" (read on the line's bytes).
        if !mayRecordAgreement, !line.findingsSomeSentenceMayOpenAssignment(isPlainASCII: isPlainASCII) { return [] }
        // A transcript speaker's words ("Dan Brickley: … there was consensus that …") report, they do not record.
        if let (label, _) = labelledIfColon(line), TextRules.looksLikeName(label) { return [] }
        var found: [ProseFinding] = []
        for slice in sentenceSlices(line, isPlainASCII: isPlainASCII) {
            // A sentence that cannot record agreement can only name an assignee, and `assignee(of:)` takes none without "to"
            // or "will" after its opening name or a " - " before a final step: other sentences are passed over uncopied.
            // (Both byte answers are passed on to `assignee`, which would read them again of the same bytes.)
            let mayOpen = slice.findingsMayOpenAssignment(allowingWill: true), holdsSpacedHyphen = slice.holdsSpacedHyphen()
            guard mayRecordAgreement || mayOpen || holdsSpacedHyphen else { continue }
            let sentence = String(slice)
            if mayRecordAgreement, isAgreementSentence(sentence) {
                found.append(ProseFinding(text: sentence, kind: .decision))
            } else if let owner = assignee(of: sentence, mayOpen: mayOpen, holdsSpacedHyphen: holdsSpacedHyphen,
                                           participants: participants, nicknames: nicknames) {
                found.append(ProseFinding(text: sentence, kind: .action, owner: owner))
            }
        }
        return found
    }

    /// The words `proseFindings` looks for in one pass over a line's bytes (`String.findingsScan(_:)`).
    enum ProseCue {
        /// Words one of the prose rules needs, looked for together before any rule runs.
        static let anyRule = ASCIINeedleSet([" to ", " will ", "onsensus", "gree", "voted", "onclude", " in favo"])
        /// The words of `anyRule` but " to " and " will ", whose rarer letters let a scan pass over most bytes.
        static let rarerWords = ASCIINeedleSet(["onsensus", "gree", "voted", "onclude", " in favo"])

        /// `anyRule.containsAny(in: text)`: " to " and " will " (in most lines that hold any of the words) are looked for
        /// at the spaces first, the other words only when neither is there.
        /// `toOrWill` is `text.findingsHoldsSpacedToOrWill()` when known.
        static func mayApply(to text: String, toOrWill: FindingsWordSearch? = nil) -> Bool {
            switch toOrWill ?? text.findingsHoldsSpacedToOrWill() {
            case .found: return true
            case .absent: return rarerWords.containsAny(in: text)
            case .undecided: return anyRule.containsAny(in: text)
            }
        }
        /// Words `isWholeLineDecision` cannot say yes without: each of its phrases holds one (none holds "i" or "k").
        static let wholeLineWords = ["concluded", "consensus", "agreement", " favo"]
        /// Words `isAgreementSentence` cannot say yes without: each of its phrases holds one (none holds "i" or "k").
        static let agreementWords = ["consensus", "agreement", " agreed that", "voted "]
        /// Both, in that order, prepared for the scan.
        static let needles = FindingsNeedles(wholeLineWords + agreementWords)
        /// The bits of `wholeLineWords` in a scan's mentions.
        static let wholeLineMask = bits(0, wholeLineWords.count)
        /// The bits of `agreementWords`.
        static let agreementMask = bits(wholeLineWords.count, agreementWords.count)

        /// `count` bits from bit `first` on.
        private static func bits(_ first: Int, _ count: Int) -> UInt { ((1 << count) - 1) << first }
    }

    /// A line whose speaker records the group's conclusion, or a vote tally that carried.
    static func isWholeLineDecision(_ line: String) -> Bool {
        mayBeWholeLineDecision(line) && isWholeLineDecisionByWords(line)
    }

    /// Phrases the bytes of a whole-line decision hold, in any case (see `mayBeWholeLineDecision`).
    static let wholeLinePhrases = FindingsNeedles(["ve concluded", "we have enough of a consensus", " in favo"])

    /// Whether the bytes of `line` hold what `isWholeLineDecisionByWords` needs, ASCII letters in either case:
    /// "ve concluded" (of "we've" or "we have concluded"), "we have enough of a consensus", an opening "agreement to " or
    /// "consensus to ", or " in favo" after an opening digit or non-ASCII byte. None of them holds "i" or "k", so
    /// lower-casing the line adds none of their letters (see `findingsScan`), nor does "’" becoming "'". False is a sure no.
    static func mayBeWholeLineDecision(_ line: String) -> Bool {
        let scan = line.findingsScan(wholeLinePhrases)
        if scan.mentions & 0b011 != 0 { return true }
        if scan.mentions & 0b100 != 0, let first = line.utf8.first,
           (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first >= 0x80 {
            return true
        }
        let head = line.utf8.prefix(13).map(\.asciiLowercased)
        return head.elementsEqual("agreement to ".utf8) || head.elementsEqual("consensus to ".utf8)
    }

    /// `isWholeLineDecision(_:)` as written, on the line lower-cased.
    static func isWholeLineDecisionByWords(_ line: String) -> Bool {
        var lower = line.lowercased()
        if lower.containsASCII("’") { lower = lower.replacingOccurrences(of: "’", with: "'") }
        if ["we've concluded", "we have concluded", "we have enough of a consensus"].contains(where: { lower.containsASCII($0) }) {
            return true
        }
        if lower.hasPrefix("agreement to ") || lower.hasPrefix("consensus to ") { return true }
        // "6 in favor – passes"
        if lower.first?.isNumber == true, lower.containsASCII(" in favo"),
           ["passes", "passed", "carried", "carries", "approved", "adopted"].contains(where: { lower.containsASCII($0) }) {
            return true
        }
        return false
    }

    /// "There was (some) consensus that …", "… there was agreement that …", "X and Y agreed that …".
    static func isAgreementSentence(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        // Every opener holds "consensus" or "agreement": a sentence with neither is not searched for them.
        let opens = ((lower.containsASCII("consensus") || lower.containsASCII("agreement"))
                     && agreementOpeners.contains(where: { lower.containsASCII($0) }))
            || lower.containsASCII(" all agreed that ") || bodyVotes.contains(where: { lower.hasPrefix($0) })
        return opens && !negatedAgreements.contains(where: { lower.containsASCII($0) })
    }

    /// What a sentence recording agreement opens with.
    static let agreementOpeners = ["there was consensus that", "there was agreement that", "there was general agreement that",
                                   "there was some consensus that", "there was general consensus that", "there was broad consensus that",
                                   "there was broad agreement that", "there was some agreement that", "the consensus was that"]
    /// "Group voted for CRob to continue on as chair …": the body's vote is its decision.
    static let bodyVotes = ["group voted ", "the group voted ", "tac voted ", "the tac voted ", "the committee voted ", "the board voted ",
                            "members voted "]
    /// Phrases that deny an agreement.
    static let negatedAgreements = ["no consensus", "no agreement", "not agreed", "disagree", "lack of consensus", "without consensus"]

    /// The participant a sentence assigns work to: "JM to send out …", "Kay and David to discuss",
    /// "Lindsey will create …", "Washington to provide …", also after a final " - ". Nil unless the name
    /// resolves to a participant and a lower-case verb follows.
    static func assignee(of sentence: String, participants: Roster, nicknames: [String: String] = [:]) -> String? {
        assignee(of: sentence, mayOpen: sentence.findingsMayOpenAssignment(allowingWill: true), holdsSpacedHyphen: sentence.holdsSpacedHyphen(),
                 participants: participants, nicknames: nicknames)
    }

    /// `assignee(of:participants:nicknames:)` of a sentence whose `findingsMayOpenAssignment(allowingWill: true)` is
    /// `mayOpen` and whose `holdsSpacedHyphen()` is `holdsSpacedHyphen` (read by the caller).
    static func assignee(of sentence: String, mayOpen: Bool, holdsSpacedHyphen: Bool, participants: Roster,
                         nicknames: [String: String] = [:]) -> String? {
        // The whole sentence, or its final dash-separated step ("Next step - … - Kay and David to discuss"),
        // each only when its opening words may be a name, "to" or "will" and a verb (read on bytes, without making the words).
        var segments: [(text: String, markers: [String])] = []
        if mayOpen { segments.append((sentence, ["to", "will"])) }
        if holdsSpacedHyphen, let step = finalDashStep(of: sentence), step.findingsMayOpenAssignment(allowingWill: false) {
            segments.append((step, ["to"]))
        }
        for (segment, markers) in segments {
            // Only the opening words can name the person and the verb: the tests below read at most the
            // seventh word, so seven words give the same answers as the whole sentence.
            let words = openingWords(of: segment)
            for nameLength in 1...2 where words.count > nameLength + 1 {
                var next = nameLength
                if words[next] == "and", words.count > next + 3 { next += 2 }
                guard markers.contains(words[next]) else { continue }
                let verb = words[next + 1]
                guard verb.first?.isLowercase == true, verb.allSatisfy({ $0.isLetter }), !Self.notVerbs.contains(verb) else { continue }
                if words[next] == "will", words.count > next + 2,
                   Self.pointers.contains(words[next + 2].lowercased().trimmed(Self.pointerPunctuation)) { continue }
                guard !words[0..<nameLength].contains(where: { $0.hasSuffix(":") }) else { continue }
                let name = words[0..<nameLength].joined(separator: " ").trimmed(Self.nameMarks)
                guard name.first?.isUppercase == true, let person = resolve(name, in: participants, nicknames: nicknames) else { continue }
                return person
            }
        }
        return nil
    }

    /// The first seven words of `segment`, split at spaces as `split(separator: " ")` splits (on bytes where they are ASCII).
    static func openingWords(of segment: String) -> [String] {
        segment.findingsLeadingWords(limit: 7) ?? segment.split(separator: " ", maxSplits: 7).prefix(7).map { String($0) }
    }

    /// Marks trimmed from around a name that opens an assignment ("@Kay,").
    static let nameMarks: Set<Character> = Set("@,*_ ")
    /// Words after "to"/"will" that are no verb of an assignment.
    static let notVerbs: Set<String> = ["be", "have", "not", "the", "a", "an", "this", "that", "it"]
    /// "Joe will do that today": words that only point at the work instead of stating it.
    static let pointers: Set<String> = ["that", "this", "it", "so", "them"]
    /// Punctuation trimmed from a word before it is compared with `pointers`.
    static let pointerPunctuation: Set<Character> = Set(".,;!")

    /// The text after the last " - " of `sentence`, the matches taken from the left without overlap (as
    /// `ranges(of:)` takes them); nil when there is none.
    static func finalDashStep(of sentence: String) -> String? {
        // The matches of the bytes, from the left without overlap. " " and "-" have no canonical equivalents, so every
        // match of the characters is one of the bytes; a match of the bytes between ASCII bytes (or the ends) is one of
        // the characters (no prepended mark before it, no combining mark after it), and then the matches are the same.
        let isPlainASCII = sentence.isPlainASCII
        let spacedHyphen: StaticString = " - "
        let pattern = UnsafeBufferPointer(start: spacedHyphen.utf8Start, count: spacedHyphen.utf8CodeUnitCount)
        let stepStart = sentence.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            var from = 0, stepStart: Int?
            while let dash = UTF8Search.offset(of: pattern, in: bytes, from: from) {
                let end = dash + 3
                guard isPlainASCII || ((dash == 0 || bytes[dash - 1] < 0x80) && (end == bytes.count || bytes[end] < 0x80)) else { return nil }
                stepStart = end
                from = end
            }
            return .some(stepStart)
        }
        guard let stepStart, let stepStart else {
            return sentence.ranges(of: " - ").last.map { String(sentence[$0.upperBound...]) }
        }
        return stepStart.map { String(sentence[sentence.utf8.index(sentence.utf8.startIndex, offsetBy: $0)...]) }
    }

    /// `text` cut into sentences at ". ", "! " and "? " before a capital, keeping initials ("David A. Wheeler")
    /// and abbreviations ("e.g.") inside their sentence.
    /// `isPlainASCII` may be given when known.
    static func sentences(_ text: String, isPlainASCII: Bool? = nil) -> [String] {
        sentenceSlices(text, isPlainASCII: isPlainASCII).map { String($0) }
    }

    /// `sentences(_:isPlainASCII:)` as slices: of `text` itself, not copied, when it is plain ASCII.
    static func sentenceSlices(_ text: String, isPlainASCII: Bool? = nil) -> [Substring] {
        // Plain ASCII is walked on its bytes in place (one a character), other text character by character.
        if isPlainASCII ?? text.isPlainASCII, let found = text.utf8.withContiguousStorageIfAvailable(sentenceOffsets(ofASCII:)) {
            let utf8 = text.utf8
            return found.map { range in
                let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                return text[start..<utf8.index(start, offsetBy: range.count)]
            }
        }
        // Other text: its characters are read once into what the rule asks of each (`SentenceCharacter`), with where each
        // starts, instead of being found again at every look; from the bytes when every scalar is a character by itself.
        var units: [SentenceCharacter] = [], starts: [String.Index] = []
        if let (scalarUnits, offsets) = text.utf8.withContiguousStorageIfAvailable(sentenceCharacters(ofLoneScalars:)) ?? nil {
            units = scalarUnits
            starts = offsets.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
        } else {
            var index = text.startIndex
            for character in text {
                units.append(SentenceCharacter(character))
                starts.append(index)
                index = text.utf8.index(index, offsetBy: character.utf8.count)
            }
            starts.append(text.endIndex)
        }
        let ranges = sentenceRanges(in: units) { word in
            word.count <= 1 || sentenceAbbreviations.contains(text[starts[word.lowerBound]..<starts[word.upperBound]].lowercased())
        }
        return ranges.map { Substring(text[starts[$0.lowerBound]..<starts[$0.upperBound]].trimmed()) }.filter { !$0.isEmpty }
    }

    /// The characters of UTF-8 `bytes` for `sentences(_:)`, with the offset where each starts (and the end), when every
    /// scalar is a character by itself: no CR (which pairs with LF) and every non-ASCII scalar one that
    /// `standsAlone` (`Unicode.Scalar.standsAlone`); nil for any other text.
    private static func sentenceCharacters(ofLoneScalars bytes: UnsafeBufferPointer<UInt8>) -> (units: [SentenceCharacter], starts: [Int])? {
        var units: [SentenceCharacter] = [], starts: [Int] = []
        units.reserveCapacity(bytes.count)
        starts.reserveCapacity(bytes.count + 1)
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            starts.append(offset)
            if lead < 0x80 {
                guard lead != 0x0D else { return nil }
                units.append(SentenceCharacter(lead))
                offset += 1
                continue
            }
            guard let (scalar, length) = UTF8Scalars.scalar(startingAt: offset, in: bytes), scalar.standsAlone else { return nil }
            units.append(SentenceCharacter(Character(scalar)))
            offset += length
        }
        starts.append(bytes.count)
        return (units, starts)
    }

    /// Where the sentences of `sentences(_:)` are among plain ASCII bytes.
    private static func sentenceOffsets(ofASCII bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let ranges = sentenceRanges(in: bytes) { word in
            word.count <= 1 || isSentenceAbbreviation(UnsafeBufferPointer(rebasing: bytes[word]))
        }
        return ranges.compactMap { range in
            // Trimmed of spaces and tabs, which are bytes of their own here.
            var start = range.lowerBound, end = range.upperBound
            while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
            while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            return start < end ? start..<end : nil
        }
    }

    /// Where `units` (the characters of a text, or its bytes when each is a character) break into sentences, untrimmed:
    /// at ". ", "! " or "? " before a capital, unless `isKeptOpen` says that the full stop ends the word before it
    /// (initials, abbreviations); the last range is the rest of the text, which may be blank.
    private static func sentenceRanges<Units: BidirectionalCollection>(in units: Units, isKeptOpen: (Range<Units.Index>) -> Bool)
        -> [Range<Units.Index>] where Units.Element: SentenceUnit {
        var result: [Range<Units.Index>] = []
        var start = units.startIndex
        var wordStart = units.startIndex
        var i = units.startIndex
        while i < units.endIndex {
            let c = units[i]
            let next = units.index(after: i)
            defer { i = next }
            if c.isSentenceSpace { wordStart = next; continue }
            guard c.isSentenceEnd, next < units.endIndex, units[next].isSentenceSpace else { continue }
            let after = units.index(after: next)
            guard after < units.endIndex, units[after].opensSentence else { continue }
            if c.isFullStop, isKeptOpen(max(wordStart, start)..<i) { continue }
            result.append(start..<next)
            start = next
        }
        if start < units.endIndex { result.append(start..<units.endIndex) }
        return result
    }

    /// Abbreviations whose full stop does not end a sentence.
    static let sentenceAbbreviations: Set<String> = ["e.g", "i.e", "etc", "vs", "dr", "mr", "ms", "mrs", "no", "cf"]

    /// Marks trimmed from around initials ("(JM):").
    static let initialsMarks: Set<Character> = Set("@[]():,. ")

    /// "JM" → the one participant whose name has those initials ("John Mertic").
    static func initialsMatch(_ candidate: String, in participants: Roster) -> String? {
        let letters = candidate.trimmed(Self.initialsMarks)
        guard (2...4).contains(letters.count), letters.allSatisfy({ $0.isUppercase && $0.isLetter }) else { return nil }
        let key = TextRules.fold(letters)
        let matches = participants.entries.filter { $0.initials == key }
        return matches.count == 1 ? matches[0].name : nil
    }

    /// "Lindsey" → the one participant whose first name differs by one letter ("Lindsay …"); names of five letters or more.
    static func nearMissFirstName(_ key: String, in participants: Roster) -> String? {
        guard key.count >= 5, !key.containsASCII(" ") else { return nil }
        let matches = participants.entries.filter { person in
            guard let first = person.parts.first, !first.startsUnlike(key), first.first == key.first else { return false }
            return TextRules.editDistance(first, key, limit: 1) == 1
        }
        return matches.count == 1 ? matches[0].name : nil
    }

}

// MARK: - Participants prepared for name matching

extension FindingExtractor {
    /// The participants in the forms `resolve` compares names with: each name folded and cut into words
    /// once per document, not once for every candidate owner looked up.
    struct Roster: ExpressibleByArrayLiteral {
        /// One participant's name, prepared.
        struct Entry {
            /// The full name, as reported.
            let name: String
            /// `TextRules.fold(name)`.
            let folded: String
            /// The words of `folded`.
            let parts: [String]
            /// The words of `folded` run together ("johnmertic").
            let joined: String
            /// The first word and the last word's first letter ("johnm"); nil for a one-word name.
            let firstAndInitial: String?
            /// The first letters of the words of `folded`, short abbreviations ("a.") left out ("jm");
            /// nil when fewer than two words remain.
            let initials: String?
            /// The letters of the name's first word, lower-cased ("harshvardhan"); nil for a name without a space.
            let firstNameLetters: String?
            /// The folded job title.
            let office: String?

            init(_ person: Participant) {
                name = person.name
                folded = TextRules.fold(person.name)
                parts = folded.findingsLeadingWords() ?? folded.split(separator: " ").map { String($0) }
                joined = parts.joined()
                // Plain ASCII (most names): one byte a character, read in place.
                let isPlainASCII = folded.isPlainASCII
                if parts.count >= 2, let last = parts.last {
                    firstAndInitial = parts[0] + (isPlainASCII ? String(decoding: last.utf8.prefix(1), as: UTF8.self) : String(last.prefix(1)))
                } else {
                    firstAndInitial = nil
                }
                if isPlainASCII {
                    initials = Self.initials(ofASCII: parts)
                } else {
                    let initialParts = parts.filter { !$0.hasSuffix(".") || $0.count > 2 }
                    initials = initialParts.count >= 2 ? String(initialParts.compactMap { $0.first }) : nil
                }
                if let letters = person.name.withPlainASCIIBytes(Self.firstNameLetters(ofASCII:)) {
                    firstNameLetters = letters
                } else {
                    firstNameLetters = Self.firstNameLetters(of: person.name)
                }
                office = person.jobTitle.map { TextRules.fold($0) }
            }

            /// The letters of the first word of `name`, lower-cased (`TextRules.compactLetters`); nil for a name without a space.
            static func firstNameLetters(of name: String) -> String? {
                // The first word (`split(separator: " ").first`), found without cutting the others.
                let first = name.drop { $0 == " " }.prefix { $0 != " " }
                guard name.containsASCII(" "), !first.isEmpty else { return nil }
                return TextRules.compactLetters(String(first))
            }

            /// `firstNameLetters(of:)` of a plain ASCII name's bytes: its first word's letters A–Z and a–z, lower-cased.
            static func firstNameLetters(ofASCII bytes: UnsafeBufferPointer<UInt8>) -> String? {
                guard bytes.contains(UInt8(ascii: " ")), let start = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return nil }
                let end = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.endIndex
                return String(unsafeUninitializedCapacity: end - start) { out in
                    var count = 0
                    for byte in bytes[start..<end] where (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                        out[count] = byte | 0x20
                        count += 1
                    }
                    return count
                }
            }

            /// The initials of plain ASCII words (`parts` of a plain ASCII name): the first byte of each word that is not
            /// a short abbreviation ("a."); nil when fewer than two words count.
            static func initials(ofASCII words: [String]) -> String? {
                var counted = 0
                let letters = String(unsafeUninitializedCapacity: words.count) { out in
                    var count = 0
                    for word in words {
                        let utf8 = word.utf8
                        guard utf8.last != UInt8(ascii: ".") || utf8.count > 2 else { continue }
                        counted += 1
                        if let first = utf8.first { out[count] = first; count += 1 }
                    }
                    return count
                }
                return counted >= 2 ? letters : nil
            }
        }

        /// The participants, in document order, prepared when first asked for (many documents resolve no name).
        var entries: [Entry] { storage.entries }

        /// Whether there are no participants.
        var isEmpty: Bool { storage.participants.isEmpty }

        /// The answer `resolve` gave `candidate` before, kept in the roster, else `resolution()`, kept for the next time.
        func memoized(_ candidate: String, _ resolution: () -> String?) -> String? {
            if let known = storage.resolved[candidate] { return known }
            let answer = resolution()
            storage.resolved[candidate] = answer
            return answer
        }

        /// `TextRules.fold(candidate)`, kept in the roster once made (`resolve` looks each candidate up in the nicknames).
        func folded(_ candidate: String) -> String {
            if let known = storage.folded[candidate] { return known }
            let folded = TextRules.fold(candidate)
            storage.folded[candidate] = folded
            return folded
        }

        /// The participants, and their entries once made.
        private let storage: Storage

        /// The roster of `participants`.
        init(_ participants: [Participant]) {
            storage = Storage(participants)
        }

        /// The participants and, from the first use on, their prepared entries: kept by reference so that
        /// every copy of the roster (one is passed to each rule) shares the one preparation.
        private final class Storage {
            /// The participants, as given.
            let participants: [Participant]
            /// `participants` prepared, made on first use.
            lazy var entries: [Entry] = participants.map(Entry.init)
            /// What `resolve` answered for each candidate without nicknames.
            var resolved: [String: String?] = [:]
            /// The candidates `resolve` looked up in nicknames, folded.
            var folded: [String: String] = [:]

            init(_ participants: [Participant]) {
                self.participants = participants
            }
        }

        /// The roster of the listed participants.
        init(arrayLiteral participants: Participant...) {
            self.init(participants)
        }
    }
}

// MARK: - What `sentences(_:)` reads of a character or byte

/// A character, or a byte of plain ASCII text, as `FindingExtractor.sentences(_:)` reads it.
protocol SentenceUnit {
    /// A space, which ends a word.
    var isSentenceSpace: Bool { get }
    /// ".", "!" or "?".
    var isSentenceEnd: Bool { get }
    /// ".", which initials and abbreviations also end with.
    var isFullStop: Bool { get }
    /// A capital, "@" or "[": what a following sentence starts with.
    var opensSentence: Bool { get }
}

extension Character: SentenceUnit {
    var isSentenceSpace: Bool { self == " " }
    var isSentenceEnd: Bool { self == "." || self == "!" || self == "?" }
    var isFullStop: Bool { self == "." }
    var opensSentence: Bool { isUppercase || self == "@" || self == "[" }
}

/// What `FindingExtractor.sentences(_:)` reads of one character, found once: a character equal to " ", ".", "!", "?",
/// "@" or "[" is that one byte (none has a canonical equivalent), and any other character opens a sentence only when
/// it `isUppercase`.
struct SentenceCharacter: SentenceUnit {
    let isSentenceSpace: Bool
    let isSentenceEnd: Bool
    let isFullStop: Bool
    let opensSentence: Bool

    /// The answers for `character`.
    init(_ character: Character) {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first {
            self.init(byte)
        } else {
            self.init(isSentenceSpace: false, isSentenceEnd: false, isFullStop: false, opensSentence: character.isUppercase)
        }
    }

    /// The answers for the character that is the ASCII `byte` alone.
    init(_ byte: UInt8) {
        self.init(isSentenceSpace: byte.isSentenceSpace, isSentenceEnd: byte.isSentenceEnd, isFullStop: byte.isFullStop,
                  opensSentence: byte.opensSentence)
    }

    private init(isSentenceSpace: Bool, isSentenceEnd: Bool, isFullStop: Bool, opensSentence: Bool) {
        self.isSentenceSpace = isSentenceSpace
        self.isSentenceEnd = isSentenceEnd
        self.isFullStop = isFullStop
        self.opensSentence = opensSentence
    }
}

extension UInt8: SentenceUnit {
    var isSentenceSpace: Bool { self == UInt8(ascii: " ") }
    var isSentenceEnd: Bool { self == UInt8(ascii: ".") || self == UInt8(ascii: "!") || self == UInt8(ascii: "?") }
    var isFullStop: Bool { self == UInt8(ascii: ".") }
    var opensSentence: Bool { (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z")) || self == UInt8(ascii: "@") || self == UInt8(ascii: "[") }
}
