import Testing

@testable import KGExtract

/// Spelling variants of transliterated names meet (`NameFolding`), and the dictionary finds a name
/// written another way (`FoldedAliasIndex`).
struct NameFoldingTests {
  @Test(arguments: [
    ("Hay'at Tahrir al-Sham", "Hayat Tahrir Al Sham"), ("Jaysh al-Islam", "Jaish el-Islam"), ("Idlib", "Idleb"),
    ("Jisr al-Shughur", "Jisr al-Shughour"), ("Ma'arrat al-Nu'man", "Maarat al-Numan"), ("Qamishli", "Qameshli"),
    ("Erdoğan", "Erdogan"), ("Deir ez-Zor", "Deir az-Zor"), ("Jabhat al-Sham", "Jabhat ash-Sham"),
    ("al-Suwayda", "as-Suwayda"),
  ])
  func variantsFoldAlike(_ a: String, _ b: String) {
    #expect(NameFolding.key(Tokenizer.tokenize(a).map(\.text)) == NameFolding.key(Tokenizer.tokenize(b).map(\.text)))
  }

  @Test(arguments: [("Iran", "Iraq"), ("Homs", "Hama"), ("Raqqa", "Iraq"), ("Aleppo", "Afrin")])
  func differentNamesStayApart(_ a: String, _ b: String) {
    #expect(NameFolding.key([a]) != NameFolding.key([b]))
  }

  @Test func theDictionaryFindsANameSpeltAnotherWay() throws {
    let extraction = try ExtractionFixture.extract("Hayat Tahrir al Sham fighters shelled Jisr al-Shughour.")
    #expect(extraction.mentions.map(\.entityID).prefix(2) == ["hts", "jisr-al-shughur"], "\(extraction.mentions)")
  }

  @Test func shortAcronymsAreNotFolded() throws {
    // "Is" folds like "IS" but a fold under four letters is never looked up.
    let extraction = try ExtractionFixture.extract("Is the ceasefire holding?")
    #expect(extraction.mentions.isEmpty)
  }
}
