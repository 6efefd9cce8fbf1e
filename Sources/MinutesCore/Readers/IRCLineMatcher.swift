/// `IRCLogReader.message(_:)`'s two regular expressions answered on a line's bytes, for the common case of a
/// plain-ASCII line with no line-terminator bytes. There `\s` can only be a space or a tab, `\d` an ASCII digit and
/// `.` any byte, so each pattern reduces to a left-to-right scan with no backtracking that could change the result
/// (every optional part is taken greedily, and declining it leaves a byte the next part cannot start with).
/// Other lines are left to the regular expressions (`answer(for:)` returns `.unanswered`).
enum IRCLineMatcher {
    /// What the byte scan found.
    enum Answer: Equatable {
        /// The line is not plain ASCII or holds LF, VT, FF or CR: ask the regular expressions.
        case unanswered
        /// What the patterns give: a message (a server notice has no nick and no text), or nil when neither matches.
        case answered(IRCLogReader.Message?)
    }

    /// The bytes that may stand between `<` and a nick (`[@+%&~ ]`).
    private static let nickPrefixes: [UInt8] = Array("@+%&~ ".utf8)
    /// The server-notice markers after a timestamp, in the pattern's order of alternatives.
    private static let noticeMarkers: [[UInt8]] = ["-!-", "-->", "<--", "--", "=-="].map { Array($0.utf8) }

    /// Answers for `line` as the message pattern, then the notice pattern, would.
    static func answer<Line: StringProtocol>(for line: Line) -> Answer {
        line.utf8.withContiguousStorageIfAvailable(answer(forBytes:)) ?? answer(forBytes: Array(line.utf8))
    }

    /// `answer(for:)` of the line whose UTF-8 bytes are `bytes`.
    static func answer(forBytes bytes: UnsafeBufferPointer<UInt8>) -> Answer {
        guard isAnswerable(bytes) else { return .unanswered }
        return .answered(shape(of: bytes).map { shape in
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            /// `string(range).trimmed()`: in a line `isAnswerable` (plain ASCII, no CR) each byte is a character, so the
            /// blanks it trims are bytes, dropped before the String is made.
            func trimmedString(_ range: Range<Int>) -> String {
                PlainTextLines.trimmedBlanks(in: bytes, range).map(string) ?? string(range).trimmed()
            }
            return IRCLogReader.Message(timestamp: shape.timestamp.map(string) ?? "", nick: shape.nick.map(string),
                                        text: shape.text.map(trimmedString) ?? "")
        })
    }

    /// `answer(forBytes:)` of an array of bytes.
    private static func answer(forBytes bytes: [UInt8]) -> Answer {
        bytes.withUnsafeBufferPointer(answer(forBytes:))
    }

    /// Whether `line` has a log line shape (`answer(for:)` gives a message), told without making the message's
    /// strings; nil where the regular expressions must answer.
    static func hasShape(_ line: Substring) -> Bool? {
        line.utf8.withContiguousStorageIfAvailable(hasShape(bytes:)) ?? nil
    }

    /// `hasShape(_:)` of the line whose UTF-8 bytes are `bytes`.
    static func hasShape(bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        isAnswerable(bytes) ? shape(of: bytes) != nil : nil
    }

