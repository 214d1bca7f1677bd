import KGModel

/// "Syrian, Hezbollah and Iraqi forces have met up", "the Iran-Iraq-Syria pipeline deal": actors
/// who meet or join in one agreement cooperate, every pair of them (GUIDELINES.md: cooperate
/// "meet, join (no direction)").
///
/// Example: "Russia and Turkey met in Sochi." → cooperate(Russia, Turkey).
struct JointAction: RelationRule {
  static let meetVerbs: WordSet = [
    "met", "meet", "meets", "meeting", "allied", "reconvened", "convened", "united", "cooperated", "cooperate",
    "cooperates", "cooperating", "coordinated", "coordinate", "coordinates", "coordinating", "collaborated",
    "collaborate", "colluded", "collude", "colluding", "reconciled", "negotiated", "agreed",
  ]
  static let agreeVerbs: WordSet = [
    "hold", "held", "holds", "holding",
    "reached", "reach", "reaches", "signed", "sign", "signs", "concluded", "conclude", "struck", "strike", "agreed",
    "brokered",
  ]
  static let jointNouns: WordSet = [
    "deal", "agreement", "pact", "accord", "alliance", "pipeline", "axis", "talks", "summit", "partnership", "treaty",
    "coalition", "cooperation", "memorandum", "truce", "ceasefire", "cease-fire", "understanding", "arrangement",
  ]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    // The word lists, read once rather than through their lazy globals at every token.
    let agreeVerbs = Self.agreeVerbs
    let meetVerbs = Self.meetVerbs
    let jointNouns = Self.jointNouns
    for i in a.tokens.indices {
      // Set by the construction found at `i`; a token that opens none is passed over at once,
      // without making an empty list.
      var parties: [Int]
      if agreeVerbs.contains(a.tokens[i]), i + 2 < a.tokens.count,
        jointNouns.contains(a.tokens[i + 1]) || jointNouns.contains(a.tokens[i + 2]),
        let subject = a.subject(before: i)
      {
        // "A and B reached an agreement", "A signed a deal with B"
        parties = a.coordinatedLeft(from: subject)
        var k = i + 1
        while k < a.tokens.count, k - i <= 4, !a.tokens[k].is("with") { k += 1 }
        if k + 1 < a.tokens.count, a.tokens[k].is("with"), let other = a.object(after: k + 1, limit: 3) {
          parties += a.coordinatedRight(from: other)
        }
      } else if meetVerbs.contains(a.tokens[i]), let subject = a.subject(before: i) {
        // "A and B met" — but "A met B" is ActiveVoice's ("meet with").
        if i + 1 < a.tokens.count, a.mentionOfToken[i + 1] != nil { continue }
        parties = a.coordinatedLeft(from: subject)
      } else if let m = a.mentionOfToken[i], a.mentions[m].range.lowerBound == i {
        // "Iran-Iraq-Syria … deal": actors glued by hyphens before a joint noun.
        var chain = [m]
        var end = a.mentions[m].range.upperBound
        while end + 1 < a.tokens.count, a.tokens[end].is("-"), !a.tokens[end].spaceBefore,
          let next = a.mentionOfToken[end + 1], a.mentions[next].range.lowerBound == end + 1
        {
          chain.append(next)
          end = a.mentions[next].range.upperBound
        }
        guard chain.count >= 2 else { continue }
        var k = end
        var hops = 0
        while k < a.tokens.count, hops < 3, !jointNouns.contains(a.tokens[k]), a.tokens[k].isWord,
          a.mentionOfToken[k] == nil
        {
          k += 1
          hops += 1
        }
        guard k < a.tokens.count, jointNouns.contains(a.tokens[k]) else { continue }
        parties = chain
      } else {
        continue
      }
      guard !parties.isEmpty else { continue }
      let actors = parties.filter { a.isActor($0) }
      guard actors.count >= 2 else { continue }
      for (x, p) in actors.enumerated() {
        for q in actors[(x + 1)...] {
          result.append(Finding(sources: [p], type: .cooperate, targets: [q], rule: id, cue: i..<(i + 1)))
        }
      }
    }
    return result
  }
}
