import Foundation
import KGModel

/// The built-in dictionary as loaded (every file read, references checked, state agent forms
/// added) and its folded alias index, in a binary form read in place (`SnapshotCoding.swift`):
/// what `DictionaryCache` keeps between processes.
///
/// A process starts by mapping the file and decoding only its small tables (demonyms, backers,
/// capitals, …). Entities and alias entries stay bytes until something asks for them: an entity
/// is decoded when looked up by id, a token's alias entries when the token is looked up (through
/// flat hash tables by first word, and by first two words, so that `AliasIndex` answers as the
/// `PhraseIndex` built from the YAML does), and the folded index is probed in place. A dictionary
/// that is changed (a user's file added) is decoded whole first (`ActorDictionary.materialize()`).
///
/// It holds the tables in the order they were built, so a configuration made from a snapshot
/// finds the same candidates in the same order as one made from the YAML files
/// (`DictionarySnapshotTests` compares the two).
enum DictionarySnapshot {
  /// Bump when the layout below changes (the cache key includes it).
  static let formatVersion = 4

  /// The tables after the string pool and the body, in this order.
  enum TableIndex: Int, CaseIterable {
    /// Entity id → the entity's record.
    case entities
    /// First word → the word's alias entries.
    case groups
    /// "first second" → the entries of two or more words that start so.
    case pairs
    /// Folded key → the alias entry's record.
    case folded
    /// Folded first words of the folded keys (values unused).
    case foldedFirstWords
    /// Folded keys two entities share, left out of `folded` (values unused): a user's layer
    /// leaves them out too (`FoldedAliasIndex.init(snapshot:user:)`).
    case foldedShared
  }

  static func encode(_ dictionary: ActorDictionary, folded: FoldedAliasIndex) -> [UInt8] {
    var w = SnapshotWriter()
    // Entities: id, name, kind, aliases, part_of.
    var entityOffsets: [(key: String, value: Int)] = []
    let entities = dictionary.entities.values.sorted { $0.id < $1.id }
    for entity in entities {
      entityOffsets.append((entity.id, w.offset))
      w.string(entity.id)
      w.string(entity.name)
      w.int(Self.kinds.firstIndex(of: entity.kind)!)
      w.strings(entity.aliases)
      w.optionalString(entity.partOf)
    }
    // Alias entries, by first word in insertion order: each entry's record, then the word's
    // group (all its entries in order, then its one-word entries), then its pairs.
    var entryOffset: [[String]: Int] = [:]
    var groups: [(key: String, value: Int)] = []
    var pairs: [(key: String, value: Int)] = []
    for (word, list) in zip(dictionary.entries.words, dictionary.entries.values) {
      var offsets: [Int] = []
      for entry in list {
        offsets.append(w.offset)
        entryOffset[entry.tokens] = w.offset
        w.int(entry.tokens.count)
        for token in entry.tokens { w.string(token) }
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
      var bySecond: [String: [Int]] = [:]
      var seconds: [String] = []
      for (entry, offset) in zip(list, offsets) where entry.tokens.count > 1 {
        if bySecond[entry.tokens[1]] == nil { seconds.append(entry.tokens[1]) }
        bySecond[entry.tokens[1], default: []].append(offset)
      }
      for second in seconds {
        pairs.append((word + " " + second, w.offset))
        Self.writeOffsets(bySecond[second]!, &w)
      }
      groups.append((word, w.offset))
      w.string(word)
      Self.writeOffsets(offsets, &w)
      Self.writeOffsets(zip(list, offsets).filter { $0.0.tokens.count == 1 }.map(\.1), &w)
    }
    let foldedEntries = folded.entries.sorted { $0.key < $1.key }.map { ($0.key, entryOffset[$0.value.tokens]!) }
    // The small tables, decoded at start; the group order, for decoding the whole dictionary.
    let eager = w.offset
    Self.writeOffsets(groups.map(\.value), &w)
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
    // The `part_of` and `capital_of` references, decoded only with the whole dictionary: they
    // are checked again only when a user's file is added.
    let references = w.offset
    w.int(dictionary.pendingReferences.count)
    for reference in dictionary.pendingReferences {
      w.string(reference.file)
      w.int(reference.line)
      w.string(reference.id)
      w.string(reference.key)
    }
    let tables = [
      w.table(entityOffsets), w.table(groups), w.table(pairs), w.table(foldedEntries),
      w.table(folded.firstWords.sorted().map { ($0, 0) }), w.table(folded.sharedKeys.sorted().map { ($0, 0) }),
    ]
    return w.finish(facts: [entities.count, folded.entries.count, folded.longest, eager, references], tables: tables)
  }

  /// The dictionary and folded index in `bytes`, read from a copy of them (see `Tables`).
  ///
  /// - Throws: `SnapshotDamaged` when the bytes are not a whole snapshot.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(SnapshotDamaged) -> (
    ActorDictionary, FoldedAliasIndex
  ) {
    try open(SnapshotStorage(copying: UnsafeRawBufferPointer(bytes)), payload: UnsafeRawBufferPointer(bytes).count)
  }

