public import Foundation
import KGRender

/// What to export: the format, and the same selection as a drawing (filters, an ego network).
///
/// ```swift
/// var request = ExportRequest(format: .graphml)
/// request.filter.types = [.attack, .kill]
/// let output = try workspace.export(request)
/// ```
public struct ExportRequest: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    /// The JSON `score.py` reads (`JSONExport`).
    case json
    /// GraphML for Gephi, yEd and networkx (`GraphMLWriter`).
    case graphml
    /// GEXF 1.2 for Gephi and networkx (`GEXFWriter`).
    case gexf
    /// A folder of CSV files for `neo4j-admin` and `LOAD CSV` (`Neo4jExport`).
    case neo4j
    /// One tab-separated row per statement (`EventTable`).
    case events

    /// True for formats written as a folder of files.
    public var isFolder: Bool { self == .neo4j }
  }

  public var format: Format
  public var filter: RenderFilter
  /// Only the network around this entity (id, name or alias), to `depth` hops either way.
  public var focus: String?
  public var depth: Int

  public init(format: Format = .json, filter: RenderFilter = RenderFilter(), focus: String? = nil, depth: Int = 1) {
    self.format = format
    self.filter = filter
    self.focus = focus
    self.depth = depth
  }
}

/// An export's bytes: one file, or the files of a folder by name.
public enum ExportOutput: Sendable {
  case file(Data)
  case folder([String: Data])
}

extension Workspace {
  /// Exports the graph as `request` asks, from the same selection as `render(_:)`: the edges
  /// the filter admits (statements outside a date window removed), within the focus's ego
  /// network when one is given.
  ///
  /// Without a filter or focus every entity is listed, edges or not; with one, only the
  /// entities the kept edges touch, and the focus.
  ///
  /// - Throws: `QueryError` for an unknown or ambiguous focus or a bad date;
  ///   `RenderRequestError.negativeDepth`; `StoreError`; an `EncodingError` for JSON.
  /// - Complexity: O(*n* + *e* + *v*), *v* the statements.
  public func export(_ request: ExportRequest) throws -> ExportOutput {
    let scope: RenderRequest.Scope = request.focus.map { .focus($0, depth: request.depth) } ?? .whole
    let everything = request.focus == nil && request.filter.isDefault
    let graph = try select(scope, filter: request.filter, allEntities: everything).graph
    switch request.format {
    case .json:
      var data = try JSONExport.encode(graph)
      data.append(10)
      return .file(data)
    case .graphml: return .file(Data(GraphMLWriter().write(graph).utf8))
    case .gexf: return .file(Data(GEXFWriter().write(graph).utf8))
    case .events: return .file(Data(EventTable().write(graph).utf8))
    case .neo4j: return .folder(Neo4jExport().write(graph).mapValues { Data($0.utf8) })
    }
  }
}
