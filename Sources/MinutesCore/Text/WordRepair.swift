import Foundation

/// Repairs the damage PDF text extraction does to words, by rule:
///
/// - words run together where a line break was lost ("anopportunity", "cleantechcluster",
///   "Huband", "business-tobusinesscooperation") are split where every piece is a word the
///   document itself uses or a common dictionary word;
/// - a sentence glued to the next ("Region.Thus") gets its space back;
/// - a hyphen at a line break is dropped when the joined word is a known word ("busi-" "ness").
///
/// A word is never split when the dictionary knows it or when the document uses it twice.
public struct WordRepair: Sendable {
    /// The words of the document being repaired: how often each is used, lower-cased, and which are capitalised.
    let words: DocumentWords
    let lexicon: Lexicon

    /// Builds a repairer that knows the words of `texts` (the whole document).
    public init(vocabularyFrom texts: [String], lexicon: Lexicon = .shared) {
        var words = DocumentWords()
        for text in texts {
            if text.isPlainASCII {
                // ASCII texts: letter runs tallied on their bytes, with no String per word.
                var text = text
                text.withUTF8 { bytes in
                    var start = 0
                    while start < bytes.count {
                        guard Self.isASCIILetter(bytes[start]) else { start += 1; continue }
                        var end = start + 1
                        while end < bytes.count, Self.isASCIILetter(bytes[end]) { end += 1 }
                        words.add(ascii: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                        start = end
                    }
                }
                continue
            }
            for word in Self.words(in: text) {
                words.add(lower: word.lowercased(), capitalised: word.first?.isUppercase == true)
            }
        }
        self.words = words
        self.lexicon = lexicon
    }

    /// Returns `text` with joined words split, glued sentences spaced and line-break hyphens resolved.
    public func repair(_ text: String) -> String {
        var cache: [String: String] = [:]
        return repair(text, cache: &cache)
    }

    /// `repair(_:)` with the repaired form of each token already seen in `cache` (token → repaired).
    func repair(_ text: String, cache: inout [String: String]) -> String {
        func repaired(_ token: String) -> String {
            if let known = cache[token] { return known }
            let result = repairToken(token)
            cache[token] = result
            return result
        }
        if text.isPlainASCII {
            // ASCII text, one byte a character: tokens are runs of letters, hyphens and inner full stops.
            // Bytes are copied in runs up to a token that changes; a text with no such token is returned as it is.
            var source = text
            var output: [UInt8] = []
            let changed: Bool = source.withUTF8 { bytes in
                var start = 0, copied = 0
                while start < bytes.count {
                    let byte = bytes[start]
                    guard Self.isASCIILetter(byte) || byte == UInt8(ascii: "-") else {
                        start += 1
                        continue
                    }
                    var end = start + 1
                    while end < bytes.count, Self.isASCIILetter(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".") {
                        end += 1
                    }
                    let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if !Self.staysAsItIs(token) {
                        let original = String(decoding: token, as: UTF8.self)
                        let result = repaired(original)
                        if result != original {
                            if output.isEmpty { output.reserveCapacity(bytes.count + 16) }
                            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
                            output.append(contentsOf: result.utf8)
                            copied = end
                        }
                    }
                    start = end
                }
                guard copied > 0 else { return false }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
                return true
            }
            return changed ? String(decoding: output, as: UTF8.self) : text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        var token = ""
        func emit() {
            if !token.isEmpty { out += repaired(token); token = "" }
        }
        for ch in text {
            if ch.isLetterFast || ch == "-" || ch == "\u{2060}" || (ch == "." && !token.isEmpty) {
                token.append(ch)
            } else {
                emit()
                out.append(ch)
            }
        }
        emit()
        return out
    }

    /// Whether `repairToken` returns the ASCII `token` unchanged without looking it up: no full stop, and every
    /// part between hyphens shorter than the five letters `split` needs.
    static func staysAsItIs(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        var partLength = 0
        for byte in token {
            if byte == UInt8(ascii: ".") { return false }
            partLength = byte == UInt8(ascii: "-") ? 0 : partLength + 1
            if partLength >= 5 { return false }
        }
        return true
    }

    /// Repairs one run of letters, hyphens and full stops.
    private func repairToken(_ token: String) -> String {
        if token.isPlainASCII {
            var token = token
            return token.withUTF8 { repairASCIIToken($0) }
        }
        // "Region.Thus": a sentence end glued to a capitalised word.
        if token.utf8.contains(UInt8(ascii: ".")), let dot = token.firstIndex(of: "."), dot != token.startIndex {
            let head = String(token[..<dot])
            let tail = String(token[token.index(after: dot)...])
            if head.count >= 2, head.last?.isLowercase == true, let first = tail.first, first.isUppercase,
               tail.dropFirst().first?.isLowercase == true {
                return repairToken(head) + ". " + repairToken(tail)
            }
            return token.split(separator: ".", omittingEmptySubsequences: false).map { repairToken(String($0)) }.joined(separator: ".")
        }
        // "busi-\u{2060}ness": a hyphen that stood at a line break.
        // U+2060 is E2 81 A0 in UTF-8: tokens without the byte E2 cannot hold it.
        if token.utf8.contains(0xE2), token.contains(Character("\u{2060}")) {
            let parts = token.components(separatedBy: "-\u{2060}")
            var result = parts[0]
            for part in parts.dropFirst() {
                let joined = result + part
                let lastWord = String(joined.split(separator: "-").last ?? "")
                result = isKnown(lastWord) ? joined : result + "-" + part
            }
            return repairToken(result.replacingOccurrences(of: "\u{2060}", with: ""))
        }
        let segments = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if segments.count == 1 {
            return split(token).joined(separator: " ")
        }
        // In a hyphenated compound a lost line break also lost a hyphen ("business-to|business"):
        // pieces of a split segment rejoin with hyphens, and a third piece is the next word.
        return segments.map { segment -> String in
            let pieces = split(segment)
            guard pieces.count > 1 else { return segment }
            if pieces.count == 2 { return pieces.joined(separator: "-") }
            return pieces.dropLast().joined(separator: "-") + " " + (pieces.last ?? "")
        }.joined(separator: "-")
    }

    /// Whether the document or the dictionary vouches for `word` as it stands.
    func isKnown(_ word: String) -> Bool {
        if word.isPlainASCII {
            var word = word
            return word.withUTF8 { bytes in Self.withLowerCased(bytes) { isKnownASCII(lower: $0) } }
        }
        let lower = word.lowercased()
        if lexicon.words.contains(lower) || words.count(lower) >= 2 { return true }
        // A known word with a derivational ending ("benchmark|ing", "entrepreneur|ship").
        let length = lower.count
        for suffix in Self.suffixes where length > suffix.count + 3 && lower.hasSuffix(suffix) {
            let stem = String(lower.dropLast(suffix.count))
            if lexicon.words.contains(stem) || lexicon.words.contains(stem + "e") || words.count(stem) >= 1 { return true }
            if let last = stem.last, stem.dropLast().last == last, lexicon.words.contains(String(stem.dropLast())) { return true }
        }
        return false
    }

    /// Endings that make a new word from a known one; such a word is never split.
    static let suffixes = ["ization", "isation", "ations", "ation", "ships", "ship", "ings", "ing", "ness", "ments", "ment",
                           "ers", "er", "ed", "es", "s", "ly", "ity", "ities", "ize", "ise", "ized", "ised", "izing",
                           "ising", "able", "ible", "al", "ally", "ism", "ist", "ists", "ful", "less", "wise"]

    /// Splits an unknown word into two or three known pieces, or returns it whole.
    func split(_ word: String) -> [String] {
        if word.isPlainASCII {
            var word = word
            return word.withUTF8 { splitASCII($0) }
        }
        guard word.count >= 5, !isKnown(word), word.allSatisfy(\.isLetter) else { return [word] }
        // Upper-case inside the word means a name or acronym (McDonald, iPhone): leave it.
        guard word.dropFirst().allSatisfy({ !$0.isUppercase }) else { return [word] }
        let chars = Array(word)
        let count = chars.count
        var best: (pieces: [String], score: Int)?
        func consider(_ pieces: [String], score: Int) {
            guard let current = best else { best = (pieces, score); return }
            if pieces.count < current.pieces.count || (pieces.count == current.pieces.count && score > current.score) {
                best = (pieces, score)
            }
        }
        // A split's score is the sum of its pieces' scores, so each piece is scored on its own, and the
        // last pieces once for all the splits that end with them.
        let lastScores = (0..<count).map { j in j == 0 ? nil : pieceScore(String(chars[j...]), isFirst: false) }
        for i in 1..<count {
            guard let tail = lastScores[i], let head = pieceScore(String(chars[..<i]), isFirst: true) else { continue }
            consider([String(chars[..<i]), String(chars[i...])], score: head + tail)
        }
        if best == nil {
            for i in 1..<count - 1 {
                guard let head = pieceScore(String(chars[..<i]), isFirst: true) else { continue }
                for j in (i + 1)..<count {
                    guard let tail = lastScores[j], let middle = pieceScore(String(chars[i..<j]), isFirst: false) else { continue }
                    consider([String(chars[..<i]), String(chars[i..<j]), String(chars[j...])], score: head + middle + tail)
                }
            }
        }
        return best?.pieces ?? [word]
    }

    /// Scores one piece of a candidate split: nil when it is not a word; more for pieces the document uses.
    /// `isFirst` says whether it starts the split word.
    private func pieceScore(_ piece: String, isFirst: Bool) -> Int? {
        let lower = piece.lowercased()
        let inDocument = words.count(lower) >= 1
        let isFunctionWord = Lexicon.functionWords.contains(lower)
        let inDictionary = lower.count >= 3 && lexicon.words.contains(lower)
        if isFirst, piece.first?.isUppercase == true {
            // A capitalised word splits only after a capitalised word the document uses elsewhere
            // ("Hub|and"), so proper nouns ("Colorado", "Johansen") stay whole.
            guard words.isCapitalised(lower) || isFunctionWord else { return nil }
        }
        // Short pieces must be function words: "ado", "sen" and the like are too rare to trust.
        guard lower.count >= 4 || isFunctionWord || (inDocument && lower.count >= 3 && isFirst) else { return nil }
        guard isFunctionWord || inDictionary || (inDocument && lower.count >= 3) else { return nil }
        return (inDocument ? 2 : 0) + (isFunctionWord ? 1 : 0) + min(lower.count, 8) / 4
    }

    /// Letter runs in `text`.
    static func words(in text: String) -> [Substring] {
        text.split { !$0.isLetterFast }
    }

    /// A–Z or a–z.
    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}
