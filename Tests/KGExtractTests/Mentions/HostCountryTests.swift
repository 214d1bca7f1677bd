import KGModel
import Testing

@testable import KGExtract

/// "Government forces", "regime forces" and "the army" with no army named before stand for the
/// army of the country where the article's events happen (`host_country` in patterns.yaml).
struct HostCountryTests {
  @Test func namelessForcesAreTheHostCountrysArmy() throws {
    let extraction = try ExtractionFixture.extract(
      "Fighting in Sudan intensified on Monday, residents said.",
      "The army shelled RSF positions in Omdurman on Monday morning.",
      "Government forces recaptured the town of Wad Madani from the RSF, the army said.")
    #expect(
      extraction.edge("sudanese-armed-forces", .attack, "rapid-support-forces") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("sudanese-armed-forces", .capture, "wad-medani") != nil, "\(extraction.edgeSummary)")
    #expect(!extraction.edges.contains { $0.source == "syrian-arab-army" }, "\(extraction.edgeSummary)")
  }

  @Test func aCapitalNamedAsThePlaceOfEventsCounts() throws {
    let extraction = try ExtractionFixture.extract(
      "The coalition carried out air strikes on Houthi targets in Sanaa.",
      "Government forces recaptured the district of Harib from the Houthis.")
    #expect(extraction.edge("yemeni-government-forces", .capture, "harib") != nil, "\(extraction.edgeSummary)")
  }

  /// The Syrian war's reading stands until another state is named as the place of events more often.
  @Test func theDefaultReadingStandsWithoutEvidence() throws {
    let plain = try ExtractionFixture.extract("Government forces shelled Kafr Nubl.")
    #expect(plain.edge("syrian-arab-army", .attack, "kafranbel") != nil, "\(plain.edgeSummary)")
    let syria = try ExtractionFixture.extract(
      "Israel struck targets in Syria overnight, a monitor said.",
      "Fighting also raged in Iraq, officials said.",
      "Regime forces shelled Kafr Nubl, in Syria, on Monday.")
    #expect(syria.edge("syrian-arab-army", .attack, "kafranbel") != nil, "\(syria.edgeSummary)")
  }

  /// The same document always gives the same host: a tie goes to no redirect, not to a coin toss.
  @Test func aTieWithTheDefaultKeepsTheDefault() throws {
    let extraction = try ExtractionFixture.extract(
      "Clashes were reported in Syria and in Sudan on Monday.", "Government forces shelled Kafr Nubl.")
    #expect(extraction.edge("syrian-arab-army", .attack, "kafranbel") != nil, "\(extraction.edgeSummary)")
  }
}
