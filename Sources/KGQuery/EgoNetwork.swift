import DequeModule

/// The neighbourhood of one entity: every entity within a number of hops of it, and the edges
/// among them.
///
/// Nodes and edges are dense ids of the `GraphIndex` the network was computed on.
public struct EgoNetwork: Sendable, Hashable {
  /// The dense id of the centre.
  public var center: Int
  /// The entities reached, in breadth-first order (the centre first).
  public var nodes: [Int]
  /// The number of hops from the centre to each node in `nodes`, in the same order.
  public var distances: [Int]
  /// Indices into `GraphIndex.edges` of the admitted edges whose two ends are both in `nodes`,
  /// in ascending order.
  public var edges: [Int]

  public init(center: Int, nodes: [Int], distances: [Int], edges: [Int]) {
    self.center = center
    self.nodes = nodes
    self.distances = distances
    self.edges = edges
  }
}

extension GraphIndex {
  /// The ego network of `center`: the entities within `depth` hops and the edges among them.
  ///
  /// A breadth-first search from `center` follows outgoing edges, and incoming ones too when
  /// `undirected` is true, using only edges that `admits` accepts. The result is the subgraph
  /// induced on the nodes reached: every admitted edge between two of them, including edges
  /// between two nodes at the outer rim, as networkx's `ego_graph(G, n, radius, undirected=)`.
  ///
  /// ```swift
  /// let index = GraphIndex(graph)
  /// let ego = index.egoNetwork(of: index.index["isis"]!, depth: 2)
  /// let drawn = ego.edges.map { index.edges[$0] }
  /// ```
  ///
  /// - Parameters:
  ///   - center: the dense id of the centre; must be a valid node.
  ///   - depth: the most hops from the centre; 0 gives the centre alone. Must not be negative.
  ///   - undirected: follow edges in both directions (the default), or only from source to target.
  ///   - admits: whether the edge with this index may be used and drawn; by default every edge
  ///     (pass an `EdgeFilter` as `{ filter.admits(edge: $0, in: index) }`).
  /// - Returns: the network, never empty (it holds at least the centre).
  /// - Complexity: O(*n′* + *e′*) for the *n′* nodes reached and the *e′* edges that touch them
  ///   (plus O(*n*) for the distance table).
  public func egoNetwork(
    of center: Int, depth: Int, undirected: Bool = true, admits: (Int) -> Bool = { _ in true }
  ) -> EgoNetwork {
    precondition(entities.indices.contains(center), "egoNetwork: node \(center) is not in the graph")
    precondition(depth >= 0, "egoNetwork: negative depth \(depth)")

    var distance = [Int](repeating: -1, count: entities.count)
    distance[center] = 0
    var order = [center]
    var queue: Deque<Int> = [center]
    while let node = queue.popFirst() {
      let next = distance[node] + 1
      guard next <= depth else { continue }
      var neighbours: [Int] = []
      for k32 in outgoingEdges(of: node) where admits(Int(k32)) { neighbours.append(edgeTarget[Int(k32)]) }
      if undirected {
        for k32 in incomingEdges(of: node) where admits(Int(k32)) { neighbours.append(edgeSource[Int(k32)]) }
      }
      for other in neighbours where distance[other] < 0 {
        distance[other] = next
        order.append(other)
        queue.append(other)
      }
    }

    var edgeSet: Set<Int> = []
    for node in order {
      for k32 in outgoingEdges(of: node) {
        let k = Int(k32)
        if distance[edgeTarget[k]] >= 0 && admits(k) { edgeSet.insert(k) }
      }
    }
    return EgoNetwork(center: center, nodes: order, distances: order.map { distance[$0] }, edges: edgeSet.sorted())
  }
}
