import Foundation
import KGModel
import Testing

@testable import KGExtract

/// A user's files kept apart from the built-in snapshot (`UserLayer`) answer exactly as the same
/// files merged into the built-in dictionary (what `ExtractionConfiguration` did for every user
/// file before): the same entities, alias candidates at every token, entity kinds, folded keys,
/// small tables and errors; and the files a layer cannot stand for are sent back to be merged.
@Suite struct UserLayerTests {
  /// The built-in dictionary before the state agent forms (what user files are merged into) and
  /// the snapshot of the complete one (what a layer sits over): built once for the suite.
  static let built: Result<(base: ActorDictionary, snapshot: [UInt8]), DictionaryError> = Result {
    () throws(DictionaryError) in
    let base = try ActorDictionary.builtIn(sources: ActorDictionary.builtInSources())
    var complete = base
    try complete.checkReferences()
    complete.addStateAgentForms()
    let folded = FoldedAliasIndex(complete.entries.values.joined())
    return (base, DictionarySnapshot.encode(complete, folded: folded))
  }

  /// The user's file merged into the built-in dictionary, as `ExtractionConfiguration` merges it.
  static func merged(_ files: [String]) throws -> ActorDictionary {
    var dictionary = try built.get().base
    for (n, text) in files.enumerated() { try dictionary.load(yaml: text, file: "user\(n).yaml") }
    try dictionary.checkReferences()
    dictionary.addStateAgentForms()
    return dictionary
  }

  /// The user's file in a layer over the snapshot; nil when the layer sends it back to be merged.
  static func layered(_ files: [String]) throws -> ActorDictionary? {
    var (dictionary, _) = try built.get().snapshot.withUnsafeBufferPointer { try DictionarySnapshot.decode($0) }
    dictionary.layer = UserLayer()
    for (n, text) in files.enumerated() {
      guard let root = try YAMLValue.parse(text, file: "user\(n).yaml") else { continue }
      guard try dictionary.addToLayer(root: root) else { return nil }
    }
    try dictionary.checkReferences()
    return dictionary
  }

  /// A file with what a layer must get right: first words the built-in files use ("Liwa",
  /// "Free"), acronyms, non-ASCII names, a form a hand-made entry keeps ("ISIL"), a built-in id
  /// extended (`isis`, `syria`), a spelling whose folded key a built-in entity's alias has, two
  /// user entities sharing a folded key, backers, coalitions, terrorist and capital flags, places
  /// and a province.
  static let userFile = """
    actors:
      - {id: liwa-al-mutasim, name: Liwa al-Mutasim, type: armed_group, part_of: syrian-national-army, aliases: [Mutasim Brigade, LAM]}
      - {id: liwa-test-one, name: Liwa Test One, type: armed_group, aliases: [Free Test Army, ISIL, Liwa Tést]}
      - {id: liwa-test-two, name: Liwa Test Two, type: armed_group, terrorist: true, backed_by: [turkey], aliases: [Liwa Test-Two]}
      - {id: test-coalition, name: Test Coalition, type: armed_group, coalition: true, default_for: [iran]}
      - {id: isis, name: ISIS, type: armed_group, aliases: [Daesh Province Branch]}
      - {id: syria, name: Syria, type: state, aliases: [Syrian Test Republic]}
      - {id: hts-copy, name: Hayat Tahrir as-Sham, type: armed_group}
      - {id: shared-one, name: Jaysh Testaqa, type: armed_group}
      - {id: shared-two, name: Jaish Testaqa, type: armed_group}
      - {id: deir-test, name: Deir Test Brigade, type: armed_group, part_of: liwa-test-one}
    places:
      - {id: test-town, name: Test Town, capital_of: syria, aliases: [Tist Town]}
      - {id: al-testa, name: al-Testa}
    provinces:
      - {id: testa-province, name: Testa Province, base: [Testa], bare_is_province: true}
    """

  /// A second file extending the first's entity and adding to one of its first words.
  static let secondFile = """
    actors:
      - {id: liwa-test-one, name: Liwa Test One, type: armed_group, aliases: [Liwa Test Uno, Mutasim Brigade]}
      - {id: liwa-test-three, name: Liwa Test Three, type: armed_group, part_of: liwa-test-one}
    """

  /// The two files, compared in full (once: the comparison is slow in a debug build).
  @Test func layerAnswersAsTheMergedDictionary() throws {
    let files = [Self.userFile, Self.secondFile]
    let merged = try Self.merged(files)
    let layered = try #require(try Self.layered(files))
    try Self.expectSameAnswers(layered, merged, file: files.joined(separator: "\n"))
    // Spot checks, so that a test of two wrong answers agreeing would still fail.
    #expect(layered.entry(forTokens: ["isil"])?.entityID == "isis")
    #expect(layered.entry(forTokens: ["mutasim", "brigade"])?.entityID == "liwa-al-mutasim")
    #expect(layered.entity("syria")?.aliases.contains("Syrian Test Republic") == true)
    #expect(layered.entity("syria")?.kind == .state)
    #expect(layered.entity("isis")?.aliases.contains("Daesh Province Branch") == true)
    #expect(layered.layer?.extendsBuiltIn == true)
    let folded = FoldedAliasIndex(of: layered)
    #expect(folded.entry(forKey: NameFolding.key(["Jaysh", "Testaqa"])) == nil)  // two user entities
    #expect(folded.entry(forKey: NameFolding.key(["Liwa", "Test", "One"]))?.entityID == "liwa-test-one")
  }

