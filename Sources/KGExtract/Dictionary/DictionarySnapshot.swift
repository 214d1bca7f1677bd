import KGModel

/// The built-in dictionary as loaded (every file read, references checked, state agent forms
/// added) and its folded alias index, in a binary form that decodes without parsing YAML,
/// tokenizing aliases or folding names: what `DictionaryCache` keeps between processes.
///
/// It holds the tables themselves, in the order they were built, so a configuration made from a
/// snapshot finds the same candidates in the same order as one made from the YAML files
/// (`DictionarySnapshotTests` compares the two table by table). The alias entries are stored
/// grouped by first word in `ActorDictionary.entries` order; the folded index refers to them by
/// position. `formSlots` is left out and built only if something is added later.
enum DictionarySnapshot {
  /// Bump when the layout below changes (the cache key includes it).
  static let formatVersion = 2

  static func encode(_ dictionary: ActorDictionary, folded: FoldedAliasIndex) -> [UInt8] {
    var w = SnapshotWriter()
    let entities = dictionary.entities.values.sorted { $0.id < $1.id }
    w.int(entities.count)
    for entity in entities {
      w.string(entity.id)
      w.string(entity.name)
      w.int(Self.kinds.firstIndex(of: entity.kind)!)
      w.strings(entity.aliases)
      w.optionalString(entity.partOf)
    }
    // Alias entries, by first word in insertion order; an entry's place (its first word's
    // position, then its own in that word's list) is what the folded index refers to.
    var position: [[String]: (word: Int, slot: Int)] = [:]
    let words = dictionary.entries.words
    let lists = dictionary.entries.values
    w.int(words.count)
    for (index, (word, list)) in zip(words, lists).enumerated() {
      w.string(word)
      w.int(list.count)
      for (slot, entry) in list.enumerated() {
        position[entry.tokens] = (index, slot)
        w.strings(entry.tokens)
        for rule in entry.rules {
          switch rule {
          case .exact(let text):
            w.int(0)
            w.string(text)
          case .capitalized: w.int(1)
          case .any: w.int(2)
          }
        }
        w.string(entry.entityID)
        w.int(entry.priority)
        w.int(Self.origins.firstIndex(of: entry.origin)!)
      }
    }
    Self.write(dictionary.demonyms, &w)
    Self.write(dictionary.stateAgentNouns, &w)
    Self.write(dictionary.terrorist, &w)
    Self.write(dictionary.coalitions, &w)
    w.int(dictionary.backedBy.count)
    for (key, ids) in dictionary.backedBy.sorted(by: { $0.key < $1.key }) {
      w.string(key)
      w.strings(ids)
    }
    Self.write(dictionary.defaultBacked, &w)
    w.int(dictionary.maxAliasLength)
    w.int(dictionary.demonymSurfaces.count)
    for (key, forms) in dictionary.demonymSurfaces.sorted(by: { $0.key < $1.key }) {
      w.string(key)
      w.strings(forms)
    }
    Self.write(dictionary.adjectiveOnlyStates, &w)
    Self.write(dictionary.capitalOf, &w)
    // The folded index: each key with the position of its entry.
    w.int(folded.entries.count)
    for (key, entry) in folded.entries.sorted(by: { $0.key < $1.key }) {
      let (word, slot) = position[entry.tokens]!
      w.string(key)
      w.int(word)
      w.int(slot)
    }
    w.strings(folded.firstWords.sorted())
    w.int(folded.longest)
    return w.finish()
  }

