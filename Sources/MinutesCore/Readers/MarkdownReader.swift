import CCmarkGFM
import Foundation

/// Reads Markdown (GitHub-flavoured: tables, task lists, autolinks) with cmark-gfm.
///
/// YAML (`---`) or TOML (`+++`) front matter becomes metadata, and a leading HTML comment
/// holding JSON (scribejs minutes) gives the title and date. Headings, paragraphs, list items
/// (with depth, numbering and task state), table rows and code blocks become blocks; inline
/// markup is folded to plain text. A paragraph of several `**Label:** value` lines is split
/// into one paragraph per line.
public struct MarkdownReader: UTF8DocumentReader {
    /// The syntax extensions attached to every parser: table, tasklist, autolink, strikethrough.
    /// Registered once (cmark-gfm's own registration is not safe to run on two threads at once).
    /// (`nonisolated(unsafe)`: cmark-gfm only reads the extension objects once they are registered.)
    nonisolated(unsafe) package static let syntaxExtensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return ["table", "tasklist", "autolink", "strikethrough"].compactMap { (name: String) in cmark_find_syntax_extension(name) }
    }()

    /// Longest text handed to cmark-gfm in one piece; longer texts go in sections
    /// (`MarkdownSections`), which bounds the memory of cmark-gfm's tree.
    public var sectionBytes: Int

    /// Creates a reader; `sectionBytes` bounds the text cmark-gfm holds as one tree.
    public init(sectionBytes: Int = 64 << 10) {
        self.sectionBytes = sectionBytes
    }

    /// Parses `text` as Markdown and returns its front-matter title, metadata and blocks.
    public func read(_ text: consuming String, baseURL: String?) -> BlockDocument {
        var document = BlockDocument()
        var body = MarkdownPreamble.strip(text, into: &document)
        var walker = MarkdownWalker(baseURL: baseURL, document: document)
        body.withUTF8 { read($0, into: &walker, whenRead: nil) }
        return walker.document
    }

    /// `read(_:baseURL:)` for text given as its UTF-8 bytes, as `TextDecoder.decodeUTF8` leaves them: cmark-gfm reads
    /// them where they lie, so no `String` of the whole document is made. The preamble is taken off on the bytes too
    /// (`MarkdownPreamble.strip(utf8:into:)`); only a text whose bytes cannot tell (it holds a CR, or non-ASCII where
    /// a preamble part could start or end) is read as a `String`. The preamble is looked for in the decoded bytes, so
    /// what decoding changes at the front (CR LF, NUL, byte-order mark) is seen here.
    public func read(utf8 bytes: consuming [UInt8], baseURL: String?) -> BlockDocument {
        var bytes = bytes
        var document = BlockDocument()
        guard let bodyStart = bytes.withUnsafeBufferPointer({ MarkdownPreamble.strip(utf8: $0, into: &document) }) else {
            let text = String(decoding: bytes, as: UTF8.self)
            bytes = []   // not held beside the text
            return read(text, baseURL: baseURL)
        }
        var walker = MarkdownWalker(baseURL: baseURL, document: document)
        // The bytes are this reader's alone (the mutable buffer is a copy if they were shared), and read once, front to
        // back: the pages of each section read are released while the blocks of the next ones are made.
        bytes.withUnsafeMutableBufferPointer { buffer in
            var pages = MarkdownReadPages(buffer)
            read(UnsafeBufferPointer(rebasing: buffer[bodyStart...]), into: &walker) { pages.release(before: bodyStart + $0) }
        }
        return walker.document
    }

    /// Parses the Markdown whose UTF-8 bytes are `text` (past any preamble) section by section into `walker`;
    /// `whenRead` is told, before each section after the first, the offset in `text` up to which it is read.
    private func read(_ text: UnsafeBufferPointer<UInt8>, into walker: inout MarkdownWalker, whenRead: ((Int) -> Void)?) {
        let extensions = Self.syntaxExtensions
        let (sections, definitions) = MarkdownSections.split(text, targetBytes: sectionBytes)
        for section in sections {
            if section.lowerBound > 0 { whenRead?(section.lowerBound) }
            guard Self.parse(UnsafeBufferPointer(rebasing: text[section]), definitions: definitions, extensions: extensions,
                             into: &walker) else { break }
        }
    }

    /// Parses one section, then the document's link reference `definitions`, with a parser of its
    /// own that has `extensions` attached, and walks its tree; false (with a warning) when cmark-gfm fails.
    /// cmark-gfm's memory comes from an arena (`MarkdownArena`) released when the section is walked,
    /// unless the section is one of the rare long ones that could not be cut (the arena keeps what
    /// cmark-gfm frees, about twenty times the text), which take the system's allocator.
    private static func parse(_ section: UnsafeBufferPointer<UInt8>, definitions: String, extensions: [OpaquePointer],
                              into walker: inout MarkdownWalker) -> Bool {
        guard section.count + definitions.utf8.count <= MarkdownArena.longestText else {
            return parse(section, definitions: definitions, extensions: extensions, memory: nil, into: &walker)
        }
        return MarkdownArena.withArena {
            parse(section, definitions: definitions, extensions: extensions, memory: MarkdownArena.allocator, into: &walker)
        }
    }

    /// `parse(_:definitions:extensions:into:)` with cmark-gfm's memory from `memory` (the arena's
    /// allocator, which owns the tree), or from the system (nil; the tree is freed).
    private static func parse(_ section: UnsafeBufferPointer<UInt8>, definitions: String, extensions: [OpaquePointer],
                              memory: UnsafeMutablePointer<cmark_mem>?, into walker: inout MarkdownWalker) -> Bool {
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES, memory ?? cmark_get_default_mem_allocator()) else {
            walker.document.warnings.append("cmark-gfm could not create a parser")
            return false
        }
        defer { cmark_parser_free(parser) }
        for syntaxExtension in extensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
        func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        let finished = MarkdownCharacterTable.parsing {
            feed(section)
            // Feeding nothing changes nothing that `cmark_parser_finish` reads.
            if !definitions.isEmpty {
                var definitions = definitions
                definitions.withUTF8(feed)
            }
            return cmark_parser_finish(parser)
        }
        guard let root = finished else {
            walker.document.warnings.append("cmark-gfm could not parse the Markdown")
            return false
        }
        // In an arena the tree is released with it: `cmark_node_free` would only walk it.
        defer { if memory == nil { cmark_node_free(root) } }
        walker.walk(root)
        return true
    }
}

