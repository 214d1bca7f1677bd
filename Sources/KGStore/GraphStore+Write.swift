import GRDB
public import KGModel

/// What writing a document did.
public enum WriteOutcome: Equatable, Sendable {
  case added(edges: Int)
  case replaced(edges: Int)
  case unchanged
}

extension GraphStore {
  /// Whether `path` names a stored document with this content.
  public func isStored(path: String, contentHash: String) throws(StoreError) -> Bool {
    do {
      return try dbWriter.read { db in
        try String.fetchOne(
          db,
          sql: "SELECT d.contentHash FROM documentPath p JOIN document d ON d.id = p.documentId WHERE p.path = ?",
          arguments: [path]) == contentHash
      }
    } catch { throw Self.translate(error, path: self.path) }
  }

  /// Whether this text is stored, made by the same dictionaries and extractor (`extractedWith`),
  /// whatever path named it: a read only, to skip extracting it again.
  ///
  /// - Complexity: one index probe.
  public func isStored(_ document: Document, extractedWith: String) throws(StoreError) -> Bool {
    do {
      return try dbWriter.read { db in
        guard
          let row = try Row.fetchOne(
            db, sql: "SELECT extractedWith, text FROM document WHERE contentHash = ?",
            arguments: [document.contentHash])
        else { return false }
        return (row["extractedWith"] as String?) == extractedWith && (row["text"] as String) == document.text.string
      }
    } catch { throw Self.translate(error, path: self.path) }
  }

  /// Whether this text is already stored, made by the same dictionaries and extractor
  /// (`extractedWith`); if so, `path` is recorded as one more name of it (taken from the document
  /// it named before, which is removed when it has no name left).
  ///
  /// A document is its text: the same article read as `seeds/a.txt`, `./seeds/a.txt` and
  /// `/abs/seeds/a.txt` is one document with three paths.
  ///
  /// - Complexity: O(1) statements.
  /// - Throws: `StoreError.writeFailed`, `.ioFailed` or `.busy`.
  public func adoptIfStored(_ document: Document, extractedWith: String) throws(StoreError) -> Bool {
    do {
      // Read first: most documents are new, and a read does not wait for another build's writes.
      let (stored, holder) = try dbWriter.read { db in
        (
          try Row.fetchOne(
            db, sql: "SELECT id, extractedWith, text FROM document WHERE contentHash = ?",
            arguments: [document.contentHash]),
          try Int64.fetchOne(db, sql: "SELECT documentId FROM documentPath WHERE path = ?", arguments: [document.path])
        )
      }
      guard let stored, (stored["extractedWith"] as String?) == extractedWith,
        (stored["text"] as String) == document.text.string
      else { return false }
      if holder == stored["id"] { return true }
      return try dbWriter.write { db in try Self.adopt(document, extractedWith: extractedWith, db: db) }
    } catch { throw Self.translate(error, path: self.path) }
  }

