import Foundation
import KGModel

extension ActorDictionary {
  /// The text of the user's file at `path`, or the error `load(file:)` gives for it.
  static func readText(file path: String, displayName: String? = nil) throws(DictionaryError) -> String {
    do {
      return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .unreadable(
        file: displayName ?? path,
        reason: FileManager.default.fileExists(atPath: path) ? "not UTF-8 text" : "no such file")
    }
  }

  /// Adds a user's file's text to this dictionary's user layer, as `addToLayer(root:)` adds the
  /// parsed file: its entries read straight from the bytes where `UserFileEntries` can, else
  /// through `YAMLValue`. False, with the layer part-filled, when the file must be merged.
  ///
  /// - Throws: `DictionaryError` naming the file and line of the first bad entry (the same error
  ///   `addToLayer(root:)` gives).
  mutating func addToLayer(text: String, file: String) throws(DictionaryError) -> Bool {
    if var entries = UserFileEntries(text) { return try addToLayer(&entries, file: file) }
    guard let root = try YAMLValue.parse(text, file: file) else { return true }
    return try addToLayer(root: root)
  }

  /// `addToLayer(root:)` for entries read from the bytes, which are moved out of `entries`.
  mutating func addToLayer(_ entries: inout UserFileEntries, file: String) throws(DictionaryError) -> Bool {
    var idsInFile: Set<String> = []
    let entryCount = entries.actors.count + entries.places.count
    layer!.own.storedEntities.reserveCapacity(layer!.own.storedEntities.count + entryCount)
    idsInFile.reserveCapacity(entryCount)
    // Room for every form in the layer's tables, which otherwise double and rehash as they fill
    // (a form's first word is a new word nearly as often as not).
    var forms = 0
    for index in entries.actors.indices { forms += 1 + entries.actors[index].aliases.count }
    for index in entries.places.indices { forms += 1 + entries.places[index].aliases.count }
    layer!.own.storedEntries.reserveCapacity(layer!.own.storedEntries.count + forms)
    layer!.own.formSlots.reserveCapacity(layer!.own.storedEntries.values.reduce(0) { $0 + $1.count } + forms)
    var kind: (type: String, kind: EntityKind)?
    // As `collectReferences(root:)` collects them: the actors' then the places', `part_of`
    // before `capital_of`; added once every entry is.
    var references: [PendingReference] = []
    for (isPlace, list) in [(false, \UserFileEntries.actors), (true, \UserFileEntries.places)] {
      for index in entries[keyPath: list].indices {
        // Moved out of the list rather than copied (a copy retains each of its strings).
        var entry = UserFileEntries.Entry(line: 0)
        swap(&entry, &entries[keyPath: list][index])
        try loadActor(entry, file: file, defaultKind: isPlace ? .location : nil, seen: &idsInFile, kind: &kind)
        if layer!.needsMerge { return false }
        if let id = entry.partOf {
          references.append(PendingReference(file: file, line: entry.line, id: id, key: "part_of"))
        }
        if let id = entry.capitalOf {
          references.append(PendingReference(file: file, line: entry.line, id: id, key: "capital_of"))
        }
      }
    }
    pendingReferences += references
    return true
  }

  /// `loadActor(_:defaultKind:seen:)` for an entry read from the bytes, with the same checks in
  /// the same order (the shape of each value was checked as it was read).
  mutating func loadActor(
    _ entry: UserFileEntries.Entry, file: String, defaultKind: EntityKind?, seen: inout Set<String>,
    kind lastKind: inout (type: String, kind: EntityKind)?
  ) throws(DictionaryError) {
    func fail(_ reason: String) -> DictionaryError { .malformedEntry(file: file, line: entry.line, reason: reason) }
    guard let name = entry.name, !name.isEmpty else { throw fail("entry has no 'name'") }
    let id = entry.id ?? Entity.slug(name)
    guard Self.isWellFormedID(id) else {
      throw fail("id '\(id)' should be lowercase and hyphenated, like '\(Entity.slug(name))'")
    }
    guard seen.insert(id).inserted else {
      throw fail("id '\(id)' is defined twice in this file; merge the two entries or give one another id")
    }
    let kind: EntityKind
    if let raw = entry.type {
      // Most entries have the type the one before had: its kind is kept rather than looked up.
      if let lastKind, lastKind.type == raw {
        kind = lastKind.kind
      } else {
        guard let k = EntityKind(rawValue: raw) else { throw .unknownType(file: file, line: entry.line, type: raw) }
        kind = k
        lastKind = (raw, k)
      }
    } else if let defaultKind {
      kind = defaultKind
    } else {
      throw fail("entry '\(id)' has no 'type'; add one of \(EntityKindNames.all)")
    }
    let aliases = entry.aliases
    if aliases.contains(where: { $0.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }) {
      throw fail("an alias of '\(id)' is empty; remove it or write the surface form")
    }
    define(Entity(id: id, name: name, kind: kind, aliases: aliases, partOf: entry.partOf))
    if entry.terrorist { terrorist.insert(id) }
    if entry.coalition || MentionFinder.contains(name, "coalition") { coalitions.insert(id) }
    for backer in entry.backedBy { backedBy[backer, default: []].append(id) }
    for backer in entry.defaultFor { defaultBacked[backer] = id }
    if let capital = entry.capitalOf { capitalOf[id] = capital }
  }
}
