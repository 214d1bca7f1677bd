import Foundation
import KGTestSupport
import Testing

/// `kg export --format …` and `kg render`'s format inference through the real binary, on the
/// seeds: every format is written from the same filtered graph as the JSON export.
@Suite struct ExportFormatTests {
  /// The seeds built once into a store every test reads.
  static let store: Result<TempFolder, any Error> = Result {
    let folder = try TempFolder("kg-export")
    let built = try KGProcess.run(["build", KGProcess.seeds.path, "--store", "kg.sqlite"], in: folder.url)
    guard built.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    return folder
  }

  func kg(_ arguments: [String]) throws -> KGProcess.Result {
    try KGProcess.run(arguments + ["--store", "kg.sqlite"], in: try Self.store.get().url)
  }

  /// The JSON export with `filter`, as edges and their statement counts.
  func jsonEdges(_ filter: [String] = []) throws -> [[String: Any]] {
    let result = try kg(["export", "--format", "json"] + filter)
    try #require(result.status == 0, "\(result)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    return try #require(root["edges"] as? [[String: Any]])
  }

  @Test(arguments: [[], ["--type", "attack", "--modality", "asserted"], ["--since", "2019", "--min-documents", "1"]])
  func eventsHaveOneRowPerStatementOfTheJSONExport(_ filter: [String]) throws {
    let edges = try jsonEdges(filter)
    let statements = edges.reduce(0) { $0 + (($1["provenance"] as? [Any])?.count ?? 0) }
    #expect(statements > 0)
    let result = try kg(["export", "--format", "events"] + filter)
    #expect(result.status == 0, "\(result)")
    let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(lines.first?.first == "event_id")
    #expect(lines.count == statements + 1)
    #expect(lines.allSatisfy { $0.count == 21 })
    if filter.contains("attack") {
      #expect(lines.dropFirst().allSatisfy { $0[5] == "attack" && $0[6] == "19" })
    }
  }

  @Test(arguments: ["graphml", "gexf"])
  func networkxReadsTheSeedsGraph(_ format: String) throws {
    let folder = try Self.store.get()
    let filter = ["--type", "attack", "--type", "kill"]
    let edges = try jsonEdges(filter)
    let result = try kg(["export", "--format", format, "-o", "seeds.\(format)"] + filter)
    #expect(result.status == 0, "\(result)")
    guard Python.hasNetworkX else {
      print("◇ skipped the networkx check: networkx is not importable ('python3 -m pip install networkx').")
      return
    }
    let script = """
      import sys, networkx as nx
      G = (nx.read_graphml if sys.argv[2] == 'graphml' else nx.read_gexf)(sys.argv[1])
      types = sorted({d['type'] for _, _, d in G.edges(data=True)})
      complete = all({'type', 'modality', 'documents', 'quote', 'rule'} <= set(d) for _, _, d in G.edges(data=True))
      nodes = all({'label', 'type', 'aliases'} <= set(d) for _, d in G.nodes(data=True))
      print(G.number_of_edges(), ','.join(types), complete, nodes)
      """
    let read = try Python.run(script, arguments: [folder.path("seeds.\(format)"), format])
    #expect(read.status == 0, "\(read.output)")
    #expect(read.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(edges.count) attack,kill True True")
  }

  @Test func neo4jWritesAFolderMatchingTheJSONExport() throws {
    let folder = try Self.store.get()
    let edges = try jsonEdges()
    let statements = edges.reduce(0) { $0 + (($1["provenance"] as? [Any])?.count ?? 0) }
    let result = try kg(["export", "--format", "neo4j", "-o", "neo4j-out/nested"])
    #expect(result.status == 0, "\(result)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("neo4j-out/nested"))
    #expect(Set(names).isSuperset(of: ["entities.csv", "relations.csv", "evidence.csv", "load.cypher"]))
    let relations = try String(contentsOfFile: folder.path("neo4j-out/nested/relations.csv"), encoding: .utf8)
    #expect(relations.hasPrefix(":START_ID(Entity),:END_ID(Entity),:TYPE,id,modality,claimant,documents:int"))
    let evidence = try String(contentsOfFile: folder.path("neo4j-out/nested/evidence.csv"), encoding: .utf8)
    #expect(evidence.components(separatedBy: ",\"Evidence\"\n").count - 1 == 0)  // labels are bare
    #expect(evidence.components(separatedBy: ",Evidence\n").count - 1 == statements)
    #expect(relations.split(separator: "\n").count >= edges.count + 1)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var arguments: [String]
    var expectedExit: Int32
    var stderrContains: String
    var testDescription: String { id }
  }

