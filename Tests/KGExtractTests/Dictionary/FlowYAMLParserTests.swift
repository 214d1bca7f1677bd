import Foundation
import Testing

@testable import KGExtract

/// The fast reader gives the tree Yams gives for everything it accepts, and hands everything
/// else to Yams.
@Suite struct FlowYAMLParserTests {
  static let builtInFiles = [
    "states", "actors", "places", "phoenix-actors", "state-bodies", "lexicon", "cameo-cues", "patterns",
  ]

  @Test(arguments: builtInFiles)
  func builtInFileReadsAsYamsReadsIt(_ name: String) throws {
    let url = try BuiltInResources.url(name)
    let text = try String(contentsOf: url, encoding: .utf8)
    guard case .node(let fast) = FlowYAMLParser.parse(text) else {
      Issue.record("Dictionaries/\(name).yaml left the fast subset; it would load through Yams")
      return
    }
    let yams = try #require(try YAMLValue.parseWithYams(text, file: name))
    #expect(fast == yams.node)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var yaml: String
    var testDescription: String { id }
  }

  static let sameAsYams: [Case] = [
    Case(id: "flow entries under a section", yaml: "actors:\n  - {id: x, name: X, aliases: [A, B]}\n"),
    Case(id: "quoted scalars", yaml: "a: \"x: y\"\nb: 'it''s'\nc: [\"{D} Army\", 'q']\n"),
    Case(id: "comments and blank lines", yaml: "# head\n\na: [x, y]  # tail\n\n# end\n"),
    Case(id: "nested block mappings", yaml: "relations:\n  attack:\n    verbs: [hit]\n  kill:\n    nouns: []\n"),
    Case(id: "sequence at the key's indentation", yaml: "a:\n- x\n- y\nb: z\n"),
    Case(id: "empty values", yaml: "a:\nb: {c: , d: [ ]}\n"),
    Case(id: "unicode", yaml: "a: [Türkiye, Öcalan, \"Force – Operation\"]\n"),
    Case(id: "keys that share a prefix", yaml: "a: {id: x, ids: y, i: z, name: 'N', names: [\"M\"]}\n"),
    Case(
      id: "unicode keys and values in a flow entry",
      yaml: "a:\n  - {ad: Şam, 名: 東京, aliases: ['Ṣanʿāʾ', \"Ḥimṣ\"]}\n"),
    Case(id: "hyphen and colon inside words", yaml: "a: [-x, http://x, a:b]\n"),
  ]

  @Test(arguments: sameAsYams)
  func readsAsYams(_ c: Case) throws {
    guard case .node(let fast) = FlowYAMLParser.parse(c.yaml) else {
      Issue.record("left to Yams")
      return
    }
    let yams = try #require(try YAMLValue.parseWithYams(c.yaml, file: "t"))
    #expect(fast == yams.node)
  }

  static let leftToYams: [Case] = [
    Case(id: "multi-line flow mapping", yaml: "actors:\n  - {id: x,\n     name: X}\n"),
    Case(id: "duplicate key", yaml: "a: 1\na: 2\n"),
    Case(id: "duplicate key in a flow mapping", yaml: "a: {b: 1, b: 2}\n"),
    Case(
      id: "duplicate key after others in a flow entry",
      yaml: "actors:\n  - {id: x, name: X, type: state, aliases: [A], name: Y}\n"),
    Case(id: "duplicate key in a nested flow mapping", yaml: "a: [{b: 1, c: 2, c: 3}]\n"),
    Case(id: "anchor", yaml: "a: &x 1\nb: *x\n"),
    Case(id: "block scalar", yaml: "a: |\n  text\n"),
    Case(id: "tab indentation", yaml: "a:\n\t- x\n"),
    Case(id: "block mapping in a sequence item", yaml: "a:\n  - id: x\n    name: X\n"),
    Case(id: "unclosed flow", yaml: "a: [x, y\n"),
    Case(id: "document marker", yaml: "---\na: 1\n"),
    Case(id: "plain scalar continued", yaml: "a: one\n  two\n"),
    Case(id: "control character", yaml: "a: [x\u{1A}y]\n"),
    Case(id: "C1 control character", yaml: "a: [x\u{92}y]\n"),
  ]

  @Test(arguments: leftToYams)
  func leavesToYams(_ c: Case) {
    if case .unsupported = FlowYAMLParser.parse(c.yaml) { return }
    Issue.record("the fast reader accepted a construct outside its subset")
  }

  /// A key written twice in one flow entry is left to Yams, which names the file and the line.
  @Test func aKeyTwiceInAFlowEntryIsReportedByLine() {
    var dictionary = ActorDictionary()
    let yaml = "actors:\n  - {id: x, name: X, type: state}\n  - {id: y, name: Y, type: state, name: Z}\n"
    #expect(throws: DictionaryError.self) { try dictionary.load(yaml: yaml, file: "u.yaml") }
    do {
      try dictionary.load(yaml: yaml, file: "u.yaml")
    } catch {
      #expect(
        error
          == .malformedEntry(
            file: "u.yaml", line: 3, reason: "'name' appears twice in the same mapping; merge the two into one"),
        "\(error)")
    }
  }
}
