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
public struct HTMLReader: UTF8DocumentReader {
    /// Creates a reader.
    public init() {}

    /// Parses `text` as HTML and returns its title, `<meta>` values and blocks.
    public func read(_ text: consuming String, baseURL: String?) -> BlockDocument {
        let count = text.utf8.count
        guard count > 0, count < Int(Int32.max) else { return Self.unparsed(text) }
        // withCString hands over the string's own NUL-terminated storage (a copy only for short strings).
        let document = text.withCString { Self.parse($0, count: count, baseURL: baseURL) }
        return document ?? Self.unparsed(text)
    }

    /// `read(_:baseURL:)` for text given as its UTF-8 bytes, as `TextDecoder.decodeUTF8` leaves them (no NUL in
    /// them): libxml2 reads them where they lie, so no `String` of the whole document is made.
    public func read(utf8 bytes: consuming [UInt8], baseURL: String?) -> BlockDocument {
        var bytes = bytes
        let count = bytes.count
        guard count > 0, count < Int(Int32.max) else { return Self.unparsed(String(decoding: bytes, as: UTF8.self)) }
        bytes.append(0)   // libxml2 reads up to a NUL terminator
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { Self.parse($0, count: count, baseURL: baseURL) }
            }
        }
        return document ?? Self.unparsed(String(decoding: bytes.dropLast(), as: UTF8.self))
    }

    /// Runs libxml2's HTML parser over the `count` bytes of UTF-8 at `text` (NUL-terminated after them) and
    /// walks its events into a document; nil when libxml2 did not start one.
    private static func parse(_ text: UnsafePointer<CChar>, count: Int, baseURL: String?) -> BlockDocument? {
        minutes_xml_silence_errors()
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let context = htmlNewParserCtxt() else { return BlockDocument(warnings: ["libxml2 is out of memory"]) }
        defer { htmlFreeParserCtxt(context) }
        // The stream lives behind a plain pointer (the callbacks' user data): a class would pay
        // run-time exclusivity checks on every access to its state.
        let stream = UnsafeMutablePointer<HTMLEventStream>.allocate(capacity: 1)
        stream.initialize(to: HTMLEventStream(context: context, baseURL: baseURL))
        defer { stream.deinitialize(count: 1); stream.deallocate() }
        var handler = HTMLEventStream.handler()
        minutes_htmlSAXParseUTF8(context, text, Int32(count), options, &handler, UnsafeMutableRawPointer(stream))
        guard stream.pointee.startedDocument else { return nil }
        return stream.pointee.finish()
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
    /// Which of the names compared later (`th`, `thead`, `nav`) its lower-cased local name is, if any.
    let tag: HTMLNameTag
    let role: HTMLRole
    var mode = ContentMode.hidden
}

/// An attribute value as libxml2 sent it (a name without value reads as ""); valid during the
/// start-element callback only. One pointer, so that an absent attribute is a null pointer.
private struct HTMLAttributeValue {
    /// The NUL-terminated value.
    let pointer: UnsafePointer<xmlChar>

    /// The value libxml2 sent (nil, for a name without value, reads as "").
    init(_ value: UnsafePointer<xmlChar>?) {
        pointer = value ?? ("" as StaticString).utf8Start
    }

    /// The value's bytes.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }

    /// The value as a string, as `xmlGetProp` read it.
    var string: String { String(cString: pointer) }
}

/// The attributes the reader looks at, from libxml2's name/value array (first occurrence of a
/// name, as `xmlGetProp` found it). Values become strings only where the walker needs them.
private struct HTMLAttributes {
    var role: HTMLAttributeValue?
    var classValue: HTMLAttributeValue?
    var id: HTMLAttributeValue?
    var href: HTMLAttributeValue?
    var alt: HTMLAttributeValue?
    var type: HTMLAttributeValue?
    var name: HTMLAttributeValue?
    var property: HTMLAttributeValue?
    var content: HTMLAttributeValue?
    var checked = false

    /// The names the reader looks at.
    enum Name {
        case role, classValue, content, checked, id, href, alt, type, name, property, other

