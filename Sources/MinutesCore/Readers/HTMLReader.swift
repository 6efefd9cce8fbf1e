import CLibXML2
import Foundation

/// Reads HTML (W3C scribe minutes, generated minutes pages, hand-written notes) with libxml2.
///
/// Headings, paragraphs, list items, table rows, `<dl>` terms and definitions and `<pre>`
/// become blocks; scripts, styles, forms, footers and `role="navigation"` are skipped.
/// `<nav>` content is kept as blocks carrying the class `nav` (scribe2 puts the agenda and
/// IRC-log links there), so extractors can tell navigation from content. A `<br>` splits a paragraph into one block per line.
/// Text directly inside a container (`<div>`, `<section>`, `<body>`) becomes its own paragraph.
/// The tree is walked without recursion, so very deep nesting is safe.
public struct HTMLReader: DocumentReader {
    /// Creates a reader.
    public init() {}

    /// Parses `text` as HTML and returns its title, `<meta>` values and blocks.
    public func read(_ text: String, baseURL: String?) -> BlockDocument {
        minutes_xml_silence_errors()
        var source = text
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let context = htmlNewParserCtxt() else { return BlockDocument(warnings: ["libxml2 is out of memory"]) }
        defer { htmlFreeParserCtxt(context) }
        let parsed: htmlDocPtr? = source.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlCtxtReadMemory(context, $0, Int32(bytes.count), nil, "UTF-8", options)
            }
        }
        guard let doc = parsed else {
            let blank = TextRules.isBlank(text)
            return BlockDocument(warnings: blank ? [] : ["libxml2 could not parse the HTML"])
        }
        defer { xmlFreeDoc(doc) }
        var walker = HTMLWalker(baseURL: baseURL)
        walker.walk(xmlDocGetRootElement(doc))
        // libxml2 stops at 256 levels unless XML_PARSE_HUGE (deliberately not used) is given.
        if let message = context.pointee.lastError.message, String(cString: message).hasPrefix("Excessive depth") {
            walker.document.warnings.append("HTML nested more than 256 levels deep; the deeper content was dropped")
        }
        return walker.document
    }
}

/// What an element means to the walker.
private enum HTMLRole {
    case skip, head, title, meta, base, lineBreak, link, image, input, inline
    case container, list(ordered: Bool), definitionList, table, cell
    case block(Block.Kind, level: Int)
}

/// A block being collected: its kind, where it came from, and its text so far.
private struct BlockBuilder {
    var kind: Block.Kind
    /// The element that opened it; nil for loose text directly inside a container.
    var owner: xmlNodePtr?
    var level = 0
    var ordered = false
    var checked: Bool?
    var classes: [String] = []
    /// Text per `<br>`-separated line (only paragraphs keep lines apart).
    var lines: [String] = [""]
    var links: [(line: Int, link: Link)] = []
    var cells: [String] = []
    var headerCells = 0
    var isHeaderRow = false
}

/// The state of one pass over a libxml2 tree.
private struct HTMLWalker {
    var document = BlockDocument()
    let givenBase: String?
    var documentBase: String?
    var builder: BlockBuilder?
    /// Blocks interrupted by a nested list or table, with the element that interrupted them.
    var suspended: [(by: xmlNodePtr, builder: BlockBuilder)] = []
    var lists: [(owner: xmlNodePtr, ordered: Bool)] = []
    var classStack: [(owner: xmlNodePtr, tokens: [String])] = []
    var openLinks: [(owner: xmlNodePtr, href: String, text: String, alt: String)] = []
    var cell: (owner: xmlNodePtr, text: String)?

    init(baseURL: String?) { givenBase = baseURL }

