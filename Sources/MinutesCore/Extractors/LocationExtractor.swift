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
            // Each label starts with one of "lvpwm": a text whose label cannot is refused on its bytes.
            if block.text.holdsByte(UInt8(ascii: ":")), block.text.mayOpenWithLabel(startingWithOneOf: "lvpwm"),
               let (label, value) = TextRules.labelled(block.text), !value.isEmpty,
               ["location", "venue", "place", "where", "meeting place", "meeting location"].contains(label.lowercased()) {
                return value
            }
        }
        if let title = TitleExtractor.title(in: document), let place = placeInTitle(title) { return place }
        // Only the opening of the minutes speaks of the meeting itself; later sentences name other events.
        for block in document.blocks.prefix(60) {
            if let place = placeInSentence(block.text) ?? placeAfterTime(block.text) { return place }
        }
        return nil
    }

    static let sentencePattern = try! NSRegularExpression(pattern:
        #"\b(?:[Mm]eeting|[Hh]eld|took place|[Cc]onvened|met|[Hh]osted|[Ww]orkshop|[Ss]ummit|[Mm]eetup|[Mm]eet-up|[Cc]onference|F2F|[Ff]ace-to-face)\b[^.:;]{0,40}?\b(?:in|at)\s+((?:the\s+)?[A-Z][\p{L}'’-]+(?:\s+(?:de\s+|of\s+)?[A-Z][\p{L}'’-]+){0,3})"#)

    /// The words `sentencePattern` starts with, as it spells them: a text holding none of them cannot match.
    private static let sentenceWords = ASCIIKeywords(["Meeting", "meeting", "Held", "held", "took place", "Convened", "convened", "met",
                                                      "Hosted", "hosted", "Workshop", "workshop", "Summit", "summit", "Meetup", "meetup",
                                                      "Meet-up", "meet-up", "Conference", "conference", "F2F", "Face-to-face", "face-to-face"])

    static let eventPlacePattern = try! NSRegularExpression(pattern:
        #"\b(?:Summit|Conference|TPAC|F2F|Meetup|Meet-up|Workshop|Hackathon|Face-to-[Ff]ace|Plenary)(?:\s*[,–—-]\s*|\s+)([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2})"#)

    private static let notPlaceWords: Set<String> = [
        "Day", "Days", "Session", "Sessions", "Meeting", "Meetings", "Notes", "Minutes", "Agenda", "Summary",
        "Part", "Track", "Breakout", "Breakouts", "Call", "Kickoff", "Planning", "Report", "Recap", "Follow-up",
        "Morning", "Afternoon", "Evening", "Online", "Virtual", "Remote", "Europe", "Asia", "America",
    ]

    /// The place in a title: "Meeting in X" as in sentences, or the capitalised words right after
    /// an event word ("… at Collab Summit Vancouver 2018-10-13" → "Vancouver", "F2F, Seville" → "Seville").
    static func placeInTitle(_ title: String) -> String? {
        if let place = placeInSentence(title) { return place }
        guard mayNameEventPlace(title) else { return nil }
        let ns = title as NSString
        for match in eventPlacePattern.matches(in: title, range: NSRange(location: 0, length: ns.length)) {
            let words = ns.substring(with: match.range(at: 1)).split(separator: " ").map(String.init)
            let kept = words.prefix { !notPlaceWords.contains($0) && !monthsAndDays.contains($0) && !TextRules.isAcronym($0) }
            if !kept.isEmpty { return kept.joined(separator: " ") }
        }
        return nil
    }

    /// The event words `eventPlacePattern` starts with, as it spells them ("Meet" for both "Meetup" and "Meet-up",
    /// "Face-to-" for either case of "Face").
    private static let eventWords = ASCIIKeywords(["Summit", "Conference", "TPAC", "F2F", "Meet", "Workshop", "Hackathon", "Face-to-", "Plenary"])

    /// Whether `eventPlacePattern` may match `title`: false when its bytes hold none of the pattern's event words,
    /// one of which every match spells out (a sure no).
    static func mayNameEventPlace(_ title: String) -> Bool {
        eventWords.occur(inBytesOf: title)
    }

    private static let monthsAndDays: Set<String> = ["January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "The", "This", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
        "Oct", "Nov", "Dec", "Public", "Private", "Open", "Closed", "Joint", "Notes"]

    /// "Held on Tuesday 14 May 2024 at 7.00 pm, Riverside Hall, Leeds" → "Riverside Hall, Leeds": the place
    /// written after the meeting's time on a "held …" line.
    static func placeAfterTime(_ text: String) -> String? {
        // Most texts do not hold "held " in any case: they are refused on their bytes before anything is counted.
        guard text.locationHoldsHeldBytes(), text.utf8.count <= 200 || text.count <= 200,
              let held = text.rangeOfASCIIIgnoringCase("held ") else { return nil }
        var rest = text[held.upperBound...]
        while let at = rest.rangeOfASCII(" at ") {
            rest = rest[at.upperBound...]
            guard rest.first?.isNumber == true else { continue }
            // The time ends at a comma or before "in"/"at" ("at 6.30pm in the Council Chamber, Town Hall").
            let ends = [rest.firstIndex(of: ","), rest.rangeOfASCII(" in ")?.lowerBound, rest.rangeOfASCII(" at ")?.lowerBound].compactMap { $0 }
            guard let end = ends.min() else { return nil }
            let time = rest[..<end].lowercased()
            guard time.count <= 12, time.containsASCII("am") || time.containsASCII("pm") || time.containsASCII(":") || time.containsASCII(".") else { return nil }
            var place = rest[end...].drop { $0 == "," || $0 == " " }.trimmed()
            for lead in ["in the ", "at the ", "in ", "at "] where place.hasPrefix(lead) { place = String(place.dropFirst(lead.count)); break }
            if let stop = place.rangeOfASCII(" on ") ?? place.rangeOfASCII(". ") { place = String(place[..<stop.lowerBound]) }
            place = place.trimmed(Set(" ."))
            guard let first = place.first, first.isUppercase, place.count <= 80 else { return nil }
            return place
        }
        return nil
    }

    /// Words that open no place after "in"/"at" in a sentence.
    private static let notPlaces: Set<String> = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                                 "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
                                                 "Friday", "Saturday", "Sunday", "The", "This", "Order", "Person", "Attendance"]

    /// "… participated at the meeting in Copenhagen" → "Copenhagen".
    static func placeInSentence(_ text: String) -> String? {
        // The pattern needs "in"/"at" before a capital (looked for first, on bytes: few texts have it) and an event word.
        guard text.utf8.count < 2000 || text.count < 2000, text.locationMayNamePlaceAfterInOrAt(), sentenceWords.occur(inBytesOf: text)
        else { return nil }
        let ns = text as NSString
        guard let match = sentencePattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        let place = ns.substring(with: match.range(at: 1))
        let first = place.split(separator: " ").first.map(String.init) ?? place
        if notPlaces.contains(first) { return nil }
        // "in the RLS", "at the W3C": an acronym names a project or body, not a place.
        let words = place.split(separator: " ").filter { $0.lowercased() != "the" }
        if !words.isEmpty, words.allSatisfy({ TextRules.isAcronym(String($0)) }) { return nil }
        return place
    }
}
