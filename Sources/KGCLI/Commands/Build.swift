import ArgumentParser
import Foundation
import KGPipeline

struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Read articles into the store: body, sentences, actors and relations with provenance.",
    discussion: """
      Folders are read recursively (.txt, .text, .md). A document is its text: the same article \
      under two paths is stored once. Running again on the same files changes nothing; a file \
      whose content changed replaces its old edges, and a document made by other dictionaries or \
      another extractor version is extracted again (--reextract forces it). A full disk stops \
      the build (exit 74). A file that cannot be read is \
      reported and skipped, and the exit code is then 65 (66 when no file could be read at all). \
      Files over 16 MB (see --max-file-size), FIFOs and devices are refused without being read; invalid UTF-8 is read \
      with U+FFFD and a warning naming the byte offset. A file that crashes the extractor is \
      named as kg dies; the next build reports it, skips it and goes on (--retry-crashed tries \
      it again). On a terminal, a build that takes more than a second shows a progress line \
      on standard error (files, MB/s, time left); --quiet turns it and the summary off, and \
      --json prints the summary as JSON for scripts.
      """)

  @Argument(help: ArgumentHelp("Article files or folders.", valueName: "path"))
  var paths: [String]

  @OptionGroup var storeOptions: StoreOptions

  @Option(name: .long, help: ArgumentHelp("An extra actor dictionary (YAML); may be repeated.", valueName: "file"))
  var dictionary: [String] = []

  @Option(name: .long, help: ArgumentHelp("Refuse article files larger than this, unread.", valueName: "megabytes"))
  var maxFileSize: Int = ArticleReader.defaultMaximumFileSize >> 20

  @Flag(name: .shortAndLong, help: "Print one line per file.")
  var verbose = false

  @Flag(help: "Extract every file again, even one stored by the same kg and dictionaries.")
  var reextract = false

  @Flag(help: "Try again the files that crashed the extractor in an earlier build.")
  var retryCrashed = false

  @Flag(name: .shortAndLong, help: "No progress line and no summary (failures are still printed).")
  var quiet = false

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if quiet && verbose { throw ValidationError("--quiet and --verbose contradict each other; give one.") }
    if maxFileSize < 1 || maxFileSize > 4096 {
      throw ValidationError("--max-file-size must be between 1 and 4096 (megabytes), not \(maxFileSize).")
    }
  }

  func run() throws {
    try ErrorPresentation.run {
      let configuration = try ExtractionConfiguration.load(extraDictionaries: dictionary)
      keepUntilExit(configuration)
      let workspace = try Workspace(storePath: storeOptions.store)
      CrashSignal.install()
      let line = ProgressLine(enabled: !quiet && !verbose && isatty(2) == 1)
      let report = try workspace.build(
        paths: paths, configuration: configuration, maximumFileSize: maxFileSize << 20, retryCrashed: retryCrashed,
        reextract: reextract,
        progress: { path, outcome in if verbose { printErr("\(path): \(outcome)") } },
        status: line.show,
        failed: { failure in
          line.clear()
          printErr("kg: \(failure.message)")
        })
      line.clear()
      for warning in report.warnings { printErr("kg: warning: \(warning)") }
      if output.json {
        try QueryOutput.emit(report, json: true, text: { _ in "" })
      } else if !quiet {
        try OutputWriter.printText("\(report.summary) → \(storeOptions.store)\n")
      }
      if !report.failures.isEmpty {
        // 66 when not one file could be read, 65 when only some failed.
        throw ExitCode((report.succeeded == 0 ? ExitStatus.noInput : .someInputsFailed).rawValue)
      }
    }
  }
}
