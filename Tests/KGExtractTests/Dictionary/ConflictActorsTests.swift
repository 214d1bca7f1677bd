import KGModel
import Testing

@testable import KGExtract

/// Paragraphs about Yemen, Sudan and Ukraine (written for these tests) find their actors with
/// the built-in dictionaries alone: the converted Phoenix states and the hand-made actors of
/// these wars.
@Suite struct ConflictActorsTests {
  @Test func yemen() throws {
    let extraction = try ExtractionFixture.extract(
      "The Houthis fired missiles at Saudi Arabia on Sunday, the Saudi-led coalition said.",
      "Ansar Allah accused the United States of backing the coalition.",
      "Yemeni government forces captured the port of Mokha from the Houthi rebels.")
    for id in ["houthis", "saudi-arabia", "saudi-led-coalition", "united-states", "yemeni-government-forces"] {
      #expect(!extraction.mentions(of: id).isEmpty, "\(id) not found")
    }
    #expect(extraction.edge("houthis", .attack, "saudi-arabia") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("houthis", .accuse, "united-states") != nil, "\(extraction.edgeSummary)")
  }

  @Test func sudan() throws {
    let extraction = try ExtractionFixture.extract(
      "The Rapid Support Forces attacked the Sudanese Armed Forces in Omdurman on Monday.",
      "The RSF also detained dozens of civilians in Khartoum.",
      "Chad condemned the Rapid Support Forces.")
    for id in ["rapid-support-forces", "sudanese-armed-forces", "chad"] {
      #expect(!extraction.mentions(of: id).isEmpty, "\(id) not found")
    }
    // The capital is named as its state, as "Damascus" is Syria's (it is the city when hit or taken).
    #expect(extraction.mentions.contains { $0.surface == "Khartoum" && $0.entityID == "sudan" })
    #expect(
      extraction.edge("rapid-support-forces", .attack, "sudanese-armed-forces") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("chad", .condemn, "rapid-support-forces") != nil, "\(extraction.edgeSummary)")
  }

  @Test func ukraine() throws {
    let extraction = try ExtractionFixture.extract(
      "Russian forces shelled Kharkiv overnight, Ukraine's armed forces said.",
      "Ukrainian Armed Forces repelled an attack by Russian troops near Bakhmut.",
      "Poland condemned Russia and urged Belarus to close its border.")
    for id in ["russia", "armed-forces-of-ukraine", "poland", "belarus"] {
      #expect(!extraction.mentions(of: id).isEmpty, "\(id) not found")
    }
    #expect(extraction.edge("poland", .condemn, "russia") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("poland", .demand, "belarus") != nil, "\(extraction.edgeSummary)")
  }

  @Test func convertedCameoVerbs() throws {
    let extraction = try ExtractionFixture.extract(
      "Poland lambasted Belarus on Tuesday.", "Hamas fighters ambushed and slaughtered Israeli soldiers.")
    #expect(extraction.edge("poland", .condemn, "belarus") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("hamas", .kill, "israel") != nil, "\(extraction.edgeSummary)")
  }
}
