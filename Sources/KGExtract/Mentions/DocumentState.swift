import KGModel

/// What extraction has learned so far in one document: actors found by pattern, short names
/// they can be called by later ("Konashenkov"), and the order of mentions for references.
struct DocumentState {
  var discovered: [String: Entity] = [:]
  /// Aliases found in this document, by their first token's lowercased form.
  var localAliases = WordMap<[AliasEntry]>()
  /// Entity ids in mention order, most recent last.
  var history: [String] = []
  /// The sentence of each entry of `history`.
  var historySentence: [Int] = []
  /// The sentence being read.
  var sentence = 0
  /// The noun a place was named with ("Binnish town", "the village of X"), for "the town", "the
  /// village" later (`place_anaphora` in patterns.yaml).
  var placeNouns: [String: String] = [:]
  /// The actor that opened the previous sentence as its subject, for "they".
  var previousSubject: String?
  /// Surface forms seen per entity (not counting references), by entity id (a `WordMap`: asked
  /// at every mention, its FNV hash costs less than `Hasher`'s).
  var surfaces = WordMap<[String]>()
  /// The source of the latest attack stated in the document, for "repelled the advance".
  var lastAttacker: String? { recentAttackers.last }
  /// Sources of attacks stated so far, most recent last, by the modality they were stated with.
  var recentAttackers: [String] = []
  var attackersByModality: [Modality: [String]] = [:]
  /// Why an entity found by its shape or context got its type ("followed by 'said'"), for `kg explain`.
  var typeEvidence: [String: String] = [:]
  /// The entity that unnamed parties of a kind ("rebels") stand for in this document.
  var collectives: [String: String] = [:]
  /// How often each state was named after a locative ("in Sudan"): where the events happen, whose
  /// are the forces named by no state (`host_country` in patterns.yaml).
  var hostEvidence: [String: Int] = [:]

  mutating func addLocalAlias(_ alias: String, for id: String) {
    let tokens = Tokenizer.tokenize(alias)
    guard let first = tokens.first else { return }
    let entry = AliasEntry(
      tokens: tokens.map(\.lower), rules: tokens.map { $0.isCapitalized ? .capitalized : .any }, entityID: id,
      priority: 3, origin: .pattern)
    if localAliases[first.lower]?.contains(where: { $0.tokens == entry.tokens }) == true { return }
    localAliases[first.lower, default: []].append(entry)
  }

  mutating func discover(_ entity: Entity) -> String {
    if let existing = discovered[entity.id] { return existing.id }
    discovered[entity.id] = entity
    return entity.id
  }
}

/// A mention found in one sentence, by token range.
struct MentionHit {
  var entityID: String
  var range: Range<Int>
  var origin: MentionOrigin
  /// A demonym standing alone as a modifier ("Russian" in "Russian pontoon bridges").
  var isBareDemonym: Bool
}
