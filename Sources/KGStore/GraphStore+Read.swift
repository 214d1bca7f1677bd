import GRDB
public import KGModel

extension GraphStore {
  /// Loads the whole graph: documents (without text), entities with aliases, and edges with
  /// their provenance.
  ///
  /// - Complexity: O(*d* + *n* + *a* + *e* + *v*) rows read in one snapshot.
  public func loadGraph() throws(StoreError) -> KnowledgeGraph {
    do {
      return try dbWriter.read { db in
        let docs = try Row.fetchAll(
          db,
          sql: "SELECT id, path, contentHash, title, dateText, date, outlet, sentenceCount FROM document ORDER BY id")
        var pathOf: [Int64: String] = [:]
        let documents = docs.map { row -> DocumentInfo in
          let id: Int64 = row["id"]
          pathOf[id] = row["path"]
          return DocumentInfo(
            id: id, path: row["path"], contentHash: row["contentHash"],
            metadata: ArticleMetadata(
              title: row["title"], dateText: row["dateText"], date: row["date"], outlet: row["outlet"]),
            sentenceCount: row["sentenceCount"])
        }
        var aliases: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT entityId, alias FROM alias ORDER BY rowid") {
          aliases[row["entityId"], default: []].append(row["alias"])
        }
        let entities = try EntityRecord.order(Column("id")).fetchAll(db).map { r in
          Entity(
            id: r.id, name: r.name, kind: EntityKind(rawValue: r.kind) ?? .organization, aliases: aliases[r.id] ?? [],
            partOf: r.partOf)
        }
        var provenance: [Int64: [Provenance]] = [:]
        for e in try EvidenceRecord.order(Column("id")).fetchAll(db) {
          provenance[e.edgeId, default: []].append(
            Provenance(
              document: pathOf[e.documentId] ?? "?", sentence: e.sentence, span: TextSpan(start: e.start, end: e.end),
              quote: e.quote, rule: e.rule, modality: Modality(rawValue: e.modality) ?? .asserted, claimant: e.claimant)
          )
        }
        let edges = try EdgeRecord.order(Column("id")).fetchAll(db).compactMap { r -> Edge? in
          guard let type = RelationType(rawValue: r.type), let modality = Modality(rawValue: r.modality) else {
            return nil
          }
          return Edge(
            id: r.id ?? 0, key: EdgeKey(source: r.source, type: type, target: r.target, modality: modality),
            assertedBy: r.assertedBy, provenance: provenance[r.id ?? 0] ?? [])
        }
        return KnowledgeGraph(documents: documents, entities: entities, edges: edges)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// The stored text of a document, for showing a quote in its context.
  public func text(ofDocument path: String) throws(StoreError) -> String? {
    do {
      return try dbWriter.read { db in
        try String.fetchOne(db, sql: "SELECT text FROM document WHERE path = ?", arguments: [path])
      }
    } catch { throw Self.translate(error, path: self.path) }
  }

  /// Counts of what the store holds.
  public func counts() throws(StoreError) -> (documents: Int, entities: Int, edges: Int, evidence: Int) {
    do {
      return try dbWriter.read { db in
        (
          try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
          try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity") ?? 0,
          try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM edge") ?? 0,
          try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evidence") ?? 0
        )
      }
    } catch { throw Self.translate(error, path: path) }
  }

  /// Checks the store's invariants: every evidence row's span lies in its document's text and its
  /// quote is the text at that span, and the counters agree with a recount (`counterProblems()`).
  ///
  /// - Complexity: O(*t* + *v* + *e*) for *t* code points of stored text, *v* evidence rows and
  ///   *e* edges; each
  ///   document's text is loaded once (not once per evidence row, which took tens of GB on a
  ///   5 MB single-line article).
  package func _checkInvariants() throws -> [String] {
    try dbWriter.read { db in
      var problems: [String] = []
      let documents = try Int64.fetchAll(db, sql: "SELECT DISTINCT documentId FROM evidence ORDER BY documentId")
      for documentId in documents {
        guard let text = try String.fetchOne(db, sql: "SELECT text FROM document WHERE id = ?", arguments: [documentId])
        else {
          problems.append("document \(documentId): evidence without its document")
          continue
        }
        let scalars = Array(text.unicodeScalars)
        let rows = try Row.fetchCursor(
          db, sql: "SELECT id, start, end, quote FROM evidence WHERE documentId = ? ORDER BY id",
          arguments: [documentId])
        while let row = try rows.next() {
          let id: Int64 = row["id"]
          let start: Int = row["start"]
          let end: Int = row["end"]
          guard start >= 0, end <= scalars.count, start <= end else {
            problems.append("evidence \(id): span out of range")
            continue
          }
          if String(String.UnicodeScalarView(scalars[start..<end])) != row["quote"] as String {
            problems.append("evidence \(id): quote differs from text")
          }
        }
      }
      return problems + (try Self.counterProblems(db))
    }
  }
}
