import KGLanguage
import KGModel

/// An agreement between the actor of a clause and the object of "with": "the rebels would accept a
/// reconciliation agreement with Damascus", "posts set up under a deal struck with Russia",
/// "Turkey's ceasefire deal with Moscow". Signing or accepting an agreement is cooperation
/// (CAMEO 05, GUIDELINES.md `cooperate`).
///
/// Example: "Ankara reached a deal with Moscow." → cooperate(Turkey, Russia).
struct AgreementWith: RelationRule {
  static let agreementNouns: WordSet = [
    "agreement", "agreements", "deal", "deals", "accord", "accords", "truce", "ceasefire", "cease-fire", "pact",
    "treaty", "memorandum", "understanding", "arrangement", "settlement",
    // Working together with someone: "vowed to uphold coordination with Russia", "held talks with Ankara".
    "cooperation", "coordination", "partnership", "alliance", "talks",
  ]
  /// Verbs that end or refuse what the noun names: "cut cooperation with Moscow" is no cooperation.
  static let ending: Set<String> = [
    "cut", "end", "suspend", "halt", "freeze", "stop", "sever", "break", "reject", "refuse", "cancel", "abandon",
    "scrap", "quit", "withdraw", "deny",
  ]
  /// Participles that carry the "with" of an agreement ("a deal struck with Russia").
  static let makingVerbs: Set<String> = ["strike", "sign", "reach", "conclude", "make", "agree", "negotiate", "broker"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for p in parse.nounPhrases.indices where Self.agreementNouns.contains(a.tokens[parse.nounPhrases[p].head]) {
      let phrase = parse.nounPhrases[p]
      let partners = partners(of: p, in: a)
      guard !partners.isEmpty else { continue }
      var parties: [Int] = []
      if let possessor = phrase.possessor, let m = a.headMention(ofPhrase: possessor), a.isActor(m) {
        parties = [m]
      } else if let group = parse.verbGroups.last(where: {
        $0.range.upperBound <= phrase.range.lowerBound && $0.voice == .active && !$0.isNegated
      }) {
        if Self.ending.contains(group.lemma) { continue }
        parties = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      }
      // "posts set up under a deal struck with Russia, Ankara said": whoever reports it.
      if parties.isEmpty {
        let clause = parse.clauses.first {
          !$0.reporters.isEmpty && $0.range.lowerBound <= phrase.range.upperBound && $0.range.upperBound > phrase.head
        }
        parties = clause.map { a.mentions(ofPhrases: $0.reporters).filter { a.isActor($0) } } ?? []
      }
      parties.removeAll { m in partners.contains { a.mentions[$0].entityID == a.mentions[m].entityID } }
      guard !parties.isEmpty else { continue }
      let cue = phrase.head..<(phrase.head + 1)
      result.append(Finding(sources: parties, type: .cooperate, targets: partners, rule: id, cue: cue))
    }
    return result
  }

  /// The object of the agreement's "with": attached to the noun, or to a participle right after
  /// it ("a deal struck with Russia").
  func partners(of p: Int, in a: SentenceAnalysis) -> [Int] {
    let parse = a.parse
    let phrase = parse.nounPhrases[p]
    var withPhrases = phrase.attachments.filter { parse.prepositionalPhrases[$0].word == "with" }
    let next = phrase.range.upperBound
    if withPhrases.isEmpty, next < a.tokens.count, parse.verbGroupAt[next] >= 0 {
      let group = parse.verbGroups[Int(parse.verbGroupAt[next])]
      if group.range.lowerBound == next, group.subjects.isEmpty || group.subjectIsImplicit,
        Self.makingVerbs.contains(group.lemma)
      {
        withPhrases = group.obliques.filter { parse.prepositionalPhrases[$0].word == "with" }
      }
    }
    return a.mentions(ofPhrases: withPhrases.compactMap { parse.prepositionalPhrases[$0].object }).filter {
      a.isActor($0)
    }
  }
}
