import KGModel
import KGTestSupport
import Testing

@testable import KGExtract

/// The GeoNames gazetteer (Dictionaries/gazetteer.yaml): towns no hand-made dictionary lists are
/// found as places, in every region kg reads about; its stop lists keep English words out, and the
/// hand-made entries keep their ids.
struct GazetteerTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var country: String
    var sentence: String
    var surface: String
    var entityID: String
    var testDescription: String { "\(country): \(surface)" }
  }

  static let towns: [Case] = [
    Case(country: "Yemen", sentence: "Fighters shelled Marib on Tuesday.", surface: "Marib", entityID: "marib"),
    Case(
      country: "Yemen", sentence: "The port of Hudaydah was struck overnight.", surface: "Hudaydah",
      entityID: "al-hudaydah"),
    Case(
      country: "Sudan", sentence: "Paramilitaries besieged El Fasher for months.", surface: "El Fasher",
      entityID: "el-fasher"),
    Case(country: "Sudan", sentence: "Clashes spread to Nyala last week.", surface: "Nyala", entityID: "nyala"),
    Case(
      country: "Ukraine", sentence: "Russian forces shelled Bakhmut again.", surface: "Bakhmut", entityID: "bakhmut"),
    Case(
      country: "Ukraine", sentence: "Drones struck Kramatorsk at night.", surface: "Kramatorsk",
      entityID: "kramatorsk"),
    // Tal Afar and Fallujah are also Phoenix places, which load before the gazetteer and keep them.
    Case(country: "Iraq", sentence: "Militants attacked Tal Afar in 2014.", surface: "Tal Afar", entityID: "tal-afar"),
    Case(country: "Iraq", sentence: "Troops entered Fallujah at dawn.", surface: "Fallujah", entityID: "fallujah"),
  ]

  @Test(arguments: towns)
  func townIsALocation(_ c: Case) throws {
    let extraction = try ExtractionFixture.extract(c.sentence)
    let mention = try #require(
      extraction.mentions.first { $0.surface == c.surface }, "no mention of '\(c.surface)' in \(extraction.mentions)")
    #expect(mention.entityID == c.entityID)
    let entity = try #require(extraction.entities.first { $0.id == c.entityID })
    #expect(entity.kind == .location)
  }

  /// "Hit" (Iraq) and "Batman" (Turkey) are towns whose names are English words or something else
  /// first: the gazetteer leaves them out.
  @Test(arguments: ["Hit by shelling, the market burned down.", "Batman was showing in the cinema in town."])
  func englishWordIsNoPlace(_ sentence: String) throws {
    let extraction = try ExtractionFixture.extract(sentence)
    let word = String(sentence.prefix { $0 != " " })
    let places = Set(extraction.entities.filter { $0.kind == .location }.map(\.id))
    #expect(
      !extraction.mentions.contains { $0.surface == word && places.contains($0.entityID) }, "\(extraction.mentions)")
    #expect(!extraction.entities.contains { $0.id == word.lowercased() })
  }

  /// A town the hand-made places.yaml lists keeps its hand-made id, whatever spelling GeoNames has.
  @Test func handMadeEntryWins() throws {
    let extraction = try ExtractionFixture.extract("Shelling hit Tal Rifaat, Quneitra and Raqqa.")
    #expect(extraction.mentions.contains { $0.entityID == "raqqa" })
    #expect(!extraction.entities.contains { $0.id == "ar-raqqah" || $0.id == "al-qunaytirah" })
  }
}
