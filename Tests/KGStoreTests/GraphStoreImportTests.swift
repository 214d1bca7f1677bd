import Foundation
import KGModel
import Testing

@testable import KGStore

/// The bulk import into an empty store (`importGraph`, `BulkInsert`, `keyOrder`): what goes in
/// comes back out, across full and partial batches of rows, and bad references are refused.
struct GraphStoreImportTests {
  /// Entities whose ids sort differently by UTF-8 bytes than by Swift's `<` ("Z" < "a" < "é").
  static let ids = ["zab", "Zed", "état", "a1", "a10", "a2", "ḥama", "ISIS"]

  static let entities = ids.map { Entity(id: $0, name: $0.capitalized, kind: .armedGroup) }
  static let documents = (0..<3).map { i in
    DocumentInfo(
      id: 0, path: "bulk/\(i).txt", contentHash: "h\(i)",
      metadata: ArticleMetadata(title: "T\(i)", dateText: nil, date: "2019-01-0\(i + 1)", outlet: nil),
      sentenceCount: 9)
  }

  /// `count` distinct edges over `ids`, every fifth with a second statement; quotes include an
  /// empty one, quotes and backslashes, and non-ASCII text; claimants are sometimes nil.
  static func edges(_ count: Int) -> [Edge] {
    var edges: [Edge] = []
    var n = 0
    outer: for type in RelationType.allCases where !type.isSymmetric {
      for s in ids {
        for t in ids where s != t {
          guard edges.count < count else { break outer }
          let modality: Modality = n % 3 == 0 ? .alleged : .asserted
          let quotes = ["", "\(s) \"hit\" \(t)\\", "قصف \(t) — \(n)"]
          var provenance = [
            Provenance(
              document: "bulk/\(n % 3).txt", sentence: n % 9, span: TextSpan(start: 0, end: 1),
              quote: quotes[n % 3], rule: "ActiveVoice", modality: modality, claimant: modality == .alleged ? t : nil)
          ]
          if n % 5 == 0 {
            provenance.append(
              Provenance(
                document: "bulk/\((n + 1) % 3).txt", sentence: 1, span: TextSpan(start: 2, end: 5),
                quote: "again \(n)", rule: "PassiveVoice", modality: modality, claimant: nil))
          }
          edges.append(
            Edge(
              key: EdgeKey(source: s, type: type, target: t, modality: modality),
              assertedBy: modality == .alleged ? t : nil, provenance: provenance))
          n += 1
        }
      }
    }
    return edges
  }

  /// Edges as comparable text, order-free.
  static func summary(_ edges: [Edge]) -> [String] {
    edges.map { e in
      let statements = e.provenance.map {
        "\($0.document)#\($0.sentence)@\($0.span.start)-\($0.span.end) \($0.rule) \($0.modality) \($0.claimant ?? "-") \($0.quote)"
      }
      return "\(e.source) \(e.type) \(e.target) \(e.modality) by \(e.assertedBy ?? "-"): "
        + statements.sorted().joined(separator: " | ")
    }.sorted()
  }

  @Test(arguments: StoreKind.allCases, [1, 64, 65, 200])
  func importedGraphReadsBackTheSame(_ kind: StoreKind, count: Int) throws {
    try withStore(kind) { store, _ in
      let edges = Self.edges(count)
      #expect(edges.count == count)
      #expect(try store.importGraph(documents: Self.documents, entities: Self.entities, edges: edges) == count)
      let loaded = try store.loadGraphForQuery()
      #expect(Self.summary(loaded.edges) == Self.summary(edges))
      #expect(loaded.edges == (try store.loadGraph()).edges)
      #expect(try store._integrityCheck() == ["ok"])  // indexes rebuilt and consistent with the rows
      // The empty quote stays an empty string, not NULL.
      #expect(loaded.edges.contains { $0.provenance.contains { $0.quote.isEmpty } })
    }
  }

  @Test func repeatedKeysMergeIntoOneEdge() throws {
    let store = try GraphStore(inMemoryNamed: "import-merge-\(UUID().uuidString)")
    var edges = Self.edges(3)
    var again = edges[1]
    again.provenance = [
      Provenance(
        document: "bulk/2.txt", sentence: 7, span: TextSpan(start: 0, end: 3), quote: "once more", rule: "ActiveVoice",
        modality: again.modality, claimant: nil)
    ]
    edges.append(again)
    #expect(try store.importGraph(documents: Self.documents, entities: Self.entities, edges: edges) == 3)
    let merged = try #require(try store.loadGraphForQuery().edges.first { $0.key == again.key })
    #expect(merged.provenance.map(\.quote).sorted() == (edges[1].provenance.map(\.quote) + ["once more"]).sorted())
  }

