import KGLanguage
import KGModel

/// "Erdogan vowed to crush the militia", "Hezbollah threatened to strike Haifa": announcing one's
/// own future use of force against someone is a threat (CAMEO 13; GUIDELINES.md: threaten
/// "threatens with force or consequences"), besides the hypothetical attack itself.
///
/// Example: "Ankara vowed to bomb PKK camps in Sinjar." → threaten(Turkey, PKK) and attack(Turkey, PKK), hypothetical.
struct VowImpliesThreat: DerivationRule {
  static let vows: WordSet = [
    "vow", "vows", "vowed", "vowing", "threaten", "threatens", "threatened", "threatening", "pledge", "pledges",
    "pledged", "swore", "swear", "swears", "promised", "promises", "promise",
  ]
  static let forceTypes: Set<RelationType> = [.attack, .kill, .capture, .detain]

  /// Verbs that report a commitment of the speaker's own side when their content is future
  /// ("Netanyahu said Israeli forces would attack", "vowed that the IDF will strike").
  static let commitmentReports: Set<String> = [
    "say", "vow", "warn", "promise", "pledge", "threaten", "announce", "declare", "swear", "insist", "stress",
  ]
  static let futureModals: Set<String> = ["will", "would", "shall", "'ll"]

  func derive(from findings: [Finding], in a: SentenceAnalysis) -> [Finding] {
    findings.compactMap { f in
      guard Self.forceTypes.contains(f.type), f.forced == nil else { return nil }
      // "vowed to crush": the vow stands right before "to" + the cue.
      let s = f.cue.lowerBound
      guard s >= 2, a.tokens[s - 1].is("to"), Self.vows.contains(a.tokens[s - 2]) else {
        return vowedEvent(f, in: a) ?? reportedCommitment(f, in: a)
      }
      var threat = f
      threat.targets = f.targets.filter { a.isActor($0) }
      guard !threat.targets.isEmpty else { return nil }
      threat.type = .threaten
      threat.rule = id
      threat.forced = (.asserted, nil)
      return threat
    }
  }

  /// Who commits to the future act of `group`: the reporters of its reported clause when a verb of
  /// commitment reports it ("Netanyahu said Israeli forces would attack"), or the subject of a
  /// verb of commitment whose "that" clause holds it ("vowed that the IDF will strike"); empty
  /// otherwise. Mentions, not yet filtered to actors.
  static func speakers(committingTo group: VerbGroup, in a: SentenceAnalysis) -> [Int] {
    let parse = a.parse
    var clause: Int? = group.clause
    while let c = clause, parse.clauses[c].kind != .reported { clause = parse.clauses[c].parent }
    if let c = clause, let reporting = parse.clauses[c].reportingVerb {
      guard commitmentReports.contains(parse.verbGroups[reporting].lemma) else { return [] }
      return a.mentions(ofPhrases: parse.clauses[c].reporters)
    }
    if let parent = parse.clauses[group.clause].parent, let first = parse.clauses[parent].verbGroups.first,
      commitmentReports.contains(parse.verbGroups[first].lemma)
    {
      return a.mentions(ofPhrases: parse.verbGroups[first].subjects)
    }
    return []
  }

  /// "The militia vowed a new phase of attacks against Turkish troops", "Hamas promised further
  /// strikes on Israel", "vowed to step up attacks on X": an attack the subject vows, named as the
  /// vow's object, threatens its target.
  func vowedEvent(_ f: Finding, in a: SentenceAnalysis) -> Finding? {
    guard let g = a.governingGroup(ofObjectToken: f.cue.lowerBound) else { return nil }
    let group = a.parse.verbGroups[g]
    guard a.isVow(group), !group.isNegated else { return nil }
    let vowers = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
    let sides = Set(vowers.map { a.side(a.mentions[$0].entityID) })
    let targets = f.targets.filter { a.isActor($0) && !sides.contains(a.side(a.mentions[$0].entityID)) }
    guard !vowers.isEmpty, !targets.isEmpty else { return nil }
    return Finding(sources: vowers, type: .threaten, targets: targets, rule: id, cue: f.cue, forced: (.asserted, nil))
  }

  /// "Netanyahu vowed that the IDF will continue to strike Iranian targets", "Netanyahu said
  /// Israeli forces would attack Iranians", "Iran is vowing to hit back at Israel": a future use
  /// of force by the speaker's own side, reported from the speaker or governed by a vow, threatens
  /// its target; the speaker is the source.
  func reportedCommitment(_ f: Finding, in a: SentenceAnalysis) -> Finding? {
    let parse = a.parse
    let at = f.cue.lowerBound
    guard at < parse.verbGroupAt.count, parse.verbGroupAt[at] >= 0 else { return nil }
    let group = parse.verbGroups[Int(parse.verbGroupAt[at])]
    guard !group.isNegated else { return nil }
    var speakers: [Int] = []
    if let governor = group.governorLemma, Self.commitmentReports.contains(governor) {
      speakers = a.mentions(ofPhrases: group.subjects)
    } else if let modal = group.modal, Self.futureModals.contains(modal) {
      speakers = Self.speakers(committingTo: group, in: a)
    }
    speakers = speakers.filter { a.isActor($0) }
    guard !speakers.isEmpty else { return nil }
    // Only one's own side's force threatens.
    let sides = Set(f.sources.map { a.side(a.mentions[$0].entityID) })
    speakers = speakers.filter { sides.contains(a.side(a.mentions[$0].entityID)) }
    let targets = f.targets.filter { a.isActor($0) && !sides.contains(a.side(a.mentions[$0].entityID)) }
    guard !speakers.isEmpty, !targets.isEmpty else { return nil }
    return Finding(sources: speakers, type: .threaten, targets: targets, rule: id, cue: f.cue, forced: (.asserted, nil))
  }
}
