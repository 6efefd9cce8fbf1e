#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory of text already read back to the system while the rest is read.
///
/// cmark-gfm reads a long document section by section (`MarkdownSections`), and keeps no pointer into a section once
/// it is parsed: the walker copies what the blocks need out of cmark-gfm's tree. So the whole pages of the document's
/// bytes that lie before the next section are dead while the blocks of the rest are made, and a document's parse need
/// not hold all its bytes beside all its blocks. Those pages are released (`madvise(MADV_DONTNEED)`: they stay mapped
/// and read as zeros), so the document's bytes must be owned by the reader alone and never read again.
/// Elsewhere than Linux nothing is released.
struct MarkdownReadPages {
    /// The bytes whose pages are released as they are read.
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// The fewest bytes released at once: each release is a system call that changes the mappings of every thread of
    /// the process (tens of microseconds), so a document shorter than this releases nothing, and a long one releases
    /// a run of pages every four sections or so and keeps less than this unreleased.
    static let minimumBytes = 256 << 10
    /// The address up to which the pages are released (a page boundary); nil before the first release.
    private var releasedEnd: Int?

    /// Releases, as they are read, the pages of `bytes`: a buffer owned by the caller alone, not read after the parse.
    init(_ bytes: UnsafeMutableBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Releases the whole pages of the bytes before `offset`, which are read and will not be read again.
    mutating func release(before offset: Int) {
        #if canImport(Glibc)
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let base = bytes.baseAddress, pageSize > 0, offset <= bytes.count else { return }
        let address = Int(bitPattern: base)
        // The page that holds the first byte may hold what lies before the bytes (the array's header): it is kept.
        let start = releasedEnd ?? (address + pageSize - 1) / pageSize * pageSize
        let end = (address + offset) / pageSize * pageSize
        guard end - start >= Self.minimumBytes, let page = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(page, end - start, Int32(MADV_DONTNEED))
        releasedEnd = end
        #endif
    }
}
