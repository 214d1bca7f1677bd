import GRDB
import GRDBSQLite
public import KGModel

// The counts `kg stats` and `kg entities` print, kept by SQLite triggers in the `counter` and
// `entityDegree` tables (migration "v3"), so a one-off question reads a few rows instead of
// scanning a million edges; and the recount that `kg check` compares them with.

/// An entity with its aliases and edge counts, as `kg entities` lists it.
public struct CountedEntity: Sendable, Equatable {
  public var entity: Entity
  /// Edges with the entity as source.
  public var outgoing: Int
  /// Edges with the entity as target.
  public var incoming: Int

  public init(entity: Entity, outgoing: Int, incoming: Int) {
    self.entity = entity
    self.outgoing = outgoing
    self.incoming = incoming
  }
}

/// Counts of what the store holds (`kg stats`).
public struct StoreCounts: Sendable, Equatable {
  public var documents: Int
  /// Entities by their stored kind, as stored.
  public var entitiesByKind: [String: Int]
  /// Edges by type and modality, as stored.
  public var edgesByTypeAndModality: [String: [String: Int]]
  public var evidence: Int
}

extension GraphStore {
  /// Documents, entities by kind, edges by type and modality, and evidence rows, as the store's
  /// counters hold them.
  ///
  /// - Complexity: O(*k*) for the *k* kinds, types and modalities stored (a few dozen rows).
  /// - Throws: `StoreError` when the store cannot be read.
  public func aggregateCounts() throws(StoreError) -> StoreCounts {
    try reading { db in try Self.keptCounts(db) }
  }

  /// Each entity's edge count, out (as source) and in (as target), as the store's counters hold
  /// them; entities without edges may be missing or hold zeros.
  ///
  /// - Complexity: O(*n*) rows of `entityDegree`.
  /// - Throws: `StoreError` when the store cannot be read.
  public func degrees() throws(StoreError) -> (outgoing: [String: Int], incoming: [String: Int]) {
    try reading { db in try Self.keptDegrees(db) }
  }

