import Foundation
public import KGModel
public import KGQuery
import KGStore

// Load → query: names become dense ids, KGQuery answers on ids, and the answers come back as
// Codable values that the CLI prints as text or JSON.

// MARK: - Answers

/// An entity as answers name it.
public struct EntityRef: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var type: EntityKind
}

/// An entity with its aliases and edge counts (`kg entities`).
public struct EntitySummary: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var type: EntityKind
  public var aliases: [String]
  public var partOf: String?
  public var outgoing: Int
  public var incoming: Int
}

/// An edge in one line: its ends, relation, modality, support and strongest quote.
public struct EdgeSummary: Codable, Hashable, Sendable {
  /// "r12", as `kg export` and `kg edge` write it.
  public var id: String
  public var source: EntityRef
  public var type: RelationType
  public var target: EntityRef
  public var modality: Modality
  public var assertedBy: String?
  /// Distinct documents that state the edge.
  public var documents: Int
  /// Statements (sentences) that state it.
  public var statements: Int
  /// The quote of the strongest statement (asserted first, then the earliest document).
  public var quote: String?
  public var quoteDocument: String?
}

/// One entity and all its edges (`kg show`).
public struct EntityDetail: Codable, Sendable {
  public var entity: EntitySummary
  public var partOf: EntityRef?
  public var outgoing: [EdgeSummary]
  public var incoming: [EdgeSummary]
}

/// The edges at an entity (`kg neighbors`).
public struct NeighborsAnswer: Codable, Sendable {
  public struct Entry: Codable, Sendable {
    public var direction: Direction
    public var neighbor: EntityRef
    public var edge: EdgeSummary
  }
  public var entity: EntityRef
  public var direction: Direction
  public var neighbors: [Entry]
}

/// What `kg path` asks.
public struct PathRequest: Sendable {
  public var from: String
  public var to: String
  /// The longest path accepted; with `all`, 4 when not given.
  public var maxHops: Int?
  /// Every simple path up to `maxHops` instead of the shortest ones.
  public var all: Bool
  public var undirected: Bool
  public var filter: EdgeFilter
  /// The most paths returned.
  public var limit: Int
  /// With `all`: the most steps the search may take before it stops and says so.
  public var budget: Int = GraphIndex.defaultPathBudget

  public static let defaultAllMaxHops = 4
  /// The largest `maxHops` and `limit` a user may ask for.
  public static let maximumHops = 10_000
  public static let maximumLimit = 100_000

  public init(
    from: String, to: String, maxHops: Int? = nil, all: Bool = false, undirected: Bool = false,
    filter: EdgeFilter = .all, limit: Int = 20
  ) {
    self.from = from
    self.to = to
    self.maxHops = maxHops
    self.all = all
    self.undirected = undirected
    self.filter = filter
    self.limit = limit
  }
}

/// Paths between two entities (`kg path`).
public struct PathAnswer: Codable, Sendable {
  public struct Hop: Codable, Sendable {
    public var from: EntityRef
    public var to: EntityRef
    /// The edges joining the two, strongest first; an edge whose source is `to` is followed
    /// against its direction (only in an undirected search).
    public var edges: [EdgeSummary]
  }
  public struct Path: Codable, Sendable {
    public var length: Int
    public var entities: [EntityRef]
    public var hops: [Hop]
  }
  public var from: EntityRef
  public var to: EntityRef
  /// "shortest" or "all".
  public var mode: String
  public var maxHops: Int?
  public var undirected: Bool
  public var paths: [Path]
  /// True when more paths exist than were returned.
  public var truncated: Bool
  /// True when the search for every path stopped at its budget of steps (`--all` on a dense
  /// graph): there may be paths that were not looked at.
  public var searchCut: Bool = false
  /// The steps the search was allowed, when it was cut.
  public var searchBudget: Int?
}

