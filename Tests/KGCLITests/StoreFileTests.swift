import Foundation
import KGPipeline
import Testing

/// The store through the real `kg build`: files that are not ours are refused and left
/// byte-for-byte unchanged; re-runs add nothing; a changed article replaces its edges; two builds
/// at once do not corrupt the store.
@Suite struct StoreFileTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    /// Makes the file to pass as `--store` and returns its relative path.
    var setup: @Sendable (TempFolder) throws -> String
    var expectedExit: Int32
    var stderrContains: [String]

    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "a text file passed as --store",
      setup: { f in try f.write("notes.txt", "My notes, not a database.\n") }, expectedExit: 74,
      stderrContains: ["kg: notes.txt: is not a kg store; it was left untouched"]),
    Case(
      id: "a SQLite database of another program",
      setup: { f in
        try GraphStore._executeRaw(
          sql: "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Ada'), ('Grace');",
          atPath: f.path("other.db"))
        return "other.db"
      }, expectedExit: 74, stderrContains: ["kg: other.db: is not a kg store; it was left untouched"]),
    Case(
      id: "a store written by a newer kg",
      setup: { f in
        try builtStore(f, "future.sqlite")
        try GraphStore._executeRaw(
          sql: "INSERT INTO grdb_migrations VALUES ('v99-future')", atPath: f.path("future.sqlite"))
        return "future.sqlite"
      }, expectedExit: 74,
      stderrContains: ["kg: future.sqlite: was written by a newer kg (schema v99-future, this kg knows up to v4)"]),
    Case(
      id: "a store with damaged pages",
      setup: { f in
        try builtStore(f, "damaged.sqlite")
        var bytes = try f.bytes("damaged.sqlite")
        for i in 4096..<min(bytes.count, 4096 * 4) { bytes[i] = 0x5A }
        return try f.write("damaged.sqlite", bytes)
      }, expectedExit: 74, stderrContains: ["kg: damaged.sqlite: the store is damaged", "it was left untouched"]),
    Case(
      id: "a store cut in half",
      setup: { f in
        try builtStore(f, "cut.sqlite")
        let bytes = try f.bytes("cut.sqlite")
        return try f.write("cut.sqlite", Array(bytes.prefix(bytes.count / 2)))
      }, expectedExit: 74, stderrContains: ["kg: cut.sqlite:", "left untouched"]),
    Case(
      id: "a SQLite header followed by garbage",
      setup: { f in
        var rng = SeededGenerator(seed: 74)
        let garbage = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return try f.write("fake.sqlite", Array("SQLite format 3\0".utf8) + garbage)
      }, expectedExit: 74, stderrContains: ["kg: fake.sqlite:", "left untouched"]),
    Case(
      id: "another program's GRDB database with its own 'v1' migration",
      setup: { f in
        try GraphStore._executeRaw(
          sql: """
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            INSERT INTO grdb_migrations VALUES ('v1');
            CREATE TABLE document (id INTEGER PRIMARY KEY, title TEXT);
            INSERT INTO document VALUES (1, 'Minutes');
            """, atPath: f.path("app.db"))
        return "app.db"
      }, expectedExit: 74,
      stderrContains: ["kg: app.db: is not a kg store, or a damaged one (no ", "it was left untouched"]),
    Case(
      id: "a store missing its edge table",
      setup: { f in
        try builtStore(f, "partial.sqlite")
        try GraphStore._executeRaw(
          sql: "PRAGMA foreign_keys = OFF; DROP TABLE evidence; DROP TABLE edge;", atPath: f.path("partial.sqlite"))
        return "partial.sqlite"
      }, expectedExit: 74,
      stderrContains: ["kg: partial.sqlite: is not a kg store, or a damaged one (no table 'edge')", "left untouched"]),
  ]

  /// A store missing a table is named as such by the commands that only read, too.
  @Test func aStoreMissingATableIsRefusedByQueries() throws {
    let folder = try TempFolder("kg-store")
    try builtStore(folder, "partial.sqlite")
    try GraphStore._executeRaw(
      sql: "PRAGMA foreign_keys = OFF; DROP TABLE evidence;", atPath: folder.path("partial.sqlite"))
    let before = try folder.bytes("partial.sqlite")
    for command in [["stats"], ["entities"], ["export", "--format", "json"], ["check"]] {
      let result = try KGProcess.run(command + ["--store", "partial.sqlite"], in: folder.url)
      #expect(result.status == 74, "\(command): \(result)")
      #expect(
        result.stderr.contains("kg: partial.sqlite: is not a kg store, or a damaged one (no table 'evidence')"),
        "\(command): \(result)")
      #expect(!result.stderr.contains("could not write"), "\(command): \(result)")
    }
    #expect(try folder.bytes("partial.sqlite") == before)
  }

  @Test(arguments: cases)
  func refusedStore(_ c: Case) throws {
    let folder = try TempFolder("kg-store")
    let store = try c.setup(folder)
    try folder.seed(0, as: "good.txt")
    let before = try folder.bytes(store)
    let walBefore = try? folder.bytes(store + "-wal")
    let shmBefore = FileManager.default.fileExists(atPath: folder.path(store + "-shm"))
    let result = try KGProcess.run(["build", "good.txt", "--store", store], in: folder.url)
    #expect(result.status == c.expectedExit, "\(result)")
    for s in c.stderrContains { #expect(result.stderr.contains(s), "stderr lacks '\(s)'\n\(result)") }
    #expect(try folder.bytes(store) == before, "the file was changed")
    // No write-ahead log was made or written to either, and no other file appeared.
    #expect((try? folder.bytes(store + "-wal")) == walBefore, "the -wal file was changed")
    #expect(FileManager.default.fileExists(atPath: folder.path(store + "-shm")) == shmBefore)
  }

  @Test func reRunningAddsNothing() throws {
    let folder = try TempFolder("kg-store")
    for i in 0..<KGProcess.seedFiles.count { try folder.seed(i, as: "in/seed\(i).txt") }
    let first = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(first.status == 0, "\(first)")
    let counts = try GraphStore(path: folder.path("kg.sqlite")).counts()
    let second = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(second.status == 0, "\(second)")
    #expect(
      second.stdout.contains("0 added, 0 replaced, \(KGProcess.seedFiles.count) unchanged, 0 edges written"),
      "\(second)")
    let again = try GraphStore(path: folder.path("kg.sqlite")).counts()
    #expect(again == counts)
  }

  @Test func aChangedArticleReplacesItsEdges() throws {
    let folder = try TempFolder("kg-store")
    try folder.seed(0, as: "article.txt")
    try folder.seed(2, as: "other.txt")
    #expect(
      try KGProcess.run(["build", "article.txt", "other.txt", "--store", "kg.sqlite"], in: folder.url).status == 0)
    let oldQuotes = try evidence(in: folder.path("kg.sqlite"), document: "article.txt")
    let otherBefore = try evidence(in: folder.path("kg.sqlite"), document: "other.txt")
    #expect(!oldQuotes.isEmpty)
    // Same path, new content.
    try folder.seed(1, as: "article.txt")
    let rerun = try KGProcess.run(["build", "article.txt", "other.txt", "--store", "kg.sqlite"], in: folder.url)
    #expect(rerun.status == 0, "\(rerun)")
    #expect(rerun.stdout.contains("0 added, 1 replaced, 1 unchanged"), "\(rerun)")
    // The article now holds exactly what a clean build of the new content holds; the other
    // document is untouched; no edge is left without evidence.
    #expect(try KGProcess.run(["build", "article.txt", "--store", "clean.sqlite"], in: folder.url).status == 0)
    let now = try evidence(in: folder.path("kg.sqlite"), document: "article.txt")
    #expect(now == (try evidence(in: folder.path("clean.sqlite"), document: "article.txt")))
    #expect(now.isDisjoint(with: oldQuotes))
    #expect(try evidence(in: folder.path("kg.sqlite"), document: "other.txt") == otherBefore)
    let graph = try GraphStore(path: folder.path("kg.sqlite")).loadGraph()
    #expect(graph.edges.allSatisfy { !$0.provenance.isEmpty })
  }

  @Test func twoBuildsAtOnceOnOneStore() throws {
    let folder = try TempFolder("kg-store")
    for i in 0..<12 { try folder.seed(i % KGProcess.seedFiles.count, as: "in/a\(i).txt") }
    // Both start before either has made the store, and race for every document.
    let a = try KGProcess.start(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    let b = try KGProcess.start(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    let errA = String(decoding: a.stderr.readDataToEndOfFile(), as: UTF8.self)
    let errB = String(decoding: b.stderr.readDataToEndOfFile(), as: UTF8.self)
    a.process.waitUntilExit()
    b.process.waitUntilExit()
    #expect(a.process.terminationStatus == 0, "\(errA)")
    #expect(b.process.terminationStatus == 0, "\(errB)")
    let store = try GraphStore(path: folder.path("kg.sqlite"))
    #expect(try store._integrityCheck() == ["ok"])
    #expect(try store._checkInvariants() == [])
    #expect(try KGProcess.run(["build", "in", "--store", "clean.sqlite"], in: folder.url).status == 0)
    #expect(try allEvidence(in: folder.path("kg.sqlite")) == (try allEvidence(in: folder.path("clean.sqlite"))))
  }
}

/// Builds seed 1 into `store` (in-process, as `kg build` does) and closes it, so its bytes are
/// settled.
func builtStore(_ folder: TempFolder, _ store: String) throws {
  let workspace = try Workspace(storePath: folder.path(store))
  let report = try workspace.build(paths: [KGProcess.seedFiles[1].path], configuration: try builtInConfiguration.get())
  guard report.added == 1 else { throw POSIXError(.EIO) }
  try workspace.store._close()
}

/// One line per evidence row of `document`: the edge and the exact span, quote and rule.
func evidence(in store: String, document: String) throws -> Set<String> {
  try allEvidence(in: store).filter { $0.hasPrefix(document + " ") }
}

/// One line per evidence row of the store, led by its document's path (without `prefix`, for
/// stores built in-process from absolute paths).
func allEvidence(in store: String, droppingPrefix prefix: String = "") throws -> Set<String> {
  let graph = try GraphStore(path: store).loadGraph()
  return Set(
    graph.edges.flatMap { e in
      e.provenance.map {
        "\($0.document.hasPrefix(prefix) ? String($0.document.dropFirst(prefix.count)) : $0.document) \(e.source) \(e.type) \(e.target) \(e.modality) \($0.sentence) \($0.span.start)-\($0.span.end) \($0.rule) \($0.quote)"
      }
    })
}
