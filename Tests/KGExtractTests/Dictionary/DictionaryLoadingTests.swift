import Foundation
import KGModel
import KGTestSupport
import Testing

@testable import KGExtract

/// Loading: the converted data are in the built-in dictionaries, the hand-made layer wins, and
/// a large user dictionary loads in linear time.
@Suite struct DictionaryLoadingTests {
  static func builtIn() throws -> ActorDictionary { try ExtractionFixture.extractor().configuration.dictionary }

  @Test func convertedStatesHaveDemonymBodiesAndCapitals() throws {
    let dictionary = try Self.builtIn()
    #expect(dictionary.entities["sudan"]?.kind == .state)
    #expect(dictionary.demonyms["sudanese"] == "sudan")
    #expect(dictionary.entities["khartoum"]?.kind == .location)
    #expect(dictionary.capital(of: "khartoum") == "sudan")
    // A capital's name is its state's too ("Khartoum accused ..."), as the hand-made states list
    // theirs; the city stays a place of its own for when it is hit or taken. A capital that is
    // also a common word or given name is only the city.
    #expect(dictionary.entry(forTokens: ["khartoum"])?.entityID == "sudan")
    #expect(dictionary.entry(forTokens: ["victoria"])?.entityID != "seychelles")
    // Bodies are built from the converted demonyms too.
    #expect(dictionary.entry(forTokens: ["chadian", "army"])?.entityID == "chadian-army")
  }

  @Test func handMadeEntriesWinConflicts() throws {
    let dictionary = try Self.builtIn()
    // Phoenix's ISIL block is mapped onto the hand-made `isis`, not a second entity.
    #expect(dictionary.entry(forTokens: ["isil"])?.entityID == "isis")
    #expect(dictionary.entry(forTokens: ["islamic", "state", "of", "iraq"])?.entityID == "isis")
    #expect(dictionary.entities["islamic-state-of-iraq-and-the-levant"] == nil)
    // Capitals the hand-made states list as aliases stay aliases ("Damascus said"); the city is a
    // place of its own, the capital of the state, for when it is hit or taken.
    #expect(dictionary.entry(forTokens: ["damascus"])?.entityID == "syria")
    #expect(dictionary.entities["damascus"]?.kind == .location)
    #expect(dictionary.capital(of: "damascus") == "syria")
  }

  @Test func junkIsFiltered() throws {
    let dictionary = try Self.builtIn()
    // Two-letter forms, common words and surnames alone never become aliases.
    for word in ["al", "is", "the", "party", "reading", "nice", "hope", "bashir"] {
      let owner = dictionary.entry(forTokens: [word])
      #expect(owner == nil || owner?.priority != 2 || ["isis"].contains(owner!.entityID), "'\(word)'")
    }
    // People are named in full.
    #expect(dictionary.entry(forTokens: ["omar", "al", "-", "bashir"])?.entityID != nil)
  }

  @Test func capitalOfMustNameAnEntity() throws {
    var dictionary = try ActorDictionary.builtIn()
    try dictionary.load(yaml: "places:\n  - {id: new-town, name: New Town, capital_of: atlantis}\n", file: "u.yaml")
    #expect(
      throws: DictionaryError.malformedEntry(
        file: "u.yaml", line: 2, reason: "'capital_of: atlantis' names no known entity; define 'atlantis' or fix the id"
      )
    ) { try dictionary.checkReferences() }
  }

  /// A user dictionary of 50,000 entries, a tenth sharing their first word: loads, in linear
  /// time (it was quadratic in the names that share a first word). The time is printed, never
  /// asserted.
  @Test func fiftyThousandEntryUserDictionary() throws {
    let count = 50_000
    var text = "actors:\n"
    for i in 0..<count {
      let head = i % 10 == 0 ? "Liwa" : "Group\(i)"
      text += "  - {id: user-group-\(i), name: \(head) Test \(i), type: armed_group, aliases: [Test Brigade \(i)]}\n"
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-dict-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("user.yaml").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)

    let start = Date()
    let configuration = try ExtractionConfiguration.load(extraDictionaries: [file])
    let seconds = Date().timeIntervalSince(start)
    print("loading the built-in dictionaries and a \(count)-entry user dictionary took \(seconds) s")

    let dictionary = configuration.dictionary
    #expect(dictionary.entities["user-group-49999"]?.kind == .armedGroup)
    #expect(dictionary.entry(forTokens: ["liwa", "test", "49990"])?.entityID == "user-group-49990")
    #expect(dictionary.entry(forTokens: ["test", "brigade", "123"])?.entityID == "user-group-123")
    let extraction = Extractor(configuration: configuration).extract(
      ArticleBuilder(["Liwa Test 40 attacked Test Brigade 7."]).build())
    #expect(extraction.edge("user-group-40", .attack, "user-group-7") != nil, "\(extraction.edgeSummary)")
  }
}
