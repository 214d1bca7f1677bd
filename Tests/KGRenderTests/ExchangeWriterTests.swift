import Foundation
import KGModel
import KGTestSupport
import Testing

@testable import KGRender

#if canImport(FoundationXML)
import FoundationXML
#endif

/// GraphML, GEXF, the Neo4j CSV folder and the event table, written from the sample graphs.
@Suite struct ExchangeWriterTests {
  /// Names, aliases and quotes no XML, CSV or TSV reader should choke on.
  static func hostile() -> KnowledgeGraph {
    let quote = "He said \"go\" & <left>,\tthen\nwent; a\u{FFFE}b\u{FFFF}c\u{01}d\\e"
    return KnowledgeGraph(
      documents: [
        DocumentInfo(
          id: 1, path: "a,\"b\".txt", contentHash: "1",
          metadata: ArticleMetadata(title: "T\tit\"le\n", date: "2019-02-03", outlet: "Out, let"), sentenceCount: 3),
        DocumentInfo(
          id: 2, path: "c.txt", contentHash: "2", metadata: ArticleMetadata(date: "2018-12"), sentenceCount: 3),
      ],
      entities: [
        Entity(id: "a&b", name: "A <&> \"B\"\u{0B}", kind: .armedGroup, aliases: ["x'y", "z\u{FFFF}"], partOf: "c"),
        Entity(id: "c", name: "Cé, \"C\"", kind: .state),
      ],
      edges: [
        Edge(
          id: 7, key: EdgeKey(source: "a&b", type: .attack, target: "c", modality: .alleged), assertedBy: "c",
          provenance: [
            Provenance(
              document: "c.txt", sentence: 1, span: TextSpan(start: 3, end: 9), quote: "weaker", rule: "UnderFire",
              modality: .hypothetical),
            Provenance(
              document: "a,\"b\".txt", sentence: 2, span: TextSpan(start: 10, end: 60), quote: quote,
              rule: "ActiveVoice", modality: .alleged, claimant: "c"),
          ]),
        Edge(
          id: 8, key: EdgeKey(source: "c", type: .kill, target: "a&b", modality: .asserted),
          provenance: [
            Provenance(
              document: "c.txt", sentence: 0, span: TextSpan(start: 0, end: 2), quote: "ok", rule: "ActiveVoice",
              modality: .asserted)
          ]),
      ])
  }

  // MARK: - Facts and escaping

  @Test func edgeFactsCountDocumentsDatesAndPickTheStrongestStatement() {
    let graph = Self.hostile()
    let facts = EdgeFacts(graph.edges[0], dates: EdgeFacts.dates(of: graph))
    #expect(facts.documents == 2)
    #expect(facts.statements == 2)
    #expect(facts.firstDate == "2018-12")
    #expect(facts.lastDate == "2019-02-03")
    #expect(facts.strongest?.rule == "ActiveVoice")  // alleged beats hypothetical, though later
  }

  struct EscapeCase: Sendable, CustomTestStringConvertible {
    var id: String
    var input: String
    var expected: String
    var testDescription: String { id }
  }

