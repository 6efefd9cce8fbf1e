extension MarkdownPreamble {
    /// `strip(_:into:)` on the text's UTF-8 bytes, read where they lie: the offset where the body starts (0 when there
    /// is no preamble), with what the preamble says recorded in `document`; nil when the bytes cannot tell, and then
    /// `document` may hold part of the preamble and `strip(_:into:)` on the text must decide.
    ///
    /// The bytes cannot tell for a text holding a CR (`strip` rewrites its CR LFs), nor where a character could extend
    /// over a non-ASCII byte at a place `strip` compares characters: white space before a comment opening, a character
    /// right after "<!--", "-->", "% " or an opening "{" or "[", or the first character of a JSON comment. Elsewhere each
    /// ASCII byte `strip` looks at is a character of its own (a line feed always is, and no ASCII character but CR
    /// joins the next one), so comparing bytes is comparing characters. Decoded text (`TextDecoder.decodeUTF8`) has no
    /// CR, so almost every document is stripped on its bytes.
    static func strip(utf8 bytes: UnsafeBufferPointer<UInt8>, into document: inout BlockDocument) -> Int? {
        guard mayOpenWithPreamble(bytes) else { return 0 }
        guard UTF8Search.offset(of: 0x0D, in: bytes) == nil else { return nil }
        func literal(_ prefix: StaticString) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        }
        func opens(_ prefix: StaticString, at start: Int) -> Bool {
            start + prefix.utf8CodeUnitCount <= bytes.count && bytes[start...].starts(with: literal(prefix))
        }
        /// Whether the byte at `offset` (if any) may extend the character before it.
        func mayExtend(_ offset: Int) -> Bool { offset < bytes.count && bytes[offset] >= 0x80 }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        func lineEnd(from start: Int) -> Int { UTF8Search.offset(of: 0x0A, in: bytes, from: start) ?? bytes.count }

        var rest = opens("\u{FEFF}", at: 0) ? 3 : 0
        for (fence, opening) in [("---", "---\n" as StaticString), ("+++", "+++\n")] where opens(opening, at: rest) {
            let fieldsStart = rest + 4
            var lineStart = fieldsStart
            while lineStart <= bytes.count {
                let end = lineEnd(from: lineStart)
                var trimmed = lineStart..<end
                while let first = trimmed.first, bytes[first] == 0x20 || bytes[first] == 0x09 { trimmed = trimmed.dropFirst() }
                while let last = trimmed.last, bytes[last] == 0x20 || bytes[last] == 0x09 { trimmed = trimmed.dropLast() }
                let line = UnsafeBufferPointer(rebasing: bytes[trimmed])
                if line.elementsEqual(fence.utf8) || (fence == "---" && line.elementsEqual("...".utf8)) {
                    let fields = text(fieldsStart..<lineStart)
                    readFields(fields.split(separator: "\n", omittingEmptySubsequences: false),
                               separator: fence == "---" ? ":" : "=", into: &document)
                    rest = min(end + 1, bytes.count)
                    break
                }
                lineStart = end + 1
            }
        }
        var afterSpace = rest
        while afterSpace < bytes.count, UTF8Search.isASCIIWhitespace(bytes[afterSpace]) { afterSpace += 1 }
        if mayExtend(afterSpace) { return nil }
        if opens("<!--", at: afterSpace) {
            let innerStart = afterSpace + 4
            if mayExtend(innerStart) { return nil }
            // Searched from past "<!--", which could close "<!-->" (`strip` does the same).
            if let end = UTF8Search.offset(of: literal("-->"), in: bytes, from: innerStart) {
                if mayExtend(end + 3) { return nil }
                var first = innerStart
                while first < end, bytes[first] == UInt8(ascii: "-") || UTF8Search.isASCIIWhitespace(bytes[first]) { first += 1 }
                if mayExtend(first) { return nil }
                if first < end, bytes[first] == UInt8(ascii: "{") || bytes[first] == UInt8(ascii: "[") {
                    if mayExtend(first + 1) { return nil }
                    if readJSON(text(first..<end), into: &document) { rest = end + 3 }
                }
            }
        }
        var body = rest
        while body < bytes.count, bytes[body] == 0x0A || bytes[body] == 0x20 { body += 1 }
        if opens("% ", at: body) {
            if mayExtend(body + 2) { return nil }
            let end = lineEnd(from: body)
            let title = text((body + 2)..<end).trimmed()
            if !title.isEmpty, document.title == nil { document.title = title }
            rest = end
        }
        return rest
    }
}
