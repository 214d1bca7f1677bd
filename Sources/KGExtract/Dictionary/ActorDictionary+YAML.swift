import Foundation
import KGModel

extension ActorDictionary {
  /// The dictionaries that ship with kg.
  ///
  /// - Throws: `DictionaryError` if a built-in file is missing or broken.
  public static func builtIn() throws(DictionaryError) -> ActorDictionary {
    try builtIn(sources: builtInSources())
  }

  /// The built-in files, in loading order: the hand-made files first (an equal claim keeps the
  /// first owner, so they win every conflict), then the data converted from PETRARCH2's Phoenix
  /// dictionaries (scripts/convert-phoenix) and the GeoNames gazetteer (scripts/convert-geonames),
  /// then the bodies built from every state's demonyms.
  static let builtInFiles = ["states", "actors", "places", "phoenix-actors", "gazetteer", "state-bodies"]

  /// The built-in files' bytes, by display name (`Dictionaries/states.yaml`): what the dictionary
  /// is built from, and what `DictionaryCache` keys its snapshot by.
  static func builtInSources() throws(DictionaryError) -> [(name: String, bytes: [UInt8])] {
    var sources: [(name: String, bytes: [UInt8])] = []
    for name in builtInFiles {
      let url = try BuiltInResources.url(name)
      guard let data = try? Data(contentsOf: url) else { throw .missingResources }
      sources.append((name: "Dictionaries/\(name).yaml", bytes: [UInt8](data)))
    }
    return sources
  }

  /// The dictionary built from the built-in files' bytes (`builtInSources()`).
  static func builtIn(sources: [(name: String, bytes: [UInt8])]) throws(DictionaryError) -> ActorDictionary {
    var dictionary = ActorDictionary()
    for source in sources {
      guard let text = String(validating: source.bytes, as: UTF8.self) else {
        throw .unreadable(file: source.name, reason: "not UTF-8 text")
      }
      try dictionary.load(yaml: text, file: source.name)
    }
    try dictionary.checkReferences()
    return dictionary
  }

  /// Adds the entries of a user's dictionary file (same sections as the built-in ones:
  /// `states`, `actors`, `places`, `provinces`, `bodies`, `state_agents`).
  ///
  /// - Throws: `DictionaryError` naming the file and line of the first bad entry.
  public mutating func load(file path: String, displayName: String? = nil) throws(DictionaryError) {
    guard let root = try Self.parse(file: path, displayName: displayName) else { return }
    try load(root: root)
  }

  /// The parsed file at `path` (nil when it holds nothing), for `load(root:)` or `addToLayer(root:)`.
  static func parse(file path: String, displayName: String? = nil) throws(DictionaryError) -> YAMLValue? {
    let text = try readText(file: path, displayName: displayName)
    return try YAMLValue.parse(text, file: displayName ?? path)
  }

  static let fileKeys: Set<String> = ["states", "actors", "places", "provinces", "bodies", "state_agents"]

  mutating func load(yaml text: String, file: String) throws(DictionaryError) {
    materialize()
    guard let root = try YAMLValue.parse(text, file: file) else { return }
    try load(root: root)
  }

  /// Adds a parsed file's entries.
  mutating func load(root: YAMLValue) throws(DictionaryError) {
    materialize()
    try root.checkKeys(Self.fileKeys, in: "the file")
    if let states = root["states"] {
      for item in try states.list("states") { try loadState(item) }
    }
    var idsInFile: Set<String> = []
    // Room for every entry at once: growing a table of 80,000 entities rehashes it again and again.
    let entryCount = (root["actors"]?.count ?? 0) + (root["places"]?.count ?? 0)
    storedEntities.reserveCapacity(storedEntities.count + entryCount)
    idsInFile.reserveCapacity(entryCount)
    if let actors = root["actors"] {
      for item in try actors.list("actors") { try loadActor(item, defaultKind: nil, seen: &idsInFile) }
    }
    if let places = root["places"] {
      for item in try places.list("places") { try loadActor(item, defaultKind: .location, seen: &idsInFile) }
    }
    if let provinces = root["provinces"] {
      for item in try provinces.list("provinces") { try loadProvince(item) }
    }
    if let agents = root["state_agents"] {
      stateAgentNouns.formUnion(try agents.strings("state_agents").map { $0.lowercased() })
    }
    if let bodies = root["bodies"] {
      for item in try bodies.list("bodies") { try loadBody(item) }
    }
    try collectReferences(root: root)
  }

