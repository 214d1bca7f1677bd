import Testing

@testable import KGExtract

/// The construction lists are kept in arrays by ordinal: every list needs its own slot.
struct ConstructionWordsTests {
  @Test func everyListHasItsOwnSlot() {
    let ordinals = ConstructionWords.List.allCases.map(\.ordinal)
    #expect(Set(ordinals).count == ordinals.count, "\(ordinals)")
    #expect(ordinals.allSatisfy { $0 >= 0 && $0 < ConstructionWords.List.allCases.count })
  }

  @Test func aWordIsFoundInItsListOnly() {
    var words = ConstructionWords()
    words.insert(["vow"], into: .vowingVerbs)
    words.insert(["loyal", "to"], into: .owningPhrases)
    #expect(words.contains("vow", in: .vowingVerbs))
    #expect(!words.contains("vow", in: .intentVerbs))
    #expect(!words.contains("loyal", in: .owningPhrases))
  }
}
