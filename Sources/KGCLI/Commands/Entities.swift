import ArgumentParser
import KGPipeline

struct Entities: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "entities",
    abstract: "List entities with their type, aliases and edge counts.",
    discussion: """
      Most connected first. --match keeps entities whose id, name or alias contains the text \
      (case, accents and punctuation ignored).
        kg entities --type armed_group
        kg entities --type state,military --match syria
        kg entities --match kurd
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Option(
    name: .customLong("type"),
    help: ArgumentHelp(
      "Only entities of these types, comma-separated or repeated: \(VocabularyList.names(of: EntityKind.self)).",
      valueName: "type[,type…]"),
    transform: { try VocabularyList.parse($0, noun: "an entity type") })
  var types: [[EntityKind]] = []
  @Option(help: ArgumentHelp("Only entities whose id, name or alias contains this text.", valueName: "text"))
  var match: String?
  @OptionGroup var output: OutputOptions

  func run() throws {
    try ErrorPresentation.run {
      let workspace = try Workspace(queryingStoreAt: storeOptions.store)
      if output.json {
        let entities = try workspace.entities(types: Set(types.joined()), match: match)
        try OutputWriter.write(try QueryJSONFormatter.json(entities), to: nil)
      } else {
        let listing = try workspace.entityListing(types: Set(types.joined()), match: match)
        try OutputWriter.writeStandardOutput(QueryTextFormatter.entities(listing))
      }
    }
  }
}
