import Foundation

/// Word lists the extractors classify with. They describe English usage, never a particular document.
public enum Vocabulary {
    /// Head words of job titles ("Project *Manager*", "*Head* of Business Development").
    public static let jobTitleHeads: Set<String> = [
        "director", "manager", "head", "coordinator", "co-ordinator", "assistant", "officer", "chair", "chairman",
        "chairwoman", "chairperson", "co-chair", "president", "vice-president", "secretary", "treasurer", "professor",
        "lecturer", "researcher", "scientist", "engineer", "developer", "consultant", "advisor", "adviser", "analyst",
        "specialist", "architect", "editor", "lead", "leader", "member", "representative", "rep", "councillor",
        "mayor", "ceo", "cto", "cfo", "coo", "cio", "cso", "cpo", "founder", "co-founder", "partner", "executive",
        "administrator", "counsel", "attorney", "lawyer", "student", "fellow", "intern", "liaison", "associate",
        "strategist", "evangelist", "designer", "maintainer", "contributor", "observer", "clerk", "deputy", "chief",
        "principal", "minister", "ambassador", "commissioner", "governor", "trustee", "delegate", "convenor",
        "convener", "facilitator", "moderator", "programmer", "technologist", "expert", "vp", "svp", "evp", "staff",
        "owner", "supervisor", "controller", "auditor", "inspector", "planner", "agent", "alderman", "senator",
        "mp", "mep", "postdoc", "phd", "candidate", "chancellor", "dean", "provost", "rector", "registrar", "scribe",
        "steward", "champion", "instructor", "teacher", "educator", "doctor", "nurse", "officer-in-charge", "sponsor",
    ]

    /// Words that mark a name as an organisation ("Baltic Development *Forum*").
    public static let organisationCues: Set<String> = [
        "cluster", "association", "network", "council", "forum", "hub", "office", "foundation", "institute",
        "institution", "university", "school", "college", "centre", "center", "company", "agency", "ministry",
        "corporation", "corp", "inc", "ltd", "llc", "llp", "plc", "gmbh", "ag", "bv", "oy", "a/s",
        "consortium", "alliance", "society", "federation", "union", "organisation", "organization", "bank",
        "authority", "commission", "department", "laboratory", "laboratories", "lab", "labs", "trust",
        "partnership", "chamber", "systems", "technologies", "technology", "software", "solutions",
        "services", "consulting", "partners", "industries", "holdings", "media", "communications", "press",
        "publishing", "publishers", "library", "museum", "hospital", "academy", "bureau", "secretariat",
        "cooperative", "co-operative", "fund", "enterprises", "ventures", "studio", "studios", "inc.", "ltd.", "co.", "corp.", "gmbh.", "s.a.", "b.v.", "foundation's", "consortium's", 
    ]

    /// Head words of places and regions, which are never organisations.
    public static let placeHeads: Set<String> = [
        "region", "sea", "area", "country", "city", "province", "county", "state", "states", "island", "islands",
        "valley", "coast", "kingdom", "republic", "street", "road", "avenue", "square", "room", "hall", "building",
        "floor", "campus", "park",
    ]

    /// Head words of generic things that take capitals in minutes but are not organisations.
    public static let genericHeads: Set<String> = [
        "meeting", "meetings", "agenda", "minutes", "report", "reports", "plan", "item", "items", "session",
        "call", "committee", "subcommittee", "sub-committee", "panel", "working", "draft", "proposal", "charter",
        "policy", "specification", "spec", "standard", "recommendation", "note", "notes", "review", "summary",
        "conference", "workshop", "summit", "day", "week", "month", "year", "quarter", "update", "updates",
        "resolution", "resolutions", "action", "actions", "decision", "decisions", "topic", "issue", "issues",
        "question", "questions", "model", "framework", "vocabulary", "api", "protocol", "language",
    ]

