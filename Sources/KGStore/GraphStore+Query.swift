import Foundation
import GRDB
public import KGModel

// What querying needs from the store beyond `loadGraph()`: a load that scales to a million
// edges, or reads only the edges a question is about, and the mentions that mark a quote.

/// Which edges a query load reads (`GraphStore.loadGraphForQuery(edges:)`).
public enum EdgeScope: Sendable, Equatable {
  /// Every edge.
  case all
  /// The edges that have one of these entity ids as source or target.
  case touching([String])
  /// The edges with these store ids (the number of "r12").
  case numbered([Int64])

  /// The `WHERE` clause on `edge` and its arguments.
  var condition: (sql: String, arguments: StatementArguments) {
    func marks(_ n: Int) -> String { "(" + Array(repeating: "?", count: n).joined(separator: ", ") + ")" }
    switch self {
    case .all: return ("", [])
    case .touching(let ids):
      return (
        "WHERE source IN \(marks(ids.count)) OR target IN \(marks(ids.count))", StatementArguments(ids + ids)
      )
    case .numbered(let ids): return ("WHERE id IN \(marks(ids.count))", StatementArguments(ids))
    }
  }
}

extension GraphStore {
  /// Loads the graph for querying: the same value as `loadGraph()` for `.all`, read with
  /// positional cursors instead of record decoding, which matters from about 100k edges on.
  ///
  /// Entity ids and document paths are shared between the edges that repeat them, so a graph
  /// of 1M edges holds each id string once.
  ///
  /// - Parameter scope: which edges to read; documents and entities are always read whole.
  /// - Complexity: O(*d* + *n* + *a* + *e* + *v*) rows read in one snapshot for `.all`; for a
  ///   narrower scope, only its edges and their evidence, found through the indexes.
  /// - Throws: `StoreError` when the store cannot be read.
  public func loadGraphForQuery(edges scope: EdgeScope = .all) throws(StoreError) -> KnowledgeGraph {
    do {
      return try dbWriter.read { db in try Self.readGraph(db, focus: { _ in scope }) }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// Loads documents and entities, asks `focus` which edges to read (it may resolve a name
  /// against the entities, and throw when it cannot), then reads those edges with their
  /// evidence, all in one snapshot. A question about one or two entities so reads their
  /// edges only, instead of the whole graph.
  ///
  /// - Throws: what `focus` throws, unchanged; otherwise `StoreError` when the store cannot be read.
  public func loadGraphForQuery(focus: (KnowledgeGraph) throws -> EdgeScope) throws -> KnowledgeGraph {
    do {
      return try dbWriter.read { db in try Self.readGraph(db, focus: focus) }
    } catch let error as DatabaseError {
      throw Self.translate(error, path: path)
    }
  }

  static func readGraph(_ db: Database, focus: (KnowledgeGraph) throws -> EdgeScope) throws -> KnowledgeGraph {
    var documents: [DocumentInfo] = []
    var pathOf: [Int64: String] = [:]
    let docs = try Row.fetchCursor(
      db,
      sql: "SELECT id, path, contentHash, title, dateText, date, outlet, sentenceCount FROM document ORDER BY id")
    while let row = try docs.next() {
      let id: Int64 = row[0]
      let path: String = row[1]
      pathOf[id] = path
      documents.append(
        DocumentInfo(
          id: id, path: path, contentHash: row[2],
          metadata: ArticleMetadata(title: row[3], dateText: row[4], date: row[5], outlet: row[6]),
          sentenceCount: row[7]))
    }
    var aliases: [String: [String]] = [:]
    let aliasRows = try Row.fetchCursor(db, sql: "SELECT entityId, alias FROM alias ORDER BY rowid")
    while let row = try aliasRows.next() { aliases[row[0] as String, default: []].append(row[1]) }

    var entities: [Entity] = []
    entities.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity") ?? 0)
    var canonical: [String: String] = [:]
    canonical.reserveCapacity(entities.capacity)
    let entityRows = try Row.fetchCursor(db, sql: "SELECT id, name, kind, partOf FROM entity ORDER BY id")
    while let row = try entityRows.next() {
      let id: String = row[0]
      canonical[id] = id
      entities.append(
        Entity(
          id: id, name: row[1], kind: EntityKind(rawValue: row[2]) ?? .organization, aliases: aliases[id] ?? [],
          partOf: row[3]))
    }
    var graph = KnowledgeGraph(documents: documents, entities: entities, edges: [])
    let scope = try focus(graph)
    let (condition, arguments) = scope.condition

    var edges: [Edge] = []
    let edgeCount = scope == .all ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM edge") ?? 0 : 0
    edges.reserveCapacity(edgeCount)
    var position: [Int64: Int] = [:]
    position.reserveCapacity(edgeCount)
    let edgeRows = try Row.fetchCursor(
      db, sql: "SELECT id, source, type, target, modality, assertedBy FROM edge \(condition) ORDER BY id",
      arguments: arguments)
    while let row = try edgeRows.next() {
      guard let type = RelationType(rawValue: row[2]), let modality = Modality(rawValue: row[4]) else { continue }
      let id: Int64 = row[0]
      let source: String = row[1]
      let target: String = row[3]
      position[id] = edges.count
      edges.append(
        Edge(
          id: id,
          key: EdgeKey(
            source: canonical[source] ?? source, type: type, target: canonical[target] ?? target, modality: modality
          ),
          assertedBy: (row[5] as String?).map { canonical[$0] ?? $0 }, provenance: []))
    }
    let evidenceCondition = scope == .all ? "" : "WHERE edgeId IN (SELECT id FROM edge \(condition))"
    let evidenceRows = try Row.fetchCursor(
      db,
      sql: """
        SELECT edgeId, documentId, sentence, start, end, quote, rule, modality, claimant FROM evidence
        \(evidenceCondition) ORDER BY id
        """, arguments: arguments)
    var rules: [String: String] = [:]
    while let row = try evidenceRows.next() {
      guard let k = position[row[0]] else { continue }
      let rule: String = row[6]
      let sharedRule = rules[rule] ?? rule
      rules[rule] = sharedRule
      let claimant: String? = row[8]
      edges[k].provenance.append(
        Provenance(
          document: pathOf[row[1]] ?? "?", sentence: row[2], span: TextSpan(start: row[3], end: row[4]),
          quote: row[5], rule: sharedRule, modality: Modality(rawValue: row[7]) ?? .asserted,
          claimant: claimant.map { canonical[$0] ?? $0 }))
    }
    graph.edges = edges
    return graph
  }

  /// The mentions stored for `document` that lie inside `span`, in text order.
  ///
  /// Used to mark where the source and target of an edge are named in its quote.
  ///
  /// - Complexity: O(*m*) for the *m* mentions of the document (indexed by document).
  /// - Throws: `StoreError` when the store cannot be read.
  public func mentions(inDocument document: String, within span: TextSpan) throws(StoreError) -> [Mention] {
    do {
      return try dbWriter.read { db in
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT mention.entityId, mention.start, mention.end, mention.origin FROM mention
            JOIN document ON document.id = mention.documentId
            WHERE document.path = ? AND mention.start >= ? AND mention.end <= ?
            ORDER BY mention.start, mention.end
            """,
          arguments: [document, span.start, span.end])
        return rows.map { row in
          Mention(
            entityID: row[0], span: TextSpan(start: row[1], end: row[2]), surface: "",
            origin: MentionOrigin(storeCode: row[3]))
        }
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }
}