  /// An empty file leaves the built-in dictionary as it is.
  @Test func emptyFileChangesNothing() throws {
    let layered = try #require(try Self.layered(["actors: []\n"]))
    #expect(layered.layer?.own.storedEntities.isEmpty == true && layered.layer?.own.storedEntries.isEmpty == true)
    #expect(layered.layer?.extendsBuiltIn == false)
    #expect(AliasIndex(layered).candidates(in: Tokenizer.tokenize("Hezbollah"), at: 0).oneWord.count == 1)
  }

  /// Files the layer cannot stand for are merged: states, agent nouns and bodies change forms
  /// made from every state's demonyms; a form that takes a built-in form of a lower priority over
  /// (a body generated from a demonym, a state agent form, a bare demonym) changes the built-in
  /// lists and folded keys.
  @Test(arguments: [
    "states:\n  - {id: testland, name: Testland, demonyms: [Testish]}\n",
    "state_agents: [testers]\n",
    "bodies:\n  - {name: '{D} Test Corps', type: military, forms: ['{D} testers']}\n",
    "actors:\n  - {id: my-army, name: My Army, type: military, aliases: [Chadian Army]}\n",
    "actors:\n  - {id: my-jets, name: My Jets, type: military, aliases: [Russian jets]}\n",
    "actors:\n  - {id: my-russians, name: My Russians, type: armed_group, aliases: [Russian]}\n",
  ])
  func filesThatChangeBuiltInFormsAreMerged(_ file: String) throws {
    #expect(try Self.layered([Self.userFile, file]) == nil)
    // The forms this test takes over are the built-in dictionary's, of a lower priority.
    let (base, _) = try Self.built.get()
    #expect(base.entry(forTokens: ["chadian", "army"])?.priority == 1)
    #expect(base.entry(forTokens: ["russian"])?.priority == 0)
  }

  /// A form the layer holds with the rules of an existing built-in entry of the same entity and
  /// priority changes nothing; one whose rules would loosen the built-in entry's is merged.
  @Test func repeatedBuiltInFormsAreKeptOrMerged() throws {
    let same = "actors:\n  - {id: isis, name: ISIS, type: armed_group, aliases: [ISIL]}\n"
    let layered = try #require(try Self.layered([same]))
    let merged = try Self.merged([same])
    #expect(layered.entity("isis") == merged.entity("isis"))
    #expect(layered.entry(forTokens: ["isil"]) == merged.entry(forTokens: ["isil"]))
    #expect(layered.entry(forTokens: ["isil"])?.rules == [.exact("ISIL")])
    #expect(layered.layer?.own.storedEntries.isEmpty == true)
    let loosened = "actors:\n  - {id: isis, name: ISIS, type: armed_group, aliases: [isil]}\n"
    #expect(try Self.layered([loosened]) == nil)
  }

  /// Every error a user's file can cause is the one merging gives, by file and line: a bad
  /// entry, an unknown type, an id twice, a reference to nothing, and a `part_of` circle closed
  /// through a built-in entity (reported where merging reports it, at a built-in reference).
  @Test(arguments: [
    "actors:\n  - {id: a-test, name: A Test, type: armed_group}\n  - {id: b-test, name: B Test, type: nonsense}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group}\n  - {id: a-test, name: A Test Again, type: armed_group}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group, part_of: no-such-thing}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group, part_of: syria}\n  - {id: syria, name: Syria, type: state, part_of: a-test}\n",
    "places:\n  - {id: a-place, name: A Place, capital_of: nowhere-land}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group, aliases: ['  ']}\n",
    "actors:\n  - {id: A Test, name: A Test, type: armed_group}\n",
    "actors:\n  - {id: a-test, type: armed_group}\n",
    "actors:\n  - {id: a-test, name: A Test}\n",
    "provinces:\n  - {id: p-test, name: P Test, colour: red}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group}\nunknown_section: []\n",
  ])
  func errorsAreTheMergedOnes(_ file: String) throws {
    var mergedError: DictionaryError?
    do { _ = try Self.merged([file]) } catch { mergedError = error as? DictionaryError }
    var layeredError: DictionaryError?
    do { _ = try Self.layered([file]) } catch { layeredError = error as? DictionaryError }
    #expect(mergedError != nil)
    #expect(layeredError == mergedError)
  }