  /// The dictionary and folded index in the last `payload` bytes of `storage`.
  static func open(_ storage: SnapshotStorage, payload count: Int) throws(SnapshotDamaged) -> (
    ActorDictionary, FoldedAliasIndex
  ) {
    let all = storage.bytes
    let tables = try Tables(storage, payload: UnsafeRawBufferPointer(rebasing: all[(all.count - count)...]))
    var r = tables.snapshot.reader(at: tables.eagerOffset)
    var dictionary = ActorDictionary(snapshot: tables)
    _ = try Self.readOffsets(&r)  // the groups' order, read when the dictionary is decoded whole
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
    guard r.position == tables.referencesOffset else { throw SnapshotDamaged() }
    return (dictionary, FoldedAliasIndex(snapshot: tables))
  }

  /// A snapshot's tables, read in place: what a dictionary and folded index opened from a
  /// snapshot look their entities and alias entries up in. Immutable.
  final class Tables: Sendable {
    let storage: SnapshotStorage
    let snapshot: SnapshotBytes
    let entities: SnapshotTable
    let groups: SnapshotTable
    let pairs: SnapshotTable
    let folded: SnapshotTable
    let foldedFirstWords: SnapshotTable
    let foldedShared: SnapshotTable
    let entityCount: Int
    let foldedCount: Int
    let foldedLongest: Int
    /// Where the small tables start in the body, and the references after them.
    let eagerOffset: Int
    let referencesOffset: Int

    init(_ storage: SnapshotStorage, payload: UnsafeRawBufferPointer) throws(SnapshotDamaged) {
      self.storage = storage
      snapshot = try SnapshotBytes(payload)
      guard snapshot.tables.count == TableIndex.allCases.count else { throw SnapshotDamaged() }
      entities = try snapshot.table(TableIndex.entities.rawValue)
      groups = try snapshot.table(TableIndex.groups.rawValue)
      pairs = try snapshot.table(TableIndex.pairs.rawValue)
      folded = try snapshot.table(TableIndex.folded.rawValue)
      foldedFirstWords = try snapshot.table(TableIndex.foldedFirstWords.rawValue)
      foldedShared = try snapshot.table(TableIndex.foldedShared.rawValue)
      let facts = snapshot.facts
      // Counts of records that each take more than a byte: never more than the body's bytes.
      guard facts.count == 5, facts[3] < snapshot.body.count, facts[4] < snapshot.body.count,
        facts[0] <= snapshot.body.count, facts[1] <= snapshot.body.count
      else { throw SnapshotDamaged() }
      (entityCount, foldedCount, foldedLongest) = (facts[0], facts[1], facts[2])
      (eagerOffset, referencesOffset) = (facts[3], facts[4])
    }

    /// The references to check again when the dictionary is changed (`pendingReferences`).
    func pendingReferences() throws(SnapshotDamaged) -> [PendingReference] {
      var r = snapshot.reader(at: referencesOffset)
      var references: [PendingReference] = []
      for _ in 0..<(try r.count()) {
        references.append(
          PendingReference(file: try r.string(), line: try r.int(), id: try r.string(), key: try r.string()))
      }
      return references
    }

