import Foundation
import KGModel
import Testing

@testable import KGStore

/// The store keeps whole documents and refuses what is not its own: each document in one
/// transaction; an unchanged document adds nothing; a changed one replaces its edges; a file that
/// is not a store, is from a newer kg, or is damaged is refused and left byte-for-byte unchanged.
///
/// Behaviour tests run the same body against a store in memory (`DatabaseQueue`) and on disk
/// (`DatabasePool`, WAL).
@Suite struct StoreRobustnessTests {
  enum Kind: String, CaseIterable, Sendable { case inMemory, onDisk }

  /// A fresh store of `kind`, with the folder that holds it (if any).
  static func makeStore(_ kind: Kind) throws -> (GraphStore, Folder) {
    let folder = try Folder()
    switch kind {
    case .inMemory: return (try GraphStore(inMemoryNamed: "robust-\(UUID().uuidString)"), folder)
    case .onDisk: return (try GraphStore(path: folder.path("kg.sqlite")), folder)
    }
  }

  @Test func onDiskStoresUseWALWithABusyTimeout() throws {
    let (store, _folder) = try Self.makeStore(.onDisk)
    let settings = try store._connectionSettings()
    #expect(settings.isPool)
    #expect(settings.journalMode == "wal")
    #expect(settings.busyTimeoutMilliseconds == Int(GraphStore.busyTimeout * 1000))
    _ = _folder
  }

  @Test(arguments: Kind.allCases)
  func reIngestingAnUnchangedDocumentAddsNothing(_ kind: Kind) throws {
    let (store, _folder) = try Self.makeStore(kind)
    let doc = article(
      "a.txt", "Turkey attacked Syria. Russia supported Syria.",
      [("turkey", .attack, "syria"), ("russia", .support, "syria")])
    #expect(try store.write(doc) == .added(edges: 2))
    let before = try store.counts()
    #expect(try store.isStored(path: "a.txt", contentHash: doc.document.contentHash))
    #expect(try store.write(doc) == .unchanged)
    #expect(try store.counts() == before)
    _ = _folder
  }

  @Test(arguments: Kind.allCases)
  func aChangedDocumentReplacesItsEdges(_ kind: Kind) throws {
    let (store, _folder) = try Self.makeStore(kind)
    try store.write(
      article(
        "a.txt", "Turkey attacked Syria. Russia supported Syria.",
        [("turkey", .attack, "syria"), ("russia", .support, "syria")]))
    try store.write(article("b.txt", "Iran supported Syria.", [("iran", .support, "syria")]))
    let changed = article("a.txt", "Israel attacked Iran.", [("israel", .attack, "iran")])
    #expect(try store.write(changed) == .replaced(edges: 1))
    let graph = try store.loadGraph()
    let keys = Set(graph.edges.map { "\($0.source) \($0.type) \($0.target)" })
    #expect(keys == ["israel attack iran", "iran support syria"])
    #expect(graph.documents.map(\.path).sorted() == ["a.txt", "b.txt"])
    #expect(graph.edges.allSatisfy { !$0.provenance.isEmpty })
    #expect(try store._checkInvariants() == [])
    _ = _folder
  }

