import KGModel

/// Entities boxed by `part_of`: each entity that a drawn entity is part of becomes a cluster
/// holding its parts (and itself, when drawn), nested as the `part_of` chain goes.
///
/// A cluster is made for every ancestor of a drawn entity, drawn or not, so a brigade shows
/// inside its army even when the army has no edge. A `part_of` cycle is cut where it is found.
struct ClusterLayout {
  /// Drawn entities outside every cluster.
  var looseNodes: [String] = []
  /// For each cluster (an entity id), the drawn entities directly inside it.
  var members: [String: [String]] = [:]
  /// For each cluster, the clusters directly inside it.
  var children: [String: [String]] = [:]
  var rootClusters: [String] = []
  var names: [String: String] = [:]

  init(nodes: [String], entities: [String: Entity]) {
    func parent(_ id: String) -> String? {
      guard let p = entities[id]?.partOf, !p.isEmpty, p != id else { return nil }
      return p
    }
    // Every ancestor of a drawn node is a cluster; its own parent is the enclosing cluster,
    // unless following parents from it comes back to it (a cycle), where it becomes a root.
    var clusterParent: [String: String?] = [:]
    for node in nodes {
      var current = node
      var seen: Set<String> = [node]
      while let p = parent(current), clusterParent[p] == nil {
        clusterParent[p] = .some(nil)
        guard !seen.contains(p) else { break }
        seen.insert(p)
        current = p
      }
    }
    for cluster in clusterParent.keys.sorted() {
      guard let p = parent(cluster), clusterParent[p] != nil else { continue }
      // Walk up from the parent; if the walk reaches `cluster`, nesting it would close a cycle.
      var walk: String? = p
      var steps = 0
      var cycle = false
      while let w = walk, steps <= clusterParent.count {
        if w == cluster {
          cycle = true
          break
        }
        walk = clusterParent[w] ?? nil
        steps += 1
      }
      if !cycle { clusterParent[cluster] = .some(p) }
    }
    for (cluster, p) in clusterParent.sorted(by: { $0.key < $1.key }) {
      names[cluster] = entities[cluster]?.name ?? cluster
      if let p { children[p, default: []].append(cluster) } else { rootClusters.append(cluster) }
    }
    for node in nodes {
      if clusterParent[node] != nil {
        members[node, default: []].append(node)
      } else if let p = parent(node), clusterParent[p] != nil {
        members[p, default: []].append(node)
      } else {
        looseNodes.append(node)
      }
    }
  }

  /// The DOT statements: loose nodes, then each root cluster with its nested clusters.
  func dot(indent: String, nodeLine: (String, String) -> String) -> String {
    var out = ""
    for node in looseNodes { out += nodeLine(node, indent) }
    for cluster in rootClusters { out += subgraph(cluster, indent: indent, nodeLine: nodeLine) }
    return out
  }

  private func subgraph(_ cluster: String, indent: String, nodeLine: (String, String) -> String) -> String {
    let inner = indent + "  "
    var out = "\(indent)subgraph \(DOTEscaping.quoted("cluster_\(cluster)")) {\n"
    out +=
      "\(inner)graph [label=\(DOTEscaping.quoted(names[cluster] ?? cluster)), id=\(DOTEscaping.quoted("c-\(cluster)")), "
    out +=
      "style=\"rounded,dashed\", color=\"#888888\", fontsize=9, tooltip=\(DOTEscaping.tooltip("\(names[cluster] ?? cluster) and what is part of it"))];\n"
    for node in members[cluster] ?? [] { out += nodeLine(node, inner) }
    for child in children[cluster] ?? [] { out += subgraph(child, indent: inner, nodeLine: nodeLine) }
    return out + "\(indent)}\n"
  }
}
