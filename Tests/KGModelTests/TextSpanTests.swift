import KGTestSupport
import Testing

@testable import KGModel

/// Code point offsets: what `score.py` checks as `text[start:end] == quote`.
struct TextSpanTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var text: String
    var start: Int
    var end: Int
    var expected: String
    var testDescription: String { id }
  }

  static let slices: [Case] = [
    Case(id: "ASCII", text: "Russia bombed Idlib.", start: 7, end: 13, expected: "bombed"),
    // 🇸🇾 is two scalars (four UTF-16 units, eight UTF-8 bytes).
    Case(id: "flag emoji counts as two code points", text: "🇸🇾 Damascus fell.", start: 3, end: 11, expected: "Damascus"),
    Case(id: "emoji slice itself", text: "a🇸🇾b", start: 1, end: 3, expected: "🇸🇾"),
    // 💥 is one scalar outside the BMP (two UTF-16 units).
    Case(id: "astral-plane emoji is one code point", text: "💥Strike on Raqqa", start: 1, end: 7, expected: "Strike"),
    Case(id: "Arabic script", text: "قال المرصد السوري", start: 4, end: 10, expected: "المرصد"),
    Case(id: "Arabic then Latin", text: "داعش (ISIS) attacked", start: 6, end: 10, expected: "ISIS"),
    // "e" + U+0301 is one Character but two scalars.
    Case(
      id: "combining accent is its own code point", text: "cafe\u{301} Idlib", start: 0, end: 5, expected: "cafe\u{301}"
    ),
    Case(id: "after a combining accent", text: "cafe\u{301} Idlib", start: 6, end: 11, expected: "Idlib"),
    Case(id: "curly quotes", text: "“We will respond,” he said.", start: 1, end: 16, expected: "We will respond"),
    Case(id: "empty span", text: "Syria", start: 2, end: 2, expected: ""),
  ]

  @Test(arguments: slices)
  func scalarTextSlicesByCodePoint(_ c: Case) {
    let text = ScalarText(c.text)
    #expect(text[TextSpan(start: c.start, end: c.end)] == c.expected)
    // And an independent slicer agrees, so the expectation itself is in code points.
    #expect(CodePoints.slice(c.text, c.start, c.end) == c.expected)
  }

  @Test func countIsCodePointsNotCharactersOrUTF16() {
    let string = "🇸🇾 cafe\u{301} داعش"
    let text = ScalarText(string)
    #expect(text.count == 2 + 1 + 5 + 1 + 4)
    #expect(text.count != string.count)  // Characters
    #expect(text.count != string.utf16.count)
    #expect(text.string == string)
  }

  @Test func slicingClampsToTheText() {
    let text = ScalarText("Aleppo")
    #expect(text[TextSpan(start: 3, end: 100)] == "ppo")
    #expect(text[TextSpan(start: 50, end: 60)] == "")
  }

  @Test func spanGeometry() {
    let outer = TextSpan(start: 10, end: 20)
    #expect(outer.length == 10)
    #expect(!outer.isEmpty)
    #expect(TextSpan(start: 4, end: 4).isEmpty)
    #expect(outer.contains(TextSpan(start: 10, end: 20)))
    #expect(outer.contains(TextSpan(start: 12, end: 15)))
    #expect(!outer.contains(TextSpan(start: 9, end: 15)))
    #expect(!outer.contains(TextSpan(start: 15, end: 21)))
    #expect(outer.overlaps(TextSpan(start: 19, end: 25)))
    #expect(!outer.overlaps(TextSpan(start: 20, end: 25)))  // half-open: touching is not overlapping
    #expect(!outer.overlaps(TextSpan(start: 0, end: 10)))
    #expect(TextSpan(start: 1, end: 5) < TextSpan(start: 2, end: 3))
    #expect(TextSpan(start: 1, end: 3) < TextSpan(start: 1, end: 5))
  }

  @Test func documentTextOfSpan() {
    let document = ArticleBuilder.document("🇸🇾 Damascus fell.", "Aleppo held.")
    #expect(document.sentences.map { document.text(of: $0.span) } == ["🇸🇾 Damascus fell.", "Aleppo held."])
    #expect(document.sentences[1].span == TextSpan(start: 18, end: 30))
  }

  @Test func fingerprintIsStableAndContentSensitive() {
    #expect(fingerprint("") == "cbf29ce484222325")  // FNV-1a 64 offset basis
    #expect(fingerprint("a") == "af63dc4c8601ec8c")  // published FNV-1a 64 test vector
    #expect(fingerprint("Russia bombed Idlib.") != fingerprint("Russia bombed Idlib!"))
    #expect(fingerprint("x").count == 16)
  }
}
