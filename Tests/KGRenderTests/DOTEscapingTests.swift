import Foundation
import Testing

@testable import KGRender

@Suite struct DOTEscapingTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var input: String
    var quoted: String
    var tooltip: String
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "plain ASCII", input: "ISIS", quoted: #""ISIS""#, tooltip: #""ISIS""#),
    Case(id: "double quotes", input: #"the "Front""#, quoted: #""the \"Front\"""#, tooltip: #""the \"Front\"""#),
    Case(id: "backslash", input: #"C:\N"#, quoted: #""C:\\N""#, tooltip: #""C:\\\\N""#),
    Case(
      id: "ampersand becomes an entity", input: "AT&T &nbsp;", quoted: #""AT&amp;T &amp;nbsp;""#,
      tooltip: #""AT&amp;T &amp;nbsp;""#),
    Case(id: "angle brackets pass in a quoted string", input: "<b>", quoted: #""<b>""#, tooltip: #""<b>""#),
    Case(id: "newline becomes \\n", input: "a\nb", quoted: #""a\nb""#, tooltip: #""a\nb""#),
    Case(
      id: "tab and CR become spaces, controls dropped", input: "a\tb\rc\u{7}\u{85}d", quoted: #""a b cd""#,
      tooltip: #""a b cd""#),
    Case(
      id: "Arabic and accents pass through", input: "جبهة النصرة — Élite", quoted: "\"جبهة النصرة — Élite\"",
      tooltip: "\"جبهة النصرة — Élite\""),
  ]

  @Test(arguments: cases) func escapes(_ c: Case) {
    #expect(DOTEscaping.quoted(c.input) == c.quoted)
    #expect(DOTEscaping.tooltip(c.input) == c.tooltip)
  }

  @Test func htmlLabelText() {
    #expect(DOTEscaping.html("a<b> & \"c\"\u{1}") == "a&lt;b&gt; &amp; &quot;c&quot;")
  }

  @Test func bareIdentifiers() {
    #expect(DOTEscaping.id("solid") == "solid")
    #expect(DOTEscaping.id("rounded,dashed") == "\"rounded,dashed\"")
    #expect(DOTEscaping.id("1abc") == "\"1abc\"")
    #expect(DOTEscaping.id("") == "\"\"")
  }

  @Test(arguments: cases) func everyCaseSurvivesGraphviz(_ c: Case) {
    let dot = "digraph g {\n  n [label=\(DOTEscaping.quoted(c.input)), tooltip=\(DOTEscaping.tooltip(c.input))];\n}\n"
    for svg in assertParses(dot) {
      let shown = c.input.unicodeScalars.filter {
        $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) || $0 == "\n" || $0 == "\t" || $0 == "\r"
      }
      let expected = String(String.UnicodeScalarView(shown)).replacingOccurrences(of: "\t", with: " ")
        .replacingOccurrences(of: "\r", with: " ")
      #expect(svg.tooltips.contains(expected), "tooltip of \(c.id): \(svg.tooltips)")
      if !c.input.contains("\n") { #expect(svg.texts.contains(expected), "label of \(c.id): \(svg.texts)") }
    }
  }
}
