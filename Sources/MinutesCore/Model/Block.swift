/// The format-neutral shape every reader produces: a flat sequence of blocks.
///
/// Extractors only ever see `BlockDocument`s, so they never care whether the
/// source was HTML, Markdown or plain text.
public struct BlockDocument: Equatable, Sendable {
    /// The document's own title (`<title>`, front matter `title:`), if any.
    public var title: String?
    /// Key/value metadata (front matter, `<meta>`), keys lower-cased.
    public var metadata: [String: String]
    /// The blocks in reading order.
    public var blocks: [Block]
    /// Problems the reader noticed.
    public var warnings: [String]

    /// Creates a block document.
    public init(title: String? = nil, metadata: [String: String] = [:], blocks: [Block] = [], warnings: [String] = []) {
        self.title = title
        self.metadata = metadata
        self.blocks = blocks
        self.warnings = warnings
    }
}

/// A hyperlink inside a block.
public struct Link: Equatable, Sendable, Hashable {
    /// The visible text.
    public var text: String
    /// The target, resolved against the document's address where possible.
    public var href: String

    /// Creates a link.
    public init(text: String, href: String) {
        self.text = text
        self.href = href
    }
}

/// One unit of a document: a heading, paragraph, list item, table row, definition or code block.
public struct Block: Equatable, Sendable {
    /// What sort of block this is.
    public enum Kind: String, Sendable {
        /// A heading; `level` is 1–6.
        case heading
        /// A paragraph of running text.
        case paragraph
        /// One item of a bulleted or numbered list; `level` is the nesting depth from 0.
        case listItem
        /// One row of a table; `cells` holds the cell texts.
        case tableRow
        /// A term of a definition list (`<dt>`); the following `.definition` blocks describe it.
        case term
        /// A description in a definition list (`<dd>`).
        case definition
        /// Preformatted or code text, kept verbatim.
        case preformatted
    }

    // A long text document holds one block per paragraph, so a block is kept to 32 bytes: the
    // text, one reference to the rarely used parts (cells, links, classes; nil when all are
    // empty), the level in 32 bits and the flags in a byte each.

    /// Its text, white space folded (verbatim for `.preformatted`).
    public var text: String
    /// Cells, links and classes, when any is non-empty.
    private var extras: Extras?
    /// `level`, stored in 32 bits.
    private var storedLevel: Int32
    /// The block's kind.
    public var kind: Kind
    /// Whether this table row is a header row.
    public var isHeader: Bool
    /// For task-list items: `true` for `[x]`, `false` for `[ ]`, `nil` otherwise.
    public var checked: Bool?
    /// Whether the list item belongs to a numbered list.
    public var ordered: Bool

    /// Heading level (1–6) or list nesting depth (0 = top level).
    public var level: Int {
        get { Int(storedLevel) }
        set { storedLevel = Int32(clamping: newValue) }
    }
    /// Table cells, for `.tableRow`.
    public var cells: [String] {
        get { extras?.cells ?? [] }
        set { extras = Extras.boxing(cells: newValue, links: links, classes: classes) }
    }
    /// Links inside the block.
    public var links: [Link] {
        get { extras?.links ?? [] }
        set { extras = Extras.boxing(cells: cells, links: newValue, classes: classes) }
    }
    /// Style hints from the source (HTML `class` values such as `resolution` or `action`), lower-cased.
    public var classes: [String] {
        get { extras?.classes ?? [] }
        set { extras = Extras.boxing(cells: cells, links: links, classes: newValue) }
    }

    /// The parts of a block that most blocks lack, kept out of line. Immutable: a block that
    /// changes one of them gets a new box, so blocks stay values.
    private final class Extras: Equatable, Sendable {
        let cells: [String]
        let links: [Link]
        let classes: [String]

        /// A box for the three lists; nil when all are empty. (The check comes before the box is made: a failable
        /// class initialiser allocates the object before its first statement runs.)
        static func boxing(cells: [String], links: [Link], classes: [String]) -> Extras? {
            guard !cells.isEmpty || !links.isEmpty || !classes.isEmpty else { return nil }
            return Extras(cells: cells, links: links, classes: classes)
        }

        /// A box for the three lists (use `boxing`, which makes none for three empty lists).
        private init(cells: [String], links: [Link], classes: [String]) {
            self.cells = cells
            self.links = links
            self.classes = classes
        }

        static func == (a: Extras, b: Extras) -> Bool {
            a === b || (a.cells == b.cells && a.links == b.links && a.classes == b.classes)
        }
    }

    /// Creates a block.
    public init(_ kind: Kind, _ text: String, level: Int = 0, cells: [String] = [], isHeader: Bool = false,
                checked: Bool? = nil, ordered: Bool = false, links: [Link] = [], classes: [String] = []) {
        self.kind = kind
        self.text = text
        self.storedLevel = Int32(clamping: level)
        self.extras = Extras.boxing(cells: cells, links: links, classes: classes)
        self.isHeader = isHeader
        self.checked = checked
        self.ordered = ordered
    }
}
