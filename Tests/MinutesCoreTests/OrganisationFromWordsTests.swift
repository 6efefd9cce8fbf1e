import Testing
@testable import MinutesCore

/// `addPersonFromMentions` walks the words around each "from" in place, on bytes or, when a space borders a
/// non-ASCII byte, on characters: it must add exactly what the rule on the whole text cut by `splitOnSpaces()` adds,
/// on random texts where spaces meet combining and spacing marks, prepended marks, joiners, flags and CR LF.
@Suite("Organisation words around from")
struct OrganisationFromWordsTests {
    static let pieces = ["Vincent", "Gros", "Julietta", "Murata", "from", "from", "from", "From", "Hachette", "Anonyome",
                         "Labs", "(Labs)", "Labs,", "Credit", "Cards", "and", " ", " ", " ", " ", "  ", "é", "\u{301}",
                         "\u{0903}", "\u{0600}", "\u{200D}", "🇫🇷", "👍🏽", "\u{00A0}", "Ärzte", "Zoë", "’s", "\r\n", "fromage"]

    @Test func wordsAroundFromInPlaceAddWhatTheSplitTextAdds() {
        var generator = SplitMix64(seed: 14)
        for _ in 0..<20_000 {
            // Joined by spaces, so that names and "from" stand as words, next to the marks.
            let text = (0..<(generator.next() % 14)).map { _ in generator.pick(Self.pieces) }.joined(separator: " ")
            var inPlace = OrganisationRegistry(), bySplit = OrganisationRegistry()
            OrganisationExtractor.addPersonFromMentions(in: text, excluding: ["gros"], to: &inPlace)
            OrganisationExtractor.addPersonFromMentions(in: text, excluding: ["gros"], to: &bySplit, onBytes: false)
            #expect(inPlace.organisations == bySplit.organisations, "\(Array(text.unicodeScalars))")
        }
    }
}
