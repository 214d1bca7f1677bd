import Foundation
import KGModel
import KGTestSupport
import Testing

@testable import KGStore

/// The two kinds of store every store test runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case inMemory
  case onDisk

  var testDescription: String { rawValue }
}

/// Opens a fresh store of `kind`, runs `body`, and removes the on-disk store's folder afterwards.
/// `body` gets the store and a way to open the same store again (for on-disk persistence).
func withStore(_ kind: StoreKind, _ body: (GraphStore, () throws -> GraphStore) throws -> Void) throws {
  switch kind {
  case .inMemory:
    let store = try GraphStore(inMemoryNamed: "kg-test-\(UUID().uuidString)")
    try body(store, { store })
  case .onDisk:
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-store-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("kg.sqlite").path
    try body(try GraphStore(path: path), { try GraphStore(path: path) })
  }
}

/// Hand-made extractions (no extractor involved): a document from sentences, with the edges a
/// test says each sentence states.
struct ExtractionFixture {
  struct Statement {
    var sentence: Int
    var source: String
    var type: RelationType
    var target: String
    var modality: Modality = .asserted
    var claimant: String? = nil
    var rule: String = "ActiveVoice"
  }

  static let entities: [String: Entity] = Dictionary(
    uniqueKeysWithValues: [
      Entity(id: "turkey", name: "Turkey", kind: .state, aliases: ["Ankara"]),
      Entity(id: "ypg", name: "People's Protection Units", kind: .armedGroup, aliases: ["YPG"], partOf: "sdf"),
      Entity(id: "sdf", name: "Syrian Democratic Forces", kind: .armedGroup, aliases: ["SDF", "HSD"]),
      Entity(id: "iran", name: "Iran", kind: .state),
      Entity(id: "russia", name: "Russia", kind: .state, aliases: ["Moscow"]),
      Entity(id: "united-states", name: "United States", kind: .state, aliases: ["US"]),
      Entity(id: "isis", name: "ISIS", kind: .armedGroup, aliases: ["Islamic State", "Daesh"]),
      Entity(id: "afrin", name: "Afrin", kind: .location),
    ].map { ($0.id, $0) })

  /// An extraction of `sentences` at `path`, with one edge per (source, type, target, modality).
  static func make(path: String, sentences: [String], statements: [Statement], aliases: [String: [String]] = [:])
    -> DocumentExtraction
  {
    let document = ArticleBuilder(sentences, path: path).build()
    var edges: [Edge] = []
    for s in statements {
      let span = document.sentences[s.sentence].span
      let provenance = Provenance(
        document: path, sentence: s.sentence, span: span, quote: document.text[span], rule: s.rule,
        modality: s.modality,
        claimant: s.claimant)
      let key = EdgeKey(source: s.source, type: s.type, target: s.target, modality: s.modality)
      if let i = edges.firstIndex(where: { $0.key == key }) {
        edges[i].provenance.append(provenance)
      } else {
        edges.append(Edge(key: key, assertedBy: s.modality == .alleged ? s.claimant : nil, provenance: [provenance]))
      }
    }
    var ids: [String] = []
    for s in statements {
      for id in [s.source, s.target] + (s.claimant.map { [$0] } ?? []) where !ids.contains(id) { ids.append(id) }
    }
    let entities = ids.map { id -> Entity in
      var entity = Self.entities[id]!
      entity.aliases += aliases[id] ?? []
      return entity
    }
    // One mention per entity name or alias found in the text.
    var mentions: [Mention] = []
    let whole = document.text.string
    for entity in entities {
      for surface in [entity.name] + entity.aliases {
        if let start = CodePoints.offset(of: surface, in: whole) {
          let span = TextSpan(start: start, end: start + CodePoints.count(surface))
          mentions.append(Mention(entityID: entity.id, span: span, surface: surface, origin: .dictionary))
        }
      }
    }
    return DocumentExtraction(document: document, entities: entities, mentions: mentions, edges: edges)
  }

  /// Four edges over three sentences, one alleged with a claimant, one symmetric, one non-ASCII quote.
  static let article = make(
    path: "seeds/a.txt",
    sentences: [
      "Turkish jets bombed YPG positions near Afrin.",
      "🇸🇾 Iran cooperated with Russia in Sochi.",
      "Russia accused the US of arming ISIS.",
    ],
    statements: [
      Statement(sentence: 0, source: "turkey", type: .attack, target: "ypg"),
      Statement(sentence: 1, source: "russia", type: .cooperate, target: "iran"),
      Statement(sentence: 2, source: "russia", type: .accuse, target: "united-states"),
      Statement(
        sentence: 2, source: "united-states", type: .support, target: "isis", modality: .alleged, claimant: "russia",
        rule: "AccusationOf"),
    ])

  /// The same path with new content and one edge.
  static let articleChanged = make(
    path: "seeds/a.txt",
    sentences: ["Turkey shelled Afrin on Sunday.", "Ankara said the YPG had fled."],
    statements: [Statement(sentence: 0, source: "turkey", type: .attack, target: "afrin")])

  /// Another document stating one of `article`'s edges again.
  static let otherArticle = make(
    path: "seeds/b.txt",
    sentences: ["Turkish artillery shelled YPG positions.", "Daesh attacked Afrin."],
    statements: [
      Statement(sentence: 0, source: "turkey", type: .attack, target: "ypg"),
      Statement(sentence: 1, source: "isis", type: .attack, target: "afrin"),
    ],
    aliases: ["isis": ["IS"]])
}
