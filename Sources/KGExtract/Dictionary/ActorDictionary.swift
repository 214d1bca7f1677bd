public import KGModel

/// How a dictionary token must appear in text.
enum CaseRule: Hashable, Sendable {
  /// An acronym: exactly as written ("IS" is not "is").
  case exact(String)
  /// A capitalised word must be capitalised in the text too ("Coalition" is not "coalition").
  case capitalized
  case any
}

/// One surface form of an entity.
struct AliasEntry: Sendable, Equatable {
  var tokens: [String]
  var rules: [CaseRule]
  var entityID: String
  /// Explicit aliases (2) win over generated forms (1) and bare demonyms (0).
  var priority: Int
  var origin: MentionOrigin
}

/// The actors and places kg knows by name, with every surface form that names them.
///
/// Built from YAML data files (see `Resources/Dictionaries/`): states with their demonyms and
/// capitals, bodies generated from demonyms ("Russian Defense Ministry"), armed groups,
/// international bodies, media and places. Users add entries with their own files in the same
/// format.
public struct ActorDictionary: Sendable {
  /// Entities by id, in a dictionary built from YAML; empty in one opened from a snapshot, which
  /// reads them from `snapshot` when asked (`entity(_:)`).
  var storedEntities: [String: Entity] = [:]
  /// Alias entries by their first token's lowercased form; empty while `snapshot` holds them.
  var storedEntries = WordMap<[AliasEntry]>()
  /// The snapshot the entities and alias entries are read from, on demand, in a dictionary
  /// opened from one (`DictionarySnapshot`) and not changed since; the other tables are decoded.
  /// Changing the dictionary decodes it whole first (`materialize()`).
  var snapshot: DictionarySnapshot.Tables?
  /// State id by lowercased demonym.
  var demonyms: [String: String] = [:]
  var stateAgentNouns: Set<String> = []
  var terrorist: Set<String> = []
  var coalitions: Set<String> = []
  /// Entity ids backed by each backer id, and the entity an unnamed "X-backed forces" means.
  var backedBy: [String: [String]] = [:]
  var defaultBacked: [String: String] = [:]
  var maxAliasLength = 1
  /// The references to check once every file is loaded (those of a snapshot are read from it
  /// by `materialize()`).
  var pendingReferences: [PendingReference] = []
  /// Where each form (its lowercased tokens) sits in `entries[first token]`, by the form's hash.
  /// Empty in a dictionary read from a snapshot until a form is added (`indexFormSlots()`): only
  /// loading needs it, and indexing 110,000 forms would cost a start-up most of its time.
  var formSlots = FormSlots()
  /// False while `formSlots` has not been built for the forms in `entries`.
  var formSlotsIndexed = true
  /// Each state's demonyms as written, in file order (see `demonymForms(of:)`).
  var demonymSurfaces: [String: [String]] = [:]
  /// States whose demonyms name them only in bodies and agent forms (`bare_demonyms: false`).
  var adjectiveOnlyStates: Set<String> = []
  /// The state whose capital each place is (`capital_of`): the place is the city; whether a
  /// mention of it stands for its state ("Khartoum said") is decided from its role in the sentence.
  var capitalOf: [String: String] = [:]
  /// A user's files over the built-in dictionary read in place from `snapshot`, kept apart from
  /// it (`UserLayer`); nil in any other dictionary.
  var layer: UserLayer?

  init() {}

  init(snapshot: DictionarySnapshot.Tables) {
    self.snapshot = snapshot
    formSlotsIndexed = false
  }

  /// Every entity, by id. A dictionary opened from a snapshot decodes all of them for this:
  /// look one up with `entity(_:)`.
  public var entities: [String: Entity] {
    guard let snapshot else { return storedEntities }
    var all = (try? snapshot.allEntities()) ?? [:]
    if let layer { all.merge(layer.own.storedEntities) { $1 } }
    return all
  }

  /// The entity `id`.
  public func entity(_ id: String) -> Entity? {
    guard let snapshot else { return storedEntities[id] }
    if let entity = layer?.entity(id) { return entity }
    return snapshot.entity(id)
  }

