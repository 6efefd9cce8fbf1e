import CLibXML2
import Foundation

/// Reads HTML (W3C scribe minutes, generated minutes pages, hand-written notes) with libxml2.
///
/// Headings, paragraphs, list items, table rows, `<dl>` terms and definitions and `<pre>`
/// become blocks; scripts, styles, forms, footers and `role="navigation"` are skipped.
/// `<nav>` content is kept as blocks carrying the class `nav` (scribe2 puts the agenda and
/// IRC-log links there), so extractors can tell navigation from content. A `<br>` splits a paragraph into one block per line.
/// Text directly inside a container (`<div>`, `<section>`, `<body>`) becomes its own paragraph.
/// libxml2's HTML parser sends its events (SAX) straight to the reader, so no tree is built: the
/// reader keeps its own stack of open elements and sees exactly what a walk over libxml2's tree saw.
public struct HTMLReader: DocumentReader {
    /// Creates a reader.
    public init() {}

    /// Parses `text` as HTML and returns its title, `<meta>` values and blocks.
    public func read(_ text: consuming String, baseURL: String?) -> BlockDocument {
        minutes_xml_silence_errors()
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let context = htmlNewParserCtxt() else { return BlockDocument(warnings: ["libxml2 is out of memory"]) }
        defer { htmlFreeParserCtxt(context) }
        let stream = HTMLEventStream(context: context, baseURL: baseURL)
        var handler = HTMLEventStream.handler()
        let count = text.utf8.count
        guard count > 0, count < Int(Int32.max) else { return Self.unparsed(text) }
        // withCString hands over the string's own NUL-terminated storage (a copy only for short strings).
        withExtendedLifetime(stream) {
            text.withCString {
                minutes_htmlSAXParseUTF8(context, $0, Int32(count), options, &handler, Unmanaged.passUnretained(stream).toOpaque())
            }
        }
        guard stream.startedDocument else { return Self.unparsed(text) }
        return stream.finish()
    }

    /// The document for `text` when libxml2 did not start one: a warning unless `text` is blank.
    private static func unparsed(_ text: String) -> BlockDocument {
        BlockDocument(warnings: TextRules.isBlank(text) ? [] : ["libxml2 could not parse the HTML"])
    }
}

/// What happens to an element's content.
private enum ContentMode {
    /// The walker sees its text and child elements.
    case visited
    /// Nothing inside it reaches the walker.
    case hidden
    /// `<head>`: its own `<title>`, `<meta>` and `<base>` children are read.
    case head
    /// `<title>`: all text inside it is collected.
    case title
}

/// An element libxml2 has opened and not yet closed.
private struct OpenElement {
    /// Tells elements apart (the walker's blocks, links and cells remember the element that opened them).
    let id: Int
    /// The lower-cased local name (after any `prefix:`, as libxml2's tree named the node).
    let name: String
    let role: HTMLRole
    var mode = ContentMode.hidden
}

/// The attributes the reader looks at, from libxml2's name/value array (first occurrence of a
/// name, as `xmlGetProp` found it; a name without value reads as "").
private struct HTMLAttributes {
    var role: String?
    var classValue: String?
    var id: String?
    var href: String?
    var alt: String?
    var type: String?
    var name: String?
    var property: String?
    var content: String?
    var checked = false

    /// Picks the known names out of `list` (NULL-terminated name, value pairs; nil when there are none).
    init(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard var cursor = list else { return }
        while let key = cursor.pointee {
            let value = (cursor + 1).pointee
            cursor += 2
            key.withMemoryRebound(to: CChar.self, capacity: 1) { key in
                switch key.pointee {
                case 0x72 /* r */: if strcmp(key, "role") == 0 { Self.keep(&role, value) }
                case 0x63 /* c */:
                    if strcmp(key, "class") == 0 { Self.keep(&classValue, value) }
                    else if strcmp(key, "content") == 0 { Self.keep(&content, value) }
                    else if strcmp(key, "checked") == 0 { checked = true }
                case 0x69 /* i */: if strcmp(key, "id") == 0 { Self.keep(&id, value) }
                case 0x68 /* h */: if strcmp(key, "href") == 0 { Self.keep(&href, value) }
                case 0x61 /* a */: if strcmp(key, "alt") == 0 { Self.keep(&alt, value) }
                case 0x74 /* t */: if strcmp(key, "type") == 0 { Self.keep(&type, value) }
                case 0x6E /* n */: if strcmp(key, "name") == 0 { Self.keep(&name, value) }
                case 0x70 /* p */: if strcmp(key, "property") == 0 { Self.keep(&property, value) }
                default: break
                }
            }
        }
    }

