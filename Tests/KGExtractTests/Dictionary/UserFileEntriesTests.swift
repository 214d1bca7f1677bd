import KGModel
import Testing

@testable import KGExtract

/// A user's file whose entries are read straight from its bytes (`UserFileEntries`) gives the
/// layer the tree path (`YAMLValue`, then `addToLayer(root:)`) gives, and the same errors, by file
/// and line; a file outside its shape is declined and read through the tree.
@Suite struct UserFileEntriesTests {
  /// Quotes and escapes, unicode, comments and blank lines, nulls in their spellings, empty lists,
  /// spaces around keys and values, places with and without a type, flags, backers, references,
  /// a list at the key's indentation, and `places` before `actors`.
  static let edgeCases = """
    # A user's file with what the fast reader must read as the tree does.

    places:   # places first: the actors are still defined first
    - {id: test-town, name: Test Town, capital_of: syria, aliases: [Tist Town, 'Test  Town']}
    - {id: al-testa, name: "al-Testa", type: location, capital_of: null, part_of: ~}
    - {name: Plain Place Without Id}

    actors:
      - {id: liwa-test-one, name: Liwa Test One, type: armed_group, aliases: [Free Test Army, "Liwa \\"Quoted\\"", 'It''s Liwa']}   # trailing comment
      - {id: liwa-tést, name: Liwa Tést, type: armed_group, aliases: [Лива Тест, ليوا, Liwa Tést-Two], part_of: liwa-test-one}

      - { id: spaced-out , name:  Spaced  Out , type: armed_group , terrorist: true , aliases: [ One , Two ] }
      - {id: test-coalition, name: Test Coalition, type: armed_group, coalition: true, default_for: [iran], backed_by: [turkey, russia]}
      - {id: named-coalition, name: The Coalition of Tests, type: armed_group, coalition: false}
      - {id: empty-lists, name: Empty Lists, type: armed_group, aliases: [], backed_by: null, default_for: ~}
      - {id: empty-values, name: Empty Values, type: armed_group, aliases: , part_of: , capital_of: }
      - {id: isis, name: ISIS, type: armed_group, aliases: [Daesh Test Branch]}
      - {id: syria, name: Syria, type: state, aliases: [Syrian Test Republic]}
      - {id: hash-in-name, name: Test#1 Brigade, type: armed_group, aliases: ["Brigade #2", 'C: Colon Brigade']}
      - {id: digits-99, name: 99th Test Division, type: military, aliases: [BB99 Front, TEST, TESTER]}
      - {id: slashes, name: "Tab\\tand\\\\slash\\/", type: armed_group}
      - {name: Id From Name, type: armed_group}
      - {id: part-of-user, name: Part Of User, type: armed_group, part_of: spaced-out, terrorist: "true"}
    """

  /// The built-in snapshot's dictionary with an empty user's layer.
  static func layerOnly() throws -> ActorDictionary {
    var (dictionary, _) = try UserLayerTests.built.get().snapshot.withUnsafeBufferPointer {
      try DictionarySnapshot.decode($0)
    }
    dictionary.layer = UserLayer()
    return dictionary
  }

  /// The file added through the tree path (`addToLayer(root:)`), and whether it stayed a layer.
  static func treeLayer(_ text: String, file: String) throws -> (ActorDictionary, Bool) {
    var dictionary = try layerOnly()
    guard let root = try YAMLValue.parse(text, file: file) else { return (dictionary, true) }
    let added = try dictionary.addToLayer(root: root)
    return (dictionary, added)
  }

  /// The file added through `addToLayer(text:file:)` (read from the bytes where it can be).
  static func fastLayer(_ text: String, file: String) throws -> (ActorDictionary, Bool) {
    var dictionary = try layerOnly()
    let added = try dictionary.addToLayer(text: text, file: file)
    return (dictionary, added)
  }

  static func layers(_ text: String, file: String = "user.yaml") throws -> (
    tree: ActorDictionary, fast: ActorDictionary
  ) {
    (try treeLayer(text, file: file).0, try fastLayer(text, file: file).0)
  }

