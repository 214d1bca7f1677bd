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
    // Counts kept by triggers, so that `kg stats` and `kg entities` read a few hundred rows
    // instead of scanning a million edges: `counter` holds documents, statements (evidence),
    // entities by kind and edges by type and modality; `entityDegree` each entity's outgoing
    // and incoming edges. Filled from the rows an older kg stored. A count that falls to zero
    // keeps its row. `GraphStore.counterProblems()` compares both with a recount (`kg check`).
    migrator.registerMigration("v3") { db in
      try db.execute(
        sql: """
          CREATE TABLE counter (
            subject TEXT NOT NULL,
            type TEXT NOT NULL DEFAULT '',
            modality TEXT NOT NULL DEFAULT '',
            count INTEGER NOT NULL,
            PRIMARY KEY (subject, type, modality)
          ) WITHOUT ROWID;
          CREATE TABLE entityDegree (
            entityId TEXT NOT NULL PRIMARY KEY,
            outgoing INTEGER NOT NULL,
            incoming INTEGER NOT NULL
          ) WITHOUT ROWID;

          CREATE TRIGGER document_counted_on_insert AFTER INSERT ON document BEGIN
            INSERT INTO counter (subject, count) VALUES ('document', 1)
            ON CONFLICT (subject, type, modality) DO UPDATE SET count = count + 1;
          END;
          CREATE TRIGGER document_counted_on_delete AFTER DELETE ON document BEGIN
            UPDATE counter SET count = count - 1 WHERE subject = 'document' AND type = '' AND modality = '';
          END;

          CREATE TRIGGER evidence_counted_on_insert AFTER INSERT ON evidence BEGIN
            INSERT INTO counter (subject, count) VALUES ('evidence', 1)
            ON CONFLICT (subject, type, modality) DO UPDATE SET count = count + 1;
          END;
          CREATE TRIGGER evidence_counted_on_delete AFTER DELETE ON evidence BEGIN
            UPDATE counter SET count = count - 1 WHERE subject = 'evidence' AND type = '' AND modality = '';
          END;

          CREATE TRIGGER entity_counted_on_insert AFTER INSERT ON entity BEGIN
            INSERT INTO counter (subject, type, count) VALUES ('entity', new.kind, 1)
            ON CONFLICT (subject, type, modality) DO UPDATE SET count = count + 1;
          END;
          CREATE TRIGGER entity_counted_on_delete AFTER DELETE ON entity BEGIN
            UPDATE counter SET count = count - 1 WHERE subject = 'entity' AND type = old.kind AND modality = '';
            DELETE FROM entityDegree WHERE entityId = old.id;
          END;
          CREATE TRIGGER entity_counted_on_update AFTER UPDATE OF kind ON entity
          WHEN old.kind IS NOT new.kind BEGIN
            UPDATE counter SET count = count - 1 WHERE subject = 'entity' AND type = old.kind AND modality = '';
            INSERT INTO counter (subject, type, count) VALUES ('entity', new.kind, 1)
            ON CONFLICT (subject, type, modality) DO UPDATE SET count = count + 1;
          END;

          CREATE TRIGGER edge_counted_on_insert AFTER INSERT ON edge BEGIN
            INSERT INTO counter (subject, type, modality, count) VALUES ('edge', new.type, new.modality, 1)
            ON CONFLICT (subject, type, modality) DO UPDATE SET count = count + 1;
            INSERT INTO entityDegree (entityId, outgoing, incoming) VALUES (new.source, 1, 0)
            ON CONFLICT (entityId) DO UPDATE SET outgoing = outgoing + 1;
            INSERT INTO entityDegree (entityId, outgoing, incoming) VALUES (new.target, 0, 1)
            ON CONFLICT (entityId) DO UPDATE SET incoming = incoming + 1;
          END;
          CREATE TRIGGER edge_counted_on_delete AFTER DELETE ON edge BEGIN
            UPDATE counter SET count = count - 1 WHERE subject = 'edge' AND type = old.type AND modality = old.modality;
            UPDATE entityDegree SET outgoing = outgoing - 1 WHERE entityId = old.source;
            UPDATE entityDegree SET incoming = incoming - 1 WHERE entityId = old.target;
          END;
          CREATE TRIGGER edge_counted_on_update AFTER UPDATE OF source, type, target, modality ON edge
          WHEN old.source IS NOT new.source OR old.type IS NOT new.type OR old.target IS NOT new.target
            OR old.modality IS NOT new.modality BEGIN
            UPDATE counter SET count = count - 1 WHERE subject = 'edge' AND type = old.type AND modality = old.modality;
            UPDATE entityDegree SET outgoing = outgoing - 1 WHERE entityId = old.source;
            UPDATE entityDegree SET incoming = incoming - 1 WHERE entityId = old.target;
            INSERT INTO counter (subject, type, modality, count) VALUES ('edge', new.type, new.modality, 1)
            ON CONFLICT (subject, type, modality) DO UPDATE SET count = count + 1;
            INSERT INTO entityDegree (entityId, outgoing, incoming) VALUES (new.source, 1, 0)
            ON CONFLICT (entityId) DO UPDATE SET outgoing = outgoing + 1;
            INSERT INTO entityDegree (entityId, outgoing, incoming) VALUES (new.target, 0, 1)
            ON CONFLICT (entityId) DO UPDATE SET incoming = incoming + 1;
          END;

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
    // Mentions keyed by (document, start, end, entity) in the table itself, WITHOUT ROWID: the
    // rowid table kept its four key columns twice (in the table and in the unique index), and a
    // build writes every page through the log and into the database, so twice over. The origin is
    // a small code (`MentionOrigin.storeCode`: 0 dictionary, 1 adjective, 2 pattern, 3 reference)
    // instead of its name. (The store of 400 copies of the samples: 40.1 MB → 34.3 MB.)
    migrator.registerMigration("v4") { db in
      try db.execute(
        sql: """
          CREATE TABLE mention_v4 (
            documentId INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            entityId TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            origin INTEGER NOT NULL,
            PRIMARY KEY (documentId, start, "end", entityId)
          ) WITHOUT ROWID;
          INSERT INTO mention_v4 (documentId, entityId, start, "end", origin)
            SELECT documentId, entityId, start, "end",
              CASE origin WHEN 'adjective' THEN 1 WHEN 'pattern' THEN 2 WHEN 'reference' THEN 3 ELSE 0 END
            FROM mention;
          DROP TABLE mention;
          ALTER TABLE mention_v4 RENAME TO mention;
          CREATE INDEX mention_on_entity ON mention(entityId);
          """)
    }
    return migrator
  }

  static let known = ["v1", "v2", "v3", "v4"]
}
