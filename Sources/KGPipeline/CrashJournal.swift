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
/// A Swift trap cannot be caught, so the journal works from outside: before each extraction it
/// writes `<store>.extracting` (content hash and path, fsync'd) and removes it afterwards. A
/// marker left over at the start of a build names a document that crashed; its hash is moved to
/// `<store>.crashed`, and documents with a hash listed there are reported and skipped.
/// `install()` adds a signal handler that names the document on standard error as the process
/// dies.
final class CrashJournal {
  let markerPath: String
  let crashedPath: String
  /// Content hash → path, of the documents that crashed an earlier build.
  private(set) var crashed: [String: String] = [:]

  /// Opens the journal of the store at `storePath`, taking in a marker left by a crash.
  /// With `retry`, the crashed list is forgotten so each of those documents is tried again.
  init(storePath: String, retry: Bool) {
    markerPath = storePath + ".extracting"
    crashedPath = storePath + ".crashed"
    if let leftover = try? String(contentsOfFile: markerPath, encoding: .utf8), !leftover.isEmpty {
      Self.append(leftover.hasSuffix("\n") ? leftover : leftover + "\n", to: crashedPath)
    }
    unlink(markerPath)
    if retry {
      unlink(crashedPath)
      return
    }
    let text = (try? String(contentsOfFile: crashedPath, encoding: .utf8)) ?? ""
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1)
      if parts.count == 2 { crashed[String(parts[0])] = String(parts[1]) }
    }
  }

  /// Records that `path` (with content `hash`) is being extracted, durably, and arms the
  /// signal handler's message.
  func begin(path: String, hash: String) {
    let record = "\(hash)\t\(path.replacingOccurrences(of: "\n", with: " "))\n"
    Self.write(record, to: markerPath)
    CrashSignal.arm(
      "kg: the extractor crashed on \(TerminalText.escape(path)); rerun to skip it, and report the file.\n")
  }

  /// The extraction finished: the marker goes.
  func end() {
    CrashSignal.arm(nil)
    unlink(markerPath)
  }

  private static func write(_ text: String, to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return }
    defer { close(fd) }
    writeAll(fd, text)
    fsync(fd)
  }

  private static func append(_ text: String, to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    guard fd >= 0 else { return }
    defer { close(fd) }
    writeAll(fd, text)
    fsync(fd)
  }

  private static func writeAll(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
      if n <= 0 { return }
      done += n
    }
  }
}

/// The signal handler that names the document being extracted when the process dies of a trap.
///
/// The handler only calls `write(2)` and `_exit(2)`, both async-signal-safe, on a message made
/// before the extraction started. It runs on its own stack, so a stack overflow still reaches it.
public enum CrashSignal {
  nonisolated(unsafe) static var message: UnsafeMutablePointer<UInt8>?
  nonisolated(unsafe) static var length = 0
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

  /// Sets the message the handler prints, or none.
  static func arm(_ text: String?) {
    guard let message else { return }
    length = 0
    guard let text else { return }
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
  _exit(70)
}
