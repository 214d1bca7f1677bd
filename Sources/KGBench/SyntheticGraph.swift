import Foundation
import KGPipeline

/// A synthetic conflict graph from a fixed seed: entities, dated documents, and edges with one
/// or two statements each, endpoints drawn with a skew so that a few actors are hubs (as the
/// United States or ISIS are in real news).
struct SyntheticGraph {
  var documents: [DocumentInfo]
  var entities: [Entity]
  var edges: [Edge]

  static let kinds: [EntityKind] = [
    .state, .military, .armedGroup, .armedGroup, .person, .governmentBody, .organization,
  ]

  init(entities entityCount: Int, edges edgeCount: Int, documents documentCount: Int, seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    documents = (0..<documentCount).map { i in
      let day = i % 28 + 1
      let month = (i / 28) % 12 + 1
      let year = 2015 + (i / 336) % 6
      let date = String(format: "%04d-%02d-%02d", year, month, day)
      return DocumentInfo(
        id: 0, path: "synthetic/doc-\(i).txt", contentHash: String(i),
        metadata: ArticleMetadata(title: "Synthetic report \(i)", dateText: date, date: date, outlet: "Bench Wire"),
        sentenceCount: 40)
    }
    entities = (0..<entityCount).map { i in
      Entity(id: "a\(i)", name: "Actor \(i)", kind: Self.kinds[i % Self.kinds.count])
    }
    // Skewed endpoints: node ⌊n·u²⌋ for uniform u, so node 0 is the largest hub.
    func node(_ rng: inout SeededGenerator) -> Int {
      let u = Double.random(in: 0..<1, using: &rng)
      return min(entityCount - 1, Int(Double(entityCount) * u * u))
    }
    // Keys as numbers (source, target, type, modality): hashing a million string keys took most
    // of the generation time.
    var seen = Set<UInt64>()
    seen.reserveCapacity(edgeCount)
    let ids = entities.map(\.id)
    edges = []
    edges.reserveCapacity(edgeCount)
    let types = RelationType.allCases.filter { !$0.isSymmetric }
    while edges.count < edgeCount {
      let s = node(&rng)
      let t = node(&rng)
      guard s != t else { continue }
      let type = types.randomElement(using: &rng)!
      let roll = Int.random(in: 0..<10, using: &rng)
      let modality: Modality = roll < 7 ? .asserted : roll < 9 ? .alleged : .hypothetical
      let packed =
        ((UInt64(s) &* UInt64(entityCount) &+ UInt64(t)) &* 16 &+ UInt64(type.ordinal)) &* 4
        &+ UInt64(modality.ordinal)
      guard seen.insert(packed).inserted else { continue }
      let key = EdgeKey(source: ids[s], type: type, target: ids[t], modality: modality)
      let statements = Int.random(in: 0..<5, using: &rng) == 0 ? 2 : 1
      var provenance: [Provenance] = []
      for k in 0..<statements {
        let doc = documents[Int.random(in: 0..<documentCount, using: &rng)].path
        let quote = "Actor \(s) \(type.rawValue)ed Actor \(t), officials said."
        provenance.append(
          Provenance(
            document: doc, sentence: k, span: TextSpan(start: 0, end: quote.unicodeScalars.count), quote: quote,
            rule: "ActiveVoice", modality: modality, claimant: modality == .alleged ? ids[t] : nil))
      }
      edges.append(
        Edge(key: key, assertedBy: modality == .alleged ? ids[t] : nil, provenance: provenance))
    }
  }

  var statementCount: Int { edges.reduce(0) { $0 + $1.provenance.count } }
}

extension RelationType {
  fileprivate var ordinal: Int { Self.allCases.firstIndex(of: self)! }
}

extension Modality {
  fileprivate var ordinal: Int { Self.allCases.firstIndex(of: self)! }
}
