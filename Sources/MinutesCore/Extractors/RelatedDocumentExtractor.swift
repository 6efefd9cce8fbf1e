import Foundation

/// Finds the documents minutes refer to: the entries of a "Related documents", "See also",
/// "Attachments", "Background papers" or "References" part (titles even without an address),
/// labelled links ("Agenda: https://…", "IRC log: …"), and links that point to documents
/// (papers, agendas, logs, issues, pull requests) — never navigation, in-page anchors or assets.
public enum RelatedDocumentExtractor {
    /// The related documents of `document`.
    public static func extract(from document: BlockDocument) -> [RelatedDocument] {
        var documents: [RelatedDocument] = []
        var seenURLs = Set<String>()
        var seenTitles = Set<String>()
        var inSection = false
        var sawListEntry = false
        /// Paragraphs in a row inside a section that are not entries; two end the section.
        var nonEntries = 0
        /// The lead-in of a paragraph ending in ":" ("Published minutes can be found at:").
        var pendingLeadIn: String?

        func add(title: String, url: String?) {
            let title = title.trimmed(.documentTitleEnds)
            if let url {
                let key = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
                guard seenURLs.insert(key).inserted else { return }
            } else {
                guard !title.isEmpty, seenTitles.insert(TextRules.fold(title)).inserted else { return }
            }
            documents.append(RelatedDocument(title: title.isEmpty ? (url ?? "") : title, url: url))
        }

        for block in document.blocks {
            if isNavigation(block) {
                // Navigation bars: only the meeting's own agenda and log count, never prev/next/ToC.
                for link in block.links where isMeetingRecordLink(link) { add(title: link.text, url: link.href) }
                continue
            }
            let text = block.text
            let leadIn = pendingLeadIn
            pendingLeadIn = nil
            if isSeparator(text) { inSection = false; continue }
            // "Published minutes can be found at:" followed by the address alone.
            if let leadIn, let link = block.links.first, isBareAddress(text, link: link), isDocumentLink(link, labelled: true) {
                add(title: leadIn, url: link.href)
                continue
            }
            if block.kind == .heading || block.kind == .term {
                inSection = isSectionLabel(text)
                sawListEntry = false
                nonEntries = 0
                continue
            }
            if let (label, value) = TextRules.labelled(text) {
                if isSectionLabel(label) {
                    if value.isEmpty { inSection = true; nonEntries = 0; sawListEntry = false; continue }
                    for item in value.split(separator: ";") { add(title: String(item), url: block.links.first?.href) }
                    continue
                }
                if isDocumentLabel(label), let link = block.links.first(where: { isDocumentLink($0, labelled: true) }) {
                    add(title: label, url: link.href)
                    continue
                }
                // "See: board_minutes_2014_01_15.txt" — a reference to a file by its name.
                if isFileName(value) {
                    add(title: value, url: block.links.first { isDocumentLink($0, labelled: true) }?.href)
                    continue
                }
            }
            // Running text after a list of entries ends the part ("The meeting closed at 8.15 pm.").
            if inSection, block.kind == .paragraph, sawListEntry { inSection = false }
            if inSection {
                if block.kind == .paragraph, text.hasSuffix(":") { inSection = isSectionLabel(text); continue }
                if block.kind == .listItem || block.kind == .paragraph || block.kind == .definition {
                    guard looksLikeEntry(text) else {
                        nonEntries += 1
                        if nonEntries >= 2 { inSection = false }
                        continue
                    }
                    nonEntries = 0
                    if block.kind == .listItem { sawListEntry = true }
                    let link = block.links.first { isDocumentLink($0, labelled: true) }
                    let title = link.map { $0.text.hasPrefix("http") ? text.replacingOccurrences(of: $0.text, with: "") : $0.text } ?? text
                    add(title: title.isEmpty ? text : title, url: link?.href)
                    continue
                }
                inSection = false
            }
            for link in block.links where isDocumentLink(link, labelled: false) {
                add(title: link.text, url: link.href)
            }
            if text.hasSuffix(":"), block.links.isEmpty, let lead = documentLeadIn(text) { pendingLeadIn = lead }
        }
        return documents
    }

    /// A line drawn with one repeated punctuation character ("=====", "-----").
    static func isSeparator(_ text: String) -> Bool {
        // Cheap refusal first: a separator starts with one of its characters.
        guard let firstByte = text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
              "=-_*~#.+".utf8.contains(firstByte) else { return false }
        let t = text.filter { !$0.isWhitespace }
        guard t.count >= 3, let first = t.first, "=-_*~#.+".contains(first) else { return false }
        return t.allSatisfy { $0 == first }
    }

    /// Whether a paragraph in a documents section reads like a document's title: short, one line
    /// of text rather than prose, not a separator.
    static func looksLikeEntry(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 160, !isSeparator(text) else { return false }
        // Prose: several sentences.
        let sentenceEnds = text.components(separatedBy: ". ").count - 1
        return sentenceEnds < 2
    }

    /// The text is the address alone (possibly in angle brackets).
    static func isBareAddress(_ text: String, link: Link) -> Bool {
        let t = text.trimmed(.addressWrappers)
        return t == link.href || t == link.text
    }

