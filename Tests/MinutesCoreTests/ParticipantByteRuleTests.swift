import Foundation
import Testing
@testable import MinutesCore

// The byte-level helpers of the participant rules give the answers of the Foundation and Character
// calls they stand in for, on ASCII text and on the non-ASCII cases where bytes alone cannot tell.

/// Texts where bytes and characters part ways: combining marks after a match, CR LF, non-ASCII letters.
private let trickyTexts = [
    "", "Maria sends her regrets", "Bill aka billk", "Bill a.k.a. billk", "x aka\u{301} y", "Ana aka é",
    "cannot\u{301} attend", "apologies\r\n", "re\u{301}gret", "Jos\u{E9} is unable to join", "ak", "k",
    "sent apolog", "aka aka\u{301} aka ", "abcdefgh", "abcdefghijklmnop regret", "Kelvin \u{212A} cannot",
]

@Test func needleSetAnswersAsOneSearchPerNeedle() {
    let needles = [" aka ", " a.k.a. ", "regret", "able to", "can't", "cannot", "apolog"]
    let set = ASCIINeedleSet(needles)
    for text in trickyTexts {
        #expect(set.containsAny(in: text) == needles.contains { text.containsASCII($0) }, "\(text.debugDescription)")
        for needle in needles {
            #expect(ASCIINeedleSet([needle]).containsAny(in: text) == text.contains(needle), "\(needle) in \(text.debugDescription)")
        }
    }
}

@Test func spellingCountsMatchFoundation() {
    for text in trickyTexts + ["Eva Shlehan, Eva Shlehan and Eva_Shlehan", "aaaa", "Jos\u{E9} Jos\u{E9}"] {
        for needle in ["a", "aa", "aka", "Eva Shlehan", "Jos\u{E9}", "e"] {
            #expect(text.participantOccurrences(of: needle) == text.components(separatedBy: needle).count - 1, "\(needle) in \(text.debugDescription)")
        }
    }
}

@Test func placeholderMarksTrimAsFoundation() {
    for word in ["Dave_??", "_\u{301}x", "x_\u{301}", "??", "?_a_?", "é_", "plain"] {
        #expect(word.trimmingPlaceholderMarks() == word.trimmingCharacters(in: CharacterSet(charactersIn: "?_")), "\(word.debugDescription)")
    }
}

@Test func shortTextTestCountsCharacters() {
    let texts = ["Attendance", String(repeating: "a", count: 31), String(repeating: "e\u{301}", count: 30),
                 String(repeating: "\r\n", count: 30) + "x", String(repeating: "a", count: 30) + "\u{301}"]
    for text in texts {
        for limit in [0, 29, 30, 31] {
            #expect(text.participantHasAtMost(limit) == (text.count <= limit), "\(text.debugDescription) \(limit)")
        }
    }
}

@Test func commaSplitsMatchCharacterSplits() {
    for text in ["A, B,, C", "Jos\u{E9}, B", "a,\u{301}b", ",", ""] {
        #expect(text.participantSplit(onAnyOf: ",") == text.split(separator: ","), "\(text.debugDescription)")
        #expect(text.participantSplit(onAnyOf: " ,") == text.split(whereSeparator: { $0 == " " || $0 == "," }), "\(text.debugDescription)")
    }
}
