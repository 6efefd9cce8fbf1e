import GRDB

/// An FTS5 tokenizer that wraps another (by default `unicode61 remove_diacritics 2`) and
/// folds the Latin letters Unicode does not decompose into a base letter plus a diacritic:
/// ø → o, æ → ae, œ → oe, ß → ss, ł → l, đ/ð → d, þ → th, ı → i, ħ → h.
/// So "Malmo" finds "Malmø" and "Lodz" finds "Łódź". Registered on every connection of
/// the index as `minutes_fold`; used as `tokenize='porter minutes_fold unicode61 …'`.
///
/// It works on the wrapped tokenizer's UTF-8 bytes: ASCII tokens (nearly all of them) are
/// passed on untouched without copying, and the others are folded into a small buffer, so
/// tokenizing costs about what the wrapped tokenizer alone costs.
final class FoldingTokenizer: FTS5CustomTokenizer {
    /// The name used in the FTS5 table's `tokenize` option.
    static let name = "minutes_fold"
    /// The tokenizer whose tokens are folded.
    let wrappedTokenizer: any FTS5Tokenizer

    /// Letters folded (after the wrapped tokenizer has lower-cased and stripped diacritics),
    /// as their two UTF-8 bytes and the ASCII letters they become.
    static let folds: [(lead: UInt8, trail: UInt8, replacement: [UInt8])] = [
        ("ø", "o"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("ł", "l"), ("đ", "d"), ("ð", "d"), ("þ", "th"),
        ("ı", "i"), ("ħ", "h"),
    ].map { letter, replacement in
        let bytes = Array(letter.utf8)
        return (bytes[0], bytes[1], Array(replacement.utf8))
    }

    /// Creates the tokenizer; `arguments` describe the wrapped tokenizer (default unicode61).
    init(db: Database, arguments: [String]) throws {
        let wrapped = arguments.isEmpty ? ["unicode61", "remove_diacritics", "2"] : arguments
        wrappedTokenizer = try db.makeTokenizer(FTS5TokenizerDescriptor(components: wrapped))
    }

    /// What the C callback needs to reach SQLite's own callback.
    private struct Forward {
        let context: UnsafeMutableRawPointer?
        let callback: FTS5TokenCallback
    }

    /// Runs the wrapped tokenizer and hands each of its tokens, folded, to `tokenCallback`.
    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
                  pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        var forward = Forward(context: context, callback: tokenCallback)
        return withUnsafeMutablePointer(to: &forward) { pointer in
            wrappedTokenizer.tokenize(context: pointer, tokenization: tokenization, pText: pText, nText: nText) {
                forwardPointer, flags, token, length, start, end in
                guard let forward = forwardPointer?.assumingMemoryBound(to: Forward.self).pointee, let token, length > 0 else {
                    return 0  // SQLITE_OK: nothing to pass on
                }
                return FoldingTokenizer.fold(token, length: Int(length)) { folded, foldedLength in
                    forward.callback(forward.context, flags, folded, foldedLength, start, end)
                }
            }
        }
    }

    /// Calls `body` with `token` folded: the token itself when it has nothing to fold.
    static func fold(_ token: UnsafePointer<CChar>, length: Int,
                     _ body: (UnsafePointer<CChar>, CInt) -> CInt) -> CInt {
        let bytes = UnsafeRawPointer(token).assumingMemoryBound(to: UInt8.self)
        var ascii = true
        for offset in 0..<length where bytes[offset] >= 0x80 {
            ascii = false
            break
        }
        if ascii { return body(token, CInt(length)) }
        // Every fold replaces two bytes by at most two, so the result is never longer.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length) { buffer in
            var read = 0, written = 0
            while read < length {
                let byte = bytes[read]
                if byte >= 0xC0, read + 1 < length,
                   let fold = folds.first(where: { $0.lead == byte && $0.trail == bytes[read + 1] }) {
                    for replacement in fold.replacement {
                        buffer[written] = CChar(bitPattern: replacement)
                        written += 1
                    }
                    read += 2
                } else {
                    buffer[written] = CChar(bitPattern: byte)
                    written += 1
                    read += 1
                }
            }
            guard let base = buffer.baseAddress else { return 0 }
            return body(base, CInt(written))
        }
    }
}
