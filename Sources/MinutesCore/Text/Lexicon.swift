import Foundation

/// The common-word dictionary that `WordRepair` consults before splitting a word.
///
/// Loaded once from Debian's `wamerican` and `wbritish` word lists when installed
/// (`/usr/share/dict/american-english`, `british-english`, or `$MINUTES_WORDLIST`);
/// only lower-case entries count, so proper nouns ("Sen", "ROM") never license a split.
public struct Lexicon: Sendable {
    /// The shared dictionary, loaded on first use.
    public static let shared = Lexicon.loadSystemWordLists()

    /// Lower-case common words.
    public let words: Set<String>

    /// Creates a lexicon from explicit words (lower-cased).
    public init(words: Set<String>) {
        self.words = words
    }

    /// Whether `word` (any case) is a common word.
    public func contains(_ word: String) -> Bool {
        words.contains(word.lowercased())
    }

    /// Short words too common to be anything but words; they may stand as split pieces
    /// even where the dictionary's minimum piece length would refuse them.
    public static let functionWords: Set<String> = [
        "a", "an", "as", "at", "be", "by", "do", "if", "in", "is", "it", "no", "of", "on", "or", "so", "to",
        "up", "we", "and", "are", "but", "for", "has", "its", "not", "the", "was", "who", "with", "from", "that",
    ]

    static func loadSystemWordLists() -> Lexicon {
        var paths = ["/usr/share/dict/american-english", "/usr/share/dict/british-english", "/usr/share/dict/words"]
        if let custom = ProcessInfo.processInfo.environment["MINUTES_WORDLIST"] { paths.insert(custom, at: 0) }
        var words = Set<String>()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            words.reserveCapacity(words.count + data.count / 9)
            data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                // Lower-case entries only (first byte a–z), and no possessives ("hub's").
                for line in buffer.split(separator: 0x0A) {
                    guard let first = line.first, (0x61...0x7A).contains(first), !line.contains(0x27) else { continue }
                    words.insert(String(decoding: line, as: UTF8.self))
                }
            }
        }
        return Lexicon(words: words)
    }
}
