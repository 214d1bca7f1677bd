extension GraphIndex {
  /// One shortest path from `source` to `target`, found by bidirectional breadth-first search.
  ///
  /// Ties are broken deterministically (by edge order), so the same graph always gives the same
  /// path. Use `shortestPaths(from:to:filter:undirected:maxHops:limit:)` for every tie.
  ///
  /// ```swift
  /// let path = try index.shortestPath(from: turkey, to: isis, filter: try EdgeFilter(types: [.attack]))
  /// print(path.nodes.map { index.entities[$0].name })
  /// ```
  ///
  /// - Parameters:
  ///   - source: the dense id of the first entity.
  ///   - target: the dense id of the last entity.
  ///   - filter: the edges a path may use, checked as the search reaches them.
  ///   - undirected: follow edges against their direction too.
  ///   - maxHops: the longest path accepted; nil for no limit.
  /// - Returns: a path of at least one node (`[source]` when `source == target`).
  /// - Throws: `QueryError.noPath` when no admitted path of at most `maxHops` hops exists; it
  ///   never returns an empty path.
  /// - Complexity: O(*n* + *e*) in the worst case; on graphs with small diameter the two
  ///   frontiers meet after visiting about the square root of what a one-sided search visits
  ///   (networkx `bidirectional_shortest_path`, `_bidirectional_pred_succ`).
  public func shortestPath(
    from source: Int, to target: Int, filter: EdgeFilter = .all, undirected: Bool = false, maxHops: Int? = nil
  ) throws(QueryError) -> GraphPath {
    try shortestPaths(
      from: source, to: target, filter: filter, undirected: undirected, maxHops: maxHops, all: false, limit: 1)[0]
  }

  /// Every shortest path from `source` to `target` (all ties), in lexicographic order of node ids.
  ///
  /// - Parameters:
  ///   - source: the dense id of the first entity.
  ///   - target: the dense id of the last entity.
  ///   - filter: the edges a path may use.
  ///   - undirected: follow edges against their direction too.
  ///   - maxHops: the longest path accepted; nil for no limit.
  ///   - limit: the most paths returned (ties can be exponentially many).
  /// - Returns: between 1 and `limit` paths, all of the same, least length.
  /// - Throws: `QueryError.noPath` when no admitted path of at most `maxHops` hops exists.
  /// - Complexity: the search as in `shortestPath`, plus O(*p* · *L*) for *p* paths of length *L*.
  public func shortestPaths(
    from source: Int, to target: Int, filter: EdgeFilter = .all, undirected: Bool = false, maxHops: Int? = nil,
    limit: Int = .max
  ) throws(QueryError) -> [GraphPath] {
    try shortestPaths(
      from: source, to: target, filter: filter, undirected: undirected, maxHops: maxHops, all: true, limit: limit)
  }

  func shortestPaths(
    from source: Int, to target: Int, filter: EdgeFilter, undirected: Bool, maxHops: Int?, all: Bool, limit: Int
  ) throws(QueryError) -> [GraphPath] {
    let noPath = QueryError.noPath(from: entities[source].name, to: entities[target].name)
    if source == target { return [GraphPath(nodes: [source], hops: [])] }
    guard
      let search = BidirectionalSearch(
        graph: self, source: source, target: target, filter: filter, undirected: undirected, maxHops: maxHops, all: all)
    else { throw noPath }
    let sequences = search.nodeSequences(limit: max(1, limit))
    return sequences.map { makePath($0, undirected: undirected, filter: filter) }
  }
}

/// Where a breadth-first search finds the steps from a frontier: a `GraphIndex` in memory, or
/// a store queried one frontier at a time (`KGPipeline` reads the indexed edge table), so a
/// one-off question reads the few thousand edges it crosses instead of the whole graph.
///
/// Nodes are dense ids that the source gives out; a lazy source numbers nodes as it meets them.
public protocol StepSource {
  associatedtype Failure: Error
  /// The number of node ids given out so far (every id is below it).
  var nodeCount: Int { get }
  /// Calls `body(u, v)` for each admitted step from each node `u` of `frontier`, in frontier
  /// order; for one `u`, its outgoing edges (if `forward || undirected`) in edge order, then
  /// its incoming ones (if `!forward || undirected`) in edge order, as
  /// `GraphIndex.forEachStep` does.
  mutating func forEachStep(
    from frontier: [Int], forward: Bool, undirected: Bool, _ body: (_ u: Int, _ v: Int) -> Void) throws(Failure)
}

