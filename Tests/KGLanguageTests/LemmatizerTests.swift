import Testing

@testable import KGLanguage

@Suite struct LemmatizerTests {
  @Test(arguments: [
    ("attacked", PennTag.VBD, "attack"), ("attacking", .VBG, "attack"), ("attacks", .VBZ, "attack"),
    ("struck", .VBD, "strike"), ("seized", .VBN, "seize"), ("fled", .VBD, "flee"), ("stopped", .VBD, "stop"),
    ("firing", .VBG, "fire"), ("shelled", .VBD, "shell"), ("killing", .VBG, "kill"), ("carried", .VBD, "carry"),
    ("been", .VBN, "be"), ("was", .VBD, "be"), ("militias", .NNS, "militia"), ("casualties", .NNS, "casualty"),
    ("forces", .NNS, "force"), ("crosses", .NNS, "cross"), ("targeted", .VBN, "target"), ("wo", .MD, "will"),
  ])
  func lemma(_ word: String, _ tag: PennTag, _ expected: String) {
    #expect(parser.lemma(word, tag: tag) == expected)
  }

  @Test func sentenceLemmasFollowTags() {
    let s = parse("Rebels seized the bases.")
    #expect(s.lemmas == ["rebel", "seize", "the", "base", "."])
  }
}