  @Test(arguments: [
    Case(
      id: "neo4j without a folder", arguments: ["export", "--format", "neo4j"], expectedExit: 64,
      stderrContains: "-o DIR"),
    Case(
      id: "neo4j onto a file", arguments: ["export", "--format", "neo4j", "-o", "kg.sqlite"], expectedExit: 74,
      stderrContains: "writes a folder"),
    Case(
      id: "an unknown export format", arguments: ["export", "--format", "xlsx"], expectedExit: 64,
      stderrContains: "graphml"),
    Case(
      id: "an unknown focus", arguments: ["export", "--format", "events", "--focus", "Atlantis"], expectedExit: 66,
      stderrContains: "'Atlantis'"),
    Case(
      id: "--format contradicting -o", arguments: ["render", "--format", "dot", "-o", "x.svg"], expectedExit: 64,
      stderrContains: "contradicts the file name 'x.svg'"),
    Case(
      id: "render --path filters the search",
      arguments: ["render", "--path", "Russia", "ISIS", "--undirected", "--type", "support", "-o", "p.dot"],
      expectedExit: 66, stderrContains: "no path from 'Russia' to 'ISIS'"),
  ])
  func refusals(_ c: Case) throws {
    let result = try kg(c.arguments)
    #expect(result.status == c.expectedExit, "\(result)")
    #expect(result.stderr.contains(c.stderrContains), "\(result)")
  }

  @Test func focusExportKeepsOnlyTheEgoNetwork() throws {
    let result = try kg(["export", "--format", "events", "--focus", "ISIS", "--depth", "1"])
    #expect(result.status == 0, "\(result)")
    let rows = result.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    let everything = try kg(["export", "--format", "events"]).stdout.split(separator: "\n").count - 1
    #expect(!rows.isEmpty && rows.count < everything)
    // One hop either way: every statement joins ISIS or one of its direct neighbours.
    let near = Set(rows.filter { $0[2] == "isis" || $0[7] == "isis" }.flatMap { [$0[2], $0[7]] })
    #expect(near.contains("isis"))
    #expect(rows.allSatisfy { near.contains($0[2]) && near.contains($0[7]) })
  }

  @Test func renderInfersTheFormatFromTheFileName() throws {
    let folder = try Self.store.get()
    let dot = try kg(["render", "-o", "inferred.gv"])
    #expect(dot.status == 0, "\(dot)")
    #expect(try String(contentsOfFile: folder.path("inferred.gv"), encoding: .utf8).hasPrefix("digraph"))

    let png = try kg(["render", "--focus", "ISIS", "-o", "inferred.png"])
    if png.status == 69 {
      #expect(png.stderr.contains("Graphviz"), "\(png)")  // no `dot` and no libgraphviz here
      #expect(!FileManager.default.fileExists(atPath: folder.path("inferred.png")))
    } else {
      #expect(png.status == 0, "\(png)")
      let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path("inferred.png")))
      #expect(bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
      let svg = try kg(["render", "--focus", "ISIS", "-o", "inferred.svg"])
      #expect(svg.status == 0, "\(svg)")
      #expect(try String(contentsOfFile: folder.path("inferred.svg"), encoding: .utf8).contains("<svg"))
    }
  }

  @Test func pathAllListsShortestFirstAndLimitsAfterSorting() throws {
    let arguments = ["path", "Russia", "ISIS", "--all", "--undirected", "--max-hops", "3", "--json"]
    func lengths(_ limit: Int) throws -> [Int] {
      let result = try kg(arguments + ["--limit", String(limit)])
      try #require(result.status == 0, "\(result)")
      let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let answer = try #require(root["answer"] as? [String: Any])
      return try #require(answer["paths"] as? [[String: Any]]).compactMap { $0["length"] as? Int }
    }
    let all = try lengths(1000)
    #expect(all.count > 2)
    #expect(all == all.sorted())
    #expect(Set(all).count > 1)
    #expect(try lengths(1) == [all.min()!])
  }
}
