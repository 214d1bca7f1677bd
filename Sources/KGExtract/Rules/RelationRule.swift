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
  /// Targets stand for their outermost actor (a ministry's "its posts" are the state's).
  var rollUpTargets = false
}

/// One construction of conflict reporting that yields relations.
///
/// A rule's id is its type name, which is also its file name under `Rules/`, so an edge's
/// provenance leads to the code that made it in one step.
protocol RelationRule: Sendable {
  func findings(in analysis: SentenceAnalysis) -> [Finding]
}

extension RelationRule {
  /// The type's name, as `String(describing:)` gives it, without the reflection that costs (a
  /// rule stamps its id on every finding).
  static var id: String { _typeName(Self.self, qualified: false) }
  var id: String { Self.id }
}

/// A rule that derives findings from what the other rules found in the same sentence.
protocol DerivationRule: Sendable {
  func derive(from findings: [Finding], in analysis: SentenceAnalysis) -> [Finding]
}

extension DerivationRule {
  static var id: String { _typeName(Self.self, qualified: false) }
  var id: String { Self.id }
}

/// Every rule, in the order they run.
enum RuleBook {
  static let all: [any RelationRule] = [
    ActiveVoice(), PassiveVoice(), NominalEvent(), AdjectivalBacking(), AccusationOf(), ClashReciprocal(),
    AllyApposition(), CooperationBetween(), JointAction(), CallingCondemnation(), RepelledAttack(), UnderFire(),
    ActiveClause(), PassiveClause(), EventPhrase(),
  ]

  static let derivations: [any DerivationRule] = [KillImpliesAttack(), VowImpliesThreat()]

  static var ids: Set<String> { Set(all.map { $0.id } + derivations.map { $0.id }) }

  /// Every finding of every rule for one sentence, derivations last.
  static func findings(in analysis: SentenceAnalysis) -> [Finding] {
    var found = all.flatMap { $0.findings(in: analysis) }
    for derivation in derivations { found += derivation.derive(from: found, in: analysis) }
    return found
  }
}
