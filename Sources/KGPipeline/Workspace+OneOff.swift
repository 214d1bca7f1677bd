import Foundation
import KGModel
import KGQuery
import KGStore

// One-off questions (one `kg` process, one answer) read only what they are about: names are
// resolved by SQL, `path` searches the indexed edge table one frontier at a time, and the
// answer's edges are read with their evidence at the end. The answers are built by the same
// `QuerySession` code over the small graph that was read, so they are those of the whole graph.

/// Entity names resolved against the store, without reading every entity.
struct StoreNames {
  let store: GraphStore

  /// The id of the one entity `text` names (`EntityLookup.resolve(_:)` on the whole graph).
  ///
  /// - Throws: `QueryError.unknownEntity` (with suggestions) or `.ambiguousEntity`; `StoreError`.
  func resolve(_ text: String) throws -> String {
    try EntityLookup.resolveID(
      text, hasID: { try store.entityExists(id: $0) }, candidates: { try store.entities(withKeysContaining: $0) },
      everything: { try store.allEntities() })
  }
}

/// Node numbers given out as a search meets entities, shared with the order that sorts paths.
final class NodeNumbers {
  var ids: [String] = []
  var number: [String: Int] = [:]

  func node(_ id: String) -> Int {
    if let n = number[id] { return n }
    number[id] = ids.count
    ids.append(id)
    return ids.count - 1
  }

  /// Entity ids in SQLite's order (bytes), the order of dense ids in a whole-graph `GraphIndex`.
  func precedes(_ a: Int, _ b: Int) -> Bool { ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8) }
}

/// The store's edge table as a breadth-first search's step source: each frontier is one read
/// of the edges at its nodes, through the `edge(source, …)` and `edge(target)` indexes.
struct StoreSteps: StepSource {
  typealias Failure = StoreError
  let store: GraphStore
  let filter: EdgeFilter
  let numbers: NodeNumbers
  var nodeCount: Int { numbers.ids.count }

  func forEachStep(from frontier: [Int], forward: Bool, undirected: Bool, _ body: (Int, Int) -> Void)
    throws(StoreError)
  {
    let names = frontier.map { numbers.ids[$0] }
    let unfiltered = filter.admitsAll
    let (outgoing, incoming) = try store.edgeEnds(
      of: names, outgoing: forward || undirected, incoming: !forward || undirected, attributes: !unfiltered,
      documentDates: filter.needsDocuments)
    func admitted(_ e: EdgeEnds) -> Bool {
      guard !unfiltered else { return true }
      guard let type = e.type, let modality = e.modality else { return false }
      return filter.admits(type: type, modality: modality, documentDates: e.documentDates)
    }
    var out: [String: [EdgeEnds]] = [:]
    for e in outgoing where admitted(e) { out[e.source, default: []].append(e) }
    var into: [String: [EdgeEnds]] = [:]
    for e in incoming where admitted(e) { into[e.target, default: []].append(e) }
    for (u, name) in zip(frontier, names) {
      for e in out[name] ?? [] { body(u, numbers.node(e.target)) }
      for e in into[name] ?? [] { body(u, numbers.node(e.source)) }
    }
  }
}

extension QuerySession {
  /// A session over a part of the graph read by `GraphStore.subgraph(edges:entities:)`.
  init(store: GraphStore, graph: KnowledgeGraph) {
    self.init(store: store, index: GraphIndex(graph))
  }
}

extension Workspace {
  /// A session over the edges at the entities `names` name, resolved by SQL first (so a name
  /// that names none, or several, fails before any edge is read).
  func session(about names: [String]) throws -> QuerySession {
    let resolver = StoreNames(store: store)
    let ids = try names.map(resolver.resolve)
    return QuerySession(store: store, graph: try store.subgraph(edges: .touching(ids), entities: ids))
  }

