import KGModel

/// The key to a drawing, as one plain node with an HTML-like table: the entity types, relation
/// colours and line styles it uses, and what pen width and "×N" mean.
struct Legend {
  var kinds: Set<EntityKind>
  var bundles: [EdgeBundle]

  /// The node name; a slug never holds a colon, so it cannot clash with an entity made from a
  /// name, but a dictionary may use any id: see `nodeName(avoiding:)`.
  static let nodeName = "kg:legend"

  /// The legend's node name: `nodeName`, or with a number added when an entity has that id.
  var name: String

  init(kinds: Set<EntityKind>, bundles: [EdgeBundle], avoiding nodes: Set<String> = []) {
    self.kinds = kinds
    self.bundles = bundles
    var name = Self.nodeName
    var n = 1
    while nodes.contains(name) {
      n += 1
      name = "\(Self.nodeName)-\(n)"
    }
    self.name = name
  }

  func statement() -> String {
    var rows: [String] = ["<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>"]
    for kind in EntityKind.allCases where kinds.contains(kind) {
      let style = DOTStyle.node(kind)
      rows.append(
        "<TR><TD BGCOLOR=\"\(style.fill)\">\(DOTEscaping.html(DOTStyle.name(kind)))</TD><TD>\(style.shape)</TD></TR>")
    }
    let types = Set(bundles.map(\.type))
    for type in RelationType.allCases where types.contains(type) {
      let color = DOTStyle.color(type)
      rows.append(
        "<TR><TD><FONT COLOR=\"\(color)\">\(DOTStyle.glyph(.asserted))</FONT></TD><TD><FONT COLOR=\"\(color)\">\(type.rawValue)</FONT></TD></TR>"
      )
    }
    let modalities = Set(bundles.flatMap { $0.edges.map(\.modality) })
    for modality in Modality.allCases where modalities.contains(modality) {
      rows.append("<TR><TD>\(DOTStyle.glyph(modality))</TD><TD>\(modality.rawValue)</TD></TR>")
    }
    if !bundles.isEmpty {
      rows.append("<TR><TD COLSPAN=\"2\">line width: documents (1 to \(DOTStyle.maximumPenWidth)+)</TD></TR>")
    }
    if bundles.contains(where: { $0.edges.count > 1 }) {
      rows.append("<TR><TD COLSPAN=\"2\">×N: N modalities of one relation, drawn as the strongest</TD></TR>")
    }
    let table = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\">" + rows.joined() + "</TABLE>"
    return
      "\(DOTEscaping.quoted(name)) [id=\"legend\", shape=plaintext, style=\"\", fontsize=9, tooltip=\"Legend\", label=<\(table)>];"
  }
}
