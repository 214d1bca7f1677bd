import ArgumentParser
import Foundation
import KGPipeline

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the graph with provenance as JSON, GraphML, GEXF, Neo4j CSV or an event table.",
    discussion: """
      Every format is written from the same selection as 'kg render': the filters and --focus \
      keep the same edges. Formats:
        json     the shape score.py reads; offsets are Unicode code points, so text[start:end] == quote
        graphml  GraphML for Gephi, yEd, Cytoscape and networkx (node and edge attributes as keys)
        gexf     GEXF 1.2 for Gephi and networkx
        neo4j    a folder (-o DIR) of CSV files for 'neo4j-admin database import' and load.cypher for LOAD CSV
        events   one tab-separated row per statement, with the CAMEO root code of its relation

      Examples:
        kg export --format graphml -o graphs/seeds.graphml
        kg export --format neo4j -o /tmp/kg-neo4j
        kg export --format events --type attack,kill --since 2019 -o attacks.tsv
        kg export --format graphml --modality asserted --min-documents 2 -o asserted.graphml
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, graphml, gexf, neo4j, events }

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "Output format.") var format: Format = .json
  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp(
      "Write to this file (a folder for --format neo4j) instead of standard output.", valueName: "path"))
  var output: String?
  @Option(help: ArgumentHelp("Export only the network around this entity (id, name or alias).", valueName: "entity"))
  var focus: String?
  @Option(help: "With --focus: the most hops from the entity, following edges either way.")
  var depth: Int = 1
  @OptionGroup var filterOptions: FilterOptions

  func validate() throws {
    if focus == nil && depth != 1 { throw ValidationError("--depth needs --focus ENTITY.") }
    if depth < 0 { throw ValidationError("--depth '\(depth)' is negative; give 0 or more hops.") }
    if format == .neo4j && (output == nil || output == "-" || output == "/dev/stdout") {
      throw ValidationError("--format neo4j writes a folder of files; name it with -o DIR.")
    }
  }

  func run() throws {
    try ErrorPresentation.run {
      let workspace = try Workspace(queryingStoreAt: storeOptions.store)
      let request = ExportRequest(
        format: ExportRequest.Format(rawValue: format.rawValue)!, filter: filterOptions.criteria, focus: focus,
        depth: depth)
      switch try workspace.export(request) {
      case .file(let data):
        try OutputWriter.write(data, to: output)
      case .folder(let files):
        try OutputFolder.write(files, to: output!)
      }
    }
  }
}

/// Writes the files of a folder export (`-o DIR`), making the folder when it is missing and
/// replacing the files it names; other files in it are left alone.
enum OutputFolder {
  static func write(_ files: [String: Data], to path: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw OutputError.cannotWrite(path: path, reason: "it is a file, and this format writes a folder")
      }
    } else {
      do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      } catch {
        throw OutputError.cannotWrite(path: path, reason: OutputError.reason(error))
      }
    }
    for name in files.keys.sorted() {
      try OutputFile.write(files[name]!, to: (path as NSString).appendingPathComponent(name))
    }
  }
}
