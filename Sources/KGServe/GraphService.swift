public import KGModel

/// What the viewer asks of a graph: the five questions behind its page and its JSON API.
///
/// `KGServe` knows only `KGModel` and Hummingbird, so it cannot load a store or search a graph
/// itself; `KGPipeline` conforms a session over the store and query stages, and tests may pass a
/// stub. Each answer is encoded as it is, inside `{"schemaVersion": …, "answer": …}`.
///
/// A failure the user should see (an unknown entity, a malformed date) is thrown as an
/// ``APIError``; anything else is reported as an internal error (500) without its details.
///
/// ```swift
/// try Viewer.run(service: session, host: "127.0.0.1", port: 8080) { url in print(url) }
/// ```
public protocol GraphService: Sendable {
  associatedtype Search: Encodable & Sendable
  associatedtype EntityPage: Encodable & Sendable
  associatedtype Neighborhood: Encodable & Sendable
  associatedtype Paths: Encodable & Sendable
  associatedtype EdgeEvidence: Encodable & Sendable

  /// The version of the answer shapes, written as `schemaVersion` in every response.
  var schemaVersion: Int { get }

  /// Entities whose id, name or alias contains `text` and whose type is one of `types` (any
  /// type when empty), best first, at most `limit`; with "did you mean" suggestions when none does.
  func search(_ text: String, types: Set<EntityKind>, limit: Int) throws -> Search

  /// One entity (by id, name or alias) with its aliases and every edge out and in.
  func entity(_ name: String) throws -> EntityPage

  /// The edges at an entity that pass `filter`, with the entity at each other end.
  func neighbors(of name: String, direction: NeighborDirection, filter: FilterParameters) throws -> Neighborhood

  /// The shortest paths (or every simple path up to a hop limit) between two entities.
  func path(_ request: PathParameters) throws -> Paths

  /// Every statement of the edge `id` ("r12"), as `kg edge` prints it.
  func edge(_ id: String) throws -> EdgeEvidence
}

/// Which edges at an entity a neighbourhood lists.
public enum NeighborDirection: String, Sendable, CaseIterable {
  case `in`, out, both
}

/// The edge filters of the API, as parsed from a query string; the same as the CLI's `--type`,
/// `--modality`, `--since`, `--until` and `--min-documents`, and the same type as its drawing
/// filter. Dates stay as typed: the service checks them and throws
/// ``APIError/badRequest(_:suggestions:)`` for a malformed one.
public typealias FilterParameters = EdgeCriteria

/// A path question of the API (`/api/path?from=&to=`).
public struct PathParameters: Sendable, Equatable {
  public var from: String
  public var to: String
  public var undirected: Bool
  /// Every simple path up to `maxHops` instead of the shortest ones.
  public var all: Bool
  public var maxHops: Int?
  public var limit: Int
  public var filter: FilterParameters

  public init(
    from: String, to: String, undirected: Bool = false, all: Bool = false, maxHops: Int? = nil, limit: Int = 20,
    filter: FilterParameters = FilterParameters(minimumDocuments: 0)
  ) {
    self.from = from
    self.to = to
    self.undirected = undirected
    self.all = all
    self.maxHops = maxHops
    self.limit = limit
    self.filter = filter
  }
}
