import Foundation
import GRDB
import GRDBSQLite
public import KGModel

// One-off questions read only what they are about: a few entities, the edges at a frontier, the
// edges of an answer with their evidence, or counts made by SQLite. Lists of ids are bound as
// one JSON array (`json_each`), so a frontier of any size is one statement.

/// Which edges `GraphStore.subgraph(edges:entities:)` reads.
public enum SubgraphEdges: Sendable, Equatable {
  /// The edges that have one of these entity ids as source or target.
  case touching([String])
  /// The edges whose source and target are both among these entity ids.
  case among([String])
  /// The edges with these store ids.
  case numbered([Int64])
  /// The edges from the first id of a pair to the second, for each pair.
  case between([[String]])
}

/// One edge as a search step sees it: its ends, type and modality, and (when asked for) the
/// dates of the distinct documents that state it.
public struct EdgeEnds: Sendable, Equatable {
  public var id: Int64
  public var source: String
  public var target: String
  /// The type and modality; nil unless asked for.
  public var type: RelationType?
  public var modality: Modality?
  /// `document.date` of each distinct document stating the edge; empty unless asked for.
  public var documentDates: [String?]
}

extension GraphStore {
  // MARK: - Entities

  /// Whether an entity has exactly this id.
  ///
  /// - Complexity: one primary-key probe.
  public func entityExists(id: String) throws(StoreError) -> Bool {
    try reading { db in
      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM entity WHERE id = ?)", arguments: [id]) ?? false
    }
  }

  /// The entities (with aliases) whose id, name or some alias could fold to a text containing
  /// every one of `runs`: those that contain each run, ignoring ASCII case and apostrophes, and
  /// every one with a non-ASCII id, name or alias (whose folding SQLite cannot follow). The caller
  /// applies its exact test to these few instead of to every entity.
  ///
  /// - Complexity: one scan of `entity` and `alias` in SQLite (no row leaves it unless it matches).
  public func entities(withKeysContaining runs: [String]) throws(StoreError) -> [Entity] {
    let runs = runs.filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }
    // Keys with an apostrophe (which folding drops) or a non-ASCII character (more bytes than
    // characters) are all candidates; the others must contain every run. (A `replace` and a
    // `GLOB` class per row took 2 G instructions over 100k entities.)
    func test(_ column: String) -> String {
      let like = runs.map { _ in "\(column) LIKE ?" }.joined(separator: " AND ")
      return
        "(\(like.isEmpty ? "1" : like) OR instr(\(column), '''') > 0 OR length(CAST(\(column) AS BLOB)) != length(\(column)))"
    }
    let patterns = runs.map { "%\($0)%" }
    return try reading { db in
      let ids = try String.fetchAll(
        db,
        sql: """
          SELECT id FROM entity WHERE \(test("id")) OR \(test("name"))
          UNION SELECT entityId FROM alias WHERE \(test("alias"))
          """,
        arguments: StatementArguments(patterns + patterns + patterns))
      return try Self.entities(ids, db: db)
    }
  }

  /// Every entity with its aliases, in id order (what a suggestion for a misspelt name compares
  /// against).
  ///
  /// - Complexity: O(*n* + *a*) rows.
  public func allEntities() throws(StoreError) -> [Entity] {
    try reading { db in
      var aliases: [String: [String]] = [:]
      let aliasRows = try Row.fetchCursor(db, sql: "SELECT entityId, alias FROM alias ORDER BY rowid")
      while let row = try aliasRows.next() { aliases[row[0] as String, default: []].append(row[1]) }
      var entities: [Entity] = []
      let rows = try Row.fetchCursor(db, sql: "SELECT id, name, kind, partOf FROM entity ORDER BY id")
      while let row = try rows.next() {
        let id: String = row[0]
        entities.append(
          Entity(
            id: id, name: row[1], kind: EntityKind(rawValue: row[2]) ?? .organization, aliases: aliases[id] ?? [],
            partOf: row[3]))
      }
      return entities
    }
  }

  // MARK: - Edges

  /// The edges leaving (`outgoing`) and entering (`incoming`) the entities `ids`, each list in
  /// store id order: one search step over the indexed edge table.
  ///
  /// - Parameters:
  ///   - attributes: also read each edge's type and modality (for a filter); without them the
  ///     outgoing edges are read from the `edge(source, …)` index alone.
  ///   - documentDates: also read the dates of the documents stating each edge (for a date
  ///     window or a least number of documents).
  /// - Complexity: O(*k* log *e*) for the *k* edges found, through the `edge` indexes.
  public func edgeEnds(
    of ids: [String], outgoing: Bool, incoming: Bool, attributes: Bool = true, documentDates: Bool = false
  ) throws(StoreError) -> (outgoing: [EdgeEnds], incoming: [EdgeEnds]) {
    let list = Self.jsonArray(ids)
    return try reading { db in
      func ends(_ column: String) throws -> [EdgeEnds] {
        let statement = try db.makeStatement(
          sql: """
            SELECT id, source, target\(attributes ? ", type, modality" : "") FROM edge
            WHERE \(column) IN (SELECT value FROM json_each(?)) ORDER BY id
            """)
        statement.arguments = [list]
        // Stepped through the C API: a frontier can hold a hub's thousands of edges, and
        // decoding each as a GRDB row cost more than finding it.
        let handle = statement.sqliteStatement
        var found: [EdgeEnds] = []
        func text(_ column: Int32) -> String {
          guard let bytes = sqlite3_column_text(handle, column) else { return "" }
          return String(cString: bytes)
        }
        while true {
          let code = sqlite3_step(handle)
          if code == SQLITE_DONE { break }
          guard code == SQLITE_ROW else {
            throw DatabaseError(
              resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
          }
          var type: RelationType?
          var modality: Modality?
          if attributes {
            guard let t = RelationType(rawValue: text(3)), let m = Modality(rawValue: text(4)) else { continue }
            type = t
            modality = m
          }
          found.append(
            EdgeEnds(
              id: sqlite3_column_int64(handle, 0), source: text(1), target: text(2), type: type, modality: modality,
              documentDates: []))
        }
        sqlite3_reset(handle)
        return found
      }
      var out = outgoing ? try ends("source") : []
      var into = incoming ? try ends("target") : []
      if documentDates {
        let dates = try Self.documentDates(ofEdges: out.map(\.id) + into.map(\.id), db: db)
        for k in out.indices { out[k].documentDates = dates[out[k].id] ?? [] }
        for k in into.indices { into[k].documentDates = dates[into[k].id] ?? [] }
      }
      return (out, into)
    }
  }

  static func documentDates(ofEdges ids: [Int64], db: Database) throws -> [Int64: [String?]] {
    var dates: [Int64: [String?]] = [:]
    var seen: Set<[Int64]> = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT v.edgeId, v.documentId, d.date FROM evidence v JOIN document d ON d.id = v.documentId
        WHERE v.edgeId IN (SELECT value FROM json_each(?)) ORDER BY v.id
        """, arguments: [jsonArray(ids)])
    while let row = try rows.next() {
      let edge: Int64 = row[0]
      guard seen.insert([edge, row[1]]).inserted else { continue }
      dates[edge, default: []].append(row[2])
    }
    return dates
  }

  /// A part of the graph: the chosen edges with all their evidence, the documents that
  /// evidence cites, and the entities the edges name (ends, claimants), those in `extra`, and
  /// every entity these are part of, up the `partOf` chain. Each list is in store order (edges
  /// and documents by id, entities by id), as `loadGraphForQuery()` orders the whole graph.
  ///
  /// - Complexity: O(*k* log *e* + *v*) for *k* edges with *v* statements, through the indexes.
  /// - Throws: `StoreError` when the store cannot be read.
  public func subgraph(edges scope: SubgraphEdges, entities extra: [String] = []) throws(StoreError)
    -> KnowledgeGraph
  {
    try reading { db in
      let columns = "SELECT id, source, type, target, modality, assertedBy FROM edge"
      var rows: [Row] = []
      switch scope {
      case .touching(let ids):
        let list = Self.jsonArray(ids)
        rows = try Row.fetchAll(
          db,
          sql: """
            \(columns) WHERE id IN (
              SELECT id FROM edge WHERE source IN (SELECT value FROM json_each(?1))
              UNION SELECT id FROM edge WHERE target IN (SELECT value FROM json_each(?1)))
            ORDER BY id
            """, arguments: [list])
      case .among(let ids):
        rows = try Row.fetchAll(
          db,
          sql: """
            \(columns) WHERE source IN (SELECT value FROM json_each(?1))
            AND target IN (SELECT value FROM json_each(?1)) ORDER BY id
            """, arguments: [Self.jsonArray(ids)])
      case .numbered(let ids):
        rows = try Row.fetchAll(
          db, sql: "\(columns) WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
          arguments: [Self.jsonArray(ids)])
      case .between(let pairs):
        var byID: [Int64: Row] = [:]
        for pair in pairs where pair.count == 2 {
          for row in try Row.fetchAll(
            db, sql: "\(columns) WHERE source = ? AND target = ?", arguments: [pair[0], pair[1]])
          {
            byID[row[0]] = row
          }
        }
        rows = byID.keys.sorted().map { byID[$0]! }
      }
      var edges: [Edge] = []
      var position: [Int64: Int] = [:]
      var named = Set(extra)
      for row in rows {
        guard let type = RelationType(rawValue: row[2]), let modality = Modality(rawValue: row[4]) else { continue }
        let id: Int64 = row[0]
        let assertedBy: String? = row[5]
        position[id] = edges.count
        edges.append(
          Edge(
            id: id, key: EdgeKey(source: row[1], type: type, target: row[3], modality: modality),
            assertedBy: assertedBy, provenance: []))
        named.insert(row[1])
        named.insert(row[3])
        if let assertedBy { named.insert(assertedBy) }
      }
      // Evidence, in id order as the whole load reads it; the documents' paths come after.
      var evidence: [(edge: Int, document: Int64, row: Row)] = []
      let evidenceRows = try Row.fetchCursor(
        db,
        sql: """
          SELECT edgeId, documentId, sentence, start, end, quote, rule, modality, claimant, id FROM evidence
          WHERE edgeId IN (SELECT value FROM json_each(?)) ORDER BY id
          """, arguments: [Self.jsonArray(edges.map(\.id))])
      var documentIDs = Set<Int64>()
      while let row = try evidenceRows.next() {
        guard let k = position[row[0]] else { continue }
        let document: Int64 = row[1]
        documentIDs.insert(document)
        evidence.append((k, document, row.copy()))
        if let claimant = row[8] as String? { named.insert(claimant) }
      }
      var documents: [DocumentInfo] = []
      var pathOf: [Int64: String] = [:]
      let docs = try Row.fetchCursor(
        db,
        sql: """
          SELECT id, path, contentHash, title, dateText, date, outlet, sentenceCount FROM document
          WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id
          """, arguments: [Self.jsonArray(documentIDs.sorted())])
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
      for (k, document, row) in evidence {
        edges[k].provenance.append(
          Provenance(
            document: pathOf[document] ?? "?", sentence: row[2], span: TextSpan(start: row[3], end: row[4]),
            quote: row[5], rule: row[6], modality: Modality(rawValue: row[7]) ?? .asserted, claimant: row[8]))
      }
      return KnowledgeGraph(documents: documents, entities: try Self.entities(Array(named), db: db), edges: edges)
    }
  }

  /// The entities with these ids and every entity they are part of (up the `partOf` chain),
  /// with their aliases, in id order; ids that name no entity are left out.
  static func entities(_ ids: [String], db: Database) throws -> [Entity] {
    var found: [String: Entity] = [:]
    var wanted = Set(ids)
    var tried = Set<String>()
    while !wanted.isEmpty {
      tried.formUnion(wanted)
      let list = jsonArray(Array(wanted))
      var aliases: [String: [String]] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT entityId, alias FROM alias WHERE entityId IN (SELECT value FROM json_each(?)) ORDER BY rowid",
        arguments: [list])
      {
        aliases[row[0] as String, default: []].append(row[1])
      }
      var next = Set<String>()
      for row in try Row.fetchAll(
        db, sql: "SELECT id, name, kind, partOf FROM entity WHERE id IN (SELECT value FROM json_each(?))",
        arguments: [list])
      {
        let id: String = row[0]
        let partOf: String? = row[3]
        found[id] = Entity(
          id: id, name: row[1], kind: EntityKind(rawValue: row[2]) ?? .organization, aliases: aliases[id] ?? [],
          partOf: partOf)
        if let partOf, found[partOf] == nil { next.insert(partOf) }
      }
      wanted = next.subtracting(tried)
    }
    // SQLite's order of text (bytes), which `ORDER BY id` gives the whole load.
    return found.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
  }

  // MARK: - Helpers

  /// Runs `body` in one read snapshot, translating database errors.
  func reading<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try dbWriter.read(body)
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  static func jsonArray(_ values: [String]) -> String {
    let data = (try? JSONEncoder().encode(values)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  static func jsonArray(_ values: [Int64]) -> String {
    "[" + values.map(String.init).joined(separator: ",") + "]"
  }
}
