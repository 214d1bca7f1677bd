import Foundation
import GRDB
public import KGModel

// The bulk import of a graph that comes from no document text: a synthetic benchmark graph or
// an import from another tool, a million edges in one transaction.

extension GraphStore {
  /// Writes a graph that comes from no document text (a synthetic benchmark graph, an import)
  /// in one transaction, with prepared statements reused for every row.
  ///
  /// Documents are stored without text; each provenance entry becomes an evidence row of the
  /// document it names, given here or already stored (entries naming neither are skipped). Edges that are already
  /// stored (same source, type, target and modality) gain the new evidence, as with `write(_:)`.
  /// Edges are inserted in key order, so their store ids follow that order, not the array's.
  ///
  /// - Parameters:
  ///   - documents: documents to store (ids are assigned by the store).
  ///   - entities: entities with their aliases.
  ///   - edges: edges with their provenance.
  /// - Returns: the number of edge rows written or merged.
  /// - Complexity: O(*d* + *n* + *e* + *v*) statements in one transaction.
  /// - Throws: `StoreError.writeFailed` (nothing is kept) or `.busy`.
  @discardableResult
  public func importGraph(documents: [DocumentInfo], entities: [Entity], edges: [Edge]) throws(StoreError) -> Int {
    do {
      return try dbWriter.writeWithoutTransaction { db in
        // Every edge must name a given or stored entity. Ranking those ids once also gives the
        // key order: rows go in that order, so the unique indexes grow at their ends instead of
        // at random pages.
        var ids = Set(entities.map(\.id))
        for id in try String.fetchAll(db, sql: "SELECT id FROM entity") { ids.insert(id) }
        let order: [Int]
        switch Self.keyOrder(edges, ids: ids) {
        case .success(let positions): order = positions
        case .failure(let unknown):
          let bad = edges[unknown.edge]
          throw StoreError.writeFailed(
            path: path,
            reason: "edge \(bad.source) \(bad.type.rawValue) \(bad.target) names an entity that is not given")
        }
        // A large page cache keeps the B-trees in memory for this one transaction.
        try db.execute(sql: "PRAGMA cache_size = -1048576")
        // Into an empty store, SQLite's per-row foreign-key lookups (two text-key searches per
        // edge, two per evidence row) are switched off for the one transaction: the references
        // were checked above and nothing else can be in the store to contradict them.
        if try Int.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM edge)") == 0 {
          try db.execute(sql: "PRAGMA foreign_keys = OFF")
        }
        defer {
          try? db.execute(sql: "PRAGMA foreign_keys = ON")
          try? db.execute(sql: "PRAGMA cache_size = -2000")
        }
        var written = 0
        try db.inTransaction {
          written = try Self.importRows(documents: documents, entities: entities, edges: edges, order: order, db: db)
          return .commit
        }
        return written
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// The rows of `importGraph`, inside its transaction.
  static func importRows(documents: [DocumentInfo], entities: [Entity], edges: [Edge], order: [Int], db: Database)
    throws -> Int
  {
    var documentID: [String: Int64] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT path, id FROM document") { documentID[row[0]] = row[1] }
    let document = try db.makeStatement(
      sql: """
        INSERT INTO document (path, contentHash, title, dateText, date, outlet, text, bodyStart, bodyEnd, sentenceCount)
        VALUES (?, ?, ?, ?, ?, ?, '', 0, 0, ?)
        ON CONFLICT(path) DO UPDATE SET contentHash = contentHash RETURNING id
        """)
    for d in documents {
      documentID[d.path] = try Int64.fetchOne(
        document,
        arguments: [
          d.path, d.contentHash, d.metadata.title, d.metadata.dateText, d.metadata.date, d.metadata.outlet,
          d.sentenceCount,
        ])
    }
    try db.execute(sql: "INSERT OR IGNORE INTO documentPath (documentId, path) SELECT id, path FROM document")
    try importEntities(entities, db: db)
    if try Int.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM edge)") == 0 {
      return try Self.loadIntoEmpty(edges: edges, order: order, documentID: documentID, db: db)
    }
    let insertEdge = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO edge (source, type, target, modality, assertedBy) VALUES (?, ?, ?, ?, ?)")
    let existingEdge = try db.makeStatement(
      sql: "SELECT id FROM edge WHERE source = ? AND type = ? AND target = ? AND modality = ?")
    let evidence = try db.makeStatement(
      sql: """
        INSERT OR IGNORE INTO evidence (edgeId, documentId, sentence, start, end, quote, rule, modality, claimant)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var written = 0
    for k in order {
      let e = edges[k]
      insertEdge.setUncheckedArguments([e.source, e.type.rawValue, e.target, e.modality.rawValue, e.assertedBy])
      try insertEdge.execute()
      let id: Int64
      if db.changesCount > 0 {
        id = db.lastInsertedRowID
      } else {
        // Already stored: keep its row, as write(_:) does, and add the new evidence to it.
        guard
          let found = try Int64.fetchOne(
            existingEdge, arguments: [e.source, e.type.rawValue, e.target, e.modality.rawValue])
        else { continue }
        id = found
        if let by = e.assertedBy {
          try db.execute(
            sql: "UPDATE edge SET assertedBy = COALESCE(assertedBy, ?) WHERE id = ?", arguments: [by, id])
        }
      }
      written += 1
      for p in e.provenance {
        guard let docID = documentID[p.document] else { continue }
        evidence.setUncheckedArguments([
          id, docID, p.sentence, p.span.start, p.span.end, p.quote, p.rule, p.modality.rawValue, p.claimant,
        ])
        try evidence.execute()
      }
    }
    return written
  }

  /// An edge that names an entity outside the ids given to `keyOrder`.
  struct UnknownEntity: Error {
    /// The edge's position in the array.
    var edge: Int
  }

  /// Edge positions sorted by (source, type, target, modality) in the byte order of their UTF-8,
  /// as SQLite's BINARY collation compares them, or the first edge naming an id outside `ids`.
  /// The ids are ranked once and each key packed into one integer, so the sort compares
  /// integers rather than strings, and each edge's two ids are looked up once.
  ///
  /// - Complexity: O(*n* log *n* + *e* log *e*) for *n* ids and *e* edges.
  static func keyOrder(_ edges: [Edge], ids: Set<String>) -> Result<[Int], UnknownEntity> {
    // Each id's UTF-8 is copied out once, so the sort's comparisons are plain memcmp calls.
    var sorted = ids.map { (id: $0, bytes: Array($0.utf8)) }
    sorted.sort { utf8Precedes($0.bytes, $1.bytes) }
    var rank: [String: UInt64] = [:]
    rank.reserveCapacity(sorted.count)
    for (i, entry) in sorted.enumerated() { rank[entry.id] = UInt64(i) }
    func ranks<T: RawRepresentable & CaseIterable & Hashable>(_: T.Type) -> [T: UInt64] where T.RawValue == String {
      let order = T.allCases.sorted { utf8Precedes($0.rawValue, $1.rawValue) }
      return Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, UInt64($0)) })
    }
    let typeRank = ranks(RelationType.self)
    let modalityRank = ranks(Modality.self)
    func width(_ n: Int) -> Int { max(1, n).bitWidth - max(1, n).leadingZeroBitCount }
    let idBits = width(sorted.count)
    let typeBits = width(typeRank.count)
    let modalityBits = width(modalityRank.count)
    let positionBits = width(edges.count)
    let keyBits = 2 * idBits + typeBits + modalityBits
    precondition(keyBits <= 64, "too many entities to pack an edge key")
    // Key and position in one integer when both fit, so the sort compares plain integers;
    // otherwise pairs, with the position breaking ties so equal keys keep their given order.
    var packed: [UInt64] = []
    packed.reserveCapacity(edges.count)
    for (k, edge) in edges.enumerated() {
      let e = edge.key
      guard let source = rank[e.source], let target = rank[e.target] else { return .failure(UnknownEntity(edge: k)) }
      var key = source
      key = key << typeBits | typeRank[e.type]!
      key = key << idBits | target
      key = key << modalityBits | modalityRank[e.modality]!
      packed.append(key)
    }
    if keyBits + positionBits <= 64 {
      for k in packed.indices { packed[k] = packed[k] << positionBits | UInt64(k) }
      packed.sort()
      let mask = UInt64(1) << positionBits - 1
      return .success(packed.map { Int($0 & mask) })
    }
    var pairs = packed.enumerated().map { (key: $1, index: $0) }
    pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
    return .success(pairs.map(\.index))
  }

  /// Whether `a` sorts before `b` by the bytes of their UTF-8, as SQLite's BINARY collation
  /// orders text (Swift's `<` compares Unicode-normalised scalars instead).
  static func utf8Precedes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in bytesPrecede(x, y) } }
  }

  /// `utf8Precedes` for UTF-8 already copied out of its strings.
  static func utf8Precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in bytesPrecede(x, y) } }
  }

  private static func bytesPrecede(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    let common = min(x.count, y.count)
    let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
    return order != 0 ? order < 0 : x.count < y.count
  }

  /// The bulk path for a store without edges: ids are assigned here in key order, rows go in
  /// 64 at a time through multi-row `INSERT`s bound with SQLite's C API (`BulkInsert`), and the
  /// non-unique indexes of `edge` and `evidence` are dropped for the load and rebuilt from their
  /// own stored SQL at the end (a sort instead of a million random inserts). Their counting
  /// triggers (`*_counted_on_*`) are dropped and remade the same way, and the counters recounted once at the end
  /// (instead of three counter updates per edge row). Unique keys stay checked row by row;
  /// references were checked by `importGraph` before it switched foreign keys off.
  ///
  /// The row values are made on a second thread (`makeRows`), a chunk or two ahead of the one
  /// SQLite is writing here, so that turning edges into rows overlaps SQLite's own work.
  static func loadIntoEmpty(edges: [Edge], order: [Int], documentID: [String: Int64], db: Database) throws -> Int {
    let indexes = try Row.fetchAll(
      db,
      sql: """
        SELECT name, sql FROM sqlite_master
        WHERE type = 'index' AND tbl_name IN ('edge', 'evidence') AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
        """
    ).map { (name: $0[0] as String, sql: $0[1] as String) }
    for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
    let triggers = try Row.fetchAll(
      db,
      sql: """
        SELECT name, sql FROM sqlite_master
        WHERE type = 'trigger' AND tbl_name IN ('edge', 'evidence') AND name GLOB '*_counted_on_*'
        """
    ).map { (name: $0[0] as String, sql: $0[1] as String) }
    for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger.name.quotedDatabaseIdentifier)") }

    let edgeRows = try BulkInsert(
      db: db, into: "edge", columns: ["id", "source", "type", "target", "modality", "assertedBy"])
    let evidenceRows = try BulkInsert(
      db: db, verb: "INSERT OR IGNORE", into: "evidence",
      columns: ["edgeId", "documentId", "sentence", "start", "end", "quote", "rule", "modality", "claimant"])
    let handoff = Handoff<ImportChunk>(capacity: 2)
    let edgeBatch = edgeRows.makeBatch()
    let evidenceBatch = evidenceRows.makeBatch()
    Thread.detachNewThread {
      makeRows(
        edges: edges, order: order, documentID: documentID, edgeBatch: edgeBatch, evidenceBatch: evidenceBatch,
        into: handoff)
    }
    var written = 0
    do {
      while let chunk = handoff.take() {
        for batch in chunk.edges {
          try edgeRows.write(batch)
          written += batch.rows
        }
        for batch in chunk.evidence { try evidenceRows.write(batch) }
      }
    } catch {
      handoff.cancel()
      throw error
    }
    for index in indexes { try db.execute(sql: index.sql) }
    for trigger in triggers { try db.execute(sql: trigger.sql) }
    try recount(db)
    return written
  }

  /// Rows of `loadIntoEmpty` handed from the thread that makes them to the one that writes them.
  struct ImportChunk: Sendable {
    var edges: [RowBatch] = []
    var evidence: [RowBatch] = []
  }

  /// The edge and evidence rows of `loadIntoEmpty` in key order, handed over a few dozen batches
  /// at a time: one edge row per distinct key, its id counting up from 1, and one evidence row
  /// per statement whose document is known. Stops early when the writer cancels.
  ///
  /// - Parameters:
  ///   - edgeBatch, evidenceBatch: empty batches of the shape the writer's statements take; each
  ///     batch handed over is full except the last of each kind.
  static func makeRows(
    edges: [Edge], order: [Int], documentID: [String: Int64], edgeBatch empty: RowBatch,
    evidenceBatch emptyEvidence: RowBatch, into handoff: Handoff<ImportChunk>
  ) {
    let rowsPerBatch = empty.capacity
    let batchesPerChunk = 32
    var chunk = ImportChunk()
    var edgeBatch = empty
    var evidenceBatch = emptyEvidence
    var id: Int64 = 0
    var previous: EdgeKey?
    for k in order {
      let e = edges[k]
      if e.key != previous {
        id += 1
        previous = e.key
        edgeBatch.append { r in
          r.int(id)
          r.text(e.source)
          r.text(e.type.rawValue)
          r.text(e.target)
          r.text(e.modality.rawValue)
          r.text(e.assertedBy)
        }
        if edgeBatch.rows == rowsPerBatch {
          chunk.edges.append(edgeBatch)
          edgeBatch = empty
        }
      }
      for p in e.provenance {
        guard let docID = documentID[p.document] else { continue }
        evidenceBatch.append { r in
          r.int(id)
          r.int(docID)
          r.int(p.sentence)
          r.int(p.span.start)
          r.int(p.span.end)
          r.text(p.quote)
          r.text(p.rule)
          r.text(p.modality.rawValue)
          r.text(p.claimant)
        }
        if evidenceBatch.rows == emptyEvidence.capacity {
          chunk.evidence.append(evidenceBatch)
          evidenceBatch = emptyEvidence
        }
      }
      if chunk.edges.count + chunk.evidence.count >= batchesPerChunk {
        guard handoff.put(chunk) else { return }
        chunk = ImportChunk()
      }
    }
    if edgeBatch.rows > 0 { chunk.edges.append(edgeBatch) }
    if evidenceBatch.rows > 0 { chunk.evidence.append(evidenceBatch) }
    if !chunk.edges.isEmpty || !chunk.evidence.isEmpty { handoff.put(chunk) }
    handoff.finish()
  }

  /// Entities and their aliases, `rowsPerStatement` rows per statement: a new id is inserted,
  /// a stored one keeps its row and gains a `partOf` it lacked, as `upsert(entities:db:)` does
  /// one row at a time for a document's write.
  static func importEntities(_ entities: [Entity], db: Database) throws {
    var entityRows = try BulkInsert(
      db: db, into: "entity", columns: ["id", "name", "kind", "partOf"],
      onConflict: "ON CONFLICT(id) DO UPDATE SET partOf = COALESCE(entity.partOf, excluded.partOf)")
    var aliasRows = try BulkInsert(db: db, verb: "INSERT OR IGNORE", into: "alias", columns: ["entityId", "alias"])
    for e in entities {
      try entityRows.append { r in
        r.text(e.id)
        r.text(e.name)
        r.text(e.kind.rawValue)
        r.text(e.partOf)
      }
      for a in e.aliases {
        try aliasRows.append { r in
          r.text(e.id)
          r.text(a)
        }
      }
    }
    try entityRows.finish()
    try aliasRows.finish()
  }
}