/// One statement of an edge: where it is said, by whom, and how.
public struct StatementProvenance: Codable, Sendable {
  public struct Mark: Codable, Sendable {
    public var entity: String
    /// Code point offsets in the document's text.
    public var start: Int
    public var end: Int
  }
  public var document: String
  public var title: String?
  public var outlet: String?
  public var date: String?
  public var sentence: Int
  /// Code point offsets of `quote` in the document's text.
  public var start: Int
  public var end: Int
  public var quote: String
  /// Where the source and target are named inside `quote`.
  public var marks: [Mark]
  /// `quote` with each mark wrapped in ⟦ ⟧.
  public var markedQuote: String
  public var modality: Modality
  public var claimant: EntityRef?
  public var rule: String
}

/// The full provenance of an edge (`kg edge`, `kg why`).
public struct EdgeProvenance: Codable, Sendable {
  public var edge: EdgeSummary
  public var statements: [StatementProvenance]
}

/// Counts of what the graph holds (`kg stats`).
public struct GraphStats: Codable, Sendable {
  public var documents: Int
  public var entities: Int
  public var edges: Int
  public var statements: Int
  public var entitiesByType: [String: Int]
  public var edgesByType: [String: Int]
  public var edgesByModality: [String: Int]
}

// MARK: - Session

/// A graph loaded once and indexed, answering any number of questions.
///
/// ```swift
/// let session = try Workspace(storePath: "graphs/kg.sqlite").querySession()
/// let answer = try session.path(PathRequest(from: "Turkey", to: "ISIS", undirected: true))
/// ```
public struct QuerySession: Sendable {
  /// The version of the answer shapes above as JSON (`kg … --json` writes it as `schemaVersion`).
  /// Bump it when a field changes meaning or disappears; adding a field does not need a bump.
  public static let answerSchemaVersion = 1

  public let index: GraphIndex
  public let lookup: EntityLookup
  let store: GraphStore

  init(store: GraphStore) throws(StoreError) {
    self.init(store: store, index: GraphIndex(try store.loadGraphForQuery()))
  }

  init(store: GraphStore, index: GraphIndex) {
    self.store = store
    self.index = index
    lookup = EntityLookup(index)
  }

  /// The store id in an edge id as users type it: "r12", "R12" or "12".
  ///
  /// - Throws: `QueryError.malformedEdgeID` for anything else.
  static func edgeNumber(_ id: String) throws(QueryError) -> Int64 {
    let text = id.trimmingCharacters(in: .whitespaces)
    let digits = text.lowercased().hasPrefix("r") ? String(text.dropFirst()) : text
    guard let number = Int64(digits), number > 0 else { throw .malformedEdgeID(text: id) }
    return number
  }

  /// Resolves a typed name, id or alias to a dense id.
  ///
  /// - Throws: `QueryError.unknownEntity` (with suggestions) or `.ambiguousEntity`.
  public func resolve(_ name: String) throws(QueryError) -> Int { try lookup.resolve(name) }

  /// Entities of `type` whose id, name or alias contains `match`, most connected first.
  ///
  /// - Complexity: O(*n* log *n*).
  public func entities(types: Set<EntityKind> = [], match: String? = nil) -> [EntitySummary] {
    let candidates = match.map { lookup.matching($0) } ?? Array(index.entities.indices)
    return
      candidates
      .filter { types.isEmpty || types.contains(index.entities[$0].kind) }
      .map(summary(of:))
      .sorted { a, b in
        a.outgoing + a.incoming != b.outgoing + b.incoming
          ? a.outgoing + a.incoming > b.outgoing + b.incoming : a.name < b.name
      }
  }

  /// One entity with all its edges.
  ///
  /// - Throws: `QueryError.unknownEntity` or `.ambiguousEntity`.
  public func show(_ name: String) throws(QueryError) -> EntityDetail {
    let node = try resolve(name)
    let entity = index.entities[node]
    return EntityDetail(
      entity: summary(of: node),
      partOf: entity.partOf.flatMap { index.index[$0] }.map(ref(of:)),
      outgoing: index.outgoingEdges(of: node).map { edgeSummary(Int($0)) },
      incoming: index.incomingEdges(of: node).map { edgeSummary(Int($0)) })
  }