  /// Alias entries by their first token's lowercased form, in the order the words were added
  /// (decoded whole from a snapshot; a user's layer's entries after the built-in ones).
  var entries: WordMap<[AliasEntry]> {
    guard let snapshot else { return storedEntries }
    var all = (try? snapshot.allEntries()) ?? WordMap()
    if let layer {
      for (word, list) in zip(layer.own.storedEntries.words, layer.own.storedEntries.values) {
        all.modify(word, default: []) { $0 += list }
      }
    }
    return all
  }

  /// Decodes the entities and alias entries of a dictionary opened from a snapshot into its own
  /// tables, so that it can be changed.
  mutating func materialize() {
    guard let snapshot else { return }
    storedEntities = entities
    storedEntries = entries
    // A user's layer's references (the only ones kept apart from the snapshot) come after.
    pendingReferences = ((try? snapshot.pendingReferences()) ?? []) + pendingReferences
    formSlotsIndexed = false
    self.snapshot = nil
    layer = nil
  }

  static let genericNameWords: WordSet = [
    "army", "forces", "force", "air", "aerospace", "navy", "ministry", "defense", "defence", "foreign", "military",
    "police", "intelligence", "services", "special", "guard", "guards", "council", "agency", "command", "division",
    "brigade", "brigades", "front", "party", "movement", "units", "corps", "policemen", "department", "office",
  ]

  /// Registers a surface form.
  mutating func add(alias: String, for id: String, priority: Int, origin: MentionOrigin = .dictionary) {
    if snapshot != nil && layer != nil {
      if let entry = Self.aliasEntry(alias, for: id, priority: priority, origin: origin) { addToLayer(entry) }
      return
    }
    materialize()
    guard let entry = Self.aliasEntry(alias, for: id, priority: priority, origin: origin) else { return }
    add(entry)
  }

  /// The entry of a surface form: its lowercased tokens and how each must be written; nil for a
  /// form with no tokens.
  static func aliasEntry(_ alias: String, for id: String, priority: Int, origin: MentionOrigin) -> AliasEntry? {
    var alias = alias
    if let simple = alias.withUTF8({ asciiAliasEntry($0, for: id, priority: priority, origin: origin) }) {
      return simple
    }
    return tokenAliasEntry(alias, for: id, priority: priority, origin: origin)
  }

