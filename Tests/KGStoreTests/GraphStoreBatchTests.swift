import Foundation
import KGModel
import Testing

@testable import KGStore

/// Documents written in one transaction, each in a savepoint: the rows are those of writing the
/// documents one transaction each, a refused document rolls back alone, and entities are
/// written once per build unless they change.
struct GraphStoreBatchTests {
  static func rows(_ store: GraphStore) throws -> [String] {
    let graph = try store.loadGraph()
    return graph.documents.map { "\($0)" } + graph.entities.map { "\($0)" } + graph.edges.map { "\($0)" }
  }

  /// A batch writes what one transaction per document writes, row for row.
  @Test(arguments: StoreKind.allCases)
  func aBatchWritesWhatSingleWritesDo(kind: StoreKind) throws {
    let documents = [ExtractionFixture.article, ExtractionFixture.otherArticle, ExtractionFixture.articleChanged]
    let single = try GraphStore(inMemoryNamed: "batch-single-\(UUID().uuidString)")
    for d in documents { try single.write(d, extractedWith: "x") }
    let expected = try Self.rows(single)
    try withStore(kind) { store, _ in
      let memo = EntityMemo()
      let outcomes = try store.inBatch(remembering: memo) { batch in
        try documents.map { try batch.write($0, extractedWith: "x") }
      }
      #expect(outcomes == [.added(edges: 4), .added(edges: 2), .replaced(edges: 1)])
      #expect(try Self.rows(store) == expected)
      #expect(try store._checkInvariants() == [])
      // The same again through the memo: nothing new, and the same rows.
      let (adopted, again) = try store.inBatch(remembering: memo) { batch in
        (
          try batch.adoptIfStored(ExtractionFixture.otherArticle.document, extractedWith: "x"),
          try batch.write(ExtractionFixture.otherArticle, extractedWith: "x")
        )
      }
      #expect(adopted)
      #expect(again == .unchanged)
      #expect(try Self.rows(store) == expected)
    }
  }

  /// A build's batches (`duringBuild`) leave the write-ahead log uncopied until the end, where one
  /// checkpoint copies and truncates it; meanwhile another connection reads whole documents:
  /// those of the committed batches, nothing of the open one.
  @Test func aBuildCheckpointsAtItsEndAndReadersSeeWholeDocuments() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-build-wal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("kg.sqlite").path
    let store = try GraphStore(path: path)
    let reader = try GraphStore.openForReading(path: path)
    let first = try GraphStore(inMemoryNamed: "batch-first-\(UUID().uuidString)")
    try first.write(ExtractionFixture.article, extractedWith: "x")
    let both = try GraphStore(inMemoryNamed: "batch-both-\(UUID().uuidString)")
    try both.write(ExtractionFixture.article, extractedWith: "x")
    try both.write(ExtractionFixture.otherArticle, extractedWith: "x")
    func walSize() -> Int { GraphStore.size(of: path + "-wal") ?? 0 }

    let memo = EntityMemo()
    try store.duringBuild {
      #expect(try store._walAutocheckpoint() == GraphStore.buildCheckpointPages)
      try store.inBatch(remembering: memo) { batch in try batch.write(ExtractionFixture.article, extractedWith: "x") }
      #expect(try Self.rows(reader) == Self.rows(first))
      try store.inBatch(remembering: memo) { batch in
        try batch.write(ExtractionFixture.otherArticle, extractedWith: "x")
        #expect(try Self.rows(reader) == Self.rows(first), "a reader saw part of an open batch")
      }
      #expect(try Self.rows(reader) == Self.rows(both))
      #expect(walSize() > 0)
    }
    #expect(walSize() == 0, "the log was not checkpointed and truncated at the end of the build")
    #expect(try store._walAutocheckpoint() == 1000)
    #expect(try Self.rows(reader) == Self.rows(both))
    #expect(try store._checkInvariants() == [])
    #expect(try store._integrityCheck() == ["ok"])
  }

  /// A document the store refuses (its edge names an entity it does not give) rolls back alone;
  /// the documents before and after it in the batch are kept, and their rows go in whole.
  @Test(arguments: StoreKind.allCases)
  func aRefusedDocumentRollsBackAlone(kind: StoreKind) throws {
    var bad = ExtractionFixture.make(
      path: "seeds/bad.txt", sentences: ["Turkey attacked somebody."],
      statements: [.init(sentence: 0, source: "turkey", type: .attack, target: "afrin")])
    bad.entities = bad.entities.filter { $0.id != "afrin" }  // the edge's target is not given
    bad.mentions = bad.mentions.filter { $0.entityID != "afrin" }
    try withStore(kind) { store, _ in
      let refused = try store.inBatch(remembering: EntityMemo()) { batch -> Bool in
        try batch.write(ExtractionFixture.article)
        var refused = false
        do { try batch.write(bad) } catch { refused = true }
        try batch.write(ExtractionFixture.otherArticle)
        return refused
      }
      #expect(refused)
      let graph = try store.loadGraph()
      #expect(graph.documents.map(\.path) == ["seeds/a.txt", "seeds/b.txt"])
      #expect(graph.edges.flatMap(\.provenance).allSatisfy { $0.document != "seeds/bad.txt" })
      #expect(graph.edges.count == 5)
      #expect(try store._checkInvariants() == [])
    }
  }

  /// Entities come from the latest extraction even when the memo has seen them: a changed
  /// name is written, an unchanged one is not written again.
  @Test func theMemoWritesAChangedEntity() throws {
    let store = try GraphStore(inMemoryNamed: "batch-memo-\(UUID().uuidString)")
    let memo = EntityMemo()
    var renamed = ExtractionFixture.otherArticle
    renamed.entities = renamed.entities.map { e in
      var e = e
      if e.id == "turkey" { e.name = "Türkiye" }
      return e
    }
    let first = try store.inBatch(remembering: memo) { batch -> String? in
      try batch.write(ExtractionFixture.article)
      let name = memo.written["turkey"]?.name
      try batch.write(renamed)
      return name
    }
    #expect(first == "Turkey")
    #expect(try store.loadGraph().entities.first { $0.id == "turkey" }?.name == "Türkiye")
  }
}
