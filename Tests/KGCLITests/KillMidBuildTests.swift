import Foundation
import KGPipeline
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Kills a real `kg build` with SIGKILL part-way through a folder of articles, then checks that
/// the store opens, passes `PRAGMA integrity_check`, holds whole documents only (each stored
/// document has exactly the evidence a clean build gives it), and that the next build stores the
/// rest and ends equal to a clean build.
///
/// The kill is placed by what the build reports, not by a clock: it waits until `--verbose` has
/// announced `killAfter` stored documents, so the build is certainly mid-way.
@Suite struct KillMidBuildTests {
  static let articles = 20
  static let killAfter = 4

  @Test func killedBuildLeavesWholeDocumentsAndTheNextRunFinishes() throws {
    let folder = try TempFolder("kg-kill")
    for i in 0..<Self.articles {
      // Distinct contents, so no two documents are the same text.
      let text = "Dispatch \(i)\n\n" + (try seedText(i % KGProcess.seedFiles.count))
      try folder.write("in/article\(String(format: "%03d", i)).txt", text)
    }
    // The clean build, in-process: the same `Workspace.build` that `kg build` calls.
    let clean = try Workspace(storePath: folder.path("clean.sqlite"))
    let cleanReport = try clean.build(paths: [folder.path("in")], configuration: try builtInConfiguration.get())
    #expect(cleanReport.added == Self.articles)
    try clean.store._close()
    let reference = try allEvidence(in: folder.path("clean.sqlite"), droppingPrefix: folder.path + "/")
    let referenceDocuments = try GraphStore(path: folder.path("clean.sqlite")).loadGraph().documents.map { info in
      var relative = info
      relative.path = String(info.path.dropFirst(folder.path.count + 1))
      return relative
    }

    // Start, wait for `killAfter` documents, kill.
    let (process, stderr) = try KGProcess.start(["build", "in", "--store", "kg.sqlite", "--verbose"], in: folder.url)
    var seen = ""
    while seen.components(separatedBy: ": added").count - 1 < Self.killAfter {
      let chunk = stderr.availableData
      if chunk.isEmpty { break }
      seen += String(decoding: chunk, as: UTF8.self)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal, "the build ended before it was killed:\n\(seen)")

    // The store opens, is sound, and holds whole documents only.
    let store = try GraphStore(path: folder.path("kg.sqlite"))
    #expect(try store._integrityCheck() == ["ok"])
    #expect(try store._checkInvariants() == [])
    let partial = try store.loadGraph()
    #expect(partial.documents.count >= Self.killAfter && partial.documents.count < Self.articles)
    let stored = try allEvidence(in: folder.path("kg.sqlite"))
    for document in partial.documents {
      let mine = stored.filter { $0.hasPrefix(document.path + " ") }
      let expected = reference.filter { $0.hasPrefix(document.path + " ") }
      #expect(mine == expected, "\(document.path) is not whole")
      let cleanInfo = referenceDocuments.first { $0.path == document.path }
      #expect(cleanInfo?.contentHash == document.contentHash && cleanInfo?.sentenceCount == document.sentenceCount)
    }
    #expect(stored.allSatisfy { line in partial.documents.contains { line.hasPrefix($0.path + " ") } })
    try store._close()

    // The next run picks up where the killed one stopped.
    let resumed = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(resumed.status == 0, "\(resumed)")
    let done = partial.documents.count
    #expect(
      resumed.stdout.contains("\(Self.articles - done) added, 0 replaced, \(done) unchanged"), "\(resumed)")
    #expect(try allEvidence(in: folder.path("kg.sqlite")) == reference)
    #expect(try GraphStore(path: folder.path("kg.sqlite"))._integrityCheck() == ["ok"])
  }
}
