public import Foundation
public import KGModel
import KGQuery
public import KGRender
import KGStore

/// What to draw: the format, the part of the graph, the edges admitted, and the presentation.
///
/// ```swift
/// var request = RenderRequest(format: .svg, scope: .focus("ISIS", depth: 2))
/// request.filter.types = [.attack, .kill]
/// let svg = try workspace.render(request)
/// ```
public struct RenderRequest: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    case dot, svg, png, pdf

    /// The format a file name's extension names (`.dot`/`.gv`, `.svg`, `.png`, `.pdf`, any
    /// case), or nil.
    public init?(fileName: String) {
      let name = fileName.lowercased()
      guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
      switch name[name.index(after: dot)...] {
      case "dot", "gv": self = .dot
      case "svg": self = .svg
      case "png": self = .png
      case "pdf": self = .pdf
      default: return nil
      }
    }
  }

  public enum Scope: Sendable, Hashable {
    /// Every admitted edge.
    case whole
    /// The ego network of an entity, named by id, name or alias (any case), to `depth` hops
    /// in either direction.
    case focus(String, depth: Int)
    /// Only these paths, each a list of edge store ids in order, highlighted.
    case paths([[Int64]])
  }

  public var format: Format
  public var scope: Scope
  public var filter: RenderFilter
  /// Box entities inside the entity they are `part_of`.
  public var cluster: Bool
  public var legend: Bool
  /// How SVG is produced (libgraphviz, then `dot`).
  public var svgRenderer: SVGRenderer

  public init(
    format: Format = .dot, scope: Scope = .whole, filter: RenderFilter = RenderFilter(), cluster: Bool = false,
    legend: Bool = true, svgRenderer: SVGRenderer = SVGRenderer()
  ) {
    self.format = format
    self.scope = scope
    self.filter = filter
    self.cluster = cluster
    self.legend = legend
    self.svgRenderer = svgRenderer
  }
}

/// Which edges a drawing admits (`KGModel`'s `EdgeCriteria`, shared with the web API): the same
/// rules as `KGQuery`'s `EdgeFilter`; only the window's documents' statements are drawn and counted.
public typealias RenderFilter = EdgeCriteria

extension EdgeCriteria {
  /// Checks the dates, so that a command can reject them before opening the store.
  ///
  /// - Throws: `QueryError.invalidDate` or `.emptyDateWindow`, as the query commands do.
  public func validate() throws(QueryError) { _ = try Workspace.dateWindow(self) }

  /// The same rules as a `KGQuery` filter, for searching paths (`render --path`).
  ///
  /// - Throws: `QueryError.invalidDate` or `.emptyDateWindow`.
  public func edgeFilter() throws(QueryError) -> EdgeFilter {
    try EdgeFilter(
      types: types, modalities: modalities, since: since, until: until, minimumDocuments: minimumDocuments)
  }

  var isDefault: Bool {
    types.isEmpty && modalities.isEmpty && since == nil && until == nil && minimumDocuments <= 1
  }
}

/// A render request that names something the graph does not hold or cannot mean.
public enum RenderRequestError: Error, Equatable, Sendable, CustomStringConvertible {
  case negativeDepth(Int)

  public var description: String {
    switch self {
    case .negativeDepth(let depth):
      "--depth '\(depth)' is negative; give 0 or more hops."
    }
  }
}

extension Workspace {
  /// The graph as the JSON that `score.py` reads.
  public func exportJSON() throws -> Data { try JSONExport.encode(try graph()) }

  /// The whole graph as Graphviz DOT.
  public func renderDOT() throws -> String { try render(RenderRequest()) }

  /// Draws the graph as `request` asks: loads it, keeps the admitted edges, selects the scope
  /// (an ego network through `GraphIndex.egoNetwork`), writes DOT, and lays it out as SVG.
  ///
  /// - Returns: DOT or SVG text.
  /// - Throws: `QueryError` for an unknown or ambiguous focus entity or a bad date,
  ///   `RenderRequestError` for a negative depth;
  ///   `RenderError.graphvizUnavailable` or `.graphvizFailed` for SVG; `StoreError`.
  /// - Complexity: O(*n* + *e* + *v*) for loading and filtering, plus Graphviz's layout for SVG.
  public func render(_ request: RenderRequest) throws -> String {
    String(decoding: try renderData(request), as: UTF8.self)
  }