  /// Every entity with its aliases and its edge counts as the counters hold them, in id order
  /// (SQLite's order of text): what `kg entities` lists, read without touching the edge table.
  ///
  /// - Complexity: O(*n* + *a*) rows for *n* entities and *a* aliases, stepped through SQLite's
  ///   C API (a GRDB row per entity cost more than the read itself).
  /// - Throws: `StoreError` when the store cannot be read.
  public func countedEntities() throws(StoreError) -> [CountedEntity] {
    try reading { db in
      var aliases: [String: [String]] = [:]
      try Self.step(db, sql: "SELECT entityId, alias FROM alias ORDER BY rowid") { row in
        aliases[row.text(0), default: []].append(row.text(1))
      }
      var entities: [CountedEntity] = []
      entities.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0)
      try Self.step(
        db,
        sql: """
          SELECT e.id, e.name, e.kind, e.partOf, coalesce(d.outgoing, 0), coalesce(d.incoming, 0)
          FROM entity e LEFT JOIN entityDegree d ON d.entityId = e.id ORDER BY e.id
          """
      ) { row in
        let id = row.text(0)
        entities.append(
          CountedEntity(
            entity: Entity(
              id: id, name: row.text(1), kind: EntityKind(rawValue: row.text(2)) ?? .organization,
              aliases: aliases[id] ?? [], partOf: row.optionalText(3)),
            outgoing: row.int(4), incoming: row.int(5)))
      }
      return entities
    }
  }

  /// One row of `step(_:sql:_:)`, read in place.
  struct SteppedRow {
    let handle: OpaquePointer

    func text(_ column: Int32) -> String {
      guard let bytes = sqlite3_column_text(handle, column) else { return "" }
      return String(
        decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? {
      sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : text(column)
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
  }

  /// Runs `sql` and calls `body` with each row, stepped through SQLite's C API.
  static func step(_ db: Database, sql: String, _ body: (SteppedRow) throws -> Void) throws {
    let statement = try db.makeStatement(sql: sql)
    let handle = statement.sqliteStatement
    defer { sqlite3_reset(handle) }
    while true {
      let code = sqlite3_step(handle)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
      }
      try body(SteppedRow(handle: handle))
    }
  }

  /// Where the counters disagree with a recount of the rows, one line each (at most 100);
  /// empty when they agree. Part of `kg check`.
  ///
  /// - Complexity: O(*n* + *e*): a scan of `entity` and of each index on `edge`, and counts
  ///   of `document` and `evidence`.
  /// - Throws: `StoreError` when the store cannot be read.
  public func counterProblems() throws(StoreError) -> [String] {
    try reading { db in try Self.counterProblems(db) }
  }

  static func counterProblems(_ db: Database) throws -> [String] {
    var problems: [String] = []
    func compare(_ what: String, kept: [String: Int], counted: [String: Int]) {
      for key in Set(kept.keys).union(counted.keys).sorted() {
        let k = kept[key] ?? 0
        let c = counted[key] ?? 0
        let name = what.isEmpty ? key : "\(what) '\(key)'"
        if k != c { problems.append("the counter of \(name) holds \(k), a recount gives \(c)") }
      }
    }
    func flat(_ counts: StoreCounts) -> [String: Int] {
      var out = ["documents": counts.documents, "statements": counts.evidence]
      for (kind, n) in counts.entitiesByKind { out["entities of kind '\(kind)'"] = n }
      for (type, byModality) in counts.edgesByTypeAndModality {
        for (modality, n) in byModality { out["edges '\(type)' '\(modality)'"] = n }
      }
      return out.filter { $0.value != 0 }
    }
    compare("", kept: flat(try keptCounts(db)), counted: flat(try recountedCounts(db)))
    let kept = try keptDegrees(db)
    let counted = try recountedDegrees(db)
    compare("outgoing edges of", kept: kept.outgoing.filter { $0.value != 0 }, counted: counted.outgoing)
    compare("incoming edges of", kept: kept.incoming.filter { $0.value != 0 }, counted: counted.incoming)
    return Array(problems.prefix(100))
  }

  // MARK: - Kept

  static func keptCounts(_ db: Database) throws -> StoreCounts {
    var counts = StoreCounts(documents: 0, entitiesByKind: [:], edgesByTypeAndModality: [:], evidence: 0)
    for row in try Row.fetchAll(db, sql: "SELECT subject, type, modality, count FROM counter WHERE count != 0") {
      let n: Int = row[3]
      switch row[0] as String {
      case "document": counts.documents += n
      case "evidence": counts.evidence += n
      case "entity": counts.entitiesByKind[row[1] as String, default: 0] += n
      case "edge": counts.edgesByTypeAndModality[row[1] as String, default: [:]][row[2] as String, default: 0] += n
      default: continue
      }
    }
    return counts
  }

  static func keptDegrees(_ db: Database) throws -> (outgoing: [String: Int], incoming: [String: Int]) {
    var outgoing: [String: Int] = [:]
    var incoming: [String: Int] = [:]
    let rows = try Row.fetchCursor(
      db, sql: "SELECT entityId, outgoing, incoming FROM entityDegree WHERE outgoing != 0 OR incoming != 0")
    while let row = try rows.next() {
      let id: String = row[0]
      let out: Int = row[1]
      let into: Int = row[2]
      if out != 0 { outgoing[id] = out }
      if into != 0 { incoming[id] = into }
    }
    return (outgoing, incoming)
  }

  // MARK: - Recounted

  /// `keptCounts` counted from the rows themselves.
  static func recountedCounts(_ db: Database) throws -> StoreCounts {
    var kinds: [String: Int] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) FROM entity GROUP BY kind") {
      kinds[row[0] as String] = row[1]
    }
    var edges: [String: [String: Int]] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT type, modality, COUNT(*) FROM edge GROUP BY type, modality") {
      edges[row[0] as String, default: [:]][row[1] as String] = row[2]
    }
    return StoreCounts(
      documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0, entitiesByKind: kinds,
      edgesByTypeAndModality: edges, evidence: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evidence") ?? 0)
  }

  /// `keptDegrees` counted from the edge indexes.
  static func recountedDegrees(_ db: Database) throws -> (outgoing: [String: Int], incoming: [String: Int]) {
    func count(_ sql: String) throws -> [String: Int] {
      var counts: [String: Int] = [:]
      let rows = try Row.fetchCursor(db, sql: sql)
      while let row = try rows.next() { counts[row[0] as String] = row[1] }
      return counts
    }
    return (
      try count("SELECT source, COUNT(*) FROM edge GROUP BY source"),
      try count("SELECT target, COUNT(*) FROM edge GROUP BY target")
    )
  }

  /// Sets the counters from a recount of the rows, inside the caller's transaction: for a write
  /// that bypassed the triggers (`loadIntoEmpty`).
  ///
  /// - Complexity: O(*n* + *e*), as `counterProblems()`.
  static func recount(_ db: Database) throws {
    try db.execute(
      sql: """
        DELETE FROM counter;
        DELETE FROM entityDegree;
        INSERT INTO counter (subject, count) SELECT 'document', count(*) FROM document;
        INSERT INTO counter (subject, count) SELECT 'evidence', count(*) FROM evidence;
        INSERT INTO counter (subject, type, count) SELECT 'entity', kind, count(*) FROM entity GROUP BY kind;
        INSERT INTO counter (subject, type, modality, count)
          SELECT 'edge', type, modality, count(*) FROM edge GROUP BY type, modality;
        INSERT INTO entityDegree (entityId, outgoing, incoming)
          SELECT entityId, sum(outgoing), sum(incoming) FROM (
            SELECT source AS entityId, count(*) AS outgoing, 0 AS incoming FROM edge GROUP BY source
            UNION ALL SELECT target, 0, count(*) FROM edge GROUP BY target)
          GROUP BY entityId;
        """)
  }
}

extension GraphStore {
  /// Test hook: the counters and degrees as kept, and as recounted from the rows, each as sorted
  /// lines ("edge attack asserted 2", "out turkey 3"); zero counts are left out.
  package func _countersKeptAndRecounted() throws -> (kept: [String], recounted: [String]) {
    try dbWriter.read { db in
      func lines(_ c: StoreCounts, _ d: (outgoing: [String: Int], incoming: [String: Int])) -> [String] {
        var lines = ["documents \(c.documents)", "evidence \(c.evidence)"]
        lines += c.entitiesByKind.filter { $0.value != 0 }.map { "entity \($0.key) \($0.value)" }
        for (type, byModality) in c.edgesByTypeAndModality {
          lines += byModality.filter { $0.value != 0 }.map { "edge \(type) \($0.key) \($0.value)" }
        }
        lines += d.outgoing.filter { $0.value != 0 }.map { "out \($0.key) \($0.value)" }
        lines += d.incoming.filter { $0.value != 0 }.map { "in \($0.key) \($0.value)" }
        return lines.sorted()
      }
      return (
        lines(try Self.keptCounts(db), try Self.keptDegrees(db)),
        lines(try Self.recountedCounts(db), try Self.recountedDegrees(db))
      )
    }
  }
}
