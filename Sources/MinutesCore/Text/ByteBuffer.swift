/// A growable run of bytes with its own memory: appending a byte or a run of bytes is a capacity check, a store or
/// one `memcpy`, and a count update (no copy-on-write check, unlike `Array.append(contentsOf:)`, about 130
/// instructions for a short run). The JSON writer builds its text in one; the HTML reader collects block and cell
/// text in one reused from block to block. The storage belongs to a class, so it is freed with the buffer; the count
/// lives in the struct, out of reach of run-time exclusivity checks.
struct ByteBuffer {
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

    /// The bytes from `start` to `end`, valid until the buffer next changes.
    func bytes(from start: Int, to end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage.base + start, count: end - start)
    }

    /// Appends `byte`.
    mutating func append(_ byte: UInt8) {
        reserve(count + 1)
        storage.base[count] = byte
        count += 1
    }

    /// Appends `byte` `repeats` times.
    mutating func append(_ byte: UInt8, count repeats: Int) {
        reserve(count + repeats)
        (storage.base + count).initialize(repeating: byte, count: repeats)
        count += repeats
    }

    /// Appends `bytes`.
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(count + bytes.count)
        (storage.base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Forgets the bytes from `start` on, keeping the storage.
    mutating func removeAll(from start: Int = 0) { count = start }

    /// Reverses the order of the bytes from `start` on.
    mutating func reverse(from start: Int) {
        var reversed = UnsafeMutableBufferPointer(start: storage.base + start, count: count - start)
        reversed.reverse()
    }

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
