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

  /// Each word's fold, ASCII (folded in place) and not (through its scalars): case, vowels,
  /// doubled letters, apostrophes and the article.
  @Test(arguments: [
    ("Jaysh", "jaish"), ("Ma'arrat", "marat"), ("Deir", "dir"), ("az", "al"), ("ASH", "al"), ("el", "al"),
    ("ul", "al"), ("als", "als"), ("Öcalan", "ucalan"), ("Erdoğan", "irdugan"), ("-", ""), ("'", ""),
    ("B52", "b52"), ("Idleb", "idlib"), ("Al", "al"), ("Aššad", "asad"),
  ])
  func aWordFoldsTo(_ word: String, _ folded: String) {
    #expect(NameFolding.fold(word) == folded)
  }

  /// A phrase's key with a reused buffer is the key made afresh.
  @Test func aKeyAppendedToABufferIsTheKey() {
    var buffer: [UInt8] = Array("left over".utf8)
    let words = ["Hay'at", "Tahrir", "-", "al", "Sham"]
    buffer.removeAll(keepingCapacity: true)
    NameFolding.appendKey(words, to: &buffer)
    #expect(String(decoding: buffer, as: UTF8.self) == NameFolding.key(words))
    #expect(NameFolding.key(words) == "haiat tahrir al sham")
  }
}
