import Foundation
import KGModel
import Testing

@testable import KGQuery

/// Seeded loops over small random graphs: every path returned is checked by `PathValidator`,
/// and lengths and path sets are compared with brute force. Set `KG_QUERY_SEEDS` for a longer run.
struct RandomGraphTests {
  static let seedCount = Int(Environment.value("KG_QUERY_SEEDS") ?? "") ?? 300

  struct Scenario {
    var graph: KnowledgeGraph
    var index: GraphIndex
    var filter: EdgeFilter
    var admits: (Edge) -> Bool
    var undirected: Bool
  }

  static func scenario(seed: UInt64) throws -> Scenario {
    var rng = SeededGenerator(seed: seed)
    let n = Int.random(in: 2...9, using: &rng)
    let m = Int.random(in: 0...(n * 3), using: &rng)
    let docs = TestGraph.documents
    var edges: [Edge] = []
    var keys = Set<String>()
    for _ in 0..<m {
      let s = "n\(Int.random(in: 0..<n, using: &rng))"
      let t = "n\(Int.random(in: 0..<n, using: &rng))"
      let type = [RelationType.attack, .support, .accuse].randomElement(using: &rng)!
      let modality = Modality.allCases.randomElement(using: &rng)!
      guard keys.insert("\(s)|\(type)|\(t)|\(modality)").inserted else { continue }
      let cited = docs.map(\.path).filter { _ in Bool.random(using: &rng) }
      edges.append(
        TestGraph.edge(id: Int64(edges.count + 1), s, type, t, modality, docs: cited.isEmpty ? ["d1"] : cited))
    }
    let entities = (0..<n).map { Entity(id: "n\($0)", name: "N\($0)", kind: .state) }
    let graph = KnowledgeGraph(documents: docs, entities: entities, edges: edges)

    // A random filter, restated as a plain predicate for the validator.
    let types: Set<RelationType>? = Bool.random(using: &rng) ? nil : [.attack, .support]
    let modalities: Set<Modality>? = Bool.random(using: &rng) ? nil : [.asserted, .alleged]
    let window: (String, String)? = Int.random(in: 0..<4, using: &rng) == 0 ? ("2018-01-01", "2018-12-31") : nil
    let minimum = Int.random(in: 0..<4, using: &rng) == 0 ? 2 : 0
    let filter = try EdgeFilter(
      types: types, modalities: modalities, since: window?.0, until: window?.1, minimumDocuments: minimum)
    let dateOf = Dictionary(docs.map { ($0.path, $0.metadata.date) }, uniquingKeysWith: { a, _ in a })
    let admits: (Edge) -> Bool = { e in
      if let types, !types.contains(e.type) { return false }
      if let modalities, !modalities.contains(e.modality) { return false }
      var documents = Set(e.provenance.map(\.document))
      if let (since, until) = window {
        documents = documents.filter { d in
          guard let date = dateOf[d] ?? nil else { return false }
          // Month-only dates ("2018-06") stand for the whole month.
          return (date + "-99") >= since && date <= until
        }
        if documents.isEmpty { return false }
      }
      return documents.count >= minimum
    }
    return Scenario(
      graph: graph, index: GraphIndex(graph), filter: filter, admits: admits, undirected: Bool.random(using: &rng))
  }

  /// Every simple path from `s` to `t` of at most `maxHops` hops, by plain enumeration.
  static func bruteForcePaths(_ sc: Scenario, from s: String, to t: String, maxHops: Int) -> Set<[String]> {
    var next: [String: Set<String>] = [:]
    for e in sc.graph.edges where sc.admits(e) {
      next[e.source, default: []].insert(e.target)
      if sc.undirected { next[e.target, default: []].insert(e.source) }
    }
    var found = Set<[String]>()
    func walk(_ path: [String]) {
      if path.last == t {
        found.insert(path)
        return
      }
      guard path.count - 1 < maxHops else { return }
      for v in next[path.last!] ?? [] where !path.contains(v) { walk(path + [v]) }
    }
    walk([s])
    return found
  }

