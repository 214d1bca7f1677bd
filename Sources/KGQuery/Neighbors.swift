import KGModel

/// One edge at a node, seen from that node.
public struct Neighbor: Hashable, Sendable {
  /// The edge number in the `GraphIndex`.
  public var edge: Int
  /// The node at the other end.
  public var node: Int
  /// `.out` when the queried node is the edge's source, `.in` when it is the target.
  public var direction: Direction
}

extension GraphIndex {
  /// The admitted edges at `node`, each with the entity at its other end.
  ///
  /// Outgoing edges come first, then incoming, each in edge order. A self-loop appears once per
  /// direction asked for.
  ///
  /// ```swift
  /// let attackers = index.neighbors(of: ypg, direction: .in, filter: try EdgeFilter(types: [.attack]))
  /// ```
  ///
  /// - Parameters:
  ///   - node: a dense node id.
  ///   - direction: which edges to follow.
  ///   - filter: the edges admitted.
  /// - Returns: one `Neighbor` per admitted edge (not per distinct neighbour).
  /// - Complexity: O(deg(*node*)) filter checks.
  public func neighbors(of node: Int, direction: Direction = .both, filter: EdgeFilter = .all) -> [Neighbor] {
    var result: [Neighbor] = []
    if direction != .in {
      for k in outgoingEdges(of: node) where admits(edge: Int(k), filter: filter) {
        result.append(Neighbor(edge: Int(k), node: edgeTarget[Int(k)], direction: .out))
      }
    }
    if direction != .out {
      for k in incomingEdges(of: node) where admits(edge: Int(k), filter: filter) {
        result.append(Neighbor(edge: Int(k), node: edgeSource[Int(k)], direction: .in))
      }
    }
    return result
  }

  /// Calls `body` with each node one admitted hop from `node`, with the edge (repeats possible).
  @inline(__always)
  func forEachStep(
    from node: Int, forward: Bool, undirected: Bool, filter: EdgeFilter, unfiltered: Bool, _ body: (Int, Int) -> Void
  ) {
    if forward || undirected {
      for k in outgoingEdges(of: node) where unfiltered || admits(edge: Int(k), filter: filter) {
        body(edgeTarget[Int(k)], Int(k))
      }
    }
    if !forward || undirected {
      for k in incomingEdges(of: node) where unfiltered || admits(edge: Int(k), filter: filter) {
        body(edgeSource[Int(k)], Int(k))
      }
    }
  }
}
