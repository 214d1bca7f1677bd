import KGModel

@testable import KGQuery

/// Small hand-built graphs written as text, one edge per clause:
/// `"a attack b; b support c alleged @d2,d3; node x"`.
///
/// Each clause is `source type target [modality] [@doc,doc…]` or `node id`. Entities are
/// states named after their id and numbered in order of first appearance. Edges cite `d1`
/// unless told otherwise; the documents are dated as in `TestGraph.documentDates`.
enum TestGraph {
  static let documentDates: [String: String?] = [
    "d1": "2018-01-10", "d2": "2018-06", "d3": "2019-03-01", "d4": nil, "d5": "2018-11-24",
  ]

  static func make(_ spec: String) -> GraphIndex { GraphIndex(graph(spec)) }

  static func graph(_ spec: String) -> KnowledgeGraph {
    var entities: [Entity] = []
    var edges: [Edge] = []
    var seen: Set<String> = []
    func entity(_ id: String) {
      if seen.insert(id).inserted { entities.append(Entity(id: id, name: id.uppercased(), kind: .state)) }
    }
    for clause in spec.split(separator: ";") {
      let words = clause.split(separator: " ").map(String.init)
      guard !words.isEmpty else { continue }
      if words[0] == "node" {
        entity(words[1])
        continue
      }
      let source = words[0]
      let type = RelationType(rawValue: words[1])!
      let target = words[2]
      entity(source)
      entity(target)
      var modality = Modality.asserted
      var docs = ["d1"]
      for w in words.dropFirst(3) {
        if w.hasPrefix("@") {
          docs = w.dropFirst().split(separator: ",").map(String.init)
        } else {
          modality = Modality(rawValue: w)!
        }
      }
      edges.append(edge(id: Int64(edges.count + 1), source, type, target, modality, docs: docs))
    }
    return KnowledgeGraph(documents: documents, entities: entities, edges: edges)
  }

  static var documents: [DocumentInfo] {
    documentDates.keys.sorted().enumerated().map { i, path in
      DocumentInfo(
        id: Int64(i + 1), path: path, contentHash: path,
        metadata: ArticleMetadata(title: path, date: documentDates[path]!),
        sentenceCount: 1)
    }
  }

  static func edge(
    id: Int64, _ source: String, _ type: RelationType, _ target: String, _ modality: Modality, docs: [String]
  ) -> Edge {
    // Built without EdgeKey's symmetric reordering, so the edge runs as written.
    var key = EdgeKey(source: source, type: .attack, target: target, modality: modality)
    key.type = type
    return Edge(
      id: id, key: key,
      provenance: docs.map {
        Provenance(
          document: $0, sentence: 0, span: TextSpan(start: 0, end: 1), quote: "\(source) \(type) \(target)",
          rule: "Test",
          modality: modality)
      })
  }

  /// Node names of each path (entity ids), for comparing with expectations.
  static func names(_ paths: [GraphPath], in index: GraphIndex) -> Set<[String]> {
    Set(paths.map { $0.nodes.map { index.entities[$0].id } })
  }
}