  /// `aliasEntry` through the form's tokens (`Tokenizer.tokenizePhrase`): any form.
  static func tokenAliasEntry(_ alias: String, for id: String, priority: Int, origin: MentionOrigin) -> AliasEntry? {
    let tokens = Tokenizer.tokenizePhrase(alias)
    guard !tokens.isEmpty else { return nil }
    let lowers = tokens.map(\.lower)
    let rules: [CaseRule] = tokens.enumerated().map { index, token in
      // Letters are counted only for an all-caps token (an acronym), the rare case.
      if token.isAllCaps {
        // An ASCII token's letters are its bytes A-Z and a-z (no other ASCII scalar is alphabetic).
        let utf8 = token.text.utf8
        let letters =
          utf8.allSatisfy { $0 < 0x80 }
          ? utf8.count(where: { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
          : token.text.unicodeScalars.lazy.filter { $0.properties.isAlphabetic }.count
        if letters <= 5 && letters >= 1 { return .exact(token.text) }
      }
      // Reports write the generic words of a name either way: "Russian aerospace forces".
      if index > 0 && Self.genericNameWords.contains(token) { return .any }
      if token.isCapitalized { return .capitalized }
      return .any
    }
    return AliasEntry(tokens: lowers, rules: rules, entityID: id, priority: priority, origin: origin)
  }

  /// `aliasEntry` for a form of ASCII letters, digits and spaces (nearly every form of a user's
  /// file), read from its bytes: the words, case rules and hashes `Tokenizer.tokenizePhrase`'s
  /// tokens give, without making the tokens. Nil for any other form (`.some(nil)` for one with no
  /// words).
  static func asciiAliasEntry(
    _ bytes: UnsafeBufferPointer<UInt8>, for id: String, priority: Int, origin: MentionOrigin
  ) -> AliasEntry?? {
    var words = 0
    var previous: UInt8 = 0x20
    for byte in bytes {
      guard byte == 0x20 || ASCII.isAlphanumeric(UInt32(byte)) else { return nil }
      if byte != 0x20 && previous == 0x20 { words += 1 }
      previous = byte
    }
    guard words > 0 else { return .some(nil) }
    var lowers: [String] = []
    var rules: [CaseRule] = []
    lowers.reserveCapacity(words)
    rules.reserveCapacity(words)
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x20 {
        i += 1
        continue
      }
      var j = i
      while j < bytes.count && bytes[j] != 0x20 { j += 1 }
      let (letters, upper, hash) = ASCII.scanWord(bytes, i, j)
      let word = UnsafeBufferPointer(rebasing: bytes[i..<j])
      let lower = ASCII.lowercased(bytes, i, j, upper: upper)
      // The rules of `aliasEntry`: an acronym of one to five letters exactly as written; a
      // generic word after the first either way; else a capitalised word capitalised.
      let rule: CaseRule
      if letters > 0 && upper == letters && letters <= 5 {
        rule = .exact(String(decoding: word, as: UTF8.self))
      } else if !lowers.isEmpty && Self.genericNameWords.contains(lower, hash: hash) {
        rule = .any
      } else {
        rule = ASCII.isUpper(UInt32(word[0])) ? .capitalized : .any
      }
      lowers.append(lower)
      rules.append(rule)
      i = j
    }
    return AliasEntry(tokens: lowers, rules: rules, entityID: id, priority: priority, origin: origin)
  }

  /// Registers the entry of a surface form in this dictionary's own tables.
  mutating func add(_ entry: AliasEntry) {
    let lowers = entry.tokens
    let (id, priority, rules) = (entry.entityID, entry.priority, entry.rules)
    if !formSlotsIndexed { indexFormSlots() }
    let hash = FormSlots.hash(lowers)
    let known = formSlots[hash]
    // Changed in place (found by the form's hash, not by a scan of the entries sharing its first
    // word), so that loading stays linear in the number of forms.
    let (keep, added) = storedEntries.modify(lowers[0], default: []) { list -> (Bool, Int?) in
      var slot = known
      if let s = slot, s >= list.count || list[s].tokens != lowers {
        // Another form with the same hash (or none): only then are the entries scanned.
        slot = list.firstIndex { $0.tokens == lowers }
      }
      guard let slot else {
        list.append(entry)
        return (false, list.count - 1)
      }
      let old = list[slot]
      if old.entityID == id && old.priority == priority {
        // "Syrian Army" and "Syrian army": either case is fine where the spellings differ.
        list[slot].rules = zip(old.rules, rules).map { $0 == $1 ? $0 : .any }
        return (true, nil)
      }
      // The same form for two owners: the higher priority keeps it; an equal one keeps the first owner.
      if old.priority >= priority { return (true, nil) }
      list[slot] = entry
      return (false, nil)
    }
    if let added, known == nil { formSlots[hash] = added }
    if keep { return }
    maxAliasLength = max(maxAliasLength, lowers.count)
  }

  /// Adds or merges an entity; aliases of a second definition are added to the first.
  mutating func define(_ entity: Entity, priority: Int = 2) {
    if let snapshot, layer != nil {
      defineInLayer(entity, priority: priority, builtIn: snapshot)
      return
    }
    materialize()
    if var existing = storedEntities[entity.id] {
      for alias in entity.aliases where !existing.aliases.contains(alias) { existing.aliases.append(alias) }
      existing.partOf = existing.partOf ?? entity.partOf
      storedEntities[entity.id] = existing
    } else {
      storedEntities[entity.id] = entity
    }
    add(alias: entity.name, for: entity.id, priority: priority)
    for alias in entity.aliases { add(alias: alias, for: entity.id, priority: priority) }
  }

  /// The alias entry of a form (its lowercased tokens), if any.
  func entry(forTokens lowers: [String]) -> AliasEntry? {
    guard let first = lowers.first else { return nil }
    if let snapshot {
      if let entry = layer?.own.entry(forTokens: lowers) { return entry }
      return snapshot.entries(startingWith: first).first { $0.tokens == lowers }
    }
    guard let list = storedEntries[first] else { return nil }
    if formSlotsIndexed {
      // Every form's hash is in `formSlots`: a hash that is not is a form that is not.
      guard let slot = formSlots[FormSlots.hash(lowers)] else { return nil }
      if slot < list.count && list[slot].tokens == lowers { return list[slot] }
    }
    return list.first { $0.tokens == lowers }
  }

  /// Builds `formSlots` from `entries` (each form is in its first word's list once).
  mutating func indexFormSlots() {
    materialize()
    formSlots = FormSlots(capacity: storedEntries.values.reduce(0) { $0 + $1.count })
    for list in storedEntries.values {
      for (slot, entry) in list.enumerated() {
        let hash = FormSlots.hash(entry.tokens)
        if formSlots[hash] == nil { formSlots[hash] = slot }
      }
    }
    formSlotsIndexed = true
  }

  /// The state a place is the capital of, if the dictionaries say so (`capital_of`).
  public func capital(of id: String) -> String? { capitalOf[id] }

  /// All alias entries whose first token is `lower`.
  func candidates(startingWith lower: String) -> [AliasEntry] {
    guard let snapshot else { return storedEntries[lower] ?? [] }
    guard let mine = layer?.own.storedEntries[lower] else { return snapshot.entries(startingWith: lower) }
    return snapshot.entries(startingWith: lower) + mine
  }

  func isTerrorist(_ id: String) -> Bool { terrorist.contains(id) }
  func isCoalition(_ id: String) -> Bool { coalitions.contains(id) }
}

/// A `part_of` to check once every file is loaded.
struct PendingReference: Sendable {
  var file: String
  var line: Int
  var id: String
  /// The key that names it: `part_of` or `capital_of`.
  var key: String = "part_of"
}

/// Slots of forms in their first word's entry list, by a 64-bit hash of the form (FNV-1a of its
/// tokens' bytes, a space between them): open addressing over plain integers, where a
/// `[[String]: Int]` hashed every token of every form with SipHash and kept an array per form.
///
/// A slot found this way is only a guess: the caller checks that the entry there is the form,
/// and scans the list when it is not (two forms with one hash; the first keeps the slot).
struct FormSlots: Sendable {
  private var hashes: [UInt64] = []
  /// Slot + 1 per table position, 0 where empty.
  private var slots: [Int32] = []
  private var count = 0

