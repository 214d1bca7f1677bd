import Testing

@testable import KGLanguage

/// Every index the parser hands out points inside the sentence, on any token soup.
@Suite struct ParserInvariantTests {
  static let vocabulary = [
    "the", "The", "rebels", "Rebels", "attacked", "was", "were", "been", "by", "of", "on", "against", "and", ",", ".",
    "'s", "n't", "-", "US", "backed", "which", "who", "that", "said", "according", "to", "killing", "forces", "Iran",
    "would", "not", "plans", "attack", "strikes", "Monday", "in", "early", "three", "1999", "(", ")", "\"", "—", "al",
    "Sham", "Hay'at", "its", "they", "there", "fled", "struck", "after", "while", "told", "reporters", ":", "X",
  ]

  @Test func indicesStayInsideTheSentence() {
    var seed: UInt64 = 0x5eed
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    for round in 0..<400 {
      let count = next(40)
      var words: [WordInput] = []
      for _ in 0..<count {
        words.append(
          WordInput(
            ParserInvariantTests.vocabulary[next(ParserInvariantTests.vocabulary.count)], spaceBefore: next(4) != 0))
      }
      var fixed: [Range<Int>] = []
      if count > 3 {
        let start = next(count - 2)
        fixed.append(start..<(start + 1 + next(2)))
      }
      let s = parser.parse(words, fixed: fixed)
      let n = words.count
      #expect(s.tags.count == n && s.lemmas.count == n, "round \(round)")
      for np in s.nounPhrases {
        #expect(np.range.lowerBound >= 0 && np.range.upperBound <= n && np.range.contains(np.head), "round \(round)")
        #expect(np.possessor.map { $0 < s.nounPhrases.count } ?? true)
        #expect(np.conjuncts.allSatisfy { $0 < s.nounPhrases.count })
        #expect(np.attachments.allSatisfy { $0 < s.prepositionalPhrases.count })
      }
      for v in s.verbGroups {
        #expect(v.range.contains(v.head) && v.range.upperBound <= n, "round \(round)")
        #expect(v.clause >= 0 && v.clause < s.clauses.count, "round \(round)")
        for np in v.subjects + v.objects + v.agents { #expect(np < s.nounPhrases.count) }
        #expect(v.obliques.allSatisfy { $0 < s.prepositionalPhrases.count })
      }
      for c in s.clauses {
        #expect(c.range.lowerBound >= 0 && c.range.upperBound <= n, "round \(round)")
        #expect(c.reporters.allSatisfy { $0 < s.nounPhrases.count })
      }
      // A fixed name is never split: one phrase covers it whole.
      for range in fixed where range.upperBound <= n {
        let owners = Set(range.map { s.nounPhraseAt[$0] })
        #expect(owners.count == 1 && owners.first != -1, "round \(round): \(fixed) \(s.taggedText) \(s.bracketed)")
      }
      _ = s.description
    }
  }
}
