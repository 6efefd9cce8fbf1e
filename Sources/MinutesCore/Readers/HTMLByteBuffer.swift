/// A growable run of bytes the HTML reader collects text in, reused from block to block.
///
/// `Array.append(contentsOf:)` costs about 130 instructions for each of libxml2's text pieces (most are a few
/// dozen bytes); this buffer copies a piece with one `memcpy` after one capacity check. Its storage belongs
/// to a class so that it is freed with the buffer; the count lives in the struct, out of reach of run-time
/// exclusivity checks.
struct HTMLByteBuffer {
    /// The allocated bytes; `let` fields, read without exclusivity checks.
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    /// How many bytes the buffer holds.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int = 256) {
        storage = Storage(capacity: Swift.max(capacity, 16))
    }

    /// Whether the buffer holds no bytes.
    var isEmpty: Bool { count == 0 }

    /// The bytes, valid until the buffer next changes.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage.base, count: count) }

    /// Appends `bytes`.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(count + bytes.count)
        (storage.base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends one byte.
    mutating func append(_ byte: UInt8) {
        reserve(count + 1)
        storage.base[count] = byte
        count += 1
    }

    /// Empties the buffer, keeping its storage.
    mutating func removeAll() { count = 0 }

    /// Makes room for `needed` bytes in all.
    @inline(__always)
    private mutating func reserve(_ needed: Int) {
        if needed > storage.capacity { grow(to: needed) }
    }

    /// Moves the bytes to new storage for at least `needed` bytes, at least twice the old size.
    @inline(never)
    private mutating func grow(to needed: Int) {
        let grown = Storage(capacity: Swift.max(needed, 2 * storage.capacity))
        grown.base.initialize(from: storage.base, count: count)
        storage = grown
    }
}
