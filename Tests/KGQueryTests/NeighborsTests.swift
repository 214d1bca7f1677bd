import KGModel
import Testing

@testable import KGQuery

struct NeighborsTests {
  static let graph = "t attack y; r attack y alleged; y attack t @d3; s support y @d1,d2; y accuse s; t cooperate r"

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var node: String
    var direction: Direction
    var types: Set<RelationType>? = nil
    var modalities: Set<Modality>? = nil
    var since: String? = nil
    var until: String? = nil
    var minimumDocuments = 0
    /// "→ t attack" style: arrow, neighbour, type.
    var expected: [String]
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "who acts on y", node: "y", direction: .in, expected: ["← t attack", "← r attack", "← s support"]),
    Case(id: "what y does", node: "y", direction: .out, expected: ["→ t attack", "→ s accuse"]),
    Case(
      id: "both directions, out first", node: "y", direction: .both,
      expected: ["→ t attack", "→ s accuse", "← t attack", "← r attack", "← s support"]),
    Case(id: "who attacked y", node: "y", direction: .in, types: [.attack], expected: ["← t attack", "← r attack"]),
    Case(
      id: "asserted attacks only", node: "y", direction: .in, types: [.attack], modalities: [.asserted],
      expected: ["← t attack"]),
    Case(id: "stated in 2019", node: "y", direction: .both, since: "2019", until: "2019", expected: ["→ t attack"]),
    Case(id: "stated twice", node: "y", direction: .both, minimumDocuments: 2, expected: ["← s support"]),
    Case(id: "no edges pass", node: "y", direction: .out, types: [.detain], expected: []),
  ]

  @Test(arguments: cases)
  func neighbors(_ c: Case) throws {
    let index = TestGraph.make(Self.graph)
    let node = try #require(index.index[c.node])
    let filter = try EdgeFilter(
      types: c.types, modalities: c.modalities, since: c.since, until: c.until, minimumDocuments: c.minimumDocuments)
    let found = index.neighbors(of: node, direction: c.direction, filter: filter).map {
      "\($0.direction == .out ? "→" : "←") \(index.entities[$0.node].id) \(index.edges[$0.edge].type.rawValue)"
    }
    #expect(found == c.expected)
  }

  @Test func degreeCountsBothDirections() {
    let index = TestGraph.make(Self.graph)
    #expect(index.degree(of: "y") == 5)
    #expect(index.degree(of: "nobody") == 0)
  }

  @Test func egoNetworkByDistance() {
    let index = TestGraph.make("a attack b; b attack c; c attack d; x attack a")
    let ego = index.egoNetwork(of: index.index["b"]!, depth: 1)
    #expect(Set(ego.nodes.map { index.entities[$0].id }) == ["a", "b", "c"])
    let directed = index.egoNetwork(of: index.index["b"]!, depth: 2, undirected: false)
    #expect(directed.nodes.map { index.entities[$0].id } == ["b", "c", "d"])
  }
}
