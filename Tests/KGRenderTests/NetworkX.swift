import Foundation

/// Runs a Python snippet that imports networkx, for checking that GraphML and GEXF files read
/// back with every attribute. `python3 -m pip install networkx` makes it available (CI does).
enum NetworkX {
  /// True when `python3 -c 'import networkx'` succeeds.
  static let isAvailable: Bool = (try? run("import networkx").status) == 0

  /// Runs `python3 -c script args…`, returning its exit status and combined output.
  static func run(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
