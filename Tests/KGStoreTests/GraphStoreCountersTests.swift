import Foundation
import KGModel
import Testing

@testable import KGStore

/// The counters `kg stats` and `kg entities` read (kept by triggers, migration "v3") equal a
/// recount of the rows after every kind of write: new documents, re-ingest, replacement,
/// a path moved to other text, a refused document in a batch, a changed entity kind, the bulk
/// import into an empty store and into a store with edges, and the migration of an older store.
struct GraphStoreCountersTests {
  /// Counters equal the recount, and `counterProblems()` says so.
  static func expectAgree(_ store: GraphStore, _ when: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let (kept, recounted) = try store._countersKeptAndRecounted()
    #expect(kept == recounted, "after \(when)", sourceLocation: sourceLocation)
    #expect(try store.counterProblems() == [], "after \(when)", sourceLocation: sourceLocation)
  }

  @Test(arguments: StoreKind.allCases)
  func countersFollowWritesReingestAndReplacement(_ kind: StoreKind) throws {
    try withStore(kind) { store, reopen in
      try Self.expectAgree(store, "creation")
      try store.write(ExtractionFixture.article)
      try Self.expectAgree(store, "the first document")
      // The figures themselves, not only their agreement.
      let counts = try store.aggregateCounts()
      #expect(counts.documents == 1)
      #expect(counts.evidence == 4)
      #expect(counts.entitiesByKind == ["state": 4, "armed_group": 2])
      #expect(
        counts.edgesByTypeAndModality == [
          "attack": ["asserted": 1], "cooperate": ["asserted": 1], "accuse": ["asserted": 1],
          "support": ["alleged": 1],
        ])
      let degrees = try store.degrees()
      #expect(degrees.outgoing["russia"] == 1)
      #expect(degrees.incoming["united-states"] == 1)
      #expect(degrees.incoming["ypg"] == 1)
      #expect(degrees.outgoing["ypg"] == nil)
      let listed = try store.countedEntities()
      #expect(listed.map(\.entity) == (try store.allEntities()))
      #expect(
        listed.allSatisfy {
          $0.outgoing == degrees.outgoing[$0.entity.id] ?? 0 && $0.incoming == degrees.incoming[$0.entity.id] ?? 0
        })
      #expect(listed.first { $0.entity.id == "united-states" }.map { [$0.outgoing, $0.incoming] } == [1, 1])

