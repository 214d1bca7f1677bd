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
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    } catch {
      result.errors.append(.unreadable(path: folder, reason: "cannot list the folder"))
      return
    }
    for name in entries where !name.hasPrefix(".") {
      let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else {
        // Listed but not there when followed: a dangling link, or a link to itself.
        if Self.articleExtensions.contains((name as NSString).pathExtension.lowercased()) {
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
}
