import Foundation
import KGModel
import Testing

@testable import KGStore

/// `loadGraphForQuery(edges:)` and `loadGraphForQuery(focus:)`: a narrower scope reads exactly
/// the edges it names, each with the same provenance as in the whole graph, and always every
/// document and entity.
struct GraphStoreQueryTests {
  static func store() throws -> (GraphStore, [Edge]) {
    let store = try GraphStore(inMemoryNamed: "query-scope-\(UUID().uuidString)")
    try store.importGraph(
      documents: GraphStoreImportTests.documents, entities: GraphStoreImportTests.entities,
      edges: GraphStoreImportTests.edges(200))
    return (store, try store.loadGraphForQuery().edges)
  }

  @Test func touchingReadsTheEdgesAtThoseEntitiesWithTheirProvenance() throws {
    let (store, whole) = try Self.store()
    for ids in [["a1"], ["ISIS", "état"], ["nobody"], []] {
      let graph = try store.loadGraphForQuery(edges: .touching(ids))
      #expect(graph.edges == whole.filter { ids.contains($0.source) || ids.contains($0.target) })
      #expect(graph.entities.count == GraphStoreImportTests.entities.count)
      #expect(graph.documents.count == GraphStoreImportTests.documents.count)
    }
    #expect(try store.loadGraphForQuery(edges: .touching(["a1"])).edges.count > 10)
  }

  @Test func numberedReadsThoseEdgesOnly() throws {
    let (store, whole) = try Self.store()
    #expect(
      try store.loadGraphForQuery(edges: .numbered([3, 150, 9999])).edges == whole.filter { [3, 150].contains($0.id) })
    #expect(try store.loadGraphForQuery(edges: .numbered([])).edges.isEmpty)
    #expect(try store.loadGraphForQuery(edges: .all).edges == whole)
  }

  struct Refused: Error {}

  @Test func focusSeesTheEntitiesAndItsErrorPassesThrough() throws {
    let (store, whole) = try Self.store()
    let graph = try store.loadGraphForQuery { nodes in
      #expect(nodes.edges.isEmpty && nodes.entities.count == GraphStoreImportTests.entities.count)
      return .touching([try #require(nodes.entities.first { $0.name == "Zab" }).id])
    }
    #expect(graph.edges == whole.filter { $0.source == "zab" || $0.target == "zab" })
    #expect(throws: Refused.self) { try store.loadGraphForQuery { _ in throw Refused() } }
  }
}