  /// Draws the graph as `render(_:)` does, in any `RenderRequest.Format`: PNG and PDF are
  /// drawn by Graphviz like SVG.
  ///
  /// - Returns: the bytes of the drawing.
  /// - Throws: as `render(_:)`.
  public func renderData(_ request: RenderRequest) throws -> Data {
    let selection: Selection
    if case .focus(let name, let depth) = request.scope {
      selection = try selectFocusFromStore(name, depth: depth, filter: request.filter)
    } else {
      selection = try select(request.scope, filter: request.filter, allEntities: true)
    }
    var writer = DOTWriter(clusterByPartOf: request.cluster, legend: request.legend)
    writer.scope = selection.scope
    var caption = selection.caption
    if !request.filter.isDefault { caption.append(Self.describe(request.filter)) }
    writer.title = caption.isEmpty ? nil : caption.joined(separator: "\n")

    let dot = writer.write(selection.graph)
    switch request.format {
    case .dot: return Data(dot.utf8)
    case .svg: return Data(try request.svgRenderer.render(dot).utf8)
    case .png: return try request.svgRenderer.draw(dot, as: .png)
    case .pdf: return try request.svgRenderer.draw(dot, as: .pdf)
    }
  }

  /// The part of the graph a drawing or an export shows.
  struct Selection {
    /// The admitted edges of the scope, with statements outside the date window removed.
    var graph: KnowledgeGraph
    var scope: RenderScope
    var caption: [String]
  }

  /// Loads the graph, keeps the edges `filter` admits, and selects `scope` (an ego network
  /// through `GraphIndex.egoNetwork`).
  ///
  /// - Parameter allEntities: keep every entity, not only those the kept edges touch (and the
  ///   focus); `DOTWriter` draws only the touched ones anyway.
  func select(_ scope: RenderRequest.Scope, filter: RenderFilter, allEntities: Bool) throws -> Selection {
    let graph = try graph()
    let window = try Self.dateWindow(filter)
    var documentDays: [String: ClosedRange<Int32>] = [:]
    for document in graph.documents {
      if let date = document.metadata.date, let days = ISODate.range(of: date) { documentDays[document.path] = days }
    }
    // Each edge as drawn (statements outside the window removed), or nil when not admitted.
    let admitted = graph.edges.map { Self.admit($0, filter: filter, window: window, days: documentDays) }

    var drawn = graph
    var caption: [String] = []
    var writerScope = RenderScope.whole
    var keep: Set<String> = []
    switch scope {
    case .whole:
      drawn.edges = admitted.compactMap { $0 }
    case .paths(let paths):
      drawn.edges = admitted.compactMap { $0 }
      writerScope = .paths(paths)
      caption.append("\(paths.count) path\(paths.count == 1 ? "" : "s")")
    case .focus(let name, let depth):
      guard depth >= 0 else { throw RenderRequestError.negativeDepth(depth) }
      let index = GraphIndex(graph)
      let node = try EntityLookup(index).resolve(name)
      let id = index.entities[node].id
      let ego = index.egoNetwork(of: node, depth: depth, admits: { admitted[$0] != nil })
      drawn.edges = ego.edges.compactMap { admitted[$0] }
      writerScope = .focus(entity: id)
      keep.insert(id)
      let entityName = index.entities[node].name
      caption.append("\(entityName) and what lies within \(depth) hop\(depth == 1 ? "" : "s")")
    }
    if !allEntities {
      for edge in drawn.edges {
        keep.insert(edge.source)
        keep.insert(edge.target)
      }
      drawn.entities = graph.entities.filter { keep.contains($0.id) }
    }
    return Selection(graph: drawn, scope: writerScope, caption: caption)
  }

