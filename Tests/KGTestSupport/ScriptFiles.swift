#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files a test writes and then runs or has kg run (a stand-in `dot`).
public enum ScriptFiles {
  /// Writes `bytes` to `path` with permissions `mode`, through a descriptor closed on exec.
  ///
  /// Tests run in parallel threads and start processes: a process started in the instant a file is
  /// open for writing keeps a copy of its descriptor (Foundation's writes do not close theirs on
  /// exec), and running the file then fails with ETXTBSY ("text file busy") for as long as that
  /// process lives.
  public static func create(_ bytes: [UInt8], at path: String, mode: UInt32 = 0o644) throws(WriteFailed) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
    guard fd >= 0 else { throw WriteFailed(path: path) }
    defer { close(fd) }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
      guard n > 0 else { throw WriteFailed(path: path) }
      written += n
    }
    // A mode given at creation is masked by the umask: set it as asked.
    guard fchmod(fd, mode_t(mode)) == 0 else { throw WriteFailed(path: path) }
  }

  public struct WriteFailed: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "could not write \(path)" }
  }
}
