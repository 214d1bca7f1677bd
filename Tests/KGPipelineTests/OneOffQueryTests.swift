import Foundation
import Testing

@testable import KGPipeline

/// One-off questions read only what they need from the store (SQL counts, name lookups by SQL,
/// a path search one frontier at a time, an ego network one hop at a time). On seeded random
/// graphs, every answer and every error must be the one a session over the whole graph gives.
struct OneOffQueryTests {
  /// A small deterministic generator (SplitMix64), so a failure names its seed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// A store with `entities` entities (some sharing a folded name, some with accents and
  /// apostrophes, some `part_of` others) and about `edges` edges over dated and undated documents.
  static func workspace(seed: UInt64, entities count: Int = 60, edges: Int = 240) throws -> Workspace {
    var rng = Generator(state: seed)
    let kinds: [EntityKind] = [.state, .armedGroup, .person, .military, .location]
    let names = ["Actor", "Élan", "People's Army", "Dar'a Brigade", "Front"]
    var entities: [Entity] = []
    for i in 0..<count {
      let base = names[i % names.count]
      var aliases = i % 7 == 0 ? ["Shared Name"] : []
      if i % 5 == 1 { aliases.append("ELAN \(i)") }
      entities.append(
        Entity(
          id: "e\(i)", name: "\(base) \(i / 2)", kind: kinds[i % kinds.count], aliases: aliases,
          partOf: i % 9 == 4 ? "e\(i / 3)" : nil))
    }
    let documents = (0..<12).map { d in
      DocumentInfo(
        id: 0, path: "docs/\(d).txt", contentHash: "h\(d)",
        metadata: ArticleMetadata(title: "Doc \(d)", date: d % 4 == 0 ? nil : "201\(5 + d % 5)-0\(1 + d % 9)"),
        sentenceCount: 3)
    }
    var graphEdges: [Edge] = []
    var seen = Set<EdgeKey>()
    for _ in 0..<edges {
      // Skewed ends: a few hubs, many leaves.
      let s = Int(Double(count) * pow(Double.random(in: 0..<1, using: &rng), 2))
      let t = Int.random(in: 0..<count, using: &rng)
      let type = RelationType.allCases.randomElement(using: &rng)!
      let modality = Modality.allCases.randomElement(using: &rng)!
      let key = EdgeKey(source: "e\(s)", type: type, target: "e\(t)", modality: modality)
      guard seen.insert(key).inserted else { continue }
      let statements = (0..<Int.random(in: 1...3, using: &rng)).map { k in
        let quote = "e\(s) \(type.rawValue) e\(t) (\(k))"
        return Provenance(
          document: "docs/\(Int.random(in: 0..<12, using: &rng)).txt", sentence: k,
          span: TextSpan(start: 0, end: quote.unicodeScalars.count), quote: quote, rule: "ActiveVoice",
          modality: modality, claimant: modality == .alleged ? "e\(t)" : nil)
      }
      graphEdges.append(
        Edge(key: key, assertedBy: modality == .alleged ? "e\(t)" : nil, provenance: statements))
    }
    let workspace = try Workspace(inMemoryNamed: "one-off-\(seed)")
    try workspace.store.importGraph(documents: documents, entities: entities, edges: graphEdges)
    return workspace
  }

  static func outcome<T: Encodable>(_ body: () throws -> T) -> String { QueryPipelineTests.outcome(body) }