        /// The name `key` (NUL-terminated) is.
        init(_ key: UnsafePointer<xmlChar>) {
            self = key.withMemoryRebound(to: CChar.self, capacity: 1) { key -> Name in
                switch key.pointee {
                case 0x72 /* r */: return strcmp(key, "role") == 0 ? .role : .other
                case 0x63 /* c */:
                    if strcmp(key, "class") == 0 { return .classValue }
                    if strcmp(key, "content") == 0 { return .content }
                    return strcmp(key, "checked") == 0 ? .checked : .other
                case 0x69 /* i */: return strcmp(key, "id") == 0 ? .id : .other
                case 0x68 /* h */: return strcmp(key, "href") == 0 ? .href : .other
                case 0x61 /* a */: return strcmp(key, "alt") == 0 ? .alt : .other
                case 0x74 /* t */: return strcmp(key, "type") == 0 ? .type : .other
                case 0x6E /* n */: return strcmp(key, "name") == 0 ? .name : .other
                case 0x70 /* p */: return strcmp(key, "property") == 0 ? .property : .other
                default: return .other
                }
            }
        }
    }

    /// Picks the known names out of `list` (NULL-terminated name, value pairs; nil when there are none), telling
    /// names apart through `memo`.
    init(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, memo: inout HTMLNameMemo<Name>) {
        guard var cursor = list else { return }
        while let key = cursor.pointee {
            let value = (cursor + 1).pointee
            cursor += 2
            switch memo.answer(key, Name.init) {
            case .role: Self.keep(&role, value)
            case .classValue: Self.keep(&classValue, value)
            case .content: Self.keep(&content, value)
            case .checked: checked = true
            case .id: Self.keep(&id, value)
            case .href: Self.keep(&href, value)
            case .alt: Self.keep(&alt, value)
            case .type: Self.keep(&type, value)
            case .name: Self.keep(&name, value)
            case .property: Self.keep(&property, value)
            case .other: break
            }
        }
    }

    /// Sets `field` to `value` unless an earlier attribute of the same name set it.
    private static func keep(_ field: inout HTMLAttributeValue?, _ value: UnsafePointer<xmlChar>?) {
        guard field == nil else { return }
        field = HTMLAttributeValue(value)
    }
}

/// Receives libxml2's SAX events for one document and replays them to an `HTMLWalker` in the
/// order and grouping a walk over libxml2's tree would have produced: adjacent character events
/// form one text node, and the tree builder's depth limit (257 open elements without
/// `XML_PARSE_HUGE`, after which it halted the parser) is kept. The walk read the root element
/// only; libxml2's tree builder put an element that starts after the root has ended into the root
/// (as its last child) when the root is the document's first node, and beside it (unread) when a
/// comment, processing instruction or DOCTYPE came first.
private struct HTMLEventStream {
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
    var text = ByteBuffer()
    var textIsCDATA = false
    /// The text of the `<title>` being read, if one is open.
    var title: [UInt8]?
    /// The element-name lookup table, kept for the whole document.
    let elementNames = HTMLElementNames.Table()
    /// The roles of this document's element names and the meaning of its attribute names, by address.
    var elementMemo = HTMLNameMemo<(role: HTMLRole, tag: HTMLNameTag)>()
    var attributeMemo = HTMLNameMemo<HTMLAttributes.Name>()

    /// libxml2's tree builder refused to open an element when this many were open.
    static let maximumDepth = 257

    init(context: htmlParserCtxtPtr, baseURL: String?) {
        self.context = context
        walker = HTMLWalker(baseURL: baseURL)
    }

