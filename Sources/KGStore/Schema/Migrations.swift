import GRDB

/// The store's schema. A migration is never edited once merged; add a new one instead.
enum Migrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: "document") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("path", .text).notNull().unique()
        t.column("contentHash", .text).notNull()
        t.column("title", .text)
        t.column("dateText", .text)
        t.column("date", .text)
        t.column("outlet", .text)
        t.column("text", .text).notNull()
        t.column("bodyStart", .integer).notNull()
        t.column("bodyEnd", .integer).notNull()
        t.column("sentenceCount", .integer).notNull()
      }
      try db.create(table: "entity") { t in
        t.primaryKey("id", .text)
        t.column("name", .text).notNull()
        t.column("kind", .text).notNull()
        t.column("partOf", .text)
      }
      try db.create(table: "alias") { t in
        t.column("entityId", .text).notNull().references("entity", onDelete: .cascade)
        t.column("alias", .text).notNull()
        t.uniqueKey(["entityId", "alias"])
      }
      try db.create(index: "alias_on_alias", on: "alias", columns: ["alias"])
      try db.create(table: "mention") { t in
        t.column("documentId", .integer).notNull().references("document", onDelete: .cascade)
        t.column("entityId", .text).notNull().references("entity", onDelete: .cascade)
        t.column("start", .integer).notNull()
        t.column("end", .integer).notNull()
        t.column("origin", .text).notNull()
        t.uniqueKey(["documentId", "start", "end", "entityId"])
      }
      try db.create(index: "mention_on_entity", on: "mention", columns: ["entityId"])
      try db.create(table: "edge") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("source", .text).notNull().references("entity", onDelete: .cascade)
        t.column("type", .text).notNull()
        t.column("target", .text).notNull().references("entity", onDelete: .cascade)
        t.column("modality", .text).notNull()
        t.column("assertedBy", .text)
        t.uniqueKey(["source", "type", "target", "modality"])
      }
      try db.create(index: "edge_on_target", on: "edge", columns: ["target"])
      try db.create(table: "evidence") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("edgeId", .integer).notNull().references("edge", onDelete: .cascade)
        t.column("documentId", .integer).notNull().references("document", onDelete: .cascade)
        t.column("sentence", .integer).notNull()
        t.column("start", .integer).notNull()
        t.column("end", .integer).notNull()
        t.column("quote", .text).notNull()
        t.column("rule", .text).notNull()
        t.column("modality", .text).notNull()
        t.column("claimant", .text)
        t.uniqueKey(["edgeId", "documentId", "sentence", "rule"])
      }
      try db.create(index: "evidence_on_document", on: "evidence", columns: ["documentId"])
    }
    // A document is its text: one row per content hash, with every path it was read from in
    // `documentPath`, and the dictionaries and extractor that made its rows in `extractedWith`.
    // Documents that v1 stored twice under two paths become one. (Migrations run with foreign
    // keys off, so the duplicates' rows are deleted by hand.)
    migrator.registerMigration("v2") { db in
      try db.create(table: "documentPath") { t in
        t.column("documentId", .integer).notNull().references("document", onDelete: .cascade)
        t.column("path", .text).notNull().unique()
      }
      try db.create(index: "documentPath_on_documentId", on: "documentPath", columns: ["documentId"])
      try db.execute(
        sql: """
          INSERT INTO documentPath (documentId, path)
          SELECT k.keep, d.path FROM document d
          JOIN (SELECT contentHash, min(id) AS keep FROM document GROUP BY contentHash) k ON k.contentHash = d.contentHash;
          CREATE TEMP TABLE duplicate AS
            SELECT id FROM document WHERE id NOT IN (SELECT min(id) FROM document GROUP BY contentHash);
          DELETE FROM evidence WHERE documentId IN (SELECT id FROM duplicate);
          DELETE FROM mention WHERE documentId IN (SELECT id FROM duplicate);
          DELETE FROM document WHERE id IN (SELECT id FROM duplicate);
          DROP TABLE duplicate;
          DELETE FROM edge WHERE NOT EXISTS (SELECT 1 FROM evidence WHERE evidence.edgeId = edge.id);
          """)
      try db.create(index: "document_on_contentHash", on: "document", columns: ["contentHash"], unique: true)
      try db.alter(table: "document") { t in t.add(column: "extractedWith", .text) }
    }
    return migrator
  }

  static let known = ["v1", "v2"]
}
