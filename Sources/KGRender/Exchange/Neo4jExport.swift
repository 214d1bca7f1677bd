public import KGModel

/// A graph as a folder of CSV files for `neo4j-admin database import full`, plus `load.cypher`,
/// which loads the same files with `LOAD CSV` into a running database.
///
/// The model:
/// - `(:Entity:<Kind> {id, name, type, aliases, part_of})`, from `entities.csv`; `<Kind>` is the
///   entity type in PascalCase (`ArmedGroup`), and `part_of` is also a `PART_OF` relationship
///   (`part_of.csv`).
/// - `(:Document {path, title, date, outlet})`, from `documents.csv`, keyed by path.
/// - One relationship per edge, typed in upper case (`ATTACK`, `KILL`, …), from
///   `relations.csv`, with `id` (`r12`, what `kg edge` takes), `modality`, `claimant`,
///   `documents` and `statements` (its evidence count), `first_date`, `last_date`, and the
///   strongest statement's `quote`, `quote_document`, `quote_sentence`, `rule`.
/// - One `(:Evidence {id, edge_id, relation, document, sentence, start, end, quote, rule,
///   modality, claimant})` per statement, from `evidence.csv`. Neo4j relationships cannot point
///   at relationships, so a statement is tied to its edge in two ways: `edge_id` equals the
///   relationship's `id`, and `evidence_links.csv` links the statement
///   `(:Evidence)-[:SOURCE]->(:Entity)` and `(:Evidence)-[:TARGET]->(:Entity)` to the edge's two
///   ends; `evidence_documents.csv` links it `-[:IN]->(:Document)`.
///
/// CSV follows RFC 4180: every text field is quoted, with `"` doubled; a missing value is an
/// empty unquoted field, which both importers read as no property. Fields may hold line breaks
/// inside quotes (`neo4j-admin … --multiline-fields=true`). Arrays (`aliases:string[]`) use
/// `neo4j-admin`'s default delimiter `;`.
public struct Neo4jExport: Sendable {
  /// The files written, in the order `neo4j-admin` takes them.
  public static let fileNames = [
    "entities.csv", "documents.csv", "evidence.csv", "relations.csv", "part_of.csv", "evidence_links.csv",
    "evidence_documents.csv", "load.cypher", "import.sh",
  ]

  public init() {}

