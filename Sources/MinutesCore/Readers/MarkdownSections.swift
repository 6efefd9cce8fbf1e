/// Cuts a long Markdown text into sections that cmark-gfm can parse one at a time, so the
/// memory of its tree is bounded by the longest section instead of the whole file (a file of
/// running notes can hold years of meetings).
///
/// A cut is made only where the two parses cannot differ: before an ATX heading (`#` to `######`
/// at the very start of a line) that follows a blank line, outside fenced code. A blank line
/// followed by an unindented heading closes every open paragraph, list, block quote, table and
/// one-line or blank-line-ended HTML block, so the heading starts a top-level block either way.
/// Link reference definitions apply to the whole document: simple top-level ones
/// (`[label]: destination`, one line, after a blank line) are handed to cmark-gfm again after
/// every section. Where the line-by-line scan could disagree with cmark-gfm about what is open or
/// defined, the text is not cut at all: any other definition (a footnote, a title, one inside a
/// list item or block quote, a label defined twice differently), an HTML block that may run over
/// blank lines (`<pre>`, `<script>`, `<style>`, `<textarea>`, a comment, processing instruction,
/// declaration or CDATA not closed on its first line), a code fence that is indented (it may
/// belong to a list item) or that follows HTML.
enum MarkdownSections {
    /// Sections of `text`, each at least `targetBytes` long except the last, and the link reference
    /// definitions to parse after each; `text` itself (one section) when it is no longer than that
    /// or may not be cut.
    static func split(_ text: Substring, targetBytes: Int) -> (sections: [Substring], definitions: String) {
        guard text.utf8.count > targetBytes else { return ([text], "") }
        var bytes = text
        let (ranges, definitions) = bytes.withUTF8 { split($0, targetBytes: targetBytes) }
        let sections = ranges.map { range in
            let start = text.utf8.index(text.startIndex, offsetBy: range.lowerBound)
            return text[start..<text.utf8.index(start, offsetBy: range.count)]
        }
        return (sections, definitions)
    }

    /// `split(_:targetBytes:)` of the text whose UTF-8 bytes are `all`: the sections as byte ranges.
    static func split(_ all: UnsafeBufferPointer<UInt8>, targetBytes: Int) -> (sections: [Range<Int>], definitions: String) {
        guard all.count > targetBytes, let (cuts, definitions) = cuts(in: all, targetBytes: targetBytes), !cuts.isEmpty else {
            return ([0..<all.count], "")
        }
        let sections = zip([0] + cuts, cuts + [all.count]).map { $0..<$1 }
        return (sections, definitions.isEmpty ? "" : "\n\n" + definitions.joined(separator: "\n") + "\n")
    }

    /// Where `split` cuts the text whose UTF-8 bytes are `all` (byte offsets), and the link reference definitions it
    /// saw; nil when the text may not be cut.
    private static func cuts(in all: UnsafeBufferPointer<UInt8>, targetBytes: Int) -> (cuts: [Int], definitions: [String])? {
        var cuts: [Int] = []
        var scanner = Scanner()
        var sectionStart = 0, lineStart = 0
        while lineStart < all.count {
            let lineEnd = UTF8Search.offset(of: 0x0A, in: all, from: lineStart) ?? all.count
            let line = all[lineStart..<lineEnd]
            if scanner.mayCut(before: line), lineStart - sectionStart >= targetBytes {
                cuts.append(lineStart)
                sectionStart = lineStart
            }
            guard scanner.advance(over: line) else { return nil }
            lineStart = lineEnd + 1
        }
        // Definitions follow the last section too, which must not end inside a code fence.
        guard scanner.definitions.isEmpty || scanner.fence == nil else { return nil }
        return (cuts, scanner.definitions)
    }

