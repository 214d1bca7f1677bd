import KGModel
import Testing

@testable import KGQuery

struct SimplePathsTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var graph: String
    var from: String
    var to: String
    var maxHops: Int
    var undirected = false
    var types: Set<RelationType>? = nil
    /// Every simple path, as entity ids; empty means `noPath`.
    var expected: Set<[String]>
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "diamond with a direct edge", graph: "a attack b; b attack d; a attack c; c attack d; a attack d", from: "a",
      to: "d", maxHops: 2, expected: [["a", "d"], ["a", "b", "d"], ["a", "c", "d"]]),
    Case(
      id: "max hops 1 keeps only the direct edge", graph: "a attack b; b attack d; a attack d", from: "a", to: "d",
      maxHops: 1, expected: [["a", "d"]]),
    Case(
      id: "cycles are not repeated", graph: "a attack b; b attack a; b attack c; c attack a; c attack d", from: "a",
      to: "d", maxHops: 6, expected: [["a", "b", "c", "d"]]),
    Case(
      id: "directed: no path against the edges", graph: "a attack b; c attack b", from: "a", to: "c", maxHops: 3,
      expected: []),
    Case(
      id: "undirected joins two attackers of one target", graph: "a attack b; c attack b", from: "a", to: "c",
      maxHops: 2,
      undirected: true, expected: [["a", "b", "c"]]),
    Case(
      id: "filter cuts one of two routes", graph: "a attack b; b attack d; a support c; c attack d", from: "a", to: "d",
      maxHops: 3, types: [.attack], expected: [["a", "b", "d"]]),
    Case(
      id: "filter cuts the only path", graph: "a support b; b attack c", from: "a", to: "c", maxHops: 3,
      types: [.attack], expected: []),
    Case(
      id: "parallel edges give one path", graph: "a attack b; a support b; b kill c", from: "a", to: "c", maxHops: 2,
      expected: [["a", "b", "c"]]),
  ]

  @Test(arguments: cases)
  func simplePaths(_ c: Case) throws {
    let index = TestGraph.make(c.graph)
    let from = try #require(index.index[c.from])
    let to = try #require(index.index[c.to])
    let filter = try EdgeFilter(types: c.types)
    if c.expected.isEmpty {
      #expect(throws: QueryError.noPath(from: c.from.uppercased(), to: c.to.uppercased())) {
        try index.simplePaths(from: from, to: to, maxHops: c.maxHops, filter: filter, undirected: c.undirected)
      }
      return
    }
    let paths = try index.simplePaths(from: from, to: to, maxHops: c.maxHops, filter: filter, undirected: c.undirected)
    #expect(TestGraph.names(paths, in: index) == c.expected)
    #expect(paths.count == c.expected.count)
  }

  @Test func limitStopsEarly() throws {
    let index = TestGraph.make("a attack b; a attack c; a attack d; b attack z; c attack z; d attack z; a attack z")
    let paths = try index.simplePaths(from: 0, to: index.index["z"]!, maxHops: 3, limit: 2)
    #expect(paths.count == 2)
  }
}
