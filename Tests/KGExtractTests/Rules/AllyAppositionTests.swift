import KGModel
import Testing

@testable import KGExtract

/// `AllyApposition` at the edges of a sentence: an owner that opens the sentence has no token
/// before it (this read index -1 and trapped), and a relation noun that closes it has none after.
struct AllyAppositionTests {
  @Test func ownerAtTheStartOfTheSentenceDoesNotTrap() throws {
    let extraction = try ExtractionFixture.extract("Iran's proxy Hezbollah attacked Israel.")
    #expect(extraction.edge("iran", .support, "hezbollah") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("hezbollah", .attack, "israel") != nil, "\(extraction.edgeSummary)")
  }

  @Test func coordinatedOwnerAndProxiesDoNotTrap() throws {
    let extraction = try ExtractionFixture.extract("Iran and its proxies attacked the SDF.")
    #expect(extraction.edge("iran", .attack, "sdf") != nil, "\(extraction.edgeSummary)")
  }

  @Test(arguments: ["Israel's ally", "Russia and its allies", "Turkey's proxies", "The US, a backer"])
  func relationNounClosingTheSentenceGivesNothing(_ sentence: String) throws {
    let extraction = try ExtractionFixture.extract(sentence + ".")
    #expect(extraction.edges.isEmpty, "\(extraction.edgeSummary)")
  }
}
