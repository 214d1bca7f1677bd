import GRDB
public import KGModel

/// What writing a document did.
public enum WriteOutcome: Equatable, Sendable {
  case added(edges: Int)
  case replaced(edges: Int)
  case unchanged
}

extension GraphStore {
  /// Whether a document at `path` with this content is already stored.
  public func isStored(path: String, contentHash: String) throws(StoreError) -> Bool {
    do {
      return try dbWriter.read { db in
        try String.fetchOne(db, sql: "SELECT contentHash FROM document WHERE path = ?", arguments: [path])
          == contentHash
      }
    } catch { throw Self.translate(error, path: self.path) }
  }

  /// Writes one document's extraction in one transaction.
  ///
  /// An unchanged document (same path and content) writes nothing; a changed one loses its old
  /// evidence, and edges left without evidence are removed.
  ///
  /// - Complexity: O(*e* + *m*) statements for *e* edges and *m* mentions of the document.
  /// - Throws: `StoreError.writeFailed` or `.busy`; the store is then as it was before.
  @discardableResult
  public func write(_ extraction: DocumentExtraction) throws(StoreError) -> WriteOutcome {
    let doc = extraction.document
    do {
      return try dbWriter.write { db in
        var replaced = false
        if let existing = try DocumentRecord.filter(DocumentRecord.Columns.path == doc.path).fetchOne(db) {
          if existing.contentHash == doc.contentHash { return .unchanged }
          try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [existing.id])
          replaced = true
        }
        var record = DocumentRecord(
          id: nil, path: doc.path, contentHash: doc.contentHash, title: doc.metadata.title,
          dateText: doc.metadata.dateText, date: doc.metadata.date, outlet: doc.metadata.outlet, text: doc.text.string,
          bodyStart: doc.body.start, bodyEnd: doc.body.end, sentenceCount: doc.sentences.count)
        try record.insert(db)
        let docId = record.id!
        try Self.upsert(entities: extraction.entities, db: db)
        let mention = try db.cachedStatement(
          sql: "INSERT OR IGNORE INTO mention (documentId, entityId, start, end, origin) VALUES (?, ?, ?, ?, ?)")
        for m in extraction.mentions {
          try mention.execute(arguments: [docId, m.entityID, m.span.start, m.span.end, m.origin.rawValue])
        }
        for edge in extraction.edges { try Self.insert(edge, documentId: docId, db: db) }
        if replaced { try Self.removeOrphanEdges(db) }
        return replaced ? .replaced(edges: extraction.edges.count) : .added(edges: extraction.edges.count)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  static func upsert(entities: [Entity], db: Database) throws {
    let entity = try db.cachedStatement(
      sql: """
        INSERT INTO entity (id, name, kind, partOf) VALUES (?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET partOf = COALESCE(entity.partOf, excluded.partOf)
        """)
    let alias = try db.cachedStatement(sql: "INSERT OR IGNORE INTO alias (entityId, alias) VALUES (?, ?)")
    for e in entities {
      try entity.execute(arguments: [e.id, e.name, e.kind.rawValue, e.partOf])
      for a in e.aliases { try alias.execute(arguments: [e.id, a]) }
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

}
