import Foundation
import KGModel
import Testing

@testable import KGExtract

/// The snapshot of the built-in dictionary decodes to the dictionary the YAML files give, table
/// by table, and the cache that keeps it is rebuilt, never trusted, when it is stale or damaged.
@Suite struct DictionarySnapshotTests {
  /// The built-in dictionary from YAML, as `ExtractionConfiguration.load()` completes it, and its
  /// snapshot: built once for the suite.
  static let built: Result<(ActorDictionary, FoldedAliasIndex, [UInt8]), DictionaryError> = Result {
    () throws(DictionaryError) in
    let (dictionary, folded, _) = try ExtractionConfiguration.builtInDictionary(
      sources: ActorDictionary.builtInSources(), cache: nil)
    return (dictionary, folded, DictionarySnapshot.encode(dictionary, folded: folded))
  }

  static func decode(_ bytes: [UInt8]) throws -> (ActorDictionary, FoldedAliasIndex) {
    try bytes.withUnsafeBufferPointer { try DictionarySnapshot.decode($0) }
  }

  @Test func snapshotDecodesToTheDictionaryTheYAMLGives() throws {
    let (yaml, folded, bytes) = try Self.built.get()
    let (snapshot, snapshotFolded) = try Self.decode(bytes)
    #expect(snapshot.entities.count == yaml.entities.count)
    #expect(snapshot.entities.count > 30_000)
    #expect(snapshot.entities == yaml.entities)
    // The alias entries in the same order: candidates come out in that order.
    #expect(snapshot.entries.words == yaml.entries.words)
    #expect(snapshot.entries.values == yaml.entries.values)
    #expect(snapshot.demonyms == yaml.demonyms)
    #expect(snapshot.stateAgentNouns == yaml.stateAgentNouns)
    #expect(snapshot.terrorist == yaml.terrorist)
    #expect(snapshot.coalitions == yaml.coalitions)
    #expect(snapshot.backedBy == yaml.backedBy)
    #expect(snapshot.defaultBacked == yaml.defaultBacked)
    #expect(snapshot.maxAliasLength == yaml.maxAliasLength)
    #expect(snapshot.demonymSurfaces == yaml.demonymSurfaces)
    #expect(snapshot.adjectiveOnlyStates == yaml.adjectiveOnlyStates)
    #expect(snapshot.capitalOf == yaml.capitalOf)
    // The folded index, probed in place: every key finds its entry, every first word opens.
    #expect(snapshotFolded.count == folded.entries.count)
    #expect(snapshotFolded.longest == folded.longest)
    #expect(folded.entries.filter { snapshotFolded.entry(forKey: $0.key) != $0.value }.map(\.key) == [])
    #expect(folded.firstWords.filter { !snapshotFolded.opensKey($0) } == [])
    #expect(snapshotFolded.entry(forKey: "no such key") == nil && !snapshotFolded.opensKey("zzzz"))
    // A few entries by name: aliases, types, part_of.
    #expect(snapshot.entry(forTokens: ["isil"])?.entityID == "isis")
    #expect(snapshot.entry(forTokens: ["damascus"])?.entityID == "syria")
    #expect(snapshot.entry(forTokens: ["chadian", "army"])?.entityID == "chadian-army")
    #expect(snapshot.entities["chadian-army"]?.partOf == "chad")
    #expect(snapshot.entities["isis"]?.kind == .armedGroup)
    #expect(snapshot.entities["sudan"]?.kind == .state)
    #expect(snapshot.capital(of: "khartoum") == "sudan")
    #expect(snapshot.entities["isis"]?.aliases.contains("ISIL") == true)
  }