  init() {}

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    hashes = [UInt64](repeating: 0, count: size)
    slots = [Int32](repeating: 0, count: size)
  }

  static func hash(_ tokens: [String]) -> UInt64 {
    var hash = WordHash.offset
    for (index, token) in tokens.enumerated() {
      if index > 0 { hash = WordHash.combine(hash, UInt8(ascii: " ")) }
      // From the bytes in place: iterating `utf8` cost ten times as much.
      var token = token
      token.withUTF8 { for byte in $0 { hash = WordHash.combine(hash, byte) } }
    }
    return hash
  }

  @inline(__always) private static func start(_ hash: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// Room for `capacity` hashes without growing (the table doubles, rehashing, as it fills).
  mutating func reserveCapacity(_ capacity: Int) {
    guard capacity * 2 > slots.count else { return }
    var size = max(16, slots.count)
    while capacity * 2 > size { size <<= 1 }
    rehash(size: size)
  }

  /// The slot stored for `hash`; setting one replaces it (setting `nil` is not supported).
  subscript(hash: UInt64) -> Int? {
    get {
      guard !slots.isEmpty else { return nil }
      let mask = slots.count - 1
      var i = Self.start(hash, mask: mask)
      while slots[i] != 0 {
        if hashes[i] == hash { return Int(slots[i]) - 1 }
        i = (i + 1) & mask
      }
      return nil
    }
    set {
      guard let newValue else { preconditionFailure("form slots are never removed") }
      if (count + 1) * 2 > slots.count { grow() }
      let mask = slots.count - 1
      var i = Self.start(hash, mask: mask)
      while slots[i] != 0 && hashes[i] != hash { i = (i + 1) & mask }
      if slots[i] == 0 { count += 1 }
      hashes[i] = hash
      slots[i] = Int32(newValue + 1)
    }
  }

  private mutating func grow() { rehash(size: max(16, slots.count * 2)) }

  private mutating func rehash(size: Int) {
    let (oldHashes, oldSlots) = (hashes, slots)
    hashes = [UInt64](repeating: 0, count: size)
    slots = [Int32](repeating: 0, count: size)
    let mask = size - 1
    for (hash, slot) in zip(oldHashes, oldSlots) where slot != 0 {
      var i = Self.start(hash, mask: mask)
      while slots[i] != 0 { i = (i + 1) & mask }
      hashes[i] = hash
      slots[i] = slot
    }
  }
}
