/// One sentence, tagged, chunked and split into clauses with the roles of each verb.
///
/// Everything is indexed: token positions into `words`/`tags`/`lemmas`, phrase indices into
/// `nounPhrases`, `verbGroups`, `prepositionalPhrases`, `clauses`.
///
/// ```swift
/// let s = parser.parse(WordInput.words(of: "Turkish troops on Saturday shelled Kurdish positions."))
/// let verb = s.verbGroups[0]                     // "shelled": past, active
/// s.text(of: s.nounPhrases[verb.subjects[0]])    // "Turkish troops"
/// s.text(of: s.nounPhrases[verb.objects[0]])     // "Kurdish positions"
/// ```
public struct ParsedSentence: Sendable {
  public var words: [WordInput]
  /// Penn Treebank tags, one per token.
  public var tags: [Tag]
  /// Base forms: verbs ("struck" → "strike") and plural nouns ("militias" → "militia"); other
  /// tokens' lowercase form.
  public var lemmas: [String]
  public var nounPhrases: [NounPhrase]
  public var verbGroups: [VerbGroup]
  public var prepositionalPhrases: [PrepositionalPhrase]
  public var clauses: [Clause]
  public var nominalEvents: [NominalEvent]
  /// For each token, the noun phrase that covers it, or -1.
  public var nounPhraseAt: [Int32]
  /// For each token, the verb group that covers it, or -1.
  public var verbGroupAt: [Int32]
  /// For each token, the prepositional phrase that covers it, or -1.
  public var prepositionalPhraseAt: [Int32]

  /// The tokens of `range`, joined with the spaces of the original text.
  public func text(of range: Range<Int>) -> String {
    var out = ""
    for i in range where i >= 0 && i < words.count {
      if i > range.lowerBound, words[i].spaceBefore { out += " " }
      out += words[i].text
    }
    return out
  }

  /// The text of a noun phrase, its possessor included ("the militia's mortar attack").
  public func text(of phrase: NounPhrase) -> String {
    if let possessor = phrase.possessor {
      let start = nounPhrases[possessor].range.lowerBound
      if start < phrase.range.lowerBound { return text(of: start..<phrase.range.upperBound) }
    }
    return text(of: phrase.range)
  }

  /// The texts of the noun phrases `indices` ("Russia", "Iran").
  public func texts(_ indices: [Int]) -> [String] { indices.map { text(of: nounPhrases[$0]) } }

  /// The verb groups whose clause is `clause`.
  public func verbGroups(in clause: Int) -> [VerbGroup] { clauses[clause].verbGroups.map { verbGroups[$0] } }
}
