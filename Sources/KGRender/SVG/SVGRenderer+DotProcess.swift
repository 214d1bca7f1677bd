import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SVGRenderer {
  /// Runs `executable -Tsvg`, writing `dot` to its standard input and reading the SVG from its
  /// standard output.
  ///
  /// Standard input is written, and standard error read, on other threads, so that a large
  /// graph cannot deadlock on a full pipe. SIGPIPE is ignored so that a `dot` that exits early
  /// (on a syntax error) is reported as an error rather than killing this process.
  ///
  /// - Throws: `RenderError.graphvizFailed` with `dot`'s first error line when it cannot start
  ///   or exits with a failure; `RenderError.graphvizTimedOut` when it runs longer than
  ///   `timeout` seconds (it is killed).
  static func renderWithDotProcess(_ dot: String, executable: String, timeout: Double = defaultTimeout)
    throws(RenderError) -> String
  {
    String(decoding: try renderWithDotProcess(dot, as: "svg", executable: executable, timeout: timeout), as: UTF8.self)
  }

  /// Runs `executable -T<format>` (`svg`, `png`, `pdf`) the same way, returning its bytes.
  static func renderWithDotProcess(
    _ dot: String, as format: String, executable: String, timeout: Double = defaultTimeout
  ) throws(RenderError) -> Data {
    ignoreBrokenPipes
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-T\(format)"]
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw .graphvizFailed(reason: "cannot run '\(executable)': \(error.localizedDescription)")
    }

    let group = DispatchGroup()
    let data = Data(dot.utf8)
    let writer = input.fileHandleForWriting
    DispatchQueue.global().async(group: group) {
      try? writer.write(contentsOf: data)
      try? writer.close()
    }
    let stderrBox = DataBox()
    let errorReader = errors.fileHandleForReading
    DispatchQueue.global().async(group: group) {
      stderrBox.data = errorReader.readDataToEndOfFile()
    }
    let svgBox = DataBox()
    let outputReader = output.fileHandleForReading
    DispatchQueue.global().async(group: group) {
      svgBox.data = outputReader.readDataToEndOfFile()
    }
    if group.wait(timeout: .now() + timeout) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      group.wait()
      process.waitUntilExit()
      throw .graphvizTimedOut(executable: executable, seconds: timeout)
    }
    let svg = svgBox.data
    process.waitUntilExit()

    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let message =
        String(decoding: stderrBox.data, as: UTF8.self)
        .split(whereSeparator: \.isNewline).first.map(String.init) ?? "no message"
      throw .graphvizFailed(reason: "'\(executable)' exited with status \(process.terminationStatus): \(message)")
    }
    return svg
  }

  private static let ignoreBrokenPipes: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
  }()
}

/// Standard error collected on another thread; read only after the group has finished.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