  /// The dictionary and folded index encoded in `bytes`.
  ///
  /// - Throws: `SnapshotDamaged` when the bytes do not decode to a whole snapshot.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(SnapshotDamaged) -> (
    ActorDictionary, FoldedAliasIndex
  ) {
    var r = try SnapshotReader(bytes)
    var dictionary = ActorDictionary()
    let entityCount = try r.count()
    dictionary.entities.reserveCapacity(entityCount)
    for _ in 0..<entityCount {
      let id = try r.string()
      let name = try r.string()
      let kind = try Self.element(of: Self.kinds, at: r.int())
      let aliases = try r.strings()
      let partOf = try r.optionalString()
      dictionary.entities[id] = Entity(id: id, name: name, kind: kind, aliases: aliases, partOf: partOf)
    }
    guard dictionary.entities.count == entityCount else { throw SnapshotDamaged() }
    let wordCount = try r.count()
    var lists: [[AliasEntry]] = []
    lists.reserveCapacity(wordCount)
    for _ in 0..<wordCount {
      let word = try r.string()
      let listCount = try r.count()
      var list: [AliasEntry] = []
      list.reserveCapacity(listCount)
      for _ in 0..<listCount {
        let tokens = try r.strings()
        guard tokens.first == word else { throw SnapshotDamaged() }
        var rules: [CaseRule] = []
        rules.reserveCapacity(tokens.count)
        for _ in tokens {
          switch try r.int() {
          case 0: rules.append(.exact(try r.string()))
          case 1: rules.append(.capitalized)
          case 2: rules.append(.any)
          default: throw SnapshotDamaged()
          }
        }
        let entityID = try r.string()
        let priority = try r.int()
        let origin = try Self.element(of: Self.origins, at: r.int())
        list.append(
          AliasEntry(tokens: tokens, rules: rules, entityID: entityID, priority: priority, origin: origin))
      }
      lists.append(list)
      guard dictionary.entries[word] == nil else { throw SnapshotDamaged() }
      dictionary.entries[word] = list
    }
    dictionary.formSlotsIndexed = false
    dictionary.demonyms = try Self.readMap(&r)
    dictionary.stateAgentNouns = try Self.readSet(&r)
    dictionary.terrorist = try Self.readSet(&r)
    dictionary.coalitions = try Self.readSet(&r)
    for _ in 0..<(try r.count()) { dictionary.backedBy[try r.string()] = try r.strings() }
    dictionary.defaultBacked = try Self.readMap(&r)
    dictionary.maxAliasLength = try r.int()
    for _ in 0..<(try r.count()) { dictionary.demonymSurfaces[try r.string()] = try r.strings() }
    dictionary.adjectiveOnlyStates = try Self.readSet(&r)
    dictionary.capitalOf = try Self.readMap(&r)
    let foldedCount = try r.count()
    var foldedEntries: [String: AliasEntry] = [:]
    foldedEntries.reserveCapacity(foldedCount)
    for _ in 0..<foldedCount {
      let key = try r.string()
      foldedEntries[key] = try Self.element(of: Self.element(of: lists, at: r.int()), at: r.int())
    }
    let firstWords = Set(try r.strings())
    let longest = try r.int()
    guard r.isAtEnd else { throw SnapshotDamaged() }
    return (dictionary, FoldedAliasIndex(entries: foldedEntries, firstWords: firstWords, longest: longest))
  }

  // MARK: - Parts

  /// Kinds and origins by position, so that renaming a raw value cannot misread a snapshot.
  static let kinds = EntityKind.allCases
  static let origins: [MentionOrigin] = [.dictionary, .adjective, .pattern, .reference]

  static func element<T>(of array: [T], at index: Int) throws(SnapshotDamaged) -> T {
    guard index < array.count else { throw SnapshotDamaged() }
    return array[index]
  }

  static func write(_ map: [String: String], _ w: inout SnapshotWriter) {
    w.int(map.count)
    for (key, value) in map.sorted(by: { $0.key < $1.key }) {
      w.string(key)
      w.string(value)
    }
  }

  static func write(_ set: Set<String>, _ w: inout SnapshotWriter) { w.strings(set.sorted()) }

  static func readMap(_ r: inout SnapshotReader) throws(SnapshotDamaged) -> [String: String] {
    let n = try r.count()
    var map: [String: String] = [:]
    map.reserveCapacity(n)
    for _ in 0..<n { map[try r.string()] = try r.string() }
    return map
  }

  static func readSet(_ r: inout SnapshotReader) throws(SnapshotDamaged) -> Set<String> { Set(try r.strings()) }
}
