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
}
