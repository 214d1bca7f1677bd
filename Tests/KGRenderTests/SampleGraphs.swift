import KGModel

/// Small hand-built graphs whose drawings are kept as goldens.
enum SampleGraphs {
  static func evidence(
    _ document: String, _ sentence: Int, _ quote: String, _ modality: Modality = .asserted, claimant: String? = nil
  )
    -> Provenance
  {
    Provenance(
      document: document, sentence: sentence,
      span: TextSpan(start: sentence * 100, end: sentence * 100 + quote.unicodeScalars.count),
      quote: quote, rule: "ActiveVoice", modality: modality, claimant: claimant)
  }

  static func edge(_ id: Int64, _ source: String, _ type: RelationType, _ target: String, _ provenance: [Provenance])
    -> Edge
  {
    edge(id, source, type, target, .asserted, provenance)
  }

  static func edge(
    _ id: Int64, _ source: String, _ type: RelationType, _ target: String, _ modality: Modality,
    assertedBy: String? = nil, _ provenance: [Provenance]
  ) -> Edge {
    Edge(
      id: id, key: EdgeKey(source: source, type: type, target: target, modality: modality), assertedBy: assertedBy,
      provenance: provenance)
  }

  static let documents = [
    DocumentInfo(
      id: 1, path: "a.txt", contentHash: "1", metadata: ArticleMetadata(date: "2018-11-24"), sentenceCount: 10),
    DocumentInfo(id: 2, path: "b.txt", contentHash: "2", metadata: ArticleMetadata(date: "2019-03"), sentenceCount: 10),
  ]

  /// Five entities, two levels of `part_of`, every modality, a merged pair and a symmetric edge.
  static func small() -> KnowledgeGraph {
    KnowledgeGraph(
      documents: documents,
      entities: [
        Entity(id: "isis", name: "ISIS", kind: .armedGroup, aliases: ["Islamic State", "Daesh"]),
        Entity(id: "russia", name: "Russia", kind: .state),
        Entity(id: "syria", name: "Syria", kind: .state),
        Entity(id: "syrian-arab-army", name: "Syrian Arab Army", kind: .military, aliases: ["SAA"], partOf: "syria"),
        Entity(id: "tiger-forces", name: "Tiger Forces", kind: .military, partOf: "syrian-arab-army"),
      ],
      edges: [
        edge(
          1, "syrian-arab-army", .attack, "isis",
          [
            evidence("a.txt", 2, "The SAA attacked ISIS near Deir Ezzor."),
            evidence("b.txt", 5, "Syrian troops shelled ISIS positions."),
          ]),
        edge(
          2, "syrian-arab-army", .attack, "isis", .alleged, assertedBy: "syria",
          [
            evidence("a.txt", 3, "Damascus said the army struck ISIS again.", .alleged, claimant: "syria")
          ]),
        edge(3, "russia", .cooperate, "syria", [evidence("b.txt", 1, "Russia and Syria coordinated the offensive.")]),
        edge(
          4, "isis", .threaten, "tiger-forces", .hypothetical,
          [
            evidence("b.txt", 7, "ISIS could attack the Tiger Forces.", .hypothetical)
          ]),
        edge(5, "russia", .support, "syrian-arab-army", [evidence("a.txt", 4, "Russian jets backed the SAA.")]),
      ])
  }

  /// Names and quotes that DOT and SVG must carry unchanged.
  static func awkward() -> KnowledgeGraph {
    KnowledgeGraph(
      documents: documents,
      entities: [
        Entity(id: "quoted-front", name: "The \"Quoted\" Front", kind: .armedGroup, aliases: ["Front \\N alias"]),
        Entity(id: "back-slash", name: "Back\\slash <Brigade> & Co", kind: .military),
        Entity(id: "nusra", name: "جبهة النصرة", kind: .armedGroup, aliases: ["Jabhat al-Nusra"]),
        Entity(id: "armee-d-elite", name: "Forces armées d’Élite", kind: .military),
      ],
      edges: [
        edge(
          7, "quoted-front", .accuse, "back-slash", .alleged, assertedBy: "quoted-front",
          [
            evidence(
              "dir \"x\"/a.txt", 1, "They said: \"C:\\Temp\\N is <ours>\" & left.\nSecond line\twith tab \u{7}bell.",
              .alleged, claimant: "quoted-front")
          ]),
        edge(
          8, "nusra", .attack, "armee-d-elite",
          [evidence("b.txt", 2, "قالت جبهة النصرة إنها هاجمت — l’armée a répondu.")]),
      ])
  }
}