  /// The alias index and entity kinds read in place from a snapshot answer as those built from
  /// the YAML's tables: the same candidates, in the same order, at every token of every alias of
  /// the dictionary, alone and followed by a word.
  @Test func snapshotIndexesAnswerAsTheBuiltOnes() throws {
    let (yaml, _, bytes) = try Self.built.get()
    let (snapshot, _) = try Self.decode(bytes)
    #expect(snapshot.snapshot != nil && yaml.snapshot == nil)
    let built = AliasIndex(yaml)
    let read = AliasIndex(snapshot)
    var mismatches: [String] = []
    var phrases = 0
    for list in yaml.entries.values {
      for entry in list {
        for next in ["", " forces"] {
          let text = entry.tokens.joined(separator: " ") + next
          let tokens = Tokenizer.tokenize(text)
          phrases += 1
          for i in tokens.indices {
            let a = built.candidates(in: tokens, at: i)
            let b = read.candidates(in: tokens, at: i)
            if a.longer != b.longer || a.oneWord != b.oneWord {
              mismatches.append("\(text) at \(i)")
            }
          }
        }
      }
    }
    #expect(phrases > 100_000)
    #expect(mismatches.prefix(10) == [])
    let builtKinds = EntityKinds(yaml)
    let readKinds = EntityKinds(snapshot)
    #expect(
      yaml.entities.keys.filter { builtKinds[$0] != readKinds[$0] || snapshot.entity($0) != yaml.entity($0) } == [])
    #expect(readKinds["no-such-entity"] == nil && snapshot.entity("no-such-entity") == nil)
  }

  /// The folded index's first words and longest key, found by space bytes, are what splitting
  /// the keys by characters gives.
  @Test func foldedFirstWordsAreTheKeysFirstWords() throws {
    let (_, folded, _) = try Self.built.get()
    let words = folded.entries.keys.map { $0.split(separator: " ") }
    #expect(folded.firstWords == Set(words.map { String($0[0]) }))
    #expect(folded.longest == words.map(\.count).max())
  }

  /// A dictionary read from a snapshot takes a user's file exactly as one built from YAML.
  @Test func userEntriesExtendASnapshotAsTheyExtendTheYAML() throws {
    let (yaml, _, bytes) = try Self.built.get()
    var fromYAML = yaml
    var (fromSnapshot, _) = try Self.decode(bytes)
    let user = """
      actors:
        - {id: isis, name: ISIS, type: armed_group, aliases: [Daesh Province Branch]}
        - {id: liwa-al-mutasim, name: Liwa al-Mutasim, type: armed_group, part_of: syrian-national-army, aliases: [ISIL, Mutasim Brigade]}
      """
    try fromYAML.load(yaml: user, file: "user.yaml")
    try fromSnapshot.load(yaml: user, file: "user.yaml")
    #expect(fromSnapshot.entities == fromYAML.entities)
    #expect(fromSnapshot.entries.words == fromYAML.entries.words)
    #expect(fromSnapshot.entries.values == fromYAML.entries.values)
    // The hand-made owner keeps a form a user entry claims again.
    #expect(fromSnapshot.entry(forTokens: ["isil"])?.entityID == "isis")
    #expect(fromSnapshot.entry(forTokens: ["mutasim", "brigade"])?.entityID == "liwa-al-mutasim")
  }

  /// The dictionary a user's files are added to, before the state agent forms, comes from its own
  /// snapshot decoded whole: the same tables, references included, as the YAML gives.
  @Test func baseSnapshotDecodesToTheYAMLDictionary() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sources = try ActorDictionary.builtInSources()
    let cache = DictionaryCache(file: folder.appendingPathComponent("base.snapshot"), key: 5)
    let yaml = try ExtractionConfiguration.builtInBase(sources: sources, cache: cache)
    #expect(cache.read() != nil)
    let read = try ExtractionConfiguration.builtInBase(sources: sources, cache: cache)
    #expect(read.snapshot == nil && yaml.snapshot == nil)
    #expect(read.entities == yaml.entities)
    #expect(read.entries.words == yaml.entries.words)
    #expect(read.entries.values == yaml.entries.values)
    func references(_ d: ActorDictionary) -> [String] {
      d.pendingReferences.map { "\($0.file):\($0.line) \($0.key) \($0.id)" }
    }
    #expect(references(read) == references(yaml) && !references(yaml).isEmpty)
    #expect(read.demonymSurfaces == yaml.demonymSurfaces && read.stateAgentNouns == yaml.stateAgentNouns)
  }

  @Test func cacheIsWrittenOnceAndReadAfter() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sources = try ActorDictionary.builtInSources()
    let cache = DictionaryCache(file: folder.appendingPathComponent("d.snapshot"), key: 42)
    let first = try ExtractionConfiguration.builtInDictionary(sources: sources, cache: cache)
    #expect(!first.fromCache)
    let second = try ExtractionConfiguration.builtInDictionary(sources: sources, cache: cache)
    #expect(second.fromCache)
    #expect(second.dictionary.entities == first.dictionary.entities)
    #expect(second.dictionary.entries.values == first.dictionary.entries.values)
    // Another key (a YAML file or kg changed): not read, and rewritten for the new key.
    let changed = DictionaryCache(file: cache.file, key: 43)
    #expect(try !ExtractionConfiguration.builtInDictionary(sources: sources, cache: changed).fromCache)
    #expect(try ExtractionConfiguration.builtInDictionary(sources: sources, cache: changed).fromCache)
    #expect(cache.read() == nil)
  }

  /// The key follows the YAML bytes.
  @Test func keyChangesWithTheSources() throws {
    let sources = try ActorDictionary.builtInSources()
    var edited = sources
    edited[0].bytes += Array("\n# a comment\n".utf8)
    let a = try #require(DictionaryCache.standard(sources: sources))
    let b = try #require(DictionaryCache.standard(sources: edited))
    #expect(a.key != b.key)
    #expect(a.file == b.file)
    #expect(a.key == DictionaryCache.standard(sources: sources)?.key)
  }

  struct Damage: CustomTestStringConvertible, Sendable {
    var id: String
    var apply: @Sendable ([UInt8]) -> [UInt8]
    var testDescription: String { id }
  }

  static let damages: [Damage] = [
    Damage(id: "empty file") { _ in [] },
    Damage(id: "cut inside the header") { Array($0.prefix(20)) },
    Damage(id: "cut inside the payload") { Array($0.prefix($0.count / 2)) },
    Damage(id: "one byte flipped in the payload") {
      var b = $0
      b[b.count / 3] ^= 0x5A
      return b
    },
    Damage(id: "wrong magic") {
      var b = $0
      b[0] = UInt8(ascii: "X")
      return b
    },
    Damage(id: "text instead") { _ in Array("states:\n  - {id: x, name: X}\n".utf8) },
    Damage(id: "bytes appended") { $0 + [1, 2, 3] },
  ]

  @Test(arguments: damages) func damagedCacheIsRebuilt(_ damage: Damage) throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sources = try ActorDictionary.builtInSources()
    let cache = DictionaryCache(file: folder.appendingPathComponent("d.snapshot"), key: 7)
    _ = try ExtractionConfiguration.builtInDictionary(sources: sources, cache: cache)
    let good = try [UInt8](Data(contentsOf: cache.file))
    try Data(damage.apply(good)).write(to: cache.file)
    #expect(cache.read() == nil)
    let rebuilt = try ExtractionConfiguration.builtInDictionary(sources: sources, cache: cache)
    #expect(!rebuilt.fromCache)
    #expect(rebuilt.dictionary.entities["isis"]?.kind == .armedGroup)
    // Written again, whole (its bytes may differ: state agent forms are added in the order of a set).
    #expect(cache.read() != nil)
  }

  /// Payloads whose checksum is right but whose bytes are not a snapshot (a stale format under
  /// an unchanged key, or damage the checksum missed) are refused by the decoder, never a crash.
  @Test func decoderRefusesBadPayloads() throws {
    let (_, _, bytes) = try Self.built.get()
    var generator = SystemRandomNumberGenerator()
    let cuts = [0, 1, 2, 100, bytes.count / 7, bytes.count / 2, bytes.count - 1]
    for cut in cuts {
      #expect(throws: SnapshotDamaged.self, "cut at \(cut)") { try Self.decode(Array(bytes.prefix(cut))) }
    }
    for _ in 0..<8 {
      var damaged = bytes
      let at = Int.random(in: 0..<damaged.count, using: &generator)
      damaged[at] ^= UInt8.random(in: 1...255, using: &generator)
      // A flipped byte may still decode (a string index to another string): only no crash is
      // required, of opening and of every lookup after.
      guard let (dictionary, folded) = try? Self.decode(damaged) else { continue }
      let entities = dictionary.entities
      for id in entities.keys.prefix(2_000) { _ = dictionary.entity(id) }
      _ = dictionary.entity("isis")
      _ = dictionary.entries
      _ = dictionary.entry(forTokens: ["isil"])
      let index = AliasIndex(dictionary)
      let tokens = Tokenizer.tokenize("Russian jets struck Idleb as ISIL militants attacked the Syrian Arab Army.")
      for i in tokens.indices { _ = index.candidates(in: tokens, at: i) }
      _ = folded.match(tokens, at: 0, covered: Array(repeating: false, count: tokens.count))
      var copy = dictionary
      copy.materialize()
    }
  }

  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-snapshot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}
