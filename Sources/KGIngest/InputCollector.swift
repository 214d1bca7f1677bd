import Foundation

/// Expands the paths a user names into the article files to read.
///
/// Files named directly are always read. Folders are walked recursively in name order, taking
/// files ending in `.txt`, `.text` or `.md` and skipping hidden entries; a symbolic link back into
/// a folder already being walked is reported once and skipped, and so is a link, named like an
/// article, that leads nowhere. Each real folder (device and inode) is walked once, however many
/// links lead to it, so links that fan out and join again cost no more than the folders they name. FIFOs and devices are listed like files and refused when read
/// (`IngestError.notRegularFile`), never opened.
public struct InputCollector: Sendable {
  public static let articleExtensions: Set<String> = ["txt", "text", "md"]

  public init() {}

  public struct Result: Sendable {
    public var files: [String] = []
    public var errors: [IngestError] = []
    public var warnings: [IngestWarning] = []
  }

  public func collect(_ paths: [String]) -> Result {
    var result = Result()
    var seenFiles = Set<String>()
    var walked = Set<FolderID>()
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        result.errors.append(.notFound(path: path))
        continue
      }
      if isDirectory.boolValue {
        var ancestors = Set<FolderID>()
        walk(path, ancestors: &ancestors, into: &result, seen: &seenFiles, walked: &walked)
      } else if seenFiles.insert(Self.canonical(path)).inserted {
        result.files.append(path)
      }
    }
    return result
  }

  static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
  }

  /// A folder as the file system knows it, whatever path leads to it.
  struct FolderID: Hashable {
    var device: UInt64
    var inode: UInt64

    init?(_ path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
    }
  }

  func walk(
    _ folder: String, ancestors: inout Set<FolderID>, into result: inout Result, seen: inout Set<String>,
    walked: inout Set<FolderID>
  ) {
    guard let real = FolderID(folder) else {
      result.errors.append(.unreadable(path: folder, reason: "cannot list the folder"))
      return
    }
    guard ancestors.insert(real).inserted else {
      result.warnings.append(IngestWarning(path: folder, kind: .symlinkLoop))
      return
    }
    defer { ancestors.remove(real) }
    // Reached before by another link: its files are already listed.
    guard walked.insert(real).inserted else { return }
    guard let listing = Self.list(folder) else {
      result.errors.append(.unreadable(path: folder, reason: "cannot list the folder"))
      return
    }
    for name in listing.undecodable {
      result.errors.append(.undecodableName(path: Self.join(folder, name)))
    }
    for name in listing.names where !name.hasPrefix(".") {
      let child = Self.join(folder, name)
      if child.utf8.count >= Self.pathLimit {
        result.errors.append(.pathTooLong(path: child, limit: Self.pathLimit))
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else {
        // Listed but not there when followed: a dangling link, or a link to itself (or gone
        // since it was listed, which needs no word).
        var info = stat()
        if lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
          Self.articleExtensions.contains((name as NSString).pathExtension.lowercased())
        {
          result.warnings.append(IngestWarning(path: child, kind: .brokenLink))
        }
        continue
      }
      if isDirectory.boolValue {
        walk(child, ancestors: &ancestors, into: &result, seen: &seen, walked: &walked)
      } else if Self.articleExtensions.contains((name as NSString).pathExtension.lowercased()),
        seen.insert(Self.canonical(child)).inserted
      {
        result.files.append(child)
      }
    }
  }

  /// The longest path the system opens (`PATH_MAX`, counting the terminating NUL).
  static let pathLimit = Int(PATH_MAX)

  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// The names in `folder`, sorted, read with `readdir` so that a name whose bytes are not UTF-8
  /// is seen as such (shown with U+FFFD in `undecodable`) instead of vanishing.
  static func list(_ folder: String) -> (names: [String], undecodable: [String])? {
    guard let dir = opendir(folder) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    var undecodable: [String] = []
    while let entry = readdir(dir) {
      let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
      if bytes == Array(".".utf8) || bytes == Array("..".utf8) { continue }
      if let name = String(validating: bytes, as: UTF8.self) {
        names.append(name)
      } else if bytes.first != UInt8(ascii: ".") {
        undecodable.append(String(decoding: bytes, as: UTF8.self))
      }
    }
    return (names.sorted(), undecodable.sorted())
  }
}
