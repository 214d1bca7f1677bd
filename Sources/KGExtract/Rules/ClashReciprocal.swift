import KGModel

/// "A clashed with B", "clashes between A and B", "A and B clashed": fighting on both sides gives
/// attack in both directions (GUIDELINES.md: "clash with (both ways)").
///
/// Example: "Clashes between the SNA and the SDF erupted near Manbij." → attack(SNA, SDF), attack(SDF, SNA).
struct ClashReciprocal: RelationRule {
  static let forms: WordSet = [
    "clash", "clashes", "clashed", "clashing", "fought", "fighting", "battled", "battling", "skirmished", "exchanged",
    "exchange", "exchanging", "traded", "trade", "trading",
  ]

  static let exchanges: WordSet = ["exchanged", "exchange", "exchanging", "traded", "trade", "trading"]
  /// What two sides exchange when they fight ("fire", "artillery fire", "blows"; not "prisoners").
  static let fireNouns: WordSet = ["fire", "gunfire", "shots", "blows", "strikes", "salvos", "salvoes"]

  /// Where the fire exchanged after `verb` ends: "fire" right after it, or a noun phrase whose
  /// head is one of `fireNouns` ("heavy fire", "near-daily artillery fire"); nil for another object.
  func exchangedFireEnd(after verb: Int, in a: SentenceAnalysis) -> Int? {
    let next = verb + 1
    guard next < a.tokens.count else { return nil }
    if a.tokens[next].is("fire") { return next + 1 }
    guard next < a.parse.nounPhraseAt.count, a.parse.nounPhraseAt[next] >= 0 else { return nil }
    let phrase = a.parse.nounPhrases[Int(a.parse.nounPhraseAt[next])]
    guard phrase.range.lowerBound == next, Self.fireNouns.contains(a.tokens[phrase.head]) else { return nil }
    return phrase.range.upperBound
  }

  /// Words after the verb that put its coordinated subjects on one side ("fought alongside").
  static let oneSide: WordSet = ["against", "alongside", "together", "side", "jointly", "on"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    // Read once rather than through its lazy global at every token.
    let forms = Self.forms
    for i in a.tokens.indices where forms.contains(a.tokens[i]) {
      let token = a.tokens[i]
      var cue = i..<(i + 1)
      let verb = i
      var i = i
      // "exchanged fire with", "traded heavy artillery fire", "exchanged near-daily strikes"
      if Self.exchanges.contains(token) {
        guard let end = exchangedFireEnd(after: i, in: a) else { continue }
        cue = i..<end
        i = end - 1
      }
      // "A clashed with B"
      if i + 1 < a.tokens.count, a.tokens[i + 1].is("with"), let subject = a.subject(before: verb),
        let object = a.object(after: i + 2)
      {
        let left = a.coordinatedLeft(from: subject)
        let right = a.coordinatedRight(from: object)
        result.append(Finding(sources: left, type: .attack, targets: right, rule: id, cue: cue))
        result.append(Finding(sources: right, type: .attack, targets: left, rule: id, cue: cue))
        continue
      }
      // "clashes between A and B"
      if i + 1 < a.tokens.count, a.tokens[i + 1].is("between"), let first = a.object(after: i + 2) {
        let group = a.coordinatedRight(from: first)
        if group.count >= 2 {
          for x in group {
            for y in group where x != y {
              result.append(Finding(sources: [x], type: .attack, targets: [y], rule: id, cue: cue))
            }
          }
        }
        continue
      }
      // "A and B clashed" — not "A and B fought C" nor "fought against C" or "alongside C": there
      // the two fight on one side.
      if i < a.parse.verbGroupAt.count, a.parse.verbGroupAt[i] >= 0,
        !a.parse.verbGroups[Int(a.parse.verbGroupAt[i])].objects.isEmpty
      {
        continue
      }
      if i + 1 < a.tokens.count, Self.oneSide.contains(a.tokens[i + 1]) { continue }
      if let subject = a.subject(before: verb) {
        let group = a.coordinatedLeft(from: subject)
        if group.count >= 2 {
          for x in group {
            for y in group where x != y {
              result.append(Finding(sources: [x], type: .attack, targets: [y], rule: id, cue: cue))
            }
          }
        }
      }
    }
    return result
  }
}
