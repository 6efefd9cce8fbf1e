import Foundation

/// Text decoded from raw bytes, with the encoding that was used.
public struct DecodedText: Sendable {
    /// The text: Unicode NFC, line ends `\n`, no-break spaces as plain spaces, no NUL characters.
    public var text: String
    /// The encoding the bytes were read as (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    public var encoding: String
    /// What was odd about the bytes (stray NULs, undefined Windows-1252 bytes, a missing BOM).
    public var warnings: [String]
}

/// Turns bytes into normalised text: BOM first, then valid UTF-8, then a declared charset,
/// then UTF-16 recognised by its zero bytes, and Windows-1252 as the last resort.
public enum TextDecoder {
    /// Decodes `bytes`. `declaredCharset` is the charset a document states about itself
    /// (an HTML `<meta charset>`); it is used when the bytes are not valid UTF-8.
    /// Throws `MinutesError.binary` for data that is not text.
    public static func decode(_ bytes: [UInt8], path: String, declaredCharset: String? = nil) throws -> DecodedText {
        var warnings: [String] = []
        let (raw, encoding, rewritten) = try decodeRaw(bytes, path: path, declaredCharset: declaredCharset, warnings: &warnings)
        // Valid UTF-8 was rewritten (or needed no rewrite) as it became a String: only NFC, if anything, is left to do.
        let text = switch rewritten {
        case .some(let mayNeedNFC): mayNeedNFC ? composedCanonically(raw) : raw
        case nil: normalise(raw, warnings: &warnings)
        }
        return DecodedText(text: text, encoding: encoding, warnings: warnings)
    }

    /// `String(validating: bytes, as: UTF8.self)`, with `normalise`'s byte rewrite (see `rewrite(_:into:nuls:)`) done
    /// before the one `String` is made rather than after (each `String` made from bytes validates them all again);
    /// nil for bytes that are not UTF-8. On valid UTF-8 the rewrite leaves nothing for `normalise` to rewrite again.
    static func utf8Text(_ bytes: UnsafeBufferPointer<UInt8>, warnings: inout [String]) -> String? {
        rewrittenUTF8(bytes, warnings: &warnings)?.text
    }

    /// `utf8Text(_:warnings:)`, and whether NFC may change the text (false only when it has no byte from 0xCC, so no
    /// scalar from U+0300): `scan` of the bytes says both, so `normalise` need not scan the text again.
    static func rewrittenUTF8(_ bytes: UnsafeBufferPointer<UInt8>, warnings: inout [String]) -> (text: String, mayNeedNFC: Bool)? {
        let (needsRewrite, needsNFC) = scan(bytes)
        guard needsRewrite else { return String(validating: bytes, as: UTF8.self).map { ($0, needsNFC) } }
        guard isValidUTF8(bytes) else { return nil }
        var nuls = 0
        let text = String(unsafeUninitializedCapacity: bytes.count) { rewrite(bytes, into: $0, nuls: &nuls) }
        if nuls > 0 { warnings.append("\(nuls) NUL characters removed") }
        // The rewrite only drops bytes or writes ASCII, so it adds no byte from 0xCC.
        return (text, needsNFC)
    }

