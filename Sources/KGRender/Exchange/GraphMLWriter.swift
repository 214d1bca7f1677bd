public import KGModel

/// Writes a graph as GraphML (http://graphml.graphdrawing.org), which Gephi, yEd, Cytoscape and
/// networkx's `read_graphml` open.
///
/// Nodes are entities (their id is the GraphML id), edges are relations (their id is `r` and the
/// store id); the attributes are those of `ExchangeAttributes`, declared as `<key>`s. Text is
/// escaped by `XMLEscaping`, so names and quotes with markup or control characters stay valid
/// XML.
///
/// ```swift
/// let xml = GraphMLWriter().write(graph)
/// ```
public struct GraphMLWriter: Sendable {
  public init() {}

  /// The GraphML document for `graph`: every entity of `graph.entities` and every edge.
  public func write(_ graph: KnowledgeGraph) -> String {
    let dates = EdgeFacts.dates(of: graph)
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """
    for attribute in ExchangeAttributes.node {
      out += "  <key id=\"n_\(attribute.name)\" for=\"node\" attr.name=\"\(attribute.name)\""
      out += " attr.type=\"\(attribute.kind.rawValue)\"/>\n"
    }
    for attribute in ExchangeAttributes.edge {
      out += "  <key id=\"e_\(attribute.name)\" for=\"edge\" attr.name=\"\(attribute.name)\""
      out += " attr.type=\"\(attribute.kind.rawValue)\"/>\n"
    }
    out += "  <graph id=\"kg\" edgedefault=\"directed\">\n"
    for entity in graph.entities {
      out += "    <node id=\"\(XMLEscaping.escape(entity.id))\">\n"
      out += data(ExchangeAttributes.values(of: entity), keys: ExchangeAttributes.node, prefix: "n_")
      out += "    </node>\n"
    }
    for edge in graph.edges {
      out += "    <edge id=\"r\(edge.id)\" source=\"\(XMLEscaping.escape(edge.source))\""
      out += " target=\"\(XMLEscaping.escape(edge.target))\">\n"
      let values = ExchangeAttributes.values(of: edge, facts: EdgeFacts(edge, dates: dates))
      out += data(values, keys: ExchangeAttributes.edge, prefix: "e_")
      out += "    </edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  private func data(
    _ values: [String: String], keys: [ExchangeAttributes.Attribute], prefix: String
  ) -> String {
    var out = ""
    for key in keys {
      guard let value = values[key.name] else { continue }
      out += "      <data key=\"\(prefix)\(key.name)\">\(XMLEscaping.escape(value))</data>\n"
    }
    return out
  }
}