    /// Plain ASCII with no LF, VT, FF or CR: the lines the byte scan answers for.
    static func isAnswerable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Search.isPlainASCII(bytes) && !holdsLineBreakASCII(bytes)
    }

    /// Whether the ASCII `bytes` (none over 0x7F) hold a byte 0x0A–0x0D, eight at a time: with every byte's high bit
    /// clear, a byte b has 127 + 0x0E − b and b + 127 − 0x09 both reach the high bit, with b's own high bit clear, only
    /// where 0x09 < b < 0x0E, and no sum carries into the next byte.
    static func holdsLineBreakASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, low = ones &* 127, high = ones &* 0x80
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            let masked = word & low
            if (ones &* (127 + 0x0E) &- masked) & ~word & (masked &+ ones &* (127 - 0x09)) & high != 0 { return true }
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] >= 0x0A, bytes[offset] <= 0x0D { return true }
            offset += 1
        }
        return false
    }

    /// Where a line's parts stand: the timestamp, the nick (nil for a server notice) and the text (nil for a notice).
    private struct Shape {
        var timestamp: Range<Int>?
        var nick: Range<Int>?
        var text: Range<Int>?
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The parts of the line the patterns would match, or nil when neither matches.
    private static func shape(of bytes: UnsafeBufferPointer<UInt8>) -> Shape? {
        func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        func digit(_ index: Int) -> Bool { byte(index).map(isDigit) ?? false }

        /// `(?:\d{4}-\d\d-\d\d[T ])?\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?Z?` from `start`: its end, or nil.
        func timestamp(from start: Int) -> Int? {
            func time(from start: Int) -> Int? {
                guard digit(start) else { return nil }
                var index = start + 1
                if digit(index) { index += 1 }
                guard byte(index) == UInt8(ascii: ":"), digit(index + 1), digit(index + 2) else { return nil }
                index += 3
                if byte(index) == UInt8(ascii: ":"), digit(index + 1), digit(index + 2) { index += 3 }
                if let mark = byte(index), mark == UInt8(ascii: ".") || mark == UInt8(ascii: ","), digit(index + 1) {
                    index += 2
                    while digit(index) { index += 1 }
                }
                if byte(index) == UInt8(ascii: "Z") { index += 1 }
                return index
            }
            let dated = (0..<4).allSatisfy { digit(start + $0) } && byte(start + 4) == UInt8(ascii: "-")
                && digit(start + 5) && digit(start + 6) && byte(start + 7) == UInt8(ascii: "-")
                && digit(start + 8) && digit(start + 9)
                && (byte(start + 10) == UInt8(ascii: "T") || byte(start + 10) == UInt8(ascii: " "))
            if dated, let end = time(from: start + 11) { return end }
            return time(from: start)
        }

        /// `\[?TIMESTAMP\]?\s+` from `start`: the timestamp's range and where the blanks end, or nil.
        func stamp(from start: Int) -> (range: Range<Int>, next: Int)? {
            let open = byte(start) == UInt8(ascii: "[") ? start + 1 : start
            guard let end = timestamp(from: open) else { return nil }
            var index = byte(end) == UInt8(ascii: "]") ? end + 1 : end
            guard let blank = byte(index), PlainTextLines.isBlank(blank) else { return nil }
            while let next = byte(index), PlainTextLines.isBlank(next) { index += 1 }
            return (open..<end, index)
        }

        /// `<[@+%&~ ]?([^>\s]+)>\s?(.*)$` from `start`: the nick's and the text's ranges, or nil.
        func speaker(from start: Int) -> (nick: Range<Int>, text: Range<Int>)? {
            guard byte(start) == UInt8(ascii: "<") else { return nil }
            func nick(from first: Int) -> Range<Int>? {
                var index = first
                while let next = byte(index), next != UInt8(ascii: ">"), !PlainTextLines.isBlank(next) { index += 1 }
                return index > first && byte(index) == UInt8(ascii: ">") ? first..<index : nil
            }
            var found: Range<Int>?
            if let mark = byte(start + 1), nickPrefixes.contains(mark) { found = nick(from: start + 2) }
            if found == nil { found = nick(from: start + 1) }
            guard let name = found else { return nil }
            var text = name.upperBound + 1
            if let next = byte(text), PlainTextLines.isBlank(next) { text += 1 }
            return (name, text..<bytes.count)
        }

        var start = 0
        while let next = byte(start), PlainTextLines.isBlank(next) { start += 1 }
        let stamped = stamp(from: start)
        if let stamped, let said = speaker(from: stamped.next) {
            return Shape(timestamp: stamped.range, nick: said.nick, text: said.text)
        }
        if let said = speaker(from: start) {
            return Shape(timestamp: nil, nick: said.nick, text: said.text)
        }
        guard let stamped else { return nil }
        let index = stamped.next
        func blank(at index: Int) -> Bool { byte(index).map(PlainTextLines.isBlank) ?? false }
        var stars = 0
        while byte(index + stars) == UInt8(ascii: "*") { stars += 1 }
        let isNotice = ((1...3).contains(stars) && blank(at: index + stars))
            || noticeMarkers.contains { marker in
                marker.indices.allSatisfy { byte(index + $0) == marker[$0] } && blank(at: index + marker.count)
            }
        return isNotice ? Shape(timestamp: stamped.range, nick: nil, text: nil) : nil
    }
}