/// Front matter, a leading JSON comment and a Pandoc `%` title line, taken off the text before cmark sees it.
enum MarkdownPreamble {
    /// Whether `strip` may take anything off the text whose UTF-8 bytes are `bytes`; false is a sure no (then `strip`
    /// returns the text as it is). Each part `strip` reads opens with bytes the text must open with: a CR anywhere (CR LF
    /// line ends), a byte-order mark, a "---" or "+++" fence line, "<!--" after white space, "% " after line ends and
    /// spaces. Up to the first byte that is not ASCII white space (or a line end or space), each byte is a character of
    /// its own when that byte is ASCII; when it is not, the answer is true.
    static func mayOpenWithPreamble(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func opens(_ prefix: String, at start: Int) -> Bool {
            bytes[start...].starts(with: prefix.utf8)
        }
        if UTF8Search.offset(of: 0x0D, in: bytes) != nil || opens("\u{FEFF}", at: 0) || opens("---\n", at: 0) || opens("+++\n", at: 0) {
            return true
        }
        var afterSpace = 0
        while afterSpace < bytes.count, UTF8Search.isASCIIWhitespace(bytes[afterSpace]) { afterSpace += 1 }
        if afterSpace < bytes.count, bytes[afterSpace] >= 0x80 || opens("<!--", at: afterSpace) { return true }
        var body = 0
        while body < bytes.count, bytes[body] == 0x0A || bytes[body] == 0x20 { body += 1 }
        return body < bytes.count && (bytes[body] >= 0x80 || opens("% ", at: body))
    }

