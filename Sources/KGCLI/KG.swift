import ArgumentParser
import Foundation
import KGPipeline

@main
struct KG: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kg",
    abstract: "Turn conflict news into a knowledge graph of who did what to whom, with provenance on every edge.",
    discussion: """
      Typical use:
        kg build seeds                      read articles into graphs/kg.sqlite
        kg export --format json > out.json  the graph with provenance, for scripts and score.py
        kg render --format dot -o graphs/seeds.dot
        kg explain "Turkish jets bombed YPG positions near Afrin."
      """,
    subcommands: [
      Build.self, Export.self, Render.self, Explain.self, Entities.self, Show.self, Neighbors.self, Path.self,
      EdgeCommand.self, Why.self, Stats.self, Check.self, Serve.self,
    ])

  /// `ParsableCommand.main()`, with argument-parser's own messages (which quote what the user
  /// typed) escaped like every other message, so a control character in an argument cannot drive
  /// the terminal.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let text = fullMessage(for: error)
      let code = exitCode(for: error)
      if !text.isEmpty {
        if code == .success {
          try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
        } else {
          printErr(text)
        }
      }
      Foundation.exit(code.rawValue)
    }
  }
}
