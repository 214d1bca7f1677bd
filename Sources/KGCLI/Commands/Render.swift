import ArgumentParser
import Foundation
import KGPipeline

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draw the graph.",
    discussion: "DOT: one node per entity (shape by type), one edge per relation (colour by type; dashed alleged, dotted hypothetical).")

  enum Format: String, ExpressibleByArgument, CaseIterable { case dot }

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "Output format.") var format: Format = .dot
  @OptionGroup var output: OutputFileOptions

  func run() throws {
    try ErrorPresentation.run {
      let workspace = try Workspace(storePath: storeOptions.store)
      try OutputWriter.write(Data(try workspace.renderDOT().utf8), to: output.output)
    }
  }
}
