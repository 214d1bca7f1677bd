import Foundation
import KGModel
import KGTestSupport
import Testing

@testable import KGStore

/// Writing documents: idempotent re-ingest, replacement of a changed document, and the store's
/// own invariants — each against an in-memory and an on-disk store.
struct GraphStoreWriteTests {
  typealias Counts = (documents: Int, entities: Int, edges: Int, evidence: Int)

  static func same(_ a: Counts, _ b: Counts) -> Bool {
    a.documents == b.documents && a.entities == b.entities && a.edges == b.edges && a.evidence == b.evidence
  }

  @Test(arguments: StoreKind.allCases)
  func firstWriteAddsEverything(_ kind: StoreKind) throws {
    try withStore(kind) { store, _ in
      let extraction = ExtractionFixture.article
      #expect(try store.write(extraction) == .added(edges: 4))
      let counts = try store.counts()
      #expect(counts.documents == 1)
      #expect(counts.entities == extraction.entities.count)
      #expect(counts.edges == 4)
      #expect(counts.evidence == 4)
      #expect(try store._checkInvariants() == [])
    }
  }

  @Test(arguments: StoreKind.allCases)
  func writingTheSameExtractionTwiceChangesNothing(_ kind: StoreKind) throws {
    try withStore(kind) { store, _ in
      try store.write(ExtractionFixture.article)
      try store.write(ExtractionFixture.otherArticle)
      let before = try store.counts()
      let graphBefore = try store.loadGraph()
      #expect(try store.write(ExtractionFixture.article) == .unchanged)
      #expect(try store.write(ExtractionFixture.otherArticle) == .unchanged)
      let after = try store.counts()
      #expect(Self.same(before, after), "\(before) became \(after)")
      let graphAfter = try store.loadGraph()
      #expect(graphAfter.documents == graphBefore.documents)
      #expect(graphAfter.entities == graphBefore.entities)
      #expect(graphAfter.edges == graphBefore.edges)
    }
  }

  @Test(arguments: StoreKind.allCases)
  func isStoredKnowsPathAndContent(_ kind: StoreKind) throws {
    try withStore(kind) { store, _ in
      let doc = ExtractionFixture.article.document
      #expect(try !store.isStored(path: doc.path, contentHash: doc.contentHash))
      try store.write(ExtractionFixture.article)
      #expect(try store.isStored(path: doc.path, contentHash: doc.contentHash))
      #expect(try !store.isStored(path: doc.path, contentHash: ExtractionFixture.articleChanged.document.contentHash))
      #expect(try !store.isStored(path: "seeds/other.txt", contentHash: doc.contentHash))
    }
  }

  @Test(arguments: StoreKind.allCases)
  func changedDocumentReplacesItsOldEdges(_ kind: StoreKind) throws {
    try withStore(kind) { store, _ in
      try store.write(ExtractionFixture.article)
      let changed = ExtractionFixture.articleChanged
      #expect(changed.document.path == ExtractionFixture.article.document.path)
      #expect(try store.write(changed) == .replaced(edges: 1))
      let graph = try store.loadGraph()
      #expect(graph.documents.map(\.path) == ["seeds/a.txt"])
      #expect(graph.documents.first?.contentHash == changed.document.contentHash)
      #expect(graph.documents.first?.sentenceCount == 2)
      #expect(
        graph.edges.map(\.key) == [EdgeKey(source: "turkey", type: .attack, target: "afrin", modality: .asserted)])
      #expect(graph.edges.first?.provenance.map(\.quote) == ["Turkey shelled Afrin on Sunday."])
      let counts = try store.counts()
      #expect(counts.documents == 1 && counts.edges == 1 && counts.evidence == 1)
      #expect(try store.text(ofDocument: "seeds/a.txt") == changed.document.text.string)
      #expect(try store._checkInvariants() == [])
    }
  }

  @Test(arguments: StoreKind.allCases)
  func replacingOneDocumentKeepsEdgesOtherDocumentsState(_ kind: StoreKind) throws {
    try withStore(kind) { store, _ in
      try store.write(ExtractionFixture.article)
      try store.write(ExtractionFixture.otherArticle)
      let shared = EdgeKey(source: "turkey", type: .attack, target: "ypg", modality: .asserted)
      var graph = try store.loadGraph()
      #expect(graph.edges.first { $0.key == shared }?.provenance.map(\.document) == ["seeds/a.txt", "seeds/b.txt"])

      try store.write(ExtractionFixture.articleChanged)
      graph = try store.loadGraph()
      #expect(graph.edges.first { $0.key == shared }?.provenance.map(\.document) == ["seeds/b.txt"])
      #expect(
        Set(graph.edges.map(\.key)) == [
          shared,
          EdgeKey(source: "isis", type: .attack, target: "afrin", modality: .asserted),
          EdgeKey(source: "turkey", type: .attack, target: "afrin", modality: .asserted),
        ])
      // Nothing of a.txt's first version is left.
      let quotes = graph.edges.flatMap(\.provenance).map(\.quote)
      #expect(!quotes.contains { $0.contains("Sochi") || $0.contains("accused") })
      #expect(try store._checkInvariants() == [])
    }
  }

  @Test(arguments: StoreKind.allCases)
  func entitiesMergeAcrossDocuments(_ kind: StoreKind) throws {
    try withStore(kind) { store, _ in
      try store.write(ExtractionFixture.article)
      try store.write(ExtractionFixture.otherArticle)
      let graph = try store.loadGraph()
      let isis = graph.entities.filter { $0.id == "isis" }
      #expect(isis.count == 1)
      #expect(isis.first?.aliases == ["Islamic State", "Daesh", "IS"])
      #expect(graph.entities.map(\.id) == graph.entities.map(\.id).sorted())
      #expect(Set(graph.entities.map(\.id)).count == graph.entities.count)
    }
  }
}