    /// Sets `field` to `value` unless an earlier attribute of the same name set it.
    private static func keep(_ field: inout String?, _ value: UnsafePointer<xmlChar>?) {
        guard field == nil else { return }
        field = value.map { String(cString: $0) } ?? ""
    }
}

/// Receives libxml2's SAX events for one document and replays them to an `HTMLWalker` in the
/// order and grouping a walk over libxml2's tree would have produced: adjacent character events
/// form one text node, and the tree builder's depth limit (257 open elements without
/// `XML_PARSE_HUGE`, after which it halted the parser) is kept. The walk read the root element
/// only; libxml2's tree builder put an element that starts after the root has ended into the root
/// (as its last child) when the root is the document's first node, and beside it (unread) when a
/// comment, processing instruction or DOCTYPE came first.
private final class HTMLEventStream {
    var walker: HTMLWalker
    let context: htmlParserCtxtPtr
    var open: [OpenElement] = []
    var nextID = 0
    /// The first top-level element once it has ended; the walker leaves it at the end of the document.
    var closedRoot: OpenElement?
    /// Whether the document's first node is its root element (see the type's comment).
    var rootIsFirstNode = false
    /// Whether the document has a node yet (an element, comment, processing instruction or DOCTYPE).
    var documentHasNode = false
    /// Whether the depth limit stopped the parse; later events are ignored.
    var stopped = false
    var startedDocument = false
    /// The text node being collected (bytes of adjacent character or CDATA events).
    var text: [UInt8] = []
    var textIsCDATA = false
    /// The text of the `<title>` being read, if one is open.
    var title: [UInt8]?

    /// libxml2's tree builder refused to open an element when this many were open.
    static let maximumDepth = 257

    init(context: htmlParserCtxtPtr, baseURL: String?) {
        self.context = context
        walker = HTMLWalker(baseURL: baseURL)
    }

