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

/// The byte path for ASCII -ed and -ing forms gives what the general path gives.
@Suite struct VerbStemBytesTests {
  static let words = [
    "attacked", "stopped", "planned", "carried", "firing", "shelled", "targeted", "seized", "dated", "hoped",
    "hopped", "rallied", "controlled", "killing", "bombing", "agreed", "freed", "died", "lying", "blorfed",
    "zapped", "sniping", "fizzing", "vowed", "mixed", "bowed", "passed", "called", "ed", "red", "sing", "ring",
    "stabbing", "occurred", "referred", "quizzed", "skied", "eyed", "Shelled", "UPDATED",
  ]

  @Test(arguments: words) func sameStemAsTheGeneralPath(_ word: String) throws {
    let lemmatizer = Lemmatizer(resources: try LanguageResources.load())
    for suffix in ["ed", "ing"] {
      let bytes = word.utf8.withContiguousStorageIfAvailable { lemmatizer.asciiVerbStem($0, suffix: suffix) }
      let ascii = try #require(bytes ?? nil)
      #expect(ascii == lemmatizer.generalVerbStem(word, suffix: suffix), "\(word) -\(suffix)")
    }
  }

  @Test func nonASCIIWordsTakeTheGeneralPath() throws {
    let lemmatizer = Lemmatizer(resources: try LanguageResources.load())
    let bytes = "bombardéed".utf8.withContiguousStorageIfAvailable { lemmatizer.asciiVerbStem($0, suffix: "ed") }
    #expect(bytes.map { $0 == nil } == true)
  }
}

/// Closed word classes probed by bytes.
@Suite struct WordClassTests {
  @Test func holdsItsWordsOnly() {
    let days: WordClass = ["monday", "tuesday", "week", "monday"]
    #expect(days.words == ["monday", "tuesday", "week"])
    #expect(days.contains("monday") && days.contains("week"))
    #expect(!days.contains("Monday") && !days.contains("weeks") && !days.contains("") && !days.contains("mon"))
    let more = days.union(["année", "week"])
    #expect(more.contains("année") && more.words.count == 4 && !days.contains("année"))
  }

  @Test func answersAsASetOfItsWords() {
    for words in [WordClasses.timeNouns, WordClasses.reporting, WordClasses.passiveCatenative] {
      let set = Set(words.words)
      for probe in words.words + ["said", "days", "x", "counterparts", "schedule"] {
        #expect(words.contains(probe) == set.contains(probe), "\(probe)")
      }
    }
  }
}
