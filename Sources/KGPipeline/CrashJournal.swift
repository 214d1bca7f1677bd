import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the build itself, about one input.
public enum BuildError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An earlier build crashed while extracting this document (a trap cannot be caught), so it is
  /// skipped until the user asks for it again.
  case extractorCrashed(path: String)

  public var description: String {
    switch self {
    case .extractorCrashed(let path):
      "\(path): the extractor crashed on this file in an earlier build, so it was skipped; report the file, and pass --retry-crashed to try it again."
    }
  }
}

/// Remembers, beside the store, which document is being extracted, so a document that crashes
/// the extractor is named when it happens and skipped by the next build.
///
/// A Swift trap cannot be caught, so the journal works from outside. Each build keeps a marker,
/// `<store>.extracting.<pid>`, locked (`flock`) for as long as it runs. Before each extraction
/// the marker gets the document's content hash and path (fsync'd) and is emptied afterwards.
/// On a crash signal, the handler (`CrashSignal`) names the document on standard error and adds
/// the line `crashed` to the marker. A later build takes each marker whose lock is free (its
/// build is gone): a marker that says `crashed` puts its hash in `<store>.crashed`, and documents
/// with a hash listed there are reported and skipped. A build killed by the user (SIGKILL,
/// Ctrl-C) leaves no `crashed` line, so its document is simply read again.
final class CrashJournal {
  let markerPath: String
  let crashedPath: String
  private let fd: Int32
  /// Content hash → path, of the documents that crashed an earlier build.
  private(set) var crashed: [String: String] = [:]

  /// Opens the journal of the store at `storePath`, taking in the markers of builds that died.
  /// With `retry`, the crashed list is forgotten so each of those documents is tried again.
  init(storePath: String, retry: Bool) {
    crashedPath = storePath + ".crashed"
    markerPath = storePath + ".extracting.\(getpid())"
    let folder = (storePath as NSString).deletingLastPathComponent
    let prefix = (storePath as NSString).lastPathComponent + ".extracting."
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
    for name in names where name.hasPrefix(prefix) {
      let path = folder.isEmpty ? name : folder + "/" + name
      let other = open(path, O_RDWR | O_CLOEXEC)
      guard other >= 0 else { continue }
      defer { close(other) }
      guard flock(other, LOCK_EX | LOCK_NB) == 0 else { continue }  // that build is running
      let lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n")
      if lines.count >= 2, lines[1] == "crashed" { Self.append(lines[0] + "\n", to: crashedPath) }
      unlink(path)
    }
    if retry {
      unlink(crashedPath)
    } else {
      let text = (try? String(contentsOfFile: crashedPath, encoding: .utf8)) ?? ""
      for line in text.split(separator: "\n") {
        let parts = line.split(separator: "\t", maxSplits: 1)
        if parts.count == 2 { crashed[String(parts[0])] = String(parts[1]) }
      }
    }
    fd = open(markerPath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd >= 0 { flock(fd, LOCK_EX) }
  }

  deinit {
    CrashSignal.arm(nil)
    if fd >= 0 {
      unlink(markerPath)
      close(fd)
    }
  }

  /// Records that `path` (with content `hash`) is being extracted, durably, and arms the
  /// signal handler.
  func begin(path: String, hash: String) {
    let record = Array("\(hash)\t\(path.replacingOccurrences(of: "\n", with: " "))\n".utf8)
    if fd >= 0 {
      ftruncate(fd, 0)
      _ = record.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
      fsync(fd)
    }
    CrashSignal.arm(
      "kg: the extractor crashed on \(TerminalText.escape(path)); rerun to skip it, and report the file.\n",
      journal: fd, at: record.count)
  }

  /// The extraction finished: the marker is emptied.
  func end() {
    CrashSignal.arm(nil)
    if fd >= 0 { ftruncate(fd, 0) }
  }

  private static func append(_ text: String, to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    fsync(fd)
  }
}

/// The signal handler that names the document being extracted when the process dies of a trap.
///
/// The handler only calls `write(2)`, `pwrite(2)`, `fsync(2)` and `_exit(2)`, all
/// async-signal-safe, on a message made
/// before the extraction started. It runs on its own stack, so a stack overflow still reaches it.
public enum CrashSignal {
  nonisolated(unsafe) static var message: UnsafeMutablePointer<UInt8>?
  nonisolated(unsafe) static var length = 0
  /// The journal marker to add `crashed` to, and where.
  nonisolated(unsafe) static var journal: Int32 = -1
  nonisolated(unsafe) static var journalOffset = 0
  static let capacity = 8192

  /// Installs the handler for SIGILL, SIGTRAP, SIGSEGV, SIGBUS and SIGABRT. During an
  /// extraction the process still dies (exit status 70), after the message; at any other time
  /// it dies of the signal as it would without the handler.
  public static func install() {
    if message == nil { message = .allocate(capacity: capacity) }
    let stackSize = 1 << 16
    var stack = stack_t()
    stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: stackSize, alignment: 16)
    stack.ss_size = stackSize
    stack.ss_flags = 0
    sigaltstack(&stack, nil)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = crashHandler
    sigemptyset(&action.sa_mask)
    action.sa_flags = Int32(SA_ONSTACK)
    for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT] { sigaction(signal, &action, nil) }
  }

  /// Sets the message the handler prints and the marker it marks, or none.
  static func arm(_ text: String?, journal: Int32 = -1, at offset: Int = 0) {
    guard let message else { return }
    length = 0
    self.journal = -1
    guard let text else { return }
    self.journal = journal
    journalOffset = offset
    let bytes = Array(text.utf8.prefix(capacity))
    bytes.withUnsafeBufferPointer { message.update(from: $0.baseAddress!, count: bytes.count) }
    length = bytes.count
  }
}

private func crashHandler(_ signal: Int32) {
  guard let message = CrashSignal.message, CrashSignal.length > 0 else {
    // Not extracting: die of the signal as if there were no handler.
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
    return
  }
  _ = write(2, message, CrashSignal.length)
  if CrashSignal.journal >= 0 {
    let mark: StaticString = "crashed\n"
    _ = pwrite(CrashSignal.journal, mark.utf8Start, mark.utf8CodeUnitCount, off_t(CrashSignal.journalOffset))
    fsync(CrashSignal.journal)
  }
  _exit(70)
}
