public import KGModel

/// Writes a graph as Graphviz DOT that a reader can follow back to the evidence.
///
/// - Nodes: one per entity that an edge touches; shape and fill by entity type (`DOTStyle`);
///   `id` "e-" plus the entity id; a tooltip with the type, aliases and `part_of`.
/// - Edges: one line per source, target and relation type. Edges that differ only in modality
///   are merged into one line labelled "type ×N", drawn with the strongest modality. Colour by
///   type; solid, dashed, dotted for asserted, alleged, hypothetical; pen width by the number of
///   documents. Each line's `id` is "r" and the store id ("r12"), which `kg edge r12` accepts,
///   and its tooltip quotes the strongest statement with its document, sentence and rule.
/// - A legend (an HTML-like table) lists the types, colours and line styles the drawing uses.
/// - With `clusterByPartOf`, entities are boxed inside the entity they are `part_of`.
///
/// ```swift
/// let dot = DOTWriter(scope: .focus(entity: "isis"), clusterByPartOf: true).write(graph)
/// ```
///
/// The output depends only on the input: nodes sorted by id, edges in the order given.
public struct DOTWriter: Sendable {
  public var graphName = "kg"
  public var scope: RenderScope
  public var clusterByPartOf: Bool
  public var showsLegend: Bool
  /// A caption drawn above the graph.
  public var title: String?
  /// Above this many lines the drawing asks Graphviz for straight lines and a bounded layout
  /// effort, trading some crossings for time.
  public var largeDrawing = 500

  public init(scope: RenderScope = .whole, clusterByPartOf: Bool = false, legend: Bool = true, title: String? = nil) {
    self.scope = scope
    self.clusterByPartOf = clusterByPartOf
    self.showsLegend = legend
    self.title = title
  }