  @Test(arguments: [
    EscapeCase(id: "markup", input: "a<b>&\"c'", expected: "a&lt;b&gt;&amp;&quot;c&apos;"),
    EscapeCase(id: "kept whitespace", input: "a\tb\nc\rd", expected: "a&#9;b&#10;c&#13;d"),
    EscapeCase(id: "noncharacters", input: "x\u{FFFE}y\u{FFFF}z", expected: "x\u{FFFD}y\u{FFFD}z"),
    EscapeCase(id: "C0 controls", input: "\u{0}\u{1}\u{0B}\u{1F}", expected: "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
    EscapeCase(id: "astral and accents", input: "é 🙂 ج", expected: "é 🙂 ج"),
  ])
  func xmlEscaping(_ c: EscapeCase) {
    #expect(XMLEscaping.escape(c.input) == c.expected)
  }

  // MARK: - GraphML and GEXF

  @Test func graphMLOfTheSmallGraph() {
    assertGolden(GraphMLWriter().write(SampleGraphs.small()), named: "graphMLOfTheSmallGraph", extension: "graphml")
  }

  @Test func gexfOfTheSmallGraph() {
    assertGolden(GEXFWriter().write(SampleGraphs.small()), named: "gexfOfTheSmallGraph", extension: "gexf")
  }

  @Test(arguments: ["graphml", "gexf"])
  func xmlIsWellFormedWithHostileText(_ format: String) throws {
    let text = format == "graphml" ? GraphMLWriter().write(Self.hostile()) : GEXFWriter().write(Self.hostile())
    #expect(!text.unicodeScalars.contains { !XMLEscaping.isAllowed($0) })
    let parser = XMLParser(data: Data(text.utf8))
    #expect(parser.parse(), "\(String(describing: parser.parserError))")
  }

  /// networkx reads the file back with every node and edge attribute, as written.
  @Test(arguments: ["graphml", "gexf"])
  func networkxReadsEveryAttribute(_ format: String) throws {
    guard Python.hasNetworkX else {
      print("◇ skipped: networkx is not importable; run 'python3 -m pip install networkx' to check \(format) files.")
      return
    }
    let graph = Self.hostile()
    let text = format == "graphml" ? GraphMLWriter().write(graph) : GEXFWriter().write(graph)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("kg-\(UUID().uuidString).\(format)")
    try Data(text.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let script = """
      import json, sys
      import networkx as nx
      G = (nx.read_graphml if sys.argv[2] == 'graphml' else nx.read_gexf)(sys.argv[1])
      edges = {}
      triples = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
      for u, v, k, d in triples:
          d = dict(d)
          d['id'] = d.get('id', k)
          d['source'], d['target'] = u, v
          edges[d['id']] = d
      print(json.dumps({'nodes': {n: d for n, d in G.nodes(data=True)}, 'edges': edges}))
      """
    let result = try Python.run(script, arguments: [file.path, format])
    try #require(result.status == 0, "networkx failed: \(result.output)")
    let read = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String: [String: Any]]])
    let nodes = try #require(read["nodes"])
    let edges = try #require(read["edges"])

    let a = try #require(nodes["a&b"])
    #expect(a["label"] as? String == "A <&> \"B\"\u{FFFD}")
    #expect(a["type"] as? String == "armed_group")
    #expect(a["aliases"] as? String == "x'y|z\u{FFFD}")
    #expect(a["part_of"] as? String == "c")
    #expect(nodes["c"]?["label"] as? String == "Cé, \"C\"")
    #expect(nodes["c"]?["part_of"] == nil)

