import KGModel

/// A user's dictionary files kept apart from the built-in dictionary, which stays read in place
/// from its snapshot (`DictionarySnapshot`) as in a process given no file: the user's entities
/// and forms go into small tables of their own, which lookups consult alongside the snapshot's
/// (`ActorDictionary.entity(_:)`, `AliasIndex`, `EntityKinds`, `FoldedAliasIndex`).
///
/// Merging a 50,000-entry file into the built-in dictionary decoded all 30,000 built-in entities
/// and 110,000 forms and built the alias and folded indexes again over all 260,000 forms; the
/// layer builds them over the user's forms alone.
///
/// It answers exactly as the merged dictionary does, and is used only where that is plain
/// (`ExtractionConfiguration.load(extraDictionaries:)` merges otherwise):
/// - a file's `actors`, `places` and `provinces` go into the layer; a file with `states`,
///   `state_agents` or `bodies` (which make forms from every state's demonyms, and change the
///   state agent forms added after the user's files) is merged;
/// - a user's form that a built-in form of the same or a higher priority already holds is left
///   out, as merging does; one that would take a built-in form over, or change how its words
///   must be written, sets `needsMerge` (the built-in lists, the folded index and the state agent
///   forms would all change);
/// - an entity whose id the built-in files define is extended in the layer (its aliases and
///   `part_of` merged, as `define` does), and then the built-in references are checked again.
struct UserLayer: Sendable {
  /// The user's entities (a built-in one a user's entry extends, merged) and forms, in a
  /// dictionary of their own (in an array: a struct cannot hold itself).
  private var storage = [ActorDictionary()]
  /// Whether an entry extended a built-in entity.
  var extendsBuiltIn = false
  /// Whether a user's form meets a built-in form it would take over or change: the files must
  /// be merged into the built-in dictionary instead.
  var needsMerge = false
  /// The built-in entries of the first words the user's forms start with, decoded while loading.
  private var builtInLists: [String: [AliasEntry]] = [:]

  init() {}

  var own: ActorDictionary {
    // Read and changed in place: a copy of the dictionary at each look-up retained all its tables.
    _read { yield storage[0] }
    _modify { yield &storage[0] }
  }

  /// The user's entity `id` (a built-in one a user's entry extends, merged), if any: read in
  /// place (`layer!.own.storedEntities[id]` copied the whole dictionary out of the optional).
  func entity(_ id: String) -> Entity? { storage[0].storedEntities[id] }

  /// The built-in entry of a form, if any.
  mutating func builtInEntry(_ lowers: [String], in snapshot: DictionarySnapshot.Tables) -> AliasEntry? {
    let first = lowers[0]
    // Most of a user's first words start no built-in form: the snapshot's table (probed by
    // `WordHash`) says so before the decoded lists are looked up (hashed with SipHash).
    guard snapshot.startsEntries(first) else { return nil }
    if let list = builtInLists[first] { return list.first { $0.tokens == lowers } }
    let list = snapshot.entries(startingWith: first)
    builtInLists[first] = list
    return list.first { $0.tokens == lowers }
  }
}

extension ActorDictionary {
  /// `add` in a dictionary with a user's layer: the rules of `add` where the form meets a
  /// built-in one (see `UserLayer`), then the layer's own tables.
  mutating func addToLayer(_ entry: AliasEntry) {
    guard let snapshot, layer != nil else { return }
    if let old = layer!.builtInEntry(entry.tokens, in: snapshot) {
      if old.entityID == entry.entityID && old.priority == entry.priority {
        // The rules merge to the built-in ones: nothing changes.
        if zip(old.rules, entry.rules).allSatisfy({ $0 == $1 || $0 == .any }) { return }
        layer!.needsMerge = true
        return
      }
      if old.priority >= entry.priority { return }
      layer!.needsMerge = true
      return
    }
    layer!.own.add(entry)
  }

  /// `define` in a dictionary with a user's layer.
  mutating func defineInLayer(_ entity: Entity, priority: Int, builtIn snapshot: DictionarySnapshot.Tables) {
    var existing = layer!.entity(entity.id)
    if existing == nil, let known = snapshot.entity(entity.id) {
      existing = known
      layer!.extendsBuiltIn = true
    }
    if var existing {
      for alias in entity.aliases where !existing.aliases.contains(alias) { existing.aliases.append(alias) }
      existing.partOf = existing.partOf ?? entity.partOf
      layer!.own.storedEntities[entity.id] = existing
    } else {
      layer!.own.storedEntities[entity.id] = entity
    }
    add(alias: entity.name, for: entity.id, priority: priority)
    for alias in entity.aliases { add(alias: alias, for: entity.id, priority: priority) }
  }

  /// The references to check: the user's files', after the built-in ones when an entry extended
  /// a built-in entity (whose `part_of` may now close a circle).
  var referencesToCheck: [PendingReference] {
    guard let snapshot, let layer, layer.extendsBuiltIn else { return pendingReferences }
    return ((try? snapshot.pendingReferences()) ?? []) + pendingReferences
  }
}