  /// The files of the export, by name.
  public func write(_ graph: KnowledgeGraph) -> [String: String] {
    let dates = EdgeFacts.dates(of: graph)
    let ids = Set(graph.entities.map(\.id))
    var files: [String: String] = [:]

    var entities = [["id:ID(Entity)", "name", "type", "aliases:string[]", "part_of", ":LABEL"]]
    var partOf = [[":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]]
    for e in graph.entities {
      entities.append([
        q(e.id), q(e.name), q(e.kind.rawValue), q(e.aliases.joined(separator: ";")), e.partOf.map(q) ?? "",
        "Entity;" + Self.label(e.kind),
      ])
      if let parent = e.partOf, ids.contains(parent) { partOf.append([q(e.id), q(parent), "PART_OF"]) }
    }
    files["entities.csv"] = csv(entities)
    files["part_of.csv"] = csv(partOf)

    var documents = [["path:ID(Document)", "title", "date", "outlet", ":LABEL"]]
    for d in graph.documents {
      documents.append([
        q(d.path), d.metadata.title.map(q) ?? "", d.metadata.date.map(q) ?? "", d.metadata.outlet.map(q) ?? "",
        "Document",
      ])
    }
    files["documents.csv"] = csv(documents)

    var relations = [
      [
        ":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "id", "modality", "claimant", "documents:int",
        "statements:int", "first_date", "last_date", "quote", "quote_document", "quote_sentence:int", "rule",
      ]
    ]
    var evidence = [
      [
        "id:ID(Evidence)", "edge_id", "relation", "document", "sentence:int", "start:int", "end:int", "quote", "rule",
        "modality", "claimant", ":LABEL",
      ]
    ]
    var links = [[":START_ID(Evidence)", ":END_ID(Entity)", ":TYPE"]]
    var inDocument = [[":START_ID(Evidence)", ":END_ID(Document)", ":TYPE"]]
    let documentPaths = Set(graph.documents.map(\.path))
    for edge in graph.edges {
      let facts = EdgeFacts(edge, dates: dates)
      let s = facts.strongest
      relations.append([
        q(edge.source), q(edge.target), edge.type.rawValue.uppercased(), q("r\(edge.id)"), q(edge.modality.rawValue),
        edge.assertedBy.map(q) ?? "", String(facts.documents), String(facts.statements), facts.firstDate.map(q) ?? "",
        facts.lastDate.map(q) ?? "", s.map { q($0.quote) } ?? "", s.map { q($0.document) } ?? "",
        s.map { String($0.sentence) } ?? "", s.map { q($0.rule) } ?? "",
      ])
      for (n, p) in edge.provenance.enumerated() {
        let id = q("r\(edge.id).\(n + 1)")
        evidence.append([
          id, q("r\(edge.id)"), q(edge.type.rawValue), q(p.document), String(p.sentence), String(p.span.start),
          String(p.span.end), q(p.quote), q(p.rule), q(p.modality.rawValue), p.claimant.map(q) ?? "", "Evidence",
        ])
        links.append([id, q(edge.source), "SOURCE"])
        links.append([id, q(edge.target), "TARGET"])
        if documentPaths.contains(p.document) { inDocument.append([id, q(p.document), "IN"]) }
      }
    }
    files["relations.csv"] = csv(relations)
    files["evidence.csv"] = csv(evidence)
    files["evidence_links.csv"] = csv(links)
    files["evidence_documents.csv"] = csv(inDocument)
    files["load.cypher"] = Self.loadScript(
      types: RelationType.allCases.filter { t in graph.edges.contains { $0.type == t } })
    files["import.sh"] = Self.importScript
    return files
  }

  /// `kind` as a Neo4j label: `armed_group` → `ArmedGroup`.
  public static func label(_ kind: EntityKind) -> String {
    kind.rawValue.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// `text` as a quoted CSV field (RFC 4180).
  public static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private func q(_ text: String) -> String { Self.quoted(text) }

  private func csv(_ rows: [[String]]) -> String {
    rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  // MARK: - Scripts

  static let importScript = """
    #!/bin/sh
    # Imports this folder into an empty database with neo4j-admin (Neo4j 5):
    #   sh import.sh [database]     (stop the database first; default: neo4j)
    cd "$(dirname "$0")" || exit 1
    exec neo4j-admin database import full "${1:-neo4j}" --overwrite-destination \\
      --multiline-fields=true --array-delimiter=';' \\
      --nodes=entities.csv --nodes=documents.csv --nodes=evidence.csv \\
      --relationships=relations.csv --relationships=part_of.csv \\
      --relationships=evidence_links.csv --relationships=evidence_documents.csv

    """

  /// The `LOAD CSV` script: constraints, then nodes, then one statement per relation type
  /// (Cypher cannot take a relationship type from data without APOC).
  static func loadScript(types: [RelationType]) -> String {
    var out = """
      // Loads the CSV files of this folder into a running Neo4j 5 database with LOAD CSV.
      // Copy the folder's files into the database's import folder, then:
      //   cypher-shell -f load.cypher
      CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
      CREATE CONSTRAINT document_path IF NOT EXISTS FOR (d:Document) REQUIRE d.path IS UNIQUE;
      CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (v:Evidence) REQUIRE v.id IS UNIQUE;

      LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row
      MERGE (e:Entity {id: row.`id:ID(Entity)`})
      SET e.name = row.name, e.type = row.type, e.part_of = row.part_of,
          e.aliases = CASE WHEN row.`aliases:string[]` IS NULL OR row.`aliases:string[]` = '' THEN []
                      ELSE split(row.`aliases:string[]`, ';') END

      """
    for kind in EntityKind.allCases {
      out += "FOREACH (_ IN CASE WHEN row.type = '\(kind.rawValue)' THEN [1] ELSE [] END | SET e:\(label(kind)))\n"
    }
    out += """
      ;

      LOAD CSV WITH HEADERS FROM 'file:///part_of.csv' AS row
      MATCH (a:Entity {id: row.`:START_ID(Entity)`}), (b:Entity {id: row.`:END_ID(Entity)`})
      MERGE (a)-[:PART_OF]->(b);

      LOAD CSV WITH HEADERS FROM 'file:///documents.csv' AS row
      MERGE (d:Document {path: row.`path:ID(Document)`})
      SET d.title = row.title, d.date = row.date, d.outlet = row.outlet;

      LOAD CSV WITH HEADERS FROM 'file:///evidence.csv' AS row
      MERGE (v:Evidence {id: row.`id:ID(Evidence)`})
      SET v.edge_id = row.edge_id, v.relation = row.relation, v.document = row.document,
          v.sentence = toInteger(row.`sentence:int`), v.start = toInteger(row.`start:int`),
          v.end = toInteger(row.`end:int`), v.quote = row.quote, v.rule = row.rule,
          v.modality = row.modality, v.claimant = row.claimant;

      LOAD CSV WITH HEADERS FROM 'file:///evidence_links.csv' AS row
      MATCH (v:Evidence {id: row.`:START_ID(Evidence)`}), (e:Entity {id: row.`:END_ID(Entity)`})
      FOREACH (_ IN CASE WHEN row.`:TYPE` = 'SOURCE' THEN [1] ELSE [] END | MERGE (v)-[:SOURCE]->(e))
      FOREACH (_ IN CASE WHEN row.`:TYPE` = 'TARGET' THEN [1] ELSE [] END | MERGE (v)-[:TARGET]->(e));

      LOAD CSV WITH HEADERS FROM 'file:///evidence_documents.csv' AS row
      MATCH (v:Evidence {id: row.`:START_ID(Evidence)`}), (d:Document {path: row.`:END_ID(Document)`})
      MERGE (v)-[:IN]->(d);

      """
    for type in types {
      let name = type.rawValue.uppercased()
      out += """

        LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
        WITH row WHERE row.`:TYPE` = '\(name)'
        MATCH (a:Entity {id: row.`:START_ID(Entity)`}), (b:Entity {id: row.`:END_ID(Entity)`})
        CREATE (a)-[r:\(name) {id: row.id}]->(b)
        SET r.modality = row.modality, r.claimant = row.claimant, r.documents = toInteger(row.`documents:int`),
            r.statements = toInteger(row.`statements:int`), r.first_date = row.first_date, r.last_date = row.last_date,
            r.quote = row.quote, r.quote_document = row.quote_document,
            r.quote_sentence = toInteger(row.`quote_sentence:int`), r.rule = row.rule;

        """
    }
    return out
  }
}
