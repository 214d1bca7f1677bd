import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A store on a full disk: the build stops at the first write the file system refuses, with
/// exit 74 and one message, instead of failing every remaining file one by one (exit 65).
///
/// The disk is a 1 MB tmpfs mounted for the test, which needs root; elsewhere the test says
/// so and does nothing.
@Suite struct FullDiskTests {
  @Test func aFullDiskStopsTheBuild() throws {
    let folder = try TempFolder("kg-full")
    let disk = folder.path("disk")
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
    let mount = try KGProcess.runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk])
    guard mount == 0 else {
      print("FullDiskTests: cannot mount a tmpfs here (not root?); skipped")
      return
    }
    defer { _ = try? KGProcess.runTool("/bin/umount", [disk]) }
    // Distinct texts, so each is a document of its own: well over 1 MB stored.
    for i in 0..<240 {
      let seed = try Data(contentsOf: KGProcess.seedFiles[i % KGProcess.seedFiles.count])
      try folder.write("in/a\(String(format: "%03d", i)).txt", [UInt8](seed) + Array("\nNote \(i).\n".utf8))
    }
    let result = try KGProcess.run(["build", "in", "--store", "disk/kg.sqlite"], in: folder.url)
    #expect(result.status == 74, "\(result)")
    #expect(result.stderr.contains("the store cannot be written ("), "\(result)")
    #expect(result.stderr.contains("Free some space"), "\(result)")
    // One message, not one per remaining file.
    let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("kg: ") }
    #expect(lines.count == 1, "\(result)")
  }
}

extension KGProcess {
  /// Runs a system tool quietly and returns its exit status.
  static func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
