import Foundation
import KGLanguage
import KGModel

/// A reference noun phrase ("the group") and the kind of actor it can stand for.
struct ReferencePhrase: Sendable {
  var tokens: [String]
  var kinds: Set<EntityKind>
  var terrorist: Bool
  var coalition: Bool
  /// The entity's name must contain this word ("the province" → "Idlib Province").
  var nameContains: String?
  /// The stem of a nationality or creed the phrase gives ("the Kurdish militia" → "kurd"),
  /// which the entity's name or an alias must contain.
  var descriptor: String? = nil
  /// A plural collective ("the militias", "the factions") stands for an actor named in the
  /// plural ("Popular Mobilization Units") or a coalition, not for one group ("ISIS").
  var plural: Bool = false
}

/// Words for finding unlisted actors and resolving references, loaded from `patterns.yaml`.
struct PatternVocabulary: Sendable {
  var titles: [[String]] = []
  /// Capitalised single words that are titles, never part of a name ("General", "Minister").
  var titleWords = WordSet()
  var nameParticles = WordSet()
  var orgHeads = WordMap<EntityKind>()
  var placeBefore = WordSet()
  /// Nouns whose definite phrase ("the village", "the town") stands for the last place named
  /// with them.
  var placeAnaphora = WordSet()
  var placeAfter: [[String]] = []
  /// The first words of `placeAfter`, and whether one of its heads is empty (and so always follows).
  var placeAfterFirstWords = WordSet()
  var placeAfterHasEmptyHead = false
  var references: [ReferencePhrase] = []
  /// Titles by their first word, longest first, so matching is a lookup.
  var titlesByFirst = WordMap<[[String]]>()
  /// Titles that name a person only with their phrase and a name in apposition ("the head of
  /// the UN mission, Hans Grundberg,"), by their first word, longest first.
  var phraseTitlesByFirst = WordMap<[[String]]>()
  /// References by their first two words, longest first.
  var referenceIndex = PhraseIndex<ReferencePhrase>()
  /// The two-word references "the X" by their head X, for "the Kurdish militia", "the
  /// rebel-held province" (a definite head with modifiers between).
  var definiteHeads = WordMap<ReferencePhrase>()
  /// Modifiers that make a definite phrase another actor than the last one ("the rival militia").
  var referenceBlockers = WordSet()
  /// Evidence that types a capitalised name no dictionary lists (`names` in patterns.yaml).
  var names = NameEvidence()
  /// Names of forces that name no state, read as the forces of the article's country
  /// (`host_country` in patterns.yaml).
  var hostCountry = HostCountryWords()

  static func builtIn() throws(DictionaryError) -> PatternVocabulary {
    let url = try BuiltInResources.url("patterns")
    let text: String
    do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw .missingResources }
    return try PatternVocabulary(yaml: text, file: "Dictionaries/patterns.yaml")
  }

  init(yaml text: String, file: String) throws(DictionaryError) {
    guard let root = try YAMLValue.parse(text, file: file) else { return }
    try root.checkKeys(
      [
        "titles", "phrase_titles", "name_particles", "org_heads", "place_heads", "place_anaphora", "references",
        "reference_blockers", "names", "host_country",
      ],
      in: "the patterns file")
    titles = try root["titles"]?.strings("titles").map(Lexicon.phrase).sorted { $0.count > $1.count } ?? []
    titleWords = WordSet(titles.filter { $0.count == 1 }.map { $0[0] }).union([
      "general", "minister", "president", "commander", "spokesman", "spokeswoman", "lieutenant", "major", "colonel",
      "deputy", "foreign", "defense", "defence", "ambassador", "secretary", "leader",
    ])
    nameParticles = WordSet(try root["name_particles"]?.strings("name_particles") ?? [])
    if let heads = root["org_heads"] {
      for (kindName, words) in try heads.pairs("org_heads") {
        guard let kind = EntityKind(rawValue: kindName) else {
          throw .unknownType(file: words.file, line: words.line, type: kindName)
        }
        for word in try words.strings(kindName) { orgHeads[word] = kind }
      }
    }
    if let places = root["place_heads"] {
      try places.checkKeys(["before", "after"], in: "place_heads")
      placeBefore = WordSet(try places["before"]?.strings("before") ?? [])
      placeAfter = try places["after"]?.strings("after").map(Lexicon.phrase) ?? []
      placeAfterFirstWords = WordSet(placeAfter.compactMap(\.first))
      placeAfterHasEmptyHead = placeAfter.contains(where: \.isEmpty)
    }
    placeAnaphora = WordSet(try root["place_anaphora"]?.strings("place_anaphora") ?? [])
    if let refs = root["references"] {
      for item in try refs.list("references") {
        try item.checkKeys(["phrase", "kinds", "terrorist", "coalition", "name_contains", "plural"], in: "a reference")
        let phrase = try item["phrase"]?.string("phrase") ?? ""
        var kinds = Set<EntityKind>()
        for k in try item["kinds"]?.strings("kinds") ?? [] {
          guard let kind = EntityKind(rawValue: k) else {
            throw .unknownType(file: item.file, line: item.line, type: k)
          }
          kinds.insert(kind)
        }
        references.append(
          ReferencePhrase(
            tokens: Lexicon.phrase(phrase), kinds: kinds,
            terrorist: try item["terrorist"]?.string("terrorist") == "true",
            coalition: try item["coalition"]?.string("coalition") == "true",
            nameContains: try item["name_contains"]?.string("name_contains"),
            plural: try item["plural"]?.string("plural") == "true"))
      }
      references.sort { $0.tokens.count > $1.tokens.count }
    }
    if let names = root["names"] { self.names = try NameEvidence(names) }
    if let host = root["host_country"] { hostCountry = try HostCountryWords(host) }
    for title in titles { if let first = title.first { titlesByFirst[first, default: []].append(title) } }
    let phraseTitles = try root["phrase_titles"]?.strings("phrase_titles").map(Lexicon.phrase) ?? []
    for title in phraseTitles.sorted(by: { $0.count > $1.count }) {
      if let first = title.first { phraseTitlesByFirst[first, default: []].append(title) }
    }
    for reference in references {
      referenceIndex.add(reference.tokens, reference)
      if reference.tokens.count == 2, reference.tokens[0] == "the", definiteHeads[reference.tokens[1]] == nil {
        definiteHeads[reference.tokens[1]] = reference
      }
    }
    referenceBlockers = WordSet(try root["reference_blockers"]?.strings("reference_blockers") ?? [])
  }
}