  /// `adoptIfStored` inside a transaction.
  static func adopt(_ document: Document, extractedWith: String, db: Database) throws -> Bool {
    let path = document.path
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT id, extractedWith, text FROM document WHERE contentHash = ?",
        arguments: [document.contentHash]),
      (row["extractedWith"] as String?) == extractedWith, (row["text"] as String) == document.text.string
    else { return false }
    let id: Int64 = row["id"]
    let holder = try Int64.fetchOne(db, sql: "SELECT documentId FROM documentPath WHERE path = ?", arguments: [path])
    if holder == id { return true }
    try Self.detach(path: path, db: db)
    try db.execute(sql: "INSERT INTO documentPath (documentId, path) VALUES (?, ?)", arguments: [id, path])
    try Self.pruneEntities(db)
    return true
  }

  /// Writes one document's extraction in one transaction.
  ///
  /// The document is found by its text (`contentHash`). The same text made by the same
  /// `extractedWith` writes nothing (the path is recorded); otherwise its old rows are replaced.
  /// When `path` named other text before, that text loses the name and, with no name left, is
  /// removed. Edges left without evidence and entities no document mentions are removed, and
  /// each entity's name, kind and `partOf` are those of its latest extraction.
  ///
  /// - Parameters:
  ///   - extractedWith: the extractor's version and dictionaries' hashes that made `extraction`.
  ///   - force: replace the rows even when they were made the same way (`kg build --reextract`).
  /// - Complexity: O(*e* + *m*) statements for *e* edges and *m* mentions of the document.
  /// - Throws: `StoreError.writeFailed`, `.ioFailed` or `.busy`; the store is then as it was before.
  @discardableResult
  public func write(_ extraction: DocumentExtraction, extractedWith: String = "", force: Bool = false)
    throws(StoreError) -> WriteOutcome
  {
    do {
      return try dbWriter.write { db in
        try Self.write(extraction, extractedWith: extractedWith, force: force, db: db)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// `write(_:extractedWith:force:)` inside a transaction.
  static func write(
    _ extraction: DocumentExtraction, extractedWith: String, force: Bool, db: Database, rows: DocumentRows? = nil
  ) throws -> WriteOutcome {
    let doc = extraction.document
    var replaced = false
    var paths = [doc.path]
    var primary = doc.path
    if let existing = try DocumentRecord.filter(DocumentRecord.Columns.contentHash == doc.contentHash).fetchOne(db) {
      guard existing.text == doc.text.string else {
        throw StoreError.writeFailed(
          path: doc.path, reason: "its content fingerprint \(doc.contentHash) is that of another stored text")
      }
      let attached = try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM documentPath WHERE path = ? AND documentId = ?)",
        arguments: [doc.path, existing.id])!
      if existing.extractedWith == extractedWith && !force && attached { return .unchanged }
      let old = try String.fetchAll(
        db, sql: "SELECT path FROM documentPath WHERE documentId = ? ORDER BY rowid", arguments: [existing.id])
      paths = old + (old.contains(doc.path) ? [] : [doc.path])
      primary = existing.path
      try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [existing.id])
      replaced = true
    }
    if try Self.detach(path: doc.path, db: db) { replaced = true }
    var record = DocumentRecord(
      id: nil, path: primary, contentHash: doc.contentHash, title: doc.metadata.title,
      dateText: doc.metadata.dateText, date: doc.metadata.date, outlet: doc.metadata.outlet, text: doc.text.string,
      bodyStart: doc.body.start, bodyEnd: doc.body.end, sentenceCount: doc.sentences.count,
      extractedWith: extractedWith)
    try record.insert(db)
    let docId = record.id!
    let pathRow = try db.cachedStatement(sql: "INSERT INTO documentPath (documentId, path) VALUES (?, ?)")
    for p in paths { try pathRow.execute(arguments: [docId, p]) }
    // Only the entities the document names: the store keeps no entity that nothing names.
    var named = Set(extraction.mentions.map(\.entityID))
    for edge in extraction.edges {
      named.insert(edge.source)
      named.insert(edge.target)
    }
    try Self.upsert(entities: extraction.entities.filter { named.contains($0.id) }, db: db, memo: rows?.entities)
    if let rows {
      // Rows bound in bulk through the C API, 64 to a statement.
      for m in extraction.mentions {
        try rows.mentions.append {
          $0.int(docId)
          $0.text(m.entityID)
          $0.int(m.span.start)
          $0.int(m.span.end)
          $0.int(m.origin.storeCode)
        }
      }
      try rows.mentions.finish()
      for edge in extraction.edges { try Self.insert(edge, documentId: docId, db: db, evidence: &rows.evidence) }
      try rows.evidence.finish()
    } else {
      let mention = try db.cachedStatement(
        sql: "INSERT OR IGNORE INTO mention (documentId, entityId, start, end, origin) VALUES (?, ?, ?, ?, ?)")
      for m in extraction.mentions {
        try mention.execute(arguments: [docId, m.entityID, m.span.start, m.span.end, m.origin.storeCode])
      }
      for edge in extraction.edges { try Self.insert(edge, documentId: docId, db: db) }
    }
    if replaced {
      try Self.removeOrphanEdges(db)
      try Self.pruneEntities(db)
      rows?.entities.forget()
    }
    return replaced ? .replaced(edges: extraction.edges.count) : .added(edges: extraction.edges.count)
  }

  /// Takes `path` away from the document it names, if any; a document left with no path is
  /// removed (its rows go with it), and one whose main path it was takes another of its paths.
  ///
  /// - Returns: true when a document lost the path.
  @discardableResult
  static func detach(path: String, db: Database) throws -> Bool {
    guard
      let holder = try Int64.fetchOne(db, sql: "SELECT documentId FROM documentPath WHERE path = ?", arguments: [path])
    else { return false }
    try db.execute(sql: "DELETE FROM documentPath WHERE path = ?", arguments: [path])
    if let other = try String.fetchOne(
      db, sql: "SELECT path FROM documentPath WHERE documentId = ? ORDER BY rowid LIMIT 1", arguments: [holder])
    {
      try db.execute(
        sql: "UPDATE document SET path = ? WHERE id = ? AND path = ?", arguments: [other, holder, path])
    } else {
      try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [holder])
      try removeOrphanEdges(db)
    }
    return true
  }

  static func upsert(entities: [Entity], db: Database, memo: EntityMemo? = nil) throws {
    let entity = try db.cachedStatement(
      sql: """
        INSERT INTO entity (id, name, kind, partOf) VALUES (?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, partOf = excluded.partOf
        """)
    let alias = try db.cachedStatement(sql: "INSERT OR IGNORE INTO alias (entityId, alias) VALUES (?, ?)")
    for e in entities {
      guard let memo else {
        try entity.execute(arguments: [e.id, e.name, e.kind.rawValue, e.partOf])
        for a in e.aliases { try alias.execute(arguments: [e.id, a]) }
        continue
      }
      // An entity row written as it is now, earlier in this build, needs no second write, and
      // only the aliases not written yet go in (a document adds the surface forms it saw).
      var known = memo.written[e.id]
      if known?.name != e.name || known?.kind != e.kind || known?.partOf != e.partOf {
        try entity.execute(arguments: [e.id, e.name, e.kind.rawValue, e.partOf])
        known = EntityMemo.Row(name: e.name, kind: e.kind, partOf: e.partOf, aliases: known?.aliases ?? [])
      }
      for a in e.aliases where known!.aliases.insert(a).inserted { try alias.execute(arguments: [e.id, a]) }
      memo.written[e.id] = known
    }
  }

  /// `insert(_:documentId:db:)` with the evidence rows added to `evidence` (written in bulk).
  static func insert(_ edge: Edge, documentId: Int64, db: Database, evidence: inout BulkInsert) throws {
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO edge (source, type, target, modality, assertedBy) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(source, type, target, modality) DO UPDATE SET assertedBy = COALESCE(edge.assertedBy, excluded.assertedBy)
        RETURNING id
        """)
    let id = try Int64.fetchOne(
      upsert, arguments: [edge.source, edge.type.rawValue, edge.target, edge.modality.rawValue, edge.assertedBy])!
    for p in edge.provenance {
      try evidence.append {
        $0.int(id)
        $0.int(documentId)
        $0.int(p.sentence)
        $0.int(p.span.start)
        $0.int(p.span.end)
        $0.text(p.quote)
        $0.text(p.rule)
        $0.text(p.modality.rawValue)
        $0.text(p.claimant)
      }
    }
  }

  static func insert(_ edge: Edge, documentId: Int64, db: Database) throws {
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO edge (source, type, target, modality, assertedBy) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(source, type, target, modality) DO UPDATE SET assertedBy = COALESCE(edge.assertedBy, excluded.assertedBy)
        RETURNING id
        """)
    let id = try Int64.fetchOne(
      upsert, arguments: [edge.source, edge.type.rawValue, edge.target, edge.modality.rawValue, edge.assertedBy])!
    let evidence = try db.cachedStatement(
      sql: """
        INSERT OR IGNORE INTO evidence (edgeId, documentId, sentence, start, end, quote, rule, modality, claimant)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for p in edge.provenance {
      try evidence.execute(arguments: [
        id, documentId, p.sentence, p.span.start, p.span.end, p.quote, p.rule, p.modality.rawValue, p.claimant,
      ])
    }
  }

  static func removeOrphanEdges(_ db: Database) throws {
    try db.execute(sql: "DELETE FROM edge WHERE NOT EXISTS (SELECT 1 FROM evidence WHERE evidence.edgeId = edge.id)")
  }

  /// Removes the entities that no document mentions and no edge names: what
  /// the store holds now decides which entities exist. Their aliases go with them.
  ///
  /// - Complexity: O(*entities*) index probes.
  static func pruneEntities(_ db: Database) throws {
    try db.execute(
      sql: """
        DELETE FROM entity WHERE NOT EXISTS (SELECT 1 FROM mention WHERE mention.entityId = entity.id)
          AND NOT EXISTS (SELECT 1 FROM edge WHERE edge.source = entity.id)
          AND NOT EXISTS (SELECT 1 FROM edge WHERE edge.target = entity.id)
        """)
  }
}

/// The entities a build has written, as written: a document naming an entity the same way
/// again writes no entity or alias row (they were 20% of a build's instructions when every
/// document re-upserted every entity it names). Forgotten whenever entities may have been
/// removed (a replaced document, another process's commit, a rolled-back document).
public final class EntityMemo {
  /// An entity row and the aliases written for it.
  struct Row {
    var name: String
    var kind: EntityKind
    var partOf: String?
    var aliases: Set<String>
  }
  var written: [String: Row] = [:]
  /// `PRAGMA data_version` when the memo was last checked: it changes when another connection
  /// commits.
  var dataVersion: Int64?

  public init() {}

  func forget() { written.removeAll(keepingCapacity: true) }
}

/// The statements of one batch that take a document's rows in bulk, and its entity memo.
final class DocumentRows {
  var mentions: BulkInsert
  var evidence: BulkInsert
  let entities: EntityMemo

  init(db: Database, entities: EntityMemo) throws {
    mentions = try BulkInsert(
      db: db, verb: "INSERT OR IGNORE", into: "mention", columns: ["documentId", "entityId", "start", "end", "origin"])
    evidence = try BulkInsert(
      db: db, verb: "INSERT OR IGNORE", into: "evidence",
      columns: ["edgeId", "documentId", "sentence", "start", "end", "quote", "rule", "modality", "claimant"])
    self.entities = entities
  }
}
