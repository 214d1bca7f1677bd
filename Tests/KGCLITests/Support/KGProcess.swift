import Foundation
import KGTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The built `kg` binary, run as a user runs it: arguments in, standard output, standard error
/// and an exit status out.
///
/// The binary is found without `Bundle.module`: `KG_BINARY` when set, else the build products
/// folder holding this test bundle (`swift test` builds `kg` there because the test target
/// depends on `KGCLI`), else `.build/debug/kg` under the package root found from `#filePath`.
enum KGProcess {
  struct Result: CustomStringConvertible, Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut = false

    init(status: Int32, timedOut: Bool = false, stdout: String, stderr: String) {
      self.status = status
      self.timedOut = timedOut
      self.stdout = stdout
      self.stderr = stderr
    }

    var description: String {
      "exit \(status)\(timedOut ? " (killed: timed out)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
  }

  /// The package's root folder.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let seeds = packageRoot.appendingPathComponent("seeds")

  /// The seed articles, in name order.
  static var seedFiles: [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { seeds.appendingPathComponent($0) }
  }

  static let binary: URL = {
    if let path = ProcessInfo.processInfo.environment["KG_BINARY"] { return URL(fileURLWithPath: path) }
    var candidates: [URL] = []
    let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    candidates.append(me.deletingLastPathComponent().appendingPathComponent("kg"))
    if let arg0 = CommandLine.arguments.first {
      candidates.append(URL(fileURLWithPath: arg0).deletingLastPathComponent().appendingPathComponent("kg"))
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/kg"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
  }()

  /// Runs `kg` with `arguments` in `directory` and waits for it.
  ///
  /// - Parameters:
  ///   - environment: variables added to this process's environment.
  ///   - stdout: a file to write standard output to instead of capturing it (`/dev/full`).
  ///   - timeout: seconds after which `kg` is killed (its status is then SIGKILL's 9, with
  ///     `timedOut` set).
  static func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:], stdout: String? = nil,
    timeout: Double? = nil
  ) throws -> Result {
    let out = directory.appendingPathComponent(".kg-stdout-\(UUID().uuidString)")
    let err = directory.appendingPathComponent(".kg-stderr-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.standardOutput = try FileHandle(forWritingTo: stdout.map { URL(fileURLWithPath: $0) } ?? out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    var timedOut = false
    if let timeout {
      let deadline = Date().addingTimeInterval(timeout)
      while process.isRunning && Date() < deadline { usleep(20_000) }
      if process.isRunning {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
      }
    }
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, timedOut: timedOut,
      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  /// Starts `kg` with its standard error on a pipe, for tests that watch it as it runs.
  static func start(_ arguments: [String], in directory: URL) throws -> (process: Process, stderr: FileHandle) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let pipe = Pipe()
    process.standardError = pipe
    try process.run()
    return (process, pipe.fileHandleForReading)
  }

  /// `python3` on the PATH, if there is one: the reference for how `score.py` reads a file.
  static let python: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }()
}

/// A fresh folder under the system's temporary folder, removed when released.
final class TempFolder: @unchecked Sendable {
  let url: URL

  init(_ label: String = "kg") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    // Restore permissions a test took away, so the folder can be removed.
    if let walker = FileManager.default.enumerator(atPath: url.path) {
      for case let relative as String in walker {
        chmod(url.appendingPathComponent(relative).path, 0o755)
      }
    }
    try? FileManager.default.removeItem(at: url)
  }

  var path: String { url.path }

  func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

  @discardableResult
  func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
    let target = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    // Closed on exec: a test may run what it writes (`ScriptFiles`).
    try ScriptFiles.create(bytes, at: target.path)
    return relative
  }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }

  /// Copies seed article `index` to `relative`.
  @discardableResult
  func seed(_ index: Int, as relative: String) throws -> String {
    try write(relative, [UInt8](try Data(contentsOf: KGProcess.seedFiles[index])))
  }

  func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: url.appendingPathComponent(relative)))
  }
}
