import Foundation
public import KGModel
import KGQuery
public import KGServe

// Load → query → serve: the viewer's questions answered by a `QuerySession`, the same answers
// as `kg entities`, `show`, `neighbors`, `path` and `edge`.

/// What `/api/entities?match=` answers: the entities found, and near names when none is.
public struct EntitySearchAnswer: Codable, Sendable {
  /// The text searched for.
  public var match: String
  /// The entities whose id, name or alias contains `match`, an exact name or alias first, then
  /// the most connected; at most the limit asked for.
  public var entities: [EntitySummary]
  /// How many entities matched before the limit.
  public var total: Int
  /// Near names ("Did you mean …"), when nothing matched.
  public var suggestions: [String]
}

/// The viewer's questions over one loaded graph.
public struct GraphViewerService: GraphService {
  public let session: QuerySession

  public init(session: QuerySession) { self.session = session }

  /// The version of the API's JSON, written as `schemaVersion` in every response: 1 wrote the
  /// answers' keys in snake_case (`part_of`, `quote_document`); 2 writes them in camelCase, as
  /// `kg … --json` does (`JSONConvention`). Bump it with `QuerySession.answerSchemaVersion`, and
  /// the page's `API_SCHEMA_VERSION` (`Sources/KGServe/Resources/Viewer/viewer.js`) with it.
  public static let apiSchemaVersion = 2

  public var schemaVersion: Int { Self.apiSchemaVersion }

  /// - Complexity: O(*k* · *m*) over the *k* names and aliases, plus suggestions when none matches.
  public func search(_ text: String, types: Set<EntityKind>, limit: Int) throws -> EntitySearchAnswer {
    var found = session.entities(types: types, match: text.isEmpty ? nil : text)
    if !text.isEmpty, let exact = try? session.resolve(text),
      let at = found.firstIndex(where: { $0.id == session.index.entities[exact].id })
    {
      found.insert(found.remove(at: at), at: 0)
    }
    let suggestions = found.isEmpty ? session.lookup.suggestions(for: text, limit: 5) : []
    return EntitySearchAnswer(
      match: text, entities: Array(found.prefix(limit)), total: found.count, suggestions: suggestions)
  }

  public func entity(_ name: String) throws -> EntityDetail { try Self.translate { try session.show(name) } }

  public func neighbors(of name: String, direction: NeighborDirection, filter: FilterParameters) throws
    -> NeighborsAnswer
  {
    try Self.translate {
      let direction: Direction =
        switch direction {
        case .in: .in
        case .out: .out
        case .both: .both
        }
      return try session.neighbors(of: name, direction: direction, filter: try filter.edgeFilter())
    }
  }

  public func path(_ request: PathParameters) throws -> PathAnswer {
    try Self.translate {
      try session.path(
        PathRequest(
          from: request.from, to: request.to, maxHops: request.maxHops, all: request.all,
          undirected: request.undirected, filter: try request.filter.edgeFilter(), limit: request.limit))
    }
  }

  public func edge(_ id: String) throws -> EdgeProvenance { try Self.translate { try session.edge(id) } }

  /// Runs `body`, turning the query errors a user can fix into API errors with the CLI's
  /// messages: 404 for what does not exist, 400 for what was typed wrong.
  static func translate<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as QueryError {
      switch error {
      case .unknownEntity(_, let suggestions):
        throw APIError.notFound(error.description, suggestions: suggestions)
      case .noPath, .unknownEdge, .noEdge, .noStore:
        throw APIError.notFound(error.description)
      case .ambiguousEntity(_, let candidates):
        throw APIError.badRequest(error.description, suggestions: candidates.map(\.id))
      case .malformedEdgeID, .invalidDate, .emptyDateWindow:
        throw APIError.badRequest(error.description)
      }
    }
  }
}

extension Workspace {
  /// `kg serve`: loads and indexes the graph once, then serves the viewer and its JSON API on
  /// `host:port` until SIGINT or SIGTERM.
  ///
  /// - Parameters:
  ///   - host: the address to listen on; loopback (`127.0.0.1`) unless the user asks otherwise.
  ///   - port: the TCP port, or 0 for any free one.
  ///   - onListening: called with the page's URL once the server accepts connections.
  /// - Throws: `StoreError` when the store cannot be read; `ServeError.portInUse`,
  ///   `.cannotListen` or `.missingAsset`.
  public func serve(host: String, port: Int, onListening: @escaping @Sendable (String) -> Void) throws {
    let service = GraphViewerService(session: try querySession())
    try Viewer.run(service: service, host: host, port: port, onListening: onListening)
  }
}
