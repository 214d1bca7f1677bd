import ArgumentParser
import KGPipeline

struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Count the documents, entities and edges in the store, by type.")

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    try ErrorPresentation.run {
      let stats = try Workspace(queryingStoreAt: storeOptions.store).stats()
      try QueryOutput.emit(stats, json: output.json, text: QueryTextFormatter.stats)
    }
  }
}