    /// Returns `text` without its front matter or leading JSON comment, recording what they say.
    static func strip(_ text: String, into document: inout BlockDocument) -> Substring {
        // A CR LF needs a CR byte; decoded text has none, so the whole text is rarely searched.
        let hasCRLF = text.holdsByte(0x0D) && text.contains("\r\n")
        var rest = Substring(hasCRLF ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        for fence in ["---", "+++"] where rest.hasPrefix(fence + "\n") {
            // Lines are taken one at a time up to the closing fence (never the whole document).
            guard let opening = rest.firstIndex(of: "\n") else { continue }
            var lineStart: Substring.Index? = rest.index(after: opening)
            var fields: [Substring] = []
            while let start = lineStart {
                let end = rest[start...].firstIndex(of: "\n")
                let line = rest[start..<(end ?? rest.endIndex)]
                lineStart = end.map { rest.index(after: $0) }
                let trimmed = line.trimmed(.blanksAndNewlines)
                if trimmed == fence || (fence == "---" && trimmed == "...") {
                    readFields(fields, separator: fence == "---" ? ":" : "=", into: &document)
                    rest = lineStart.map { rest[$0...] } ?? rest[rest.endIndex...]
                    break
                }
                fields.append(line)
            }
        }
        let leading = rest.prefix { $0.isWhitespace }
        let afterSpace = rest.dropFirst(leading.count)
        // The closing "-->" is looked for past the opening "<!--" (in "<!-->" it would overlap it).
        if afterSpace.hasPrefix("<!--"), case let opened = afterSpace.dropFirst(4), let end = opened.rangeOfASCII("-->") {
            let inner = opened[..<end.lowerBound]
                .drop { $0 == "-" || $0.isWhitespace }
            if inner.first == "{" || inner.first == "[", readJSON(String(inner), into: &document) {
                rest = afterSpace[end.upperBound...]
            }
        }
        // A Pandoc title line ("% Group Telco — 2020-10-21") first.
        let body = rest.drop { $0 == "\n" || $0 == " " }
        if body.hasPrefix("% ") {
            let line = body.prefix { $0 != "\n" }
            let title = line.dropFirst(2).trimmed()
            if !title.isEmpty, document.title == nil { document.title = title }
            rest = body.dropFirst(line.count)
        }
        return rest
    }

    /// Reads top-level `key: value` (YAML) or `key = value` (TOML) lines.
    static func readFields(_ lines: [Substring], separator: Character, into document: inout BlockDocument) {
        for line in lines {
            guard let first = line.first, !first.isWhitespace, first != "#", first != "-", first != "[",
                  let split = line.firstIndex(of: separator) else { continue }
            let key = line[..<split].trimmed().lowercased()
            var value = line[line.index(after: split)...].trimmed(.blanksAndNewlines)
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            }
            guard !key.isEmpty, !key.contains(" "), !value.isEmpty else { continue }
            document.metadata[key] = value
            if key == "title", document.title == nil { document.title = value }
        }
    }

    /// Reads a JSON(-LD) object: `name`/`headline` give the title, `dateCreated`/`date`/`startDate` the date.
    static func readJSON(_ json: String, into document: inout BlockDocument) -> Bool {
        guard let data = json.data(using: .utf8),
              let parsed = try? JSONSerialization.jsonObject(with: data) else { return false }
        guard let object = (parsed as? [String: Any]) ?? (parsed as? [Any])?.first as? [String: Any] else { return true }
        if document.title == nil, let title = (object["name"] ?? object["headline"]) as? String, !title.isEmpty {
            document.title = title
        }
        let event = object["recordedAt"] as? [String: Any]
        let date = [object["dateCreated"], object["date"], object["startDate"], event?["startDate"]]
            .lazy.compactMap { $0 as? String }.first
        if let date, document.metadata["date"] == nil { document.metadata["date"] = date }
        if let url = object["url"] as? String, document.metadata["url"] == nil { document.metadata["url"] = url }
        return true
    }
}