    /// The SAX callbacks, each forwarding to the stream passed as user data.
    static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startDocument = { user in HTMLEventStream.stream(user)?.startedDocument = true }
        handler.startElement = { user, name, attributes in
            guard let name else { return }
            HTMLEventStream.stream(user)?.startElement(name, attributes)
        }
        handler.endElement = { user, _ in HTMLEventStream.stream(user)?.endElement() }
        handler.characters = { user, bytes, count in
            guard let bytes, count > 0 else { return }
            HTMLEventStream.stream(user)?.characters(UnsafeBufferPointer(start: bytes, count: Int(count)), isCDATA: false)
        }
        handler.cdataBlock = { user, bytes, count in
            guard let bytes, count > 0 else { return }
            HTMLEventStream.stream(user)?.characters(UnsafeBufferPointer(start: bytes, count: Int(count)), isCDATA: true)
        }
        handler.comment = { user, _ in HTMLEventStream.stream(user)?.otherNode() }
        handler.processingInstruction = { user, _, _ in HTMLEventStream.stream(user)?.otherNode() }
        handler.internalSubset = { user, _, _, _ in HTMLEventStream.stream(user)?.doctype() }
        return handler
    }

    /// The stream behind a callback's user data pointer.
    static func stream(_ user: UnsafeMutableRawPointer?) -> HTMLEventStream? {
        user.map { Unmanaged<HTMLEventStream>.fromOpaque($0).takeUnretainedValue() }
    }

    /// An element starts: decides from its parent's mode whether (and how) the walker sees it.
    func startElement(_ fullName: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !stopped else { return }
        endTextNode()
        guard open.count < Self.maximumDepth else {
            stopped = true
            xmlStopParser(context)
            return
        }
        let name = Self.localName(fullName)
        let role = HTMLWalker.roles[name] ?? .inline
        let id = nextID
        nextID += 1
        if !documentHasNode {
            documentHasNode = true
            rootIsFirstNode = true
        }
        // The tree's parent: the open element, else the ended root if it adopts the element, else none.
        var parent = open.last
        if parent == nil, let root = closedRoot { parent = rootIsFirstNode ? root : OpenElement(id: -1, name: "", role: .inline) }
        var element = OpenElement(id: id, name: name, role: role)
        switch parent?.mode ?? .visited {
        case .visited:
            element.mode = walker.enter(element, HTMLAttributes(attributes), parentName: parent?.name ?? "")
        case .head:
            switch role {
            case .title: element.mode = .title
            case .meta, .base: walker.readHeadElement(role, HTMLAttributes(attributes))
            default: break
            }
        case .hidden, .title: break
        }
        if element.mode == .title { title = [] }
        open.append(element)
    }

    /// The innermost open element ends.
    func endElement() {
        guard !stopped else { return }
        endTextNode()
        guard let element = open.popLast() else { return }
        if open.isEmpty, closedRoot == nil {
            closedRoot = element
        } else {
            close(element)
        }
    }

    /// A comment or processing instruction: it ends a text node, and may be the document's first node.
    func otherNode() {
        guard !stopped else { return }
        endTextNode()
        documentHasNode = true
    }

    /// A DOCTYPE: libxml2 puts the (first) document type node before all others.
    func doctype() {
        guard !stopped else { return }
        documentHasNode = true
        rootIsFirstNode = false
    }

    /// Text (or the content of `<script>`/`<style>`, which libxml2 sends as CDATA) inside the innermost element.
    func characters(_ bytes: UnsafeBufferPointer<xmlChar>, isCDATA: Bool) {
        guard !stopped, let top = open.last else { return }
        if title != nil {
            title?.append(contentsOf: bytes)
            return
        }
        guard top.mode == .visited else { return }
        if isCDATA != textIsCDATA { endTextNode() }
        textIsCDATA = isCDATA
        text.append(contentsOf: bytes)
    }

    /// Hands the collected text node to the walker (another node follows or its element ends).
    func endTextNode() {
        guard !text.isEmpty else { return }
        walker.append(String(decoding: text, as: UTF8.self))
        text.removeAll(keepingCapacity: true)
    }

    /// Ends what `element` started for the walker.
    func close(_ element: OpenElement) {
        switch element.mode {
        case .visited: walker.leave(element)
        case .title:
            guard let collected = title else { return }
            title = nil
            let value = TextRules.collapseWhitespace(String(decoding: collected, as: UTF8.self))
            if walker.document.title == nil, !value.isEmpty { walker.document.title = value }
        case .hidden, .head: break
        }
    }

    /// Closes what is still open (the parse ended early) and returns the document.
    func finish() -> BlockDocument {
        endTextNode()
        while let element = open.popLast() { close(element) }
        if let root = closedRoot { close(root) }
        walker.finish()
        if stopped {
            walker.document.warnings.append("HTML nested more than 256 levels deep; the deeper content was dropped")
        }
        return walker.document
    }

    /// The element name as libxml2's tree had it: the part after the first `:` of a qualified name
    /// (`o:p` → `p`; not for a leading or trailing `:`), lower-cased.
    static func localName(_ fullName: UnsafePointer<xmlChar>) -> String {
        let bytes = UnsafeBufferPointer(start: fullName, count: strlen(UnsafeRawPointer(fullName).assumingMemoryBound(to: CChar.self)))
        var local = bytes[...]
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < bytes.count {
            local = bytes[(colon + 1)...]
        }
        let name = String(decoding: local, as: UTF8.self)
        // libxml2's HTML parser lower-cases tag names already: only others need lowercased().
        return local.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 }) ? name.lowercased() : name
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
    /// The id of the element that opened it; nil for loose text directly inside a container.
    var owner: Int?
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

