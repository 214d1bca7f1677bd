import KGModel

/// What a rule found: who does what to whom in one sentence, by mention index.
struct Finding {
  var sources: [Int]
  var type: RelationType
  var targets: [Int]
  var rule: String
  /// The tokens of the cue, for modality.
  var cue: Range<Int>
  /// A modality fixed by the rule (a nested claim: "A accused B of attacking C").
  var forced: (Modality, claimantMention: Int?)? = nil
}

/// One construction of conflict reporting that yields relations.
///
/// A rule's id is its type name, which is also its file name under `Rules/`, so an edge's
/// provenance leads to the code that made it in one step.
protocol RelationRule: Sendable {
  func findings(in analysis: SentenceAnalysis) -> [Finding]
}

extension RelationRule {
  static var id: String { String(describing: Self.self) }
  var id: String { Self.id }
}

/// Every rule, in the order they run.
enum RuleBook {
  static let all: [any RelationRule] = [
    ActiveVoice(), PassiveVoice(), NominalEvent(), AdjectivalBacking(), AccusationOf(), ClashReciprocal(),
    AllyApposition(),
  ]

  static var ids: Set<String> { Set(all.map { $0.id }) }
}
