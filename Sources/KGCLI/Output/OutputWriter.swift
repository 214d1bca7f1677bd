import Foundation
import KGPipeline

#if canImport(Glibc)
import Glibc
#endif

/// Writes the output to `-o FILE` (see `OutputFile`) or to standard output (no `-o`, `-o -` or
/// `-o /dev/stdout`).
enum OutputWriter {
  static func write(_ data: Data, to path: String?) throws {
    guard let path, path != "-", path != "/dev/stdout" else {
      try writeStandardOutput(data)
      return
    }
    try OutputFile.write(data, to: path)
  }

  /// Prints text meant for a person on standard output, with control characters from
  /// articles, names and file names escaped (`TerminalText`) so they cannot drive the terminal.
  static func printText(_ text: String) throws {
    try writeStandardOutput(Data(TerminalText.escape(text).utf8))
  }

  /// Writes `data` to standard output, throwing `OutputError.standardOutput` when it is refused
  /// (never the trap of `FileHandle.write(_:)`).
  static func writeStandardOutput(_ data: Data) throws {
    do {
      try FileHandle.standardOutput.write(contentsOf: data)
    } catch {
      throw OutputError.standardOutput(reason: OutputError.reason(error))
    }
  }
}

/// Writes `-o FILE` the way a user expects of a path they named.
///
/// - A symbolic link is written through: its target gets the bytes, the link stays.
/// - A FIFO, device or socket is opened and written to, never replaced (`-o /dev/stdout`,
///   a named pipe read by another program).
/// - A regular file is replaced atomically (a temporary file beside it, synced and renamed into
///   place), keeping its permission bits and, where allowed, its owner; a new file gets the
///   usual mode (0666 less the umask).
enum OutputFile {
  static func write(_ data: Data, to path: String) throws(OutputError) {
    var info = stat()
    // Not a regular file where the path leads (a FIFO, a device, `/dev/stdout` on a pipe through
    // /proc's links): open it as named.
    if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFDIR {
      try stream(data, to: path, shownAs: path)
      return
    }
    let target = try resolveLinks(path)
    let exists = stat(target, &info) == 0
    if exists && info.st_mode & S_IFMT == S_IFDIR {
      throw .cannotWrite(path: path, reason: "it is a folder")
    }
    if exists && info.st_mode & S_IFMT != S_IFREG {
      try stream(data, to: target, shownAs: path)
      return
    }
    try replace(target, with: data, keeping: exists ? info : nil, shownAs: path)
  }

  /// Follows symbolic links (at most 40) to the path that is written, which may not exist yet.
  static func resolveLinks(_ path: String) throws(OutputError) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = readlink(current, &buffer, buffer.count - 1)
      guard n > 0 else { return current }
      let link = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let folder = (current as NSString).deletingLastPathComponent
      current = link.hasPrefix("/") || folder.isEmpty ? link : folder + "/" + link
    }
    throw .cannotWrite(path: path, reason: "too many levels of symbolic links")
  }

  static func stream(_ data: Data, to target: String, shownAs path: String) throws(OutputError) {
    let fd = open(target, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    try writeAll(data, fd, shownAs: path)
  }

  static func replace(_ target: String, with data: Data, keeping old: stat?, shownAs path: String)
    throws(OutputError)
  {
    let folder = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    let temporary =
      (folder.isEmpty ? "" : folder + "/") + ".\(name).kg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    var renamed = false
    defer {
      close(fd)
      if !renamed { unlink(temporary) }
    }
    try writeAll(data, fd, shownAs: path)
    if let old {
      _ = fchown(fd, old.st_uid, old.st_gid)
      fchmod(fd, old.st_mode & 0o7777)
    }
    guard fsync(fd) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    guard rename(temporary, target) == 0 else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    renamed = true
  }

  static func writeAll(_ data: Data, _ fd: Int32, shownAs path: String) throws(OutputError) {
    let failure: Int32? = data.withUnsafeBytes { raw in
      var done = 0
      while done < raw.count {
        let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        done += n
      }
      return nil
    }
    if let failure { throw .cannotWrite(path: path, reason: String(cString: strerror(failure))) }
  }
}
