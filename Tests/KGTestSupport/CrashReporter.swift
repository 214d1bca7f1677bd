#if canImport(Glibc)
import Glibc
#endif

/// Prints the fuzz case being run when the process dies of a signal, then lets the signal do
/// what it did before (the Swift runtime's backtrace included).
public enum CrashReporter {
  public static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]
  nonisolated(unsafe) static let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: 512)
  nonisolated(unsafe) static var length = 0
  nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 64)

  /// The line to print on a crash; set before each case (never from the handler).
  public static var message: String {
    get { "" }
    set {
      let bytes = Array(newValue.utf8.prefix(511))
      for (i, b) in bytes.enumerated() { buffer[i] = CChar(bitPattern: b) }
      length = bytes.count
    }
  }

  public static func install() {
    for s in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in
        _ = write(2, CrashReporter.buffer, CrashReporter.length)
        sigaction(signal, CrashReporter.previous + Int(signal), nil)
        // A fault re-executes its instruction on return and meets the previous handler with the
        // original context (so the runtime's backtrace points at the crash); abort() must be
        // raised again.
        if signal == SIGABRT { raise(signal) }
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(s, &action, previous + Int(s))
    }
  }

  public static func uninstall() {
    for s in signals { sigaction(s, previous + Int(s), nil) }
  }
}
