public import KGModel

/// Writes a graph as Graphviz DOT: one node per entity (shape and colour by type), one edge per
/// relation (colour and label by type, dashed for alleged, dotted for hypothetical), each edge
/// with a tooltip quoting its first evidence and an id that `kg edge` accepts.
public struct DOTWriter: Sendable {
  public var graphName = "kg"

  public init() {}

  public func write(_ graph: KnowledgeGraph) -> String {
    var lines: [String] = []
    lines.append("digraph \(DOTEscaping.quoted(graphName)) {")
    lines.append("  graph [rankdir=LR, overlap=false, splines=true, fontname=\"Helvetica\"];")
    lines.append("  node [style=filled, fontname=\"Helvetica\", fontsize=10];")
    lines.append("  edge [fontname=\"Helvetica\", fontsize=8];")
    let used = Set(graph.edges.flatMap { [$0.source, $0.target] })
    for entity in graph.entities where used.contains(entity.id) {
      let style = DOTStyle.node(entity.kind)
      lines.append(
        "  \(DOTEscaping.quoted(entity.id)) [label=\(DOTEscaping.quoted(entity.name)), shape=\(style.shape), fillcolor=\(DOTEscaping.quoted(style.fill)), tooltip=\(DOTEscaping.quoted("\(entity.name) (\(entity.kind.rawValue))"))];"
      )
    }
    for edge in graph.edges {
      let sources = Set(edge.provenance.map(\.document)).count
      let quote = edge.provenance.first.map { "\($0.quote) — \($0.document)" } ?? ""
      var attributes = [
        "id=\(DOTEscaping.quoted("r\(edge.id)"))",
        "label=\(DOTEscaping.quoted(edge.type.rawValue))",
        "color=\(DOTEscaping.quoted(DOTStyle.color(edge.type)))",
        "fontcolor=\(DOTEscaping.quoted(DOTStyle.color(edge.type)))",
        "style=\(DOTStyle.lineStyle(edge.modality))",
        "penwidth=\(1 + min(sources, 5))",
        "tooltip=\(DOTEscaping.quoted(quote))",
      ]
      if edge.type.isSymmetric { attributes.append("dir=none") }
      lines.append("  \(DOTEscaping.quoted(edge.source)) -> \(DOTEscaping.quoted(edge.target)) [\(attributes.joined(separator: ", "))];")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }
}
