import ArgumentParser
import KGPipeline

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the store for damage: every page, index entry and reference, and its counts.",
    discussion: """
      Runs SQLite's full integrity check and foreign-key check, reading the whole file without \
      changing it (a second or so per few hundred megabytes), then recounts the documents, \
      statements, entities and edges that 'kg stats' and 'kg entities' read from counters. \
      Other commands check only the schema when they open a store. Exit 0 when the store is \
      sound, 74 when it is damaged.
      """)

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    try ErrorPresentation.run {
      let problems = try Workspace.checkStore(at: storeOptions.store)
      if problems.isEmpty {
        try OutputWriter.printText("\(storeOptions.store): ok\n")
        return
      }
      for problem in problems { printErr("kg: \(storeOptions.store): \(problem)") }
      throw StoreError.corrupted(
        path: storeOptions.store, reason: "\(problems.count) problem\(problems.count == 1 ? "" : "s") above")
    }
  }
}
