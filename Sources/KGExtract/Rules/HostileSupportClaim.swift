import KGLanguage
import KGModel

/// A party that says another backs terrorists accuses it (GUIDELINES.md, "Conventions", "Blame":
/// a party that says another did something hostile accuses it): "Zakharova pointed out that the
/// US is still training militants", "Damascus said Ankara supports terrorism". The backing names
/// no actor, so there is no `support` edge; the accusation is the speaker's, asserted.
///
/// Example: "Iran said the US was arming terrorists in Syria." → accuse(Iran, United States).
struct HostileSupportClaim: RelationRule {
  /// Heads of an object that names armed enemies without naming them.
  static let hostileHeads: WordSet = [
    "terrorists", "terrorism", "terror", "militants", "extremists", "jihadists", "insurgents", "mercenaries",
  ]
  /// Heads that take a hostile modifier ("terrorist groups").
  static let groupHeads: WordSet = ["groups", "organizations", "organisations", "cells", "elements", "fighters"]
  static let hostileModifiers: WordSet = ["terrorist", "extremist", "jihadist", "takfiri"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for g in parse.verbGroups.indices {
      guard parse.verbGroups[g].voice == .active, !parse.verbGroups[g].isNegated,
        let hit = a.verbCue(startingAt: parse.verbGroups[g].head), hit.cue.type == .support
      else { continue }
      let group = parse.verbGroups[g]
      guard
        group.objects.contains(where: { isHostile($0, in: a) })
      else { continue }
      let backers = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      guard !backers.isEmpty else { continue }
      // The speaker: the reporter of the clause the backing is said in.
      var clause: Int? = group.clause
      while let c = clause, parse.clauses[c].kind != .reported { clause = parse.clauses[c].parent }
      guard let c = clause else { continue }
      let sides = Set(backers.map { a.side(a.mentions[$0].entityID) })
      let speakers = a.mentions(ofPhrases: parse.clauses[c].reporters).filter {
        a.isActor($0) && !sides.contains(a.side(a.mentions[$0].entityID))
      }
      guard !speakers.isEmpty else { continue }
      result.append(
        Finding(
          sources: speakers, type: .accuse, targets: backers, rule: id, cue: hit.range, forced: (.asserted, nil)))
    }
    return result
  }

  /// Whether a phrase names armed enemies and no actor ("militants", "terrorist groups").
  func isHostile(_ p: Int, in a: SentenceAnalysis) -> Bool {
    let phrase = a.parse.nounPhrases[p]
    guard a.headMention(ofPhrase: p) == nil else { return false }
    let head = a.tokens[phrase.head]
    return Self.hostileHeads.contains(head)
      || (Self.groupHeads.contains(head) && phrase.modifiers.contains { Self.hostileModifiers.contains(a.tokens[$0]) })
  }
}
