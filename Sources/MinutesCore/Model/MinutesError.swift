/// Why a document could not be read. Every case names the file and the problem.
public enum MinutesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path does not exist.
    case notFound(path: String)
    /// The path is a directory where a file was expected.
    case isDirectory(path: String)
    /// The file exists but could not be read (permissions, I/O error).
    case unreadable(path: String, reason: String)
    /// The file is larger than the configured limit.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The bytes are not text (an image, an archive, random data).
    case binary(path: String, reason: String)
    /// The file is empty.
    case empty(path: String)

    /// One line: the file, then what is wrong with it.
    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file"
        case .isDirectory(let path): return "\(path): is a directory, not a file"
        case .unreadable(let path, let reason): return "\(path): cannot be read: \(reason)"
        case .tooLarge(let path, let bytes, let limit):
            return "\(path): \(bytes) bytes is over the size limit of \(limit) bytes (raise it with --max-size)"
        case .binary(let path, let reason): return "\(path): not a text document (\(reason))"
        case .empty(let path): return "\(path): the file is empty"
        }
    }
}