  /// The admitted edges at an entity.
  ///
  /// - Throws: `QueryError.unknownEntity` or `.ambiguousEntity`.
  /// - Complexity: O(deg) filter checks.
  public func neighbors(of name: String, direction: Direction = .both, filter: EdgeFilter = .all) throws(QueryError)
    -> NeighborsAnswer
  {
    let node = try resolve(name)
    let entries = index.neighbors(of: node, direction: direction, filter: filter).map {
      NeighborsAnswer.Entry(direction: $0.direction, neighbor: ref(of: $0.node), edge: edgeSummary($0.edge))
    }
    return NeighborsAnswer(entity: ref(of: node), direction: direction, neighbors: entries)
  }

  /// The shortest paths (all ties), or with `request.all` every simple path up to `maxHops`.
  ///
  /// - Throws: `QueryError.unknownEntity`, `.ambiguousEntity`, or `.noPath` naming the
  ///   entities as the user typed them.
  public func path(_ request: PathRequest) throws(QueryError) -> PathAnswer {
    let source = try resolve(request.from)
    let target = try resolve(request.to)
    let limit = min(max(1, request.limit), Int.max - 1)
    let maxHops = request.all ? (request.maxHops ?? PathRequest.defaultAllMaxHops) : request.maxHops
    var paths: [GraphPath]
    var cut = false
    do {
      if request.all {
        let search = try index.simplePaths(
          from: source, to: target, maxHops: maxHops ?? PathRequest.defaultAllMaxHops, filter: request.filter,
          undirected: request.undirected, limit: .max, budget: request.budget)
        paths = rankedByLength(search.paths)
        cut = search.cut
      } else {
        paths = try index.shortestPaths(
          from: source, to: target, filter: request.filter, undirected: request.undirected, maxHops: maxHops,
          limit: limit + 1)
      }
    } catch .noPath {
      throw .noPath(from: request.from, to: request.to)
    }
    return answer(request, source: source, target: target, paths: paths, limit: limit, maxHops: maxHops, cut: cut)
  }

  /// The answer to `request` from the paths found (at most `limit` of them are kept).
  func answer(
    _ request: PathRequest, source: Int, target: Int, paths: [GraphPath], limit: Int, maxHops: Int?, cut: Bool
  ) -> PathAnswer {
    let truncated = paths.count > limit
    let paths = Array(paths.prefix(limit))
    return PathAnswer(
      from: ref(of: source), to: ref(of: target), mode: request.all ? "all" : "shortest", maxHops: maxHops,
      undirected: request.undirected,
      paths: paths.map { p in
        PathAnswer.Path(
          length: p.length, entities: p.nodes.map(ref(of:)),
          hops: p.hops.map {
            PathAnswer.Hop(from: ref(of: $0.from), to: ref(of: $0.to), edges: $0.edges.map(edgeSummary))
          })
      },
      truncated: truncated, searchCut: cut, searchBudget: cut ? request.budget : nil)
  }

  /// `paths` shortest first, then by evidence (the documents stating each hop's best-attested
  /// edge, summed over the hops; then statements), then in the order found; `--limit` applies
  /// after this.
  ///
  /// - Complexity: O(*p* log *p* + *p* · *L* · *d*).
  func rankedByLength(_ paths: [GraphPath]) -> [GraphPath] {
    let ranked = paths.enumerated().map { n, path in
      var documents = 0
      var statements = 0
      for hop in path.hops {
        documents += hop.edges.map { index.documents(ofEdge: $0).count }.max() ?? 0
        statements += hop.edges.map { index.edges[$0].provenance.count }.max() ?? 0
      }
      return (n: n, path: path, documents: documents, statements: statements)
    }
    return ranked.sorted { a, b in
      if a.path.length != b.path.length { return a.path.length < b.path.length }
      if a.documents != b.documents { return a.documents > b.documents }
      if a.statements != b.statements { return a.statements > b.statements }
      return a.n < b.n
    }.map(\.path)
  }

  /// The full provenance of the edge with id "r12" or "12".
  ///
  /// - Throws: `QueryError.malformedEdgeID` or `.unknownEdge`; `StoreError` when marks cannot be read.
  public func edge(_ id: String) throws -> EdgeProvenance {
    let number = try Self.edgeNumber(id)
    guard let k = index.edgeNumber[number] else { throw QueryError.unknownEdge(id: "r\(number)") }
    return try provenance(ofEdge: k)
  }

