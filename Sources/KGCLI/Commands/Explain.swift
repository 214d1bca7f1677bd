import ArgumentParser
import Foundation
import KGPipeline

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show the mentions, entities and rules behind the edges of a sentence.",
    discussion: """
      kg explain "Turkish jets bombed YPG positions near Afrin."
      kg explain --file seeds/000_f8d8dbf8ac3546ee.txt --sentence 3
      """)

  @Argument(help: "A sentence or short text.") var text: String?
  @Option(help: ArgumentHelp("Explain an article file instead.", valueName: "file")) var file: String?
  @Option(help: ArgumentHelp("With --file: only this sentence (0-based).", valueName: "n")) var sentence: Int?
  @Option(name: .long, help: ArgumentHelp("An extra actor dictionary (YAML); may be repeated.", valueName: "file"))
  var dictionary: [String] = []
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    if text == nil && file == nil { throw ValidationError("Give a sentence to explain, or --file with an article.") }
    if text != nil && file != nil { throw ValidationError("Give either a sentence or --file, not both.") }
    if let sentence, sentence < 0 { throw ValidationError("--sentence must be 0 or more, not \(sentence).") }
    if sentence != nil && file == nil { throw ValidationError("--sentence needs --file.") }
  }

  func run() throws {
    try ErrorPresentation.run {
      let configuration = try ExtractionConfiguration.load(extraDictionaries: dictionary)
      keepUntilExit(configuration)
      let trace =
        if let file { try Explainer.explain(file: file, sentence: sentence, configuration: configuration) } else {
          try Explainer.explain(text: text ?? "", configuration: configuration)
        }
      if json {
        try OutputWriter.write(try TraceFormatter.json(trace), to: nil)
      } else {
        try OutputWriter.printText(TraceFormatter.text(trace))
      }
    }
  }
}
