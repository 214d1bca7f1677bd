import KGModel
import KGTestSupport
import Testing

@testable import KGIngest

/// Body detection on the five sample articles (GUIDELINES.md, "What is annotated": only the
/// article body, not menus, share lines, disclaimers, teasers or comments).
///
/// The expected first and last words are copied from `../shared/eval/gold/*.json` ("body").
struct BodyDetectorTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var file: String
    var startsWith: String
    var endsWith: String
    /// Site text that must not be in the body.
    var excluded: [String]
    var testDescription: String { id }
  }

  static let seeds: [Case] = [
    Case(
      id: "Global Research: header of links, footer of copyright and disclaimer",
      file: "000_f8d8dbf8ac3546ee.txt",
      startsWith: "On November 22, ISIS advanced on positions",
      endsWith: "The video shows the underreported side of the ongoing conflict.",
      excluded: ["By [South Front](#)", "In-depth Report:", "The original source of this article", "Disclaimer:"]),
    Case(
      id: "byline and repeated headline before, 'Like this:' after",
      file: "001_0ca3ee530060a5fe.txt",
      startsWith: "The US has backed the Syrian Democratic Forces in their fight",
      endsWith: "\"without an invitation from the legitimate government\" is to defeat ISIS.",
      excluded: ["Published: Mon, February 12, 2018", "Global Media | By Garry Long", "Like this:"]),
    Case(
      id: "menu and image caption before, signature and teaser list after",
      file: "002_7730bb2ab92353fe.txt",
      startsWith: "A recent article by Mike Whitney in Counterpunch",
      endsWith: "get out and stay out. You are not wanted in Syria.",
      excluded: ["Menu Close", "image-ISIS Terrorists", "— Paul Mansfield", "Latest News:", "successfully subscribed"]),
    Case(
      id: "donation amounts before, reader comments after",
      file: "003_3c8b051f188f17f8.txt",
      startsWith: "The ISIS-linked news agency, Amaq, announced on March 29",
      endsWith: "not taking active steps to contain the growing ISIS threat.",
      excluded: ["2,500 $", "Illustrative image", "Support SouthFront", "Ed says:", "Hush, baby", "Leave a Reply"]),
    Case(
      id: "image caption before, long comment thread after",
      file: "004_7271c73b6f507ec7.txt",
      startsWith: "The Assad regime’s military and foreign allies are trying to push back",
      endsWith: "and camps for displaced people have been struck.",
      excluded: ["Claimed image of pro-Assad forces", "Leave a Comment", "legitimate leader of Syria"]),
  ]

  @Test(arguments: seeds)
  func bodyOfSampleArticle(_ c: Case) throws {
    let (document, _) = try ArticleReader().read(path: Seeds.path(c.file))
    let body = document.text[document.body]
    #expect(body.hasPrefix(c.startsWith), "body starts: \(body.prefix(80))")
    #expect(body.hasSuffix(c.endsWith), "body ends: \(body.suffix(80))")
    for boilerplate in c.excluded {
      #expect(!body.contains(boilerplate), "'\(boilerplate)' is site text, not body")
    }
    // The span indexes the file's own text in code points.
    let file = try Seeds.text(c.file)
    #expect(CodePoints.slice(file, document.body.start, document.body.end) == body)
    #expect(CodePoints.offset(of: c.startsWith, in: file) == document.body.start)
  }

  @Test func pageWithoutProseHasNoBody() {
    let text = ScalarText("Menu\nHome\nAbout us\nContact\n")
    #expect(BodyDetector().body(of: text) == nil)
  }

  @Test func teaserListAfterTheBodyIsCut() {
    let page = """
      Site Name

      Russian jets bombed a hospital in Idlib province on Monday, killing four people, the monitor said.

      The strike was the third on a medical facility in the province this month, according to rescuers.

      Turkey Sends Tanks
      Iran Holds Drills
      Israel Strikes Again
      """
    let text = ScalarText(page)
    let body = try! #require(BodyDetector().body(of: text))
    #expect(text[body].hasPrefix("Russian jets bombed a hospital"))
    #expect(text[body].hasSuffix("according to rescuers."))
  }

  struct FooterCase: CustomTestStringConvertible, Sendable {
    var id: String
    var footer: String
    var testDescription: String { id }
  }

  static let footers: [FooterCase] = [
    FooterCase(id: "related posts", footer: "Related Posts"),
    FooterCase(id: "leave a reply", footer: "Leave a Reply"),
    FooterCase(id: "comment header", footer: "3. Ed says:"),
    FooterCase(id: "signature line", footer: "— Jane Doe"),
    FooterCase(id: "share prompt", footer: "Share this:"),
  ]

  @Test(arguments: footers)
  func footerMarkerEndsTheBody(_ c: FooterCase) throws {
    let page = """
      Russian jets bombed a hospital in Idlib province on Monday, killing four people, the monitor said.

      \(c.footer)

      This comment line is long enough to read as prose, so only the footer marker can stop it here.
      """
    let text = ScalarText(page)
    let body = try #require(BodyDetector().body(of: text))
    #expect(
      text[body] == "Russian jets bombed a hospital in Idlib province on Monday, killing four people, the monitor said."
    )
  }
}