  /// The DOT text of `graph` in this writer's scope.
  ///
  /// `graph.entities` is used to name and style endpoints (and cluster parents); only the
  /// endpoints of `graph.edges` in scope are drawn, and the focus entity.
  ///
  /// - Complexity: O(*n* log *n* + *e* + *v*) for *n* entities, *e* edges and *v* statements.
  public func write(_ graph: KnowledgeGraph) -> String {
    let entities = graph.entityIndex
    var emphasised: Set<String> = []
    var heavy = false
    var edges = graph.edges
    switch scope {
    case .whole:
      break
    case .focus(let entity):
      emphasised.insert(entity)
    case .paths(let paths):
      let byID = Dictionary(graph.edges.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      var wanted: Set<Int64> = []
      for path in paths {
        let hops = path.compactMap { byID[$0] }
        wanted.formUnion(hops.map(\.id))
        emphasised.formUnion(Self.ends(of: hops))
      }
      edges = graph.edges.filter { wanted.contains($0.id) }
      heavy = true
    }
    let bundles = EdgeBundle.group(edges)
    var nodeIDs = Set(bundles.flatMap { [$0.source, $0.target] })
    if case .focus(let entity) = scope { nodeIDs.insert(entity) }
    let nodes = nodeIDs.sorted()

    var out = "digraph \(DOTEscaping.quoted(graphName)) {\n"
    // dot's crossing minimisation, positioning and spline routing grow much faster than the
    // graph: 2,000 lines take minutes with the defaults, about ten seconds with these limits.
    let effort = bundles.count > largeDrawing ? "splines=line, mclimit=0.01, nslimit=0.5, nslimit1=0.5" : "splines=true"
    var graphAttributes = "rankdir=LR, overlap=false, \(effort), fontname=\"Helvetica\""
    if let title {
      graphAttributes += ", label=\(DOTEscaping.quoted(title)), labelloc=t, fontsize=14"
    }
    out += "  graph [\(graphAttributes)];\n"
    out += "  node [style=filled, fontname=\"Helvetica\", fontsize=10];\n"
    out += "  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.7];\n"

    let nodeLine = { (id: String, indent: String) -> String in
      indent + nodeStatement(id, entity: entities[id], entities: entities, emphasised: emphasised.contains(id)) + "\n"
    }
    if clusterByPartOf {
      out += ClusterLayout(nodes: nodes, entities: entities).dot(indent: "  ", nodeLine: nodeLine)
    } else {
      for id in nodes { out += nodeLine(id, "  ") }
    }
    for bundle in bundles {
      out += "  " + edgeStatement(bundle, entities: entities, heavy: heavy) + "\n"
    }
    if showsLegend && !nodes.isEmpty {
      out +=
        "  "
        + Legend(kinds: Set(nodes.compactMap { entities[$0]?.kind }), bundles: bundles, avoiding: nodeIDs)
        .statement() + "\n"
    }
    out += "}\n"
    return out
  }

  // MARK: - Statements

  func nodeStatement(_ id: String, entity: Entity?, entities: [String: Entity], emphasised: Bool) -> String {
    let style = entity.map { DOTStyle.node($0.kind) } ?? DOTStyle.unknownNode
    var tooltip = entity.map { "\($0.name) — \(DOTStyle.name($0.kind))\nid: \($0.id)" } ?? "\(id) (not in the store)"
    if let entity {
      let aliases = entity.aliases.filter { $0 != entity.name }
      if !aliases.isEmpty {
        tooltip += "\nalso: " + aliases.prefix(4).joined(separator: ", ") + (aliases.count > 4 ? ", …" : "")
      }
      if let parent = entity.partOf {
        tooltip += "\npart of: \(entities[parent]?.name ?? parent)"
      }
    }
    var attributes = [
      "id=\(DOTEscaping.quoted("e-\(id)"))",
      "label=\(DOTEscaping.quoted(entity?.name ?? id))",
      "shape=\(style.shape)",
      "fillcolor=\(DOTEscaping.quoted(style.fill))",
      "tooltip=\(DOTEscaping.tooltip(tooltip))",
    ]
    if emphasised { attributes += ["penwidth=2", "peripheries=2"] }
    return "\(DOTEscaping.quoted(id)) [\(attributes.joined(separator: ", "))];"
  }

  func edgeStatement(_ bundle: EdgeBundle, entities: [String: Entity], heavy: Bool) -> String {
    let color = DOTEscaping.quoted(DOTStyle.color(bundle.type))
    let label = bundle.edges.count > 1 ? "\(bundle.type.rawValue) ×\(bundle.edges.count)" : bundle.type.rawValue
    var attributes = [
      "id=\(DOTEscaping.quoted(bundle.drawingID))",
      "label=\(DOTEscaping.quoted(label))",
      "color=\(color)",
      "fontcolor=\(color)",
      "style=\(DOTStyle.lineStyle(bundle.modality))",
      "penwidth=\(DOTStyle.penWidth(documents: bundle.documentCount) + (heavy ? 2 : 0))",
      "tooltip=\(DOTEscaping.tooltip(tooltip(bundle, entities: entities)))",
    ]
    if bundle.type.isSymmetric { attributes.append("dir=none") }
    return
      "\(DOTEscaping.quoted(bundle.source)) -> \(DOTEscaping.quoted(bundle.target)) [\(attributes.joined(separator: ", "))];"
  }

  /// What hovering over an edge shows: who did what to whom, the strongest quote and where it
  /// is, how much supports it, the merged edges, and the command that shows it all.
  func tooltip(_ bundle: EdgeBundle, entities: [String: Entity]) -> String {
    let name = { (id: String) in entities[id]?.name ?? id }
    let arrow = bundle.type.isSymmetric ? "↔" : "→"
    var lines = [
      "\(name(bundle.source)) \(arrow) \(name(bundle.target)): \(bundle.type.rawValue), \(claim(bundle.primary, name: name)) (\(bundle.drawingID))"
    ]
    if let evidence = bundle.strongestEvidence {
      lines.append("“\(Self.shortened(evidence.quote))”")
      lines.append("— \(evidence.document), sentence \(evidence.sentence), rule \(evidence.rule)")
    }
    let documents = bundle.documentCount
    let statements = bundle.statementCount
    lines.append(
      "\(documents) document\(documents == 1 ? "" : "s"), \(statements) statement\(statements == 1 ? "" : "s")")
    for other in bundle.edges.dropFirst() {
      lines.append("also r\(other.id): \(claim(other, name: name))")
    }
    lines.append("kg edge \(bundle.drawingID)")
    return lines.joined(separator: "\n")
  }

  private func claim(_ edge: Edge, name: (String) -> String) -> String {
    if edge.modality == .alleged, let claimant = edge.assertedBy { return "alleged by \(name(claimant))" }
    return edge.modality.rawValue
  }

  /// At most 280 characters of a quote, cut at a word with an ellipsis.
  static func shortened(_ quote: String, limit: Int = 280) -> String {
    guard quote.count > limit else { return quote }
    var cut = String(quote.prefix(limit))
    if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
    return cut + " …"
  }

  /// The two end entities of a path given as edges in order (both ends of a single edge).
  static func ends(of hops: [Edge]) -> [String] {
    guard let first = hops.first, let last = hops.last else { return [] }
    guard hops.count > 1 else { return [first.source, first.target] }
    let second = hops[1]
    let start = [second.source, second.target].contains(first.target) ? first.source : first.target
    let beforeLast = hops[hops.count - 2]
    let end = [beforeLast.source, beforeLast.target].contains(last.source) ? last.target : last.source
    return [start, end]
  }
}
