import Foundation
public import KGExtract
import KGIngest
import KGModel

/// A question `kg explain` cannot answer as asked.
public enum ExplainError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `--sentence N` past the last sentence of the file.
  case sentenceOutOfRange(file: String, sentence: Int, count: Int)

  public var description: String {
    switch self {
    case .sentenceOutOfRange(let file, let sentence, let count):
      count == 0
        ? "\(file): has no sentences, so there is no sentence \(sentence); check that the file is an article."
        : "\(file): has \(count) sentence\(count == 1 ? "" : "s") (0 to \(count - 1)), so there is no sentence \(sentence); pass --sentence between 0 and \(count - 1)."
    }
  }
}

/// Runs ingest and extraction without a store, to show why edges exist.
public enum Explainer {
  /// The version of the trace as JSON (`kg explain --json` writes it as `schemaVersion` beside
  /// the trace's keys). Bump it when a key changes meaning, is renamed or disappears.
  public static let traceSchemaVersion = 1

  /// Explains a sentence or short text typed by the user.
  public static func explain(text: String, configuration: ExtractionConfiguration) throws -> ExtractionTrace {
    let reader = ArticleReader()
    var document = try reader.parse(text: text, path: "<text>")
    // A typed text is all body.
    document.body = TextSpan(start: 0, end: document.text.count)
    document.sentences = SentenceSplitter().sentences(in: document.text, body: document.body)
    return Extractor(configuration: configuration).explain(document)
  }

  /// Explains one file, or one sentence of it.
  ///
  /// - Throws: `IngestError` when the file cannot be read; `ExplainError.sentenceOutOfRange`
  ///   when it has no sentence `sentence`.
  public static func explain(file: String, sentence: Int?, configuration: ExtractionConfiguration) throws
    -> ExtractionTrace
  {
    let (document, _) = try ArticleReader().read(path: file)
    if let sentence, !document.sentences.indices.contains(sentence) {
      throw ExplainError.sentenceOutOfRange(file: file, sentence: sentence, count: document.sentences.count)
    }
    var trace = Extractor(configuration: configuration).explain(document)
    if let sentence { trace.sentences = trace.sentences.filter { $0.index == sentence } }
    return trace
  }
}