  @Test func shortestPathsMatchBruteForce() throws {
    for seed in 0..<UInt64(Self.seedCount) {
      let sc = try Self.scenario(seed: seed)
      let n = sc.index.nodeCount
      let validator = PathValidator(graph: sc.graph, undirected: sc.undirected, maxHops: nil, admits: sc.admits)
      for s in 0..<n {
        for t in 0..<n where s != t {
          let a = sc.index.entities[s].id
          let b = sc.index.entities[t].id
          let everything = Self.bruteForcePaths(sc, from: a, to: b, maxHops: n)
          let shortestLength = everything.map(\.count).min()
          let brute = Set(everything.filter { $0.count == shortestLength })
          do {
            let paths = try sc.index.shortestPaths(from: s, to: t, filter: sc.filter, undirected: sc.undirected)
            for p in paths {
              let problems = validator.problems(p, from: a, to: b, in: sc.index)
              #expect(problems.isEmpty, "seed \(seed) \(a)→\(b): \(problems)")
            }
            #expect(TestGraph.names(paths, in: sc.index) == brute, "seed \(seed) \(a)→\(b)")
            let one = try sc.index.shortestPath(from: s, to: t, filter: sc.filter, undirected: sc.undirected)
            #expect(one.nodes.count == shortestLength, "seed \(seed) \(a)→\(b): BFS length differs from brute force")
          } catch {
            #expect(brute.isEmpty, "seed \(seed) \(a)→\(b): noPath but brute force found \(brute)")
          }
        }
      }
    }
  }

  @Test func simplePathsMatchBruteForce() throws {
    for seed in 0..<UInt64(Self.seedCount) {
      let sc = try Self.scenario(seed: seed)
      let n = sc.index.nodeCount
      let maxHops = Int(seed % 4) + 1
      let validator = PathValidator(graph: sc.graph, undirected: sc.undirected, maxHops: maxHops, admits: sc.admits)
      for s in 0..<n {
        for t in 0..<n where s != t {
          let a = sc.index.entities[s].id
          let b = sc.index.entities[t].id
          let brute = Self.bruteForcePaths(sc, from: a, to: b, maxHops: maxHops)
          do {
            let paths = try sc.index.simplePaths(
              from: s, to: t, maxHops: maxHops, filter: sc.filter, undirected: sc.undirected)
            for p in paths {
              let problems = validator.problems(p, from: a, to: b, in: sc.index)
              #expect(problems.isEmpty, "seed \(seed) \(a)→\(b): \(problems)")
            }
            #expect(paths.count == brute.count, "seed \(seed) \(a)→\(b): a path returned twice or missing")
            #expect(TestGraph.names(paths, in: sc.index) == brute, "seed \(seed) \(a)→\(b)")
          } catch {
            #expect(brute.isEmpty, "seed \(seed) \(a)→\(b): noPath but brute force found \(brute)")
          }
        }
      }
    }
  }

  @Test func indexInvariantsHold() throws {
    for seed in 0..<UInt64(Self.seedCount) {
      let problems = try Self.scenario(seed: seed).index._checkInvariants()
      #expect(problems.isEmpty, "seed \(seed): \(problems)")
    }
    // Edges naming unknown entities are kept out of the adjacency, not dropped from the list.
    var graph = TestGraph.graph("a attack b")
    graph.edges.append(TestGraph.edge(id: 99, "a", .attack, "ghost", .asserted, docs: ["d1"]))
    let index = GraphIndex(graph)
    #expect(index._checkInvariants().isEmpty)
    #expect(index.neighbors(of: 0, direction: .out).count == 1)
  }

  @Test func neighboursAreExactlyTheAdmittedEdges() throws {
    for seed in 0..<UInt64(Self.seedCount) {
      let sc = try Self.scenario(seed: seed)
      for node in 0..<sc.index.nodeCount {
        let id = sc.index.entities[node].id
        let found = sc.index.neighbors(of: node, direction: .both, filter: sc.filter).map { sc.index.edges[$0.edge].id }
        let expected =
          sc.graph.edges.filter { $0.source == id && sc.admits($0) }.map(\.id)
          + sc.graph.edges.filter { $0.target == id && sc.admits($0) }.map(\.id)
        #expect(found == expected, "seed \(seed) node \(id)")
      }
    }
  }
}

enum Environment {
  static func value(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}