  static func expectSameLayer(_ a: ActorDictionary, _ b: ActorDictionary) {
    #expect(a.layer?.own.storedEntities == b.layer?.own.storedEntities)
    #expect(a.layer?.own.storedEntries.words == b.layer?.own.storedEntries.words)
    #expect(a.layer?.own.storedEntries.values == b.layer?.own.storedEntries.values)
    #expect(a.layer?.own.maxAliasLength == b.layer?.own.maxAliasLength)
    #expect(a.layer?.needsMerge == b.layer?.needsMerge)
    #expect(a.layer?.extendsBuiltIn == b.layer?.extendsBuiltIn)
    #expect(a.terrorist == b.terrorist)
    #expect(a.coalitions == b.coalitions)
    #expect(a.backedBy == b.backedBy)
    #expect(a.defaultBacked == b.defaultBacked)
    #expect(a.capitalOf == b.capitalOf)
    #expect(
      a.pendingReferences.map { "\($0.file):\($0.line) \($0.key) \($0.id)" }
        == b.pendingReferences.map { "\($0.file):\($0.line) \($0.key) \($0.id)" })
  }

  @Test func edgeCasesAreReadAsTheTreeReadsThem() throws {
    let entries = try #require(UserFileEntries(Self.edgeCases))
    #expect(entries.actors.count == 14 && entries.places.count == 3)
    #expect(entries.actors[0].aliases == ["Free Test Army", "Liwa \"Quoted\"", "It's Liwa"])
    #expect(entries.actors[1].aliases == ["Лива Тест", "ليوا", "Liwa Tést-Two"])
    #expect(entries.actors[2].id == "spaced-out" && entries.actors[2].name == "Spaced  Out")
    #expect(entries.actors[11].name == "Tab\tand\\slash/")
    #expect(entries.actors[1].line == 10 && entries.places[2].line == 6)
    let (tree, fast) = try Self.layers(Self.edgeCases)
    #expect(tree.layer?.own.storedEntities.count == 17)
    Self.expectSameLayer(tree, fast)
    #expect(tree.coalitions.contains("named-coalition") && tree.terrorist.contains("part-of-user"))
  }

  @Test func emptyFilesAreRead() throws {
    for text in ["", "# nothing\n\n", "actors: []\n", "actors: [ ]  # none\nplaces: []\n"] {
      let entries = try #require(UserFileEntries(text), "\(text)")
      #expect(entries.actors.isEmpty && entries.places.isEmpty)
      let (tree, fast) = try Self.layers(text)
      Self.expectSameLayer(tree, fast)
    }
  }

  /// Files outside the shape the fast reader reads: declined, and read through the tree.
  @Test(arguments: [
    "provinces:\n  - {id: p-test, name: P Test, base: [P]}\n",
    "states:\n  - {id: testland, name: Testland, demonyms: [Testish]}\n",
    "actors:\n  - id: block-entry\n    name: Block Entry\n    type: armed_group\n",
    "actors:\n  - {id: multi-line, name: Multi Line,\n     type: armed_group}\n",
    "actors:\n  - {id: a-test, name: [A, Test], type: armed_group}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group, aliases: just-one}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group, aliases: [[nested]]}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group, colour: red}\n",
    "actors:\n  - {id: a-test, name: A Test, name: Again, type: armed_group}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group}\nactors: []\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group}\nunknown_section: []\n",
    "actors:\n",
    "actors: null\n",
    "- {id: a-test, name: A Test, type: armed_group}\n",
    "actors:\n  - {id: a-test, name: 'A Test, type: armed_group}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group} extra\n",
    "actors:\n  - {id: &anchor a-test, name: A Test, type: armed_group}\n",
    "actors:\n\t- {id: a-test, name: A Test, type: armed_group}\n",
  ])
  func otherShapesAreDeclined(_ text: String) throws {
    #expect(UserFileEntries(text) == nil)
    // The layers (or errors) are the tree's.
    var tree: (ActorDictionary, Bool)?
    var fast: (ActorDictionary, Bool)?
    var treeError: DictionaryError?
    var fastError: DictionaryError?
    do { tree = try Self.treeLayer(text, file: "user.yaml") } catch { treeError = error as? DictionaryError }
    do { fast = try Self.fastLayer(text, file: "user.yaml") } catch { fastError = error as? DictionaryError }
    #expect(treeError == fastError)
    if let tree, let fast {
      #expect(tree.1 == fast.1)
      Self.expectSameLayer(tree.0, fast.0)
    }
  }

  /// Mistakes in files the fast reader reads: the tree path's error, by file and line.
  @Test(arguments: [
    "actors:\n  - {id: a-test, name: A Test, type: armed_group}\n  - {id: b-test, name: B Test, type: nonsense}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group}\n\n  - {id: a-test, name: Again, type: armed_group}\n",
    "actors:\n  - {id: a-test, name: A Test, type: armed_group, aliases: ['  ']}\n",
    "actors:\n  - {id: A Test, name: A Test, type: armed_group}\n",
    "actors:\n  - {id: , name: A Test, type: armed_group}\n",
    "actors:\n  - {id: tést-Ünï, name: A Test, type: armed_group}\n",
    "actors:\n  - {id: a-test, type: armed_group}\n",
    "actors:\n  - {id: a-test, name: '', type: armed_group}\n",
    "actors:\n  - {id: a-test, name: A Test}\n",
    "actors:\n  - {id: a-test, name: A Test, type: }\n",
    "places:\n  - {id: a-place, name: A Place, type: armed_group}\n  - {id: a-place, name: A Place}\n",
    "# comment\nactors:\n  - {id: a-test, name: A Test, type: armed_group, terrorist: true, type2: x}\n",
  ])
  func errorsAreTheTreeOnes(_ text: String) throws {
    var treeError: DictionaryError?
    var fastError: DictionaryError?
    do { _ = try Self.treeLayer(text, file: "mine.yaml") } catch { treeError = error as? DictionaryError }
    do { _ = try Self.fastLayer(text, file: "mine.yaml") } catch { fastError = error as? DictionaryError }
    #expect(treeError != nil)
    #expect(fastError == treeError)
  }

  /// A form that takes a built-in one over sends the file back to be merged, as the tree path does.
  @Test func formTakingABuiltInFormOverIsMerged() throws {
    let text = "actors:\n  - {id: my-army, name: My Army, type: military, aliases: [Chadian Army]}\n"
    #expect(UserFileEntries(text) != nil)
    #expect(try Self.fastLayer(text, file: "user.yaml").1 == false)
    #expect(try Self.treeLayer(text, file: "user.yaml").1 == false)
  }
}

