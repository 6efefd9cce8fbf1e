import Foundation
import Testing
@testable import MinutesCore

/// The organisation extractor's byte shortcuts of session 9 must answer exactly as the rules they stand for, on
/// random texts made of `OrganisationFastPathTests.pieces` (combining marks, CR LF, the Kelvin sign, non-ASCII).
@Suite("Organisation speed shortcuts")
struct OrganisationSpeedTests {
    /// `hasOrganisationCue` as written before its shortcut: the head word looked up in the organisation words.
    static func hasOrganisationCueByRule(_ phrase: String) -> Bool {
        Vocabulary.organisationCues.contains(OrganisationExtractor.headWord(of: phrase))
    }

    @Test func organisationCueOnBytesAnswersAsTheHeadWordLookup() {
        let phrases = ["Apache Software Foundation", "University of Oxford", "Office for Students", "of Office", "Council ",
                       "ACME CORP", "Acme Inc", "", " ", "A", "the a/s", "Bright Green Hub", "Hubs", "Ag Bv", "x Oy"]
        for phrase in phrases {
            #expect(OrganisationExtractor.hasOrganisationCue(phrase) == Self.hasOrganisationCueByRule(phrase), "\(phrase)")
        }
        OrganisationFastPathTests.forRandomTexts(seed: 91) { text in
            #expect(OrganisationExtractor.hasOrganisationCue(text) == Self.hasOrganisationCueByRule(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func anchoredSearchFindsWhatTheFirstByteSearchFinds() {
        var generator = SplitMix64(seed: 92)
        let needles = ["Apache", "software foundation", "e", "é", "e\u{301}", "\r\n", "Acme Corp", "3.4", "of the", "  "]
        OrganisationFastPathTests.forRandomTexts(seed: 93, count: 5_000) { text in
            let needle = Array(needles[Int(generator.next() % UInt64(needles.count))].utf8)
            let anchor = UTF8Search.rarestByteIndex(of: needle)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { haystack in
                needle.withUnsafeBufferPointer { pattern in
                    for from in 0...haystack.count {
                        #expect(UTF8Search.offset(of: pattern, anchor: anchor, in: haystack, from: from)
                                    == UTF8Search.offset(of: pattern, in: haystack, from: from), "\(bytes) \(needle) \(from)")
                    }
                }
            }
        }
    }

    @Test func wordEndsReadEightBytesAtATimeAsOneByOne() {
        OrganisationFastPathTests.forRandomTexts(seed: 94, count: 5_000) { text in
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for start in buffer.indices {
                    var end = start, plain = true
                    while end < buffer.count, buffer[end] != UInt8(ascii: " ") {
                        if buffer[end] >= 0x80 || buffer[end] == 0x0D { plain = false }
                        end += 1
                    }
                    let found = OrganisationExtractor.wordEnd(in: buffer, from: start)
                    #expect(found.end == end && found.plain == plain, "\(bytes) \(start)")
                }
            }
        }
    }

    @Test func oneSearchForAPhraseAnswersAsTheSearchesItReplaces() {
        var generator = SplitMix64(seed: 95)
        let words = ["Acme Corp", "acme corp", "from", "at", "(", "-", "–", "the", "of", "Corp", "é", "Systems", "\t", " ",
                     "3.4", "v2", "reading systems", "Reading Systems"]
        let phrases = ["Acme Corp", "Reading Systems", "Corp"]
        for _ in 0..<300 {
            let texts = (0..<Int(generator.next() % 7)).map { _ in
                (0..<Int(generator.next() % 9)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            }
            for searchesInPlace in [0, Int.max] {
                let context = MentionContext(texts: texts, searchesInPlace: searchesInPlace)
                for phrase in phrases {
                    let tail = phrase.lowercased()
                    for lookForCue in [false, true] {
                        let use = context.use(of: phrase, countingWord: tail, lookForCue: lookForCue)
                        #expect(use.followers == context.followers(of: phrase), "\(texts) \(phrase)")
                        #expect(use.wordCount == context.wordCount(tail), "\(texts) \(phrase)")
                        #expect(use.followsCue == (lookForCue && context.followsAffiliationCue(phrase)), "\(texts) \(phrase)")
                    }
                }
                #expect(context.wordCounts(phrases + [""]) == (phrases + [""]).map { context.wordCount($0) }, "\(texts)")
            }
        }
    }

    @Test func personFromMentionsOnBytesAddWhatTheSplitTextAdds() {
        var generator = SplitMix64(seed: 96)
        let words = ["Vincent", "Gros", "Julietta", "Murata", "from", "from", "From", "Hachette", "Anonyome", "Labs", "(Labs)",
                     "Labs,", "Credit", "Cards", "and", "the", "é", "\u{301}", "Ärzte", "Zoë", "’s", "\r\n", "  ", "fromage"]
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 14)
            let text = (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }
                .joined(separator: generator.next() % 4 == 0 ? "  " : " ")
            var onBytes = OrganisationRegistry(), bySplit = OrganisationRegistry()
            OrganisationExtractor.addPersonFromMentions(in: text, excluding: ["gros"], to: &onBytes)
            OrganisationExtractor.addPersonFromMentions(in: text, excluding: ["gros"], to: &bySplit, onBytes: false)
            #expect(onBytes.organisations == bySplit.organisations, "\(Array(text.unicodeScalars))")
        }
    }
}