    /// "Published minutes can be found at:" → "Published minutes"; nil unless the lead-in names a document.
    static func documentLeadIn(_ text: String) -> String? {
        guard text.count <= 120 else { return nil }
        var lead = String(text.dropLast()).trimmed()
        for tail in [" can be found at", " can be found here", " can be found", " are available at", " is available at",
                     " are at", " is at", " are here", " is here", " at", " here"] where lead.lowercased().hasSuffix(tail) {
            lead = String(lead.dropLast(tail.count))
            break
        }
        guard lead.split(separator: " ").count <= 6, isDocumentLabel(lead) else { return nil }
        return lead
    }

    /// "board_minutes_2014_01_15.txt", "report.pdf": one token ending in a document extension.
    static func isFileName(_ text: String) -> Bool {
        let t = text.trimmed(.fileNameEnds)
        guard !t.isEmpty, !t.contains(" "), t.count <= 120 else { return false }
        let lower = t.lowercased()
        return [".pdf", ".doc", ".docx", ".ppt", ".pptx", ".xls", ".xlsx", ".odt", ".ods", ".odp", ".rtf", ".txt", ".md", ".csv", ".html", ".htm"]
            .contains { lower.hasSuffix($0) && lower.count > $0.count }
    }

    /// "Related documents", "See also", "Attachments", "Background papers", "References".
    static func isSectionLabel(_ text: String) -> Bool {
        let lower = text.lowercased().trimmed(.labelMarks)
        return ["related documents", "related document", "see also", "attachments", "attachment", "background papers",
                "background documents", "references", "supporting documents", "documents", "related links",
                "related materials", "papers", "enclosures", "annexes", "appendices", "further reading"].contains(lower)
    }

    /// Labels whose link is a document of the meeting ("Agenda", "IRC log", "Slides").
    static func isDocumentLabel(_ label: String) -> Bool {
        let lower = label.lowercased()
        return ["agenda", "log", "irc", "minutes", "slides", "paper", "report", "document", "draft", "notes",
                "recording", "transcript", "presentation", "spec", "proposal"].contains { lower.containsASCII($0) }
    }

    /// A navigation link to the meeting's agenda or log ("Agenda.", "IRC log.").
    static func isMeetingRecordLink(_ link: Link) -> Bool {
        let text = link.text.lowercased()
        return isDocumentLink(link, labelled: true) && (text.containsASCII("agenda") || text.containsASCII("log"))
    }

    /// Blocks that belong to site navigation, tables of contents or footers.
    static func isNavigation(_ block: Block) -> Bool {
        !block.classes.isEmpty && block.classes.contains { navigationClasses.contains($0) }
    }

    /// Class and id tokens of navigation, tables of contents and footers.
    static let navigationClasses: Set<String> = ["nav", "navbar", "navigation", "menu", "footer", "toc", "breadcrumb", "sidebar", "header", "cookie"]

    /// Whether `path` matches `/(issues|pull|pulls|discussions)/\d+` (an issue, pull request or discussion), found
    /// without a regular expression: one of the four segments, then a decimal digit (`\d` is any Unicode `Nd`).
    static func namesNumberedItem(_ path: String) -> Bool {
        let utf8 = path.utf8
        for marker in ["/issues/", "/pull/", "/pulls/", "/discussions/"] {
            var rest = path[...]
            while let found = rest.rangeOfASCII(marker) {
                if let next = path.unicodeScalars[found.upperBound...].first, next.properties.generalCategory == .decimalNumber {
                    return true
                }
                rest = path[utf8.index(after: found.lowerBound)...]
            }
        }
        return false
    }

    /// Whether a link points to a document rather than to navigation, an anchor or an asset.
    static func isDocumentLink(_ link: Link, labelled: Bool) -> Bool {
        let href = link.href.lowercased()
        guard !href.hasPrefix("#"), !href.hasPrefix("mailto:"), !href.hasPrefix("javascript:"), !href.hasPrefix("tel:"),
              !href.isEmpty else { return false }
        let path = href.split(separator: "#").first.map(String.init) ?? href
        let assets = [".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".woff", ".woff2"]
        if assets.contains(where: { path.hasSuffix($0) }) { return false }
        // The minutes generator's own documentation ("formatted by scribe.perl").
        if path.containsASCII("scribedoc") || link.text.lowercased().containsASCII("scribe.perl") { return false }
        if labelled { return true }
        let documentEndings = [".pdf", ".doc", ".docx", ".ppt", ".pptx", ".xls", ".xlsx", ".odt", ".ods", ".odp", ".rtf", ".txt", ".md", ".csv"]
        if documentEndings.contains(where: { path.hasSuffix($0) }) { return true }
        if namesNumberedItem(path) { return true }
        if path.containsASCII("docs.google.com") || path.containsASCII("/wiki/") { return true }
        // Bug trackers, W3C specifications and editor's drafts, charters, recordings.
        if path.containsASCII("show_bug.cgi") || path.containsASCII("://crbug.com/") || path.containsASCII("w3.org/tr/")
            || path.containsASCII("://w3c.github.io/") || path.containsASCII("charter") {
            return true
        }
        if [".ogg", ".mp3", ".mp4", ".webm"].contains(where: { path.hasSuffix($0) }) { return true }
        let text = link.text.lowercased()
        return ["agenda", "irc log", "minutes", "slides", "paper", "report", "draft", "proposal", "recording", "transcript", "explainer"]
            .contains { text.containsASCII($0) }
    }
}
