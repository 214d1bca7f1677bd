import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A document that crashes the extractor (a Swift trap, which cannot be caught) is named as `kg`
/// dies, and the next build reports it, skips it and stores the rest.
///
/// The crash is made by `KG_TEST_CRASH_ON=<file name>`, which debug builds of `kg` honour by
/// trapping (`fatalError`) where the extractor runs on that file.
@Suite struct CrashedDocumentTests {
  @Test func aCrashIsNamedAndTheNextBuildSkipsTheFile() throws {
    let folder = try TempFolder("kg-crash")
    for (i, name) in ["a.txt", "b.txt", "c.txt"].enumerated() { try folder.seed(i, as: "in/\(name)") }
    let crash = ["KG_TEST_CRASH_ON": "b.txt"]

    let first = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url, environment: crash)
    #expect(first.status == 70, "\(first)")
    #expect(first.stderr.contains("kg: the extractor crashed on in/b.txt; rerun to skip it, and report the file."))
    #expect(try Self.markers(folder).count == 1, "the crashed build's marker is left")

    // The same crash would happen again: the file is skipped instead, and the others are stored.
    let second = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url, environment: crash)
    #expect(second.status == 65, "\(second)")
    #expect(second.stderr.contains("kg: in/b.txt: the extractor crashed on this file in an earlier build"), "\(second)")
    #expect(second.stderr.contains("--retry-crashed"))
    // Extraction runs on every core, so a.txt may or may not have been stored before b.txt
    // crashed the first build; either way a.txt and c.txt are stored now and nothing is replaced.
    #expect(
      second.stdout.contains("1 added, 0 replaced, 1 unchanged")
        || second.stdout.contains("2 added, 0 replaced, 0 unchanged"),
      "\(second)")
    #expect(second.stdout.contains("1 failed"))
    #expect(try Self.markers(folder).isEmpty)

    // Skipped again on the next run, until asked for.
    let third = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(third.status == 65 && third.stdout.contains("1 failed"), "\(third)")
    let retried = try KGProcess.run(["build", "in", "--store", "kg.sqlite", "--retry-crashed"], in: folder.url)
    #expect(retried.status == 0, "\(retried)")
    #expect(retried.stdout.contains("1 added, 0 replaced, 2 unchanged"), "\(retried)")
  }

  static func markers(_ folder: TempFolder) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("kg.sqlite.extracting.") }
  }

  /// A build killed during an extraction (Ctrl-C, SIGKILL) is not a crash: the next build reads
  /// that document again and stores everything.
  @Test func aKilledBuildIsNotACrash() throws {
    let folder = try TempFolder("kg-stall")
    for (i, name) in ["a.txt", "b.txt", "c.txt"].enumerated() { try folder.seed(i, as: "in/\(name)") }
    var environment = ProcessInfo.processInfo.environment
    environment["KG_TEST_STALL_ON"] = "b.txt"
    let process = Process()
    process.executableURL = KGProcess.binary
    process.arguments = ["build", "in", "--store", "kg.sqlite", "--verbose"]
    process.currentDirectoryURL = folder.url
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    // Extraction runs on every core: wait until a.txt is stored too (its line comes after the
    // commit), so the next build finds it unchanged.
    var said = ""
    while !said.contains("in/a.txt: added") {
      let chunk = errors.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      said += String(decoding: chunk, as: UTF8.self)
    }
    // Wait until the marker names b.txt: the build is inside that extraction.
    let deadline = Date().addingTimeInterval(60)
    var inside = false
    while Date() < deadline && !inside {
      usleep(50_000)
      inside = try Self.markers(folder).contains { name in
        (try? String(contentsOfFile: folder.path(name), encoding: .utf8))?.contains("in/b.txt") == true
      }
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(inside, "the build never reached b.txt")
    let next = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(next.status == 0, "\(next)")
    #expect(next.stdout.contains("2 added, 0 replaced, 1 unchanged"), "\(next)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("kg.sqlite.crashed")))
  }
}