    /// A line's bytes, or part of them.
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// Line-by-line state: the open top-level code fence, whether the current run of lines holds
    /// HTML, whether the last line was blank.
    struct Scanner {
        /// The open code fence's character and length.
        var fence: (byte: UInt8, length: Int)?
        /// Whether a line of the current run (since the last blank line) starts with `<`.
        var inHTML = false
        /// What may end the open HTML block that blank lines do not end (`-->`, `</pre>`, …), lower-case.
        var htmlEnds: [[UInt8]]?
        /// Whether the previous line was blank (true before the first line).
        var afterBlank = true
        /// Whether the previous line was a link reference definition.
        var afterDefinition = false
        /// The link reference definitions seen, as written, in order.
        var definitions: [String] = []
        /// Their lines by label (lower-cased): a label defined again must be defined alike.
        var labels: [String: String] = [:]

        /// Whether a section may start with `line`.
        func mayCut(before line: Bytes) -> Bool {
            guard afterBlank, fence == nil, line.first == UInt8(ascii: "#") else { return false }
            let hashes = line.prefix { $0 == UInt8(ascii: "#") }.count
            guard hashes <= 6 else { return false }
            let next = line.dropFirst(hashes).first
            return next == nil || next == 0x20 || next == 0x09 || next == 0x0D
        }

        /// Takes in `line`; false when the text must not be cut at all.
        mutating func advance(over line: Bytes) -> Bool {
            let indent = line.prefix { $0 == 0x20 }.count
            let body = line.dropFirst(indent)
            if let ends = htmlEnds {
                if Self.contains(Self.lowerCased(body), anyOf: ends) { htmlEnds = nil }
                return true
            }
            if let open = fence {
                let run = body.prefix { $0 == open.byte }.count
                if indent <= 3, run >= open.length, body.dropFirst(run).allSatisfy(Self.isBlank) { fence = nil }
                return true
            }
            if line.allSatisfy(Self.isBlank) {
                afterBlank = true
                afterDefinition = false
                inHTML = false
                return true
            }
            let startsBlock = afterBlank || afterDefinition
            afterBlank = false
            afterDefinition = false
            // Definitions count inside block quotes and list items too ("> [a]: /x", "- [^1]: note").
            let content = line.drop { Self.isBlank($0) || Self.isContainerMark($0) }
            if content.first == UInt8(ascii: "["), Self.definesLabel(content) {
                guard indent <= 3, body.first == UInt8(ascii: "["), startsBlock, !inHTML,
                      let label = Self.simpleDefinitionLabel(body) else { return false }
                let written = String(decoding: line, as: UTF8.self)
                if let known = labels[label] {
                    guard known == written else { return false }
                } else {
                    labels[label] = written
                    definitions.append(written)
                }
                afterDefinition = true
                return true
            }
            guard indent <= 3, let first = body.first else { return true }
            if first == UInt8(ascii: "<") {
                inHTML = true
                let lower = Self.lowerCased(body)
                switch Self.longHTMLBlock(opening: body, lower: lower) {
                case .none: return true
                case .unsure: return false
                case .block(let ends):
                    // An indented one may sit in a list item, which a later line can close.
                    guard indent == 0 else { return false }
                    if !Self.contains(lower, anyOf: ends) { htmlEnds = ends }
                    return true
                }
            }
            if first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                let run = body.prefix { $0 == first }.count
                guard run >= 3 else { return true }
                // Backtick fences take no backtick in their info string; otherwise this is inline code.
                if first == UInt8(ascii: "`"), body.dropFirst(run).contains(first) { return true }
                guard indent == 0, !inHTML else { return false }
                fence = (first, run)
            }
            return true
        }

        /// Whether `body` (a line from its first non-space byte) is `[label]:`.
        static func definesLabel(_ body: Bytes) -> Bool {
            var previous: UInt8 = 0
            for byte in body {
                if previous == UInt8(ascii: "]"), byte == UInt8(ascii: ":") { return true }
                previous = byte
            }
            return false
        }

