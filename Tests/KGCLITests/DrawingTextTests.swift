import Foundation
import KGPipeline
import Testing

/// Text from articles and dictionaries that would break a drawing: code points XML forbids,
/// names longer than Graphviz reads, and an entity whose id is the legend's node name.
@Suite struct DrawingTextTests {
  static let nonCharacter = Unicode.Scalar(0xFDD0)!
  static let longName = String(repeating: "Brigade ", count: 2500)

  static func store(in folder: TempFolder) throws {
    let document = DocumentInfo(
      id: 0, path: "odd.txt", contentHash: "h",
      metadata: ArticleMetadata(title: "Odd", dateText: nil, date: "2019-01-01", outlet: nil), sentenceCount: 1)
    let entities = [
      Entity(id: "kg:legend", name: "Legend Corp", kind: .organization),
      Entity(id: "bad", name: "Bad\u{FFFF}Name\u{FFFE}", kind: .armedGroup, aliases: [Self.longName + "alias"]),
      Entity(id: "long", name: Self.longName, kind: .armedGroup),
    ]
    let pairs = [("bad", "kg:legend"), ("long", "bad"), ("kg:legend", "long")]
    let edges = pairs.map { s, t in
      Edge(
        key: EdgeKey(source: s, type: .attack, target: t, modality: .asserted), assertedBy: nil,
        provenance: [
          Provenance(
            document: "odd.txt", sentence: 0, span: TextSpan(start: 0, end: 1),
            quote: "\u{FFFF}\(s) hit \(t)" + String(Self.nonCharacter),
            rule: "ActiveVoice", modality: .asserted, claimant: nil)
        ])
    }
    let store = try GraphStore(path: folder.path("kg.sqlite"))
    try store.importGraph(documents: [document], entities: entities, edges: edges)
    try store._close()
  }

  @Test func dotHasNoXMLInvalidCodePointsNoHugeStringsAndItsOwnLegend() throws {
    let folder = try TempFolder("kg-drawing")
    try Self.store(in: folder)
    let result = try KGProcess.run(["render", "--format", "dot", "--store", "kg.sqlite"], in: folder.url)
    #expect(result.status == 0, "\(result)")
    let dot = result.stdout
    for bad in [Unicode.Scalar(0xFFFF)!, Unicode.Scalar(0xFFFE)!, Self.nonCharacter] {
      #expect(!dot.unicodeScalars.contains(bad), "U+\(String(bad.value, radix: 16)) in the DOT")
    }
    #expect(dot.contains("Bad\u{FFFD}Name\u{FFFD}"))
    // Every quoted string is far under Graphviz's 16,384-byte limit.
    let longest = dot.split(separator: "\"").map(\.utf8.count).max() ?? 0
    #expect(longest < 16_384 / 2, "a string of \(longest) bytes")
    // The entity `kg:legend` and the legend are two nodes.
    let entityLines = dot.split(separator: "\n").filter { $0.hasPrefix("  \"kg:legend\" [") }
    #expect(entityLines.count == 1 && entityLines[0].contains("Legend Corp"), "\(entityLines)")
    let legendLines = dot.split(separator: "\n").filter { $0.contains("id=\"legend\"") }
    #expect(legendLines.count == 1 && !legendLines[0].hasPrefix("  \"kg:legend\" ["), "\(legendLines)")

    // Through Graphviz when this kg has it: the SVG is well-formed XML.
    let svg = try KGProcess.run(["render", "--format", "svg", "-o", "out.svg", "--store", "kg.sqlite"], in: folder.url)
    guard svg.status != 69, let python = KGProcess.python else { return }
    #expect(svg.status == 0, "\(svg)")
    let parse = Process()
    parse.executableURL = python
    parse.arguments = ["-c", "import xml.etree.ElementTree as E; E.parse('\(folder.path("out.svg"))')"]
    try parse.run()
    parse.waitUntilExit()
    #expect(parse.terminationStatus == 0, "the SVG is not well-formed XML")
  }
}
