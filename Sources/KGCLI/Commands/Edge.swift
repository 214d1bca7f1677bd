import ArgumentParser
import KGPipeline

/// `kg edge ID`. Named `EdgeCommand` so that it does not hide `KGModel.Edge`.
struct EdgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edge",
    abstract: "Show the full provenance of one edge.",
    discussion: """
      Every document and sentence that states the edge: the quote with the source and target \
      marked ⟦ ⟧, the article's title, outlet and date, the modality, the claimant and the rule \
      (Sources/KGExtract/Rules/<rule>.swift).
        kg edge r12
        kg edge 12
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: ArgumentHelp("An edge id, as 'r12' or '12'.", valueName: "id")) var id: String
  @OptionGroup var output: OutputOptions

  func run() throws {
    try ErrorPresentation.run {
      let provenance = try Workspace(queryingStoreAt: storeOptions.store).edge(id)
      try QueryOutput.emit(provenance, json: output.json, text: QueryTextFormatter.provenance)
    }
  }
}