/// Everything extraction reads: actors, cue words and patterns. Passed in; never global.
///
/// A class, so that other modules hold a reference and never depend on the layout of the
/// internal tables inside.
public final class ExtractionConfiguration: Sendable {
  public let dictionary: ActorDictionary
  public let lexicon: Lexicon
  let patterns: PatternVocabulary
  /// The dictionary's alias entries by their first two tokens, each first word's entries in
  /// their order in `dictionary.entries`.
  let aliasIndex: AliasIndex
  /// The kind of every dictionary entity, by id: what rules ask of an entity most, answered by a
  /// probe of a word table rather than by copying the entity out of `dictionary.entities`.
  let entityKinds: EntityKinds
  /// Names spelt another way: capitalised dictionary aliases by their folded form
  /// (`NameFolding`), where the fold names one entity only.
  let foldedAliases: FoldedAliasIndex
  /// The language layer: tags, chunks, clauses and roles of each sentence.
  let parser: Parser
  /// Capitals by their state and folded name ("syria" + "damascus" → the city), from the places
  /// marked `capital_of`: a capital that is hit or taken is the city (GUIDELINES.md, "Capitals").
  let capitalCities: [String: String]
  /// The army of each state asked for so far (`MentionFinder.army(of:)`): finding one reads
  /// every demonym, and a sentence of a document with a host country asks at every nameless force.
  let armies = SharedMemo<String, String?>()
  /// The dictionary's demonyms (`ActorDictionary.demonyms`) as a word table, probed by a token's
  /// hash: mention finding asks at every mention whether its word is a demonym.
  let demonymStates: WordMap<String>

  init(
    dictionary: ActorDictionary, lexicon: Lexicon, patterns: PatternVocabulary, language: LanguageResources,
    foldedAliases: FoldedAliasIndex? = nil
  ) {
    self.dictionary = dictionary
    parser = Parser(resources: language)
    self.lexicon = lexicon
    self.patterns = patterns
    entityKinds = EntityKinds(dictionary)
    var demonymStates = WordMap<String>()
    for (demonym, state) in dictionary.demonyms { demonymStates[demonym] = state }
    self.demonymStates = demonymStates
    aliasIndex = AliasIndex(dictionary)
    self.foldedAliases = foldedAliases ?? FoldedAliasIndex(of: dictionary)
    var capitals: [String: String] = [:]
    for (city, state) in dictionary.capitalOf {
      guard let entity = dictionary.entity(city) else { continue }
      for name in [entity.name] + entity.aliases { capitals[Self.capitalKey(state, name)] = city }
    }
    capitalCities = capitals
  }

  static func capitalKey(_ state: String, _ surface: String) -> String {
    state + "\u{1}" + surface.lowercased()
  }

  /// The city a mention of `state` written `surface` names when it is the capital ("Damascus"
  /// for Syria), if it is.
  func capitalCity(of state: String, writtenAs surface: String) -> String? {
    capitalCities[Self.capitalKey(state, surface)]
  }