    /// The SAX callbacks, each forwarding to the stream passed as user data.
    static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startDocument = { user in HTMLEventStream.stream(user)?.pointee.startedDocument = true }
        handler.startElement = { user, name, attributes in
            guard let name else { return }
            HTMLEventStream.stream(user)?.pointee.startElement(name, attributes)
        }
        handler.endElement = { user, _ in HTMLEventStream.stream(user)?.pointee.endElement() }
        handler.characters = { user, bytes, count in
            guard let bytes, count > 0 else { return }
            HTMLEventStream.stream(user)?.pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(count)), isCDATA: false)
        }
        handler.cdataBlock = { user, bytes, count in
            guard let bytes, count > 0 else { return }
            HTMLEventStream.stream(user)?.pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(count)), isCDATA: true)
        }
        handler.comment = { user, _ in HTMLEventStream.stream(user)?.pointee.otherNode() }
        handler.processingInstruction = { user, _, _ in HTMLEventStream.stream(user)?.pointee.otherNode() }
        handler.internalSubset = { user, _, _, _ in HTMLEventStream.stream(user)?.pointee.doctype() }
        return handler
    }

    /// The stream behind a callback's user data pointer.
    static func stream(_ user: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLEventStream>? {
        user?.assumingMemoryBound(to: HTMLEventStream.self)
    }

    /// An element starts: decides from its parent's mode whether (and how) the walker sees it.
    mutating func startElement(_ fullName: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !stopped else { return }
        endTextNode()
        guard open.count < Self.maximumDepth else {
            stopped = true
            xmlStopParser(context)
            return
        }
        let table = elementNames
        let (role, tag) = elementMemo.answer(fullName) { HTMLElementNames.lookUp($0, in: table) }
        let id = nextID
        nextID += 1
        if !documentHasNode {
            documentHasNode = true
            rootIsFirstNode = true
        }
        // The tree's parent: the open element, else the ended root if it adopts the element, else none.
        var parent = open.last
        if parent == nil, let root = closedRoot { parent = rootIsFirstNode ? root : OpenElement(id: -1, tag: .other, role: .inline) }
        var element = OpenElement(id: id, tag: tag, role: role)
        switch parent?.mode ?? .visited {
        case .visited:
            element.mode = walker.enter(element, HTMLAttributes(attributes, memo: &attributeMemo), parentTag: parent?.tag ?? .other)
        case .head:
            switch role {
            case .title: element.mode = .title
            case .meta, .base: walker.readHeadElement(role, HTMLAttributes(attributes, memo: &attributeMemo))
            default: break
            }
        case .hidden, .title: break
        }
        if element.mode == .title { title = [] }
        open.append(element)
    }

    /// The innermost open element ends.
    mutating func endElement() {
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
    mutating func otherNode() {
        guard !stopped else { return }
        endTextNode()
        documentHasNode = true
    }

    /// A DOCTYPE: libxml2 puts the (first) document type node before all others.
    mutating func doctype() {
        guard !stopped else { return }
        documentHasNode = true
        rootIsFirstNode = false
    }

    /// Text (or the content of `<script>`/`<style>`, which libxml2 sends as CDATA) inside the innermost element.
    mutating func characters(_ bytes: UnsafeBufferPointer<xmlChar>, isCDATA: Bool) {
        guard !stopped, let mode = open.last?.mode else { return }
        if title != nil {
            title?.append(contentsOf: bytes)
            return
        }
        guard mode == .visited else { return }
        // With a block open the walker's blank test does not look at the node: its pieces go straight in.
        if text.isEmpty, walker.builder != nil {
            walker.append(bytes)
            return
        }
        if isCDATA != textIsCDATA { endTextNode() }
        textIsCDATA = isCDATA
        text.append(contentsOf: bytes)
    }

    /// Hands the collected text node to the walker (another node follows or its element ends).
    /// libxml2 sends whole UTF-8 characters of the (valid UTF-8) input, so the walker may join
    /// nodes' bytes before making strings of them.
    mutating func endTextNode() {
        guard !text.isEmpty else { return }
        walker.append(text.bytes)
        text.removeAll()
    }

    /// Ends what `element` started for the walker.
    mutating func close(_ element: OpenElement) {
        switch element.mode {
        case .visited: walker.leave(element)
        case .title:
            guard let collected = title else { return }
            title = nil
            let value = collected.withUnsafeBufferPointer(HTMLByteRules.collapsedString)
            if walker.document.title == nil, !value.isEmpty { walker.document.title = value }
        case .hidden, .head: break
        }
    }

    /// Closes what is still open (the parse ended early) and returns the document.
    mutating func finish() -> BlockDocument {
        endTextNode()
        while let element = open.popLast() { close(element) }
        if let root = closedRoot { close(root) }
        walker.finish()
        if stopped {
            walker.document.warnings.append("HTML nested more than 256 levels deep; the deeper content was dropped")
        }
        return walker.document
    }
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
    var cells: [String] = []
    var headerCells = 0
    var isHeaderRow = false
}

/// A link being collected: the element that opened it, its address, where its text starts in the walker's
/// `linkText`, and its images' alt text so far.
private struct OpenLink {
    let owner: Int
    let href: String
    let textStart: Int
    var alt = ""
}

/// Builds blocks from elements and text in document order (what `HTMLEventStream` lets through).
private struct HTMLWalker {
    var document = BlockDocument()
    let givenBase: String?
    var documentBase: String?
    var builder: BlockBuilder?
    /// The open block's text so far, as UTF-8 bytes (made a string once, when the block is emitted); empty
    /// while no block is open. One buffer serves every block: a suspended block's text is emitted before it waits.
    var blockText = ByteBuffer()
    /// Where each `<br>` started a new line in `blockText` (only paragraphs keep lines apart), and the open
    /// block's links with the line each is on; kept beside `blockText` and emptied with it.
    var blockLineBreaks: [Int] = []
    var blockLinks: [(line: Int, link: Link)] = []
    /// Blocks interrupted by a nested list or table, with the element that interrupted them.
    var suspended: [(by: Int, builder: BlockBuilder)] = []
    var lists: [(owner: Int, ordered: Bool)] = []
    /// Class and id tokens of the open elements that have some, outermost first.
    var classStack: [HTMLClassEntry] = []
    /// `HTMLClassTokens.collect` of `classStack` up to and including each of its entries, once asked for (kept beside
    /// it: the blocks inside one element ask for the same tokens, and an entry's answer holds until it is popped).
    var collectedClasses: [[String]?] = []
    var openLinks: [OpenLink] = []
    /// The text given to the open links, in one buffer (emptied when the last one closes): every open link gets
    /// each piece of text, and links close innermost first, so a link's text is the buffer from its `textStart` on.
    var linkText = ByteBuffer()
    /// The element of the table cell being collected, if any.
    var cellOwner: Int?
    /// The text of that cell so far (empty while no cell is open).
    var cellText = ByteBuffer()
    var classTokenCache = HTMLClassTokenCache()

    init(baseURL: String?) { givenBase = baseURL }

    /// Emits the block still open at the end of the document.
    mutating func finish() {
        if let open = builder.take() { emit(open) }
    }

    /// Handles the start of an element whose parent (tagged `parentTag`, `.other` for the root) the walker
    /// sees; returns what happens to its content.
    mutating func enter(_ element: OpenElement, _ attributes: HTMLAttributes, parentTag: HTMLNameTag) -> ContentMode {
        let node = element.id
        let role = element.role
        switch role {
        case .skip: return .hidden
        case .head: return .head
        case .title: return .title
        case .meta, .base: readHeadElement(role, attributes); return .hidden
        default: break
        }
        if let value = attributes.role, HTMLByteRules.lowercased(value.bytes, equals: "navigation") { return .hidden }
        let classTokens = pushClasses(element, attributes)
        if !role.isBlockLevel, builder != nil {
            // Inline classes mark the whole block (old scribe.perl: <strong class='resolution'>).
            for token in classTokens where builder?.classes.contains(token) == false { builder?.classes.append(token) }
        }
        switch role {
        case .lineBreak: lineBreak()
        case .link:
            if let href = attributes.href { openLinks.append(OpenLink(owner: node, href: resolve(href), textStart: linkText.count)) }
        case .image:
            if !openLinks.isEmpty, let alt = attributes.alt { openLinks[openLinks.count - 1].alt += alt.string }
        case .input:
            if builder?.kind == .listItem, let type = attributes.type, HTMLByteRules.lowercased(type.bytes, equals: "checkbox") {
                builder?.checked = attributes.checked
            }
        case .container: _ = startBlockLevel(node, splits: false)
        case .list(let ordered):
            _ = startBlockLevel(node, splits: true)
            lists.append((node, ordered))
        case .definitionList, .table: _ = startBlockLevel(node, splits: true)
        case .cell:
            if builder?.kind == .tableRow {
                if cellOwner == nil { cellOwner = node }
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
            if kind == .tableRow, parentTag == .thead {
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
        if openLinks.last?.owner == node, let link = openLinks.popLast() {
            var text = HTMLByteRules.collapsedString(linkText.bytes(from: link.textStart, to: linkText.count))
            if openLinks.isEmpty { linkText.removeAll() }
            if text.isEmpty, builder == nil, !TextRules.collapseWhitespace(link.alt).isEmpty {
                // An image-only link (scribe2's nav icons): its alt text stands for the link text.
                text = TextRules.collapseWhitespace(link.alt)
                var bytes = text
                bytes.withUTF8 { append($0) }
            }
            if builder != nil {
                blockLinks.append((blockLineBreaks.count, Link(text: text.isEmpty ? TextRules.collapseWhitespace(link.alt) : text, href: link.href)))
            }
        }
        if cellOwner == node {
            cellOwner = nil
            builder?.cells.append(HTMLByteRules.collapsedString(cellText.bytes))
            cellText.removeAll()
            if element.tag == .th { builder?.headerCells += 1 }
        }
        if builder?.owner == node, let open = builder.take() {
            emit(open)
        } else if element.role.isBlockLevel, builder != nil {
            if builder?.owner == nil, let open = builder.take() { emit(open) } else { append(byte: 0x20) }
        }
        if suspended.last?.by == node, let last = suspended.popLast() {
            if let open = builder.take() { emit(open) }
            builder = last.builder
        }
        if lists.last?.owner == node { lists.removeLast() }
        if classStack.last?.owner == node {
            classStack.removeLast()
            collectedClasses.removeLast()
        }
    }

    /// Prepares for a block-level element: closes loose text, absorbs the element into an open
    /// block, or (when `splits`) emits the open block's text so far and suspends it.
    /// Returns whether no block is open afterwards, i.e. whether `node` may open its own.
    mutating func startBlockLevel(_ node: Int, splits: Bool) -> Bool {
        guard let kind = builder?.kind else { return true }
        if builder?.owner == nil, let open = builder.take() { emit(open); return true }
        let absorbs: Bool
        switch kind {
        case .heading, .tableRow, .preformatted: absorbs = true
        default: absorbs = !splits
        }
        if absorbs {
            if kind != .preformatted { append(byte: 0x20) }
            return false
        }
        guard var rest = builder.take() else { return true }
        emit(rest)
        rest.checked = nil
        suspended.append((node, rest))
        return true
    }

    /// Adds text (UTF-8 bytes) to the open block (opening a loose paragraph for non-blank text) and open links.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        if builder == nil {
            guard !HTMLByteRules.isBlank(text) else { return }
            builder = BlockBuilder(kind: .paragraph, classes: currentClasses())
        }
        if !openLinks.isEmpty { linkText.append(contentsOf: text) }
        if builder?.kind == .tableRow {
            if cellOwner != nil { cellText.append(contentsOf: text) }
        } else {
            blockText.append(contentsOf: text)
        }
    }

    /// `append` of the one byte `byte`.
    mutating func append(byte: UInt8) {
        withUnsafePointer(to: byte) { append(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    mutating func lineBreak() {
        switch builder?.kind {
        case .paragraph?:
            blockLineBreaks.append(blockText.count)
        case .preformatted?: append(byte: 0x0A)
        case nil: break
        default: append(byte: 0x20)
        }
    }

    /// The bytes of line `index` (0 up to and including `blockLineBreaks.count`) of the open block's text.
    func line(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let text = blockText.bytes
        let start = index == 0 ? 0 : blockLineBreaks[index - 1]
        let end = index < blockLineBreaks.count ? blockLineBreaks[index] : text.count
        return UnsafeBufferPointer(rebasing: text[start..<end])
    }

    /// Adds the blocks `open` (the block just taken from `builder`), `blockText`, `blockLineBreaks` and
    /// `blockLinks` make, and empties those three.
    mutating func emit(_ open: BlockBuilder) {
        defer {
            blockText.removeAll()
            if !blockLineBreaks.isEmpty { blockLineBreaks.removeAll(keepingCapacity: true) }
            if !blockLinks.isEmpty { blockLinks.removeAll(keepingCapacity: true) }
        }
        let links = blockLinks.isEmpty ? [] : blockLinks.map(\.link)
        switch open.kind {
        case .preformatted:
            // One line: only paragraphs keep `<br>` lines apart.
            let text = String(decoding: blockText.bytes, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let kept = lines.drop { $0.allSatisfy(\.isWhitespace) }.reversed().drop { $0.allSatisfy(\.isWhitespace) }.reversed()
            guard !kept.isEmpty else { return }
            document.blocks.append(Block(.preformatted, kept.joined(separator: "\n"), links: links, classes: open.classes))
        case .tableRow:
            guard open.cells.contains(where: { !$0.isEmpty }) else { return }
            let header = open.isHeaderRow || open.headerCells == open.cells.count
            document.blocks.append(Block(.tableRow, TableRowText.joined(open.cells), cells: open.cells,
                                         isHeader: header, links: links, classes: open.classes))
        case .paragraph:
            for index in 0...blockLineBreaks.count {
                let text = HTMLByteRules.collapsedString(line(index))
                guard !text.isEmpty else { continue }
                let lineLinks = blockLineBreaks.isEmpty ? links : blockLinks.filter { $0.line == index }.map(\.link)
                document.blocks.append(Block(.paragraph, text, links: lineLinks, classes: open.classes))
            }
        default:
            let text = HTMLByteRules.collapsedString(blockText.bytes)
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
            guard let key = (attributes.name ?? attributes.property)?.string, let value = attributes.content?.string else { return }
            let name = key.lowercased().trimmed()
            if !name.isEmpty, document.metadata[name] == nil { document.metadata[name] = TextRules.collapseWhitespace(value) }
        case .base:
            if documentBase == nil { documentBase = attributes.href?.string }
        default: break
        }
    }

    /// Records the element's class and id tokens for the blocks inside it; returns the class tokens.
    mutating func pushClasses(_ element: OpenElement, _ attributes: HTMLAttributes) -> [String] {
        let classes = attributes.classValue.map { classTokenCache.tokens($0.bytes) } ?? []
        // Navigation bars become blocks marked "nav": extractors decide which of their links matter.
        let addsNav = element.tag == .nav && !classes.contains("nav")
        let id = attributes.id.flatMap { HTMLByteRules.idToken($0.bytes) }
        if !classes.isEmpty || addsNav || id != nil {
            classStack.append(HTMLClassEntry(owner: element.id, classes: classes, addsNav: addsNav, id: id))
            collectedClasses.append(nil)
        }
        return classes
    }

    /// The class tokens of the blocks opening now: `HTMLClassTokens.collect` of `classStack`.
    mutating func currentClasses() -> [String] { classes(ofFirst: classStack.count) }

    /// `HTMLClassTokens.collect` of the first `count` entries of `classStack`, from what the entries below the last
    /// make where `HTMLClassTokens.merging` can, and kept in `collectedClasses`.
    mutating func classes(ofFirst count: Int) -> [String] {
        guard count > 0 else { return [] }
        if let known = collectedClasses[count - 1] { return known }
        var merged: [String]?
        if count > 1, count <= 32 { merged = HTMLClassTokens.merging(classStack[count - 1], over: classes(ofFirst: count - 1), stackCount: count) }
        let answer = merged ?? classStack.withUnsafeBufferPointer { HTMLClassTokens.collect(UnsafeBufferPointer(rebasing: $0[..<count])) }
        collectedClasses[count - 1] = answer
        return answer
    }

    /// `href` resolved against the given or `<base>` address; fragments and unparsable links stay as written.
    func resolve(_ href: HTMLAttributeValue) -> String {
        let trimmed = HTMLByteRules.trimmedLinkTarget(href.bytes) ?? href.string.trimmed(.blanksAndNewlines)
        guard !trimmed.hasPrefix("#"), let base = (givenBase ?? documentBase).flatMap({ URL(string: $0) }),
              let url = URL(string: trimmed, relativeTo: base) else { return trimmed }
        return url.absoluteString
    }
}
