import Foundation
public import KGExtract
import KGIngest
public import KGModel

/// Runs ingest and extraction without a store, to show why edges exist.
public enum Explainer {
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
  public static func explain(file: String, sentence: Int?, configuration: ExtractionConfiguration) throws
    -> ExtractionTrace
  {
    let (document, _) = try ArticleReader().read(path: file)
    var trace = Extractor(configuration: configuration).explain(document)
    if let sentence { trace.sentences = trace.sentences.filter { $0.index == sentence } }
    return trace
  }
}