/// The cmark-gfm node types the walker tells apart. Core nodes are told by `cmark_node_get_type`;
/// nodes of a syntax extension (tables, task-list items, strikethrough) by their type name,
/// which only the extension knows (`cmark_node_get_type_string` asks it first, as here).
enum MarkdownNodeType: Equatable {
    case text, code, softBreak, lineBreak, htmlInline, strong, link, image
    case paragraph, heading, item, taskItem, list, table, tableRow, tableCell
    case codeBlock, htmlBlock, blockQuote, footnoteDefinition, other

    /// The type of `node`.
    init(_ node: OpaquePointer) {
        if cmark_node_get_syntax_extension(node) != nil {
            self = cmark_node_get_type_string(node).map(Self.init(typeName:)) ?? .other
            return
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: self = .text
        case CMARK_NODE_CODE: self = .code
        case CMARK_NODE_SOFTBREAK: self = .softBreak
        case CMARK_NODE_LINEBREAK: self = .lineBreak
        case CMARK_NODE_HTML_INLINE: self = .htmlInline
        case CMARK_NODE_STRONG: self = .strong
        case CMARK_NODE_LINK: self = .link
        case CMARK_NODE_IMAGE: self = .image
        case CMARK_NODE_PARAGRAPH: self = .paragraph
        case CMARK_NODE_HEADING: self = .heading
        case CMARK_NODE_ITEM: self = .item
        case CMARK_NODE_LIST: self = .list
        case CMARK_NODE_CODE_BLOCK: self = .codeBlock
        case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
        case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
        case CMARK_NODE_FOOTNOTE_DEFINITION: self = .footnoteDefinition
        default: self = .other
        }
    }

    /// The type of `node` as far as its end matters to the walker: `.image` and the types that
    /// `separatesText` as `init(_:)` tells them, `.other` for all others (`MarkdownWalker.leave` looks
    /// at nothing else). Only nodes of cmark-gfm's core types image, paragraph, block quote and footnote
    /// definition can be one of those: the extensions name their nodes otherwise (`table…`, `tasklist`,
    /// `strikethrough`), so every other node is `.other` without asking its extension.
    init(endOf node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_IMAGE, CMARK_NODE_PARAGRAPH, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_FOOTNOTE_DEFINITION: self.init(node)
        default: self = .other
        }
    }

    /// The type cmark-gfm names `name` (`.other` for a name not in `byName`), matched on its bytes.
    init(typeName name: UnsafePointer<CChar>) {
        let length = strlen(name)
        for (known, type) in Self.byName where known.utf8CodeUnitCount == length && memcmp(known.utf8Start, name, length) == 0 {
            self = type
            return
        }
        self = .other
    }

    /// Types by cmark-gfm's type name, for nodes whose extension names them; the extensions' own first.
    static let byName: [(name: StaticString, type: MarkdownNodeType)] = [
        ("table_cell", .tableCell), ("table_row", .tableRow), ("tasklist", .taskItem), ("table_header", .tableRow),
        ("table", .table), ("text", .text), ("code", .code), ("softbreak", .softBreak), ("linebreak", .lineBreak),
        ("html_inline", .htmlInline), ("strong", .strong), ("link", .link), ("image", .image), ("paragraph", .paragraph),
        ("heading", .heading), ("item", .item), ("list", .list), ("code_block", .codeBlock), ("html_block", .htmlBlock),
        ("block_quote", .blockQuote), ("footnote_definition", .footnoteDefinition),
    ]

    /// Whether the end of such a node inside an open block separates its text from what follows.
    var separatesText: Bool {
        switch self {
        case .paragraph, .blockQuote, .footnoteDefinition: return true
        default: return false
        }
    }
}

/// A block being collected while walking the cmark tree. Its text is the walker's `text`.
private struct MarkdownBuilder {
    var kind: Block.Kind
    var owner: OpaquePointer
    var level = 0
    var ordered = false
    var checked: Bool?
    var isHeader = false
    var links: [(line: Int, link: Link)] = []
    var cells: [String] = []
}

