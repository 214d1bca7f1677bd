import KGModel
import KGTestSupport
import Testing

@testable import KGIngest

/// Sentence splitting with exact code point offsets.
struct SentenceSplitterTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var text: String
    var expected: [String]
    var testDescription: String { id }
  }

  static let phenomena: [Case] = [
    Case(
      id: "a line broken mid-sentence joins the next line in lower case",
      text: "The group is involved in crimes, including weapons\n\ntrafficking. Police arrested two men.",
      expected: ["The group is involved in crimes, including weapons\n\ntrafficking.", "Police arrested two men."]),
    Case(
      id: "plain full stops",
      text: "Russia bombed Idlib. Turkey shelled Afrin. Iran sent advisers.",
      expected: ["Russia bombed Idlib.", "Turkey shelled Afrin.", "Iran sent advisers."]),
    Case(
      id: "dotted acronym U.S. inside a sentence",
      text: "The U.S. Army said the U.S. Navy fired missiles. Russia objected.",
      expected: ["The U.S. Army said the U.S. Navy fired missiles.", "Russia objected."]),
    Case(
      id: "U.S. at the end of a sentence before a sentence opener",
      text: "The strike was ordered by the U.S. The Pentagon confirmed it.",
      expected: ["The strike was ordered by the U.S.", "The Pentagon confirmed it."]),
    Case(
      id: "military ranks Lt. Gen.",
      text: "Russian Lt. Gen. Valery Asapov was killed near Deir Ezzor. Moscow blamed Washington.",
      expected: ["Russian Lt. Gen. Valery Asapov was killed near Deir Ezzor.", "Moscow blamed Washington."]),
    Case(
      id: "abbreviated month Sept.",
      text: "On Sept. 29 the regime renewed attacks on Idlib. Rebels withdrew.",
      expected: ["On Sept. 29 the regime renewed attacks on Idlib.", "Rebels withdrew."]),
    Case(
      id: "personal initial",
      text: "President George W. Bush ordered the invasion. Iraq fell.",
      expected: ["President George W. Bush ordered the invasion.", "Iraq fell."]),
    Case(
      id: "question and exclamation marks",
      text: "Who fired first? Nobody knows! The inquiry continues.",
      expected: ["Who fired first?", "Nobody knows!", "The inquiry continues."]),
    Case(
      id: "closing quote stays with its sentence",
      text: "“We will respond,” he said. “The attack was a crime.” The ministry agreed.",
      expected: ["“We will respond,” he said.", "“The attack was a crime.”", "The ministry agreed."]),
    Case(
      id: "straight quotes",
      text: "\"Fire will be suppressed by all means.\" Konashenkov stressed the point.",
      expected: ["\"Fire will be suppressed by all means.\"", "Konashenkov stressed the point."]),
    Case(
      id: "decimal number is not a full stop",
      text: "Harem lies 20 km (12.5 miles) from Idlib. Twelve people died there.",
      expected: ["Harem lies 20 km (12.5 miles) from Idlib.", "Twelve people died there."]),
    Case(
      id: "lower-case word after a full stop does not start a sentence",
      text: "The base at al-Tanf. is near the border.",
      expected: ["The base at al-Tanf. is near the border."]),
    Case(
      id: "headline without a full stop is its own sentence",
      text: "Russia Bombs Idlib Hospital\nRussian jets bombed a hospital in Idlib on Monday.",
      expected: ["Russia Bombs Idlib Hospital", "Russian jets bombed a hospital in Idlib on Monday."]),
    Case(
      id: "bullets are not part of the sentence",
      text: "Recent events include:\n• Russia bombed Idlib\n• Turkey shelled Afrin.\n- Iran sent advisers",
      expected: ["Recent events include:", "Russia bombed Idlib", "Turkey shelled Afrin.", "Iran sent advisers"]),
    Case(
      id: "non-ASCII letters and emoji",
      text: "🇸🇾 Damascus fell. Éric visited Ḥamāh. Çavuşoğlu criticised the cafe\u{301} strike.",
      expected: ["🇸🇾 Damascus fell.", "Éric visited Ḥamāh.", "Çavuşoğlu criticised the cafe\u{301} strike."]),
    Case(
      id: "Arabic text followed by a Latin sentence",
      text: "قال المرصد إن الغارات قتلت عشرة. Russia denied it.",
      expected: ["قال المرصد إن الغارات قتلت عشرة.", "Russia denied it."]),
    Case(
      id: "ellipsis",
      text: "Then the shelling began… The town emptied.",
      expected: ["Then the shelling began…", "The town emptied."]),
  ]

  /// Splits `text` as a whole body.
  static func split(_ text: String) -> (ScalarText, [Sentence]) {
    let scalars = ScalarText(text)
    return (scalars, SentenceSplitter().sentences(in: scalars, body: TextSpan(start: 0, end: scalars.count)))
  }

  @Test(arguments: phenomena)
  func splits(_ c: Case) {
    let (text, sentences) = Self.split(c.text)
    #expect(sentences.map { text[$0.span] } == c.expected)
    // Offsets are code points of the original string, found independently.
    var from = 0
    for (sentence, expected) in zip(sentences, c.expected) {
      let start = CodePoints.offset(of: expected, in: c.text, from: from)
      #expect(sentence.span.start == start, "start of '\(expected)'")
      #expect(sentence.span.end == (start ?? -1) + CodePoints.count(expected), "end of '\(expected)'")
      from = sentence.span.end
    }
    #expect(sentences.map(\.index) == Array(0..<sentences.count))
  }

  @Test func exactOffsetsAfterEmojiAndCombiningAccent() {
    // 🇸🇾 is 2 code points (4 UTF-16 units); "e\u{301}" is 2 code points (1 Character).
    let (_, sentences) = Self.split("🇸🇾 Damascus fell. The cafe\u{301} was shelled. Nobody died.")
    #expect(
      sentences.map(\.span) == [
        TextSpan(start: 0, end: 17),
        TextSpan(start: 18, end: 40),
        TextSpan(start: 41, end: 53),
      ])
  }

  @Test func headlineFlag() {
    let (_, sentences) = Self.split("Russia Bombs Idlib Hospital\nRussian jets bombed a hospital in Idlib on Monday.")
    #expect(sentences.map(\.isHeadline) == [true, false])
  }

  @Test func sentencesStayInsideTheBody() {
    let string = "Header line here\nRussia bombed Idlib. Turkey shelled Afrin.\nFooter line here"
    let text = ScalarText(string)
    let start = CodePoints.offset(of: "Russia", in: string)!
    let end = CodePoints.offset(of: "Afrin.", in: string)! + 6
    let sentences = SentenceSplitter().sentences(in: text, body: TextSpan(start: start, end: end))
    #expect(sentences.map { text[$0.span] } == ["Russia bombed Idlib.", "Turkey shelled Afrin."])
  }

  /// For every sentence of every sample: the span is the substring it claims, in code points of
  /// the file as Python reads it, inside the body, trimmed, and in order without overlap.
  @Test(arguments: Seeds.names)
  func sampleSentenceInvariants(_ name: String) throws {
    let (document, _) = try ArticleReader().read(path: Seeds.path(name))
    let file = try Seeds.text(name)
    #expect(document.text.count == CodePoints.count(file))
    #expect(document.sentences.count >= 5)
    var previousEnd = document.body.start
    for (i, sentence) in document.sentences.enumerated() {
      let quote = document.text[sentence.span]
      #expect(sentence.index == i)
      #expect(CodePoints.slice(file, sentence.span.start, sentence.span.end) == quote, "sentence \(i)")
      #expect(!quote.isEmpty, "sentence \(i) is empty")
      #expect(document.body.contains(sentence.span), "sentence \(i) outside the body")
      #expect(sentence.span.start >= previousEnd, "sentence \(i) overlaps the one before")
      #expect(quote.first?.isWhitespace == false && quote.last?.isWhitespace == false, "sentence \(i) is not trimmed")
      // A sentence spans a line break only where the line broke off mid-sentence ("including weapons\n\ntrafficking.").
      if let lastBreak = quote.lastIndex(of: "\n") {
        let next = quote[quote.index(after: lastBreak)...].first { !$0.isWhitespace }
        #expect(next?.isLowercase == true, "sentence \(i) spans a line break before a new sentence")
      }
      previousEnd = sentence.span.end
    }
  }

  struct SampleCase: CustomTestStringConvertible, Sendable {
    var id: String
    var file: String
    var sentence: String
    var isHeadline = false
    var testDescription: String { id }
  }

  /// Whole sentences of the samples, as the gold evidence quotes them.
  static let sampleSentences: [SampleCase] = [
    SampleCase(
      id: "first body sentence with parenthesised acronym", file: "000_f8d8dbf8ac3546ee.txt",
      sentence:
        "On November 22, ISIS advanced on positions of the US-backed Syrian Democratic Forces (SDF) around the al-Tanak oil field in the province of Deir Ezzor."
    ),
    SampleCase(
      id: "split inside a quotation that spans two sentences (first)", file: "000_f8d8dbf8ac3546ee.txt",
      sentence:
        "\"Under the excuse of fighting against the ISIS and in order to contain Iran, a big US military base was set up there - in a strategically important area adjacent to the borders of Syria, Iraq and Jordan, which is close to the highway connecting Baghdad and Damascus."
    ),
    SampleCase(
      id: "split inside a quotation that spans two sentences (second)", file: "000_f8d8dbf8ac3546ee.txt",
      sentence:
        "And there, according to numerous witness accounts, militant training is underway,\" she stated during a press briefing."
    ),
    SampleCase(
      id: "U.S. before a noun does not end the sentence", file: "001_0ca3ee530060a5fe.txt",
      sentence: "No U.S. troops were killed or wounded in the incident, officials said."),
    SampleCase(
      id: "U.S. mid-sentence after several sentences on one line", file: "001_0ca3ee530060a5fe.txt",
      sentence:
        "He said USA forces would remain for an indefinite period and described U.S. interests as not only defeating Islamic State, but countering an increasing Iranian presence."
    ),
    SampleCase(
      id: "date '17 September' and commas inside", file: "002_7730bb2ab92353fe.txt",
      sentence:
        "Inevitably, the two forces were bound to meet and on 17 September, in perhaps a preemptive psychological strike, the US accused Russian jets of attacking HSD positions near Deir Ezzor."
    ),
    SampleCase(
      id: "curly apostrophes", file: "003_3c8b051f188f17f8.txt",
      sentence:
        "The ISIS-linked news agency, Amaq, announced on March 29 that the terrorist group’s cells had killed six fighters of the US-backed Syrian Democratic Forces (SDF) and injured three others in two separate attacks in the Middle Euphrates River Valley."
    ),
    SampleCase(
      id: "decimal inside parentheses", file: "004_7271c73b6f507ec7.txt",
      sentence: "Twelve other people died in Harem, 20 km (12.5 miles) northwest of Idlib city."),
    SampleCase(
      id: "teaser headline inside the body, 'Sept 29' without a full stop", file: "004_7271c73b6f507ec7.txt",
      sentence: "See Syria Daily, Sept 29: Regime Faces Attacks from ISIS, Rebels", isHeadline: true),
  ]

  @Test(arguments: sampleSentences)
  func sampleSentence(_ c: SampleCase) throws {
    let (document, _) = try ArticleReader().read(path: Seeds.path(c.file))
    let found = document.sentences.first { document.text[$0.span] == c.sentence }
    #expect(found != nil, "not a sentence of \(c.file)")
    #expect(found?.isHeadline == c.isHeadline)
    let file = try Seeds.text(c.file)
    #expect(found?.span.start == CodePoints.offset(of: c.sentence, in: file))
  }
}
