public import KGModel

/// Resolves what a user types (an id, a name or an alias, in any case) to one entity.
///
/// An exact id wins; otherwise names and aliases are compared case- and accent-insensitively.
/// A text that names several entities is ambiguous, and one that names none gets suggestions.
///
/// ```swift
/// let lookup = EntityLookup(index)
/// let node = try lookup.resolve("the SDF")   // QueryError.unknownEntity(name: "the SDF", suggestions: ["SDF"])
/// ```
public struct EntityLookup: Sendable {
  let entities: [Entity]
  /// Dense id of each entity id (exact).
  let byID: [String: Int]
  /// Dense ids of the entities each folded id, name or alias belongs to.
  let byKey: [String: [Int]]

  /// Builds the lookup over the entities of `index`.
  ///
  /// - Complexity: O(*n* + *a*) for *n* entities with *a* aliases.
  public init(_ index: GraphIndex) { self.init(entities: index.entities, byID: index.index) }

  /// Builds the lookup over `entities`, dense ids being their positions (as `GraphIndex` numbers
  /// the entities of a graph), before any edge is loaded.
  ///
  /// - Complexity: O(*n* + *a*) for *n* entities with *a* aliases.
  public init(entities: [Entity]) {
    var byID: [String: Int] = [:]
    byID.reserveCapacity(entities.count)
    for (i, e) in entities.enumerated() where byID[e.id] == nil { byID[e.id] = i }
    self.init(entities: entities, byID: byID)
  }

  init(entities: [Entity], byID: [String: Int]) {
    self.entities = entities
    self.byID = byID
    var byKey: [String: [Int]] = [:]
    byKey.reserveCapacity(entities.count * 2)
    for (i, e) in entities.enumerated() {
      for key in ([e.id, e.name] + e.aliases).lazy.map(Self.fold) where !key.isEmpty {
        if byKey[key]?.last != i { byKey[key, default: []].append(i) }
      }
    }
    self.byKey = byKey
  }

  /// The dense id of the one entity `text` names.
  ///
  /// - Parameter text: an entity id ("syrian-democratic-forces"), name or alias ("SDF"), in any case.
  /// - Returns: a dense node id.
  /// - Throws: `QueryError.ambiguousEntity` with every candidate when `text` names several
  ///   entities; `.unknownEntity` with near matches when it names none.
  /// - Complexity: O(1) when found; O(*k* · *m*²) over the *k* keys to make suggestions.
  public func resolve(_ text: String) throws(QueryError) -> Int {
    let trimmed = text.trimmingWhitespace
    if let i = byID[trimmed] { return i }
    let key = Self.fold(trimmed)
    if let found = byKey[key] {
      if found.count == 1 { return found[0] }
      throw .ambiguousEntity(name: text, candidates: found.map { entities[$0] }.sorted { $0.id < $1.id })
    }
    throw .unknownEntity(name: text, suggestions: suggestions(for: text))
  }

  /// The entities whose id, name or alias contains `text` (folded), in entity order.
  ///
  /// - Complexity: O(*k* · *m*) over the keys.
  public func matching(_ text: String) -> [Int] {
    let needle = Self.fold(text)
    if needle.isEmpty { return Array(entities.indices) }
    var hits = Set<Int>()
    for (key, ids) in byKey where key.contains(needle) { hits.formUnion(ids) }
    return hits.sorted()
  }

  /// Folds case, accents, punctuation and spacing the way entity ids are made (`Entity.slug`),
  /// so that "Deir Ezzor", "deir-ezzor" and "Deir Ézzor" compare equal.
  static func fold(_ s: String) -> String { Entity.slug(s) }
}

extension String {
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}

// MARK: - Without every entity in memory

extension EntityLookup {
  /// Resolves `text` to an entity id as `resolve(_:)` does, without holding every entity: an
  /// exact id is asked for first, then only the entities whose keys could fold to `text`.
  ///
  /// - Parameters:
  ///   - hasID: whether an entity has exactly this id.
  ///   - candidates: the entities whose id, name or some alias may fold to a text containing
  ///     every one of the given words (a superset is fine: each is tested here exactly).
  ///   - everything: every entity, read only to make suggestions for a name that names none.
  /// - Returns: the entity id.
  /// - Throws: `QueryError.ambiguousEntity` or `.unknownEntity` as `resolve(_:)` would on all
  ///   entities; what the three functions throw, unchanged.
  public static func resolveID(
    _ text: String, hasID: (String) throws -> Bool, candidates: ([String]) throws -> [Entity],
    everything: () throws -> [Entity]
  ) throws -> String {
    let trimmed = text.trimmingWhitespace
    if try hasID(trimmed) { return trimmed }
    let key = fold(trimmed)
    if !key.isEmpty {
      let found = try candidates(words(of: key)).filter { e in
        ([e.id, e.name] + e.aliases).contains { fold($0) == key }
      }
      if found.count == 1 { return found[0].id }
      if found.count > 1 { throw QueryError.ambiguousEntity(name: text, candidates: found.sorted { $0.id < $1.id }) }
    }
    throw QueryError.unknownEntity(
      name: text, suggestions: EntityLookup(entities: try everything()).suggestions(for: text))
  }

  /// The entities whose id, name or alias contains `text` (folded), as `matching(_:)` finds
  /// them, from `candidates` (see `resolveID`); nil when `text` folds to nothing, which
  /// matches every entity.
  public static func matching(_ text: String, candidates: ([String]) throws -> [Entity]) rethrows -> [Entity]? {
    let needle = fold(text)
    if needle.isEmpty { return nil }
    return try candidates(words(of: needle)).filter { e in
      ([e.id, e.name] + e.aliases).contains { fold($0).contains(needle) }
    }
  }

  /// The words of a folded key (it separates them by hyphens).
  static func words(of key: String) -> [String] { key.split(separator: "-").map(String.init) }
}