/// One source line of the open block's text.
private struct MarkdownLine {
    /// Where the line starts in the walker's `text`; a line feed ends the line before.
    var start: Int
    /// Whether the line opened with strong text (`**Label:**`); kept for paragraphs only.
    var startsStrong = false
}

/// The state of one walk over a cmark-gfm tree.
///
/// Text is collected as UTF-8 bytes, straight from cmark-gfm's literals, in buffers that are
/// reused from block to block; a `String` is made once per emitted text.
private struct MarkdownWalker {
    let baseURL: URL?
    var document: BlockDocument
    var builder: MarkdownBuilder?
    /// The open block's text (for a table row, the open cell's), its lines (`lines`) separated by a line feed.
    var text = ByteBuffer()
    /// The open block's lines, at least one.
    var lines = [MarkdownLine(start: 0)]
    /// Blocks suspended by a nested block that splits them; their text was emitted before.
    var suspended: [(by: OpaquePointer, builder: MarkdownBuilder)] = []
    var lists: [(owner: OpaquePointer, ordered: Bool)] = []
    /// Open links, innermost last, with where their text starts in `linkText`.
    var openLinks: [(owner: OpaquePointer, href: String, start: Int)] = []
    /// The text appended since the outermost open link opened (each link's text is a suffix of it).
    var linkText = ByteBuffer()
    /// The open table cell.
    var cell: OpaquePointer?
    /// The index of the open block's line that is known to hold more than white space.
    var nonBlankLine: Int?
    var imageDepth = 0

    init(baseURL: String?, document: BlockDocument) {
        self.baseURL = baseURL.flatMap { URL(string: $0) }
        self.document = document
    }