    static let roles: [String: HTMLRole] = {
        var roles: [String: HTMLRole] = [
            "head": .head, "title": .title, "meta": .meta, "base": .base, "br": .lineBreak,
            "a": .link, "img": .image, "input": .input, "td": .cell, "th": .cell,
            "ul": .list(ordered: false), "menu": .list(ordered: false), "dir": .list(ordered: false),
            "ol": .list(ordered: true), "dl": .definitionList, "table": .table,
            "p": .block(.paragraph, level: 0), "summary": .block(.paragraph, level: 0),
            "caption": .block(.paragraph, level: 0), "li": .block(.listItem, level: 0),
            "dt": .block(.term, level: 0), "dd": .block(.definition, level: 0),
            "pre": .block(.preformatted, level: 0), "listing": .block(.preformatted, level: 0),
            "xmp": .block(.preformatted, level: 0), "tr": .block(.tableRow, level: 0),
        ]
        for level in 1...6 { roles["h\(level)"] = .block(.heading, level: level) }
        for name in ["script", "style", "noscript", "template", "svg", "iframe", "form", "button",
                     "footer", "link", "select", "textarea", "object", "embed", "canvas", "audio", "video"] {
            roles[name] = .skip
        }
        for name in ["html", "body", "div", "section", "article", "main", "header", "aside", "blockquote",
                     "details", "figure", "figcaption", "address", "center", "hgroup", "fieldset", "legend",
                     "thead", "tbody", "tfoot", "hr", "dialog", "search", "nav"] {
            roles[name] = .container
        }
        return roles
    }()

