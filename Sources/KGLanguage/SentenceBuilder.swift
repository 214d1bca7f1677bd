import KGModel

/// The sentence under analysis: tokens, tags and lemmas, the phrases found so far, and for each
/// token the phrase that covers it (-1 for none).
struct SentenceBuilder {
  let words: [WordInput]
  var tags: [Tag]
  var lemmas: [String]
  /// For the first token of a caller-fixed name, the end of the name; -1 elsewhere.
  var fixedEnd: [Int32]
  var npAt: [Int32]
  var vgAt: [Int32]
  var ppAt: [Int32]
  var nounPhrases: [NounPhrase] = []
  var verbGroups: [VerbGroup] = []
  var prepositionalPhrases: [PrepositionalPhrase] = []
  var clauses: [Clause] = []
  var events: [NominalEvent] = []

  init(words: [WordInput], tags: [Tag], lemmas: [String], fixed: [Range<Int>]) {
    self.words = words
    self.tags = tags
    self.lemmas = lemmas
    let n = words.count
    fixedEnd = .filled(with: -1, count: n)
    for range in fixed where range.lowerBound >= 0 && range.upperBound <= n && !range.isEmpty {
      fixedEnd[range.lowerBound] = Int32(range.upperBound)
    }
    npAt = .filled(with: -1, count: n)
    vgAt = npAt
    ppAt = npAt
  }

  var count: Int { words.count }

  mutating func addNounPhrase(_ range: Range<Int>, head: Int, determiner: Int?, modifiers: [Int], isName: Bool) {
    let lower = words[head].lower
    var isTime = WordClasses.timeNouns.contains(lower)
    if tags[head] == .CD, lower.utf8.count == 4, lower.hasPrefix("19") || lower.hasPrefix("20") { isTime = true }
    let index = Int32(nounPhrases.count)
    nounPhrases.append(
      NounPhrase(
        range: range, head: head, determiner: determiner, modifiers: modifiers, possessor: nil, conjuncts: [],
        apposition: nil, attachments: [], isName: isName || tags[head].isProperNoun, isPronoun: tags[head] == .PRP,
        isTime: isTime))
    for i in range { npAt[i] = index }
  }

  mutating func addVerbGroup(_ group: consuming VerbGroup) {
    let index = Int32(verbGroups.count)
    let range = group.range
    verbGroups.append(group)
    for i in range { vgAt[i] = index }
  }

  mutating func addPrepositionalPhrase(_ phrase: PrepositionalPhrase) {
    let index = Int32(prepositionalPhrases.count)
    prepositionalPhrases.append(phrase)
    for i in phrase.range { ppAt[i] = index }
  }
}