  /// `kg path` without `--all`: a bidirectional breadth-first search over the store's edge
  /// table, one read per frontier, then the answer's edges with their evidence.
  ///
  /// - Complexity: one indexed read per level of the search, for the edges at its frontier.
  func shortestPathsFromStore(_ request: PathRequest) throws -> PathAnswer {
    let resolver = StoreNames(store: store)
    let sourceID = try resolver.resolve(request.from)
    let targetID = try resolver.resolve(request.to)
    let limit = min(max(1, request.limit), Int.max - 1)
    let numbers = NodeNumbers()
    let source = numbers.node(sourceID)
    let target = numbers.node(targetID)
    var steps = StoreSteps(store: store, filter: request.filter, numbers: numbers)
    guard
      let sequences = try shortestNodeSequences(
        &steps, from: source, to: target, undirected: request.undirected, maxHops: request.maxHops,
        limit: limit + 1, precedes: numbers.precedes)
    else { throw QueryError.noPath(from: request.from, to: request.to) }
    var pairs: [[String]] = []
    for sequence in sequences {
      for (a, b) in zip(sequence, sequence.dropFirst()) {
        pairs.append([numbers.ids[a], numbers.ids[b]])
        if request.undirected { pairs.append([numbers.ids[b], numbers.ids[a]]) }
      }
    }
    let graph = try store.subgraph(edges: .between(pairs), entities: [sourceID, targetID])
    let session = QuerySession(store: store, graph: graph)
    let paths = sequences.map { sequence in
      session.index.path(
        through: sequence.map { session.index.index[numbers.ids[$0]]! }, undirected: request.undirected,
        filter: request.filter)
    }
    return session.answer(
      request, source: session.index.index[sourceID]!, target: session.index.index[targetID]!, paths: paths,
      limit: limit, maxHops: request.maxHops, cut: false)
  }

  /// `kg stats` from SQL aggregates.
  func statsFromStore() throws -> GraphStats {
    let counts = try store.aggregateCounts()
    var entitiesByType: [String: Int] = [:]
    for (kind, n) in counts.entitiesByKind {
      entitiesByType[(EntityKind(rawValue: kind) ?? .organization).rawValue, default: 0] += n
    }
    var edgesByType: [String: Int] = [:]
    var edgesByModality: [String: Int] = [:]
    var edges = 0
    for (type, byModality) in counts.edgesByTypeAndModality where RelationType(rawValue: type) != nil {
      for (modality, n) in byModality where Modality(rawValue: modality) != nil {
        edgesByType[type, default: 0] += n
        edgesByModality[modality, default: 0] += n
        edges += n
      }
    }
    return GraphStats(
      documents: counts.documents, entities: counts.entitiesByKind.values.reduce(0, +), edges: edges,
      statements: counts.evidence, entitiesByType: entitiesByType, edgesByType: edgesByType,
      edgesByModality: edgesByModality)
  }

  /// `kg entities` from the entity table and the edge counts kept by the store's counters.
  func entitiesFromStore(types: Set<EntityKind>, match: String?) throws -> [EntitySummary] {
    let counted: [CountedEntity]
    if let match,
      let candidates = try EntityLookup.matching(match, candidates: { try store.entities(withKeysContaining: $0) })
    {
      let (outgoing, incoming) = try store.degrees()
      counted = candidates.map {
        CountedEntity(entity: $0, outgoing: outgoing[$0.id] ?? 0, incoming: incoming[$0.id] ?? 0)
      }
    } else {
      counted = try store.countedEntities()
    }
    return
      counted
      .filter { types.isEmpty || types.contains($0.entity.kind) }
      .map { c in
        let e = c.entity
        return EntitySummary(
          id: e.id, name: e.name, type: e.kind, aliases: e.aliases, partOf: e.partOf, outgoing: c.outgoing,
          incoming: c.incoming)
      }
      .sorted { a, b in
        a.outgoing + a.incoming != b.outgoing + b.incoming
          ? a.outgoing + a.incoming > b.outgoing + b.incoming : a.name < b.name
      }
  }
}