      try store.write(ExtractionFixture.otherArticle)
      try Self.expectAgree(store, "a second document sharing an edge")
      #expect(try store.write(ExtractionFixture.otherArticle) == .unchanged)
      try Self.expectAgree(store, "re-ingesting it")
      try store.write(ExtractionFixture.otherArticle, force: true)
      try Self.expectAgree(store, "re-extracting it")
      #expect(try store.write(ExtractionFixture.articleChanged) == .replaced(edges: 1))
      try Self.expectAgree(store, "replacing the first document")
      #expect(try store.aggregateCounts().documents == 2)
      // The same text under a second path, then that path given other text: the copy goes.
      var copy = ExtractionFixture.otherArticle
      copy.document.path = "seeds/copy.txt"
      try store.write(copy)
      try Self.expectAgree(store, "a second path for the same text")
      var moved = ExtractionFixture.article
      moved.document.path = "seeds/b.txt"
      try store.write(moved)
      try Self.expectAgree(store, "a path taken by other text")
      #expect(try store.aggregateCounts().documents == (try store.counts().documents))
      try Self.expectAgree(try reopen(), "reopening")
    }
  }

  /// An entity whose latest extraction gives it another kind moves between the kind counters.
  @Test(arguments: StoreKind.allCases)
  func aChangedEntityKindMovesBetweenCounters(_ kind: StoreKind) throws {
    try withStore(kind) { store, _ in
      try store.write(ExtractionFixture.article)
      var changed = ExtractionFixture.otherArticle
      changed.entities = changed.entities.map { e in
        var e = e
        if e.id == "turkey" { e.kind = .organization }
        return e
      }
      try store.write(changed)
      #expect(try store.aggregateCounts().entitiesByKind["organization"] == 1)
      try Self.expectAgree(store, "a kind change")
    }
  }

  /// A batch with a refused document: its savepoint's counter updates roll back with it.
  @Test(arguments: StoreKind.allCases)
  func aRefusedDocumentInABatchLeavesTheCountersRight(_ kind: StoreKind) throws {
    var bad = ExtractionFixture.make(
      path: "seeds/bad.txt", sentences: ["Turkey attacked somebody."],
      statements: [.init(sentence: 0, source: "turkey", type: .attack, target: "afrin")])
    bad.entities = bad.entities.filter { $0.id != "afrin" }
    bad.mentions = bad.mentions.filter { $0.entityID != "afrin" }
    try withStore(kind) { store, _ in
      try store.inBatch { batch in
        try batch.write(ExtractionFixture.article)
        #expect(throws: StoreError.self) { try batch.write(bad) }
        try batch.write(ExtractionFixture.otherArticle)
      }
      try Self.expectAgree(store, "a batch with a refused document")
      #expect(try store.aggregateCounts().documents == 2)
    }
  }

  /// The bulk import drops the edge and evidence triggers and recounts at its end; into a store
  /// that has edges it goes row by row through the triggers.
  @Test(arguments: StoreKind.allCases)
  func bulkImportLeavesTheCountersRight(_ kind: StoreKind) throws {
    try withStore(kind) { store, _ in
      let edges = GraphStoreImportTests.edges(150)
      try store.importGraph(
        documents: GraphStoreImportTests.documents, entities: GraphStoreImportTests.entities, edges: edges)
      try Self.expectAgree(store, "an import into an empty store")
      #expect(try store.aggregateCounts().edgesByTypeAndModality.values.flatMap(\.values).reduce(0, +) == 150)
      // The triggers are back: a document written afterwards is counted.
      try store.write(ExtractionFixture.article)
      try Self.expectAgree(store, "a write after the import")
      try store.importGraph(
        documents: [], entities: GraphStoreImportTests.entities, edges: GraphStoreImportTests.edges(200))
      try Self.expectAgree(store, "an import into a store with edges")
    }
  }

  /// A store of an older kg gets its counters from the rows it holds.
  @Test func migratingAnOlderStoreFillsTheCounters() throws {
    let folder = try Folder()
    let path = folder.path("old.sqlite")
    try GraphStore._makeStore(atPath: path, upTo: "v2")
    try GraphStore._executeRaw(
      sql: """
        INSERT INTO entity (id, name, kind) VALUES ('a', 'A', 'state'), ('b', 'B', 'state'), ('c', 'C', 'person');
        INSERT INTO document (id, path, contentHash, text, bodyStart, bodyEnd, sentenceCount)
        VALUES (1, 'x.txt', 'h1', 'A hit B.', 0, 8, 1), (2, 'y.txt', 'h2', 'B hit A.', 0, 8, 1);
        INSERT INTO documentPath (documentId, path) VALUES (1, 'x.txt'), (2, 'y.txt');
        INSERT INTO edge (id, source, type, target, modality) VALUES (1, 'a', 'attack', 'b', 'asserted'),
               (2, 'b', 'attack', 'a', 'asserted'), (3, 'a', 'support', 'b', 'alleged');
        INSERT INTO evidence (edgeId, documentId, sentence, start, end, quote, rule, modality)
        VALUES (1, 1, 0, 0, 8, 'A hit B.', 'R', 'asserted'), (2, 2, 0, 0, 8, 'B hit A.', 'R', 'asserted'),
               (3, 1, 0, 0, 8, 'A hit B.', 'S', 'alleged'), (1, 2, 0, 0, 8, 'B hit A.', 'R', 'asserted');
        """, atPath: path)
    let store = try GraphStore.openForReading(path: path)
    let counts = try store.aggregateCounts()
    #expect(counts.documents == 2)
    #expect(counts.evidence == 4)
    #expect(counts.entitiesByKind == ["state": 2, "person": 1])
    #expect(counts.edgesByTypeAndModality == ["attack": ["asserted": 2], "support": ["alleged": 1]])
    let degrees = try store.degrees()
    #expect(degrees.outgoing == ["a": 2, "b": 1])
    #expect(degrees.incoming == ["a": 1, "b": 2])
    try Self.expectAgree(store, "the migration")
  }

  /// A store that lost a counting trigger is refused on open rather than let its counts drift.
  @Test func aStoreWithoutItsTriggersIsRefused() throws {
    let folder = try Folder()
    let path = folder.path("kg.sqlite")
    try GraphStore(path: path).write(ExtractionFixture.article)
    try GraphStore._executeRaw(sql: "DROP TRIGGER edge_counted_on_insert", atPath: path)
    #expect(throws: StoreError.incompleteSchema(path: path, missing: "trigger 'edge_counted_on_insert'")) {
      _ = try GraphStore.openForReading(path: path)
    }
  }

  /// A counter changed behind the triggers' back is reported, with both figures.
  @Test func aDriftedCounterIsReported() throws {
    let folder = try Folder()
    let path = folder.path("kg.sqlite")
    let store = try GraphStore(path: path)
    try store.write(ExtractionFixture.article)
    try GraphStore._executeRaw(
      sql: """
        UPDATE counter SET count = count + 1 WHERE subject = 'edge' AND type = 'attack';
        UPDATE entityDegree SET incoming = 0 WHERE entityId = 'ypg';
        """, atPath: path)
    #expect(
      try store.counterProblems() == [
        "the counter of edges 'attack' 'asserted' holds 2, a recount gives 1",
        "the counter of incoming edges of 'ypg' holds 0, a recount gives 1",
      ])
    #expect(try store.integrityProblems() == (try store.counterProblems()))
  }
}
