import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// cmark-gfm's memory for the parse of one section: a bump allocator whose blocks are all released
/// when the parse ends, instead of a `calloc` and a `free` per node, buffer, delimiter and literal
/// (a third of cmark-gfm's instructions went to the system allocator). `free` releases nothing;
/// a section is at most about 64 KiB of text (`MarkdownSections`), which bounds what a parse holds.
///
/// cmark-gfm's allocator functions take no context, so they find the arena of the calling thread:
/// a parse runs on one thread from `cmark_parser_new_with_mem` to `cmark_parser_free`.
final class MarkdownArena {
    /// The longest text parsed in an arena; cmark-gfm allocates about twenty times the text.
    static let longestText = 256 << 10
    /// Bytes taken from the system at a time; a larger request gets a block of its own.
    private static let blockBytes = 128 << 10
    /// Bytes before each allocation that hold its size (keeping 16-byte alignment).
    private static let headerBytes = 16

    /// The blocks taken from the system, released with the arena.
    private var blocks: [UnsafeMutableRawPointer] = []
    /// The free part of the current block.
    private var next: UnsafeMutableRawPointer?
    private var end: UnsafeMutableRawPointer?

    deinit {
        for block in blocks { free(block) }
    }

    /// Runs `body` with a new arena as the calling thread's, for cmark-gfm's `allocator`; the
    /// arena's memory is released when `body` returns.
    static func withArena<T>(_ body: () -> T) -> T {
        let arena = MarkdownArena()
        let previous = pthread_getspecific(threadKey)
        pthread_setspecific(threadKey, Unmanaged.passUnretained(arena).toOpaque())
        defer { pthread_setspecific(threadKey, previous) }
        return withExtendedLifetime(arena) { body() }
    }

    /// The allocator to hand cmark-gfm inside `withArena`: memory from the thread's arena.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        // Every use of the allocator comes after this, on any thread (a lazy `static let` is initialised once, before it is read).
        allocatorKey = threadKey
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(
            calloc: { count, size in
                let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
                guard !overflow, let memory = MarkdownArena.withCurrent({ $0.allocate(bytes) }) else { return nil }
                memset(memory, 0, bytes)
                return memory
            },
            realloc: { memory, size in MarkdownArena.withCurrent { $0.reallocate(memory, to: size) } },
            free: { _ in }))
        return allocator
    }()

    /// The key of the thread's arena.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// `threadKey` as the allocator's functions read it: set when `allocator` is made, never changed after. A variable
    /// with a constant initial value is read without the check of a lazy `static let` at each of cmark-gfm's allocations.
    nonisolated(unsafe) private static var allocatorKey: pthread_key_t = 0

    /// `body` run on the calling thread's arena (nil outside `withArena`), which `withArena` keeps
    /// alive: it is borrowed, not retained and released at each of cmark-gfm's allocations.
    @inline(__always)
    private static func withCurrent(_ body: (MarkdownArena) -> UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let arena = pthread_getspecific(allocatorKey) else { return nil }
        return Unmanaged<MarkdownArena>.fromOpaque(arena)._withUnsafeGuaranteedRef(body)
    }

    /// `size` bytes plus their header, rounded up to 16.
    private static func footprint(_ size: Int) -> Int {
        (size + headerBytes + 15) & ~15
    }

    /// `size` uninitialised bytes; nil when the system has no memory.
    func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let footprint = Self.footprint(size)
        let start: UnsafeMutableRawPointer
        if let next, let end, end - next >= footprint {
            start = next
            self.next = next + footprint
        } else if footprint > Self.blockBytes / 4 {
            guard let block = malloc(footprint) else { return nil }
            blocks.append(block)
            start = block
        } else {
            guard let block = malloc(Self.blockBytes) else { return nil }
            blocks.append(block)
            start = block
            next = block + footprint
            end = block + Self.blockBytes
        }
        start.storeBytes(of: size, as: Int.self)
        return start + Self.headerBytes
    }

    /// `memory` (from `allocate`, or nil) grown or shrunk to `size` bytes, its contents kept:
    /// in place when it is the last allocation of the current block and the block has room.
    func reallocate(_ memory: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer? {
        guard let memory else { return allocate(size) }
        let start = memory - Self.headerBytes
        let oldSize = start.load(as: Int.self)
        if size <= oldSize { return memory }
        if let next, let end, start + Self.footprint(oldSize) == next, end - start >= Self.footprint(size) {
            self.next = start + Self.footprint(size)
            start.storeBytes(of: size, as: Int.self)
            return memory
        }
        guard let moved = allocate(size) else { return nil }
        moved.copyMemory(from: memory, byteCount: oldSize)
        return moved
    }
}