    /// Depth-first walk using the tree's own parent and sibling pointers (no recursion, no node stack).
    mutating func walk(_ root: xmlNodePtr?) {
        var node = root
        outer: while let current = node {
            let entered = enter(current)
            if entered, let child = current.pointee.children { node = child; continue }
            if entered { leave(current) }
            var done = current
            while true {
                if done == root { break outer }
                if let next = done.pointee.next { node = next; continue outer }
                guard let parent = done.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break outer }
                leave(parent)
                done = parent
            }
        }
        if let open = builder { emit(open) }
    }

    /// Handles the start of `node`; returns whether its children should be visited.
    mutating func enter(_ node: xmlNodePtr) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { append(String(cString: content)) }
            return false
        case XML_ELEMENT_NODE: break
        default: return false
        }
        let role = Self.role(of: node)
        switch role {
        case .skip: return false
        case .head: readHead(node); return false
        case .title, .meta, .base: readHeadElement(node, role: role); return false
        default: break
        }
        if Self.attribute(node, "role")?.lowercased() == "navigation" { return false }
        let classTokens = pushClasses(node)
        if !role.isBlockLevel, builder != nil {
            // Inline classes mark the whole block (old scribe.perl: <strong class='resolution'>).
            for token in classTokens where builder?.classes.contains(token) == false { builder?.classes.append(token) }
        }
        switch role {
        case .lineBreak: lineBreak()
        case .link:
            if let href = Self.attribute(node, "href") { openLinks.append((node, resolve(href), "", "")) }
        case .image:
            if !openLinks.isEmpty, let alt = Self.attribute(node, "alt") { openLinks[openLinks.count - 1].alt += alt }
        case .input:
            if builder?.kind == .listItem, Self.attribute(node, "type")?.lowercased() == "checkbox" {
                builder?.checked = minutes_xmlHasProp(node, "checked") != 0
            }
        case .container: _ = startBlockLevel(node, splits: false)
        case .list(let ordered):
            _ = startBlockLevel(node, splits: true)
            lists.append((node, ordered))
        case .definitionList, .table: _ = startBlockLevel(node, splits: true)
        case .cell:
            if builder?.kind == .tableRow {
                if cell == nil { cell = (node, "") }
            } else {
                _ = startBlockLevel(node, splits: false)
            }
        case .block(let kind, let level):
            let splits = kind != .paragraph
            guard startBlockLevel(node, splits: splits) else { break }
            var new = BlockBuilder(kind: kind, owner: node, level: level, classes: currentClasses())
            if kind == .listItem {
                new.level = max(lists.count - 1, 0)
                new.ordered = lists.last?.ordered ?? false
            }
            if kind == .tableRow, let parent = node.pointee.parent, Self.name(of: parent) == "thead" {
                new.isHeaderRow = true
            }
            builder = new
        default: break
        }
        return true
    }

    /// Handles the end of an element whose start `enter` accepted.
    mutating func leave(_ node: xmlNodePtr) {
        if let link = openLinks.last, link.owner == node {
            openLinks.removeLast()
            var text = TextRules.collapseWhitespace(link.text)
            if text.isEmpty, builder == nil, !TextRules.collapseWhitespace(link.alt).isEmpty {
                // An image-only link (scribe2's nav icons): its alt text stands for the link text.
                text = TextRules.collapseWhitespace(link.alt)
                append(text)
            }
            if let line = builder?.lines.count {
                builder?.links.append((line - 1, Link(text: text.isEmpty ? TextRules.collapseWhitespace(link.alt) : text, href: link.href)))
            }
        }
        if let open = cell, open.owner == node {
            builder?.cells.append(TextRules.collapseWhitespace(open.text))
            if Self.name(of: node) == "th" { builder?.headerCells += 1 }
            cell = nil
        }
        let role = Self.role(of: node)
        if let open = builder, open.owner == node {
            emit(open)
            builder = nil
        } else if role.isBlockLevel, let open = builder {
            if open.owner == nil { emit(open); builder = nil } else { append(" ") }
        }
        if let last = suspended.last, last.by == node {
            if let open = builder { emit(open) }
            builder = last.builder
            suspended.removeLast()
        }
        if let last = lists.last, last.owner == node { lists.removeLast() }
        if let last = classStack.last, last.owner == node { classStack.removeLast() }
    }

    /// Prepares for a block-level element: closes loose text, absorbs the element into an open
    /// block, or (when `splits`) emits the open block's text so far and suspends it.
    /// Returns whether no block is open afterwards, i.e. whether `node` may open its own.
    mutating func startBlockLevel(_ node: xmlNodePtr, splits: Bool) -> Bool {
        guard let open = builder else { return true }
        if open.owner == nil { emit(open); builder = nil; return true }
        if [.heading, .tableRow, .preformatted].contains(open.kind) || !splits {
            if open.kind != .preformatted { append(" ") }
            return false
        }
        emit(open)
        var rest = open
        rest.lines = [""]; rest.links = []; rest.checked = nil
        suspended.append((node, rest))
        builder = nil
        return true
    }

    /// Adds text to the open block (opening a loose paragraph for non-blank text) and open links.
    mutating func append(_ text: String) {
        if builder == nil {
            guard !TextRules.isBlank(text) else { return }
            builder = BlockBuilder(kind: .paragraph, classes: currentClasses())
        }
        for index in openLinks.indices { openLinks[index].text += text }
        if builder?.kind == .tableRow {
            cell?.text += text
        } else if let last = builder?.lines.indices.last {
            builder?.lines[last] += text
        }
    }

    mutating func lineBreak() {
        switch builder?.kind {
        case .paragraph?: builder?.lines.append("")
        case .preformatted?: append("\n")
        case nil: break
        default: append(" ")
        }
    }

    mutating func emit(_ open: BlockBuilder) {
        let links = open.links.map(\.link)
        switch open.kind {
        case .preformatted:
            let text = open.lines.joined(separator: "\n")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let kept = lines.drop { $0.allSatisfy(\.isWhitespace) }.reversed().drop { $0.allSatisfy(\.isWhitespace) }.reversed()
            guard !kept.isEmpty else { return }
            document.blocks.append(Block(.preformatted, kept.joined(separator: "\n"), links: links, classes: open.classes))
        case .tableRow:
            guard open.cells.contains(where: { !$0.isEmpty }) else { return }
            let header = open.isHeaderRow || open.headerCells == open.cells.count
            document.blocks.append(Block(.tableRow, open.cells.joined(separator: " | "), cells: open.cells,
                                         isHeader: header, links: links, classes: open.classes))
        case .paragraph:
            for (index, line) in open.lines.enumerated() {
                let text = TextRules.collapseWhitespace(line)
                guard !text.isEmpty else { continue }
                let lineLinks = open.links.filter { $0.line == index }.map(\.link)
                document.blocks.append(Block(.paragraph, text, links: lineLinks, classes: open.classes))
            }
        default:
            let text = TextRules.collapseWhitespace(open.lines.joined(separator: " "))
            guard !text.isEmpty || open.checked != nil else { return }
            document.blocks.append(Block(open.kind, text, level: open.level, checked: open.checked,
                                         ordered: open.ordered, links: links, classes: open.classes))
        }
    }

    // MARK: Head, classes, links

    mutating func readHead(_ head: xmlNodePtr) {
        var child = head.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { readHeadElement(node, role: Self.role(of: node)) }
            child = node.pointee.next
        }
    }

    mutating func readHeadElement(_ node: xmlNodePtr, role: HTMLRole) {
        switch role {
        case .title:
            guard document.title == nil, let content = xmlNodeGetContent(node) else { return }
            defer { minutes_xmlFree(content) }
            let title = TextRules.collapseWhitespace(String(cString: content))
            if !title.isEmpty { document.title = title }
        case .meta:
            guard let key = Self.attribute(node, "name") ?? Self.attribute(node, "property"),
                  let value = Self.attribute(node, "content") else { return }
            let name = key.lowercased().trimmed()
            if !name.isEmpty, document.metadata[name] == nil { document.metadata[name] = TextRules.collapseWhitespace(value) }
        case .base:
            if documentBase == nil { documentBase = Self.attribute(node, "href") }
        default: break
        }
    }

    /// Records the element's class and id tokens for the blocks inside it; returns the class tokens.
    mutating func pushClasses(_ node: xmlNodePtr) -> [String] {
        let classes = Self.attribute(node, "class").map(Self.classTokens) ?? []
        var tokens = classes
        // Navigation bars become blocks marked "nav": extractors decide which of their links matter.
        if Self.name(of: node) == "nav", !tokens.contains("nav") { tokens.append("nav") }
        if let id = Self.attribute(node, "id")?.trimmed(), !id.isEmpty {
            tokens.append(id.lowercased())
        }
        if !tokens.isEmpty { classStack.append((node, tokens)) }
        return classes
    }

    /// The lower-cased tokens of a `class` value, split at white space; ASCII values on bytes (where the white
    /// space characters are exactly the bytes 09–0D and 20).
    static func classTokens(_ value: String) -> [String] {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return value.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) }
        return value.utf8.split { $0 == 0x20 || (0x09...0x0D).contains($0) }.map { token in
            String(decoding: token.map { $0.asciiLowercased }, as: UTF8.self)
        }
    }

    /// Class and id tokens of the open elements, innermost first, without repeats (at most 16).
    func currentClasses() -> [String] {
        var result: [String] = []
        for entry in classStack.reversed().prefix(32) {
            for token in entry.tokens where !result.contains(token) { result.append(token) }
            if result.count >= 16 { break }
        }
        return result
    }

    /// `href` resolved against the given or `<base>` address; fragments and unparsable links stay as written.
    func resolve(_ href: String) -> String {
        let trimmed = href.trimmed(.blanksAndNewlines)
        guard !trimmed.hasPrefix("#"), let base = (givenBase ?? documentBase).flatMap({ URL(string: $0) }),
              let url = URL(string: trimmed, relativeTo: base) else { return trimmed }
        return url.absoluteString
    }

    // MARK: libxml2 helpers

    static func name(of node: xmlNodePtr) -> String {
        guard let raw = node.pointee.name else { return "" }
        let name = String(cString: raw)
        // libxml2's HTML parser lower-cases tag names already: only others need lowercased().
        return name.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 }) ? name.lowercased() : name
    }

    static func role(of node: xmlNodePtr) -> HTMLRole {
        roles[name(of: node)] ?? .inline
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        // Most elements have no attributes (the HTML parser declares no DTD defaults that could stand in for one).
        guard node.pointee.properties != nil, let value = minutes_xmlGetProp(node, name) else { return nil }
        defer { minutes_xmlFree(value) }
        return String(cString: value)
    }
}

private extension HTMLRole {
    /// Whether the element ends loose text before it (blocks and containers).
    var isBlockLevel: Bool {
        switch self {
        case .container, .list, .definitionList, .table, .cell, .block: return true
        default: return false
        }
    }
}