/// A `GraphIndex` with a filter, as a step source.
struct IndexSteps: StepSource {
  typealias Failure = Never
  let graph: GraphIndex
  let filter: EdgeFilter
  let unfiltered: Bool
  var nodeCount: Int { graph.nodeCount }

  func forEachStep(from frontier: [Int], forward: Bool, undirected: Bool, _ body: (Int, Int) -> Void) {
    for u in frontier {
      graph.forEachStep(from: u, forward: forward, undirected: undirected, filter: filter, unfiltered: unfiltered) {
        v, _ in body(u, v)
      }
    }
  }
}

/// The shortest paths from `source` to `target` as node sequences, found by the same
/// bidirectional breadth-first search as `GraphIndex.shortestPaths`, over any step source.
///
/// - Parameters:
///   - steps: where the search finds its steps.
///   - precedes: the order of node ids that sorts the paths (dense ids in `GraphIndex`, whose
///     numbering follows the entity ids; a lazy source compares the ids themselves).
///   - limit: the most sequences returned.
/// - Returns: nil when no path of at most `maxHops` hops exists; `[[source]]` when
///   `source == target`.
/// - Complexity: as `GraphIndex.shortestPaths`, with one call to `steps` per level.
public func shortestNodeSequences<S: StepSource>(
  _ steps: inout S, from source: Int, to target: Int, undirected: Bool, maxHops: Int?, limit: Int,
  precedes: (Int, Int) -> Bool
) throws(S.Failure) -> [[Int]]? {
  if source == target { return [[source]] }
  guard
    let search = try BidirectionalSearch(
      steps: &steps, source: source, target: target, undirected: undirected, maxHops: maxHops, all: true)
  else { return nil }
  return search.nodeSequences(limit: max(1, limit), precedes: precedes)
}

/// The state of a bidirectional breadth-first search that expands whole levels, so that every
/// shortest path can be recovered from the parents it records.
struct BidirectionalSearch {
  let source: Int
  let target: Int
  /// Forward: the first parent (nearer the source) of each reached node; -1 where unreached.
  var forwardParent: [Int32]
  /// Backward: the first parent nearer the target.
  var backwardParent: [Int32]
  var forwardExtra: [Int32: [Int32]] = [:]
  var backwardExtra: [Int32: [Int32]] = [:]
  /// Nodes reached from both sides, at the least total length.
  var meetings: [Int32] = []

  init?(graph: GraphIndex, source: Int, target: Int, filter: EdgeFilter, undirected: Bool, maxHops: Int?, all: Bool) {
    var steps = IndexSteps(graph: graph, filter: filter, unfiltered: filter.admitsAll)
    self.init(steps: &steps, source: source, target: target, undirected: undirected, maxHops: maxHops, all: all)
  }

