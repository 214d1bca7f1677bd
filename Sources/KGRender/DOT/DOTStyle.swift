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
}
