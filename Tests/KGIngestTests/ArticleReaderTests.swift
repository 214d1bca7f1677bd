import KGModel
import KGTestSupport
import Testing

@testable import KGIngest

/// Reading a page into a `Document`: text, body, sentences and fingerprint together.
struct ArticleReaderTests {
  static let page = """
    Menu Home About

    Turkish Jets Strike Afrin Again

    Turkish jets bombed YPG positions near Afrin on Sunday, the Syrian Observatory said in a statement.
    The Kurdish-led SDF condemned the strikes and urged the U.S. to intervene before more civilians die.

    Related Posts
    Russia Sends Envoy to Ankara
    """

  @Test func parseFindsBodyAndSentences() throws {
    let document = try ArticleReader().parse(text: Self.page, path: "mem/page.txt")
    #expect(document.path == "mem/page.txt")
    #expect(document.text.string == Self.page)
    #expect(document.contentHash == fingerprint(Self.page))
    #expect(document.text[document.body].hasPrefix("Turkish jets bombed YPG positions"))
    #expect(document.text[document.body].hasSuffix("before more civilians die."))
    #expect(
      document.sentences.map { document.text[$0.span] } == [
        "Turkish jets bombed YPG positions near Afrin on Sunday, the Syrian Observatory said in a statement.",
        "The Kurdish-led SDF condemned the strikes and urged the U.S. to intervene before more civilians die.",
      ])
    #expect(document.metadata.title == "Turkish Jets Strike Afrin Again")
  }

  @Test func whiteSpaceOnlyTextIsEmpty() {
    #expect(throws: IngestError.empty(path: "mem/blank.txt")) {
      try ArticleReader().parse(text: " \n\t\n ", path: "mem/blank.txt")
    }
  }

  @Test func textWithoutProseIsAllBody() throws {
    let document = try ArticleReader().parse(text: "  Idlib under fire  \n", path: "mem/short.txt")
    #expect(document.text[document.body] == "Idlib under fire")
    #expect(document.sentences.map { document.text[$0.span] } == ["Idlib under fire"])
    #expect(document.sentences.first?.isHeadline == true)
  }

  @Test func sameTextSameFingerprintDifferentTextDifferent() throws {
    let a = try ArticleReader().parse(text: Self.page, path: "a.txt")
    let b = try ArticleReader().parse(text: Self.page, path: "b.txt")
    let c = try ArticleReader().parse(text: Self.page + "\nOne more line.", path: "a.txt")
    #expect(a.contentHash == b.contentHash)
    #expect(a.contentHash != c.contentHash)
  }
}
