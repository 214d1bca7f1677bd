public import Foundation
public import KGModel

/// The JSON export that `score.py` reads, with a schema version for everything else that does.
///
/// Shape: `{schemaVersion, documents: [{id, path, title, date, outlet}], entities: [{id, name,
/// type, aliases, partOf}], edges: [{id, source, target, type, modality, assertedBy,
/// provenance: [{document, path, sentence, start, end, quote, rule, modality, claimant}]}]}`,
/// with `start`/`end` in Unicode code points and keys in camelCase as every JSON output of kg
/// writes them (`JSONConvention`).
public enum JSONExport {
  /// 1: `part_of` and `asserted_by` in snake_case (until 2026-12-03); 2: `partOf` and
  /// `assertedBy`. `score.py` reads neither from the system's file, so its scores do not change.
  public static let schemaVersion = 2

  struct Root: Encodable {
    var schemaVersion: Int
    var documents: [Doc]
    var entities: [Ent]
    var edges: [EdgeOut]
  }
  struct Doc: Encodable {
    var id: String
    var path: String
    var title: String?
    var date: String?
    var outlet: String?
  }
  struct Ent: Encodable {
    var id: String
    var name: String
    var type: String
    var aliases: [String]
    var partOf: String?
  }
  struct EdgeOut: Encodable {
    var id: String
    var source: String
    var target: String
    var type: String
    var modality: String
    var assertedBy: String?
    var provenance: [Prov]
  }
  struct Prov: Encodable {
    var document: String
    var path: String
    var sentence: Int
    var start: Int
    var end: Int
    var quote: String
    var rule: String
    var modality: String
    var claimant: String?
  }

  /// Encodes `graph` as pretty-printed JSON with sorted keys (`JSONConvention`).
  public static func encode(_ graph: KnowledgeGraph) throws -> Data {
    let docId = Dictionary(graph.documents.map { ($0.path, "d\($0.id)") }, uniquingKeysWith: { a, _ in a })
    let root = Root(
      schemaVersion: schemaVersion,
      documents: graph.documents.map {
        Doc(
          id: "d\($0.id)", path: $0.path, title: $0.metadata.title, date: $0.metadata.date, outlet: $0.metadata.outlet)
      },
      entities: graph.entities.map {
        Ent(id: $0.id, name: $0.name, type: $0.kind.rawValue, aliases: $0.aliases, partOf: $0.partOf)
      },
      edges: graph.edges.map { e in
        EdgeOut(
          id: "r\(e.id)", source: e.source, target: e.target, type: e.type.rawValue, modality: e.modality.rawValue,
          assertedBy: e.assertedBy,
          provenance: e.provenance.map { p in
            Prov(
              document: docId[p.document] ?? p.document, path: p.document, sentence: p.sentence, start: p.span.start,
              end: p.span.end, quote: p.quote, rule: p.rule, modality: p.modality.rawValue, claimant: p.claimant)
          })
      })
    return try JSONConvention.encoder(pretty: true).encode(root)
  }
}
