import ArgumentParser
import KGPipeline

struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one entity: its names, what it belongs to, and every edge in and out.",
    discussion: """
      ENTITY is an id, a name or an alias, in any case. An ambiguous name lists the candidates; \
      an unknown one suggests near matches and exits with 66.
        kg show SDF
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: ArgumentHelp("An entity id, name or alias.", valueName: "entity")) var entity: String
  @OptionGroup var output: OutputOptions

  func run() throws {
    try ErrorPresentation.run {
      let detail = try Workspace(queryingStoreAt: storeOptions.store).show(entity)
      try QueryOutput.emit(detail, json: output.json, text: QueryTextFormatter.show)
    }
  }
}