  /// The built-in dictionaries plus the user's files, in order.
  ///
  /// Without user files the built-in dictionary comes from the snapshot `DictionaryCache` keeps
  /// (made by the first process after kg or a built-in file changed), so that a process starts
  /// in milliseconds; it is the same dictionary the YAML files give.
  ///
  /// Without user files the configuration is also made once per process and shared: it never
  /// changes, and a second `load()` (and the exit of a `kg` process) then spares building and
  /// freeing its 100,000-odd tables. `reuse: false` makes a new one (what a benchmark of
  /// loading times).
  ///
  /// - Throws: `DictionaryError` naming the file and line of the first bad entry.
  public static func load(extraDictionaries: [String] = []) throws(DictionaryError) -> ExtractionConfiguration {
    try load(extraDictionaries: extraDictionaries, reuse: true)
  }

  /// `load(extraDictionaries:)`, sharing the built-in configuration or (`reuse: false`) not.
  public static func load(extraDictionaries: [String] = [], reuse: Bool) throws(DictionaryError)
    -> ExtractionConfiguration
  {
    if extraDictionaries.isEmpty && reuse {
      return try SharedConfiguration.instance.get { () throws(DictionaryError) in try load(reuse: false) }
    }
    let language = try builtInLanguage()
    let lexicon = try Lexicon.builtIn()
    let patterns = try PatternVocabulary.builtIn()
    if extraDictionaries.isEmpty {
      let sources = try ActorDictionary.builtInSources()
      let (dictionary, folded, _) = try builtInDictionary(
        sources: sources, cache: DictionaryCache.standard(sources: sources))
      return ExtractionConfiguration(
        dictionary: dictionary, lexicon: lexicon, patterns: patterns, language: language, foldedAliases: folded)
    }
    let sources = try ActorDictionary.builtInSources()
    // The user's files over the built-in snapshot, apart (`UserLayer`), where that answers as
    // merging does; the files read so far are kept for merging otherwise (their text: a file
    // whose entries were read straight from its bytes has no parsed tree).
    var read: [String] = []
    if let cache = DictionaryCache.standard(sources: sources), var dictionary = try builtInSnapshot(sources, cache) {
      dictionary.layer = UserLayer()
      var layered = true
      for file in extraDictionaries {
        let text = try ActorDictionary.readText(file: file)
        read.append(text)
        if try !dictionary.addToLayer(text: text, file: file) {
          layered = false
          break
        }
      }
      if layered {
        try dictionary.checkReferences()
        return ExtractionConfiguration(
          dictionary: dictionary, lexicon: lexicon, patterns: patterns, language: language)
      }
    }
    var dictionary = try builtInBase(
      sources: sources, cache: DictionaryCache.standard(sources: sources, name: "dictionaries-base"))
    for (text, file) in zip(read, extraDictionaries) {
      if let root = try YAMLValue.parse(text, file: file) { try dictionary.load(root: root) }
    }
    for file in extraDictionaries.dropFirst(read.count) { try dictionary.load(file: file) }
    try dictionary.checkReferences()
    dictionary.addStateAgentForms()
    return ExtractionConfiguration(dictionary: dictionary, lexicon: lexicon, patterns: patterns, language: language)
  }

  /// The tagger's resources, with its lexicon's word table from the cache when it holds one
  /// made from these files (reading the 94,000 words from text costs a start-up 80 M
  /// instructions), else read from the text and written to the cache.
  static func builtInLanguage() throws(DictionaryError) -> LanguageResources {
    do {
      let files = try LanguageResources.bundledFiles()
      let cache = DictionaryCache.standard(
        sources: files.map { ($0.name, [UInt8]($0.bytes)) }, name: "language", format: 1)
      if let (storage, payload) = cache?.readPayload(),
        let language = try? LanguageResources(
          files: files,
          lexiconTable: UnsafeRawBufferPointer(rebasing: storage.bytes[(storage.bytes.count - payload)...]))
      {
        return language
      }
      let language = try LanguageResources(files: files)
      cache?.write(payload: language.encodedLexicon())
      return language
    } catch {
      throw .missingResources
    }
  }

  /// The complete built-in dictionary read in place from `cache`, writing the snapshot first
  /// when it holds none of these sources; nil when the snapshot cannot be written.
  static func builtInSnapshot(
    _ sources: [(name: String, bytes: [UInt8])], _ cache: DictionaryCache
  ) throws(DictionaryError) -> ActorDictionary? {
    if let (dictionary, _) = cache.read() { return dictionary }
    _ = try builtInDictionary(sources: sources, cache: cache)
    return cache.read()?.0
  }

