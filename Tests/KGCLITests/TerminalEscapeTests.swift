import Foundation
import KGPipeline
import Testing

/// Escape sequences in articles, names and file names are printed escaped (`\x1B`), never raw,
/// in text output and in error messages.
@Suite struct TerminalEscapeTests {
  static let esc = "\u{1B}]0;pwned\u{07}\u{1B}[2J"

  static func store(in folder: TempFolder) throws {
    let document = DocumentInfo(
      id: 0, path: "doc\(esc).txt", contentHash: "h",
      metadata: ArticleMetadata(title: "T\(esc)", dateText: nil, date: "2019-01-01", outlet: nil), sentenceCount: 1)
    let entities = [
      Entity(id: "a", name: "Alpha\(esc)", kind: .armedGroup, aliases: ["Al\(esc)"]),
      Entity(id: "b", name: "Beta", kind: .armedGroup),
    ]
    let edge = Edge(
      key: EdgeKey(source: "a", type: .attack, target: "b", modality: .asserted), assertedBy: nil,
      provenance: [
        Provenance(
          document: "doc\(esc).txt", sentence: 0, span: TextSpan(start: 0, end: 1), quote: "Alpha\(esc) hit Beta",
          rule: "ActiveVoice", modality: .asserted, claimant: nil)
      ])
    let store = try GraphStore(path: folder.path("kg.sqlite"))
    try store.importGraph(documents: [document], entities: entities, edges: [edge])
    try store._close()
  }

  static func assertClean(_ result: KGProcess.Result, _ label: String) {
    #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}"), "\(label): raw control in stdout")
    #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "\(label): raw control in stderr")
  }

  @Test func queriesAndErrorsPrintControlCharactersEscaped() throws {
    let folder = try TempFolder("kg-escape")
    try Self.store(in: folder)
    let commands: [[String]] = [
      ["entities"], ["show", "a"], ["neighbors", "b"], ["path", "a", "b"], ["edge", "r1"], ["why", "a", "attack", "b"],
      ["show", "nobody\(Self.esc)"], ["path", "a", "b", "--type", "attack\(Self.esc)"],
    ]
    for command in commands {
      let result = try KGProcess.run(command + ["--store", "kg.sqlite"], in: folder.url)
      Self.assertClean(result, command.joined(separator: " "))
    }
    let entities = try KGProcess.run(["entities", "--store", "kg.sqlite"], in: folder.url)
    #expect(entities.stdout.contains("Alpha\\x1B]0;pwned\\x07\\x1B[2J"), "\(entities)")
    let unknown = try KGProcess.run(["show", "nobody\(Self.esc)", "--store", "kg.sqlite"], in: folder.url)
    #expect(unknown.status == 66 && unknown.stderr.contains("nobody\\x1B]0;pwned"), "\(unknown)")
  }

  @Test func buildAndExplainPrintControlCharactersEscaped() throws {
    let folder = try TempFolder("kg-escape-build")
    try folder.write("in/empty\(Self.esc).txt", "")
    try folder.seed(0, as: "in/good.txt")
    let build = try KGProcess.run(["build", "in", "--store", "kg.sqlite", "--verbose"], in: folder.url)
    #expect(build.status == 65, "\(build)")
    #expect(build.stderr.contains("empty\\x1B]0;pwned\\x07\\x1B[2J.txt: is empty"), "\(build)")
    Self.assertClean(build, "build")
    let explain = try KGProcess.run(
      ["explain", "Turkish jets\(Self.esc) bombed YPG positions near Afrin."], in: folder.url)
    #expect(explain.status == 0, "\(explain)")
    Self.assertClean(explain, "explain")
  }
}