  /// Adds a parsed user's file to this dictionary's user layer (`UserLayer`), as `load(root:)`
  /// adds it to the merged dictionary; false, with the layer part-filled, when the file must be
  /// merged instead (it has states, agent nouns or bodies, or a form of it takes a built-in
  /// form over).
  mutating func addToLayer(root: YAMLValue) throws(DictionaryError) -> Bool {
    try root.checkKeys(Self.fileKeys, in: "the file")
    if root["states"] != nil || root["state_agents"] != nil || root["bodies"] != nil { return false }
    var idsInFile: Set<String> = []
    let entryCount = (root["actors"]?.count ?? 0) + (root["places"]?.count ?? 0)
    layer!.own.storedEntities.reserveCapacity(layer!.own.storedEntities.count + entryCount)
    idsInFile.reserveCapacity(entryCount)
    if let actors = root["actors"] {
      for item in try actors.list("actors") {
        try loadActor(item, defaultKind: nil, seen: &idsInFile)
        if layer!.needsMerge { return false }
      }
    }
    if let places = root["places"] {
      for item in try places.list("places") {
        try loadActor(item, defaultKind: .location, seen: &idsInFile)
        if layer!.needsMerge { return false }
      }
    }
    if let provinces = root["provinces"] {
      for item in try provinces.list("provinces") {
        try loadProvince(item)
        if layer!.needsMerge { return false }
      }
    }
    try collectReferences(root: root)
    return true
  }

  /// The keys each kind of item may have, made once: a set built per item cost a 50,000-entry
  /// file a tenth of its loading.
  static let stateKeys: Set<String> = ["id", "name", "aliases", "demonyms", "capital", "bare_demonyms"]
  static let entryKeys: Set<String> = [
    "id", "name", "type", "aliases", "part_of", "terrorist", "coalition", "backed_by", "default_for", "capital_of",
  ]
  static let provinceKeys: Set<String> = ["id", "name", "base", "bare_is_province", "extra"]
  static let bodyKeys: Set<String> = ["name", "type", "forms"]

  mutating func loadState(_ item: YAMLValue) throws(DictionaryError) {
    try item.checkKeys(Self.stateKeys, in: "a state")
    let (id, name) = try idAndName(item)
    var aliases = try item["aliases"]?.strings("aliases") ?? []
    if let capital = try item["capital"]?.string("capital") { aliases.append(capital) }
    define(Entity(id: id, name: name, kind: .state, aliases: aliases))
    // `bare_demonyms: false`: the demonyms build the state's bodies and agent forms ("Sudanese
    // Armed Forces", "Sudanese troops") but one alone names nothing ("the Palestinian militant
    // group Hamas" is Hamas). The converted world-wide states say so; the hand-made ones do not.
    let bare = try item["bare_demonyms"]?.string("bare_demonyms") != "false"
    if !bare { adjectiveOnlyStates.insert(id) }
    for demonym in try item["demonyms"]?.strings("demonyms") ?? [] {
      demonyms[Tokenizer.normalize(demonym)] = id
      demonymSurfaces[id, default: []].append(demonym)
      if bare { add(alias: demonym, for: id, priority: 0, origin: .adjective) }
    }
  }

  mutating func loadActor(_ item: YAMLValue, defaultKind: EntityKind?, seen: inout Set<String>) throws(DictionaryError)
  {
    try item.checkKeys(Self.entryKeys, in: "an entry")
    let (id, name) = try idAndName(item)
    // Within one file an id is defined once; a user's file may extend a built-in entry by reusing its id.
    guard seen.insert(id).inserted else {
      throw item.fail("id '\(id)' is defined twice in this file; merge the two entries or give one another id")
    }
    let kind: EntityKind
    if let typeNode = item["type"] {
      let raw = try typeNode.string("type")
      guard let k = EntityKind(rawValue: raw) else {
        throw .unknownType(file: typeNode.file, line: typeNode.line, type: raw)
      }
      kind = k
    } else if let defaultKind {
      kind = defaultKind
    } else {
      throw item.fail("entry '\(id)' has no 'type'; add one of \(EntityKindNames.all)")
    }
    var partOf: String?
    if let node = item["part_of"], !node.isNull { partOf = try node.string("part_of") }
    let aliases = try item["aliases"]?.strings("aliases") ?? []
    if aliases.contains(where: { $0.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }) {
      throw item.fail("an alias of '\(id)' is empty; remove it or write the surface form")
    }
    define(Entity(id: id, name: name, kind: kind, aliases: aliases, partOf: partOf))
    if try item["terrorist"]?.string("terrorist") == "true" { terrorist.insert(id) }
    if try item["coalition"]?.string("coalition") == "true" || MentionFinder.contains(name, "coalition") {
      coalitions.insert(id)
    }
    for backer in try item["backed_by"]?.strings("backed_by") ?? [] { backedBy[backer, default: []].append(id) }
    for backer in try item["default_for"]?.strings("default_for") ?? [] { defaultBacked[backer] = id }
    if let node = item["capital_of"], !node.isNull { capitalOf[id] = try node.string("capital_of") }
  }

