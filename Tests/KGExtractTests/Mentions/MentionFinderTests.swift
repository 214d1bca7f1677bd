import KGModel
import KGTestSupport
import Testing

@testable import KGExtract

/// Alias resolution: every surface form of an actor resolves to its one canonical id, and
/// acronyms that are also English words only match in capitals.
struct MentionFinderTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var sentence: String
    var surface: String
    var entityID: String
    var testDescription: String { id }
  }

  static let aliases: [Case] = [
    Case(id: "ISIS", sentence: "ISIS attacked Kobani at dawn.", surface: "ISIS", entityID: "isis"),
    Case(
      id: "Islamic State", sentence: "The Islamic State lost Raqqa in 2017.", surface: "Islamic State", entityID: "isis"
    ),
    Case(id: "IS in capitals", sentence: "The town is held by IS.", surface: "IS", entityID: "isis"),
    Case(id: "Daesh", sentence: "Daesh lost the town last year.", surface: "Daesh", entityID: "isis"),
    Case(id: "ISIL", sentence: "The ISIL branch in Egypt claimed the bombing.", surface: "ISIL", entityID: "isis"),
    Case(id: "SDF", sentence: "The SDF entered Raqqa.", surface: "SDF", entityID: "sdf"),
    Case(id: "HSD", sentence: "The HSD entered Raqqa.", surface: "HSD", entityID: "sdf"),
    Case(
      id: "Syrian Democratic Forces", sentence: "The Syrian Democratic Forces entered Raqqa.",
      surface: "Syrian Democratic Forces", entityID: "sdf"),
    Case(id: "US in capitals", sentence: "The US told reporters nothing.", surface: "US", entityID: "united-states"),
    Case(id: "dotted U.S.", sentence: "The U.S. bombed the bridge.", surface: "U.S.", entityID: "united-states"),
    Case(
      id: "United States", sentence: "The United States sent envoys.", surface: "United States",
      entityID: "united-states"),
  ]

  @Test(arguments: aliases)
  func aliasResolves(_ c: Case) throws {
    let document = ArticleBuilder.document(c.sentence)
    let extraction = try ExtractionFixture.extractor().extract(document)
    let mention = try #require(
      extraction.mentions.first { $0.surface.hasPrefix(c.surface) }, "no mention of '\(c.surface)'")
    #expect(mention.entityID == c.entityID)
    // The span is where the surface is, in code points.
    #expect(mention.span.start == CodePoints.offset(of: c.surface, in: c.sentence))
    #expect(document.text[mention.span] == mention.surface)
    // The entity is known by its canonical id, once.
    #expect(extraction.entities.filter { $0.id == c.entityID }.count == 1)
  }

  /// GUIDELINES.md, "Unnamed actors": a bare demonym plus a force noun names the state
  /// ("Turkish soldiers", "Israeli jets" are Turkey and Israel); a named force is its own entity.
  @Test func demonymAndForceNounNameTheState() throws {
    let extraction = try ExtractionFixture.extract(
      "Israeli jets struck Hamas positions.", "Turkish soldiers shelled the YPG.",
      "The Israeli Air Force and the Turkish army said so.")
    #expect(extraction.edge("israel", .attack, "hamas") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("turkey", .attack, "ypg") != nil, "\(extraction.edgeSummary)")
    #expect(!extraction.mentions(of: "israeli-air-force").isEmpty)
    #expect(!extraction.mentions(of: "turkish-armed-forces").isEmpty)
  }

  /// "the Russian Foreign and Defense Ministries": two bodies sharing the demonym and a plural
  /// head are two mentions, each acting; a pair the dictionary does not know stays as it was.
  /// "Indian and Pakistani troops": a demonym that names its state only before a noun shares
  /// the force noun of the demonym its list ends with; "the Indian Ocean" stays no mention.
  @Test func demonymsShareTheForceNounAfterThem() throws {
    let extraction = try ExtractionFixture.extract(
      "Indian and Pakistani troops traded fire along the border.",
      "Saudi, Emirati and Egyptian jets struck Houthi positions.")
    #expect(extraction.edge("india", .attack, "pakistan") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("pakistan", .attack, "india") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("egypt", .attack, "houthis") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("united-arab-emirates", .attack, "houthis") != nil, "\(extraction.edgeSummary)")
    let ocean = try ExtractionFixture.extract("The Indian Ocean was calm, and Pakistani troops patrolled the coast.")
    #expect(ocean.mentions(of: "india").isEmpty, "\(ocean.mentions.map(\.surface))")
  }

  /// Spelling variants of a one-word name are matched ("Idleb", "Deraa"), but a word of English
  /// is no variant of one: "Line" is not Linyi, "Read" is not al-Riyad.
  @Test func anEnglishWordIsNoVariantOfAName() throws {
    let extraction = try ExtractionFixture.extract(
      "Troops crossed the Line of Control.", "Read the statement, the army said.",
      "Shelling hit Idleb and Deraa.")
    #expect(extraction.mentions(of: "linyi").isEmpty && extraction.mentions(of: "al-riyad").isEmpty)
    #expect(!extraction.mentions(of: "idlib-province").isEmpty && !extraction.mentions(of: "daraa").isEmpty)
  }

  @Test func bodiesSharingADemonymAndAHead() throws {
    let extraction = try ExtractionFixture.extract(
      "The Russian Foreign and Defense Ministries condemned the US strikes.")
    #expect(extraction.mentions(of: "russian-foreign-ministry").count == 1)
    #expect(extraction.mentions(of: "russian-defense-ministry").count == 1)
    #expect(extraction.edge("russian-foreign-ministry", .condemn, "united-states") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("russian-defense-ministry", .condemn, "united-states") != nil, "\(extraction.edgeSummary)")
    let unknown = try ExtractionFixture.extract("The Russian Orange and Lemon Committees condemned the US strikes.")
    #expect(unknown.mentions.allSatisfy { !$0.entityID.hasSuffix("-committee") }, "\(unknown.mentions.map(\.entityID))")
  }

  @Test func allIsisAliasesAreOneEntity() throws {
    let extraction = try ExtractionFixture.extract(
      "ISIS attacked Kobani.", "Islamic State fighters then retreated.", "Daesh lost the town.",
      "IS claimed the attack.",
      "ISIL denied it.")
    let surfaces = extraction.mentions.filter { $0.entityID == "isis" }.map(\.surface)
    #expect(surfaces.count == 5, "\(surfaces)")
    #expect(extraction.mentions.filter { $0.entityID != "isis" && $0.entityID != "kobani" }.isEmpty)
    let isis = try #require(extraction.entities.first { $0.id == "isis" })
    #expect(isis.kind == .armedGroup)
    #expect(extraction.entities.filter { $0.kind == .armedGroup }.map(\.id) == ["isis"])
    // Every surface seen names it.
    let names = Set([isis.name] + isis.aliases)
    for surface in ["ISIS", "Daesh", "IS", "ISIL"] { #expect(names.contains(surface), "\(surface)") }
  }

  @Test func sdfAndHsdAreOneEntity() throws {
    let extraction = try ExtractionFixture.extract("The SDF took Raqqa.", "Damascus calls the SDF the HSD.")
    #expect(extraction.mentions.filter { ["SDF", "HSD"].contains($0.surface) }.allSatisfy { $0.entityID == "sdf" })
    #expect(extraction.mentions(of: "sdf").count == 3)
  }

  struct WordCase: CustomTestStringConvertible, Sendable {
    var id: String
    var sentence: String
    var notEntity: String
    var testDescription: String { id }
  }

  static let commonWords: [WordCase] = [
    WordCase(
      id: "the pronoun 'us' is not the US", sentence: "He told us that the talks had failed.",
      notEntity: "united-states"),
    WordCase(id: "'Let us' is not the US", sentence: "Let us see what happens in Idlib.", notEntity: "united-states"),
    WordCase(
      id: "the verb 'is' is not IS", sentence: "The situation is tense and the town is quiet.", notEntity: "isis"),
    WordCase(id: "sentence-initial 'Is' is not IS", sentence: "Is the ceasefire holding in Idlib?", notEntity: "isis"),
  ]

  @Test(arguments: commonWords)
  func commonWordIsNoMention(_ c: WordCase) throws {
    let extraction = try ExtractionFixture.extract(c.sentence)
    #expect(extraction.mentions(of: c.notEntity).isEmpty, "\(extraction.mentions.map(\.surface))")
    #expect(!extraction.entities.contains { $0.id == c.notEntity })
  }

  @Test func pronounAndAcronymInOneSentence() throws {
    let sentence = "The US told us that IS is finished."
    let extraction = try ExtractionFixture.extract(sentence)
    #expect(extraction.mentions(of: "united-states").map(\.span) == [TextSpan(start: 4, end: 6)])
    #expect(extraction.mentions(of: "isis").map(\.span) == [TextSpan(start: 20, end: 22)])
  }
}