        /// The label (lower-cased) of `body` when it is a whole one-line link reference definition
        /// without a title: `[label]: destination` or `[label]: <destination>`.
        static func simpleDefinitionLabel(_ body: Bytes) -> String? {
            guard let close = body.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let label = body[body.index(after: body.startIndex)..<close]
            guard !label.isEmpty, label.first != UInt8(ascii: "^"), !label.contains(UInt8(ascii: "[")),
                  !label.contains(UInt8(ascii: "\\")), !label.allSatisfy(isBlank) else { return nil }
            let afterLabel = body[body.index(after: close)...]
            guard afterLabel.first == UInt8(ascii: ":") else { return nil }
            let destination = afterLabel.dropFirst().drop(while: isBlank)
            let end: Int
            if destination.first == UInt8(ascii: "<") {
                guard let closing = destination.firstIndex(of: UInt8(ascii: ">")),
                      !destination[destination.index(after: destination.startIndex)..<closing].contains(UInt8(ascii: "<"))
                else { return nil }
                end = destination.index(after: closing)
            } else {
                let bare = destination.prefix { $0 > 0x20 && $0 != 0x7F }
                guard !bare.isEmpty, !bare.contains(UInt8(ascii: "(")), !bare.contains(UInt8(ascii: ")")),
                      !bare.contains(UInt8(ascii: "<")) else { return nil }
                end = bare.endIndex
            }
            guard destination[end...].allSatisfy(isBlank) else { return nil }
            return String(decoding: label, as: UTF8.self).lowercased()
        }

        /// What a line opening with `<` starts, among the HTML blocks blank lines do not end.
        enum HTMLStart: Equatable {
            /// Not one of them.
            case none
            /// One of them, ended by a line holding one of these (lower-case).
            case block(ends: [[UInt8]])
            /// One under some CommonMark versions only (`<textarea`, `<!` and a lower-case letter).
            case unsure
        }

        /// The HTML block that `body` (a line from its first non-space byte; `lower` is it
        /// lower-cased) opens, by CommonMark 0.29's start conditions 1 to 5, which cmark-gfm 0.29 follows.
        static func longHTMLBlock(opening body: Bytes, lower: [UInt8]) -> HTMLStart {
            func starts(_ text: String) -> Bool { lower.starts(with: Array(text.utf8)) }
            func ends(_ texts: String...) -> HTMLStart { .block(ends: texts.map { Array($0.utf8) }) }
            for tag in ["<script", "<pre", "<style", "<textarea"] where starts(tag) {
                let next = lower.dropFirst(tag.utf8.count).first
                guard next == nil || next == UInt8(ascii: ">") || next.map(isBlank) == true else { continue }
                return tag == "<textarea" ? .unsure : ends("</script>", "</pre>", "</style>")
            }
            if starts("<!--") { return ends("-->") }
            if starts("<![cdata[") { return ends("]]>") }
            if starts("<?") { return ends("?>") }
            if starts("<!"), let letter = body.dropFirst(2).first {
                if letter >= 0x41, letter <= 0x5A { return ends(">") }
                if letter >= 0x61, letter <= 0x7A { return .unsure }
            }
            return .none
        }

        /// `bytes` with ASCII letters lower-cased.
        static func lowerCased(_ bytes: Bytes) -> [UInt8] {
            bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        }

        /// Whether `bytes` contain one of `needles` (none is empty), found with `UTF8Search.offset(of:in:from:)`.
        static func contains(_ bytes: [UInt8], anyOf needles: [[UInt8]]) -> Bool {
            bytes.withUnsafeBufferPointer { haystack in
                needles.contains { needle in needle.withUnsafeBufferPointer { UTF8Search.offset(of: $0, in: haystack) != nil } }
            }
        }

        /// Whether `byte` opens block quotes and list items (`>`, bullets, numbers and their `.` or `)`).
        static func isContainerMark(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: ")"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"): return true
            default: return false
            }
        }

        /// Space, tab or carriage return.
        static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    }
}
