import Foundation
import Testing

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
    #expect(FileManager.default.fileExists(atPath: folder.path("kg.sqlite.extracting")))

    // The same crash would happen again: the file is skipped instead, and the others are stored.
    let second = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url, environment: crash)
    #expect(second.status == 65, "\(second)")
    #expect(second.stderr.contains("kg: in/b.txt: the extractor crashed on this file in an earlier build"), "\(second)")
    #expect(second.stderr.contains("--retry-crashed"))
    #expect(second.stdout.contains("1 added, 0 replaced, 1 unchanged"), "\(second)")
    #expect(second.stdout.contains("1 failed"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("kg.sqlite.extracting")))

    // Skipped again on the next run, until asked for.
    let third = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(third.status == 65 && third.stdout.contains("1 failed"), "\(third)")
    let retried = try KGProcess.run(["build", "in", "--store", "kg.sqlite", "--retry-crashed"], in: folder.url)
    #expect(retried.status == 0, "\(retried)")
    #expect(retried.stdout.contains("1 added, 0 replaced, 2 unchanged"), "\(retried)")
  }
}