  /// The circle through a built-in entity is reported at the built-in reference merging reports.
  @Test func circleThroughABuiltInEntityIsReportedAsMerged() throws {
    let file = """
      actors:
        - {id: a-test, name: A Test, type: armed_group, part_of: syria}
        - {id: syria, name: Syria, type: state, part_of: a-test}
      """
    do {
      _ = try Self.layered([file])
      Issue.record("a circle loaded")
    } catch let error as DictionaryError {
      guard case .malformedEntry(let name, _, let reason) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(name.hasPrefix("Dictionaries/"))
      #expect(reason.contains("cycle"))
    }
  }

  // MARK: - Comparing

  /// Entities, small tables, form look-ups, alias candidates at every token of every alias of
  /// the user's file and of every built-in form that starts with one of their first words
  /// (alone and followed by a word), entity kinds and folded keys.
  static func expectSameAnswers(_ layered: ActorDictionary, _ merged: ActorDictionary, file: String) throws {
    #expect(layered.snapshot != nil && layered.layer != nil)
    #expect(layered.entities == merged.entities)
    #expect(layered.terrorist == merged.terrorist)
    #expect(layered.coalitions == merged.coalitions)
    #expect(layered.backedBy == merged.backedBy)
    #expect(layered.defaultBacked == merged.defaultBacked)
    #expect(layered.capitalOf == merged.capitalOf)
    #expect(layered.demonyms == merged.demonyms)
    #expect(layered.stateAgentNouns == merged.stateAgentNouns)
    // The same forms, each with the same entry (the order of first words and of entries may
    // differ: no two entries of one list match the same tokens).
    let mergedForms = Dictionary(
      merged.entries.values.joined().map { ($0.tokens, $0) }, uniquingKeysWith: { a, _ in a })
    let layeredForms = Dictionary(
      layered.entries.values.joined().map { ($0.tokens, $0) }, uniquingKeysWith: { a, _ in a })
    #expect(layeredForms.count == mergedForms.count)
    #expect(mergedForms.filter { layeredForms[$0.key] != $0.value }.map(\.key).prefix(5) == [])
    let userWords = Set(
      file.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.lowercased() })
    #expect(
      mergedForms.filter { userWords.contains($0.key[0]) && layered.entry(forTokens: $0.key) != $0.value }.map(\.key)
        .prefix(5) == [])
    #expect(
      Set(layered.candidates(startingWith: "liwa").map(\.tokens))
        == Set(merged.candidates(startingWith: "liwa").map(\.tokens)))

    // Alias candidates, as sets (see above), at every token.
    let mergedIndex = AliasIndex(merged)
    let layeredIndex = AliasIndex(layered)
    // The forms of the first words the user's forms start with (a few hundred of each).
    let firstWords = Set(layered.layer?.own.storedEntries.words ?? [])
    var phrases: [String] = []
    for (word, list) in zip(merged.entries.words, merged.entries.values) where firstWords.contains(word) {
      phrases += list.prefix(300).map { $0.tokens.joined(separator: " ") }
    }
    var mismatches: [String] = []
    for phrase in phrases {
      for next in ["", " forces"] {
        let tokens = Tokenizer.tokenize(phrase + next)
        for i in tokens.indices {
          let a = mergedIndex.candidates(in: tokens, at: i)
          let b = layeredIndex.candidates(in: tokens, at: i)
          if Set(a.longer.map(\.tokens)) != Set(b.longer.map(\.tokens)) || a.longer.count != b.longer.count
            || Set(a.oneWord.map(\.tokens)) != Set(b.oneWord.map(\.tokens)) || a.oneWord.count != b.oneWord.count
          {
            mismatches.append("\(phrase + next) at \(i)")
          }
        }
      }
    }
    #expect(phrases.count > 50)
    #expect(mismatches.prefix(10) == [])

    let mergedKinds = EntityKinds(merged)
    let layeredKinds = EntityKinds(layered)
    #expect(merged.entities.keys.filter { mergedKinds[$0] != layeredKinds[$0] }.prefix(5) == [])

    // Folded keys: every form's key names the same entity (or none) in both.
    let mergedFolded = FoldedAliasIndex(of: merged)
    let layeredFolded = FoldedAliasIndex(of: layered)
    var keys = phrases.map { NameFolding.key($0.split(separator: " ").map(String.init)) }
    keys += mergedFolded.entries.keys.prefix(2_000)
    keys += mergedFolded.sharedKeys
    var foldedMismatches: [String] = []
    for key in keys where mergedFolded.entry(forKey: key)?.entityID != layeredFolded.entry(forKey: key)?.entityID {
      foldedMismatches.append(key)
    }
    #expect(foldedMismatches.prefix(10) == [])
    for word in mergedFolded.firstWords where !layeredFolded.opensKey(word) { Issue.record("\(word) opens no key") }
    #expect(layeredFolded.longest >= mergedFolded.longest)
  }
}
