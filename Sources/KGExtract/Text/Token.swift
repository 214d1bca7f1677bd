import KGModel

/// A word or punctuation mark of a sentence, with its code point span.
struct Token: Sendable {
  var span: TextSpan
  var text: String
  /// Lowercased, with typographic apostrophes made plain.
  var lower: String
  var isWord: Bool
  var isCapitalized: Bool
  var isAllCaps: Bool
  /// White space stands between this token and the one before.
  var spaceBefore: Bool
}

/// Splits text into tokens.
///
/// Words keep internal apostrophes ("Hay'at") and the dots of acronyms ("U.S."); the possessive
/// "'s" and "n't" are tokens of their own, and so is every hyphen or dash, with `spaceBefore`
/// telling "US-backed" from "US - backed".
enum Tokenizer {
  static func tokenize(_ scalars: [Unicode.Scalar], in range: TextSpan) -> [Token] {
    var tokens: [Token] = []
    var i = range.start
    let end = range.end
    var sawSpace = true
    func isLetter(_ s: Unicode.Scalar) -> Bool {
      s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
    }
    func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "’" || s == "‘" }
    while i < end {
      let c = scalars[i]
      if c.properties.isWhitespace {
        sawSpace = true
        i += 1
        continue
      }
      var j = i + 1
      if isLetter(c) {
        while j < end {
          let d = scalars[j]
          if isLetter(d) {
            j += 1
          } else if isApostrophe(d), j + 1 < end, isLetter(scalars[j + 1]) {
            // "Russia's" → "Russia" + "'s"; "wouldn't" handled below; "Hay'at" stays whole.
            let rest = j + 1
            var k = rest
            while k < end, isLetter(scalars[k]) { k += 1 }
            let tail = String(String.UnicodeScalarView(scalars[rest..<k])).lowercased()
            if tail == "s" || tail == "ll" || tail == "re" || tail == "ve" || tail == "d" || tail == "t" { break }
            j = k
          } else if d == ".", j + 1 < end, scalars[j + 1].properties.isAlphabetic, isAcronymSoFar(scalars, i, j) {
            j += 1
          } else {
            break
          }
        }
        // Trailing dot of an acronym: "U.S." (but not a sentence-final dot after a plain word).
        if j < end, scalars[j] == ".", isAcronymSoFar(scalars, i, j), hasInnerDot(scalars, i, j) { j += 1 }
        // "wouldn't" → "would" + "n't"
        if j - i >= 2, j < end, isApostrophe(scalars[j]), j + 1 < end, scalars[j + 1] == "t", scalars[j - 1] == "n" {
          tokens.append(make(scalars, i, j - 1, sawSpace))
          tokens.append(make(scalars, j - 1, j + 2, false))
          i = j + 2
          sawSpace = false
          continue
        }
      } else if isApostrophe(c), j < end, isLetter(scalars[j]) {
        var k = j
        while k < end, isLetter(scalars[k]) { k += 1 }
        let tail = String(String.UnicodeScalarView(scalars[j..<k])).lowercased()
        if ["s", "ll", "re", "ve", "d", "t", "em"].contains(tail) { j = k }
      }
      tokens.append(make(scalars, i, j, sawSpace))
      sawSpace = false
      i = j
    }
    return tokens
  }

  static func isAcronymSoFar(_ s: [Unicode.Scalar], _ start: Int, _ dot: Int) -> Bool {
    // Every dot-separated piece so far is a single letter.
    var run = 0
    for k in start..<dot {
      if s[k] == "." {
        if run != 1 { return false }
        run = 0
      } else {
        run += 1
      }
    }
    return run == 1
  }

  static func hasInnerDot(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
    (start..<end).contains { s[$0] == "." }
  }

  static func make(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int, _ space: Bool) -> Token {
    let text = String(String.UnicodeScalarView(s[lo..<hi]))
    let lower = normalize(text)
    let first = s[lo]
    let letters = s[lo..<hi].filter { $0.properties.isAlphabetic }
    return Token(
      span: TextSpan(start: lo, end: hi), text: text, lower: lower,
      isWord: first.properties.isAlphabetic || first.properties.numericType != nil || first == "'" || first == "’",
      isCapitalized: first.properties.isUppercase,
      isAllCaps: !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase },
      spaceBefore: space)
  }

  static func normalize(_ text: String) -> String {
    var out = text.lowercased()
    if out.contains("’") || out.contains("‘") {
      out = String(out.map { $0 == "’" || $0 == "‘" ? "'" : $0 })
    }
    if out == "—" || out == "–" { return "-" }
    return out
  }

  /// Tokens of a dictionary phrase.
  static func tokenize(_ phrase: String) -> [Token] {
    let scalars = Array(phrase.unicodeScalars)
    return tokenize(scalars, in: TextSpan(start: 0, end: scalars.count))
  }
}
