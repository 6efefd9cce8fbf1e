import Foundation
import Testing
@testable import MinutesCore

/// The byte shortcuts of the related-documents rules added in session 10 answer as the rules they shortcut (or, for
/// refusals, refuse only what those rules refuse), around capitals, non-ASCII letters that lower-case to ASCII ones,
/// combining marks, CR and fragments.
@Suite("Related documents fast paths")
struct RelatedDocumentFastPathTests {
    /// Pieces of labelled lines: labels of both lists, words of document labels in either case, file names, colons.
    static let linePieces = [" ", "  ", "*", "_", "#", ":", ".", ";", "//", "https://x.org/a", "Agenda", "AGENDA", "agenda", "IRC", "Log",
                             "minutes", "Slides", "papeR", "see also", "Present", "Related documents", "Chair", "report.pdf",
                             "notes.MD", "x.txt", "Ted", "I think so", "a", "Z", "K", "\u{212A}", "İ", "é", "e\u{301}", "\u{301}", "\r",
                             "\r\n", "ß", "ﬂ", "\u{A0}", "’", "Spec", "draft", "Video", "transcript"]

    /// Pieces of addresses: schemes, hosts, paths, fragments and digits, capitals and non-ASCII.
    static let addressPieces = ["http://", "HTTPS://", "www.", "GitHub.com", "docs.google.com/", "/edit", "/view", "?", "usp=sharing", "/",
                                "#", "12", "7", "٣", "x", "Archive.html", ".", ")", "(", " ", "é", "\u{301}", "K", "\u{212A}", "İ", "\r"]

    @Test func labelRefusalsAreSure() {
        let labels = RelatedDocumentExtractor.sectionLabels.union(RelatedDocumentExtractor.peopleLabels)
        forRandomTexts(of: Self.linePieces, seed: 1201, maxPieces: { $0 % 3 == 0 ? 4 : 10 }) { text in
            let parts = TextRules.labelled(text)
            if !RelatedDocumentExtractor.mayEndWithFileName(text), let (_, value) = parts {
                #expect(!RelatedDocumentExtractor.isFileName(value), "\(Array(text.unicodeScalars))")
            }
            // With links, a refused line has no label of a list, no document label and no file name.
            guard !RelatedDocumentExtractor.labelMayMatter(text, hasLinks: true), let (label, value) = parts else { return }
            #expect(!RelatedDocumentExtractor.isLabel(label, in: labels), "\(Array(text.unicodeScalars))")
            #expect(!RelatedDocumentExtractor.isDocumentLabel(label), "\(Array(text.unicodeScalars))")
            #expect(!RelatedDocumentExtractor.isFileName(value), "\(Array(text.unicodeScalars))")
        }
        #expect(RelatedDocumentExtractor.labelMayMatter("IRC log: https://x.org/log", hasLinks: true))
        #expect(!RelatedDocumentExtractor.labelMayMatter("Ted: I think so https://x.org/a", hasLinks: true))
    }

    @Test func lowerCasingWithoutCopyIsLowerCasing() {
        forRandomTexts(of: Self.linePieces + Self.addressPieces, seed: 1202, maxPieces: { _ in 8 }) { text in
            #expect(Array(text.lowercasedUnlessLower.utf8) == Array(text.lowercased().utf8), "\(Array(text.unicodeScalars))")
            // The keywords found on the bytes, lower-cased as they are read, are those found in a lower-cased copy.
            if let found = text.withPlainASCIIBytes(RelatedDocumentExtractor.documentLabelWords.occur(ignoringASCIICaseIn:)) {
                #expect(found == RelatedDocumentExtractor.documentLabelWords.occur(inBytesOf: text.lowercased()), "\(text)")
            }
        }
    }

    @Test func addressesOnBytesAreTheAddressesByCharacters() {
        forRandomTexts(of: Self.addressPieces, seed: 1203, maxPieces: { _ in 10 }) { address in
            let characters = AddressCharacters(address)
            let path = characters.bytes.firstIndex(of: UInt8(ascii: "#")).map { characters.text(0..<$0) } ?? address
            #expect(RelatedDocumentExtractor.addressWithoutFragment(address) == path, "\(Array(address.unicodeScalars))")
            // The dedupe key's message-number cut on bytes against the same rule by characters.
            for key in [address, RelatedDocumentExtractor.cleanURL(address)] {
                #expect(RelatedDocumentExtractor.withoutMessageNumber(key) == RelatedDocumentExtractor.withoutMessageNumberByCharacters(key),
                        "\(Array(key.unicodeScalars))")
            }
            // A host longer than every shortener's is none of them.
            let host = RelatedDocumentExtractor.addressParts(address).host
            if host.utf8.count > RelatedDocumentExtractor.longestShortenerHost {
                #expect(!RelatedDocumentExtractor.shortenerHosts.contains(host), "\(host)")
            }
        }
    }
}
