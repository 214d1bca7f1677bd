import KGLanguage
import KGModel

/// A noun of alliance or patronage between two actors, read from the phrase that holds it: "the
/// Syrian regime and its Russian backers" (support(Russia, Syria)), "Russia, the Syrian regime's
/// ally and supporter" (cooperate and support), "its key allies in Russia and Iran", "Iran's proxy
/// Hezbollah" (support(Iran, Hezbollah)). Allies and partners cooperate; backers, sponsors and
/// supporters support their owner; the owner supports its proxies and clients.
///
/// Example: "The regime and its Russian backers shelled Idlib." → support(Russia, Syria).
struct RelationNoun: RelationRule {
  static let allies: WordSet = ["ally", "allies", "partner", "partners"]
  static let backers: WordSet = [
    "backer", "backers", "sponsor", "sponsors", "supporter", "supporters", "patron", "patrons", "protector",
  ]
  static let proxies: WordSet = ["proxy", "proxies", "client", "clients"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for p in parse.nounPhrases.indices {
      let h = parse.nounPhrases[p].head
      let type: RelationType
      if Self.allies.contains(a.tokens[h]) {
        type = .cooperate
      } else if Self.backers.contains(a.tokens[h]) || Self.proxies.contains(a.tokens[h]) {
        type = .support
      } else {
        continue
      }
      let phrase = parse.nounPhrases[p]
      let head = a.tokens[h]
      guard let owner = owner(of: p, in: a) else { continue }
      let others = otherParties(of: p, in: a).filter {
        $0 != owner && a.mentions[$0].entityID != a.mentions[owner].entityID
      }
      guard !others.isEmpty else { continue }
      let cue = phrase.head..<(phrase.head + 1)
      if Self.backers.contains(head) {
        result.append(Finding(sources: others, type: type, targets: [owner], rule: id, cue: cue))
      } else {
        result.append(Finding(sources: [owner], type: type, targets: others, rule: id, cue: cue))
      }
    }
    return result
  }

  /// Whose ally or backer: the possessor ("the regime's ally"), or for "its"/"their" the phrase
  /// it is coordinated with ("the regime and its backers") or the nearest actor before.
  func owner(of p: Int, in a: SentenceAnalysis) -> Int? {
    let phrase = a.parse.nounPhrases[p]
    // The possessor's own head ("the Syrian regime" in "the Syrian regime's ally"), not the phrase
    // it owns, which `mentions(ofPhrase:)` would read for it.
    // "the regime's ally and supporter": the possessor of the first conjunct owns them all.
    let possessor = phrase.possessor ?? phrase.conjuncts.lazy.compactMap { a.parse.nounPhrases[$0].possessor }.first
    if let possessor {
      return a.headMention(ofPhrase: possessor).flatMap { a.isActor($0) ? $0 : nil }
    }
    let start = phrase.range.lowerBound
    if start >= 2, a.tokens[start - 1].is("'s"), let m = a.mentionOfToken[start - 2], a.isActor(m) { return m }
    guard let d = phrase.determiner, ["its", "their"].contains(a.tokens[d].lower) else { return nil }
    var k = start - 1
    while k >= 0 {
      if let m = a.mentionOfToken[k], a.isActor(m), !a.mentions[m].isBareDemonym { return m }
      k -= 1
    }
    return nil
  }

  /// The ally or backer itself: a name inside the phrase ("its Russian backers", "its ally
  /// Israel"), its apposition, its "in" phrase ("its allies in Russia and Iran"), or the phrase
  /// it stands in apposition to ("Russia, the regime's ally").
  func otherParties(of p: Int, in a: SentenceAnalysis) -> [Int] {
    let parse = a.parse
    let phrase = parse.nounPhrases[p]
    var found: [Int] = []
    for k in phrase.range where k != phrase.head {
      if let m = a.mentionOfToken[k], a.isActor(m), !found.contains(m) { found.append(m) }
    }
    // "its ally Israel": a name right after the noun.
    let after = phrase.range.upperBound
    if found.isEmpty, after < a.tokens.count, let m = a.mentionOfToken[after], a.isActor(m) {
      found = a.parse.nounPhraseAt[after] >= 0 ? a.mentions(ofPhrase: Int(a.parse.nounPhraseAt[after])) : [m]
    }
    if found.isEmpty, let apposition = phrase.apposition { found = a.mentions(ofPhrase: apposition) }
    if found.isEmpty {
      for pp in phrase.attachments where parse.prepositionalPhrases[pp].word == "in" {
        if let object = parse.prepositionalPhrases[pp].object { found += a.mentions(ofPhrase: object) }
      }
    }
    // "Russia, the Syrian regime's ally": the phrase before the comma.
    var start = phrase.range.lowerBound
    if let first = phrase.conjuncts.first, first < p { start = parse.nounPhrases[first].range.lowerBound }
    let possessor = phrase.possessor ?? phrase.conjuncts.lazy.compactMap { parse.nounPhrases[$0].possessor }.first
    if let possessor { start = min(start, parse.nounPhrases[possessor].range.lowerBound) }
    while start > 0, !a.tokens[start - 1].is(","), parse.nounPhraseAt[start - 1] >= 0 { start -= 1 }
    if found.isEmpty, start >= 2, a.tokens[start - 1].is(","), parse.nounPhraseAt[start - 2] >= 0 {
      found = a.mentions(ofPhrase: Int(parse.nounPhraseAt[start - 2]))
    }
    return found.filter { a.isActor($0) }
  }
}
