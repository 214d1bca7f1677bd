import KGModel
import Testing

@testable import KGExtract

/// A capture told from the side of what was taken (`InvertedCapture`): "X fell to Y", "fell into
/// the hands of Y", "lost (control of) X to Y"; on invented sentences from several conflicts.
struct InvertedCaptureTests {
  typealias Case = RoleRuleTests.Case

  static let cases: [Case] = [
    Case(
      sentence: "Wad Madani fell to the RSF on Monday.", source: "rapid-support-forces", type: .capture,
      target: "wad-medani", rule: "InvertedCapture"),
    Case(
      sentence: "Mosul fell to ISIS in June 2014.", source: "isis", type: .capture, target: "mosul",
      rule: "InvertedCapture"),
    Case(
      sentence: "Palmyra fell into the hands of ISIS.", source: "isis", type: .capture, target: "palmyra",
      rule: "InvertedCapture"),
    Case(
      sentence: "Kabul fell to the Taliban in August.", source: "taliban", type: .capture, target: "kabul",
      rule: "InvertedCapture"),
    Case(
      sentence: "The Sudanese army lost control of Wad Madani to the RSF.", source: "rapid-support-forces",
      type: .capture, target: "wad-medani", rule: "InvertedCapture"),
    Case(
      sentence: "Russia lost Kherson to Ukraine in November.", source: "ukraine", type: .attack, target: "russia",
      rule: "InvertedCapture"),
  ]

  @Test(arguments: cases) func theTakerCaptures(_ c: Case) throws { try RoleRuleTests.check(c) }

  @Test(arguments: [
    "Kabul has not fallen to the Taliban.",
    "Oil prices fell to a record low in Moscow.",
    "The town fell to the rebels.",
  ])
  func nothingNamedTakenIsNoCapture(_ sentence: String) throws {
    try ExtractionFixture.expectNo(.capture, in: sentence)
  }
}
