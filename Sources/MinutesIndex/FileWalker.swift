import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands files and directories into the list of documents to ingest.
///
/// Directories are walked recursively, skipping hidden entries; symbolic links are
/// followed, but every directory is entered at most once (tracked by device and inode),
/// so link loops terminate. Walked files must have a minutes extension and pass the
/// include/exclude globs; files named explicitly are always attempted.
public struct FileWalker: Sendable {
    /// Extensions (lower-case, without the dot) considered when walking directories.
    public static let extensions: Set<String> = ["html", "htm", "md", "markdown", "txt", "log", "irc", "eml"]

    /// `fnmatch(3)` patterns; when non-empty, walked files must match one.
    public var include: [String]
    /// `fnmatch(3)` patterns; walked files and directories matching one are skipped.
    public var exclude: [String]

    /// Creates a walker with include and exclude patterns.
    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// The files to ingest under `paths` (canonical, each once, in walk order) and the
    /// arguments that could not be used.
    public func collect(_ paths: [String]) -> (files: [String], failures: [IngestFailure]) {
        var state = WalkState()
        for argument in paths {
            let path = MinutesIndex.canonicalPath(argument)
            guard let info = Self.fileInfo(path) else {
                state.failures.append(IngestFailure(path: argument, reason: "\(argument): no such file or directory"))
                continue
            }
            if info.isDirectory {
                walk(directory: path, identity: info.identity, root: path, state: &state)
            } else if state.seen.insert(info.identity).inserted {
                state.files.append(path)
            }
        }
        return (state.files, state.failures)
    }

    private struct WalkState {
        var files: [String] = []
        var failures: [IngestFailure] = []
        var seen: Set<FileIdentity> = []
        var visitedDirectories: Set<FileIdentity> = []
    }

    private func walk(directory: String, identity: FileIdentity, root: String, state: inout WalkState) {
        guard state.visitedDirectories.insert(identity).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            state.failures.append(IngestFailure(path: directory, reason: "\(directory): cannot list directory"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory == "/" ? "/" + name : directory + "/" + name
            guard let info = Self.fileInfo(path) else { continue }  // dangling link
            let relative = String(path.dropFirst(root.count)).drop { $0 == "/" }
            if matches(exclude, path: path, relative: String(relative), name: name) { continue }
            if info.isDirectory {
                walk(directory: path, identity: info.identity, root: root, state: &state)
            } else if info.isRegular {
                let ext = (name as NSString).pathExtension.lowercased()
                guard Self.extensions.contains(ext) else { continue }
                if !include.isEmpty && !matches(include, path: path, relative: String(relative), name: name) { continue }
                if state.seen.insert(info.identity).inserted { state.files.append(path) }
            }
        }
    }

    /// A pattern matches the file name, the path relative to the walked root, or the full path.
    private func matches(_ patterns: [String], path: String, relative: String, name: String) -> Bool {
        patterns.contains { pattern in
            fnmatch(pattern, name, 0) == 0 || fnmatch(pattern, relative, 0) == 0 || fnmatch(pattern, path, 0) == 0
        }
    }

    /// Device and inode: what makes two paths the same file.
    struct FileIdentity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    private struct FileInfo {
        var identity: FileIdentity
        var isDirectory: Bool
        var isRegular: Bool
    }

    /// `stat(2)`, following symbolic links; nil when the path does not resolve.
    private static func fileInfo(_ path: String) -> FileInfo? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        return FileInfo(identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
                        isDirectory: type == S_IFDIR, isRegular: type == S_IFREG)
    }
}
