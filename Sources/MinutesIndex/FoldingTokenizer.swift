import GRDB

/// An FTS5 tokenizer that wraps another (by default `unicode61 remove_diacritics 2`) and
/// folds the Latin letters Unicode does not decompose into a base letter plus a diacritic:
/// ø → o, æ → ae, œ → oe, ß → ss, ł → l, đ/ð → d, þ → th, ı → i, ħ → h.
/// So "Malmo" finds "Malmø" and "Lodz" finds "Łódź". Registered on every connection of
/// the index as `minutes_fold`; used as `tokenize='porter minutes_fold unicode61 …'`.
final class FoldingTokenizer: FTS5WrapperTokenizer {
    /// The name used in the FTS5 table's `tokenize` option.
    static let name = "minutes_fold"
    /// The tokenizer whose tokens are folded.
    let wrappedTokenizer: any FTS5Tokenizer

    /// Letters folded, after the wrapped tokenizer has lower-cased and stripped diacritics.
    static let folds: [Character: String] = [
        "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
    ]

    /// Creates the tokenizer; `arguments` describe the wrapped tokenizer (default unicode61).
    init(db: Database, arguments: [String]) throws {
        let wrapped = arguments.isEmpty ? ["unicode61", "remove_diacritics", "2"] : arguments
        wrappedTokenizer = try db.makeTokenizer(FTS5TokenizerDescriptor(components: wrapped))
    }

    /// Passes ASCII tokens through; folds the others.
    func accept(token: String, flags: FTS5TokenFlags, for tokenization: FTS5Tokenization,
                tokenCallback: FTS5WrapperTokenCallback) throws {
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            try tokenCallback(token, flags)
            return
        }
        var folded = ""
        folded.reserveCapacity(token.utf8.count)
        for character in token {
            if let replacement = Self.folds[character] { folded += replacement } else { folded.append(character) }
        }
        try tokenCallback(folded, flags)
    }
}
