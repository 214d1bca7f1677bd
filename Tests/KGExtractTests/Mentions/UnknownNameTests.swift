import KGModel
import Testing

@testable import KGExtract

/// Names no dictionary lists, typed by their own words or the words around them
/// (`MentionFinder+Names.swift`, `MentionFinder+Collectives.swift`). The sentences are invented.
struct UnknownNameTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var sentences: [String]
    var name: String
    var kind: EntityKind
    var testDescription: String { "\(name) (\(kind.rawValue))" }
  }

  static let typed: [Case] = [
    Case(
      sentences: ["Abu Dujana al-Ansari led the assault on the checkpoint."], name: "Abu Dujana al-Ansari",
      kind: .person),
    Case(
      sentences: ["Liwa Suqour al-Jabal attacked the checkpoint at dawn."], name: "Liwa Suqour al-Jabal",
      kind: .armedGroup),
    Case(sentences: ["Dozens of Harith fighters were seen near the mine."], name: "Harith", kind: .armedGroup),
    Case(sentences: ["Karim Haddad, a commander in the brigade, was wounded."], name: "Karim Haddad", kind: .person),
    Case(sentences: ["Nadia Sleiman said the convoy had been hit twice."], name: "Nadia Sleiman", kind: .person),
    Case(sentences: ["Artillery shells landed near Tell Zuwayrat overnight."], name: "Tell Zuwayrat", kind: .location),
    Case(
      sentences: ["The Eastern Shield Brigade (ESB) stormed the depot."], name: "Eastern Shield Brigade",
      kind: .armedGroup),
  ]

  @Test(arguments: typed) func unlistedNameGetsItsType(_ c: Case) throws {
    let extraction = try ExtractionFixture.extract(c.sentences)
    let entity = extraction.entities.first { $0.name == c.name }
    #expect(entity?.kind == c.kind, "entities: \(extraction.entities.map { "\($0.name) (\($0.kind.rawValue))" })")
  }

  @Test func placesListedAfterAPlaceNounAreAllPlaces() throws {
    let extraction = try ExtractionFixture.extract("Militants raided the villages of Umm Batna, Kodana and Jaba.")
    let places = extraction.entities.filter { $0.kind == .location }.map(\.name)
    #expect(Set(places).isSuperset(of: ["Umm Batna", "Kodana", "Jaba"]), "\(places)")
  }

  @Test func anAcronymDefinedInTheTextNamesTheSameEntityLater() throws {
    let extraction = try ExtractionFixture.extract(
      "The Eastern Shield Brigade (ESB) stormed the depot.", "Two days later the ESB shelled Tabqa.")
    let id = try #require(extraction.entities.first { $0.name == "Eastern Shield Brigade" }?.id)
    #expect(extraction.mentions(of: id).map(\.surface) == ["Eastern Shield Brigade", "ESB", "ESB"])
  }

  @Test func aSurnameNamesThePersonLater() throws {
    let extraction = try ExtractionFixture.extract(
      "Nadia Sleiman said the convoy had been hit twice.", "Sleiman added that nobody was hurt.")
    let id = try #require(extraction.entities.first { $0.name == "Nadia Sleiman" }?.id)
    #expect(extraction.mentions(of: id).count == 2)
  }

  @Test(arguments: [
    "On Monday, the talks resumed in the capital.", "In March the convoy left.", "Earlier, the envoy spoke.",
    "The Camp was quiet in the morning.",
  ])
  func capitalisedWordsWithoutEvidenceNameNothing(_ sentence: String) throws {
    let extraction = try ExtractionFixture.extract(sentence)
    #expect(extraction.entities.isEmpty, "\(extraction.entities.map(\.name))")
  }

  @Test func rebelsAreOnePartyThroughTheDocument() throws {
    let extraction = try ExtractionFixture.extract(
      "Syrian rebels shelled the town of Kafr Saghir.", "The rebels later withdrew from the area.",
      "Opposition fighters returned at night.")
    let rebels = extraction.entities.filter { $0.kind == .armedGroup }
    #expect(rebels.map(\.name) == ["Syrian rebels"])
    #expect(extraction.mentions(of: "syrian-rebels").count == 3)
  }

  @Test func aGroupTheArticleCallsRebelsIsWhatTheRebelsMeans() throws {
    let extraction = try ExtractionFixture.extract(
      "FSA rebels shelled the town of Kafr Saghir.", "The rebels later withdrew from the area.")
    #expect(extraction.mentions(of: "fsa").count == 2, "\(extraction.mentions.map { "\($0.surface)→\($0.entityID)" })")
  }

  /// An unlisted group typed by the member noun after it ("Tuareg rebels") takes that noun into its
  /// mention, and the article's later "the rebels" are that group, not a party of their own.
  @Test func anUnlistedGroupsMembersAreThatGroup() throws {
    let extraction = try ExtractionFixture.extract(
      "Tuareg rebels attacked a Malian army post.", "The rebels later withdrew from the area.")
    #expect(extraction.entities.filter { $0.kind == .armedGroup }.map(\.name) == ["Tuareg"])
    #expect(extraction.mentions(of: "tuareg").map(\.surface) == ["Tuareg rebels", "rebels"])
    #expect(extraction.edge("tuareg", .attack, "malian-armed-forces") != nil, "\(extraction.edgeSummary)")
  }

  @Test func rebelHeldIsNoParty() throws {
    let extraction = try ExtractionFixture.extract("Jets struck the rebel-held town of Kafr Saghir.")
    #expect(!extraction.entities.contains { $0.kind == .armedGroup })
  }
}
