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
  /// Where each form (its lowercased tokens) sits in `entries[first token]`. Empty in a
  /// dictionary read from a snapshot until a form is added (`indexFormSlots()`): only loading
  /// needs it, and indexing 110,000 forms would cost a start-up most of its time.
  var formSlots: [[String]: Int] = [:]
  /// False while `formSlots` has not been built for the forms in `entries`.
  var formSlotsIndexed = true
  /// Each state's demonyms as written, in file order (see `demonymForms(of:)`).
  var demonymSurfaces: [String: [String]] = [:]
  /// States whose demonyms name them only in bodies and agent forms (`bare_demonyms: false`).
  var adjectiveOnlyStates: Set<String> = []
  /// The state whose capital each place is (`capital_of`): the place is the city; whether a
  /// mention of it stands for its state ("Khartoum said") is decided from its role in the sentence.
  var capitalOf: [String: String] = [:]

  init() {}

  init(snapshot: DictionarySnapshot.Tables) {
    self.snapshot = snapshot
    formSlotsIndexed = false
  }

  /// Every entity, by id. A dictionary opened from a snapshot decodes all of them for this:
  /// look one up with `entity(_:)`.
  public var entities: [String: Entity] {
    guard let snapshot else { return storedEntities }
    return (try? snapshot.allEntities()) ?? [:]
  }

  /// The entity `id`.
  public func entity(_ id: String) -> Entity? {
    guard let snapshot else { return storedEntities[id] }
    return snapshot.entity(id)
  }

  /// Alias entries by their first token's lowercased form, in the order the words were added
  /// (decoded whole from a snapshot).
  var entries: WordMap<[AliasEntry]> {
    guard let snapshot else { return storedEntries }
    return (try? snapshot.allEntries()) ?? WordMap()
  }

  /// Decodes the entities and alias entries of a dictionary opened from a snapshot into its own
  /// tables, so that it can be changed.
  mutating func materialize() {
    guard let snapshot else { return }
    storedEntities = (try? snapshot.allEntities()) ?? [:]
    storedEntries = (try? snapshot.allEntries()) ?? WordMap()
    pendingReferences = (try? snapshot.pendingReferences()) ?? []
    formSlotsIndexed = false
    self.snapshot = nil
  }

  static let genericNameWords: WordSet = [
    "army", "forces", "force", "air", "aerospace", "navy", "ministry", "defense", "defence", "foreign", "military",
    "police", "intelligence", "services", "special", "guard", "guards", "council", "agency", "command", "division",
    "brigade", "brigades", "front", "party", "movement", "units", "corps", "policemen", "department", "office",
  ]

  /// Registers a surface form.
  mutating func add(alias: String, for id: String, priority: Int, origin: MentionOrigin = .dictionary) {
    materialize()
    let tokens = Tokenizer.tokenize(alias)
    guard let first = tokens.first else { return }
    let lowers = tokens.map(\.lower)
    let rules: [CaseRule] = tokens.enumerated().map { index, token in
      // Letters are counted only for an all-caps token (an acronym), the rare case.
      if token.isAllCaps {
        let letters = token.text.unicodeScalars.lazy.filter { $0.properties.isAlphabetic }.count
        if letters <= 5 && letters >= 1 { return .exact(token.text) }
      }
      // Reports write the generic words of a name either way: "Russian aerospace forces".
      if index > 0 && Self.genericNameWords.contains(token) { return .any }
      if token.isCapitalized { return .capitalized }
      return .any
    }
    let entry = AliasEntry(tokens: lowers, rules: rules, entityID: id, priority: priority, origin: origin)
    if !formSlotsIndexed { indexFormSlots() }
    if let slot = formSlots[lowers] {
      // Changed in place (found by the form's key, not by a scan of the entries sharing its first
      // word), so that loading stays linear in the number of forms.
      let keep = storedEntries.modify(first.lower, default: []) { list -> Bool in
        let old = list[slot]
        if old.entityID == id && old.priority == priority {
          // "Syrian Army" and "Syrian army": either case is fine where the spellings differ.
          list[slot].rules = zip(old.rules, rules).map { $0 == $1 ? $0 : .any }
          return true
        }
        // The same form for two owners: the higher priority keeps it; an equal one keeps the first owner.
        if old.priority >= priority { return true }
        list[slot] = entry
        return false
      }
      if keep { return }
    } else {
      formSlots[lowers] = storedEntries.modify(first.lower, default: []) { list -> Int in
        list.append(entry)
        return list.count - 1
      }
    }
    maxAliasLength = max(maxAliasLength, tokens.count)
  }

  /// Adds or merges an entity; aliases of a second definition are added to the first.
  mutating func define(_ entity: Entity, priority: Int = 2) {
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
    if let snapshot { return snapshot.entries(startingWith: first).first { $0.tokens == lowers } }
    if !formSlotsIndexed { return storedEntries[first]?.first { $0.tokens == lowers } }
    guard let slot = formSlots[lowers] else { return nil }
    return storedEntries[first]?[slot]
  }

  /// Builds `formSlots` from `entries` (each form is in its first word's list once).
  mutating func indexFormSlots() {
    materialize()
    formSlots.reserveCapacity(storedEntries.values.reduce(0) { $0 + $1.count })
    for list in storedEntries.values {
      for (slot, entry) in list.enumerated() { formSlots[entry.tokens] = slot }
    }
    formSlotsIndexed = true
  }

  /// The state a place is the capital of, if the dictionaries say so (`capital_of`).
  public func capital(of id: String) -> String? { capitalOf[id] }

  /// All alias entries whose first token is `lower`.
  func candidates(startingWith lower: String) -> [AliasEntry] {
    guard let snapshot else { return storedEntries[lower] ?? [] }
    return snapshot.entries(startingWith: lower)
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