    let r7 = try #require(edges["r7"])
    #expect(r7["source"] as? String == "a&b")
    #expect(r7["target"] as? String == "c")
    #expect(r7["type"] as? String == "attack")
    #expect(r7["modality"] as? String == "alleged")
    #expect(r7["claimant"] as? String == "c")
    #expect(r7["documents"] as? Int == 2)
    #expect(r7["statements"] as? Int == 2)
    #expect(r7["first_date"] as? String == "2018-12")
    #expect(r7["last_date"] as? String == "2019-02-03")
    #expect(r7["quote"] as? String == "He said \"go\" & <left>,\tthen\nwent; a\u{FFFD}b\u{FFFD}c\u{FFFD}d\\e")
    #expect(r7["quote_document"] as? String == "a,\"b\".txt")
    #expect(r7["quote_sentence"] as? Int == 2)
    #expect(r7["rule"] as? String == "ActiveVoice")
    let r8 = try #require(edges["r8"])
    #expect(r8["type"] as? String == "kill")
    #expect(r8["claimant"] == nil)
    #expect(r8["documents"] as? Int == 1)
  }

  // MARK: - Neo4j

  /// A minimal RFC 4180 reader: fields, with quoted fields unquoted, and whether each was quoted.
  static func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var inQuotes = false
    var scalars = Array(text.unicodeScalars)[...]
    while let c = scalars.popFirst() {
      if inQuotes {
        if c == "\"" {
          if scalars.first == "\"" {
            field.unicodeScalars.append("\"")
            scalars.removeFirst()
          } else {
            inQuotes = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        inQuotes = true
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
        quoted = false
      } else if c == "\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
        quoted = false
      } else {
        field.unicodeScalars.append(c)
      }
    }
    _ = quoted
    return rows
  }

  @Test func neo4jFilesHaveImportHeadersAndQuoteEveryField() throws {
    let files = Neo4jExport().write(Self.hostile())
    #expect(Set(files.keys) == Set(Neo4jExport.fileNames))
    let entities = Self.parseCSV(try #require(files["entities.csv"]))
    #expect(entities[0] == ["id:ID(Entity)", "name", "type", "aliases:string[]", "part_of", ":LABEL"])
    #expect(entities[1] == ["a&b", "A <&> \"B\"\u{0B}", "armed_group", "x'y;z\u{FFFF}", "c", "Entity;ArmedGroup"])
    #expect(entities[2][4] == "")

    let relations = Self.parseCSV(try #require(files["relations.csv"]))
    #expect(
      Array(relations[0].prefix(8)) == [
        ":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "id", "modality", "claimant", "documents:int",
        "statements:int",
      ])
    #expect(relations.count == 3)
    let header = relations[0]
    let r7 = Dictionary(uniqueKeysWithValues: zip(header, relations[1]))
    #expect(r7[":TYPE"] == "ATTACK")
    #expect(r7["documents:int"] == "2")
    #expect(r7["quote"] == Self.hostile().edges[0].provenance[1].quote)
    #expect(r7["first_date"] == "2018-12")

    let evidence = Self.parseCSV(try #require(files["evidence.csv"]))
    #expect(evidence.count == 4)  // header + 3 statements
    let e = Dictionary(uniqueKeysWithValues: zip(evidence[0], evidence[2]))
    #expect(e["id:ID(Evidence)"] == "r7.2")
    #expect(e["edge_id"] == "r7")
    #expect(e["document"] == "a,\"b\".txt")
    #expect(e["start:int"] == "10")
    #expect(e["end:int"] == "60")
    #expect(e["quote"] == Self.hostile().edges[0].provenance[1].quote)
    #expect(e["claimant"] == "c")

    let links = Self.parseCSV(try #require(files["evidence_links.csv"]))
    #expect(links.contains(["r7.2", "a&b", "SOURCE"]))
    #expect(links.contains(["r7.2", "c", "TARGET"]))
    let partOf = Self.parseCSV(try #require(files["part_of.csv"]))
    #expect(partOf == [[":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"], ["a&b", "c", "PART_OF"]])
    let cypher = try #require(files["load.cypher"])
    #expect(cypher.contains("CREATE (a)-[r:ATTACK {id: row.id}]->(b)"))
    #expect(cypher.contains("CREATE (a)-[r:KILL {id: row.id}]->(b)"))
    #expect(!cypher.contains("[r:DETAIN"))
  }

  // MARK: - Events

  @Test func eventTableHasOneEscapedLinePerStatement() throws {
    let text = EventTable().write(Self.hostile())
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 4)
    #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 21 })
    let rows = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[2]))
    #expect(row["event_id"] == "r7.2")
    #expect(row["date"] == "2019-02-03")
    #expect(row["source_name"] == "A <&> \"B\"\u{0B}")
    #expect(row["relation"] == "attack")
    #expect(row["cameo_root"] == "19")
    #expect(row["modality"] == "alleged")
    #expect(row["claimant"] == "c")
    #expect(row["title"] == "T\\tit\"le\\n")
    #expect(row["outlet"] == "Out, let")
    #expect(row["quote"] == "He said \"go\" & <left>,\\tthen\\nwent; a\u{FFFE}b\u{FFFF}c\u{01}d\\\\e")
    #expect(row["start"] == "10")
    let kill = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[3]))
    #expect(kill["cameo_root"] == "18")
    #expect(kill["claimant"] == "")
  }

  @Test(arguments: RelationType.allCases)
  func everyRelationHasATwoDigitCAMEORoot(_ type: RelationType) {
    let root = EventTable.cameoRoot(type)
    #expect(root.count == 2 && Int(root).map { (1...20).contains($0) } == true)
  }
}
