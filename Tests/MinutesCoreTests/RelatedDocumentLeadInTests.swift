import Foundation
import Testing
@testable import MinutesCore

/// The byte refusals of the related-documents rules added in session 13 refuse only what the rules refuse.
@Suite("Related documents lead-in refusals")
struct RelatedDocumentLeadInTests {
    /// Pieces of lead-ins and headings: words of document labels in either case, the tails `documentLeadIn` cuts,
    /// and non-ASCII letters that lower-case differently on bytes and on characters.
    static let pieces = [" ", "  ", "*", "#", ":", ".", "The", "transcript", "TRANSCRIPT", "Log", "agenda", "Minutes", "notes", "Audio",
                         " can be found at", " is now available here", " are at", " here", " at", "for the call", "we", "x", "Z", "K",
                         "\u{212A}", "İ", "é", "e\u{301}", "\u{301}", "ß", "ﬂ", "\u{A0}", "’", "\r\n", "Spec", "draft", "Video", "recordİng"]

    @Test func textsRefusedOnBytesNameNoDocument() {
        forRandomTexts(of: Self.pieces, seed: 1301, maxPieces: { $0 % 3 == 0 ? 4 : 12 }) { text in
            guard !RelatedDocumentExtractor.mayNameDocument(text) else { return }
            #expect(!RelatedDocumentExtractor.isDocumentLabel(text), "\(Array(text.unicodeScalars))")
            #expect(RelatedDocumentExtractor.documentLeadIn(text + ":") == nil, "\(Array(text.unicodeScalars))")
            #expect(RelatedDocumentExtractor.documentLeadIn(text) == nil, "\(Array(text.unicodeScalars))")
        }
        #expect(RelatedDocumentExtractor.mayNameDocument("The TRANSCRIPT for the call is now available here:"))
        #expect(!RelatedDocumentExtractor.mayNameDocument("We met at noon:"))
    }

    @Test func navigationClassesRefusedOnLengthAreNone() {
        let tokens = ["nav", "navbar", "navigation", "menu", "footer", "toc", "breadcrumb", "sidebar", "header", "cookie", "na", "navigations",
                      "n", "", "toc\u{301}", "héader", "Nav", "menus", "cookie-banner"]
        for token in tokens {
            let named = RelatedDocumentExtractor.navigationClasses.contains { token == $0.description }
            #expect(RelatedDocumentExtractor.isNavigationClass(token) == named, "\(token)")
        }
    }
}
