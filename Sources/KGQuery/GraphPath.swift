/// A path through a `GraphIndex`: its nodes in order and, for each hop, the admitted edges
/// that join the two nodes.
///
/// Parallel edges (two relation types, or two modalities, between the same pair) do not make
/// separate paths: a hop lists them all, strongest first (asserted before alleged before
/// hypothetical, then by number of documents, then by edge number).
public struct GraphPath: Hashable, Sendable {
  /// Dense node ids, from the first entity to the last.
  public var nodes: [Int]
  /// `hops[i]` joins `nodes[i]` and `nodes[i + 1]`.
  public var hops: [Hop]

  /// One step of a path.
  public struct Hop: Hashable, Sendable {
    public var from: Int
    public var to: Int
    /// Edge numbers joining `from` and `to`, strongest first. An edge runs `from → to`
    /// unless the path was searched undirected, when it may run `to → from`.
    public var edges: [Int]
  }

  /// The number of hops.
  public var length: Int { hops.count }
}

extension GraphIndex {
  /// The admitted edges joining `a` to `b` (and, when `undirected`, `b` to `a`), strongest first.
  ///
  /// - Complexity: O(deg(*a*) log deg(*a*)).
  public func edges(from a: Int, to b: Int, undirected: Bool, filter: EdgeFilter) -> [Int] {
    var found: [Int] = []
    for k in outgoingEdges(of: a) where edgeTarget[Int(k)] == b && admits(edge: Int(k), filter: filter) {
      found.append(Int(k))
    }
    if undirected {
      for k in incomingEdges(of: a) where edgeSource[Int(k)] == b && admits(edge: Int(k), filter: filter) {
        if !found.contains(Int(k)) { found.append(Int(k)) }
      }
    }
    return found.sorted(by: isStronger)
  }

  /// Orders edges strongest first: modality, then documents, then edge number.
  public func isStronger(_ a: Int, _ b: Int) -> Bool {
    let ma = edges[a].modality.strength
    let mb = edges[b].modality.strength
    if ma != mb { return ma > mb }
    let da = documents(ofEdge: a).count
    let db = documents(ofEdge: b).count
    if da != db { return da > db }
    return a < b
  }

  /// The path through `nodes` in order, each hop with its admitted edges, strongest first (for
  /// node sequences found by `shortestNodeSequences` over another step source).
  ///
  /// - Complexity: O(*L* · deg log deg).
  public func path(through nodes: [Int], undirected: Bool, filter: EdgeFilter) -> GraphPath {
    makePath(nodes, undirected: undirected, filter: filter)
  }

  func makePath(_ nodes: [Int], undirected: Bool, filter: EdgeFilter) -> GraphPath {
    var hops: [GraphPath.Hop] = []
    hops.reserveCapacity(nodes.count)
    for i in nodes.indices.dropLast() {
      hops.append(
        GraphPath.Hop(
          from: nodes[i], to: nodes[i + 1],
          edges: edges(from: nodes[i], to: nodes[i + 1], undirected: undirected, filter: filter)))
    }
    return GraphPath(nodes: nodes, hops: hops)
  }
}