  /// The built-in dictionary as the YAML files give it, before the state agent forms (which a
  /// user's file may add states and agent nouns to), decoded whole to be added to: from `cache`
  /// when it holds a snapshot of these sources, else from the YAML `sources`, then written to
  /// `cache`.
  static func builtInBase(
    sources: [(name: String, bytes: [UInt8])], cache: DictionaryCache?
  ) throws(DictionaryError) -> ActorDictionary {
    if var (dictionary, _) = cache?.read() {
      dictionary.materialize()
      return dictionary
    }
    let dictionary = try ActorDictionary.builtIn(sources: sources)
    cache?.write(dictionary, folded: FoldedAliasIndex([AliasEntry]()))
    return dictionary
  }

  /// The built-in dictionary, complete (state agent forms added), and its folded index: from
  /// `cache` when it holds a sound snapshot of these sources, else from the YAML `sources`,
  /// then written to `cache`.
  static func builtInDictionary(
    sources: [(name: String, bytes: [UInt8])], cache: DictionaryCache?
  ) throws(DictionaryError) -> (dictionary: ActorDictionary, folded: FoldedAliasIndex, fromCache: Bool) {
    if let (dictionary, folded) = cache?.read() { return (dictionary, folded, true) }
    var dictionary = try ActorDictionary.builtIn(sources: sources)
    try dictionary.checkReferences()
    dictionary.addStateAgentForms()
    let folded = FoldedAliasIndex(dictionary.entries.values.joined())
    cache?.write(dictionary, folded: folded)
    return (dictionary, folded, false)
  }
}

/// The dictionary's alias entries by their first two tokens (a `PhraseIndex`), built from a
/// dictionary's tables, or read in place from the snapshot it was opened from.
struct AliasIndex: Sendable {
  private var built = PhraseIndex<AliasEntry>()
  private var snapshot: DictionarySnapshot.Tables?
  /// A user's layer's entries by first word (`UserLayer`), probed after the snapshot's: its
  /// lists are read as they are, rather than grouped again by second word (most of the user's
  /// first words open one or two forms).
  private var user = WordMap<[AliasEntry]>()

  init(_ dictionary: ActorDictionary) {
    if let snapshot = dictionary.snapshot {
      self.snapshot = snapshot
      if let layer = dictionary.layer { user = layer.own.storedEntries }
      return
    }
    for entries in dictionary.entries.values {
      for entry in entries { built.add(entry.tokens, entry) }
    }
  }

  /// See `PhraseIndex.candidates(in:at:)`. With a user's layer, its entries follow the
  /// snapshot's: no form is in both (`UserLayer`), so no two entries that match the same tokens
  /// are ordered differently than in the merged dictionary.
  func candidates(in tokens: [Token], at i: Int) -> (longer: [AliasEntry], oneWord: [AliasEntry]) {
    guard let snapshot else { return built.candidates(in: tokens, at: i) }
    let builtIn = snapshot.candidates(in: tokens, at: i)
    guard !user.isEmpty, let list = user[tokens[i]] else { return builtIn }
    // What `PhraseIndex` gives: the entries whose second word is the next token's, then the
    // one-word entries, each in the order added.
    var (longer, oneWord) = builtIn
    let next = i + 1 < tokens.count ? tokens[i + 1].lower : nil
    for entry in list {
      if entry.tokens.count == 1 {
        oneWord.append(entry)
      } else if entry.tokens[1] == next {
        longer.append(entry)
      }
    }
    return (longer, oneWord)
  }
}

/// The kind of each dictionary entity by id: a word table built from a dictionary's entities,
/// or the snapshot it was opened from, read in place.
struct EntityKinds: Sendable {
  private var built = WordMap<EntityKind>()
  private var snapshot: DictionarySnapshot.Tables?

  init(_ dictionary: ActorDictionary) {
    if let snapshot = dictionary.snapshot {
      self.snapshot = snapshot
      // A user's layer's entities, looked up first (one that extends a built-in entity keeps
      // its kind).
      for (id, entity) in dictionary.layer?.own.storedEntities ?? [:] { built[id] = entity.kind }
      return
    }
    for (id, entity) in dictionary.entities { built[id] = entity.kind }
  }

  subscript(id: String) -> EntityKind? {
    guard let snapshot else { return built[id] }
    if !built.isEmpty, let kind = built[id] { return kind }
    return snapshot.kind(of: id)
  }
}

/// The process's built-in configuration, made on first use (`ExtractionConfiguration.load()`).
///
/// It is never released, so no `kg` process pays for freeing it on exit; it is immutable, so
/// sharing it between callers and threads changes nothing they see.
final class SharedConfiguration: @unchecked Sendable {
  static let instance = SharedConfiguration()

  private let lock = NSLock()
  private var configuration: ExtractionConfiguration?

  func get(
    _ make: () throws(DictionaryError) -> ExtractionConfiguration
  ) throws(DictionaryError) -> ExtractionConfiguration {
    lock.lock()
    defer { lock.unlock() }
    if let configuration { return configuration }
    let made = try make()
    configuration = made
    return made
  }
}
