import KGModel

/// "the US and its staunch ally Israel", "regime ally Hezbollah", "the SDF and its main backer, the
/// US-led coalition", "its allies in Iran, Hezbollah and Russia": a relation noun between two
/// actors. Allies and partners cooperate; a backer or sponsor supports; a proxy is supported.
///
/// Example: "Moscow and its ally Damascus rejected the plan." → cooperate(Russia, Syria).
struct AllyApposition: RelationRule {
  static let cooperateNouns: WordSet = ["ally", "allies", "partner", "partners"]
  static let backerNouns: WordSet = ["backer", "backers", "sponsor", "sponsors", "patron", "patrons", "protector"]
  static let proxyNouns: WordSet = ["proxy", "proxies", "client", "clients"]
  static let adjectives: WordSet = [
    "staunch", "main", "key", "close", "closest", "foreign", "regional", "chief", "principal", "traditional",
    "strategic",
    "long-time", "longtime", "major", "top", "steadfast", "loyal", "kurdish", "local", "new", "old", "former",
  ]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    // The noun lists, read once rather than through their lazy globals at every token.
    let cooperateNouns = Self.cooperateNouns
    let backerNouns = Self.backerNouns
    let proxyNouns = Self.proxyNouns
    for i in a.tokens.indices {
      let type: RelationType
      if cooperateNouns.contains(a.tokens[i]) {
        type = .cooperate
      } else if backerNouns.contains(a.tokens[i]) || proxyNouns.contains(a.tokens[i]) {
        type = .support
      } else {
        continue
      }
      let noun = a.tokens[i].lower
      guard let owner = owner(before: i, in: a) else { continue }
      var k = i + 1
      while k < a.tokens.count, [",", "in", "the", "such", "as", "like", "including"].contains(a.tokens[k].lower) {
        k += 1
      }
      // "its allies, among which we have to count ISIS": up to five plain words after "among".
      if k < a.tokens.count, a.tokens[k].is("among") {
        k += 1
        var hops = 0
        while k < a.tokens.count, hops < 6, a.mentionOfToken[k] == nil, a.tokens[k].isWord,
          !a.tokens[k].isCapitalized || a.tokens[k].is("we")
        {
          k += 1
          hops += 1
        }
      }
      // "The HSD …, acting as US proxies": the clause's subject is the proxy.
      let ownerStart = a.mentions[owner].range.lowerBound
      if Self.proxyNouns.contains(noun), ownerStart >= 1, a.tokens[ownerStart - 1].is("as"),
        let proxy = a.mainSubject(before: a.mentions[owner].range.lowerBound), proxy != owner
      {
        result.append(Finding(sources: [owner], type: .support, targets: [proxy], rule: id, cue: i..<(i + 1)))
        continue
      }
      guard k < a.tokens.count, let other = a.mentionOfToken[k], a.isActor(other), other != owner else { continue }
      let others = a.coordinatedRight(from: other)
      let cue = i..<(i + 1)
      if Self.backerNouns.contains(noun) {
        result.append(Finding(sources: others, type: type, targets: [owner], rule: id, cue: cue))
      } else {
        result.append(Finding(sources: [owner], type: type, targets: others, rule: id, cue: cue))
      }
    }
    return result
  }

  /// "A's ally", "A and its ally", "A ally" (a mention right before), or "its ally" with the
  /// nearest actor to the left.
  func owner(before i: Int, in a: SentenceAnalysis) -> Int? {
    var k = i - 1
    while k >= 0, Self.adjectives.contains(a.tokens[k]) { k -= 1 }
    guard k >= 0 else { return nil }
    let lower = a.tokens[k].lower
    if let m = a.mentionOfToken[k] { return a.isActor(m) ? m : nil }
    if lower == "'s", k > 0, let m = a.mentionOfToken[k - 1] { return a.isActor(m) ? m : nil }
    if lower == "its" || lower == "their" {
      var j = k - 1
      if j >= 0, a.tokens[j].is("and"), j > 0, let m = a.mentionOfToken[j - 1] { return a.isActor(m) ? m : nil }
      while j >= 0 {
        if let m = a.mentionOfToken[j], a.isActor(m) { return m }
        j -= 1
      }
    }
    return nil
  }
}
