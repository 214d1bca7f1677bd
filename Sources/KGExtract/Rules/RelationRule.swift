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

/// A rule that derives statements from the judged statements of one sentence: it sees modality
/// and claimant, which findings do not have yet.
protocol StatementDerivation: Sendable {
  func derive(from statements: [RelationStatement], context: StatementContext) -> [RelationStatement]
}

extension StatementDerivation {
  static var id: String { _typeName(Self.self, qualified: false) }
  var id: String { Self.id }
}

/// What a statement derivation may ask of the document: the kind of an entity, and the actor it
/// belongs to.
struct StatementContext {
  var kind: (String) -> EntityKind?
  var partOf: (String) -> String?
  var root: (String) -> String
}

/// Every rule, in the order they run.
enum RuleBook {
  static let all: [any RelationRule] = [
    // Rules over the language layer's roles first: a statement keeps the first rule that found it.
    ActiveClause(), PassiveClause(), EventPhrase(), JointSubjects(), ReportedAttack(), RelationNoun(), WithHelpOf(),
    AgreementWith(), JointAgreement(), SessionCall(), ThreatenedMeasure(), RetaliationVow(), PunishmentThreat(),
    HostileSupportClaim(),
    ThreatIdiom(), ResponsibilityClaim(), AllegedDeed(), CondemningPredicate(), JointPatrol(),
    ActiveVoice(), PassiveVoice(), NominalEvent(), AdjectivalBacking(), AccusationOf(), PassiveAccusation(),
    AidTransfer(), ClaimedResponsibility(), ClashReciprocal(),
    AllyApposition(), CooperationBetween(), JointAction(), CallingCondemnation(), RepelledAttack(), UnderFire(),
    CaptureFrom(), InvertedCapture(),
  ]

  static let derivations: [any DerivationRule] = [KillImpliesAttack(), VowImpliesThreat(), BackingInAction()]

  /// The word-list rules that the role rules supersede on a cue they read.
  static let legacyRuleIDs: Set<String> = [ActiveVoice.id, PassiveVoice.id, NominalEvent.id]

  static let statementDerivations: [any StatementDerivation] = [AllegationIsAccusation()]

  static var ids: Set<String> {
    Set(all.map { $0.id } + derivations.map { $0.id } + statementDerivations.map { $0.id })
  }

  /// Every finding of every rule for one sentence, derivations last.
  /// Rules that read the language layer's roles. Where one of them read a cue, the word-list
  /// rules' findings on the same cue are dropped: they only fill in where the parse gave nothing.
  static let roleRules: [any RelationRule] = [ActiveClause(), PassiveClause(), EventPhrase()]

  /// The ids of `roleRules`, made once rather than once per sentence.
  static let roleIDs: Set<String> = Set(roleRules.map { $0.id })

  static func findings(in analysis: SentenceAnalysis) -> [Finding] {
    // A relation joins two mentions; a sentence with fewer is not parsed, so no rule reads it.
    guard analysis.mentions.count >= 2 else { return [] }
    var found = all.flatMap { $0.findings(in: analysis) }
    let readCues = found.filter { roleIDs.contains($0.rule) }.map { ($0.cue, $0.type) }
    if !readCues.isEmpty {
      found.removeAll { f in
        !roleIDs.contains(f.rule) && legacyRuleIDs.contains(f.rule)
          && readCues.contains { $0.1 == f.type && $0.0.overlaps(f.cue) }
      }
    }
    // "shot down three Russian missiles": air defence against munitions attacks no one, whichever
    // rule read it (GUIDELINES.md, "Air defence").
    // "expelled French diplomats": sending a state's envoys home attacks no one.
    for i in found.indices where found[i].type == .attack {
      guard let hit = analysis.cues.first(where: { $0.range == found[i].cue }) else { continue }
      if analysis.isInterception(hit) { found[i].targets.removeAll { analysis.isMunition($0) } }
      if analysis.isExpulsion(hit) { found[i].targets.removeAll { analysis.isDiplomatic($0) } }
    }
    found.removeAll { $0.targets.isEmpty }
    for derivation in derivations { found += derivation.derive(from: found, in: analysis) }
    return found
  }
}
