import Foundation
import KGPipeline
import Testing

/// `kg path --all`: shortest first, then best attested (documents per hop, summed), and `--limit`
/// applied after that order, whatever order the depth-first search found the paths in.
struct PathRankingTests {
  /// `S` reaches `T` three ways: through `weak` (each hop stated in 1 document, but in 6 of its
  /// sentences), through `strong` (each hop in 3 documents, once each) and through `long1` →
  /// `long2` (each hop in 5 documents, one hop more). Documents decide before statements.
  /// `names` renames the middle entities and `reversed` reverses the order the edges are
  /// written in, so the search meets the paths in different orders.
  static func session(names: [String: String], reversed: Bool) throws -> QuerySession {
    func id(_ name: String) -> String { names[name] ?? name }
    let documents = (1...5).map {
      DocumentInfo(
        id: 0, path: "rank/\($0).txt", contentHash: "h\($0)", metadata: ArticleMetadata(title: "D\($0)"),
        sentenceCount: 1)
    }
    /// An edge stated `statements` times, over the first `documents` documents.
    func edge(_ source: String, _ target: String, documents: Int, statements: Int? = nil) -> Edge {
      Edge(
        key: EdgeKey(source: id(source), type: .attack, target: id(target), modality: .asserted), assertedBy: nil,
        provenance: (0..<(statements ?? documents)).map { n in
          Provenance(
            document: "rank/\(n % documents + 1).txt", sentence: n, span: TextSpan(start: 0, end: 1),
            quote: "\(source) hit \(target)", rule: "ActiveVoice", modality: .asserted, claimant: nil)
        })
    }
    var edges = [
      edge("S", "weak", documents: 1, statements: 6), edge("weak", "T", documents: 1, statements: 6),
      edge("S", "strong", documents: 3), edge("strong", "T", documents: 3),
      edge("S", "long1", documents: 5), edge("long1", "long2", documents: 5), edge("long2", "T", documents: 5),
    ]
    if reversed { edges.reverse() }
    let entities = ["S", "weak", "strong", "long1", "long2", "T"].map {
      Entity(id: id($0), name: id($0), kind: .armedGroup)
    }
    let workspace = try Workspace(inMemoryNamed: "rank-\(UUID().uuidString)")
    _ = try workspace.store.importGraph(documents: documents, entities: entities, edges: edges)
    return try workspace.querySession()
  }

  struct Variant: Sendable, CustomTestStringConvertible {
    var id: String
    var names: [String: String]
    var reversed: Bool
    var testDescription: String { id }
  }

  static let variants: [Variant] = [
    Variant(id: "as named", names: [:], reversed: false),
    Variant(id: "edges written in reverse", names: [:], reversed: true),
    // The weak middle sorts first by id, the long way before the strong one.
    Variant(id: "renamed", names: ["weak": "a-weak", "strong": "z-strong", "long1": "b-long"], reversed: false),
    Variant(
      id: "renamed, reversed", names: ["weak": "z-weak", "strong": "a-strong", "long2": "b-long"], reversed: true),
  ]

  /// The middle entities of each path, in the order the answer lists them.
  static func middles(_ answer: PathAnswer, _ names: [String: String]) -> [[String]] {
    let original = Dictionary(uniqueKeysWithValues: names.map { ($0.value, $0.key) })
    return answer.paths.map { $0.entities.dropFirst().dropLast().map { original[$0.id] ?? $0.id } }
  }

  @Test(arguments: variants) func shortestFirstThenBestAttested(_ v: Variant) throws {
    let session = try Self.session(names: v.names, reversed: v.reversed)
    let answer = try session.path(PathRequest(from: "S", to: "T", maxHops: 3, all: true, limit: 10))
    #expect(Self.middles(answer, v.names) == [["strong"], ["weak"], ["long1", "long2"]])
    #expect(answer.paths.map(\.length) == [2, 2, 3])
    #expect(!answer.truncated)
  }

  @Test(arguments: variants) func limitAppliesAfterSorting(_ v: Variant) throws {
    let session = try Self.session(names: v.names, reversed: v.reversed)
    let one = try session.path(PathRequest(from: "S", to: "T", maxHops: 3, all: true, limit: 1))
    #expect(Self.middles(one, v.names) == [["strong"]])
    #expect(one.truncated)
    let two = try session.path(PathRequest(from: "S", to: "T", maxHops: 3, all: true, limit: 2))
    #expect(Self.middles(two, v.names) == [["strong"], ["weak"]])
    #expect(two.truncated)
  }
}
