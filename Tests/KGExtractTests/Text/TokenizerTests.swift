import KGModel
import Testing

@testable import KGExtract

struct TokenizerTests {
  @Test func aHashtagGivesItsWordsWithTheirOffsets() {
    let text = "Ankara launched #OperationClawLock today."
    let tokens = Tokenizer.tokenize(text)
    #expect(tokens.map(\.text) == ["Ankara", "launched", "Operation", "Claw", "Lock", "today", "."])
    let scalars = Array(text.unicodeScalars)
    let claw = tokens[3]
    #expect(String(String.UnicodeScalarView(scalars[claw.span.start..<claw.span.end])) == "Claw")
  }

  @Test func aHashtagOfOneWordStaysOneWord() {
    #expect(Tokenizer.tokenize("#Idlib is shelled").map(\.text) == ["Idlib", "is", "shelled"])
  }

  @Test func aHashOutsideAHashtagStaysPunctuation() {
    #expect(Tokenizer.tokenize("room # 4").map(\.text) == ["room", "#", "4"])
  }

  /// Clitics split off in any case; other letters after an apostrophe stay in the word.
  @Test func cliticsSplitOffInAnyCase() {
    #expect(
      Tokenizer.tokenize("Russia's RUSSIA'S they'd We'LL you're Hay'at Ma'arrat").map(\.text) == [
        "Russia", "'s", "RUSSIA", "'S", "they", "'d", "We", "'LL", "you", "'re", "Hay'at", "Ma'arrat",
      ])
    #expect(
      Tokenizer.tokenize("let 'em go, 'Em, 'emir").map(\.text) == ["let", "'em", "go", ",", "'Em", ",", "'", "emir"])
    #expect(Tokenizer.tokenize("Assad’s men").map(\.lower) == ["assad", "'s", "men"])
  }

  /// Dictionary phrases of ASCII letters, digits and spaces are read from their bytes
  /// (`tokenizePhrase`); every phrase gets the tokens `tokenize` gives, field by field.
  @Test(arguments: [
    "Liwa Bench 40", "Group12 Bench 3", "BB7 Front", "  two  spaces ", "A", "a b", "I", "ISIS", "US", "IS 5",
    "Hay'at Tahrir al-Sham", "U.S. forces", "Türkiye", "wouldn't", "#Idlib", "al Sham", "x1Y", "123", "", " ",
    "Jaish al Islam", "UN Security Council", "YPG", "Ma'arrat al-Nu'man", "Deir ez-Zor", "Sudanese Armed Forces",
  ])
  func aDictionaryPhraseTokenizesAsText(_ phrase: String) {
    let fast = Tokenizer.tokenizePhrase(phrase)
    let general = Tokenizer.tokenize(phrase)
    #expect(fast.count == general.count)
    for (a, b) in zip(fast, general) {
      #expect(a.text == b.text && a.lower == b.lower && a.hash == b.hash && a.span == b.span, "\(phrase)")
      #expect(a.isWord == b.isWord && a.isCapitalized == b.isCapitalized && a.isAllCaps == b.isAllCaps, "\(phrase)")
      #expect(a.spaceBefore == b.spaceBefore, "\(phrase)")
    }
  }
}
