import KGModel
import KGTestSupport
import Testing

@testable import KGExtract

/// Invariants of every extraction: provenance points at the sentence it quotes, rules are known,
/// edges are merged per (source, type, target).
struct ExtractorTests {
  static let article = [
    "Turkish jets bombed YPG positions near Afrin.",
    "🇸🇾 Syria condemned the Turkish offensive.",
    "Iran accused Israel of attacking Hezbollah in Lebanon.",
    "The café owner said Russian jets bombed Idlib.",
    "Iran cooperated with Russia.",
    "Russia met with Iran in Sochi.",
  ]

  @Test func provenanceQuotesItsSentenceInCodePoints() throws {
    let document = ArticleBuilder(Self.article, path: "test/invariants.txt").build()
    let extraction = try ExtractionFixture.extractor().extract(document)
    #expect(extraction.edges.count >= 5, "found \(extraction.edgeSummary)")
    let whole = document.text.string
    for edge in extraction.edges {
      #expect(!edge.provenance.isEmpty)
      for p in edge.provenance {
        #expect(p.document == "test/invariants.txt")
        #expect(CodePoints.slice(whole, p.span.start, p.span.end) == p.quote)
        #expect(document.sentences[p.sentence].span.contains(p.span))
        #expect(RuleBook.ids.contains(p.rule), "unknown rule \(p.rule)")
        #expect(p.modality <= edge.modality)
      }
    }
    // The sentence after the emoji is quoted exactly.
    let condemn = try #require(extraction.edge("syria", .condemn, "turkey"), "found \(extraction.edgeSummary)")
    #expect(condemn.provenance.map(\.quote) == ["🇸🇾 Syria condemned the Turkish offensive."])
    #expect(condemn.provenance.map(\.span.start) == [CodePoints.count(Self.article[0]) + 1])
  }

  @Test func symmetricStatementsMergeIntoOneEdge() throws {
    let extraction = try ExtractionFixture.extract(Self.article)
    let cooperate = extraction.edges.filter {
      $0.type == .cooperate && Set([$0.source, $0.target]) == ["iran", "russia"]
    }
    #expect(cooperate.count == 1, "found \(extraction.edgeSummary)")
    #expect(cooperate.first?.source == "iran")
    #expect(cooperate.first?.provenance.map(\.sentence) == [4, 5])
  }

  @Test func oneEdgePerTripleInADocument() throws {
    let extraction = try ExtractionFixture.extract(Self.article + ["Turkish artillery also shelled YPG positions."])
    var seen = Set<String>()
    for edge in extraction.edges {
      #expect(seen.insert("\(edge.source)|\(edge.type)|\(edge.target)").inserted, "duplicate \(edge.key)")
    }
    #expect(extraction.edge("turkey", .attack, "ypg")?.provenance.map(\.sentence) == [0, 6])
  }

  @Test func entitiesCoverEveryEdgeEndAndClaimant() throws {
    let extraction = try ExtractionFixture.extract(Self.article)
    let ids = Set(extraction.entities.map(\.id))
    for edge in extraction.edges {
      #expect(ids.contains(edge.source) && ids.contains(edge.target))
      if let claimant = edge.assertedBy { #expect(ids.contains(claimant)) }
    }
    // Entities of parts bring their parents (GUIDELINES.md part_of roll-up).
    for entity in extraction.entities {
      if let parent = entity.partOf { #expect(ids.contains(parent), "\(entity.id) part of \(parent)") }
    }
  }

  @Test func emptyDocumentGivesNothing() throws {
    let extraction = try ExtractionFixture.extractor().extract(ArticleBuilder().build())
    #expect(extraction.edges.isEmpty && extraction.mentions.isEmpty && extraction.entities.isEmpty)
  }
}