  mutating func loadProvince(_ item: YAMLValue) throws(DictionaryError) {
    try item.checkKeys(Self.provinceKeys, in: "a province")
    let (id, name) = try idAndName(item)
    var aliases: [String] = []
    for base in try item["base"]?.strings("base") ?? [] {
      aliases += [
        "\(base) Province", "\(base) province", "province of \(base)", "\(base) Governorate",
        "\(base) governorate", "\(base) countryside", "countryside of \(base)", "\(base) region",
      ]
      if try item["bare_is_province"]?.string("bare_is_province") == "true" { aliases.append(base) }
    }
    aliases += try item["extra"]?.strings("extra") ?? []
    define(Entity(id: id, name: name, kind: .location, aliases: aliases))
  }

  mutating func loadBody(_ item: YAMLValue) throws(DictionaryError) {
    try item.checkKeys(Self.bodyKeys, in: "a body")
    let template = try item["name"]?.string("name") ?? ""
    guard template.contains("{D}") else { throw item.fail("a body's name must contain '{D}' (the demonym)") }
    let raw = try item["type"]?.string("type") ?? ""
    guard let kind = EntityKind(rawValue: raw) else {
      throw .unknownType(file: item.file, line: item.line, type: raw)
    }
    let forms = try item["forms"]?.strings("forms") ?? []
    for form in forms where !form.contains("{D}") { throw item.fail("form '\(form)' must contain '{D}'") }
    // Split once, joined with each state's demonyms below: one search per form, not per state.
    let templateParts = template.components(separatedBy: "{D}")
    let formParts = forms.map { $0.components(separatedBy: "{D}") }
    // Demonyms grouped by state, first demonym naming the body.
    var byState: [String: [String]] = [:]
    for (demonym, state) in demonyms.sorted(by: { $0.key < $1.key }) { byState[state, default: []].append(demonym) }
    for (state, _) in byState {
      guard let stateEntity = storedEntities[state] else { continue }
      let stateDemonyms = demonymForms(of: state)
      guard let primary = stateDemonyms.first else { continue }
      let bodyName = templateParts.joined(separator: primary)
      let id = Entity.slug(bodyName)
      var aliases: [String] = []
      for d in stateDemonyms { for parts in formParts { aliases.append(parts.joined(separator: d)) } }
      _ = stateEntity
      if storedEntities[id] == nil {
        storedEntities[id] = Entity(id: id, name: bodyName, kind: kind, aliases: [], partOf: state)
      }
      for alias in [bodyName] + aliases { add(alias: alias, for: id, priority: 1, origin: .adjective) }
    }
  }

  /// The demonyms of a state as written in the dictionary, first one first.
  ///
  /// - Complexity: O(d) for the state's d demonyms (the entries are found by their form, not by
  ///   a scan of the whole dictionary, which made loading quadratic).
  func demonymForms(of state: String) -> [String] {
    var forms: [String] = []
    var seen: Set<[String]> = []
    if adjectiveOnlyStates.contains(state) {
      // No entries to read the case from: the forms as written, each once.
      forms = (demonymSurfaces[state] ?? []).filter { seen.insert(Tokenizer.tokenize($0).map(\.lower)).inserted }
    }
    for surface in demonymSurfaces[state] ?? [] where !adjectiveOnlyStates.contains(state) {
      let lowers = Tokenizer.tokenize(surface).map(\.lower)
      guard seen.insert(lowers).inserted, let entry = entry(forTokens: lowers),
        entry.entityID == state && entry.origin == .adjective && entry.priority == 0
      else { continue }
      let text = entry.rules.enumerated().map { i, rule -> String in
        if case .exact(let s) = rule { return s }
        let t = entry.tokens[i]
        return rule == .capitalized ? t.prefix(1).uppercased() + t.dropFirst() : t
      }
      forms.append(joinTokens(text))
    }
    // Prefer the longest, plain-word demonym ("Russian" over "US") as the naming form.
    return forms.sorted { a, b in
      let aw = a.allSatisfy { $0.isLetter }
      let bw = b.allSatisfy { $0.isLetter }
      if aw != bw { return aw }
      return a < b
    }
  }

