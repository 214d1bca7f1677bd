import KGModel
import Testing

@testable import KGQuery

struct ShortestPathTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var graph: String
    var from: String
    var to: String
    var undirected = false
    var maxHops: Int? = nil
    var types: Set<RelationType>? = nil
    var modalities: Set<Modality>? = nil
    var since: String? = nil
    var until: String? = nil
    var minimumDocuments = 0
    /// Every shortest path, as entity ids; empty means `noPath`.
    var expected: Set<[String]>

    var testDescription: String { id }

    func filter() throws -> EdgeFilter {
      try EdgeFilter(
        types: types, modalities: modalities, since: since, until: until, minimumDocuments: minimumDocuments)
    }
  }

  static let cases: [Case] = [
    Case(id: "one hop", graph: "a attack b", from: "a", to: "b", expected: [["a", "b"]]),
    Case(id: "chain of two", graph: "a attack b; b attack c", from: "a", to: "c", expected: [["a", "b", "c"]]),
    Case(id: "source is target", graph: "a attack b", from: "a", to: "a", expected: [["a"]]),
    Case(
      id: "tie: two shortest paths", graph: "a attack b; a attack c; b support d; c support d", from: "a", to: "d",
      expected: [["a", "b", "d"], ["a", "c", "d"]]),
    Case(
      id: "diamond of diamonds: four ties",
      graph:
        "a attack b1; a attack b2; b1 attack c1; b1 attack c2; b2 attack c1; b2 attack c2; c1 attack d; c2 attack d",
      from: "a", to: "d",
      expected: [["a", "b1", "c1", "d"], ["a", "b1", "c2", "d"], ["a", "b2", "c1", "d"], ["a", "b2", "c2", "d"]]),
    Case(
      id: "a cycle is not followed round", graph: "a attack b; b attack c; c attack a; c attack d", from: "a", to: "d",
      expected: [["a", "b", "c", "d"]]),
    Case(
      id: "shortcut beats the long way", graph: "a attack b; b attack c; c attack d; a kill x; x kill d", from: "a",
      to: "d",
      expected: [["a", "x", "d"]]),
    Case(id: "direction: no way back", graph: "a attack b", from: "b", to: "a", expected: []),
    Case(
      id: "undirected goes against edges", graph: "a attack b", from: "b", to: "a", undirected: true,
      expected: [["b", "a"]]),
    Case(
      id: "undirected mixes directions", graph: "a attack b; c attack b; c attack d", from: "a", to: "d",
      undirected: true,
      expected: [["a", "b", "c", "d"]]),
    Case(id: "disconnected node", graph: "a attack b; node x", from: "a", to: "x", expected: []),
    Case(
      id: "type filter cuts the only path", graph: "a attack b; b support c", from: "a", to: "c", types: [.attack],
      expected: []),
    Case(
      id: "type filter takes the longer path", graph: "a support c; a attack b; b attack c", from: "a", to: "c",
      types: [.attack], expected: [["a", "b", "c"]]),
    Case(
      id: "modality filter cuts an alleged edge", graph: "a attack b alleged", from: "a", to: "b",
      modalities: [.asserted],
      expected: []),
    Case(
      id: "modality filter keeps asserted parallel edge", graph: "a attack b alleged; a attack b", from: "a", to: "b",
      modalities: [.asserted], expected: [["a", "b"]]),
    Case(
      id: "date window cuts an edge stated only later", graph: "a attack b @d3", from: "a", to: "b",
      since: "2018-01-01",
      until: "2018-12-31", expected: []),
    Case(
      id: "date window keeps an edge with one document inside", graph: "a attack b @d3,d5", from: "a", to: "b",
      since: "2018-11", until: "2018-11-30", expected: [["a", "b"]]),
    Case(
      id: "month-only date lies within a day window", graph: "a attack b @d2", from: "a", to: "b", since: "2018-06-15",
      until: "2018-06-15", expected: [["a", "b"]]),
    Case(
      id: "undated document is outside any window", graph: "a attack b @d4", from: "a", to: "b", since: "2000",
      expected: []),
    Case(
      id: "minimum documents cuts a once-stated hop", graph: "a attack b @d1,d2; b attack c @d1", from: "a", to: "c",
      minimumDocuments: 2, expected: []),
    Case(
      id: "minimum documents keeps a twice-stated hop", graph: "a attack b @d1,d2; b attack c @d1", from: "a", to: "b",
      minimumDocuments: 2, expected: [["a", "b"]]),
    Case(
      id: "max hops below the distance", graph: "a attack b; b attack c; c attack d", from: "a", to: "d", maxHops: 2,
      expected: []),
    Case(
      id: "max hops at the distance", graph: "a attack b; b attack c; c attack d", from: "a", to: "d", maxHops: 3,
      expected: [["a", "b", "c", "d"]]),
    Case(
      id: "target side smaller: search still meets",
      graph: "a attack x1; a attack x2; a attack x3; a attack x4; x1 attack m; x2 attack y; y attack m; m attack t",
      from: "a", to: "t", expected: [["a", "x1", "m", "t"]]),
  ]

  @Test(arguments: cases)
  func shortestPaths(_ c: Case) throws {
    let index = TestGraph.make(c.graph)
    let from = try #require(index.index[c.from])
    let to = try #require(index.index[c.to])
    let filter = try c.filter()
    if c.expected.isEmpty {
      #expect(throws: QueryError.noPath(from: c.from.uppercased(), to: c.to.uppercased())) {
        try index.shortestPaths(from: from, to: to, filter: filter, undirected: c.undirected, maxHops: c.maxHops)
      }
      #expect(throws: QueryError.self) {
        try index.shortestPath(from: from, to: to, filter: filter, undirected: c.undirected, maxHops: c.maxHops)
      }
      return
    }
    let all = try index.shortestPaths(from: from, to: to, filter: filter, undirected: c.undirected, maxHops: c.maxHops)
    #expect(TestGraph.names(all, in: index) == c.expected)
    #expect(all.count == c.expected.count, "no path is returned twice")
    let one = try index.shortestPath(from: from, to: to, filter: filter, undirected: c.undirected, maxHops: c.maxHops)
    #expect(c.expected.contains(one.nodes.map { index.entities[$0].id }))
  }

  @Test func parallelEdgesAreOneHopStrongestFirst() throws {
    let index = TestGraph.make("a support b alleged; a attack b @d1,d2; a accuse b")
    let path = try index.shortestPath(from: 0, to: 1)
    #expect(path.hops.count == 1)
    // Asserted before alleged; among asserted, two documents before one.
    #expect(path.hops[0].edges.map { index.edges[$0].type } == [.attack, .accuse, .support])
  }

  @Test func limitCapsTies() throws {
    let index = TestGraph.make("a attack b; a attack c; a attack d; b attack z; c attack z; d attack z")
    let paths = try index.shortestPaths(from: 0, to: index.index["z"]!, limit: 2)
    #expect(paths.count == 2)
  }
}
