extension GraphIndex {
  /// Every simple path (no repeated node) from `source` to `target` of at most `maxHops` hops.
  ///
  /// A backward breadth-first search first measures each node's distance to `target` (up to
  /// `maxHops`); the depth-first search then enters only nodes from which `target` is still
  /// reachable in the hops left, so its work grows with the number of paths found rather than
  /// with the size of the graph around `source` (networkx `all_simple_paths(G, s, t, cutoff=)`,
  /// with pruning).
  ///
  /// ```swift
  /// let paths = try index.simplePaths(from: turkey, to: isis, maxHops: 3, undirected: true)
  /// ```
  ///
  /// - Parameters:
  ///   - source: the dense id of the first entity.
  ///   - target: the dense id of the last entity.
  ///   - maxHops: the most hops a path may have (at least 1).
  ///   - filter: the edges a path may use.
  ///   - undirected: follow edges against their direction too.
  ///   - limit: stop after this many paths.
  /// - Returns: paths in depth-first order (shorter prefixes first by edge order), each a distinct
  ///   node sequence; parallel edges are grouped in the hop.
  /// - Throws: `QueryError.noPath` when there is none.
  /// - Complexity: O(*n* + *e*) for the distance search, plus O(*p* · *L* · *d*) for *p* paths of
  ///   at most *L* hops through nodes of degree *d*.
  public func simplePaths(
    from source: Int, to target: Int, maxHops: Int, filter: EdgeFilter = .all, undirected: Bool = false,
    limit: Int = .max
  ) throws(QueryError) -> [GraphPath] {
    let search = try simplePaths(
      from: source, to: target, maxHops: maxHops, filter: filter, undirected: undirected, limit: limit,
      budget: .max)
    return search.paths
  }

  /// The simple paths found within a bound on the work, and whether the bound cut the search.
  public struct SimplePathSearch: Sendable {
    public var paths: [GraphPath]
    /// True when the search stopped at its budget: more paths may exist.
    public var cut: Bool
  }

  /// The default bound on the steps a simple-path search takes (about a second of work).
  public static let defaultPathBudget = 2_000_000

  /// Every simple path from `source` to `target` of at most `maxHops` hops, found within
  /// `budget` steps (edges looked at by the depth-first search). On a dense graph the number of
  /// simple paths grows as *d*^*L*, so an unbounded search can run for hours; the budget stops it
  /// and the result says so.
  ///
  /// - Returns: the paths found, in the order of `simplePaths(from:to:maxHops:filter:undirected:limit:)`,
  ///   and `cut` when the budget ran out first.
  /// - Throws: `QueryError.noPath` when there is none (and the search was not cut).
  /// - Complexity: O(*n* + *e* + `budget`).
  public func simplePaths(
    from source: Int, to target: Int, maxHops: Int, filter: EdgeFilter = .all, undirected: Bool = false,
    limit: Int = .max, budget: Int
  ) throws(QueryError) -> SimplePathSearch {
    let noPath = QueryError.noPath(from: entities[source].name, to: entities[target].name)
    guard maxHops >= 1, source != target, limit > 0 else { throw noPath }
    // A simple path has at most n - 1 hops; this also keeps the counts below in Int32.
    let maxHops = min(maxHops, max(1, nodeCount - 1))
    let unfiltered = filter.admitsAll
    // Distance to the target, searched backwards, up to maxHops.
    var toTarget = [Int32](repeating: -1, count: nodeCount)
    toTarget[target] = 0
    var frontier = [target]
    var level: Int32 = 0
    while !frontier.isEmpty && level < Int32(maxHops) {
      level += 1
      var next: [Int] = []
      for u in frontier {
        forEachStep(from: u, forward: false, undirected: undirected, filter: filter, unfiltered: unfiltered) { v, _ in
          if toTarget[v] < 0 {
            toTarget[v] = level
            next.append(v)
          }
        }
      }
      frontier = next
    }
    guard toTarget[source] >= 0 else { throw noPath }

    var paths: [GraphPath] = []
    var stack = [source]
    var onPath: Set<Int> = [source]
    var budgetLeft = budget
    var cut = false
    func extend(_ node: Int) {
      let left = Int32(maxHops - (stack.count - 1))
      var seen: Set<Int> = []
      var steps: [Int] = []
      forEachStep(from: node, forward: true, undirected: undirected, filter: filter, unfiltered: unfiltered) { v, _ in
        if seen.insert(v).inserted { steps.append(v) }
      }
      for v in steps {
        if paths.count >= limit || cut { return }
        budgetLeft -= 1
        if budgetLeft < 0 {
          cut = true
          return
        }
        if v == target {
          paths.append(makePath(stack + [v], undirected: undirected, filter: filter))
          continue
        }
        let dv = toTarget[v]
        guard dv >= 0, dv < left, !onPath.contains(v) else { continue }
        stack.append(v)
        onPath.insert(v)
        extend(v)
        onPath.remove(v)
        stack.removeLast()
      }
    }
    extend(source)
    if paths.isEmpty && !cut { throw noPath }
    return SimplePathSearch(paths: paths, cut: cut)
  }
}
