import Foundation

/// Finds where a meeting took place: a "Location:"/"Venue:"/"Place:" line or metadata,
/// else "the meeting in Copenhagen", "took place in Esbjerg", "held at …".
public enum LocationExtractor {
    /// The meeting's location, or nil when the document does not say.
    public static func location(in document: BlockDocument) -> String? {
        for key in ["location", "venue", "place"] {
            if let value = document.metadata[key], !value.isEmpty { return value }
        }
        for block in document.blocks.prefix(80) {
            if let (label, value) = TextRules.labelled(block.text), !value.isEmpty,
               ["location", "venue", "place", "where", "meeting place", "meeting location"].contains(label.lowercased()) {
                return value
            }
        }
        for block in document.blocks.prefix(200) {
            if let place = placeInSentence(block.text) { return place }
        }
        return nil
    }

    private static let sentencePattern = try! NSRegularExpression(pattern:
        #"\b(?:[Mm]eeting|[Hh]eld|took place|[Cc]onvened|met|[Hh]osted|[Ww]orkshop|[Ss]ummit|F2F|[Ff]ace-to-face)\b[^.:;]{0,40}?\b(?:in|at)\s+((?:the\s+)?[A-Z][\p{L}'’-]+(?:\s+(?:de\s+|of\s+)?[A-Z][\p{L}'’-]+){0,3})"#)

    /// "… participated at the meeting in Copenhagen" → "Copenhagen".
    static func placeInSentence(_ text: String) -> String? {
        guard text.count < 2000 else { return nil }
        let ns = text as NSString
        guard let match = sentencePattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        let place = ns.substring(with: match.range(at: 1))
        let first = place.split(separator: " ").first.map(String.init) ?? place
        let notPlaces: Set<String> = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                      "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
                                      "Friday", "Saturday", "Sunday", "The", "This", "Order", "Person", "Attendance"]
        return notPlaces.contains(first) ? nil : place
    }
}
