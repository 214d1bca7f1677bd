import KGModel

/// The node and edge attributes GraphML and GEXF carry, in one list so both formats (and their
/// readers: Gephi, yEd, networkx) see the same names and types.
///
/// Nodes: `label` (the name), `type`, `aliases` (joined by `|`), `part_of` (an entity id; absent
/// when none). Edges: `label` and `type` (the relation), `modality`, `claimant` (absent when
/// asserted), `documents` and `statements` (integers), `first_date` and `last_date` (absent for
/// undated documents), `quote`, `quote_document`, `quote_sentence` and `rule` (the strongest
/// statement). Every edge also keeps its store id (`r12`, what `kg edge` takes).
enum ExchangeAttributes {
  enum Kind: String { case string, int }

  struct Attribute {
    var name: String
    var kind: Kind
  }

  static let aliasSeparator = "|"

  static let node: [Attribute] = [
    Attribute(name: "label", kind: .string), Attribute(name: "type", kind: .string),
    Attribute(name: "aliases", kind: .string), Attribute(name: "part_of", kind: .string),
  ]

  static let edge: [Attribute] = [
    Attribute(name: "label", kind: .string), Attribute(name: "type", kind: .string),
    Attribute(name: "modality", kind: .string), Attribute(name: "claimant", kind: .string),
    Attribute(name: "documents", kind: .int), Attribute(name: "statements", kind: .int),
    Attribute(name: "first_date", kind: .string), Attribute(name: "last_date", kind: .string),
    Attribute(name: "quote", kind: .string), Attribute(name: "quote_document", kind: .string),
    Attribute(name: "quote_sentence", kind: .int), Attribute(name: "rule", kind: .string),
  ]

  /// The values of `entity`, by attribute name; nil values are left out.
  static func values(of entity: Entity) -> [String: String] {
    var values = ["label": entity.name, "type": entity.kind.rawValue]
    values["aliases"] = entity.aliases.joined(separator: aliasSeparator)
    values["part_of"] = entity.partOf
    return values
  }

  /// The values of `edge`, by attribute name; nil values are left out.
  static func values(of edge: Edge, facts: EdgeFacts) -> [String: String] {
    var values = [
      "label": edge.type.rawValue, "type": edge.type.rawValue, "modality": edge.modality.rawValue,
      "documents": String(facts.documents), "statements": String(facts.statements),
    ]
    values["claimant"] = edge.assertedBy
    values["first_date"] = facts.firstDate
    values["last_date"] = facts.lastDate
    if let p = facts.strongest {
      values["quote"] = p.quote
      values["quote_document"] = p.document
      values["quote_sentence"] = String(p.sentence)
      values["rule"] = p.rule
    }
    return values
  }
}
