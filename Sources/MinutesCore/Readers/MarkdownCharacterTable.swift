import CCmarkGFM
import Foundation
import Synchronization

/// cmark-gfm's process-wide table of the characters that open an extension's inlines, and whether parses on
/// several threads may share it.
///
/// cmark-gfm adds the attached extensions' characters (autolink's `:` and `w`, strikethrough's `~`) to the table
/// before each inline pass and takes them out after it (`cmark_manage_extensions_special_characters`, called by
/// `cmark_parser_finish`; newer releases also around each table row parsed while text is fed), so a parser on
/// another thread could lose them in mid-pass and miss an autolink or a strikethrough. (cmark-gfm pull request 176
/// makes the table per parser; it is not released.)
///
/// `keepCharacters` below defines that function in the executable, and the dynamic linker binds cmark-gfm's own
/// calls to it: adding goes to the library's function (found with `dlsym(RTLD_NEXT)`), taking out is skipped.
/// Every parser here attaches the same extensions (`MarkdownReader.syntaxExtensions`), so the table only ever holds
/// what any inline pass here would add, only inline passes read it, and it never changes under a parse. Whether the
/// override is the function cmark-gfm calls depends on the link (a dynamically linked cmark-gfm calls it; a static
/// one would not): one parse under the lock tells, and until it has, and for good if it says no, parses take the
/// lock one at a time.
package enum MarkdownCharacterTable {
    /// Serialises parses when the table is not known to be kept whole.
    private static let lock = NSLock()

    /// How many removals `keepCharacters` skipped.
    fileprivate static let keptRemovals = Atomic<Int>(0)

    /// cmark-gfm's own `cmark_manage_extensions_special_characters`: the next definition after this executable's.
    fileprivate static let libraryManage: (@convention(c) (OpaquePointer?, Int32) -> Void)? = {
        // RTLD_NEXT is glibc's ((void *) -1), a macro Swift does not import.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "cmark_manage_extensions_special_characters") else {
            return nil
        }
        return unsafeBitCast(symbol, to: (@convention(c) (OpaquePointer?, Int32) -> Void).self)
    }()

    /// Whether parses may run on several threads at once: the override kept the table whole in a probe parse.
    package static let isKeptWhole: Bool = lock.withLock {
        let before = keptRemovals.load(ordering: .relaxed)
        guard libraryManage != nil, let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return false }
        defer { cmark_parser_free(parser) }
        for syntaxExtension in MarkdownReader.syntaxExtensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
        cmark_parser_feed(parser, "www.example.org", 15)
        guard let root = cmark_parser_finish(parser) else { return false }
        cmark_node_free(root)
        return keptRemovals.load(ordering: .relaxed) > before
    }

    /// Runs `parse` (feeding a cmark-gfm parser and finishing it) alone in the process unless the table is kept
    /// whole; walking the finished tree needs neither.
    package static func parsing<Result>(_ parse: () -> Result) -> Result {
        isKeptWhole ? parse() : lock.withLock(parse)
    }
}

/// cmark-gfm's `cmark_manage_extensions_special_characters(parser, add)`, defined again in the executable (see
/// `MarkdownCharacterTable`): adds the parser's extension characters through the library's own function and never
/// takes them out. Only cmark-gfm calls it.
@_cdecl("cmark_manage_extensions_special_characters")
public func keepCharacters(_ parser: OpaquePointer?, _ add: Int32) {
    guard add != 0 else {
        MarkdownCharacterTable.keptRemovals.add(1, ordering: .relaxed)
        return
    }
    guard let libraryManage = MarkdownCharacterTable.libraryManage else {
        // Only a dynamically linked cmark-gfm calls this definition, and then its own is next in line; without it no
        // inline pass could see the extensions' characters.
        fatalError("cmark-gfm's cmark_manage_extensions_special_characters was not found (dlsym)")
    }
    libraryManage(parser, add)
}