  /// The ego network of `name` as `select(.focus(name, depth:), …)` draws it, read from the
  /// store one hop at a time: the edges at each hop's frontier (ends, type, modality, and the
  /// dates of their documents when the filter needs them), then the admitted edges among the
  /// entities reached, with their evidence.
  ///
  /// - Complexity: one indexed read per hop, plus one for the edges among the *n′* entities
  ///   reached (their outgoing edges are looked at).
  func selectFocusFromStore(_ name: String, depth: Int, filter: RenderFilter) throws -> Selection {
    let window = try Self.dateWindow(filter)
    guard depth >= 0 else { throw RenderRequestError.negativeDepth(depth) }
    let id = try StoreNames(store: store).resolve(name)
    let needsDates = window != nil || filter.minimumDocuments > 1
    var reached: Set<String> = [id]
    var order = [id]
    var frontier = [id]
    for _ in 0..<depth where !frontier.isEmpty {
      let (outgoing, incoming) = try store.edgeEnds(
        of: frontier, outgoing: true, incoming: true, documentDates: needsDates)
      var out: [String: [String]] = [:]
      for e in outgoing where Self.admits(e, filter: filter, window: window) {
        out[e.source, default: []].append(e.target)
      }
      var into: [String: [String]] = [:]
      for e in incoming where Self.admits(e, filter: filter, window: window) {
        into[e.target, default: []].append(e.source)
      }
      var next: [String] = []
      for node in frontier {
        for other in (out[node] ?? []) + (into[node] ?? []) where reached.insert(other).inserted {
          next.append(other)
          order.append(other)
        }
      }
      frontier = next
    }
    let graph = try store.subgraph(edges: .among(order), entities: [id])
    var documentDays: [String: ClosedRange<Int32>] = [:]
    for document in graph.documents {
      if let date = document.metadata.date, let days = ISODate.range(of: date) { documentDays[document.path] = days }
    }
    var drawn = graph
    drawn.edges = graph.edges.compactMap { Self.admit($0, filter: filter, window: window, days: documentDays) }
    let entityName = graph.entities.first { $0.id == id }?.name ?? id
    return Selection(
      graph: drawn, scope: .focus(entity: id),
      caption: ["\(entityName) and what lies within \(depth) hop\(depth == 1 ? "" : "s")"])
  }

  // MARK: - Filtering

  /// Whether `admit` would keep an edge with these ends, type, modality and document dates.
  private static func admits(_ edge: EdgeEnds, filter: RenderFilter, window: ClosedRange<Int32>?) -> Bool {
    guard let type = edge.type, let modality = edge.modality else { return false }
    if !filter.types.isEmpty, !filter.types.contains(type) { return false }
    if !filter.modalities.isEmpty, !filter.modalities.contains(modality) { return false }
    guard window != nil || filter.minimumDocuments > 1 else { return true }
    var documents = 0
    for date in edge.documentDates {
      if let window {
        guard let d = date.flatMap(ISODate.range(of:)), d.upperBound >= window.lowerBound,
          d.lowerBound <= window.upperBound
        else { continue }
      }
      documents += 1
    }
    if window != nil && documents == 0 { return false }
    return filter.minimumDocuments <= 1 || documents >= filter.minimumDocuments
  }

  private static func admit(
    _ edge: Edge, filter: RenderFilter, window: ClosedRange<Int32>?, days: [String: ClosedRange<Int32>]
  ) -> Edge? {
    if !filter.types.isEmpty, !filter.types.contains(edge.type) { return nil }
    if !filter.modalities.isEmpty, !filter.modalities.contains(edge.modality) { return nil }
    var edge = edge
    if let window {
      edge.provenance = edge.provenance.filter { p in
        guard let d = days[p.document] else { return false }
        return d.upperBound >= window.lowerBound && d.lowerBound <= window.upperBound
      }
      if edge.provenance.isEmpty { return nil }
    }
    if filter.minimumDocuments > 1 && Set(edge.provenance.map(\.document)).count < filter.minimumDocuments {
      return nil
    }
    return edge
  }

  fileprivate static func dateWindow(_ filter: RenderFilter) throws(QueryError) -> ClosedRange<Int32>? {
    guard filter.since != nil || filter.until != nil else { return nil }
    var low = Int32.min
    var high = Int32.max
    if let since = filter.since {
      guard let d = ISODate.range(of: since) else { throw .invalidDate(text: since) }
      low = d.lowerBound
    }
    if let until = filter.until {
      guard let d = ISODate.range(of: until) else { throw .invalidDate(text: until) }
      high = d.upperBound
    }
    guard low <= high else { throw .emptyDateWindow(since: filter.since ?? "", until: filter.until ?? "") }
    return low...high
  }

  static func describe(_ filter: RenderFilter) -> String {
    var parts: [String] = []
    if !filter.types.isEmpty {
      parts.append(RelationType.allCases.filter(filter.types.contains).map(\.rawValue).joined(separator: ", "))
    }
    if !filter.modalities.isEmpty {
      parts.append(Modality.allCases.filter(filter.modalities.contains).map(\.rawValue).joined(separator: ", "))
    }
    if let since = filter.since { parts.append("since \(since)") }
    if let until = filter.until { parts.append("until \(until)") }
    if filter.minimumDocuments > 1 { parts.append("in \(filter.minimumDocuments)+ documents") }
    return parts.joined(separator: " · ")
  }

}

extension PathAnswer {
  /// Each path as the store ids of its edges, every parallel edge of a hop included, for drawing.
  public var edgeIDs: [[Int64]] {
    paths.map { path in path.hops.flatMap { hop in hop.edges.compactMap { Int64($0.id.dropFirst()) } } }
  }
}