    // MARK: Entities

    /// The entity `id`, decoded the first time it is asked for and then kept (`decodedEntities`):
    /// mention finding and the extractor ask for the same few actors at every mention, and
    /// decoding one (four strings and an alias list) each time was 5% of extraction.
    func entity(_ id: String) -> Entity? {
      guard let offset = entities.value(of: id, in: snapshot) else { return nil }
      return decodedEntities.value(for: offset) { try? entity(at: offset) }
    }

    /// The entities decoded so far.
    private let decodedEntities = SharedMemo<Int, Entity?>()

    func entity(at offset: Int) throws(SnapshotDamaged) -> Entity {
      var r = snapshot.reader(at: offset)
      let id = try r.string()
      let name = try r.string()
      let kind = try DictionarySnapshot.element(of: DictionarySnapshot.kinds, at: r.int())
      return Entity(id: id, name: name, kind: kind, aliases: try r.strings(), partOf: try r.optionalString())
    }

    /// The kind of entity `id`, without decoding the entity.
    func kind(of id: String) -> EntityKind? {
      guard let offset = entities.value(of: id, in: snapshot) else { return nil }
      var r = snapshot.reader(at: offset)
      guard (try? r.int()) != nil, (try? r.int()) != nil, let index = try? r.int() else { return nil }
      return index < DictionarySnapshot.kinds.count ? DictionarySnapshot.kinds[index] : nil
    }

    /// Every entity, by id.
    func allEntities() throws(SnapshotDamaged) -> [String: Entity] {
      var all: [String: Entity] = [:]
      all.reserveCapacity(entityCount)
      for offset in try entityOffsets() {
        let entity = try entity(at: offset)
        all[entity.id] = entity
      }
      guard all.count == entityCount else { throw SnapshotDamaged() }
      return all
    }

    /// The entities' record offsets: they open the body, in id order.
    private func entityOffsets() throws(SnapshotDamaged) -> [Int] {
      var offsets: [Int] = []
      offsets.reserveCapacity(entityCount)
      var r = snapshot.reader(at: 0)
      for _ in 0..<entityCount {
        offsets.append(r.position)
        _ = try r.int()
        _ = try r.int()
        _ = try r.int()
        _ = try r.strings()
        _ = try r.optionalString()
      }
      return offsets
    }

    // MARK: Alias entries

    func entry(at offset: Int) throws(SnapshotDamaged) -> AliasEntry {
      var r = snapshot.reader(at: offset)
      let count = try r.count()
      guard count > 0 else { throw SnapshotDamaged() }
      var tokens: [String] = []
      tokens.reserveCapacity(count)
      for _ in 0..<count { tokens.append(try r.string()) }
      var rules: [CaseRule] = []
      rules.reserveCapacity(count)
      for _ in 0..<count {
        switch try r.int() {
        case 0: rules.append(.exact(try r.string()))
        case 1: rules.append(.capitalized)
        case 2: rules.append(.any)
        default: throw SnapshotDamaged()
        }
      }
      let entityID = try r.string()
      let priority = try r.int()
      let origin = try DictionarySnapshot.element(of: DictionarySnapshot.origins, at: r.int())
      return AliasEntry(tokens: tokens, rules: rules, entityID: entityID, priority: priority, origin: origin)
    }

    func entries(at offset: Int) -> [AliasEntry] {
      var r = snapshot.reader(at: offset)
      guard let offsets = try? DictionarySnapshot.readOffsets(&r) else { return [] }
      return offsets.compactMap { try? entry(at: $0) }
    }

    /// The group of the alias entries that start with `tokens[i]`'s word. (Tokens are read in
    /// place: a `Token` passed by value is copied, its two strings retained and released.)
    private func groupOffset(_ tokens: [Token], _ i: Int) -> Int? {
      let hash = tokens[i].hash
      return tokens[i].lower.withUTF8Bytes { utf8 in
        groups.value(hash: hash, in: snapshot) { SnapshotTable.same($0, UnsafeRawBufferPointer(utf8)) }
      }
    }

