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
  public internal(set) var entities: [String: Entity] = [:]
  /// Alias entries by their first token's lowercased form.
  var entries = WordMap<[AliasEntry]>()
  /// State id by lowercased demonym.
  var demonyms: [String: String] = [:]
  var stateAgentNouns: Set<String> = []
  var terrorist: Set<String> = []
  var coalitions: Set<String> = []
  /// Entity ids backed by each backer id, and the entity an unnamed "X-backed forces" means.
  var backedBy: [String: [String]] = [:]
  var defaultBacked: [String: String] = [:]
  var maxAliasLength = 1
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

  static let genericNameWords: WordSet = [
    "army", "forces", "force", "air", "aerospace", "navy", "ministry", "defense", "defence", "foreign", "military",
    "police", "intelligence", "services", "special", "guard", "guards", "council", "agency", "command", "division",
    "brigade", "brigades", "front", "party", "movement", "units", "corps", "policemen", "department", "office",
  ]

  /// Registers a surface form.
  mutating func add(alias: String, for id: String, priority: Int, origin: MentionOrigin = .dictionary) {
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
      let keep = entries.modify(first.lower, default: []) { list -> Bool in
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
      formSlots[lowers] = entries.modify(first.lower, default: []) { list -> Int in
        list.append(entry)
        return list.count - 1
      }
    }
    maxAliasLength = max(maxAliasLength, tokens.count)
  }

  /// Adds or merges an entity; aliases of a second definition are added to the first.
  mutating func define(_ entity: Entity, priority: Int = 2) {
    if var existing = entities[entity.id] {
      for alias in entity.aliases where !existing.aliases.contains(alias) { existing.aliases.append(alias) }
      existing.partOf = existing.partOf ?? entity.partOf
      entities[entity.id] = existing
    } else {
      entities[entity.id] = entity
    }
    add(alias: entity.name, for: entity.id, priority: priority)
    for alias in entity.aliases { add(alias: alias, for: entity.id, priority: priority) }
  }

  /// The alias entry of a form (its lowercased tokens), if any.
  func entry(forTokens lowers: [String]) -> AliasEntry? {
    guard let first = lowers.first else { return nil }
    if !formSlotsIndexed { return entries[first]?.first { $0.tokens == lowers } }
    guard let slot = formSlots[lowers] else { return nil }
    return entries[first]?[slot]
  }

  /// Builds `formSlots` from `entries` (each form is in its first word's list once).
  mutating func indexFormSlots() {
    formSlots.reserveCapacity(entries.values.reduce(0) { $0 + $1.count })
    for list in entries.values {
      for (slot, entry) in list.enumerated() { formSlots[entry.tokens] = slot }
    }
    formSlotsIndexed = true
  }

  /// The state a place is the capital of, if the dictionaries say so (`capital_of`).
  public func capital(of id: String) -> String? { capitalOf[id] }

  /// All alias entries whose first token is `lower`.
  func candidates(startingWith lower: String) -> [AliasEntry] { entries[lower] ?? [] }

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
