import Foundation
import Testing

/// Standard output that refuses the bytes (`/dev/full`: a full disk) is an I/O error, exit 74
/// with a message, for every command that prints: never a trap.
@Suite struct StandardOutputTests {
  @Test func aFullDiskOnStandardOutputIsExit74() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let folder = try TempFolder("kg-full")
    try folder.seed(0, as: "in/a.txt")
    let build = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(build.status == 0, "\(build)")
    let commands: [[String]] = [
      ["export"], ["stats"], ["entities"], ["stats", "--json"], ["render"],
      ["explain", "Turkish jets bombed YPG positions near Afrin."],
      ["build", "in"],
    ]
    for command in commands {
      let result = try KGProcess.run(
        command + ["--store", "kg.sqlite"].filter { _ in command[0] != "explain" }, in: folder.url, stdout: "/dev/full")
      #expect(result.status == 74, "kg \(command.joined(separator: " ")): \(result)")
      #expect(
        result.stderr.contains("kg: cannot write to standard output (No space left on device)"),
        "kg \(command.joined(separator: " ")): \(result)")
      #expect(!result.stderr.contains("Fatal error"))
    }
  }
}
