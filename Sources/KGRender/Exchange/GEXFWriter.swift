public import KGModel

/// Writes a graph as GEXF 1.2 (https://gexf.net), Gephi's own format, which networkx's
/// `read_gexf` also reads.
///
/// Nodes are entities (GEXF id = entity id, label = name), edges are relations (GEXF id = `r`
/// and the store id, label = relation type); the attributes are those of `ExchangeAttributes`,
/// declared per class with `<attributes>` and given with `<attvalues>`. Edges between the same
/// two entities (several relation types or modalities) are kept apart: readers build a
/// multigraph.
public struct GEXFWriter: Sendable {
  public init() {}

  /// The GEXF document for `graph`: every entity of `graph.entities` and every edge.
  public func write(_ graph: KnowledgeGraph) -> String {
    let dates = EdgeFacts.dates(of: graph)
    // `label` is GEXF's own attribute of nodes and edges, not an attvalue.
    let nodeAttributes = ExchangeAttributes.node.filter { $0.name != "label" }
    let edgeAttributes = ExchangeAttributes.edge.filter { $0.name != "label" }
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
        <meta>
          <creator>kg</creator>
          <description>Relations between actors extracted from news articles, with provenance.</description>
        </meta>
        <graph mode="static" defaultedgetype="directed">

      """
    out += declarations(nodeAttributes, class: "node")
    out += declarations(edgeAttributes, class: "edge")
    out += "    <nodes>\n"
    for entity in graph.entities {
      out += "      <node id=\"\(XMLEscaping.escape(entity.id))\" label=\"\(XMLEscaping.escape(entity.name))\">\n"
      out += values(ExchangeAttributes.values(of: entity), attributes: nodeAttributes)
      out += "      </node>\n"
    }
    out += "    </nodes>\n    <edges>\n"
    for edge in graph.edges {
      out += "      <edge id=\"r\(edge.id)\" source=\"\(XMLEscaping.escape(edge.source))\""
      out += " target=\"\(XMLEscaping.escape(edge.target))\" label=\"\(edge.type.rawValue)\">\n"
      out += values(
        ExchangeAttributes.values(of: edge, facts: EdgeFacts(edge, dates: dates)), attributes: edgeAttributes)
      out += "      </edge>\n"
    }
    out += "    </edges>\n  </graph>\n</gexf>\n"
    return out
  }

  private func declarations(_ attributes: [ExchangeAttributes.Attribute], class kind: String) -> String {
    var out = "    <attributes class=\"\(kind)\">\n"
    for attribute in attributes {
      let type = attribute.kind == .int ? "integer" : "string"
      out += "      <attribute id=\"\(attribute.name)\" title=\"\(attribute.name)\" type=\"\(type)\"/>\n"
    }
    out += "    </attributes>\n"
    return out
  }

  private func values(_ values: [String: String], attributes: [ExchangeAttributes.Attribute]) -> String {
    let present = attributes.filter { values[$0.name] != nil }
    guard !present.isEmpty else { return "" }
    var out = "        <attvalues>\n"
    for attribute in present {
      out +=
        "          <attvalue for=\"\(attribute.name)\" value=\"\(XMLEscaping.escape(values[attribute.name]!))\"/>\n"
    }
    out += "        </attvalues>\n"
    return out
  }
}