  /// The full provenance of every `type` edge from `source` to `target` (one per modality).
  ///
  /// - Throws: `QueryError.unknownEntity`, `.ambiguousEntity`, or `.noEdge` listing the
  ///   relations that do join the two; `StoreError` when marks cannot be read.
  public func why(_ source: String, _ type: RelationType, _ target: String) throws -> [EdgeProvenance] {
    let s = try resolve(source)
    let t = try resolve(target)
    let between = index.outgoingEdges(of: s).map(Int.init).filter { index.edgeTarget[$0] == t }
    let reverse = index.incomingEdges(of: s).map(Int.init).filter { index.edgeSource[$0] == t }
    var found = between.filter { index.edges[$0].type == type }
    if type.isSymmetric { found += reverse.filter { index.edges[$0].type == type } }
    guard !found.isEmpty else {
      let existing = (between + reverse).map { k in
        let e = index.edges[k]
        return "\(e.source) \(e.type.rawValue) \(e.target) (r\(e.id), \(e.modality.rawValue))"
      }
      throw QueryError.noEdge(source: source, type: type.rawValue, target: target, existing: existing)
    }
    return try found.sorted(by: index.isStronger).map(provenance(ofEdge:))
  }

  /// Counts of documents, entities and edges by type.
  ///
  /// - Complexity: O(*n* + *e*).
  public func stats() -> GraphStats {
    var entitiesByType: [String: Int] = [:]
    for e in index.entities { entitiesByType[e.kind.rawValue, default: 0] += 1 }
    var edgesByType: [String: Int] = [:]
    var edgesByModality: [String: Int] = [:]
    var statements = 0
    for e in index.edges {
      edgesByType[e.type.rawValue, default: 0] += 1
      edgesByModality[e.modality.rawValue, default: 0] += 1
      statements += e.provenance.count
    }
    return GraphStats(
      documents: index.documents.count, entities: index.entities.count, edges: index.edges.count,
      statements: statements,
      entitiesByType: entitiesByType, edgesByType: edgesByType, edgesByModality: edgesByModality)
  }

  // MARK: Building answers

  func ref(of node: Int) -> EntityRef {
    let e = index.entities[node]
    return EntityRef(id: e.id, name: e.name, type: e.kind)
  }

  func ref(ofID id: String) -> EntityRef {
    index.index[id].map(ref(of:)) ?? EntityRef(id: id, name: id, type: .organization)
  }

  func summary(of node: Int) -> EntitySummary {
    let e = index.entities[node]
    return EntitySummary(
      id: e.id, name: e.name, type: e.kind, aliases: e.aliases, partOf: e.partOf,
      outgoing: index.outgoingEdges(of: node).count, incoming: index.incomingEdges(of: node).count)
  }

  func edgeSummary(_ k: Int) -> EdgeSummary {
    let e = index.edges[k]
    let strongest = e.provenance.enumerated().max { a, b in
      a.element.modality != b.element.modality ? a.element.modality < b.element.modality : a.offset > b.offset
    }?.element
    return EdgeSummary(
      id: "r\(e.id)", source: ref(ofID: e.source), type: e.type, target: ref(ofID: e.target), modality: e.modality,
      assertedBy: e.assertedBy, documents: index.documents(ofEdge: k).count, statements: e.provenance.count,
      quote: strongest?.quote, quoteDocument: strongest?.document)
  }

