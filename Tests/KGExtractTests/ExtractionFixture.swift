import KGModel
import KGTestSupport
import Testing

@testable import KGExtract

/// The built-in dictionaries, loaded once for all extraction tests, and small lookups over an
/// extraction's edges.
enum ExtractionFixture {
  static let loaded: Result<Extractor, DictionaryError> = Result { () throws(DictionaryError) in
    Extractor(configuration: try ExtractionConfiguration.load())
  }

  static func extractor() throws -> Extractor { try loaded.get() }

  /// Extracts from a document of the given hand-written sentences.
  static func extract(_ sentences: [String]) throws -> DocumentExtraction {
    try extractor().extract(ArticleBuilder(sentences).build())
  }

  static func extract(_ sentences: String...) throws -> DocumentExtraction { try extract(sentences) }

  /// Expects no edge of `type` from `sentence` ("Ukraine shot down a Russian missile" attacks no one).
  static func expectNo(
    _ type: RelationType, in sentence: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let extraction = try extract(sentence)
    #expect(
      !extraction.edges.contains { $0.type == type }, "\(sentence): \(extraction.edgeSummary)",
      sourceLocation: sourceLocation)
  }
}

extension DocumentExtraction {
  /// The edge (source, type, target), whatever its modality; `cooperate` is matched either way round.
  func edge(_ source: String, _ type: RelationType, _ target: String) -> Edge? {
    let wanted = EdgeKey(source: source, type: type, target: target, modality: .asserted)
    return edges.first { $0.source == wanted.source && $0.type == wanted.type && $0.target == wanted.target }
  }

  /// Every edge as "source type target (modality)", for failure messages.
  var edgeSummary: String {
    edges.isEmpty
      ? "no edges"
      : edges.map { "\($0.source) \($0.type.rawValue) \($0.target) (\($0.modality.rawValue))" }
        .joined(separator: "; ")
  }

  /// Mentions resolved to `entityID`.
  func mentions(of entityID: String) -> [Mention] { mentions.filter { $0.entityID == entityID } }
}

/// Runs `body`, as a known issue when `issue` is set (the extractor does not handle the
/// phenomenon yet; the test then fails once it does, so the wrapper can be removed).
func expecting(knownIssue issue: String?, _ body: () throws -> Void) rethrows {
  if let issue {
    withKnownIssue(Comment(rawValue: issue)) { try body() }
  } else {
    try body()
  }
}
