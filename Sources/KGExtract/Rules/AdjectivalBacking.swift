import KGLanguage
import KGModel

/// "US-backed SDF", "Turkey-backed rebels", "Iranian-backed militias": an actor glued to a backing
/// participle before the actor it backs gives support (or cooperate for "-allied", "-aligned").
///
/// Example: "Russian-backed government forces advanced." → support(Russia, Syrian Arab Army).
struct AdjectivalBacking: RelationRule {
  /// "US-allied forces" names a side, not an act: no edge (GUIDELINES.md lists only "US-backed X").
  static let cooperative: WordSet = []

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for (m, hit) in a.mentions.enumerated() where a.isActor(m) {
      var p = hit.range.upperBound
      // "US occupation-backed militia", "Iranian regime-backed groups": the state's apparatus
      // backs as the state.
      if p + 2 < a.tokens.count, Self.apparatus.contains(a.tokens[p]), a.mentionOfToken[p] == nil,
        a.tokens[p + 1].is("-")
      {
        p += 1
      }
      guard p + 1 < a.tokens.count, a.tokens[p].is("-"), !a.tokens[p + 1].spaceBefore else { continue }
      let participle = a.tokens[p + 1].lower
      guard AdjectivalBacking.participles.contains(participle) || Self.cooperative.contains(participle) else {
        continue
      }
      // The actor right after, or the one the whole phrase names ("the Russian-backed
      // Palestinian Liwa al-Quds militia").
      let next = a.object(after: p + 2, limit: 3, allowActorNouns: true)
      let p0 = a.parse.nounPhraseAt[p + 1] >= 0 ? Int(a.parse.nounPhraseAt[p + 1]) : nil
      let phrase = p0.flatMap { a.headMention(ofPhrase: $0) }
      // "Hezbollah, the Iran-backed Lebanese group,": the phrase in apposition names its host.
      let host = p0.flatMap { p0 in a.parse.nounPhrases.firstIndex { $0.apposition == p0 } }.flatMap {
        a.headMention(ofPhrase: $0)
      }
      guard let target = [next, phrase, host].compactMap({ $0 }).first(where: { a.isActor($0) && $0 != m }) else {
        continue
      }
      let type: RelationType = Self.cooperative.contains(participle) ? .cooperate : .support
      result.append(Finding(sources: [m], type: type, targets: [target], rule: id, cue: p..<(p + 2)))
    }
    return result
  }

  /// Nouns for a state's apparatus between the state and "-backed".
  static let apparatus: WordSet = ["government", "regime", "occupation", "state", "army", "military", "administration"]

  static let participles: WordSet = [
    "backed", "supported", "sponsored", "funded", "armed", "trained", "equipped", "protected", "financed",
  ]
}