    /// Countries (English short names, lower-cased): in a list of people, "Name, Organisation, Canada"
    /// ends with the person's location, never with another person.
    public static let countries: Set<String> = [
        "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia", "australia", "austria",
        "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin",
        "bhutan", "bolivia", "bosnia", "botswana", "brazil", "brunei", "bulgaria", "burkina faso", "burundi",
        "cambodia", "cameroon", "canada", "chad", "chile", "china", "colombia", "congo", "costa rica", "croatia",
        "cuba", "cyprus", "czechia", "czech republic", "denmark", "djibouti", "dominica", "ecuador", "egypt",
        "el salvador", "eritrea", "estonia", "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia",
        "georgia", "germany", "ghana", "greece", "grenada", "guatemala", "guinea", "guyana", "haiti", "honduras",
        "hong kong", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy",
        "jamaica", "japan", "jordan", "kazakhstan", "kenya", "korea", "south korea", "kosovo", "kuwait", "kyrgyzstan",
        "laos", "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg",
        "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius", "mexico",
        "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "namibia", "nepal",
        "netherlands", "the netherlands", "new zealand", "nicaragua", "niger", "nigeria", "north macedonia", "norway",
        "oman", "pakistan", "panama", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania",
        "russia", "rwanda", "samoa", "san marino", "saudi arabia", "senegal", "serbia", "seychelles", "sierra leone",
        "singapore", "slovakia", "slovenia", "somalia", "south africa", "spain", "sri lanka", "sudan", "suriname",
        "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tonga",
        "trinidad and tobago", "tunisia", "turkey", "türkiye", "turkmenistan", "uganda", "ukraine",
        "united arab emirates", "uae", "united kingdom", "uk", "united states", "usa", "us", "uruguay", "uzbekistan",
        "vanuatu", "venezuela", "vietnam", "viet nam", "yemen", "zambia", "zimbabwe", "england", "scotland", "wales",
    ]

    /// Whether `text` is a country name or a flag emoji (a pair of regional-indicator symbols); most plain ASCII texts
    /// are refused by their first letter and length (`CountryNameLengths`) before the lookup.
    public static func isCountry(_ text: String) -> Bool {
        CountryNameLengths.mayBeCountry(text) && isCountryByLookup(text)
    }