    /// What `PhraseIndex.candidates(in:at:)` gives for the alias entries.
    ///
    /// Each list is decoded once and kept (`decoded`): a text names the same actors again and
    /// again, and decoding a list at every token made extraction 2.6 times slower.
    func candidates(in tokens: [Token], at i: Int) -> (longer: [AliasEntry], oneWord: [AliasEntry]) {
      guard let group = groupOffset(tokens, i) else { return ([], []) }
      var longer: [AliasEntry] = []
      if i + 1 < tokens.count, let pair = pairs.value(of: tokens, i, in: snapshot) {
        longer = decoded.value(for: pair) { entries(at: pair) }
      }
      // A group's one-word entries are kept by the group's offset (no other list starts there).
      let oneWord = decoded.value(for: group) { () -> [AliasEntry] in
        var r = snapshot.reader(at: group)
        guard (try? r.int()) != nil, (try? DictionarySnapshot.readOffsets(&r)) != nil,
          let oneWord = try? DictionarySnapshot.readOffsets(&r)
        else { return [] }
        return oneWord.compactMap { try? entry(at: $0) }
      }
      return (longer, oneWord)
    }

    /// The candidate lists decoded so far.
    private let decoded = SharedMemo<Int, [AliasEntry]>()

    /// A first word's entries, in order.
    func entries(startingWith word: String) -> [AliasEntry] {
      guard let group = groups.value(of: word, in: snapshot) else { return [] }
      var r = snapshot.reader(at: group)
      guard (try? r.int()) != nil, let offsets = try? DictionarySnapshot.readOffsets(&r) else { return [] }
      return offsets.compactMap { try? entry(at: $0) }
    }

    /// Every alias entry, by first word in the order the words were added.
    func allEntries() throws(SnapshotDamaged) -> WordMap<[AliasEntry]> {
      var r = snapshot.reader(at: eagerOffset)
      var all = WordMap<[AliasEntry]>()
      for group in try DictionarySnapshot.readOffsets(&r) {
        var g = snapshot.reader(at: group)
        let word = try g.string()
        var list: [AliasEntry] = []
        for offset in try DictionarySnapshot.readOffsets(&g) {
          let entry = try entry(at: offset)
          guard entry.tokens.first == word else { throw SnapshotDamaged() }
          list.append(entry)
        }
        guard all[word] == nil else { throw SnapshotDamaged() }
        all[word] = list
      }
      return all
    }

    // MARK: Folded index

    func foldedEntry(_ key: String) -> AliasEntry? {
      guard let offset = folded.value(of: key, in: snapshot) else { return nil }
      return try? entry(at: offset)
    }

    func hasFoldedFirstWord(_ word: String) -> Bool { foldedFirstWords.value(of: word, in: snapshot) != nil }

    /// Whether two entities share the folded key (so it is left out).
    func isFoldedShared(_ key: String) -> Bool { foldedShared.value(of: key, in: snapshot) != nil }

    /// Whether some alias entry starts with `word`.
    func startsEntries(_ word: String) -> Bool { groups.value(of: word, in: snapshot) != nil }
  }

  // MARK: - Parts

  /// Kinds and origins by position, so that renaming a raw value cannot misread a snapshot.
  static let kinds = EntityKind.allCases
  static let origins: [MentionOrigin] = [.dictionary, .adjective, .pattern, .reference]

  static func element<T>(of array: [T], at index: Int) throws(SnapshotDamaged) -> T {
    guard index < array.count else { throw SnapshotDamaged() }
    return array[index]
  }

  /// Body offsets: a count, then each offset.
  static func writeOffsets(_ offsets: [Int], _ w: inout SnapshotWriter) {
    w.int(offsets.count)
    for offset in offsets { w.int(offset) }
  }

  static func readOffsets(_ r: inout SnapshotReader) throws(SnapshotDamaged) -> [Int] {
    let n = try r.count()
    var out: [Int] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try r.int()) }
    return out
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
