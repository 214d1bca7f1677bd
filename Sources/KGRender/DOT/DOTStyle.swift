public import KGModel

/// How entity types and relation types look in a drawing.
public enum DOTStyle {
  /// Node shape and fill colour by entity type.
  public static func node(_ kind: EntityKind) -> (shape: String, fill: String) {
    switch kind {
    case .state: ("doubleoctagon", "#dbe9f6")
    case .military: ("box", "#c6dbef")
    case .governmentBody: ("box", "#e5e5e5")
    case .armedGroup: ("hexagon", "#fdd0a2")
    case .person: ("ellipse", "#f2f0f7")
    case .organization: ("component", "#e5f5e0")
    case .location: ("house", "#fff7bc")
    }
  }

  /// Edge colour by relation type.
  public static func color(_ type: RelationType) -> String {
    switch type {
    case .attack: "#d62728"
    case .kill: "#7f0000"
    case .accuse: "#9467bd"
    case .condemn: "#8c564b"
    case .threaten: "#ff7f0e"
    case .demand: "#bcbd22"
    case .support: "#2ca02c"
    case .cooperate: "#17becf"
    case .capture: "#1f77b4"
    case .detain: "#7f7f7f"
    }
  }

  /// Solid for asserted, dashed for alleged, dotted for hypothetical.
  public static func lineStyle(_ modality: Modality) -> String {
    switch modality {
    case .asserted: "solid"
    case .alleged: "dashed"
    case .hypothetical: "dotted"
    }
  }

  /// Pen width by the number of distinct documents that state an edge: 1 for one, up to 5 for
  /// five or more, so a widely reported relation stands out.
  public static func penWidth(documents: Int) -> Int { min(max(documents, 1), maximumPenWidth) }

  /// The widest pen, reached at this many documents.
  public static let maximumPenWidth = 5

  /// A type as a reader would say it ("armed group").
  public static func name(_ kind: EntityKind) -> String {
    String(kind.rawValue.map { $0 == "_" ? " " : $0 })
  }

  /// A short run of line characters that looks like the line style, for the legend.
  static func glyph(_ modality: Modality) -> String {
    switch modality {
    case .asserted: "━━━━"
    case .alleged: "╍╍╍╍"
    case .hypothetical: "┈┈┈┈"
    }
  }

  /// Shape and fill of an endpoint that is not among the graph's entities.
  static let unknownNode = (shape: "ellipse", fill: "#ffffff")
}
