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
    public static func extract(from document: BlockDocument, participants: [Participant]) -> [Finding] {
        var findings: [Finding] = []
        var seen = Set<String>()
        var section: (kind: FindingKind, fromHeading: Bool)? { didSet { sectionItemLevel = nil } }
        /// The list level of the current section's items.
        var sectionItemLevel: Int?
        var topic: String?
        // A findings part opened by a numbered agenda item ("9. Review Outstanding Action Items"): its level.
        var itemSection: (kind: FindingKind, level: Int)?

        func add(_ text: String, kind: FindingKind) {
            var text = text.trimmed(.bulletsAndDashes)
            for marker in ["[NEW]", "[PENDING]", "[CONTINUES]", "[DONE]", "[DROPPED]", "[IN PROGRESS]"] where text.hasPrefix(marker) {
                text = text.dropFirst(marker.count).trimmed()
            }
            if let (label, value) = TextRules.labelled(text), labelKind(label) != nil { text = value }
            // Reviewed action items carry their status after the action: "Greg: email PMCs. Status: done".
            if kind == .action, let status = text.range(of: " Status:") { text = String(text[..<status.lowerBound]).trimmed() }
            guard text.count >= 3 else { return }
            let key = dedupeKey(text)
            guard seen.insert(key).inserted else { return }
            var finding = Finding(text: text, kind: kind, topic: topic)
            if kind == .action {
                finding.owner = owner(of: text, participants: participants)
                finding.due = due(in: text)
            }
            findings.append(finding)
        }

        for block in document.blocks {
            let text = block.text
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
            if block.classes.contains("resolution") {
                add(text, kind: .decision); continue
            }
            if block.classes.contains("action") {
                add(text, kind: .action); continue
            }
            if let (label, value) = TextRules.labelled(text), let kind = labelKind(label) {
                if value.isEmpty {
                    section = (kind, false)
                } else {
                    add(value, kind: kind)
                }
                continue
            }
            if block.kind == .paragraph, text.hasSuffix(":") {
                section = sectionKind(text).map { ($0, false) }
                continue
            }
            guard let current = section, block.kind != .preformatted else { continue }
            // Transcript lines and generator footers under a findings heading are not findings.
            if block.classes.contains(where: { ["irc", "phone", "transcript"].contains($0) }) || isGeneratorNote(text) { continue }
            if block.kind == .listItem {
                // Items nested under an item are its notes ("This can be done with …"), not items of their own.
                let level = sectionItemLevel ?? block.level
                sectionItemLevel = level
                if block.level <= level { add(text, kind: current.kind) }
            } else if current.fromHeading && block.kind == .paragraph {
                add(text, kind: current.kind)
            } else {
                section = nil
            }
        }
        return findings
    }

    /// Words of a heading over actions.
    static let actionWords: Set<String> = ["actions", "action"]
    /// Words of a heading over decisions.
    static let decisionWords: Set<String> = ["resolutions", "decisions", "resolved", "decided"]
    /// Words of a heading over findings.
    static let findingWords: Set<String> = ["findings", "conclusions", "conclusion", "observations", "outcomes", "takeaways", "recommendations", "lessons"]

    /// What a findings part holds, from its heading or introducing sentence.
    static func sectionKind(_ text: String) -> FindingKind? {
        let lower = text.lowercased().trimmed(.labelMarks)
        guard lower.count <= 160 else { return nil }
        let words = Set(lower.split(whereSeparator: { !$0.isLetter }).map(String.init))
        if !words.isDisjoint(with: Self.actionWords) && (lower.hasPrefix("action") || lower.hasPrefix("review outstanding action") || lower.containsASCII("summary of action") || lower.hasPrefix("new action")) {
            return .action
        }
        let core = lower.replacingOccurrences(of: "summary of ", with: "")
        if !words.isDisjoint(with: Self.decisionWords) && core.split(separator: " ").count <= 3 {
            return .decision
        }
        if !words.isDisjoint(with: Self.findingWords)
            || lower.containsASCII("key points") {
            return .finding
        }
        return nil
    }

    /// The kind a line label announces ("RESOLVED" → decision, "ACTION" → action).
    static func labelKind(_ label: String) -> FindingKind? {
        var lower = label.lowercased().trimmed(.labelBrackets)
        if lower.containsASCII("[new] ") { lower = lower.replacingOccurrences(of: "[new] ", with: "") }
        // Numbered labels: "Resolution #1", "Action 3".
        while let last = lower.last, last.isNumber || last == "#" || last == " " { lower.removeLast() }
        switch lower {
        case "resolution", "resolved", "resolutions", "decision", "decided", "decisions", "agreed", "agreement",
             "consensus", "proposed resolution", "approved", "outcome":
            return .decision
        case "action", "action item", "action items", "new action", "todo", "to do", "actions", "ai":
            return .action
        case "finding", "conclusion", "observation", "key finding":
            return .finding
        default:
            return lower.hasPrefix("action ") && lower.count < 20 ? .action : nil
        }
    }

    /// Boilerplate that minutes generators append ("Minutes manually created …, formatted by scribe.perl").
    static func isGeneratorNote(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("minutes manually created") || lower.hasPrefix("minutes formatted by")
            || lower.hasPrefix("[end of minutes]") || lower.containsASCII("formatted by david booth")
    }

    /// Folded text used to recognise an item repeated in a summary.
    static func dedupeKey(_ text: String) -> String {
        TextRules.fold(text).filter { $0.isLetter || $0.isNumber }
    }

    private static let ownerFirst = try! NSRegularExpression(
        pattern: #"^@?([\p{L}][\p{L}\p{M}'’._-]*(?: [\p{L}][\p{L}\p{M}'’.-]*){0,3}?)(?:,| and [\p{L}]+)? (?:to|will|should|shall|must|needs to|is to)\b"#)
    private static let ownerTrailing = try! NSRegularExpression(
        pattern: #"(?:\(|\[|—|–| - )\s*@?([\p{L}][\p{L}\p{M}'’._-]*(?: [\p{L}][\p{L}\p{M}'’.-]*){0,3})\s*(?:\)|\])?\s*$"#)
    private static let ownerLabel = try! NSRegularExpression(pattern: #"^([\p{L}][\p{L}'’._-]*(?: [\p{L}][\p{L}'’.-]*){0,3}):\s"#)

    /// The person an action names, as a participant's full name where one matches.
    static func owner(of text: String, participants: [Participant]) -> String? {
        // A speaker tag in front: "[oliver] Look into …".
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let tag = String(text[text.index(after: text.startIndex)..<close])
            if TextRules.isNick(tag), let person = resolve(tag, in: participants) { return person }
        }
        let ns = text as NSString
        let range = NSRange(location: 0, length: ns.length)
        for pattern in [ownerFirst, ownerLabel, ownerTrailing] {
            guard let match = pattern.firstMatch(in: text, range: range) else { continue }
            let candidate = ns.substring(with: match.range(at: 1)).trimmed(.ownerPunctuation)
            if let person = resolve(candidate, in: participants) { return person }
            let name = TextRules.nickToName(candidate)
            let stopWords: Set<String> = ["we", "group", "everyone", "all", "chairs", "editors", "the group", "team", "this", "it", "they", "someone"]
            if !stopWords.contains(name.lowercased()), name.first?.isUppercase == true || pattern === ownerFirst,
               name.split(separator: " ").count <= 3, !name.lowercased().hasPrefix("the ") {
                return name
            }
        }
        return nil
    }

    /// Matches a name, first name, surname or nick to one participant's full name.
    static func resolve(_ candidate: String, in participants: [Participant]) -> String? {
        let key = TextRules.fold(TextRules.nickToName(candidate))
        let compact = key.filter(\.isLetter)
        guard !compact.isEmpty else { return nil }
        if let exact = participants.first(where: { TextRules.fold($0.name) == key }) { return exact.name }
        let matches = participants.filter { person in
            let parts = TextRules.fold(person.name).split(separator: " ").map(String.init)
            let joined = parts.joined()
            return parts.first == key || parts.last == key || joined == compact
                || (compact.count >= 3 && parts.count >= 2 && (parts[0] + (parts.last?.prefix(1) ?? "")) == compact)
        }
        return matches.count == 1 ? matches[0].name : nil
    }

    /// "by 2024-03-01", "due 3 March 2024", "(due: …)" → ISO date.
    static func due(in text: String) -> String? {
        let lower = text.lowercased()
        for marker in ["due by ", "due: ", "due ", "deadline: ", "deadline ", " by "] {
            if let range = lower.rangeOfASCII(marker) {
                let tail = String(text[range.upperBound...].prefix(40))
                if let date = DateExtractor.firstDate(in: tail) { return date }
            }
        }
        return nil
    }
}
