public import KGModel

/// One row per statement, tab-separated, in the spirit of GDELT's and ACLED's event tables:
/// who did what to whom, when, how it was reported, and where it is written.
///
/// Columns (the header row names them): `event_id` (`r12.3`: the edge id and the statement's
/// position), `date`, `source_id`, `source_name`, `source_type`, `relation`, `cameo_root`,
/// `target_id`, `target_name`, `target_type`, `modality`, `claimant`, `edge_id`, `document`,
/// `title`, `outlet`, `sentence`, `start`, `end`, `quote`, `rule`. `date` is the document's
/// publication date (`YYYY[-MM[-DD]]`), empty when undated; `modality` and `claimant` are the
/// statement's own; `start`/`end` are code points into the article text.
///
/// Inside a field, a backslash, tab, newline and carriage return are written `\\`, `\t`, `\n`
/// and `\r` (the convention of PostgreSQL's `COPY` text format and of `mysqlimport`), so every
/// row is one line with exactly 21 fields.
public struct EventTable: Sendable {
  public static let columns = [
    "event_id", "date", "source_id", "source_name", "source_type", "relation", "cameo_root", "target_id",
    "target_name", "target_type", "modality", "claimant", "edge_id", "document", "title", "outlet", "sentence",
    "start", "end", "quote", "rule",
  ]

  /// The CAMEO root code (two digits) written for each relation type: the one table, also in
  /// the README.
  ///
  /// | relation | root | CAMEO root name | the code the relation is closest to |
  /// | --- | --- | --- | --- |
  /// | attack | 19 | Fight | 190 use conventional military force |
  /// | kill | 18 | Assault | 1823 kill by physical assault, 186 assassinate |
  /// | accuse | 11 | Disapprove | 112 accuse |
  /// | condemn | 11 | Disapprove | 111 criticize or denounce |
  /// | threaten | 13 | Threaten | 138 threaten with military force |
  /// | demand | 10 | Demand | 10 demand |
  /// | support | 07 | Provide aid | 072 provide military aid |
  /// | cooperate | 06 | Engage in material cooperation | 062 cooperate militarily |
  /// | capture | 19 | Fight | 192 occupy territory (captures of people are 181, Assault) |
  /// | detain | 17 | Coerce | 173 arrest, detain |
  public static func cameoRoot(_ type: RelationType) -> String {
    switch type {
    case .attack: "19"
    case .kill: "18"
    case .accuse: "11"
    case .condemn: "11"
    case .threaten: "13"
    case .demand: "10"
    case .support: "07"
    case .cooperate: "06"
    case .capture: "19"
    case .detain: "17"
    }
  }

  public init() {}

  /// The table for `graph`: a header line, then one line per statement, edges in graph order
  /// and statements in stored order.
  public func write(_ graph: KnowledgeGraph) -> String {
    let entities = graph.entityIndex
    let documents = Dictionary(graph.documents.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    var out = Self.columns.joined(separator: "\t") + "\n"
    for edge in graph.edges {
      let source = entities[edge.source]
      let target = entities[edge.target]
      for (n, p) in edge.provenance.enumerated() {
        let document = documents[p.document]
        let fields: [String?] = [
          "r\(edge.id).\(n + 1)", document?.metadata.date, edge.source, source?.name, source?.kind.rawValue,
          edge.type.rawValue, Self.cameoRoot(edge.type), edge.target, target?.name, target?.kind.rawValue,
          p.modality.rawValue, p.claimant, "r\(edge.id)", p.document, document?.metadata.title,
          document?.metadata.outlet, String(p.sentence), String(p.span.start), String(p.span.end), p.quote, p.rule,
        ]
        out += fields.map { Self.escape($0 ?? "") }.joined(separator: "\t") + "\n"
      }
    }
    return out
  }

  /// `field` with backslash, tab, newline and carriage return escaped.
  public static func escape(_ field: String) -> String {
    var out = ""
    for scalar in field.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