    /// Whether `bytes` are well-formed UTF-8 (Unicode table 3-7: no overlong forms, surrogates or scalars over
    /// U+10FFFF), as `String(validating:as:)` judges them. Runs of ASCII are passed eight bytes at a time.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = UTF8Search.firstNonASCII(in: bytes, from: 0)
        while i < bytes.count {
            /// Whether the byte `offset` after the lead is in `range` (a continuation byte by default).
            func follows(_ offset: Int, in range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
                i + offset < bytes.count && range.contains(bytes[i + offset])
            }
            let length: Int
            switch bytes[i] {
            case 0xC2...0xDF: length = follows(1) ? 2 : 0
            case 0xE0: length = follows(1, in: 0xA0...0xBF) && follows(2) ? 3 : 0
            case 0xE1...0xEC, 0xEE...0xEF: length = follows(1) && follows(2) ? 3 : 0
            case 0xED: length = follows(1, in: 0x80...0x9F) && follows(2) ? 3 : 0
            case 0xF0: length = follows(1, in: 0x90...0xBF) && follows(2) && follows(3) ? 4 : 0
            case 0xF1...0xF3: length = follows(1) && follows(2) && follows(3) ? 4 : 0
            case 0xF4: length = follows(1, in: 0x80...0x8F) && follows(2) && follows(3) ? 4 : 0
            default: length = 0
            }
            guard length > 0 else { return false }
            i = UTF8Search.firstNonASCII(in: bytes, from: i + length)
        }
        return true
    }

    /// The text of `bytes` and the encoding read, with whether the text is rewritten already (valid UTF-8, see
    /// `rewrittenUTF8(_:warnings:)`): then whether NFC may change it; nil when `normalise` has all to do.
    private static func decodeRaw(_ bytes: [UInt8], path: String, declaredCharset: String?,
                                  warnings: inout [String]) throws -> (String, String, rewritten: Bool?) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let valid = bytes.withUnsafeBufferPointer {
                rewrittenUTF8(UnsafeBufferPointer(rebasing: $0.dropFirst(3)), warnings: &warnings)
            }
            if let valid { return (valid.text, "UTF-8", valid.mayNeedNFC) }
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), "UTF-8", nil)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (decodeUTF16(bytes.dropFirst(2), littleEndian: true), "UTF-16LE", nil)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (decodeUTF16(bytes.dropFirst(2), littleEndian: false), "UTF-16BE", nil)
        }
        if let signature = binarySignature(bytes) {
            throw MinutesError.binary(path: path, reason: signature)
        }
        if let littleEndian = utf16WithoutBOM(bytes) {
            warnings.append("no byte-order mark, read as UTF-16\(littleEndian ? "LE" : "BE") from its zero bytes")
            return (decodeUTF16(bytes[...], littleEndian: littleEndian), littleEndian ? "UTF-16LE" : "UTF-16BE", nil)
        }
        if let valid = bytes.withUnsafeBufferPointer({ rewrittenUTF8($0, warnings: &warnings) }) {
            return (valid.text, "UTF-8", valid.mayNeedNFC)
        }
        let controlBytes = bytes.lazy.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
        if controlBytes * 10 > bytes.count {
            throw MinutesError.binary(path: path, reason: "\(controlBytes) of \(bytes.count) bytes are control characters")
        }
        // Browsers read latin1, iso-8859-1 and us-ascii labels as Windows-1252 too (WHATWG Encoding).
        let windowsAliases = ["windows-1252", "cp1252", "iso-8859-1", "latin1", "us-ascii", "ascii"]
        if let charset = declaredCharset?.lowercased(), !windowsAliases.contains(charset), !charset.hasPrefix("utf") {
            warnings.append("declared charset \(charset) is not supported; read as Windows-1252")
        } else if declaredCharset == nil || declaredCharset?.lowercased().hasPrefix("utf") == true {
            warnings.append("not valid UTF-8; read as Windows-1252")
        }
        return (decodeWindows1252(bytes, warnings: &warnings), "windows-1252", nil)
    }

    /// Names well-known binary formats by their magic numbers.
    static func binarySignature(_ bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0xFF, 0xD8, 0xFF], "JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "GIF image"), ([0x25, 0x50, 0x44, 0x46], "PDF file; extract its text first"),
            ([0x50, 0x4B, 0x03, 0x04], "ZIP archive or Office document"), ([0x1F, 0x8B], "gzip data"),
            ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        ]
        return signatures.first { bytes.starts(with: $0.0) }?.1
    }

    /// Recognises BOM-less UTF-16 by zero bytes in every other position; returns `true` for little-endian.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4, sample.count % 2 == 0 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 >= pairs * 7, evenZeros * 10 < pairs { return true }
        if evenZeros * 10 >= pairs * 7, oddZeros * 10 < pairs { return false }
        return nil
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252's 0x80–0x9F block (WHATWG); 0 marks the five undefined bytes.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    private static func decodeWindows1252(_ bytes: [UInt8], warnings: inout [String]) -> String {
        var scalars = String.UnicodeScalarView()
        var undefined = 0
        for b in bytes {
            var value = UInt32(b)
            if (0x80...0x9F).contains(b) {
                value = cp1252High[Int(b) - 0x80]
                if value == 0 { undefined += 1; value = 0xFFFD }
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        if undefined > 0 { warnings.append("\(undefined) bytes undefined in Windows-1252 replaced by U+FFFD") }
        return String(scalars)
    }

    /// Whether NFC leaves `scalar` as it is whatever surrounds it: everything below U+0300 (where the
    /// first scalar with NFC quick-check "No/Maybe" stands) and common blocks with no canonical mappings.
    @inline(__always)
    static func isNFCStable(_ scalar: Unicode.Scalar) -> Bool {
        isNFCStable(scalar.value)
    }

    /// `isNFCStable(_:)` for a scalar value.
    @inline(__always)
    static func isNFCStable(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x300, 0x2002...0x20CF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x1F300...0x1FAFF: return true
        default: return false
        }
    }

    /// Line ends to `\n`, NBSP to space, NULs removed, Unicode NFC.
    static func normalise(_ text: String, warnings: inout [String]) -> String {
        var text = text
        let (needsRewrite, needsNFC) = text.withUTF8(scan)
        if !needsRewrite && !needsNFC { return text }
        if !needsRewrite { return composedCanonically(text) }
        var nuls = 0
        // Every rewrite keeps or shortens the text, so the result is written straight into a String
        // of the input's size (no byte array besides: a large input is not held three times over).
        let out = text.withUTF8 { input in String(unsafeUninitializedCapacity: input.count) { rewrite(input, into: $0, nuls: &nuls) } }
        if nuls > 0 { warnings.append("\(nuls) NUL characters removed") }
        return needsNFC ? composedCanonically(out) : out
    }

    /// What `normalise` must do to `bytes`: rewrite them (they hold a CR, a NUL, or the bytes of NBSP, narrow NBSP or
    /// BOM; the sequences `rewrite(_:into:nuls:)` changes), and compose them (they hold a scalar that is not NFC-stable,
    /// `isNFCStable`; bytes that are not UTF-8 there count as such a scalar). When neither is needed, `normalise` leaves
    /// the text as it is.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (needsRewrite: Bool, needsNFC: Bool) {
        var needsRewrite = false, needsNFC = false
        // Only CR, NUL and bytes from 0xC2 can set a flag: runs of other ASCII are passed eight bytes at a time.
        var i = UTF8Search.firstNonASCII(in: bytes, from: 0, orCRNUL: true)
        while i < bytes.count {
            let byte = bytes[i]
            if !needsRewrite, rewritten(at: i, in: bytes) != nil { needsRewrite = true }
            // A lead byte from 0xCC starts a scalar from U+0300; most such scalars in running text (punctuation,
            // CJK, Hangul, emoji) are NFC-stable and ask for no composing.
            if byte >= 0xCC, !needsNFC, !startsNFCStableScalar(at: i, in: bytes) { needsNFC = true }
            if needsRewrite && needsNFC { break }
            i = UTF8Search.firstNonASCII(in: bytes, from: i + 1, orCRNUL: true)
        }
        return (needsRewrite, needsNFC)
    }

    /// Whether the bytes at `i` (a lead byte from 0xCC) start a well-formed scalar that is NFC-stable (`isNFCStable`).
    private static func startsNFCStableScalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lead = UInt32(bytes[i])
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard lead < 0xF5, i + length <= bytes.count else { return false }
        var value = lead & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07)
        for offset in 1..<length {
            let next = bytes[i + offset]
            guard next & 0xC0 == 0x80 else { return false }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return isNFCStable(value)
    }

    /// Writes `input` into `output` (at least as large) rewritten: CR LF and CR → LF, NUL dropped (and counted in
    /// `nuls`), U+00A0 (C2 A0) and U+202F (E2 80 AF) → space, U+FEFF (EF BB BF) dropped; returns the bytes written.
    /// The bytes between are copied a stretch at a time, runs of ASCII passed over eight bytes at a time.
    static func rewrite(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, nuls: inout Int) -> Int {
        var written = 0
        /// Appends `input[range]` to the output.
        func copy(_ range: Range<Int>) {
            guard !range.isEmpty, let source = input.baseAddress, let target = output.baseAddress else { return }
            (target + written).update(from: source + range.lowerBound, count: range.count)
            written += range.count
        }
        var copied = 0   // bytes before this are in the output or dropped
        var i = UTF8Search.firstNonASCII(in: input, from: 0, orCRNUL: true)
        while i < input.count {
            guard let (replacement, length) = rewritten(at: i, in: input) else {
                i = UTF8Search.firstNonASCII(in: input, from: i + 1, orCRNUL: true)
                continue
            }
            if input[i] == 0x00 { nuls += 1 }
            copy(copied..<i)
            if let replacement {
                output[written] = replacement
                written += 1
            }
            i += length
            copied = i
            i = UTF8Search.firstNonASCII(in: input, from: i, orCRNUL: true)
        }
        copy(copied..<input.count)
        return written
    }

    /// What `rewrite` makes of the sequence starting at byte `i`: the byte written in its place (nil: none) and its
    /// length, or nil when the sequence stays. CR LF and CR → LF, NUL dropped, U+00A0 (C2 A0) and U+202F (E2 80 AF) →
    /// space, U+FEFF (EF BB BF) dropped.
    @inline(__always)
    static func rewritten(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (replacement: UInt8?, length: Int)? {
        /// Whether the bytes after `i` are `second` (and `third`).
        func follows(_ second: UInt8, _ third: UInt8? = nil) -> Bool {
            i + 1 < bytes.count && bytes[i + 1] == second && (third.map { i + 2 < bytes.count && bytes[i + 2] == $0 } ?? true)
        }
        switch bytes[i] {
        case 0x0D: return (0x0A, follows(0x0A) ? 2 : 1)
        case 0x00: return (nil, 1)
        case 0xC2 where follows(0xA0): return (0x20, 2)
        case 0xE2 where follows(0x80, 0xAF): return (0x20, 3)
        case 0xEF where follows(0xBB, 0xBF): return (nil, 3)
        default: return nil
        }
    }

    /// `text.precomposedStringWithCanonicalMapping` (NFC), normalising only the stretches that NFC could change.
    ///
    /// Text splits for NFC before every NFC-stable scalar (a starter that never combines with what precedes
    /// it), so each stretch of unstable scalars is normalised together with the stable scalar before it
    /// (which they may combine with) and everything else is copied as it is.
    static func composedCanonically(_ text: String) -> String {
        var text = text
        return text.withUTF8(composed).map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The NFC form of valid UTF-8 `bytes` (see `composedCanonically(_:)`), or nil when NFC changes nothing.
    static func composed(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        /// The scalar value starting at byte `i` of the (valid) UTF-8, and its length in bytes.
        func scalar(at i: Int) -> (value: UInt32, length: Int) {
            let lead = UInt32(bytes[i])
            if lead < 0x80 { return (lead, 1) }
            if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
            if lead < 0xF0 {
                return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
            }
            return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F), 4)
        }
        var out: [UInt8] = []   // filled from the first stretch that NFC changes
        var copied = 0     // bytes before this are in `out`
        var boundary = 0   // the latest place where NFC may split the text
        var i = 0
        while i < bytes.count {
            // ASCII (most of any text) is NFC-stable: a run of it is passed eight bytes at a time.
            if bytes[i] < 0x80 {
                i = UTF8Search.firstNonASCII(in: bytes, from: i)
                boundary = i - 1
                continue
            }
            let (value, length) = scalar(at: i)
            if isNFCStable(value) {
                boundary = i
                i += length
                continue
            }
            var end = i + length
            while end < bytes.count {
                let (next, nextLength) = scalar(at: end)
                if isNFCStable(next) { break }
                end += nextLength
            }
            let stretch = UnsafeBufferPointer(rebasing: bytes[boundary..<end])
            let composed = String(decoding: stretch, as: UTF8.self).precomposedStringWithCanonicalMapping
            // A stretch already in NFC stays where it is (most text is NFC already).
            if !composed.utf8.elementsEqual(stretch) {
                if copied == 0 { out.reserveCapacity(bytes.count) }
                out.append(contentsOf: bytes[copied..<boundary])
                out.append(contentsOf: composed.utf8)
                copied = end
            }
            boundary = end
            i = end
        }
        // Nothing NFC changed: the text itself, not a copy of it.
        if copied == 0 { return nil }
        out.append(contentsOf: bytes[copied...])
        return out
    }
}
