import ArgumentParser
import KGPipeline

struct Neighbors: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "neighbors",
    abstract: "List the edges at an entity, with the entity at the other end.",
    discussion: """
      Who attacked, accused or backed X:
        kg neighbors YPG --direction in --type attack,accuse,support
        kg neighbors Turkey --modality asserted --since 2018-01-01 --until 2018-12-31
      """)

  /// Which edges to list.
  enum DirectionArgument: String, ExpressibleByArgument, CaseIterable {
    case `in`, out, both

    var direction: Direction {
      switch self {
      case .in: .in
      case .out: .out
      case .both: .both
      }
    }
  }

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: ArgumentHelp("An entity id, name or alias.", valueName: "entity")) var entity: String
  @Option(help: "Edges into the entity, out of it, or both.") var direction: DirectionArgument = .both
  @OptionGroup var filter: FilterOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    try ErrorPresentation.run {
      let answer = try Workspace(queryingStoreAt: storeOptions.store).neighbors(
        of: entity, direction: direction.direction, filter: try filter.filter())
      try QueryOutput.emit(answer, json: output.json, text: QueryTextFormatter.neighbors)
    }
  }
}
