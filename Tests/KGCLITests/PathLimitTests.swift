import Foundation
import KGPipeline
import Testing

/// `kg path` with numbers at the ends of their range, and `--all` on a graph whose simple paths
/// are too many to enumerate: usage errors and a bounded search, never a trap or a hang.
@Suite struct PathLimitTests {
  /// 19 entities: `S` → each of 16 others, which all point at each other and back at `S`, and
  /// `S` → `X` → `T`. Every path to `T` goes through `S`'s last edge, and the depth-first search
  /// meets about 10^8 dead-end simple paths inside the clique first.
  static func denseStore(in folder: TempFolder) throws {
    let clique = (0..<16).map { "N\($0)" }
    let ids = ["S"] + clique + ["X", "T"]
    let document = DocumentInfo(
      id: 0, path: "dense.txt", contentHash: "h",
      metadata: ArticleMetadata(title: "Dense", dateText: nil, date: "2019-01-01", outlet: nil), sentenceCount: 1)
    var pairs = clique.map { ("S", $0) }
    for a in clique {
      for b in clique where a != b { pairs.append((a, b)) }
      pairs.append((a, "S"))
    }
    pairs += [("S", "X"), ("X", "T")]
    let edges = pairs.map { s, t in
      Edge(
        key: EdgeKey(source: s, type: .attack, target: t, modality: .asserted), assertedBy: nil,
        provenance: [
          Provenance(
            document: "dense.txt", sentence: 0, span: TextSpan(start: 0, end: 1), quote: "\(s) hit \(t)",
            rule: "ActiveVoice", modality: .asserted, claimant: nil)
        ])
    }
    let store = try GraphStore(path: folder.path("kg.sqlite"))
    try store.importGraph(
      documents: [document], entities: ids.map { Entity(id: $0, name: $0, kind: .armedGroup) }, edges: edges)
    try store._close()
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var arguments: [String]
    var stderrContains: String
    var testDescription: String { id }
  }

  static let usageCases: [Case] = [
    Case(id: "--limit Int.max", arguments: ["S", "T", "--limit", "9223372036854775807"], stderrContains: "--limit"),
    Case(
      id: "--all --max-hops over Int32", arguments: ["S", "T", "--all", "--max-hops", "3000000000"],
      stderrContains: "--max-hops"),
    Case(
      id: "shortest --max-hops Int.max", arguments: ["S", "T", "--max-hops", "9223372036854775807"],
      stderrContains: "--max-hops"),
  ]

  @Test(arguments: usageCases) func hugeNumbersAreUsageErrors(_ c: Case) throws {
    let folder = try TempFolder("kg-path-limit")
    try Self.denseStore(in: folder)
    let result = try KGProcess.run(["path"] + c.arguments + ["--store", "kg.sqlite"], in: folder.url, timeout: 60)
    #expect(result.status == 64, "\(result)")
    #expect(result.stderr.contains(c.stderrContains), "\(result)")
    #expect(!result.stderr.contains("Fatal error"))
  }

  @Test func everyPathSearchIsBoundedAndSaysSo() throws {
    let folder = try TempFolder("kg-path-dense")
    try Self.denseStore(in: folder)
    let start = Date()
    let text = try KGProcess.run(
      ["path", "S", "T", "--all", "--max-hops", "10", "--store", "kg.sqlite"], in: folder.url, timeout: 90)
    #expect(!text.timedOut && text.status == 0, "\(text)")
    #expect(text.stdout.contains("the search was cut after"), "\(text)")
    #expect(Date().timeIntervalSince(start) < 60)
    let json = try KGProcess.run(
      ["path", "S", "T", "--all", "--max-hops", "10", "--json", "--store", "kg.sqlite"], in: folder.url, timeout: 90)
    #expect(!json.timedOut && json.status == 0, "\(json)")
    #expect(json.stdout.contains("\"searchCut\" : true"), "\(json)")
    // A small graph is searched to the end and says nothing about a cut.
    let short = try KGProcess.run(
      ["path", "S", "T", "--all", "--max-hops", "2", "--json", "--store", "kg.sqlite"], in: folder.url, timeout: 90)
    #expect(short.status == 0 && short.stdout.contains("\"searchCut\" : false"), "\(short)")
    // A drawing of those paths says it is partial.
    let render = try KGProcess.run(
      ["render", "--path", "S", "T", "--all", "--max-hops", "10", "--store", "kg.sqlite"], in: folder.url, timeout: 90)
    #expect(render.status == 0 && render.stderr.contains("kg: warning: the search for every path was cut"), "\(render)")
  }
}
