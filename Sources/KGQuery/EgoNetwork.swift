import DequeModule

extension GraphIndex {
  /// The nodes within `depth` hops of `center`, with their distance, nearest first.
  ///
  /// - Parameters:
  ///   - center: a dense node id.
  ///   - depth: the most hops from `center`.
  ///   - undirected: follow edges against their direction too (networkx `ego_graph(…, undirected=)`).
  ///   - filter: the edges followed.
  /// - Returns: `(node, distance)` pairs, `center` first at distance 0.
  /// - Complexity: O(*n'* + *e'*) for the nodes and edges within reach.
  public func egoNetwork(
    of center: Int, depth: Int, undirected: Bool = true, filter: EdgeFilter = .all
  ) -> [(node: Int, distance: Int)] {
    var distance: [Int: Int] = [center: 0]
    var order: [(node: Int, distance: Int)] = [(center, 0)]
    var queue: Deque<Int> = [center]
    let unfiltered = filter.admitsAll
    while let u = queue.popFirst() {
      let du = distance[u]!
      if du >= depth { continue }
      forEachStep(from: u, forward: true, undirected: undirected, filter: filter, unfiltered: unfiltered) { v, _ in
        if distance[v] == nil {
          distance[v] = du + 1
          order.append((v, du + 1))
          queue.append(v)
        }
      }
    }
    return order
  }
}
