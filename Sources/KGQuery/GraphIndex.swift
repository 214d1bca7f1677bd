public import KGModel

/// A graph in dense integer ids with adjacency arrays out and in, built once for querying.
///
/// - Complexity: building is O(*n* + *e*).
public struct GraphIndex: Sendable {
  public let entities: [Entity]
  public let edges: [Edge]
  /// Dense id of each entity id.
  public let index: [String: Int]
  /// For each node, the indices into `edges` of its outgoing and incoming edges.
  public let outgoing: [[Int]]
  public let incoming: [[Int]]
  public let edgeSource: [Int]
  public let edgeTarget: [Int]

  public init(_ graph: KnowledgeGraph) {
    entities = graph.entities
    edges = graph.edges
    var index: [String: Int] = [:]
    index.reserveCapacity(graph.entities.count)
    for (i, e) in graph.entities.enumerated() { index[e.id] = i }
    var out = [[Int]](repeating: [], count: graph.entities.count)
    var inc = [[Int]](repeating: [], count: graph.entities.count)
    var sources: [Int] = []
    var targets: [Int] = []
    sources.reserveCapacity(graph.edges.count)
    targets.reserveCapacity(graph.edges.count)
    for (k, edge) in graph.edges.enumerated() {
      let s = index[edge.source] ?? -1
      let t = index[edge.target] ?? -1
      sources.append(s)
      targets.append(t)
      guard s >= 0, t >= 0 else { continue }
      out[s].append(k)
      inc[t].append(k)
    }
    self.index = index
    outgoing = out
    incoming = inc
    edgeSource = sources
    edgeTarget = targets
  }

  /// Edge counts per entity id (in + out).
  public func degree(of id: String) -> Int {
    guard let i = index[id] else { return 0 }
    return outgoing[i].count + incoming[i].count
  }
}
