import ArgumentParser
import Foundation
import KGPipeline

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw the graph, or the network around one entity, as DOT or SVG.",
    discussion: """
      Nodes: shape and fill by entity type. Edges: colour by relation type; solid asserted, \
      dashed alleged, dotted hypothetical; wider when more documents state them; one line per \
      relation, 'attack ×2' where modalities were merged. Hover an edge for its strongest quote \
      and source; its id ('r12') is what 'kg edge' takes.

      The format is --format, else the extension of -o (.dot or .gv, .svg, .png, .pdf), else \
      DOT; a --format that contradicts the extension is a usage error. With --path, the filters \
      apply to the path search as well as to the drawing.

      SVG, PNG and PDF use libgraphviz when kg was built with 'swift build --traits Graphviz', else the \
      'dot' command ('apt-get install graphviz').

      Examples:
        kg render -o graphs/seeds.svg
        kg render --focus ISIS --depth 2 --type attack,kill -o isis.dot
        kg render --since 2018-11 --min-documents 2 --cluster
        kg render --path Iran ISIS --undirected --format svg -o iran-isis.svg
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case dot, svg, png, pdf
    var format: RenderRequest.Format { RenderRequest.Format(rawValue: rawValue)! }
  }

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "Output format (default: from -o's extension, .dot .gv .svg .png .pdf; else dot).")
  var format: Format?
  @OptionGroup var output: OutputFileOptions

  @Option(help: ArgumentHelp("Draw only the network around this entity (id, name or alias).", valueName: "entity"))
  var focus: String?
  @Option(help: "With --focus: the most hops from the entity, following edges either way.")
  var depth: Int = 1

  @OptionGroup var filterOptions: FilterOptions

  @Option(
    name: .customLong("path"), parsing: .upToNextOption,
    help: ArgumentHelp("Highlight the shortest paths between two entities, as 'kg path' finds them.", valueName: "A B"))
  var pathEnds: [String] = []
  @Flag(help: "With --path: every simple path up to --max-hops, not only the shortest.") var all = false
  @Option(help: ArgumentHelp("With --path: the longest path drawn.", valueName: "n")) var maxHops: Int?
  @Flag(help: "With --path: follow edges in either direction.") var undirected = false

  @Flag(help: "Box entities inside the entity they are part of.") var cluster = false
  @Option(help: ArgumentHelp("With --format svg: stop a 'dot' that runs longer than this.", valueName: "seconds"))
  var timeout: Double = SVGRenderer.defaultTimeout
  @Flag(inversion: .prefixedNo, help: "Draw a legend.") var legend = true

  func validate() throws {
    if focus == nil && depth != 1 { throw ValidationError("--depth needs --focus ENTITY.") }
    if !pathEnds.isEmpty && pathEnds.count != 2 {
      throw ValidationError(
        "--path takes two entities, 'A B'; got \(pathEnds.count): \(pathEnds.map { "'\($0)'" }.joined(separator: " "))."
      )
    }
    if !pathEnds.isEmpty && focus != nil { throw ValidationError("Give either --focus or --path, not both.") }
    if pathEnds.isEmpty && (all || maxHops != nil || undirected) {
      throw ValidationError("--all, --max-hops and --undirected go with --path A B.")
    }
    if depth < 0 { throw ValidationError("--depth '\(depth)' is negative; give 0 or more hops.") }
    if let maxHops, !(1...PathRequest.maximumHops).contains(maxHops) {
      throw ValidationError("--max-hops must be between 1 and \(PathRequest.maximumHops), not \(maxHops).")
    }
    if !(timeout > 0 && timeout <= 86_400) {
      throw ValidationError("--timeout must be between 0 and 86400 seconds, not \(timeout).")
    }
    if let format, let named = output.output.flatMap(RenderRequest.Format.init(fileName:)), named != format.format {
      throw ValidationError(
        "--format \(format.rawValue) contradicts the file name '\(output.output!)', which asks for \(named.rawValue); drop --format or rename the file."
      )
    }
  }

  var filter: RenderFilter { filterOptions.criteria }

  /// `--format`, else the format `-o`'s extension names, else DOT.
  var resolvedFormat: RenderRequest.Format {
    format?.format ?? output.output.flatMap(RenderRequest.Format.init(fileName:)) ?? .dot
  }

  func run() throws {
    try ErrorPresentation.run {
      let workspace = try Workspace(queryingStoreAt: storeOptions.store)
      var scope: RenderRequest.Scope = focus.map { .focus($0, depth: depth) } ?? .whole
      if pathEnds.count == 2 {
        let answer = try workspace.path(
          PathRequest(
            from: pathEnds[0], to: pathEnds[1], maxHops: maxHops, all: all, undirected: undirected,
            filter: try filter.edgeFilter()))
        scope = .paths(answer.edgeIDs)
        if answer.searchCut {
          printErr(
            "kg: warning: the search for every path was cut after \(answer.searchBudget ?? 0) steps; the drawing shows the paths found. Lower --max-hops to see them all."
          )
        }
      }
      let request = RenderRequest(
        format: resolvedFormat, scope: scope, filter: filter, cluster: cluster, legend: legend,
        svgRenderer: SVGRenderer(timeout: timeout))
      let data: Data
      do {
        data = try workspace.renderData(request)
      } catch let error as RenderRequestError {
        // A focus the graph does not hold is a usage error (64), told in the user's words.
        printErr("kg: \(error)")
        throw ExitCode(ExitStatus.usage.rawValue)
      }
      try OutputWriter.write(data, to: output.output)
    }
  }
}