  @Test(arguments: Kind.allCases)
  func aDocumentThatFailsLeavesNothingBehind(_ kind: Kind) throws {
    let (store, _folder) = try Self.makeStore(kind)
    try store.write(article("a.txt", "Turkey attacked Syria.", [("turkey", .attack, "syria")]))
    let before = try store.counts()
    // An edge to an entity the extraction does not carry breaks a foreign key half-way through.
    var broken = article("b.txt", "Iran supported Hezbollah.", [("iran", .support, "hezbollah")])
    broken.entities.removeAll { $0.id == "hezbollah" }
    #expect {
      try store.write(broken)
    } throws: { error in
      guard case .writeFailed(_, _) = error as? StoreError else { return false }
      return true
    }
    #expect(try store.counts() == before)
    #expect(try !store.isStored(path: "b.txt", contentHash: broken.document.contentHash))
    _ = _folder
  }

  // MARK: - Files that are not ours

  struct RefusedCase: Sendable, CustomTestStringConvertible {
    var id: String
    var make: @Sendable (String) throws -> Void
    var expected: @Sendable (String) -> StoreError?
    var testDescription: String { id }
  }

  static let refused: [RefusedCase] = [
    RefusedCase(
      id: "a text file", make: { try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: $0)) },
      expected: { .notAStore(path: $0) }),
    RefusedCase(
      id: "another program's SQLite database (rollback journal)",
      make: {
        try GraphStore._executeRaw(
          sql: "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Ada')", atPath: $0)
      },
      expected: { .notAStore(path: $0) }),
    RefusedCase(
      id: "a store from a newer kg",
      make: { path in
        try storeWithOneDocument(path)
        try GraphStore._executeRaw(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')", atPath: path)
      },
      expected: {
        .newerSchema(
          path: $0, found: ["v1", "v2", "v3", "v4", "v9-from-the-future"], supported: ["v1", "v2", "v3", "v4"])
      }),
    RefusedCase(
      id: "a store with damaged pages",
      make: { path in
        try storeWithOneDocument(path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for i in 4096..<min(bytes.count, 4096 * 4) { bytes[i] = 0xA5 }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
      }, expected: { _ in nil }),
  ]

  @Test(arguments: refused)
  func refusedFilesAreLeftUnchanged(_ c: RefusedCase) throws {
    let folder = try Folder()
    let path = folder.path("store.sqlite")
    try c.make(path)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let listing = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect {
      _ = try GraphStore(path: path)
    } throws: { error in
      guard let error = error as? StoreError else { return false }
      if let expected = c.expected(path) { return error == expected }
      if case .corrupted = error { return error.description.hasPrefix(path + ": the store is damaged") }
      if case .notAStore = error { return true }
      return false
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == listing)
  }

  @Test func aStoreWhoseCreationWasInterruptedOpens() throws {
    let folder = try Folder()
    let path = folder.path("kg.sqlite")
    // Killed after GRDB made its bookkeeping table and before the first migration committed.
    try GraphStore._executeRaw(
      sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)", atPath: path)
    let store = try GraphStore(path: path)
    try store.write(article("a.txt", "Turkey attacked Syria.", [("turkey", .attack, "syria")]))
    #expect(try store.counts().edges == 1)
  }

  @Test func errorMessagesStartWithThePath() {
    for error: StoreError in [
      .notAStore(path: "x.db"), .newerSchema(path: "x.db", found: ["v1", "v9"], supported: ["v1", "v2", "v3"]),
      .corrupted(path: "x.db", reason: "page 3"), .busy(path: "x.db"), .cannotOpen(path: "x.db", reason: "r"),
      .writeFailed(path: "x.db", reason: "r"),
    ] {
      #expect(error.description.hasPrefix("x.db: "))
    }
  }
}

// MARK: - Helpers

/// A fresh temporary folder, removed when released.
final class Folder: @unchecked Sendable {
  let url: URL
  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("kg-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Makes a store at `path` holding one document, and closes it.
func storeWithOneDocument(_ path: String) throws {
  let store = try GraphStore(path: path)
  try store.write(article("a.txt", "Turkey attacked Syria.", [("turkey", .attack, "syria")]))
  try store._close()
}

/// An extraction of `text` at `path` with one edge per triple, each quoting the whole sentence
/// that names both ends.
func article(_ path: String, _ text: String, _ triples: [(String, RelationType, String)]) -> DocumentExtraction {
  let scalars = ScalarText(text)
  let whole = TextSpan(start: 0, end: scalars.count)
  let document = Document(
    path: path, contentHash: fingerprint(text), text: scalars, body: whole,
    sentences: [Sentence(index: 0, span: whole)], metadata: ArticleMetadata())
  var entities: [String: Entity] = [:]
  var edges: [Edge] = []
  for (source, type, target) in triples {
    for id in [source, target] { entities[id] = Entity(id: id, name: id.capitalized, kind: .state) }
    // The sentence naming the source: from its name to the next full stop.
    let name = source.capitalized
    let start =
      text.range(of: name).map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0.lowerBound) }
      ?? 0
    var end = start
    while end < scalars.count, scalars.scalars[end] != "." { end += 1 }
    let span = TextSpan(start: start, end: min(end + 1, scalars.count))
    edges.append(
      Edge(
        key: EdgeKey(source: source, type: type, target: target, modality: .asserted),
        provenance: [
          Provenance(
            document: path, sentence: 0, span: span, quote: scalars[span], rule: "ActiveVoice", modality: .asserted)
        ]))
  }
  return DocumentExtraction(
    document: document, entities: entities.values.sorted { $0.id < $1.id }, mentions: [], edges: edges)
}
