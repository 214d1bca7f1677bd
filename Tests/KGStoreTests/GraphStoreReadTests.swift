import Foundation
import KGModel
import KGTestSupport
import Testing

@testable import KGStore

/// `loadGraph` gives back what was written: documents, entities, edges and provenance.
struct GraphStoreReadTests {
  @Test(arguments: StoreKind.allCases)
  func loadGraphRoundTrips(_ kind: StoreKind) throws {
    try withStore(kind) { store, reopen in
      let extraction = ExtractionFixture.article
      try store.write(extraction)
      for graph in [try store.loadGraph(), try reopen().loadGraph()] {
        #expect(graph.documents.count == 1)
        let doc = try #require(graph.documents.first)
        #expect(doc.id > 0)
        #expect(doc.path == extraction.document.path)
        #expect(doc.contentHash == extraction.document.contentHash)
        #expect(doc.sentenceCount == 3)
        #expect(doc.metadata == extraction.document.metadata)

        #expect(graph.entities == extraction.entities.sorted { $0.id < $1.id })

        #expect(graph.edges.count == extraction.edges.count)
        #expect(Set(graph.edges.map(\.id)).count == graph.edges.count)
        #expect(graph.edges.allSatisfy { $0.id > 0 })
        for written in extraction.edges {
          let loaded = try #require(graph.edges.first { $0.key == written.key }, "\(written.key) missing")
          #expect(loaded.assertedBy == written.assertedBy)
          #expect(loaded.provenance == written.provenance)
        }
      }
    }
  }

  @Test(arguments: StoreKind.allCases)
  func provenanceKeepsCodePointSpansAndClaimants(_ kind: StoreKind) throws {
    try withStore(kind) { store, _ in
      try store.write(ExtractionFixture.article)
      let graph = try store.loadGraph()
      let text = try #require(try store.text(ofDocument: "seeds/a.txt"))
      for p in graph.edges.flatMap(\.provenance) {
        #expect(CodePoints.slice(text, p.span.start, p.span.end) == p.quote)
      }
      // The sentence after the flag emoji starts at a code point offset, not a UTF-16 one.
      let cooperate = try #require(graph.edges.first { $0.type == .cooperate })
      #expect(cooperate.source == "iran" && cooperate.target == "russia")
      #expect(cooperate.provenance.first?.span == TextSpan(start: 46, end: 86))
      let support = try #require(graph.edges.first { $0.type == .support })
      #expect(support.modality == .alleged)
      #expect(support.assertedBy == "russia")
      #expect(support.provenance.first?.claimant == "russia")
      #expect(support.provenance.first?.rule == "AccusationOf")
    }
  }

  @Test(arguments: StoreKind.allCases)
  func emptyStoreLoadsAnEmptyGraph(_ kind: StoreKind) throws {
    try withStore(kind) { store, _ in
      let graph = try store.loadGraph()
      #expect(graph.documents.isEmpty && graph.entities.isEmpty && graph.edges.isEmpty)
      let counts = try store.counts()
      #expect(counts.documents == 0 && counts.entities == 0 && counts.edges == 0 && counts.evidence == 0)
      #expect(try store.text(ofDocument: "seeds/a.txt") == nil)
    }
  }
}
