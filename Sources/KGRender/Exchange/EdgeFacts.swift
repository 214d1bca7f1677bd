public import KGModel

/// What every exchange format says about one edge beyond its key: how many documents state it,
/// the first and last date among them, and the statement to quote.
///
/// Computed once per export from the (already filtered) graph, so GraphML, GEXF, Neo4j and the
/// event table agree.
public struct EdgeFacts: Sendable, Hashable {
  /// Distinct documents among the edge's statements.
  public var documents: Int
  /// Statements (provenance records).
  public var statements: Int
  /// The earliest and latest publication date (`YYYY[-MM[-DD]]`) of those documents, if dated.
  public var firstDate: String?
  public var lastDate: String?
  /// The statement quoted: of the strongest modality, the first in stored order.
  public var strongest: Provenance?

  /// The facts of `edge`, with document dates looked up by path in `dates`.
  public init(_ edge: Edge, dates: [String: String]) {
    documents = Set(edge.provenance.map(\.document)).count
    statements = edge.provenance.count
    let days = edge.provenance.compactMap { dates[$0.document] }.sorted()
    firstDate = days.first
    lastDate = days.last
    strongest =
      edge.provenance.enumerated().max { a, b in
        a.element.modality != b.element.modality ? a.element.modality < b.element.modality : a.offset > b.offset
      }?.element
  }

  /// Document dates by path, for `init(_:dates:)`.
  public static func dates(of graph: KnowledgeGraph) -> [String: String] {
    var dates: [String: String] = [:]
    for document in graph.documents {
      if let date = document.metadata.date { dates[document.path] = date }
    }
    return dates
  }
}
