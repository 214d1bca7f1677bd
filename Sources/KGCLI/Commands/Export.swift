import ArgumentParser
import KGPipeline

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the whole graph with provenance.",
    discussion: "JSON offsets are Unicode code points into each article's text, so text[start:end] == quote.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case json }

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "Output format.") var format: Format = .json
  @OptionGroup var output: OutputFileOptions

  func run() throws {
    try ErrorPresentation.run {
      let workspace = try Workspace(queryingStoreAt: storeOptions.store)
      var data = try workspace.exportJSON()
      data.append(10)
      try OutputWriter.write(data, to: output.output)
    }
  }
}
