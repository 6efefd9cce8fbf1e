import CCmarkCharacterTable
import CCmarkGFM
import Foundation

/// cmark-gfm's process-wide table of the characters that open an extension's inlines, and whether parses on
/// several threads may share it.
///
/// cmark-gfm adds the attached extensions' characters (autolink's `:` and `w`, strikethrough's `~`) to the table
/// before each inline pass and takes them out after it, so a parser on another thread could lose them in
/// mid-pass and miss an autolink or a strikethrough. (cmark-gfm pull request 176 makes the table per parser; it
/// is not released.) The C target `CCmarkCharacterTable` overrides the library's function so that they are never
/// taken out: every parser here attaches the same extensions, so the table then only holds what any inline pass
/// would add, and never changes under a parse. Whether the override is the function cmark-gfm calls depends on
/// the link (a dynamically linked cmark-gfm calls it; a static one would not): one parse under the lock tells,
/// and until it has, and for good if it says no, parses take the lock one at a time.
package enum MarkdownCharacterTable {
    /// Serialises parses when the table is not known to be kept whole.
    private static let lock = NSLock()

    /// Whether parses may run on several threads at once: the override kept the table whole in a probe parse.
    package static let isKeptWhole: Bool = lock.withLock {
        let before = minutes_cmark_kept_removals()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return false }
        defer { cmark_parser_free(parser) }
        for syntaxExtension in MarkdownReader.syntaxExtensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
        cmark_parser_feed(parser, "www.example.org", 15)
        guard let root = cmark_parser_finish(parser) else { return false }
        cmark_node_free(root)
        return minutes_cmark_kept_removals() > before
    }

    /// Runs `parse` (feeding a cmark-gfm parser and finishing it) alone in the process unless the table is kept
    /// whole; walking the finished tree needs neither.
    package static func parsing<Result>(_ parse: () -> Result) -> Result {
        isKeptWhole ? parse() : lock.withLock(parse)
    }
}