  func provenance(ofEdge k: Int) throws -> EdgeProvenance {
    let e = index.edges[k]
    let documentOf = Dictionary(index.documents.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    let statements = try e.provenance.map { p -> StatementProvenance in
      let doc = documentOf[p.document]
      let mentions = try store.mentions(inDocument: p.document, within: p.span)
        .filter { $0.entityID == e.source || $0.entityID == e.target }
      var marks: [StatementProvenance.Mark] = []
      for m in mentions where !marks.contains(where: { $0.end > m.span.start && m.span.end > $0.start }) {
        marks.append(.init(entity: m.entityID, start: m.span.start, end: m.span.end))
      }
      return StatementProvenance(
        document: p.document, title: doc?.metadata.title, outlet: doc?.metadata.outlet,
        date: doc?.metadata.date ?? doc?.metadata.dateText, sentence: p.sentence, start: p.span.start, end: p.span.end,
        quote: p.quote, marks: marks, markedQuote: Self.mark(p.quote, from: p.span.start, marks: marks),
        modality: p.modality, claimant: p.claimant.map(ref(ofID:)), rule: p.rule)
    }
    return EdgeProvenance(edge: edgeSummary(k), statements: statements)
  }

  /// `quote` (which starts at code point `offset` of its document) with each mark in ⟦ ⟧.
  static func mark(_ quote: String, from offset: Int, marks: [StatementProvenance.Mark]) -> String {
    let scalars = Array(quote.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    for m in marks.sorted(by: { $0.start < $1.start }) {
      let start = m.start - offset
      let end = m.end - offset
      guard start >= i, end <= scalars.count, start < end else { continue }
      out.append(contentsOf: scalars[i..<start])
      out.append("⟦")
      out.append(contentsOf: scalars[start..<end])
      out.append("⟧")
      i = end
    }
    out.append(contentsOf: scalars[i...])
    return String(out)
  }
}

// MARK: - Workspace

extension Workspace {
  /// Opens an existing store for querying, read-only (`GraphStore.openForReading(path:)`):
  /// unlike `init(storePath:)` it never creates one, and it never changes the file.
  ///
  /// - Throws: `QueryError.noStore` when there is no file at `path`; `StoreError` otherwise.
  public convenience init(queryingStoreAt path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else { throw QueryError.noStore(path: path) }
    self.init(storePath: path, store: try GraphStore.openForReading(path: path))
  }

  /// Loads and indexes the graph for querying.
  ///
  /// - Complexity: O(*d* + *n* + *e* + *v*); about a second per million edges.
  /// - Throws: `StoreError` when the store cannot be read.
  public func querySession() throws(StoreError) -> QuerySession { try QuerySession(store: store) }

  /// `kg entities`: see `QuerySession.entities(types:match:)`.
  public func entities(types: Set<EntityKind> = [], match: String? = nil) throws -> [EntitySummary] {
    try entitiesFromStore(types: types, match: match)
  }

  /// `kg show`: see `QuerySession.show(_:)`. Reads only the edges of that entity.
  public func show(_ name: String) throws -> EntityDetail { try session(about: [name]).show(name) }

  /// `kg neighbors`: see `QuerySession.neighbors(of:direction:filter:)`. Reads only the edges
  /// of that entity.
  public func neighbors(of name: String, direction: Direction = .both, filter: EdgeFilter = .all) throws
    -> NeighborsAnswer
  {
    try session(about: [name]).neighbors(of: name, direction: direction, filter: filter)
  }

  /// `kg path`: see `QuerySession.path(_:)`. The shortest paths are searched over the store's
  /// edge table one frontier at a time; `all` loads the whole graph.
  public func path(_ request: PathRequest) throws -> PathAnswer {
    request.all ? try querySession().path(request) : try shortestPathsFromStore(request)
  }

  /// `kg edge`: see `QuerySession.edge(_:)`. Reads only that edge.
  public func edge(_ id: String) throws -> EdgeProvenance {
    let graph = try store.subgraph(edges: .numbered([try QuerySession.edgeNumber(id)]))
    return try QuerySession(store: store, graph: graph).edge(id)
  }

  /// `kg why`: see `QuerySession.why(_:_:_:)`. Reads only the edges between the two entities.
  public func why(_ source: String, _ type: RelationType, _ target: String) throws -> [EdgeProvenance] {
    // Only the edges between the two: the answer, or the list of those that do join them.
    let resolver = StoreNames(store: store)
    let ids = [try resolver.resolve(source), try resolver.resolve(target)]
    let graph = try store.subgraph(edges: .between([ids, ids.reversed()]), entities: ids)
    return try QuerySession(store: store, graph: graph).why(source, type, target)
  }

  /// `kg stats`: see `QuerySession.stats()`; counted by SQLite.
  public func stats() throws -> GraphStats { try statsFromStore() }
}
