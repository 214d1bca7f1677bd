import Foundation
import KGPipeline
import Testing

/// Load → query through the public API: an in-memory store filled with hand-made extractions.
struct QueryPipelineTests {
  static let turkey = Entity(id: "turkey", name: "Turkey", kind: .state, aliases: ["Ankara", "Turkish"])
  static let ypg = Entity(
    id: "ypg", name: "YPG", kind: .armedGroup, aliases: ["People's Protection Units", "Kurdish forces"])
  static let sdf = Entity(
    id: "sdf", name: "Syrian Democratic Forces", kind: .armedGroup, aliases: ["SDF", "Kurdish forces"])
  static let isis = Entity(id: "isis", name: "ISIS", kind: .armedGroup, aliases: ["Islamic State"])

  /// A document whose sentences are `sentences` joined by spaces after a title line, with one
  /// edge per `(source, type, target, sentence, modality, claimant)`; mentions are found by
  /// looking up each entity's name and aliases in the sentence.
  static func extraction(
    path: String, title: String, outlet: String, date: String, sentences: [String],
    edges: [(Entity, RelationType, Entity, Int, Modality, String?)]
  ) -> DocumentExtraction {
    let head = title + "\n\n"
    let text = head + sentences.joined(separator: " ")
    var spans: [TextSpan] = []
    var offset = head.unicodeScalars.count
    for s in sentences {
      let n = s.unicodeScalars.count
      spans.append(TextSpan(start: offset, end: offset + n))
      offset += n + 1
    }
    let scalar = ScalarText(text)
    let document = Document(
      path: path, contentHash: fingerprint(text), text: scalar,
      body: TextSpan(start: head.unicodeScalars.count, end: scalar.count),
      sentences: spans.enumerated().map { Sentence(index: $0.offset, span: $0.element) },
      metadata: ArticleMetadata(title: title, dateText: date, date: date, outlet: outlet))
    let entities = [turkey, ypg, sdf, isis]
    var mentions: [Mention] = []
    for (i, sentence) in sentences.enumerated() {
      let scalars = Array(sentence.unicodeScalars)
      for e in entities {
        for name in [e.name] + e.aliases {
          let needle = Array(name.unicodeScalars)
          guard needle.count <= scalars.count else { continue }
          for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
            let span = TextSpan(start: spans[i].start + start, end: spans[i].start + start + needle.count)
            mentions.append(Mention(entityID: e.id, span: span, surface: name, origin: .dictionary))
          }
        }
      }
    }
    let stored = edges.map { s, type, t, i, modality, claimant in
      Edge(
        key: EdgeKey(source: s.id, type: type, target: t.id, modality: modality), assertedBy: claimant,
        provenance: [
          Provenance(
            document: path, sentence: i, span: spans[i], quote: sentences[i], rule: "ActiveVoice", modality: modality,
            claimant: claimant)
        ])
    }
    return DocumentExtraction(document: document, entities: entities, mentions: mentions, edges: stored)
  }

  static func workspace(_ name: String) throws -> Workspace {
    let workspace = try Workspace(inMemoryNamed: name)
    try workspace.store.write(
      extraction(
        path: "news/a.txt", title: "Turkish jets strike Afrin", outlet: "Example Wire", date: "2018-01-21",
        sentences: ["Turkish jets bombed YPG positions near Afrin.", "ISIS attacked the SDF."],
        edges: [(turkey, .attack, ypg, 0, .asserted, nil), (isis, .attack, sdf, 1, .asserted, nil)]))
    try workspace.store.write(
      extraction(
        path: "news/b.txt", title: "Ankara presses on", outlet: "Daily Example", date: "2018-02",
        sentences: [
          "The SDF said the YPG accused Turkey.", "Ankara shelled YPG villages again on Sunday.",
          "The SDF backed the YPG.",
        ],
        edges: [
          (turkey, .attack, ypg, 1, .asserted, nil), (ypg, .accuse, turkey, 0, .alleged, "sdf"),
          (sdf, .support, ypg, 2, .asserted, nil),
        ]))
    return workspace
  }

  @Test func whyGivesEveryDocumentThatStatesTheEdge() throws {
    let session = try Self.workspace("why").querySession()
    let answers = try session.why("Turkey", .attack, "ypg")
    #expect(answers.count == 1)
    let answer = try #require(answers.first)
    #expect(answer.edge.documents == 2)
    #expect(answer.edge.statements == 2)
    #expect(answer.statements.map(\.document) == ["news/a.txt", "news/b.txt"])
    #expect(answer.statements.map(\.title) == ["Turkish jets strike Afrin", "Ankara presses on"])
    #expect(answer.statements.map(\.outlet) == ["Example Wire", "Daily Example"])
    #expect(answer.statements.map(\.date) == ["2018-01-21", "2018-02"])
    #expect(answer.statements.map(\.sentence) == [0, 1])
    #expect(answer.statements.map(\.rule) == ["ActiveVoice", "ActiveVoice"])
    #expect(
      answer.statements.map(\.markedQuote) == [
        "⟦Turkish⟧ jets bombed ⟦YPG⟧ positions near Afrin.", "⟦Ankara⟧ shelled ⟦YPG⟧ villages again on Sunday.",
      ])
    // Marks are code points of the document's text and lie inside the quote's span.
    for s in answer.statements {
      for m in s.marks { #expect(s.start <= m.start && m.end <= s.end) }
    }
  }

  @Test func edgeByIDMatchesWhyAndCarriesTheClaimant() throws {
    let session = try Self.workspace("edge").querySession()
    let why = try session.why("YPG", .accuse, "Turkey")
    let id = try #require(why.first?.edge.id)
    let byID = try session.edge(id)
    let byNumber = try session.edge(String(id.dropFirst()))
    #expect(byID.edge == byNumber.edge)
    #expect(byID.edge.modality == .alleged)
    #expect(byID.statements.first?.claimant?.id == "sdf")
    #expect(throws: QueryError.unknownEdge(id: "r999")) { try session.edge("r999") }
    #expect(throws: QueryError.malformedEdgeID(text: "edge-1")) { try session.edge("edge-1") }
  }

  @Test func whyWithoutSuchEdgeListsTheEdgesThatExist() throws {
    let session = try Self.workspace("noedge").querySession()
    #expect(throws: QueryError.self) { try session.why("Turkey", .support, "YPG") }
    do {
      _ = try session.why("Turkey", .support, "YPG")
    } catch let error as QueryError {
      guard case .noEdge(let source, let type, let target, let existing) = error else {
        Issue.record("expected noEdge, got \(error)")
        return
      }
      #expect((source, type, target) == ("Turkey", "support", "YPG"))
      #expect(existing.count == 2)
      #expect(error.description.hasPrefix("no 'support' edge from 'Turkey' to 'YPG'; the edges between them are:"))
    }
  }

  @Test func namesAreResolvedOrExplained() throws {
    let session = try Self.workspace("names").querySession()
    #expect(throws: QueryError.ambiguousEntity(name: "Kurdish forces", candidates: [Self.sdf, Self.ypg])) {
      try session.show("Kurdish forces")
    }
    #expect(throws: QueryError.unknownEntity(name: "Turky", suggestions: ["Turkey"])) { try session.show("Turky") }
    #expect(try session.show("ankara").entity.id == "turkey")
  }

  @Test func pathHopsCarryTheirStrongestQuote() throws {
    let session = try Self.workspace("path").querySession()
    let answer = try session.path(PathRequest(from: "Turkey", to: "SDF", undirected: true))
    #expect(answer.paths.map { $0.entities.map(\.id) } == [["turkey", "ypg", "sdf"]])
    // The second hop runs against its edge (SDF supports YPG) and says so through its source.
    #expect(answer.paths[0].hops[1].edges.map(\.source.id) == ["sdf"])
    #expect(throws: QueryError.noPath(from: "Turkey", to: "SDF")) {
      try session.path(PathRequest(from: "Turkey", to: "SDF"))
    }
    let direct = try session.path(PathRequest(from: "Turkey", to: "YPG"))
    #expect(direct.paths.count == 1)
    #expect(direct.paths[0].hops[0].edges[0].quote == "Turkish jets bombed YPG positions near Afrin.")
    let since = try session.neighbors(
      of: "YPG", direction: .in, filter: try EdgeFilter(types: [.attack], since: "2018-02"))
    #expect(since.neighbors.map(\.neighbor.id) == ["turkey"])
    // Only one of the attack's two documents lies in the window, so two documents are not reached.
    let twice = try session.neighbors(
      of: "YPG", direction: .in, filter: try EdgeFilter(since: "2018-02", minimumDocuments: 2))
    #expect(twice.neighbors.isEmpty)
    #expect(
      try session.neighbors(of: "YPG", direction: .in, filter: try EdgeFilter(minimumDocuments: 2)).neighbors.count == 1
    )
  }

  @Test func statsCountWhatWasWritten() throws {
    let stats = try Self.workspace("stats").stats()
    #expect(stats.documents == 2)
    #expect(stats.entities == 4)
    #expect(stats.edges == 4)
    #expect(stats.statements == 5)
    #expect(stats.edgesByType == ["attack": 2, "accuse": 1, "support": 1])
  }

  /// What an answer prints as JSON, or the error it ends with.
  static func outcome<T: Encodable>(_ body: () throws -> T) -> String {
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = .sortedKeys
      return String(decoding: try encoder.encode(try body()), as: UTF8.self)
    } catch {
      return "error: \(error)"
    }
  }

  /// `show`, `neighbors`, `edge` and `why` on a workspace read only the edges they are about;
  /// every answer, and every error for an unknown, ambiguous or malformed name or id, must be
  /// the one a session over the whole graph gives.
  @Test func focusedAnswersAreThoseOfTheWholeGraph() throws {
    let workspace = try Self.workspace("focused")
    let whole = try workspace.querySession()
    let entities = [Self.turkey, Self.ypg, Self.sdf, Self.isis]
    let names = entities.flatMap { [$0.id, $0.name] + $0.aliases } + ["  turkey ", "kurdish FORCES", "Damascus", ""]
    let filters = [
      EdgeFilter.all, try EdgeFilter(types: [.attack]), try EdgeFilter(modalities: [.alleged]),
      try EdgeFilter(since: "2018-02"),
    ]
    var compared = 0
    for name in names {
      #expect(Self.outcome { try workspace.show(name) } == Self.outcome { try whole.show(name) })
      for direction in [Direction.out, .in, .both] {
        for filter in filters {
          let focused = Self.outcome { try workspace.neighbors(of: name, direction: direction, filter: filter) }
          #expect(focused == Self.outcome { try whole.neighbors(of: name, direction: direction, filter: filter) })
          compared += 1
        }
      }
      for other in names.prefix(8) {
        for type in [RelationType.attack, .accuse, .support, .cooperate] {
          #expect(
            Self.outcome { try workspace.why(name, type, other) } == Self.outcome { try whole.why(name, type, other) })
        }
      }
    }
    for id in (0...7).map({ "r\($0)" }) + ["5", " R2 ", "r", "x1", "-3"] {
      #expect(Self.outcome { try workspace.edge(id) } == Self.outcome { try whole.edge(id) })
    }
    // The comparisons above include real answers, not only errors.
    #expect(Self.outcome { try workspace.neighbors(of: "Ankara") }.contains("Afrin"))
    #expect(Self.outcome { try workspace.edge("r1") }.contains("\"statements\""))
    #expect(Self.outcome { try workspace.show("Kurdish forces") }.contains("names 2 entities"))
    #expect(compared == names.count * 12)
  }

  @Test func answersEncodeAsJSON() throws {
    let session = try Self.workspace("json").querySession()
    let data = try JSONEncoder().encode(try session.why("Turkey", .attack, "YPG"))
    let object = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    let statements = object?.first?["statements"] as? [[String: Any]]
    #expect(statements?.count == 2)
    #expect(statements?.first?["outlet"] as? String == "Example Wire")
  }

  @Test func bulkImportLoadsBackTheSameGraph() throws {
    let docs = (1...3).map {
      DocumentInfo(
        id: 0, path: "bulk/\($0).txt", contentHash: "h\($0)",
        metadata: ArticleMetadata(title: "T\($0)", date: "2018-0\($0)"),
        sentenceCount: 1)
    }
    let entities = [Self.turkey, Self.ypg, Self.sdf, Self.isis]
    func edge(_ s: Entity, _ t: RelationType, _ o: Entity, _ m: Modality, _ doc: Int, quote: String) -> Edge {
      Edge(
        key: EdgeKey(source: s.id, type: t, target: o.id, modality: m), assertedBy: m == .alleged ? "sdf" : nil,
        provenance: [
          Provenance(
            document: "bulk/\(doc).txt", sentence: doc, span: TextSpan(start: 0, end: quote.unicodeScalars.count),
            quote: quote, rule: "ActiveVoice", modality: m, claimant: m == .alleged ? "sdf" : nil)
        ])
    }
    let first = [
      edge(Self.turkey, .attack, Self.ypg, .asserted, 1, quote: "Turkey \"hit\" YPG\\\n again"),
      edge(Self.isis, .attack, Self.sdf, .alleged, 2, quote: "ISIS hit the SDF — reportedly"),
      edge(Self.sdf, .cooperate, Self.ypg, .asserted, 3, quote: "SDF and YPG"),
      edge(Self.turkey, .attack, Self.ypg, .asserted, 2, quote: "Ankara shelled YPG"),
    ]
    let store = try GraphStore(inMemoryNamed: "bulk")
    #expect(try store.importGraph(documents: docs, entities: entities, edges: first) == 3)
    let loaded = try store.loadGraphForQuery()
    let reference = try store.loadGraph()
    #expect(loaded.edges == reference.edges)
    #expect(loaded.entities == reference.entities)
    #expect(loaded.documents == reference.documents)
    let attack = try #require(loaded.edges.first { $0.type == .attack && $0.source == "turkey" })
    #expect(attack.provenance.map(\.quote) == ["Turkey \"hit\" YPG\\\n again", "Ankara shelled YPG"])
    #expect(loaded.edges.first { $0.source == "isis" }?.provenance.first?.claimant == "sdf")

    // A second import into a store that has edges merges into the rows already there.
    let second = [
      edge(Self.turkey, .attack, Self.ypg, .asserted, 3, quote: "Turkish jets again"),
      edge(Self.ypg, .accuse, Self.turkey, .asserted, 3, quote: "YPG accused Turkey"),
    ]
    #expect(try store.importGraph(documents: docs, entities: entities, edges: second) == 2)
    let merged = try store.loadGraphForQuery()
    #expect(merged.edges.count == 4)
    #expect(merged.edges.first { $0.type == .attack && $0.source == "turkey" }?.provenance.count == 3)
    #expect(merged.documents.count == 3)
    let index = GraphIndex(merged)
    #expect(index._checkInvariants().isEmpty)
  }
}
