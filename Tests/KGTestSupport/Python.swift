import Foundation

/// Runs `python3 -c script args…` for checks that need a Python library (networkx reads back the
/// GraphML and GEXF exports; `python3 -m pip install networkx` makes it available, CI does).
public enum Python {
  public static func run(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
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

  /// True when `import networkx` succeeds (`python3 -m pip install networkx`).
  public static let hasNetworkX: Bool = (try? run("import networkx").status) == 0
}
