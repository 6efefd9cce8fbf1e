import Foundation

/// Reads raw IRC logs of meetings minuted with scribe.perl conventions.
///
/// Accepted line shapes: `[2020-03-10T15:59:33.000Z]<TAB><nick><TAB>text`, `HH:MM:SS <nick> text`,
/// `[HH:MM] <nick> text` and `<nick> text`. The scribe.perl commands become the blocks the
/// extractors already understand:
///
/// - `present+` (the speaker), `present+ A, B`, `Present: A, B` → one "Present: …" paragraph at the top;
///   `present-` removes; `regrets+ X` → "Regrets: …"; `Chair: X`, `scribe: X`, `scribenick: X`,
///   `scribe+` → "Chair: …" / "Scribe: …". Nicks become names with `TextRules.nickToName`.
/// - `Meeting: title` → the document title; `Date: …` → metadata `date` (else the first ISO timestamp's date).
/// - `topic: X` → a heading; `RESOLUTION:`/`RESOLVED:`/`ACTION:` → labelled paragraphs;
///   `Agenda: URL` → an "Agenda: URL" paragraph with its link.
/// - `s/old/new/` corrects the latest line containing "old"; it is never emitted itself.
/// - trackbot's "Created ACTION-n … [on Name - due date]" lines are kept (class `tracker`); other bots, joins and quits, queue commands (`q+`, `ack`) and bot instructions are dropped.
/// - Everything else is a transcript paragraph "nick: text" (the scribe's own lines as written,
///   "…" continuations joined to the previous line), with the class `irc`.
public struct IRCLogReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    /// One parsed log line: `nick` is nil for server notices (joins, quits, topic changes).
    struct Message: Equatable {
        var timestamp: String
        var nick: String?
        var text: String
    }

    private static let messagePattern = try! NSRegularExpression(pattern:
        #"^\s*(?:\[?((?:\d{4}-\d\d-\d\d[T ])?\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?Z?)\]?\s+)?<[@+%&~ ]?([^>\s]+)>\s?(.*)$"#)
    private static let noticePattern = try! NSRegularExpression(pattern:
        #"^\s*\[?((?:\d{4}-\d\d-\d\d[T ])?\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?Z?)\]?\s+(?:\*{1,3}|-!-|-->|<--|--|=-=)\s"#)
    private static let isoDate = try! NSRegularExpression(pattern: #"^((?:19|20)\d\d-\d\d-\d\d)"#)
    private static let substitution = try! NSRegularExpression(pattern: #"^s([/|])(.+?)\1(.*?)(?:\1[gG]?)?\s*$"#)
    private static let loggingURL = try! NSRegularExpression(pattern: #"/((?:19|20)\d\d)/(\d\d)/(\d\d)-"#)
    static let bridgeSuffix = try! NSRegularExpression(pattern: #"^(.+?)_{2,}[A-Z][A-Za-z0-9&]*_*$"#)

    /// Whether `text` may match `bridgeSuffix`: only a text that holds two "_" in a row can (the pattern's `_{2,}`; "_"
    /// is one byte and one UTF-16 unit, and the pattern compares code points). Other names skip the regex.
    static func mayHaveBridgeSuffix(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "_"), previous == UInt8(ascii: "_") { return true }
            previous = byte
        }
        return false
    }

    /// Whether `timestamp` may match `isoDate`: only one that starts with the bytes "19" or "20" can.
    static func mayStartWithYear(_ timestamp: String) -> Bool {
        var bytes = timestamp.utf8.makeIterator()
        guard let first = bytes.next(), let second = bytes.next() else { return false }
        return (first == UInt8(ascii: "1") && second == UInt8(ascii: "9")) || (first == UInt8(ascii: "2") && second == UInt8(ascii: "0"))
    }

    /// Whether `said` may match `substitution`: only a text whose first bytes are "s/" or "s|" can (the pattern's
    /// first two characters, one UTF-16 unit and one byte each).
    static func mayBeSubstitution(_ said: String) -> Bool {
        var bytes = said.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "s"), let second = bytes.next() else { return false }
        return second == UInt8(ascii: "/") || second == UInt8(ascii: "|")
    }

    /// Whether `line` holds what either log shape needs: a "<" (before a nick), or a ":" between digits (a time,
    /// `\d:\d`; `\d` is any Unicode digit, so a non-ASCII byte may stand for one). Other lines skip the regex.
    static func mayBeLogLine(_ line: String) -> Bool {
        mayBeLogLine(line.utf8)
    }

    /// `mayBeLogLine(_:)` of a line's UTF-8 bytes.
    static func mayBeLogLine<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        func mayBeDigit(_ byte: UInt8) -> Bool { byte >= 0x80 || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "<") { return true }
            if previous == UInt8(ascii: ":"), mayBeDigit(beforePrevious), mayBeDigit(byte) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Parses one line of a log, or nil when it has none of the log shapes.
    static func message(_ line: String) -> Message? {
        message(line, answer: IRCLineMatcher.answer(for: line))
    }

    /// `message(_:)` of `line` where `IRCLineMatcher` gave `answer` for it.
    static func message(_ line: String, answer: IRCLineMatcher.Answer) -> Message? {
        switch answer {
        case .answered(let message): return message
        case .unanswered: return mayBeLogLine(line) ? messageByPatterns(line) : nil
        }
    }

    /// `message(_:)` by the regular expressions themselves, for lines `IRCLineMatcher` leaves unanswered.
    static func messageByPatterns(_ line: String) -> Message? {
        let ns = line as NSString
        let range = NSRange(location: 0, length: ns.length)
        func group(_ m: NSTextCheckingResult, _ i: Int) -> String {
            m.range(at: i).location == NSNotFound ? "" : ns.substring(with: m.range(at: i))
        }
        if let m = messagePattern.firstMatch(in: line, range: range) {
            return Message(timestamp: group(m, 1), nick: group(m, 2), text: group(m, 3).trimmed())
        }
        if let m = noticePattern.firstMatch(in: line, range: range) {
            return Message(timestamp: group(m, 1), nick: nil, text: "")
        }
        return nil
    }

    /// Whether `text` is an IRC log: most of its first non-empty lines have a log line shape.
    public static func looksLikeIRCLog(_ text: String) -> Bool {
        // The first 64 KB decide; a long document is not split whole just to be classified.
        var text = text
        text.makeContiguousUTF8()
        let head = Substring(text.utf8.prefix(65_536))
        return head.utf8.withContiguousStorageIfAvailable { sampleIsLog(head, bytes: $0) } ?? false
    }

    /// `looksLikeIRCLog(_:)` of `head`, whose UTF-8 bytes are `bytes`: lines are byte ranges, and a line becomes a
    /// `Substring` only where its characters must be looked at.
    private static func sampleIsLog(_ head: Substring, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = head.utf8
        func slice(_ range: Range<Int>) -> Substring {
            let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return head[from..<utf8.index(from, offsetBy: range.count)]
        }
        var sample: [Range<Int>] = []
        // Lines are taken as they are read, up to the sample's size.
        for line in PlainTextLineRanges(bytes, omittingEmpty: true) {
            let trimmed: Range<Int>
            if let kept = PlainTextLines.trimmedBlanks(in: bytes, line) {
                trimmed = kept
            } else {
                let kept = slice(line).trimming(.blanks)
                let start = utf8.distance(from: utf8.startIndex, to: kept.startIndex)
                trimmed = start..<start + kept.utf8.count
            }
            if trimmed.isEmpty { continue }
            sample.append(trimmed)
            if sample.count >= 400 { break }
        }
        // At least three and 60 % of the sample must match; the lines are parsed only until that is decided.
        let needed = max(3, (sample.count * 6 + 9) / 10)
        var matching = 0
        for (index, line) in sample.enumerated() {
            // A line with neither a "<" nor a ":" between digits has no log shape (`mayBeLogLine`): the byte scan, which
            // needs one of them, and the patterns, which `message` asks only for lines that hold one, find none.
            let lineBytes = UnsafeBufferPointer(rebasing: bytes[line])
            if Self.mayBeLogLine(lineBytes), IRCLineMatcher.hasShape(bytes: lineBytes) ?? (message(String(slice(line))) != nil) { matching += 1 }
            if matching >= needed { return true }
            if matching + (sample.count - index - 1) < needed { return false }
        }
        return false
    }

    /// Nicks of the meeting bots and services.
    static let bots: Set<String> = ["rrsagent", "zakim", "trackbot", "github-bot", "ghurlbot", "agendabot", "chanserv",
                                    "nickserv", "irccloud", "meetbot", "botie", "gb", "w3c_bot"]

    /// Whether `nick` belongs to a bot.
    static func isBot(_ nick: String) -> Bool {
        let lower = nick.lowercased().trimmed(.underscore)
        return bots.contains(lower) || lower.hasSuffix("bot")
    }

    /// Queue and bot commands that carry no content: `q+`, `q-`, `ack X`, `zakim, next item`.
    static func isNoise(_ text: String) -> Bool {
        text.withPlainASCIIBytes(isNoiseASCII) ?? isNoiseByCharacters(text)
    }

    /// The prefixes of `isNoise`'s commands, lower-case.
    private static let noisePrefixes = ["q+", "q-", "q?", "queue+", "queue-", "queue=", "queue?", "agenda+", "agenda-", "agenda?", "present?",
                                        "i/", "rrsagent", "zakim", "trackbot", "agendabot", "github-bot", "ghurlbot", "ack ", "scribe?"]
    /// `noisePrefixes` as bytes.
    private static let noisePrefixBytes = noisePrefixes.map { Array($0.utf8) }
    /// The third words of "X has joined", "X has left", … .
    private static let presenceChanges: Set<String> = ["joined", "left", "quit", "changed"]
    /// `presenceChanges` as bytes.
    private static let presenceChangeBytes = presenceChanges.map { Array($0.utf8) }
    /// What a nick change says, as bytes.
    private static let renameBytes = Array(" is now known as ".utf8)

    /// `isNoiseByCharacters(_:)` on the bytes of a plain-ASCII text (one byte a character; lower-casing is A–Z to a–z),
    /// with no lower-cased copy of the text.
    static func isNoiseASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        /// Whether the text lower-cased holds `word` from `start` on (up to `end`, when given).
        func holds(_ word: [UInt8], at start: Int, endingAt end: Int? = nil) -> Bool {
            guard start + word.count <= text.count, end.map({ $0 - start == word.count }) ?? true else { return false }
            for i in word.indices where text[start + i].asciiLowercased != word[i] { return false }
            return true
        }
        if text.isEmpty || holds(Self.ackBytes, at: 0, endingAt: text.count) { return true }
        if noisePrefixBytes.contains(where: { holds($0, at: 0) }) { return true }
        // The first three words between spaces: "X has joined".
        var second = 0..<0, start = 0, index = 0
        while start < text.count {
            guard text[start] != 0x20 else { start += 1; continue }
            var end = start + 1
            while end < text.count, text[end] != 0x20 { end += 1 }
            if index == 1 { second = start..<end }
            if index == 2 {
                if holds(Self.hasBytes, at: second.lowerBound, endingAt: second.upperBound),
                   presenceChangeBytes.contains(where: { holds($0, at: start, endingAt: end) }) {
                    return true
                }
                break
            }
            index += 1
            start = end
        }
        var space = 0
        while let found = UTF8Search.offset(of: 0x20, in: text, from: space) {
            if holds(renameBytes, at: found) { return true }
            space = found + 1
        }
        return false
    }

    /// "ack" and "has" as bytes.
    private static let ackBytes = Array("ack".utf8), hasBytes = Array("has".utf8)

    /// The rule of `isNoise(_:)` character by character.
    static func isNoiseByCharacters(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.isEmpty { return true }
        for prefix in noisePrefixes where lower.hasPrefix(prefix) { return true }
        if lower == "ack" { return true }
        // Only the first three words are compared: the split stops there.
        let words = lower.split(separator: " ", maxSplits: 3)
        if words.count >= 3, words[1] == "has", presenceChanges.contains(String(words[2])) { return true }
        return lower.readersContainsCharacters(" is now known as ")
    }

    /// The name a nick stands for: bridge suffixes ("Tom_S___ORG_") dropped, then `TextRules.nickToName`.
    /// Multi-word values are names already; all-lower-case ones are capitalised ("axel smith" → "Axel Smith").
    static func name(_ raw: String) -> String {
        var text = raw.trimmed(.nameListPunctuation)
        if text.contains(" ") {
            if text == text.lowercased() { text = text.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ") }
            return text
        }
        if mayHaveBridgeSuffix(text) {
            let ns = text as NSString
            if let m = bridgeSuffix.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
                text = ns.substring(with: m.range(at: 1))
            }
        }
        return TextRules.nickToName(text)
    }

    /// The names of a command's argument, or the speaker's when there is none.
    static func names(_ value: String, speaker: String) -> [String] {
        let value = value.trimmed(.commandValueEnds)
        if value.isEmpty { return [name(speaker)] }
        return value.split(whereSeparator: { $0 == "," || $0 == ";" }).map { name(String($0)) }.filter { !$0.isEmpty }
    }

    /// The keywords of scribe.perl commands, in the order they are tried ("regrets" before "regret").
    private static let commandKeywords = ["present", "regrets", "regret", "chairs", "chair", "scribenick", "scribe", "meeting", "date",
                                          "topic", "resolution", "resolved", "action", "agenda"]
    /// `commandKeywords` as bytes.
    private static let commandKeywordBytes = commandKeywords.map { Array($0.utf8) }

    /// A scribe.perl command: its keyword (lower-cased), operator (`+`, `-`, `:`) and value.
    static func command(_ text: String) -> (word: String, op: Character, value: String)? {
        text.withPlainASCIIBytes { commandASCII(text, bytes: $0) } ?? commandByCharacters(text)
    }

    /// `command(_:)` of plain ASCII `text` (no CR: each byte is a character), whose bytes are `bytes`: the keyword is
    /// compared in place instead of lower-casing the whole line.
    static func commandASCII(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> (word: String, op: Character, value: String)? {
        for (word, keyword) in zip(commandKeywords, commandKeywordBytes) {
            let count = keyword.count
            // (The first letters are compared first: most lines start with none of the keywords'.)
            guard count < bytes.count, bytes[0].asciiLowercased == keyword[0],
                  keyword.indices.allSatisfy({ bytes[$0].asciiLowercased == keyword[$0] }) else { continue }
            let op = bytes[count]
            guard op == UInt8(ascii: "+") || op == UInt8(ascii: "-") || op == UInt8(ascii: ":") else { continue }
            if op != UInt8(ascii: ":"), count + 1 < bytes.count, bytes[count + 1] != UInt8(ascii: " ") { continue }
            return (word, Character(Unicode.Scalar(op)), String(decoding: UnsafeBufferPointer(rebasing: bytes[(count + 1)...]), as: UTF8.self).trimmed())
        }
        return nil
    }

    /// `command(_:)` as the rule is written, for any text.
    static func commandByCharacters(_ text: String) -> (word: String, op: Character, value: String)? {
        let lower = text.lowercased()
        for word in commandKeywords where lower.hasPrefix(word) {
            let rest = text.dropFirst(word.count)
            guard let op = rest.first, op == "+" || op == "-" || op == ":" else { continue }
            if op != ":", let next = rest.dropFirst().first, next != " " { continue }
            return (word, op, String(rest.dropFirst()).trimmed())
        }
        return nil
    }

    /// Records the IRC log ("logging to URL") and the generated minutes ("I have made the request
    /// to generate URL") that a meeting bot announces, under the metadata keys `irc-log` and `minutes`.
    static func recordBotDocument(_ said: String, in links: inout [String: String]) {
        let key: String
        if said.hasPrefix("logging to ") {
            key = "irc-log"
        } else if said.hasPrefix("I have made the request to generate ") {
            key = "minutes"
        } else {
            return
        }
        guard links[key] == nil, let url = LinkScanner.links(in: said).first?.href else { return }
        links[key] = url
    }

    /// Reads an IRC log into blocks.
    public func read(_ text: consuming String, baseURL: String?) -> BlockDocument {
        var present: [String] = [], regrets: [String] = [], chairs: [String] = [], scribes: [String] = []
        var scribeNicks = Set<String>()
        var body: [Block] = []
        var title: String?
        var date: String?
        var firstDate: String?
        var loggedDate: String?
        var channel: String?
        var unparsed = 0
        var recordLinks: [String: String] = [:]
        /// `isBot` of the nicks seen so far.
        var botNicks: [String: Bool] = [:]

        func addNames(_ new: [String], to list: inout [String]) {
            // Each name is folded once a call, not once for each name it is compared with.
            var folded = list.map(TextRules.fold)
            for n in new {
                let key = TextRules.fold(n)
                guard !folded.contains(key) else { continue }
                list.append(n)
                folded.append(key)
            }
        }
        func paragraph(_ text: String, classes: [String] = []) -> Block {
            Block(.paragraph, text, links: LinkScanner.links(in: text), classes: classes)
        }

        for raw in text.readersLines(omittingEmpty: true) {
            // A line with a log shape is never blank: its String is made only for the others.
            let answer = IRCLineMatcher.answer(for: raw)
            let message: Message
            if case .answered(let found?) = answer {
                message = found
            } else {
                let line = String(raw)
                if line.trimmed().isEmpty { continue }
                guard let found = Self.message(line, answer: answer) else { unparsed += 1; continue }
                message = found
            }
            if firstDate == nil, Self.mayStartWithYear(message.timestamp), let m = Self.isoDate.firstMatch(in: message.timestamp, range: NSRange(location: 0, length: (message.timestamp as NSString).length)) {
                firstDate = (message.timestamp as NSString).substring(with: m.range(at: 1))
            }
            guard let nick = message.nick else { continue }
            let said = message.text
            if channel == nil, let hash = said.rangeOfASCII(" has joined #") {
                channel = "#" + said[hash.upperBound...].prefix { !$0.isWhitespace }
            }
            // RRSAgent's "logging to https://www.w3.org/2018/12/03-chan-irc" dates an untimestamped log.
            if loggedDate == nil, said.hasPrefix("logging to "),
               let m = Self.loggingURL.firstMatch(in: said, range: NSRange(location: 0, length: (said as NSString).length)) {
                let ns = said as NSString
                loggedDate = "\(ns.substring(with: m.range(at: 1)))-\(ns.substring(with: m.range(at: 2)))-\(ns.substring(with: m.range(at: 3)))"
            }
            // RRSAgent names the meeting's IRC log and the minutes it generates.
            // (Each nick is judged once a log: a log's lines come from a few nicks.)
            let isBot: Bool
            if let known = botNicks[nick] {
                isBot = known
            } else {
                isBot = Self.isBot(nick)
                botNicks[nick] = isBot
            }
            if isBot { Self.recordBotDocument(said, in: &recordLinks) }
            // The tracker's confirmation names an action's owner and due date: kept for the findings.
            if isBot, nick.lowercased() == "trackbot", said.hasPrefix("Created ACTION-") {
                body.append(paragraph(said, classes: ["tracker"]))
                continue
            }
            if isBot || Self.isNoise(said) { continue }
            let speaker = nick.trimmed(.nickPrefixes)

            // Corrections: applied to the latest transcript line that holds the old text.
            if Self.mayBeSubstitution(said), case let ns = said as NSString,
               let m = Self.substitution.firstMatch(in: said, range: NSRange(location: 0, length: ns.length)) {
                let old = ns.substring(with: m.range(at: 2)), new = ns.substring(with: m.range(at: 3))
                if let i = body.indices.reversed().prefix(40).first(where: { body[$0].kind != .heading && body[$0].text.readersContainsCharacters(old) }) {
                    if let r = body[i].text.range(of: old) { body[i].text.replaceSubrange(r, with: new) }
                    body[i].links = LinkScanner.links(in: body[i].text)
                }
                continue
            }

            if let (word, op, value) = Self.command(said) {
                switch word {
                case "present":
                    if op == "-" {
                        let gone = Set(Self.names(value, speaker: speaker).map(TextRules.fold))
                        present.removeAll { gone.contains(TextRules.fold($0)) }
                    } else {
                        addNames(Self.names(value, speaker: speaker), to: &present)
                    }
                    continue
                case "regrets", "regret":
                    if op != "-" { addNames(Self.names(value, speaker: speaker), to: &regrets) }
                    continue
                case "chair", "chairs":
                    if op != "-" { addNames(Self.names(value, speaker: speaker), to: &chairs) }
                    continue
                case "scribe", "scribenick":
                    if op != "-" {
                        let nicks = value.isEmpty ? [speaker] : value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                        for n in nicks { scribeNicks.insert(n.lowercased()) }
                        addNames(Self.names(value, speaker: speaker), to: &scribes)
                    }
                    continue
                case "meeting":
                    if !value.isEmpty { title = value }
                    continue
                case "date":
                    if date == nil, !value.isEmpty { date = value }
                    continue
                case "topic":
                    if op == ":", !value.isEmpty { body.append(Block(.heading, value, level: 2, links: LinkScanner.links(in: value))) }
                    continue
                case "resolution", "resolved":
                    if op == ":", !value.isEmpty { body.append(paragraph("RESOLUTION: " + value)) }
                    continue
                case "action":
                    if op == ":", !value.isEmpty { body.append(paragraph("ACTION: " + value)) }
                    continue
                case "agenda":
                    if op == ":", !value.isEmpty { body.append(paragraph("Agenda: " + value)) }
                    continue
                default:
                    break
                }
            }

            if scribeNicks.contains(speaker.lowercased()) {
                // The scribe's lines are the minutes: "nick: said", "… continued".
                if said.hasPrefix("...") || said.hasPrefix("…") {
                    let rest = said.drop { $0 == "." || $0 == "…" || $0 == " " }
                    if let last = body.indices.last, body[last].classes.contains("irc") {
                        body[last].text += " " + rest
                        body[last].links = LinkScanner.links(in: body[last].text)
                    } else if !rest.isEmpty {
                        body.append(paragraph(String(rest), classes: ["irc"]))
                    }
                } else {
                    body.append(paragraph(said, classes: ["irc"]))
                }
            } else {
                body.append(paragraph(speaker + ": " + said, classes: ["irc"]))
            }
        }

        var header: [Block] = []
        if !present.isEmpty { header.append(paragraph("Present: " + present.joined(separator: ", "))) }
        if !regrets.isEmpty { header.append(paragraph("Regrets: " + regrets.joined(separator: ", "))) }
        if !chairs.isEmpty { header.append(paragraph("Chair: " + chairs.joined(separator: ", "))) }
        if !scribes.isEmpty { header.append(paragraph("Scribe: " + scribes.joined(separator: ", "))) }

        var metadata: [String: String] = [:]
        if let day = date ?? firstDate ?? loggedDate { metadata["date"] = day }
        metadata.merge(recordLinks) { current, _ in current }
        if title == nil {
            let day = date.flatMap(DateExtractor.firstDate(in:)) ?? firstDate ?? loggedDate
            title = (["IRC log", channel, day].compactMap { $0 }).joined(separator: " ")
        }
        var warnings: [String] = []
        if unparsed > 0 { warnings.append("\(unparsed) lines of the IRC log not in a log line shape") }
        return BlockDocument(title: title, metadata: metadata, blocks: header + body, warnings: warnings)
    }
}
