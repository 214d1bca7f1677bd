import KGLanguage
import KGModel

/// Help named as the means of an act: "X retook the town with the help of Russian air power",
/// "with Iranian support", "with the backing of its allies in Russia and Iran". The helper
/// supports the actor of the clause the phrase belongs to (GUIDELINES.md, `support`).
///
/// Example: "The army advanced with the help of Russian jets." → support(Russia, army).
struct WithHelpOf: RelationRule {
  static let helpNouns: WordSet = ["help", "support", "backing", "assistance", "aid", "cover", "protection"]
  static let prepositions: Set<String> = ["with", "under", "thanks to"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for pp in parse.prepositionalPhrases where Self.prepositions.contains(pp.word) {
      guard let object = pp.object, Self.helpNouns.contains(a.tokens[parse.nounPhrases[object].head]) else { continue }
      // The clause's actor: the subjects of the last verb group before the phrase.
      guard
        let group = parse.verbGroups.last(where: {
          $0.range.upperBound <= pp.range.lowerBound && !$0.isNegated && $0.voice == .active
        })
      else { continue }
      let beneficiaries = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      guard !beneficiaries.isEmpty else { continue }
      let helpers = helpers(of: object, in: a).filter { h in
        !beneficiaries.contains { a.mentions[$0].entityID == a.mentions[h].entityID }
      }
      guard !helpers.isEmpty else { continue }
      let head = parse.nounPhrases[object].head
      result.append(Finding(sources: helpers, type: .support, targets: beneficiaries, rule: id, cue: head..<(head + 1)))
    }
    return result
  }

  /// Who helps: a name before the help noun ("Russian help"), its possessor ("Iran's support"),
  /// or the names of its "of" phrase, with the "in" phrase of an ally noun ("of its allies in
  /// Russia and Iran").
  func helpers(of p: Int, in a: SentenceAnalysis) -> [Int] {
    let parse = a.parse
    let phrase = parse.nounPhrases[p]
    var found: [Int] = []
    for k in phrase.range where k < phrase.head {
      if let m = a.mentionOfToken[k], a.isActor(m), !found.contains(m) { found.append(m) }
    }
    if found.isEmpty, let possessor = phrase.possessor, let m = a.headMention(ofPhrase: possessor), a.isActor(m) {
      found = [m]
    }
    guard found.isEmpty else { return found }
    let after = phrase.range.upperBound
    guard after < a.tokens.count, parse.prepositionalPhraseAt[after] >= 0 else { return [] }
    let of = parse.prepositionalPhrases[Int(parse.prepositionalPhraseAt[after])]
    guard of.word == "of", let owner = of.object else { return [] }
    // "its allies in Russia and Iran": the names after the ally noun.
    var end = of.range.upperBound
    if end < a.tokens.count, parse.prepositionalPhraseAt[end] >= 0 {
      let inPhrase = parse.prepositionalPhrases[Int(parse.prepositionalPhraseAt[end])]
      if inPhrase.word == "in", let o = inPhrase.object {
        found += a.mentions(ofPhrase: o).filter { a.isActor($0) }
        end = inPhrase.range.upperBound
      }
    }
    if found.isEmpty {
      for k in parse.nounPhrases[owner].range {
        if let m = a.mentionOfToken[k], a.isActor(m), !found.contains(m) { found.append(m) }
      }
    }
    return found
  }
}