  init?<S: StepSource>(steps: inout S, source: Int, target: Int, undirected: Bool, maxHops: Int?, all: Bool)
    throws(S.Failure)
  {
    self.source = source
    self.target = target
    var n = max(steps.nodeCount, source + 1, target + 1)
    // Distance from the source (forward) or to the target (backward); -1 where unreached.
    var forwardDistance = [Int32](repeating: -1, count: n)
    var backwardDistance = [Int32](repeating: -1, count: n)
    var forwardParent = [Int32](repeating: -1, count: n)
    var backwardParent = [Int32](repeating: -1, count: n)
    /// A lazy source numbers new nodes as it reads them: the tables grow to match.
    func grow(_ count: Int) {
      guard count > n else { return }
      let more = count - n
      forwardDistance += repeatElement(-1, count: more)
      backwardDistance += repeatElement(-1, count: more)
      forwardParent += repeatElement(-1, count: more)
      backwardParent += repeatElement(-1, count: more)
      n = count
    }
    forwardDistance[source] = 0
    backwardDistance[target] = 0
    var forwardFrontier = [source]
    var backwardFrontier = [target]
    var forwardLevel: Int32 = 0
    var backwardLevel: Int32 = 0
    var meetings: [Int32] = []
    var forwardExtra: [Int32: [Int32]] = [:]
    var backwardExtra: [Int32: [Int32]] = [:]

    while !forwardFrontier.isEmpty && !backwardFrontier.isEmpty && meetings.isEmpty {
      if let maxHops, Int(forwardLevel + backwardLevel) >= maxHops { break }
      var next: [Int] = []
      if forwardFrontier.count <= backwardFrontier.count {
        let level = forwardLevel + 1
        try steps.forEachStep(from: forwardFrontier, forward: true, undirected: undirected) { u, v in
          if v >= n { grow(max(v + 1, n * 2)) }
          if forwardDistance[v] < 0 {
            forwardDistance[v] = level
            forwardParent[v] = Int32(u)
            next.append(v)
            if backwardDistance[v] >= 0 { meetings.append(Int32(v)) }
          } else if all && forwardDistance[v] == level && forwardParent[v] != Int32(u)
            && forwardExtra[Int32(v), default: []].contains(Int32(u)) == false
          {
            forwardExtra[Int32(v), default: []].append(Int32(u))
          }
        }
        forwardLevel = level
        forwardFrontier = next
      } else {
        let level = backwardLevel + 1
        try steps.forEachStep(from: backwardFrontier, forward: false, undirected: undirected) { u, v in
          if v >= n { grow(max(v + 1, n * 2)) }
          if backwardDistance[v] < 0 {
            backwardDistance[v] = level
            backwardParent[v] = Int32(u)
            next.append(v)
            if forwardDistance[v] >= 0 { meetings.append(Int32(v)) }
          } else if all && backwardDistance[v] == level && backwardParent[v] != Int32(u)
            && backwardExtra[Int32(v), default: []].contains(Int32(u)) == false
          {
            backwardExtra[Int32(v), default: []].append(Int32(u))
          }
        }
        backwardLevel = level
        backwardFrontier = next
      }
    }
    if meetings.isEmpty { return nil }
    self.forwardParent = forwardParent
    self.backwardParent = backwardParent
    self.meetings = meetings
    self.forwardExtra = forwardExtra
    self.backwardExtra = backwardExtra
  }

  func parents(of v: Int32, forward: Bool) -> [Int32] {
    let first = forward ? forwardParent[Int(v)] : backwardParent[Int(v)]
    if first < 0 { return [] }
    return [first] + ((forward ? forwardExtra[v] : backwardExtra[v]) ?? [])
  }

  /// Chains from `v` back to the source (forward) or on to the target (backward), `v` first.
  func chains(from v: Int32, forward: Bool, limit: Int) -> [[Int32]] {
    let end = Int32(forward ? source : target)
    if v == end { return [[v]] }
    var result: [[Int32]] = []
    for p in parents(of: v, forward: forward) {
      for rest in chains(from: p, forward: forward, limit: limit - result.count) {
        result.append([v] + rest)
        if result.count >= limit { return result }
      }
    }
    return result
  }

  /// The shortest paths as node sequences, sorted, at most `limit` of them.
  func nodeSequences(limit: Int, precedes: (Int, Int) -> Bool = (<)) -> [[Int]] {
    var paths: [[Int]] = []
    for m in meetings {
      let heads = chains(from: m, forward: true, limit: limit)
      let tails = chains(from: m, forward: false, limit: limit)
      for head in heads {
        for tail in tails {
          paths.append(head.reversed().map(Int.init) + tail.dropFirst().map(Int.init))
        }
      }
      if paths.count >= limit { break }
    }
    paths.sort { $0.lexicographicallyPrecedes($1, by: precedes) }
    return Array(paths.prefix(limit))
  }
}
