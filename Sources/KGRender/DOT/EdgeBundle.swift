import KGModel

/// Edges drawn as one line: the same source, target and relation type, so they differ only in
/// modality (the store keeps one edge per source, type, target and modality).
///
/// The line takes the strongest modality's style and id; its label counts the edges merged.
struct EdgeBundle {
  /// The merged edges, strongest modality first, then by store id.
  var edges: [Edge]

  var primary: Edge { edges[0] }
  var source: String { primary.source }
  var target: String { primary.target }
  var type: RelationType { primary.type }
  var modality: Modality { primary.modality }
  /// The id `kg edge` accepts: "r" and the store id of the strongest edge.
  var drawingID: String { "r\(primary.id)" }

  /// Distinct documents stating any of the merged edges.
  var documentCount: Int { Set(edges.lazy.flatMap(\.provenance).map(\.document)).count }
  var statementCount: Int { edges.reduce(0) { $0 + $1.provenance.count } }

  /// The statement to quote: of the strongest modality, the first in stored order.
  var strongestEvidence: Provenance? {
    var best: Provenance?
    for edge in edges {
      for p in edge.provenance where best == nil || p.modality > best!.modality { best = p }
    }
    return best
  }

  /// Groups `edges` into bundles, in the order each bundle's first edge appears.
  static func group(_ edges: [Edge]) -> [EdgeBundle] {
    struct Key: Hashable {
      var source: String
      var target: String
      var type: RelationType
    }
    var order: [Key] = []
    var members: [Key: [Edge]] = [:]
    for edge in edges {
      let key = Key(source: edge.source, target: edge.target, type: edge.type)
      if members[key] == nil { order.append(key) }
      members[key, default: []].append(edge)
    }
    return order.map { key in
      EdgeBundle(
        edges: members[key]!.sorted { ($0.modality.strength, -$0.id) > ($1.modality.strength, -$1.id) })
    }
  }
}
