import ArgumentParser
import KGPipeline

struct Why: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "why",
    abstract: "Show why the graph says SOURCE TYPE TARGET: the provenance of that edge.",
    discussion: """
      Prints every edge of that type from SOURCE to TARGET (one per modality), as 'kg edge' does. \
      When there is none, the message lists the edges that do join the two.
        kg why Turkey attack YPG
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: ArgumentHelp("The source entity.", valueName: "source")) var source: String
  @Argument(help: ArgumentHelp("The relation type.", valueName: "type")) var type: RelationArgument
  @Argument(help: ArgumentHelp("The target entity.", valueName: "target")) var target: String
  @OptionGroup var output: OutputOptions

  func run() throws {
    try ErrorPresentation.run {
      let edges = try Workspace(queryingStoreAt: storeOptions.store).why(source, type.type, target)
      try QueryOutput.emit(edges, json: output.json, text: QueryTextFormatter.why)
    }
  }
}
