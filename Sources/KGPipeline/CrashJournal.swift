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
/// the marker gets the document's content hash and path, in place of the one before.
/// On a crash signal, the handler (`CrashSignal`) names the document on standard error and adds
/// the line `crashed` to the marker. A later build takes each marker whose lock is free (its
/// build is gone): a marker that says `crashed` puts its hash in `<store>.crashed`, and documents
/// with a hash listed there are reported and skipped. A build killed by the user (SIGKILL,
/// Ctrl-C) leaves no `crashed` line, so its document is simply read again.
final class CrashJournal {
  let markerPath: String
  let crashedPath: String
  /// One marker per extractor: `<store>.extracting.<pid>` for the first, then `….<pid>.<n>`.
  private var slots: [Int32] = []
  private let storePath: String
  /// Content hash → path, of the documents that crashed an earlier build.
  private(set) var crashed: [String: String] = [:]

  /// Opens the journal of the store at `storePath`, taking in the markers of builds that died.
  /// With `retry`, the crashed list is forgotten so each of those documents is tried again.
  /// - Parameter extractors: how many threads extract at once (one marker each).
  init(storePath: String, retry: Bool, extractors: Int = 1) {
    self.storePath = storePath
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
    for slot in 0..<max(1, min(extractors, CrashSignal.slots)) {
      let fd = open(path(ofSlot: slot), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      if fd >= 0 { flock(fd, LOCK_EX) }
      slots.append(fd)
      CrashSignal.setMarker(path(ofSlot: slot), slot: slot)
    }
  }

  private func path(ofSlot slot: Int) -> String { slot == 0 ? markerPath : markerPath + ".\(slot)" }

  /// How many extractors may record at once.
  var extractors: Int { slots.count }

  deinit {
    for (slot, fd) in slots.enumerated() {
      CrashSignal.arm(nil, slot: slot)
      CrashSignal.setMarker(nil, slot: slot)
      if fd >= 0 {
        unlink(path(ofSlot: slot))
        close(fd)
      }
    }
  }

  /// Records that `path` (with content `hash`) is being extracted by the extractor `slot` on
  /// the calling thread (it outlives the process; the handler syncs it on a crash), and arms the
  /// signal handler for that thread.
  func begin(path: String, hash: String, slot: Int = 0) {
    let fd = slots[slot]
    let record = Array("\(hash)\t\(path.replacingOccurrences(of: "\n", with: " "))\n".utf8)
    if fd >= 0 {
      // Written over the last record and cut to its length, not emptied first and not synced:
      // the marker must outlive this process, not the machine, and the page cache outlives the
      // process. Emptying and syncing it for every document made the kernel write a page each
      // time (2,000 pages for a 2,000-document build, half the input's size).
      _ = record.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
      ftruncate(fd, off_t(record.count))
    }
    CrashSignal.arm(
      "kg: the extractor crashed on \(TerminalText.escape(path)); rerun to skip it, and report the file.\n",
      slot: slot, journal: fd, at: record.count)
  }

  /// The extraction of `slot` finished: its marker is disarmed (its record stays until the next
  /// one; a record without the `crashed` line names no crash).
  func end(slot: Int = 0) {
    CrashSignal.arm(nil, slot: slot)
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
/// Each extractor thread has a slot: its thread, a message made before the extraction started,
/// and its marker. The handler finds the slot of the thread that trapped, and only calls
/// `pthread_self(3)`, `write(2)`, `pwrite(2)`, `fsync(2)` and `_exit(2)`, all async-signal-safe
/// on Linux. It runs on its own stack, so a stack overflow still reaches it.
public enum CrashSignal {
  /// The most extractors that can be named (more threads share nothing: the build caps itself).
  static let slots = 16
  static let capacity = 8192
  nonisolated(unsafe) static var messages: UnsafeMutablePointer<UInt8>?
  nonisolated(unsafe) static var lengths: UnsafeMutablePointer<Int>?
  nonisolated(unsafe) static var threads: UnsafeMutablePointer<pthread_t>?
  /// The journal marker of each slot to add `crashed` to, and where.
  nonisolated(unsafe) static var journals: UnsafeMutablePointer<Int32>?
  nonisolated(unsafe) static var offsets: UnsafeMutablePointer<Int>?
  /// Each slot's marker file (a C string), which the handler removes for the threads that did
  /// not trap: only the crashed document's marker is left for the next build.
  nonisolated(unsafe) static var markers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

  /// Installs the handler for SIGILL, SIGTRAP, SIGSEGV, SIGBUS and SIGABRT. During an
  /// extraction the process still dies (exit status 70), after the message; at any other time
  /// it dies of the signal as it would without the handler. Each thread that may trap while
  /// extracting gets its own alternate stack from `prepareThread()`.
  public static func install() {
    if messages == nil {
      messages = .allocate(capacity: capacity * slots)
      lengths = .allocate(capacity: slots)
      lengths!.initialize(repeating: 0, count: slots)
      threads = .allocate(capacity: slots)
      threads!.initialize(repeating: pthread_t(), count: slots)
      journals = .allocate(capacity: slots)
      journals!.initialize(repeating: -1, count: slots)
      offsets = .allocate(capacity: slots)
      offsets!.initialize(repeating: 0, count: slots)
      markers = .allocate(capacity: slots)
      markers!.initialize(repeating: nil, count: slots)
    }
    prepareThread()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = crashHandler
    sigemptyset(&action.sa_mask)
    action.sa_flags = Int32(SA_ONSTACK)
    for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT] { sigaction(signal, &action, nil) }
  }

  /// Gives the calling thread an alternate signal stack, so a stack overflow on it still
  /// reaches the handler (each thread needs its own).
  static func prepareThread() {
    guard messages != nil else { return }
    let stackSize = 1 << 16
    var stack = stack_t()
    stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: stackSize, alignment: 16)
    stack.ss_size = stackSize
    stack.ss_flags = 0
    sigaltstack(&stack, nil)
  }

  /// Records (or, with nil, forgets) the marker file of `slot`.
  static func setMarker(_ path: String?, slot: Int) {
    guard let markers, slot < slots else { return }
    let old = markers[slot]
    markers[slot] = path.map { strdup($0) } ?? nil
    free(old)
  }

  /// Sets the message the handler prints and the marker it marks for a trap on the calling
  /// thread in `slot`, or none.
  static func arm(_ text: String?, slot: Int = 0, journal: Int32 = -1, at offset: Int = 0) {
    guard let messages, let lengths, let threads, let journals, let offsets, slot < slots else { return }
    lengths[slot] = 0
    journals[slot] = -1
    guard let text else { return }
    threads[slot] = pthread_self()
    journals[slot] = journal
    offsets[slot] = offset
    let bytes = Array(text.utf8.prefix(capacity))
    bytes.withUnsafeBufferPointer { (messages + slot * capacity).update(from: $0.baseAddress!, count: bytes.count) }
    lengths[slot] = bytes.count
  }
}

private func crashHandler(_ signal: Int32) {
  let me = pthread_self()
  if let messages = CrashSignal.messages, let lengths = CrashSignal.lengths, let threads = CrashSignal.threads,
    let journals = CrashSignal.journals, let offsets = CrashSignal.offsets
  {
    for slot in 0..<CrashSignal.slots where lengths[slot] > 0 && pthread_equal(threads[slot], me) != 0 {
      _ = write(2, messages + slot * CrashSignal.capacity, lengths[slot])
      if journals[slot] >= 0 {
        let mark: StaticString = "crashed\n"
        _ = pwrite(journals[slot], mark.utf8Start, mark.utf8CodeUnitCount, off_t(offsets[slot]))
        fsync(journals[slot])
      }
      if let markers = CrashSignal.markers {
        for other in 0..<CrashSignal.slots where other != slot {
          if let path = markers[other] { unlink(path) }
        }
      }
      _exit(70)
    }
  }
  // Not extracting on this thread: die of the signal as if there were no handler.
  Glibc.signal(signal, SIG_DFL)
  raise(signal)
}
