import KGModel

@testable import KGQuery

/// Checks a path against the graph on its own terms, without trusting the search that made it:
/// it starts and ends where asked, is simple, is no longer than `maxHops`, and every hop is made
/// of stored edges that join its two nodes (in the path's direction unless `undirected`) and
/// that `admits` accepts.
struct PathValidator {
  var graph: KnowledgeGraph
  var undirected: Bool
  var maxHops: Int?
  /// The filter restated independently of `EdgeFilter`.
  var admits: (Edge) -> Bool

  func problems(_ path: GraphPath, from source: String, to target: String, in index: GraphIndex) -> [String] {
    var problems: [String] = []
    let ids = path.nodes.map { index.entities[$0].id }
    if ids.first != source { problems.append("starts at \(ids.first ?? "nothing"), not \(source)") }
    if ids.last != target { problems.append("ends at \(ids.last ?? "nothing"), not \(target)") }
    if Set(ids).count != ids.count { problems.append("repeats a node: \(ids)") }
    if let maxHops, path.length > maxHops { problems.append("\(path.length) hops > \(maxHops)") }
    if path.hops.count != max(0, ids.count - 1) { problems.append("\(path.hops.count) hops for \(ids.count) nodes") }
    let stored = Dictionary(graph.edges.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for (i, hop) in path.hops.enumerated() {
      if hop.edges.isEmpty { problems.append("hop \(i) has no edge") }
      guard hop.from == path.nodes[i], hop.to == path.nodes[i + 1] else {
        problems.append("hop \(i) does not join nodes \(i) and \(i + 1)")
        continue
      }
      let a = ids[i]
      let b = ids[i + 1]
      for k in hop.edges {
        guard let edge = stored[index.edges[k].id], edge == index.edges[k] else {
          problems.append("hop \(i): edge \(k) is not stored")
          continue
        }
        let forward = edge.source == a && edge.target == b
        let backward = edge.source == b && edge.target == a
        if !(forward || (undirected && backward)) {
          problems.append("hop \(i): edge r\(edge.id) does not join \(a) → \(b)")
        }
        if !admits(edge) { problems.append("hop \(i): edge r\(edge.id) is not admitted by the filter") }
      }
    }
    return problems
  }
}