    /// Walks with cmark's own iterator, which keeps no call stack.
    mutating func walk(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                enter(node, type: MarkdownNodeType(node))
            } else if event == CMARK_EVENT_EXIT {
                leave(node, type: MarkdownNodeType(endOf: node))
            }
        }
        if let open = builder.take() { emit(open) }
    }

    mutating func enter(_ node: OpaquePointer, type: MarkdownNodeType) {
        switch type {
        case .text, .code:
            if let literal = cmark_node_get_literal(node) {
                append(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
            }
        case .softBreak, .lineBreak: lineBreak()
        case .htmlInline: if let html = cmark_node_get_literal(node), MarkdownText.opensLineBreakTag(html) { lineBreak() }
        case .strong:
            // Only a paragraph splits at labels, so only a paragraph's lines keep `startsStrong`.
            if builder?.kind == .paragraph, lastLineIsBlank() { lines[lines.count - 1].startsStrong = true }
        case .link:
            if openLinks.isEmpty { linkText.removeAll() }
            openLinks.append((node, resolve(literalURL(node)), linkText.count))
        case .image: imageDepth += 1
        case .paragraph:
            if startBlock(node, splits: false) { open(MarkdownBuilder(kind: .paragraph, owner: node)) }
        case .heading:
            if startBlock(node, splits: true) {
                open(MarkdownBuilder(kind: .heading, owner: node, level: Int(cmark_node_get_heading_level(node))))
            }
        case .item, .taskItem:
            guard startBlock(node, splits: true) else { return }
            var item = MarkdownBuilder(kind: .listItem, owner: node, level: max(lists.count - 1, 0),
                                       ordered: lists.last?.ordered ?? false)
            if type == .taskItem { item.checked = cmark_gfm_extensions_get_tasklist_item_checked(node) }
            open(item)
        case .list:
            _ = startBlock(node, splits: true)
            lists.append((node, cmark_node_get_list_type(node) == CMARK_ORDERED_LIST))
        case .table: _ = startBlock(node, splits: true)
        case .tableRow:
            if startBlock(node, splits: true) {
                open(MarkdownBuilder(kind: .tableRow, owner: node,
                                     isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0))
            }
        case .tableCell:
            if builder?.kind == .tableRow {
                cell = node
                text.removeAll()
            }
        case .codeBlock:
            var code = literal(node)
            while code.hasSuffix("\n") { code.removeLast() }
            flushOpenBlock()
            if !TextRules.isBlank(code) { document.blocks.append(Block(.preformatted, code)) }
        case .htmlBlock:
            let text = Self.stripTags(literal(node))
            if builder != nil {
                var padded = " " + text + " "
                padded.withUTF8 { append($0) }
            } else if !text.isEmpty {
                document.blocks.append(Block(.paragraph, text))
            }
        case .blockQuote, .footnoteDefinition: _ = startBlock(node, splits: false)
        case .other: break
        }
    }

    /// The end of `node`, whose `type` is told by `MarkdownNodeType(endOf:)`.
    mutating func leave(_ node: OpaquePointer, type: MarkdownNodeType) {
        if openLinks.last?.owner == node {
            let link = openLinks.removeLast()
            if builder != nil {
                let text = MarkdownText.collapsed(linkText.bytes[link.start...])
                builder?.links.append((lines.count - 1, Link(text: text, href: link.href)))
            }
        }
        if type == .image { imageDepth = max(imageDepth - 1, 0) }
        if cell == node {
            builder?.cells.append(MarkdownText.collapsed(text.bytes[...]))
            cell = nil
        }
        if builder?.owner == node, let open = builder.take() {
            emit(open)
        } else if type.separatesText, builder != nil {
            appendSpace()
        }
        if suspended.last?.by == node {
            let resumed = suspended.removeLast().builder
            if let open = builder.take() { emit(open) }
            open(resumed)
        }
        if let last = lists.last, last.owner == node { lists.removeLast() }
    }

    /// Absorbs a block into the open one, or (when `splits`) emits the open one's text so far and
    /// suspends it until `node` ends. Returns whether `node` may open its own block.
    mutating func startBlock(_ node: OpaquePointer, splits: Bool) -> Bool {
        guard let kind = builder?.kind else { return true }
        if kind == .heading || kind == .tableRow || !splits {
            appendSpace()
            return false
        }
        flushOpenBlock()
        if let rest = builder.take() { suspended.append((node, rest)) }
        return true
    }

    /// Makes `block` the open block, with no text yet.
    mutating func open(_ block: MarkdownBuilder) {
        builder = block
        nonBlankLine = nil
        text.removeAll()
        if lines.count > 1 || lines[0].startsStrong {
            lines.removeAll(keepingCapacity: true)
            lines.append(MarkdownLine(start: 0))
        }
    }

    /// Emits the open block's text so far and keeps it open, empty, for text that follows.
    mutating func flushOpenBlock() {
        guard var open = builder.take() else { return }
        emit(open)
        open.links = []
        open.checked = nil
        self.open(open)
    }

    /// Appends `bytes` to the open links' text and to the open block's (or table cell's).
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !openLinks.isEmpty { linkText.append(contentsOf: bytes) }
        guard imageDepth == 0, let kind = builder?.kind else { return }
        if kind != .tableRow || cell != nil { text.append(contentsOf: bytes) }
    }

    /// Appends a space, which separates the texts of nested blocks.
    mutating func appendSpace() {
        var space = UInt8(ascii: " ")
        withUnsafePointer(to: &space) { append(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    mutating func lineBreak() {
        if builder?.kind == .paragraph {
            text.append(0x0A)
            lines.append(MarkdownLine(start: text.count))
        } else {
            appendSpace()
        }
    }

    /// Whether the open block's last line holds nothing but white space (`TextRules.isBlank`).
    /// A line that holds something besides white space stays so as text is appended, so the answer
    /// for it is kept (`nonBlankLine`): a paragraph of one huge line is not scanned again at each `**`.
    mutating func lastLineIsBlank() -> Bool {
        let last = lines.count - 1
        if nonBlankLine == last { return false }
        let blank = MarkdownText.isBlank(text.bytes[lines[last].start...])
        if !blank { nonBlankLine = last }
        return blank
    }

    /// The bytes of line `index` of the open block in its `text`, without the line feed that ends it.
    func lineRange(_ index: Int) -> Range<Int> {
        lines[index].start..<(index + 1 < lines.count ? lines[index + 1].start - 1 : text.count)
    }

    mutating func emit(_ open: MarkdownBuilder) {
        let links = open.links.map(\.link)
        switch open.kind {
        case .tableRow:
            guard open.cells.contains(where: { !$0.isEmpty }) else { return }
            document.blocks.append(Block(.tableRow, TableRowText.joined(open.cells), cells: open.cells,
                                         isHeader: open.isHeader, links: links))
        case .paragraph:
            emitParagraph(open, links: links)
        default:
            // Only a paragraph has more than one line.
            let text = MarkdownText.collapsed(text.bytes[...])
            guard !text.isEmpty || open.checked != nil else { return }
            document.blocks.append(Block(open.kind, text, level: open.level, checked: open.checked,
                                         ordered: open.ordered, links: links))
        }
    }

    /// Emits a paragraph: one block, or one per line when two or more lines open with a strong
    /// `Label:`. Each line's text is white space collapsed, and the paragraph's is its lines' joined
    /// with a space, collapsed again (on the bytes at once when no line holds white space beyond ASCII).
    mutating func emitParagraph(_ open: MarkdownBuilder, links: [Link]) {
        let (lineTexts, joined, classes) = { (all: UnsafeBufferPointer<UInt8>) -> ([String]?, String, [String]) in
            func line(_ index: Int) -> String { MarkdownText.collapsed(all[lineRange(index)]) }
            var kept = lines.count
            // A kramdown attribute list on the paragraph's last line ("{: #resolution4 .resolution}")
            // is markup, not text; its classes become the block's style hints.
            var classes: [String] = []
            if kept > 1, MarkdownText.holdsPair(UInt8(ascii: "{"), UInt8(ascii: ":"), in: all[lineRange(kept - 1)]) {
                let last = line(kept - 1)
                if last.hasPrefix("{:"), last.hasSuffix("}") {
                    classes = last.dropFirst(2).dropLast().split(separator: " ").filter { $0.hasPrefix(".") }.map { $0.dropFirst().lowercased() }
                    kept -= 1
                }
            }
            var labelled = 0
            for index in 0..<kept where lines[index].startsStrong {
                let opens = MarkdownText.labelColonOpens(collapsing: all[lineRange(index)]) ?? MarkdownText.labelColonOpens(line(index))
                if opens { labelled += 1 }
            }
            if labelled >= 2 { return ((0..<kept).map(line), "", classes) }
            let body = all[0..<lineRange(kept - 1).upperBound]
            if let text = MarkdownText.collapsedOnBytes(body) { return (nil, text, classes) }
            return (nil, TextRules.collapseWhitespace((0..<kept).map(line).joined(separator: " ")), classes)
        }(text.bytes)
        if let lineTexts {
            for (index, line) in lineTexts.enumerated() where !line.isEmpty {
                let lineLinks = open.links.filter { $0.line == index }.map(\.link)
                document.blocks.append(Block(.paragraph, line, links: lineLinks, classes: classes))
            }
            return
        }
        // Skip empty paragraphs and kramdown attribute lists such as "{: .draft_notice}".
        guard !joined.isEmpty, !(joined.utf8.first == UInt8(ascii: "{") && joined.hasPrefix("{:") && joined.hasSuffix("}")) else { return }
        document.blocks.append(Block(.paragraph, joined, links: links, classes: classes))
    }

    func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    func literalURL(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// `href` resolved against the document's address when known; fragments stay as written.
    func resolve(_ href: String) -> String {
        guard let baseURL, !href.hasPrefix("#"), let url = URL(string: href, relativeTo: baseURL) else { return href }
        return url.absoluteString
    }

    /// Crude text of an HTML block: comments and tags removed, common entities decoded.
    static func stripTags(_ html: String) -> String {
        var text = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            let tail = rest[open...]
            let close = tail.hasPrefix("<!--") ? tail.range(of: "-->")?.upperBound : tail.firstIndex(of: ">").map { tail.index(after: $0) }
            guard let close else { rest = ""; break }
            text += " "
            rest = tail[close...]
        }
        text += rest
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return TextRules.collapseWhitespace(text)
    }
}
