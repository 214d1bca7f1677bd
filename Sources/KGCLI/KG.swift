import ArgumentParser

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
      EdgeCommand.self, Why.self, Stats.self,
    ])
}