/// Builds blocks from elements and text in document order (what `HTMLEventStream` lets through).
private struct HTMLWalker {
    var document = BlockDocument()
    let givenBase: String?
    var documentBase: String?
    var builder: BlockBuilder?
    /// Blocks interrupted by a nested list or table, with the element that interrupted them.
    var suspended: [(by: Int, builder: BlockBuilder)] = []
    var lists: [(owner: Int, ordered: Bool)] = []
    var classStack: [(owner: Int, tokens: [String])] = []
    var openLinks: [(owner: Int, href: String, text: String, alt: String)] = []
    var cell: (owner: Int, text: String)?

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

    /// Emits the block still open at the end of the document.
    mutating func finish() {
        if let open = builder { emit(open) }
    }

    /// Handles the start of an element whose parent (named `parentName`, "" for the root) the walker
    /// sees; returns what happens to its content.
    mutating func enter(_ element: OpenElement, _ attributes: HTMLAttributes, parentName: String) -> ContentMode {
        let node = element.id
        let role = element.role
        switch role {
        case .skip: return .hidden
        case .head: return .head
        case .title: return .title
        case .meta, .base: readHeadElement(role, attributes); return .hidden
        default: break
        }
        if attributes.role?.lowercased() == "navigation" { return .hidden }
        let classTokens = pushClasses(element, attributes)
        if !role.isBlockLevel, builder != nil {
            // Inline classes mark the whole block (old scribe.perl: <strong class='resolution'>).
            for token in classTokens where builder?.classes.contains(token) == false { builder?.classes.append(token) }
        }
        switch role {
        case .lineBreak: lineBreak()
        case .link:
            if let href = attributes.href { openLinks.append((node, resolve(href), "", "")) }
        case .image:
            if !openLinks.isEmpty, let alt = attributes.alt { openLinks[openLinks.count - 1].alt += alt }
        case .input:
            if builder?.kind == .listItem, attributes.type?.lowercased() == "checkbox" {
                builder?.checked = attributes.checked
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
            if kind == .tableRow, parentName == "thead" {
                new.isHeaderRow = true
            }
            builder = new
        default: break
        }
        return .visited
    }

    /// Handles the end of an element whose start `enter` answered `.visited` for.
    mutating func leave(_ element: OpenElement) {
        let node = element.id
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
            if element.name == "th" { builder?.headerCells += 1 }
            cell = nil
        }
        let role = element.role
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
    mutating func startBlockLevel(_ node: Int, splits: Bool) -> Bool {
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

    /// Reads a `<meta>` name (or property) and content, or a `<base>` address (first of each wins).
    mutating func readHeadElement(_ role: HTMLRole, _ attributes: HTMLAttributes) {
        switch role {
        case .meta:
            guard let key = attributes.name ?? attributes.property, let value = attributes.content else { return }
            let name = key.lowercased().trimmed()
            if !name.isEmpty, document.metadata[name] == nil { document.metadata[name] = TextRules.collapseWhitespace(value) }
        case .base:
            if documentBase == nil { documentBase = attributes.href }
        default: break
        }
    }

    /// Records the element's class and id tokens for the blocks inside it; returns the class tokens.
    mutating func pushClasses(_ element: OpenElement, _ attributes: HTMLAttributes) -> [String] {
        let classes = attributes.classValue.map(Self.classTokens) ?? []
        var tokens = classes
        // Navigation bars become blocks marked "nav": extractors decide which of their links matter.
        if element.name == "nav", !tokens.contains("nav") { tokens.append("nav") }
        if let id = attributes.id?.trimmed(), !id.isEmpty {
            tokens.append(id.lowercased())
        }
        if !tokens.isEmpty { classStack.append((element.id, tokens)) }
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