/// A form of ASCII letters, digits and spaces made from its bytes (`asciiAliasEntry`) is the
/// entry its tokens give (`tokenAliasEntry`): words, case rules, priority and origin.
@Suite struct AliasEntryBytesTests {
  @Test func bytesGiveTheTokensEntry() throws {
    let base = try UserLayerTests.built.get().base
    var forms = [
      "Liwa Test One", "BB12 Front", "ISIS", "ISILX", "US", "A", "a", "1", "Group12 Bench 12", "  Spaced  Form ",
      "Russian aerospace forces", "Free Syrian Army", "Army of Islam", "NATO Forces", "x1Y2", "MiG29 Squadron",
    ]
    forms += base.storedEntities.values.flatMap { [$0.name] + $0.aliases }
    var checked = 0
    for form in forms {
      var bytes = form
      guard
        let fast = bytes.withUTF8({ ActorDictionary.asciiAliasEntry($0, for: "x", priority: 2, origin: .dictionary) })
      else { continue }
      checked += 1
      #expect(fast == ActorDictionary.tokenAliasEntry(form, for: "x", priority: 2, origin: .dictionary), "\(form)")
    }
    #expect(checked > 10_000)
    var blank = "   "
    #expect(
      blank.withUTF8 { ActorDictionary.asciiAliasEntry($0, for: "x", priority: 2, origin: .dictionary) } == .some(nil))
  }
}
