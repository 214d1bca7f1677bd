import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Commands that only read open the store read-only: the file's bytes and modification time are
/// the same after them, and they work on a store that cannot be written (read-only media).
@Suite struct ReadOnlyStoreTests {
  static let readers: [[String]] = [
    ["stats"], ["entities"], ["export"], ["render"], ["show", "ISIS"], ["neighbors", "ISIS"],
    ["path", "ISIS", "SDF", "--undirected"], ["edge", "r1"], ["stats", "--json"],
  ]

  static func snapshot(_ path: String) throws -> (Data, Date?) {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let date = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    return (data, date)
  }

  static func built() throws -> TempFolder {
    let folder = try TempFolder("kg-ro")
    try folder.seed(0, as: "in/a.txt")
    try folder.seed(1, as: "in/b.txt")
    let build = try KGProcess.run(["build", "in", "--store", "store/kg.sqlite"], in: folder.url)
    #expect(build.status == 0, "\(build)")
    return folder
  }

  @Test func readingLeavesTheFileAsItWas() throws {
    let folder = try Self.built()
    let store = folder.path("store/kg.sqlite")
    let before = try Self.snapshot(store)
    let filesBefore = try FileManager.default.contentsOfDirectory(atPath: folder.path("store")).sorted()
    usleep(20_000)
    for command in Self.readers {
      let result = try KGProcess.run(command + ["--store", "store/kg.sqlite"], in: folder.url)
      #expect([0, 66].contains(result.status), "kg \(command.joined(separator: " ")): \(result)")
      let after = try Self.snapshot(store)
      #expect(after.0 == before.0, "kg \(command.joined(separator: " ")) changed the store's bytes")
      #expect(after.1 == before.1, "kg \(command.joined(separator: " ")) changed the store's modification time")
    }
    let filesAfter = try FileManager.default.contentsOfDirectory(atPath: folder.path("store")).sorted()
    #expect(filesAfter == filesBefore, "files left beside the store")
  }

  /// The store and its folder cannot be written: `chattr +i` as root (who ignores permission
  /// bits), else `chmod`.
  @Test func aStoreOnReadOnlyMediaCanBeQueried() throws {
    let folder = try Self.built()
    let store = folder.path("store/kg.sqlite")
    let before = try Self.snapshot(store)
    let immutable = getuid() == 0
    func lock(_ on: Bool) {
      if immutable {
        let chattr = Process()
        chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        chattr.arguments = [on ? "+i" : "-i", store, folder.path("store")]
        try? chattr.run()
        chattr.waitUntilExit()
      } else {
        chmod(store, on ? 0o444 : 0o644)
        chmod(folder.path("store"), on ? 0o555 : 0o755)
      }
    }
    if immutable && !FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") { return }
    lock(true)
    defer { lock(false) }
    // Make sure the folder really is read-only here (chattr needs a file system that has it).
    if FileManager.default.createFile(atPath: folder.path("store/probe"), contents: Data()) {
      try? FileManager.default.removeItem(atPath: folder.path("store/probe"))
      return
    }
    for command in Self.readers {
      let result = try KGProcess.run(command + ["--store", "store/kg.sqlite"], in: folder.url)
      #expect([0, 66].contains(result.status), "kg \(command.joined(separator: " ")): \(result)")
      #expect(!result.stderr.contains("cannot open"), "kg \(command.joined(separator: " ")): \(result)")
    }
    let stats = try KGProcess.run(["stats", "--store", "store/kg.sqlite"], in: folder.url)
    #expect(stats.status == 0 && stats.stdout.contains("2"), "\(stats)")
    let export = try KGProcess.run(["export", "--store", "store/kg.sqlite"], in: folder.url)
    #expect(export.status == 0 && export.stdout.contains("\"schemaVersion\""), "\(export)")
    #expect(try Self.snapshot(store).0 == before.0)
  }
}
