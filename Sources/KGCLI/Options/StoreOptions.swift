import ArgumentParser

/// `--store FILE`, shared by every command that reads or writes the graph.
struct StoreOptions: ParsableArguments {
  static let defaultPath = "graphs/kg.sqlite"

  @Option(name: .long, help: ArgumentHelp("The SQLite store.", valueName: "file"))
  var store: String = StoreOptions.defaultPath
}

/// `-o FILE`: where to write; standard output when absent.
struct OutputFileOptions: ParsableArguments {
  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var output: String?
}
