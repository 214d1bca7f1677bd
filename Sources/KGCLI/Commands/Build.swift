import ArgumentParser
import KGPipeline

struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read articles into the store: body, sentences, actors and relations with provenance.",
    discussion: """
      Folders are read recursively (.txt, .text, .md). Running again on the same files changes \
      nothing; a file whose content changed replaces its old edges. A file that cannot be read is \
      reported and skipped, and the exit code is then 65.
      """)

  @Argument(help: ArgumentHelp("Article files or folders.", valueName: "path"))
  var paths: [String]

  @OptionGroup var storeOptions: StoreOptions

  @Option(name: .long, help: ArgumentHelp("An extra actor dictionary (YAML); may be repeated.", valueName: "file"))
  var dictionary: [String] = []

  @Flag(name: .shortAndLong, help: "Print one line per file.")
  var verbose = false

  func run() throws {
    try ErrorPresentation.run {
      let configuration = try ExtractionConfiguration.load(extraDictionaries: dictionary)
      let workspace = try Workspace(storePath: storeOptions.store)
      let report = try workspace.build(paths: paths, configuration: configuration) { path, outcome in
        if verbose { printErr("\(path): \(outcome)") }
      }
      for warning in report.warnings { printErr("kg: warning: \(warning)") }
      for failure in report.failures { printErr("kg: \(failure.message)") }
      print("\(report.summary) → \(storeOptions.store)")
      if !report.failures.isEmpty { throw ExitCode(ExitStatus.someInputsFailed.rawValue) }
    }
  }
}
