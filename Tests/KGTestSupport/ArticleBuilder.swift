public import KGModel

/// Makes a `Document` from hand-written sentences, without the ingest stage: the whole text is
/// the body and each given sentence is one `Sentence` with its exact code point span.
///
/// ```swift
/// let document = ArticleBuilder()
///   .sentence("Turkish jets bombed YPG positions near Afrin.")
///   .sentence("Ankara denied it.")
///   .build()
/// ```
public struct ArticleBuilder: Sendable {
  public var path: String
  /// What goes between two sentences; a newline makes each sentence its own paragraph.
  public var separator: String
  public private(set) var sentences: [(text: String, isHeadline: Bool)] = []

  public init(path: String = "test/article.txt", separator: String = " ") {
    self.path = path
    self.separator = separator
  }

  /// A builder holding `sentences`, each an ordinary (non-headline) sentence.
  public init(_ sentences: [String], path: String = "test/article.txt", separator: String = " ") {
    self.init(path: path, separator: separator)
    self.sentences = sentences.map { ($0, false) }
  }

  /// Adds a sentence; `headline` marks a line without final punctuation.
  public func sentence(_ text: String, headline: Bool = false) -> ArticleBuilder {
    var copy = self
    copy.sentences.append((text, headline))
    return copy
  }

  /// The document: text is the sentences joined by `separator`, body is the whole text.
  public func build() -> Document {
    var text = ""
    var offset = 0
    var result: [Sentence] = []
    for (index, entry) in sentences.enumerated() {
      if index > 0 {
        text += separator
        offset += separator.unicodeScalars.count
      }
      let length = entry.text.unicodeScalars.count
      result.append(
        Sentence(index: index, span: TextSpan(start: offset, end: offset + length), isHeadline: entry.isHeadline))
      text += entry.text
      offset += length
    }
    return Document(
      path: path, contentHash: fingerprint(text), text: ScalarText(text),
      body: TextSpan(start: 0, end: offset), sentences: result, metadata: ArticleMetadata())
  }

  /// Shorthand: one document of the given sentences.
  public static func document(_ sentences: String..., path: String = "test/article.txt") -> Document {
    ArticleBuilder(sentences, path: path).build()
  }
}
