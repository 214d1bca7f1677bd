import Testing

@testable import KGExtract

/// The word tables rules and mention finding probe by token hash: every key is found, by its
/// string and by a token's precomputed hash, and words not added are not, whether the table is
/// small (a rule's word list, where the hash filter answers most misses) or large.
struct WordTableTests {
  static let sizes = [1, 5, 40, 2_000]

  @Test(arguments: sizes)
  func keysAreFoundAndOthersAreNot(_ size: Int) {
    var map = WordMap<Int>()
    for k in 0..<size { map["w\(k)"] = k }
    #expect(map.count == size)
    for k in 0..<size {
      #expect(map["w\(k)"] == k)
      let token = Tokenizer.tokenize("w\(k)")[0]
      #expect(map[token] == k)
    }
    for k in size..<(size + 5_000) { #expect(map["w\(k)"] == nil) }
    #expect(map["x0"] == nil)
  }

  /// A literal table: every key found, a later duplicate's value kept, an optional value that is
  /// nil told from a missing key.
  @Test func aLiteralTableKeepsTheLastValueOfAKey() {
    let asking: WordMap<String?> = ["call": "for", "request": nil, "ask": "for", "call": "on"]
    #expect(asking["call"] == .some("on"))
    #expect(asking["request"] == .some(nil))
    #expect(asking["ask"] == .some("for"))
    #expect(asking["attack"] == nil)
  }

  @Test func emptyTableHasNoKeys() {
    let map = WordMap<Int>()
    #expect(map.isEmpty)
    #expect(map["the"] == nil)
    #expect(WordSet().contains(Tokenizer.tokenize("the")[0]) == false)
  }

  @Test func setIsProbedByTokenLowercase() {
    let set: WordSet = ["the", "u.s.", "'s"]
    let tokens = Tokenizer.tokenize("The U.S. army's jets")
    #expect(tokens.map { set.contains($0) } == [true, true, false, true, false])
    #expect(!set.contains("jets"))
  }

  @Test func updatingAKeyKeepsOneEntry() {
    var map = WordMap<Int>()
    map["a"] = 1
    map["a"] = 2
    #expect(map.count == 1)
    #expect(map["a"] == 2)
    #expect(map.values == [2])
  }

  @Test func containsTellsKeysByToken() {
    var map = WordMap<[Int]>()
    map["isis"] = [1]
    let tokens = Tokenizer.tokenize("ISIS and al-Qaeda")
    #expect(map.contains(tokens[0]))
    #expect(!map.contains(tokens[1]))
  }

  @Test func phraseIndexMayStartOnlyWithFirstWords() {
    var index = PhraseIndex<Int>()
    index.add(["the", "army"], 1)
    index.add(["isis"], 2)
    let tokens = Tokenizer.tokenize("the army and ISIS")
    #expect(tokens.map { index.mayStart(with: $0) } == [true, false, false, true])
    #expect(index.candidates(in: tokens, at: 0).longer == [1])
    #expect(index.candidates(in: tokens, at: 3).oneWord == [2])
    #expect(index.candidates(in: tokens, at: 2).longer.isEmpty && index.candidates(in: tokens, at: 2).oneWord.isEmpty)
  }
}
