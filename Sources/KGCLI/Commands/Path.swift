import ArgumentParser
import KGPipeline

struct Path: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "path",
    abstract: "Show how two entities are connected: the shortest paths, or every path up to N hops.",
    discussion: """
      Without --all, prints every shortest path (ties included); with --all, every simple path of \
      at most --max-hops hops (4 by default), shortest first, then best attested (--limit applies after sorting); that search stops after \
      \(GraphIndex.defaultPathBudget) steps and says so. Each hop shows its relation and its strongest \
      evidence quote. Edges are followed in their direction unless --undirected is given. \
      When there is no path the exit code is 66.
        kg path Turkey ISIS --undirected
        kg path "Russian Air Force" Idlib --all --max-hops 3 --type attack,kill
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: ArgumentHelp("The entity the path starts at.", valueName: "from")) var from: String
  @Argument(help: ArgumentHelp("The entity the path ends at.", valueName: "to")) var to: String
  @Option(help: ArgumentHelp("The most hops a path may have.", valueName: "n")) var maxHops: Int?
  @Flag(help: "Every simple path up to --max-hops, not only the shortest.") var all = false
  @Flag(help: "Follow edges in both directions.") var undirected = false
  @Option(help: ArgumentHelp("The most paths printed.", valueName: "n")) var limit = 20
  @OptionGroup var filter: FilterOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let maxHops, !(1...PathRequest.maximumHops).contains(maxHops) {
      throw ValidationError("--max-hops must be between 1 and \(PathRequest.maximumHops), not \(maxHops).")
    }
    if !(1...PathRequest.maximumLimit).contains(limit) {
      throw ValidationError("--limit must be between 1 and \(PathRequest.maximumLimit), not \(limit).")
    }
  }

  func run() throws {
    try ErrorPresentation.run {
      let request = PathRequest(
        from: from, to: to, maxHops: maxHops, all: all, undirected: undirected, filter: try filter.filter(),
        limit: limit)
      let answer = try Workspace(queryingStoreAt: storeOptions.store).path(request)
      try QueryOutput.emit(answer, json: output.json, text: QueryTextFormatter.path)
    }
  }
}
