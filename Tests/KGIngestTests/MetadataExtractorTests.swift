import KGModel
import KGTestSupport
import Testing

@testable import KGIngest

/// Title, date and outlet, where the sample pages give them.
struct MetadataExtractorTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var file: String
    var title: String
    /// ISO date; nil when the page states no date, which must then not be invented.
    var date: String?
    var dateText: String?
    /// The outlet when the page names it; nil means the page is not checked for one.
    var outlet: String?
    /// Why the outlet check is a known failure of the current extractor, if it is.
    var outletKnownIssue: String? = nil
    var testDescription: String { id }
  }

  static let seeds: [Case] = [
    Case(
      id: "title, 'Month D, YYYY' date, original source in the footer", file: "000_f8d8dbf8ac3546ee.txt",
      title: "Video, Syria War: US-backed Forces Clashing with ISIS in Deir Ezzor Province",
      date: "2018-11-24", dateText: "November 24, 2018", outlet: "South Front"),
    Case(
      id: "'Published: Mon, …' date and 'Outlet | By Author' byline", file: "001_0ca3ee530060a5fe.txt",
      title: "Syria conflict: USA in rare counter-strike after Deir al-Zour attack",
      date: "2018-02-12", dateText: "February 12, 2018", outlet: "Global Media"),
    Case(
      id: "title after a menu line, no date on the page", file: "002_7730bb2ab92353fe.txt",
      title: "ISIS, US, HSD and Al-Qaeda: the Anti-Syrian Coalition", date: nil, dateText: nil, outlet: nil),
    Case(
      id: "title after donation amounts, 'MAY 2021' month date, 'Support Outlet'", file: "003_3c8b051f188f17f8.txt",
      title: "‘Defeated ISIS’ Carries Out New Deadly Attacks Against US-Backed Forces",
      date: "2021-05", dateText: "MAY 2021", outlet: "SouthFront"),
    Case(
      id: "title on the first line, no year anywhere near the top", file: "004_7271c73b6f507ec7.txt",
      title: "Syria Daily: Regime and Allies Try to Push Back ISIS Counter-Attack in East", date: nil, dateText: nil,
      outlet: nil),
  ]

  @Test(arguments: seeds)
  func metadataOfSampleArticle(_ c: Case) throws {
    let (document, _) = try ArticleReader().read(path: Seeds.path(c.file))
    #expect(document.metadata.title == c.title)
    #expect(document.metadata.date == c.date)
    #expect(document.metadata.dateText == c.dateText)
    guard let outlet = c.outlet else { return }
    if let issue = c.outletKnownIssue {
      withKnownIssue(Comment(rawValue: issue)) { #expect(document.metadata.outlet == outlet) }
    } else {
      #expect(document.metadata.outlet == outlet)
    }
  }

  struct DateCase: CustomTestStringConvertible, Sendable {
    var id: String
    var line: String
    var written: String?
    var iso: String?
    var testDescription: String { id }
  }

  static let dates: [DateCase] = [
    DateCase(
      id: "Month D, YYYY", line: "Global Research, November 24, 2018", written: "November 24, 2018", iso: "2018-11-24"),
    DateCase(id: "D Month YYYY", line: "South Front 23 November 2018", written: "23 November 2018", iso: "2018-11-23"),
    DateCase(id: "abbreviated month", line: "Posted Sept 3, 2017 by staff", written: "Sept 3, 2017", iso: "2017-09-03"),
    DateCase(id: "month and year only", line: "MAY 2021", written: "MAY 2021", iso: "2021-05"),
    DateCase(id: "ISO date", line: "Updated 2019-03-29T10:00", written: "2019-03-29T10:00", iso: "2019-03-29"),
    DateCase(
      id: "a month name without a year is no date", line: "See Syria Daily, Sept 29: Regime Faces Attacks",
      written: nil, iso: nil),
    DateCase(id: "'may' the verb is no date", line: "what may await us in Syria", written: nil, iso: nil),
  ]

  @Test(arguments: dates)
  func dateFinder(_ c: DateCase) {
    let found = DateFinder.firstDate(in: c.line)
    #expect(found?.0 == c.written)
    #expect(found?.1 == c.iso)
  }
}
