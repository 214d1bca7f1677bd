public import KGModel

/// What extraction saw in one sentence: the mentions, the entity each resolved to, and the
/// statements with the rule that produced each. `kg explain` prints it.
public struct TracedSentence: Sendable, Codable {
  public var index: Int
  public var text: String
  public var mentions: [Mention]
  public var statements: [RelationStatement]
  /// The language layer's reading: tags, chunks, clauses and roles, one line each.
  public var grammar: [String] = []
}

/// The trace of a whole document.
public struct ExtractionTrace: Sendable, Codable {
  public var document: String
  public var sentences: [TracedSentence]
  public var entities: [Entity] = []
  /// Why each entity found by its shape or context got its type ("followed by 'said'"), by id.
  public var typeEvidence: [String: String] = [:]

  public init(document: String, sentences: [TracedSentence]) {
    self.document = document
    self.sentences = sentences
  }
}