  static func filters() throws -> [EdgeFilter] {
    [
      .all, try EdgeFilter(types: [.attack, .support, .kill]), try EdgeFilter(modalities: [.asserted]),
      try EdgeFilter(since: "2016", until: "2018-06"), try EdgeFilter(minimumDocuments: 2),
    ]
  }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func shortestPathsAreThoseOfTheWholeGraph(seed: UInt64) throws {
    let workspace = try Self.workspace(seed: seed)
    let whole = try workspace.querySession()
    var rng = Generator(state: seed &* 31)
    var found = 0
    for _ in 0..<60 {
      let a = "e\(Int.random(in: 0..<60, using: &rng))"
      let b = "e\(Int.random(in: 0..<60, using: &rng))"
      for filter in try Self.filters() {
        for undirected in [false, true] {
          for (maxHops, limit) in [(nil, 20), (2, 1), (nil, 3)] as [(Int?, Int)] {
            let request = PathRequest(
              from: a, to: b, maxHops: maxHops, undirected: undirected, filter: filter, limit: limit)
            let lazy = Self.outcome { try workspace.path(request) }
            #expect(lazy == Self.outcome { try whole.path(request) }, "seed \(seed): \(a) → \(b), \(filter)")
            if !lazy.hasPrefix("error") { found += 1 }
          }
        }
      }
    }
    #expect(found > 100, "the comparisons include real paths")
    // Names, aliases and errors go through the same resolution.
    for (a, b) in [("Actor 0", "front 2"), ("shared name", "e1"), ("Elan 0", "nobody"), ("Dara Brigade 1", "e3")] {
      let request = PathRequest(from: a, to: b, undirected: true)
      #expect(Self.outcome { try workspace.path(request) } == Self.outcome { try whole.path(request) })
    }
  }

  @Test(arguments: [5, 6] as [UInt64])
  func countsAndListsAreThoseOfTheWholeGraph(seed: UInt64) throws {
    let workspace = try Self.workspace(seed: seed)
    let whole = try workspace.querySession()
    #expect(Self.outcome { try workspace.stats() } == Self.outcome { whole.stats() })
    for types in [[], [.state], [.person], [.organization], [.state, .person]] as [Set<EntityKind>] {
      for match in [nil, "", "act", "ACTOR 1", "elan", "élan 2", "peoples", "people's", "dar-a", "zzz", "e1", "-"] {
        #expect(
          Self.outcome { try workspace.entities(types: types, match: match) }
            == Self.outcome { whole.entities(types: types, match: match) },
          "\(types) \(match ?? "nil")")
      }
    }
    for name in ["Actor 3", "shared name", "Élan 1", "elan 1", "People's Army 2", "Peoples Army 2", "Dar'a", "e7 "] {
      #expect(Self.outcome { try workspace.show(name) } == Self.outcome { try whole.show(name) }, "\(name)")
    }
  }

  @Test(arguments: [7, 8, 9] as [UInt64])
  func egoNetworksAreThoseOfTheWholeGraph(seed: UInt64) throws {
    let workspace = try Self.workspace(seed: seed)
    let filters = [
      RenderFilter(), RenderFilter(types: [.attack, .kill]), RenderFilter(modalities: [.alleged]),
      RenderFilter(since: "2016", until: "2017"), RenderFilter(minimumDocuments: 2),
    ]
    var drawn = 0
    for name in ["e0", "e1", "Actor 5", "e13", "Front 2", "shared name", "nobody"] {
      for depth in [0, 1, 2, -1] {
        for filter in filters {
          for cluster in [false, true] {
            let request = RenderRequest(
              format: .dot, scope: .focus(name, depth: depth), filter: filter, cluster: cluster)
            let lazy = Self.outcome { try workspace.render(request) }
            let reference = Self.outcome { () -> String in
              let selection = try workspace.select(request.scope, filter: filter, allEntities: true)
              var writer = DOTWriter(clusterByPartOf: cluster, legend: true)
              writer.scope = selection.scope
              var caption = selection.caption
              if !filter.isDefault { caption.append(Workspace.describe(filter)) }
              writer.title = caption.isEmpty ? nil : caption.joined(separator: "\n")
              return writer.write(selection.graph)
            }
            #expect(lazy == reference, "seed \(seed): \(name) depth \(depth) \(filter)")
            if lazy.contains("->") { drawn += 1 }
          }
        }
      }
    }
    #expect(drawn > 20, "the comparisons include drawings with edges")
  }
}