  @Test func edgeNamingAnUnknownEntityIsRefusedAndNothingIsWritten() throws {
    let store = try GraphStore(inMemoryNamed: "import-bad-\(UUID().uuidString)")
    var edges = Self.edges(70)
    edges[66].key.target = "nobody"
    #expect {
      try store.importGraph(documents: Self.documents, entities: Self.entities, edges: edges)
    } throws: { error in
      guard case StoreError.writeFailed(_, let reason) = error else { return false }
      return reason.contains("nobody") && reason.contains("not given")
    }
    let counts = try store.counts()
    #expect(counts.edges == 0 && counts.entities == 0 && counts.documents == 0)
  }

  @Test func keyOrderFollowsSQLiteBinaryOrder() throws {
    let edges = Self.edges(120)
    let order = try GraphStore.keyOrder(edges, ids: Set(Self.ids)).get()
    #expect(order.sorted() == Array(edges.indices))
    // SQLite sorts the same keys by its BINARY collation; the order must agree with it.
    let store = try GraphStore(inMemoryNamed: "import-order-\(UUID().uuidString)")
    try store.importGraph(documents: Self.documents, entities: Self.entities, edges: edges)
    let stored = try store.loadGraphForQuery().edges  // by id, assigned in key order
    #expect(stored.map(\.key) == order.map { edges[$0].key })
    #expect(GraphStore.utf8Precedes("Zed", "a1") && GraphStore.utf8Precedes("zab", "état"))
    #expect(!GraphStore.utf8Precedes("a10", "a1") && GraphStore.utf8Precedes("", "a"))
  }

  /// A grid of `sources` x `targets` attack edges over ids "s0"... and "t0"..., each with one
  /// statement and every third with a second one: enough rows for several hand-over chunks.
  static func grid(sources: Int, targets: Int) -> (entities: [Entity], edges: [Edge]) {
    let ids = (0..<sources).map { "s\($0)" } + (0..<targets).map { "t\($0)" }
    var edges: [Edge] = []
    for s in 0..<sources {
      for t in 0..<targets {
        let n = edges.count
        edges.append(
          Edge(
            key: EdgeKey(source: "s\(s)", type: .attack, target: "t\(t)", modality: .asserted), assertedBy: nil,
            provenance: (0..<(n % 3 == 0 ? 2 : 1)).map { j in
              Provenance(
                document: "bulk/\(j).txt", sentence: n % 40, span: TextSpan(start: 0, end: 9),
                quote: "s\(s) hit t\(t)", rule: "ActiveVoice", modality: .asserted, claimant: nil)
            }))
      }
    }
    return (ids.map { Entity(id: $0, name: $0, kind: .armedGroup) }, edges)
  }

  @Test func largeImportReadsBackTheSameAcrossChunks() throws {
    let (entities, edges) = Self.grid(sources: 60, targets: 100)
    let store = try GraphStore(inMemoryNamed: "import-large-\(UUID().uuidString)")
    #expect(try store.importGraph(documents: Self.documents, entities: entities, edges: edges) == 6000)
    let counts = try store.counts()
    #expect(counts.edges == 6000 && counts.evidence == 8000 && counts.entities == 160)
    #expect(Self.summary(try store.loadGraphForQuery().edges) == Self.summary(edges))
  }

  /// A failure while rows are being written (here a trigger that aborts at the 100th edge, while
  /// the thread making rows is chunks ahead) rolls everything back and stops that thread.
  @Test(arguments: StoreKind.allCases)
  func failureMidwayWritesNothing(_ kind: StoreKind) throws {
    try withStore(kind) { store, reopen in
      try store.dbWriter.write { db in
        try db.execute(
          sql: """
            CREATE TRIGGER stop_for_test AFTER INSERT ON edge WHEN NEW.id = 100
            BEGIN SELECT RAISE(ABORT, 'stopped for the test'); END
            """)
      }
      let (entities, edges) = Self.grid(sources: 60, targets: 100)
      #expect {
        try store.importGraph(documents: Self.documents, entities: entities, edges: edges)
      } throws: { error in
        guard case StoreError.writeFailed(_, let reason) = error else { return false }
        return reason.contains("stopped for the test")
      }
      for store in [store, try reopen()] {
        let counts = try store.counts()
        #expect(counts.edges == 0 && counts.evidence == 0 && counts.entities == 0 && counts.documents == 0)
        #expect(try store._integrityCheck() == ["ok"])
      }
      // The store still takes the same import once the obstacle is gone.
      try store.dbWriter.write { try $0.execute(sql: "DROP TRIGGER stop_for_test") }
      #expect(try store.importGraph(documents: Self.documents, entities: entities, edges: edges) == 6000)
    }
  }

  /// Entities go in many per statement: a repeated id keeps its first row and gains a `partOf`
  /// it lacked, repeated aliases are stored once, and an entity already stored is merged.
  @Test func entitiesAreMergedAcrossBatches() throws {
    let store = try GraphStore(inMemoryNamed: "import-entities-\(UUID().uuidString)")
    try store.importGraph(
      documents: [], entities: [Entity(id: "e1", name: "First", kind: .state, aliases: ["one"])], edges: [])
    var entities = (0..<150).map {
      Entity(id: "e\($0)", name: "E\($0)", kind: .armedGroup, aliases: ["x\($0)", "x\($0)"])
    }
    entities.append(Entity(id: "e3", name: "Other", kind: .person, aliases: ["three"], partOf: "e1"))
    entities.append(Entity(id: "e3", name: "Third", kind: .person, partOf: "e2"))
    try store.importGraph(documents: [], entities: entities, edges: [])
    let stored = Dictionary(uniqueKeysWithValues: try store.loadGraph().entities.map { ($0.id, $0) })
    #expect(stored.count == 150)
    #expect(stored["e1"]?.name == "First" && stored["e1"]?.kind == .state)
    #expect(Set(stored["e1"]?.aliases ?? []) == ["one", "x1"])
    #expect(stored["e3"]?.name == "E3" && stored["e3"]?.partOf == "e1")
    #expect(Set(stored["e3"]?.aliases ?? []) == ["x3", "three"])
    #expect(stored["e149"]?.aliases == ["x149"])
  }
}