    /// `isCountry(_:)` looked up in `countries`.
    static func isCountryByLookup(_ text: String) -> Bool {
        if text.isPlainASCII {
            // No flag; `.whitespaces` are space and tab in ASCII.
            let bytes = Array(lowercasedASCII(text).utf8)
            let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
            let end = bytes.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { $0 + 1 } ?? start
            return countries.contains(String(decoding: bytes[start..<end], as: UTF8.self))
        }
        let scalars = text.unicodeScalars.filter { !$0.properties.isWhitespace }
        if !scalars.isEmpty, scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) }) { return true }
        return countries.contains(text.lowercased().trimmingCharacters(in: .whitespaces))
    }

    /// Words of a label for those absent.
    static let absenceWords: Set<String> = ["regrets", "regret", "apologies", "apology", "absent", "excused", "absences", "unable"]
    /// Words of a label for the chairs.
    static let chairWords: Set<String> = ["chair", "chairs", "chairperson", "chairman", "chairwoman", "co-chairs", "co-chair", "chaired", "organizer", "organizers", "organiser", "organisers", "facilitator", "moderator", "host", "hosts"]
    /// Words of a label for the scribes.
    static let scribeWords: Set<String> = ["scribe", "scribes", "minutes-taker", "recorder", "note-taker", "notetaker", "minuted", "secretary"]
    /// Words of a label for guests.
    static let guestWords: Set<String> = ["guest", "guests", "observer", "observers", "visitors", "invited"]
    /// Words of a label for those present.
    static let presenceWords: Set<String> = ["present", "attendees", "attendee", "attendance", "participants", "attending", "attended", "members", "directors", "officers", "attendence", "roll", "rollcall", "roll-call"]

    /// Which of the label word lists each word is in (one bit each, in `attendanceLabel`'s order), and "vice".
    private static let labelWordKinds: [String: UInt8] = {
        var kinds: [String: UInt8] = ["vice": vice]
        for (bit, words) in [absenceWords, chairWords, scribeWords, guestWords, presenceWords].enumerated() {
            for word in words { kinds[word, default: 0] |= 1 << UInt8(bit) }
        }
        return kinds
    }()
    /// The bits of `labelWordKinds`.
    private static let absence: UInt8 = 1, chair: UInt8 = 2, scribe: UInt8 = 4, guest: UInt8 = 8, presence: UInt8 = 16, vice: UInt8 = 32

    /// `text.lowercased()` for plain ASCII text, on bytes.
    static func lowercasedASCII(_ text: String) -> String {
        UTF8Search.lowercasedASCII(text.utf8)
    }

    /// Pieces of which every word and phrase `attendanceLabel` answers for holds one: "regret" in "regrets",
    /// "member" in "members" and in "member(s)", "attend" in "in attendance". None holds "k" or "i" + another
    /// letter but where the text must hold them too (see `String.findingsScan(_:)`).
    static let attendanceCues = FindingsNeedles(attendanceCueWords)

    /// The pieces `attendanceCues` looks for.
    static let attendanceCueWords = [
        "regret", "apolog", "absen", "excused", "unable", "chair", "organi", "facilitator", "moderator", "host",
        "scribe", "minute", "recorder", "note", "secretary", "guest", "observer", "visitor", "invited", "present",
        "attend", "participant", "member", "director", "officer", "roll", "who",
    ]

    /// Whether `label` may be an attendance label, told on its bytes: false only where `attendanceLabel(label)` is nil,
    /// its lower-cased words holding none of `attendanceCues`.
    static func mayBeAttendanceLabel(_ label: String) -> Bool {
        label.findingsScan(attendanceCues).mentions != 0
    }

    /// Labels that introduce attendance lists, mapped to what they mean.
    public static func attendanceLabel(_ label: String) -> (Attendance, MeetingRole?)? {
        // Most labels ("Tantek", "Action items") hold no word of the lists: refused on their bytes.
        guard label.utf8.count <= 60, mayBeAttendanceLabel(label) else { return nil }
        return attendanceLabelRule(label)
    }

    /// `attendanceLabel(_:)` as the rule is written, without the refusal on bytes.
    static func attendanceLabelRule(_ label: String) -> (Attendance, MeetingRole?)? {
        guard label.utf8.count <= 60 else { return nil }
        let isASCII = label.isPlainASCII
        var key = isASCII ? lowercasedASCII(label) : label.lowercased()
        key = String(key.trimming(.labelMarks))
        if key.hasSuffix("(s)") { key = String(key.dropLast(3)) + "s" }
        // One look-up per word tells which lists the label's words are in (words of letters
        // and hyphens: on bytes for ASCII, where a letter is A–Z or a–z).
        let words = isASCII
            ? key.utf8.split(whereSeparator: { !(($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z")) && $0 != UInt8(ascii: "-") }).map { Substring($0) }
            : key.split(whereSeparator: { !$0.isLetter && $0 != "-" })
        var kinds: UInt8 = 0
        for word in words { kinds |= labelWordKinds[String(word)] ?? 0 }
        if words.isEmpty || (isASCII ? key.utf8.count : key.count) > 40 { return nil }
        if kinds & absence != 0 {
            return (.absent, nil)
        }
        if kinds & chair != 0 {
            return kinds & vice != 0 ? (.present, nil) : (.present, .chair)
        }
        if kinds & scribe != 0
            || key.containsASCII("note taker") || key.containsASCII("minute taker") || key.containsASCII("notes by") {
            return (.present, .scribe)
        }
        if kinds & guest != 0 {
            return (.present, .guest)
        }
        if kinds & presence != 0
            || key == "in attendance" || key == "also present" || key == "who" {
            return (.present, nil)
        }
        return nil
    }
}
