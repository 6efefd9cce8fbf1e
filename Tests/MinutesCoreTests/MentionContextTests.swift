import Testing
@testable import MinutesCore

/// `MentionContext` searches its texts in place until it has been asked often, then joins them: both
/// ways must give the answers of the joined text.
@Suite("Mention context")
struct MentionContextTests {
    /// A context that searches in place and one that joins from its first search.
    static func both(_ texts: [String]) -> (inPlace: MentionContext, joined: MentionContext) {
        (MentionContext(texts: texts, searchesInPlace: .max), MentionContext(texts: texts, searchesInPlace: 0))
    }

    @Test("followers run on past the end of a text into the next ones, as in the joined text")
    func followersCrossTexts() {
        let texts = ["We met the Apache", "", "Software Foundation", "board", "Apache"]
        let (inPlace, joined) = Self.both(texts)
        #expect(inPlace.followers(of: "Apache") == ["\n\nSoftware F", ""])
        #expect(inPlace.followers(of: "Apache", length: 30) == joined.followers(of: "Apache", length: 30))
        #expect(inPlace.wordCount("Apache") == 2)
        #expect(joined.wordCount("Apache") == 2)
    }

    @Test("word counts, cues and followers agree with the joined text on random texts")
    func agreesOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        let words = ["ACME", "Acme", "from", "at", "(", "-", "–", "the", "of", "Corp", "é", "A", "\t", " ", "ACMEs"]
        let needles = ["ACME", "Acme Corp", "A", "Corp", "é", "from ACME", "ACME\nAcme"]
        for _ in 0..<300 {
            let texts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...8, using: &generator)).map { _ in words.randomElement(using: &generator) ?? "" }
                    .joined(separator: Bool.random(using: &generator) ? " " : "")
            }
            let (inPlace, joined) = Self.both(texts)
            for needle in needles {
                #expect(inPlace.wordCount(needle) == joined.wordCount(needle), "\(texts) \(needle)")
                #expect(inPlace.followsAffiliationCue(needle) == joined.followsAffiliationCue(needle), "\(texts) \(needle)")
                let length = Int.random(in: 1...20, using: &generator)
                #expect(inPlace.followers(of: needle, length: length) == joined.followers(of: needle, length: length), "\(texts) \(needle)")
            }
        }
    }

    @Test("at most 51 followers, the first ones")
    func followersAreBounded() {
        let texts = (0..<80).map { "Acme \($0)" }
        let (inPlace, joined) = Self.both(texts)
        #expect(inPlace.followers(of: "Acme", length: 3).count == 51)
        #expect(inPlace.followers(of: "Acme", length: 3) == joined.followers(of: "Acme", length: 3))
        #expect(inPlace.followers(of: "", length: 3).isEmpty && inPlace.wordCount("") == 0)
    }
}
