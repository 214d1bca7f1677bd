import KGLanguage

/// KGLanguage's part-of-speech tag (Swift Testing has a `Tag` of its own).
typealias PennTag = KGLanguage.Tag

/// One parser for every test: loading the resources once keeps the suite fast.
let parser: Parser = {
  do {
    return Parser(resources: try LanguageResources.load())
  } catch {
    fatalError("KGLanguage resources: \(error)")
  }
}()

/// Parses `text` with `WordInput.words(of:)`; `names` are substrings to fix as names.
func parse(_ text: String, names: [String] = []) -> ParsedSentence {
  let words = WordInput.words(of: text)
  var fixed: [Range<Int>] = []
  for name in names {
    let nameWords = WordInput.words(of: name).map(\.text)
    for start in 0...(words.count - nameWords.count)
    where words[start..<(start + nameWords.count)].map(\.text) == nameWords {
      fixed.append(start..<(start + nameWords.count))
      break
    }
  }
  return parser.parse(words, fixed: fixed)
}

extension ParsedSentence {
  /// The first verb group whose lemma is `lemma`.
  func verb(_ lemma: String) -> VerbGroup? { verbGroups.first { $0.lemma == lemma } }

  /// The noun phrase whose text is `text`.
  func phrase(_ text: String) -> NounPhrase? { nounPhrases.first { self.text(of: $0) == text } }

  /// The texts of a group's obliques, "preposition object".
  func obliques(_ group: VerbGroup) -> [String] {
    group.obliques.map { p in
      let pp = prepositionalPhrases[p]
      return pp.word + " " + (pp.object.map { text(of: nounPhrases[$0]) } ?? "")
    }
  }
}
