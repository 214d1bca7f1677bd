/// One token of a sentence, as the caller's tokenizer produced it.
///
/// The parser expects KGExtract's tokenization: words keep internal apostrophes ("Hay'at") and
/// acronym dots ("U.S."); "'s" and "n't" are tokens of their own; every hyphen is its own token,
/// with `spaceBefore` false when it joins two words ("US-backed" is "US", "-", "backed").
public struct WordInput: Sendable, Hashable {
  /// The token as written.
  public var text: String
  /// `text` lowercased, with typographic apostrophes made plain ("’s" → "'s").
  public var lower: String
  /// White space stands between this token and the one before.
  public var spaceBefore: Bool

  public init(text: String, lower: String, spaceBefore: Bool) {
    self.text = text
    self.lower = lower
    self.spaceBefore = spaceBefore
  }

  /// Whether `lower` is `word`, its length compared first: most words are told from a given word
  /// without calling the string comparison (an unequal `==` always calls it). The same as
  /// `lower == word` for any word with no canonical equivalent of another length (every word but
  /// ";", "`" and "K"): compare those with `==`.
  @inline(__always) public func `is`(_ word: String) -> Bool {
    lower.utf8.count == word.utf8.count && lower == word
  }

  /// A token whose `lower` is derived from `text`.
  public init(_ text: String, spaceBefore: Bool = true) {
    self.init(text: text, lower: String(text.lowercased().map { $0 == "’" ? "'" : $0 }), spaceBefore: spaceBefore)
  }
}

extension WordInput {
  /// Splits `text` the way KGExtract's tokenizer does, closely enough for examples, tests and
  /// benchmarks: words keep internal apostrophes and acronym dots, "'s" and "n't" split off,
  /// every other mark (hyphens included) is a token of its own.
  ///
  /// ```swift
  /// WordInput.words(of: "US-backed forces didn't retreat.").map(\.text)
  /// // ["US", "-", "backed", "forces", "did", "n't", "retreat", "."]
  /// ```
  public static func words(of text: String) -> [WordInput] {
    let scalars = Array(text.unicodeScalars)
    var words: [WordInput] = []
    var i = 0
    var space = true
    func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil }
    func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "’" }
    func emit(_ lo: Int, _ hi: Int) {
      words.append(WordInput(String(String.UnicodeScalarView(scalars[lo..<hi])), spaceBefore: space))
      space = false
    }
    while i < scalars.count {
      let c = scalars[i]
      if c.properties.isWhitespace {
        space = true
        i += 1
        continue
      }
      var j = i + 1
      if isLetter(c) {
        while j < scalars.count {
          let d = scalars[j]
          if isLetter(d) {
            j += 1
          } else if isApostrophe(d), j + 1 < scalars.count, isLetter(scalars[j + 1]) {
            var k = j + 1
            while k < scalars.count, isLetter(scalars[k]) { k += 1 }
            let tail = String(String.UnicodeScalarView(scalars[(j + 1)..<k])).lowercased()
            if ["s", "ll", "re", "ve", "d", "t"].contains(tail) { break }
            j = k
          } else if d == ".", j + 1 < scalars.count, isLetter(scalars[j + 1]), j + 2 <= scalars.count,
            j - i == 1 || scalars[j - 2] == "."
          {
            j += 1
          } else {
            break
          }
        }
        // The closing dot of an acronym ("U.S.").
        if j < scalars.count, scalars[j] == ".", j - i >= 3, scalars[j - 2] == "." { j += 1 }
        if j - i >= 2, j + 1 < scalars.count, isApostrophe(scalars[j]), scalars[j + 1] == "t", scalars[j - 1] == "n" {
          emit(i, j - 1)
          emit(j - 1, j + 2)
          i = j + 2
          continue
        }
      } else if isApostrophe(c), j < scalars.count, isLetter(scalars[j]) {
        var k = j
        while k < scalars.count, isLetter(scalars[k]) { k += 1 }
        let tail = String(String.UnicodeScalarView(scalars[j..<k])).lowercased()
        if ["s", "ll", "re", "ve", "d", "t", "em"].contains(tail) { j = k }
      }
      emit(i, j)
      i = j
    }
    return words
  }
}
