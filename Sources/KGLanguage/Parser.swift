/// The language layer's entry point: tags, chunks and analyses sentences.
///
/// Build one parser and reuse it for every sentence; it is a value holding shared, immutable
/// tables, safe to use from several threads.
///
/// ```swift
/// import KGLanguage
///
/// let parser = Parser(resources: try LanguageResources.load())
/// let words = WordInput.words(of: "Hay'at Tahrir al-Sham fighters attacked and captured the town.")
/// let sentence = parser.parse(words, fixed: [0..<5])   // "Hay'at Tahrir al-Sham" is a known name
/// for group in sentence.verbGroups {
///   print(group.lemma, sentence.texts(group.subjects), sentence.texts(group.objects))
/// }
/// // attack ["Hay'at Tahrir al-Sham fighters"] []
/// // capture ["Hay'at Tahrir al-Sham fighters"] ["the town"]
/// print(sentence)   // tags, bracketed chunks, clauses and roles
/// ```
public struct Parser: Sendable {
  private let tagger: Tagger
  private let lemmatizer: Lemmatizer
  private let resources: LanguageResources

  public init(resources: LanguageResources) {
    tagger = Tagger(resources: resources)
    lemmatizer = Lemmatizer(resources: resources)
    self.resources = resources
  }

  /// Whether `lowercased` is a word of English, not a name: the lexicon has it, with a tag other
  /// than a proper noun's ("line", "tell", "china"; not "idlib").
  public func isCommonWord(_ lowercased: String) -> Bool {
    guard let tag = resources.lexiconTag(lowercased) else { return false }
    return !tag.isProperNoun
  }

  /// Parses one sentence.
  ///
  /// - Parameters:
  ///   - words: The sentence's tokens (see `WordInput` for the tokenization expected).
  ///   - fixed: Token ranges already known to be names (the extractor's mentions). They are
  ///     tagged NNP (NNPS when plural) and never split across phrases. Out-of-bounds or
  ///     overlapping ranges are ignored.
  /// - Returns: The tagged, chunked and analysed sentence.
  /// - Complexity: O(n) for n tokens.
  public func parse(_ words: [WordInput], fixed: [Range<Int>] = []) -> ParsedSentence {
    let tags = self.tags(words, fixed: fixed)
    var lemmas: [String] = []
    lemmas.reserveCapacity(words.count)
    for i in words.indices {
      let tag = tags[i]
      lemmas.append(
        tag.isVerb || tag == .NNS || tag == .NNPS || tag == .MD ? lemmatizer.lemma(words[i].lower, tag) : words[i].lower
      )
    }
    var clean: [Range<Int>] = []
    for range in fixed.sorted(by: { $0.lowerBound < $1.lowerBound })
    where range.lowerBound >= 0 && range.upperBound <= words.count && !range.isEmpty
      && (clean.last.map { $0.upperBound <= range.lowerBound } ?? true)
    {
      clean.append(range)
    }
    var builder = SentenceBuilder(words: words, tags: tags, lemmas: lemmas, fixed: clean)
    var chunker = Chunker(builder)
    builder = chunker.run()
    var analysis = ClauseAnalysis(builder)
    builder = analysis.run()
    return ParsedSentence(
      words: words, tags: builder.tags, lemmas: builder.lemmas, nounPhrases: builder.nounPhrases,
      verbGroups: builder.verbGroups, prepositionalPhrases: builder.prepositionalPhrases, clauses: builder.clauses,
      nominalEvents: builder.events, nounPhraseAt: builder.npAt, verbGroupAt: builder.vgAt,
      prepositionalPhraseAt: builder.ppAt)
  }

  /// Part-of-speech tags only (the first stage of `parse`).
  public func tags(_ words: [WordInput], fixed: [Range<Int>] = []) -> [Tag] {
    var ids: [Int32] = []
    return tagger.tag(words, fixed: fixed, ids: &ids)
  }

  /// The tag the lexicon gives `word` (lowercased) out of context, if it lists the word.
  public func lexicalTag(of word: String) -> Tag? { tagger.resources.lexiconTag(word) }

  /// The base form of `word` read as `tag` ("struck"/VBD → "strike").
  public func lemma(_ word: String, tag: Tag) -> String { lemmatizer.lemma(word.lowercased(), tag) }
}
