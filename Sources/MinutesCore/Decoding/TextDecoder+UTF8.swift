/// Decoded text as its UTF-8 bytes: what `DecodedText` holds, without a `String` made of it.
public struct DecodedUTF8: Sendable {
    /// The text's UTF-8 bytes, normalised as `DecodedText.text` is (NFC, `\n` line ends, no NULs, no-break spaces as
    /// spaces), with no NUL terminator.
    public var utf8: [UInt8]
    /// The encoding the bytes were read as (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    public var encoding: String
    /// What was odd about the bytes (stray NULs, undefined Windows-1252 bytes, a missing BOM).
    public var warnings: [String]
}

extension TextDecoder {
    /// `decode(_:path:declaredCharset:)` for a reader that takes bytes (HTML: libxml2 reads UTF-8 where it lies).
    /// Bytes that `decode` reads as valid UTF-8 (most documents) are normalised where they are: the rewrite only drops
    /// bytes or writes ASCII in place of longer sequences, and NFC, which rarely changes anything, makes a copy only when
    /// it does. So no `String` of the whole document is made and its bytes are not validated twice. Other encodings
    /// are decoded as `decode` does, then copied out.
    public static func decodeUTF8(_ bytes: consuming [UInt8], path: String, declaredCharset: String? = nil) throws -> DecodedUTF8 {
        var bytes = bytes
        guard readsAsValidUTF8(bytes) else {
            let decoded = try decode(bytes, path: path, declaredCharset: declaredCharset)
            return DecodedUTF8(utf8: Array(decoded.text.utf8), encoding: decoded.encoding, warnings: decoded.warnings)
        }
        var warnings: [String] = []
        let (needsRewrite, needsNFC) = bytes.withUnsafeBufferPointer(scan)
        if needsRewrite {
            var nuls = 0
            // In place: `rewrite` writes each byte at or before the place it reads it from.
            let count = bytes.withUnsafeMutableBufferPointer { rewrite(UnsafeBufferPointer($0), into: $0, nuls: &nuls) }
            bytes.removeLast(bytes.count - count)
            if nuls > 0 { warnings.append("\(nuls) NUL characters removed") }
        }
        if needsNFC, let composed = bytes.withUnsafeBufferPointer(composed) { bytes = composed }
        return DecodedUTF8(utf8: bytes, encoding: "UTF-8", warnings: warnings)
    }

    /// Whether `decode` reads `bytes` as UTF-8 and finds them valid: a UTF-8 byte-order mark, or none of the marks and
    /// signatures it tries first (UTF-16 marks, binary formats, UTF-16 without a mark), and well-formed UTF-8.
    static func readsAsValidUTF8(_ bytes: [UInt8]) -> Bool {
        if !bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]),
                  binarySignature(bytes) == nil, utf16WithoutBOM(bytes) == nil else { return false }
        }
        return bytes.withUnsafeBufferPointer(isValidUTF8)
    }
}
