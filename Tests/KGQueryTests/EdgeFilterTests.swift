import KGModel
import Testing

@testable import KGQuery

struct EdgeFilterTests {
  struct DateCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: ClosedRange<Int32>?
    var testDescription: String { "'\(text)'" }
  }

  static let dates: [DateCase] = [
    DateCase(text: "2018-11-24", expected: 20_181_124...20_181_124),
    DateCase(text: "2018-11", expected: 20_181_100...20_181_199),
    DateCase(text: "2018", expected: 20_180_000...20_189_999),
    DateCase(text: "2018-13-01", expected: nil),
    DateCase(text: "2018-11-32", expected: nil),
    DateCase(text: "18-11-24", expected: nil),
    DateCase(text: "November 2018", expected: nil),
    DateCase(text: "", expected: nil),
  ]

  @Test(arguments: dates)
  func isoDates(_ c: DateCase) {
    #expect(ISODate.range(of: c.text) == c.expected)
  }

  @Test func invalidDateNamesWhatWasTyped() {
    #expect(throws: QueryError.invalidDate(text: "2018/11/24")) { try EdgeFilter(since: "2018/11/24") }
    #expect(throws: QueryError.emptyDateWindow(since: "2019", until: "2018")) {
      try EdgeFilter(since: "2019", until: "2018")
    }
    #expect(QueryError.invalidDate(text: "2018/11/24").description.contains("'2018/11/24'"))
  }

  @Test func defaultFilterAdmitsEverything() throws {
    let index = TestGraph.make("a attack b alleged @d4; b detain c hypothetical")
    #expect(EdgeFilter.all.admitsAll)
    #expect((0..<index.edges.count).allSatisfy { EdgeFilter.all.admits(edge: $0, in: index) })
    #expect(try EdgeFilter(types: [], modalities: []).admitsAll, "empty sets mean no restriction")
  }
}