  func joinTokens(_ tokens: [String]) -> String {
    var out = ""
    for t in tokens {
      if !out.isEmpty && t != "-" && !out.hasSuffix("-") && t != "." { out += " " }
      out += t
    }
    return out
  }

  /// After state agents are known, "Russian jets" → Russia.
  mutating func addStateAgentForms() {
    materialize()
    // Each state once: its forms do not depend on which of its demonyms is being looked at.
    for state in Set(demonyms.values).sorted() {
      for form in demonymForms(of: state) {
        for noun in stateAgentNouns { add(alias: "\(form) \(noun)", for: state, priority: 1, origin: .adjective) }
      }
    }
  }

  func idAndName(_ item: YAMLValue) throws(DictionaryError) -> (String, String) {
    guard case .mapping = item.node else { throw item.fail("each entry should be a mapping with 'id' and 'name'") }
    guard let name = try item["name"]?.string("name"), !name.isEmpty else { throw item.fail("entry has no 'name'") }
    let id = try item["id"]?.string("id") ?? Entity.slug(name)
    guard Self.isWellFormedID(id) else {
      throw item.fail("id '\(id)' should be lowercase and hyphenated, like '\(Entity.slug(name))'")
    }
    return (id, name)
  }

  /// Whether an id is lowercase, without spaces, and not empty.
  static func isWellFormedID(_ id: String) -> Bool {
    // Most ids are ASCII: checked byte by byte in place rather than by making a lowercased copy.
    var id = id
    let ascii: Bool? = id.withUTF8 { bytes in
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if (0x41...0x5A).contains(byte) || byte == 0x20 { return false }
      }
      return true
    }
    return !id.isEmpty && (ascii ?? (id == id.lowercased() && !id.contains(" ")))
  }

  mutating func collectReferences(root: YAMLValue) throws(DictionaryError) {
    for section in ["actors", "places"] {
      guard let list = root[section] else { continue }
      for item in try list.list(section) {
        for key in ["part_of", "capital_of"] {
          if let ref = item[key], !ref.isNull {
            pendingReferences.append(
              PendingReference(file: ref.file, line: ref.line, id: try ref.string(key), key: key))
          }
        }
      }
    }
  }

  /// Every `part_of` names a known entity, once all files are loaded.
  func checkReferences() throws(DictionaryError) {
    let pendingReferences = referencesToCheck
    for ref in pendingReferences where entity(ref.id) == nil {
      if ref.key != "part_of" {
        throw .malformedEntry(
          file: ref.file, line: ref.line,
          reason: "'\(ref.key): \(ref.id)' names no known entity; define '\(ref.id)' or fix the id")
      }
      throw .unknownReference(file: ref.file, line: ref.line, id: ref.id)
    }
    // part_of must lead up to an outermost actor, never round in a circle.
    for ref in pendingReferences where ref.key == "part_of" {
      var current = ref.id
      var seen: Set<String> = []
      while let parent = entity(current)?.partOf {
        guard seen.insert(current).inserted else {
          throw .malformedEntry(
            file: ref.file, line: ref.line,
            reason:
              "'part_of: \(ref.id)' makes a cycle (\(seen.sorted().joined(separator: " → "))); one of these entries must not be part of the other"
          )
        }
        current = parent
      }
    }
  }
}

/// Locates the dictionaries bundled with KGExtract.
enum BuiltInResources {
  static func url(_ name: String) throws(DictionaryError) -> URL {
    if let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Dictionaries") {
      return url
    }
    if let base = Bundle.module.resourceURL?.appendingPathComponent("Dictionaries/\(name).yaml"),
      FileManager.default.fileExists(atPath: base.path)
    {
      return base
    }
    throw .missingResources
  }
}
