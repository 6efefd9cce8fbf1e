import Foundation

/// Finds the meeting's title: the document's own title, else its first heading.
public enum TitleExtractor {
    /// The title, or nil when the document has neither a title nor a heading.
    public static func title(in document: BlockDocument) -> String? {
        if let title = document.title?.trimmed(), !title.isEmpty { return title }
        return document.blocks.first { $0.kind == .heading && !$0.text.isEmpty }?.text
    }
}
