import KGModel
import Testing

@testable import KGQuery

@Suite struct EgoNetworkTests {
  /// a → b → c → d, plus a → c (a triangle a, b, c) and e alone.
  static func graph() -> GraphIndex {
    let p = [
      Provenance(
        document: "x.txt", sentence: 0, span: TextSpan(start: 0, end: 1), quote: "x", rule: "R", modality: .asserted)
    ]
    func edge(_ id: Int64, _ s: String, _ t: String, _ type: RelationType = .attack) -> Edge {
      Edge(id: id, key: EdgeKey(source: s, type: type, target: t, modality: .asserted), provenance: p)
    }
    let entities = ["a", "b", "c", "d", "e"].map { Entity(id: $0, name: $0.uppercased(), kind: .armedGroup) }
    return GraphIndex(
      KnowledgeGraph(
        entities: entities,
        edges: [
          edge(1, "a", "b"), edge(2, "b", "c"), edge(3, "c", "d", .support), edge(4, "a", "c"), edge(5, "ghost", "a"),
        ]))
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var center: String
    var depth: Int
    var undirected: Bool
    var nodes: [String]
    var edges: [Int64]
    var testDescription: String { id }
  }

  static let cases = [
    Case(id: "depth 0 is the centre alone", center: "b", depth: 0, undirected: true, nodes: ["b"], edges: []),
    Case(
      id: "undirected depth 1 follows both ways", center: "b", depth: 1, undirected: true, nodes: ["b", "c", "a"],
      edges: [1, 2, 4]),
    Case(
      id: "directed depth 1 follows out-edges only", center: "b", depth: 1, undirected: false, nodes: ["b", "c"],
      edges: [2]),
    Case(
      id: "rim edges are kept (induced subgraph)", center: "a", depth: 1, undirected: false, nodes: ["a", "b", "c"],
      edges: [1, 2, 4]),
    Case(
      id: "depth 2 reaches d", center: "a", depth: 2, undirected: false, nodes: ["a", "b", "c", "d"],
      edges: [1, 2, 3, 4]),
    Case(id: "an isolated entity", center: "e", depth: 3, undirected: true, nodes: ["e"], edges: []),
  ]

  @Test(arguments: cases) func reaches(_ c: Case) {
    let index = Self.graph()
    let ego = index.egoNetwork(of: index.index[c.center]!, depth: c.depth, undirected: c.undirected)
    #expect(ego.nodes.map { index.entities[$0].id } == c.nodes)
    #expect(ego.edges.map { index.edges[$0].id } == c.edges)
    #expect(ego.distances.first == 0)
    #expect(ego.distances == ego.distances.sorted())
  }

  @Test func filteredEdgesAreNeitherFollowedNorKept() {
    let index = Self.graph()
    let attacksOnly = { (k: Int) in index.edges[k].type == .attack }
    let ego = index.egoNetwork(of: index.index["a"]!, depth: 5, undirected: true, admits: attacksOnly)
    #expect(ego.nodes.map { index.entities[$0].id } == ["a", "b", "c"])
    #expect(ego.edges.map { index.edges[$0].id } == [1, 2, 4])
    #expect(ego.distances == [0, 1, 1])
  }
}
