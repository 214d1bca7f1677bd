import KGModel

/// A word or punctuation mark of a sentence, with its code point span.
struct Token: Sendable {
  var span: TextSpan
  var text: String
  /// Lowercased, with typographic apostrophes made plain.
  var lower: String
  /// `WordHash` of `lower`, computed once so word tables are probed without rehashing.
  var hash: UInt64
  var isWord: Bool
  var isCapitalized: Bool
  var isAllCaps: Bool
  /// White space stands between this token and the one before.
  var spaceBefore: Bool

  /// Whether the lowercased form is `word`, its length compared first: most tokens are told from
  /// a given word without calling the string comparison (an unequal `==` always calls it). The
  /// same as `lower == word` for any word with no canonical equivalent of another length (every
  /// word but ";", "`" and "K", whose equivalents are the Greek question mark, the Greek varia
  /// and the Kelvin sign): compare those with `==`.
  @inline(__always) func `is`(_ word: String) -> Bool { lower.utf8.count == word.utf8.count && lower == word }

  /// Whether the token opens with a number ("1st", "2018"): `lower.first?.isNumber`, which tests
  /// the first scalar's numeric type, answered for ASCII without making a Character.
  var startsWithNumber: Bool {
    guard let first = lower.utf8.first else { return false }
    if first < 0x80 { return first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") }
    return lower.unicodeScalars.first!.properties.numericType != nil
  }
}

/// Splits text into tokens.
///
/// Words keep internal apostrophes ("Hay'at") and the dots of acronyms ("U.S."); the possessive
/// "'s" and "n't" are tokens of their own, and so is every hyphen or dash, with `spaceBefore`
/// telling "US-backed" from "US - backed".
enum Tokenizer {
  static func tokenize(_ scalars: [Unicode.Scalar], in range: TextSpan) -> [Token] {
    // Read in place: the scalars of a document, indexed without a bounds check per character
    // (the range is checked once here).
    precondition(range.start >= 0 && range.start <= range.end && range.end <= scalars.count, "span out of text")
    return scalars.withUnsafeBufferPointer { tokenize(in: $0, range) }
  }

  private static func tokenize(in scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: TextSpan) -> [Token] {
    var tokens: [Token] = []
    // About one token per five code points in prose, more in a sentence of acronyms and figures;
    // reserving spares the array's regrowth.
    tokens.reserveCapacity(range.length / 3 + 4)
    var i = range.start
    let end = range.end
    var sawSpace = true
    @inline(__always) func isLetter(_ s: Unicode.Scalar) -> Bool {
      if s.value < 128 { return ASCII.isAlphanumeric(s.value) }
      return s.properties.isAlphabetic || s.properties.numericType != nil
        || s.properties.generalCategory == .nonspacingMark
    }
    @inline(__always) func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "’" || s == "‘" }
    while i < end {
      let c = scalars[i]
      if c.value < 128 ? ASCII.isSpace(c.value) : c.properties.isWhitespace {
        sawSpace = true
        i += 1
        continue
      }
      // A hashtag's "#" is markup, not a word of the sentence: "launched #OperationPeaceSpring".
      if c == "#", i + 1 < end, isLetter(scalars[i + 1]) {
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
            if isClitic(scalars, rest, k, em: false) { break }
            j = k
          } else if d == ".", j + 1 < end, isLetter(scalars[j + 1]), isAcronymSoFar(scalars, i, j) {
            j += 1
          } else {
            break
          }
        }
        // Trailing dot of an acronym: "U.S." (but not a sentence-final dot after a plain word).
        if j < end, scalars[j] == ".", isAcronymSoFar(scalars, i, j), hasInnerDot(scalars, i, j) { j += 1 }
        // "#OperationPeaceSpring" → "Operation" "Peace" "Spring": a hashtag's words, as written.
        if i > range.start, scalars[i - 1] == "#" {
          var pieceStart = i
          for k in (i + 1)..<j
          where scalars[k].value < 128 && ASCII.isUpper(scalars[k].value)
            && scalars[k - 1].value < 128 && ASCII.isLower(scalars[k - 1].value)
          {
            tokens.append(make(scalars, pieceStart, k, pieceStart == i ? sawSpace : true))
            pieceStart = k
          }
          if pieceStart > i {
            tokens.append(make(scalars, pieceStart, j, true))
            sawSpace = false
            i = j
            continue
          }
        }
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
        if isClitic(scalars, j, k, em: true) { j = k }
      }
      tokens.append(make(scalars, i, j, sawSpace))
      sawSpace = false
      i = j
    }
    return tokens
  }

  /// Whether `s[lo..<hi]`, the letters after an apostrophe, is a clitic in any case: "s", "ll",
  /// "re", "ve", "d", "t", and "em" when `em`. (Read as ASCII: no other letter lowercases to
  /// one of these.)
  static func isClitic(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ lo: Int, _ hi: Int, em: Bool) -> Bool {
    @inline(__always) func lower(_ k: Int) -> UInt32 {
      let v = s[lo + k].value
      return ASCII.isUpper(v) ? v + 32 : v
    }
    switch hi - lo {
    case 1: return lower(0) == 0x73 || lower(0) == 0x64 || lower(0) == 0x74  // s d t
    case 2:
      let pair = (lower(0), lower(1))
      return pair == (0x6C, 0x6C) || pair == (0x72, 0x65) || pair == (0x76, 0x65)  // ll re ve
        || (em && pair == (0x65, 0x6D))  // em
    default: return false
    }
  }

  static func isAcronymSoFar(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ dot: Int) -> Bool {
    // Acronyms are short ("U.S.", "U.N.", "e.g."): a long dotted run ("a.a.a.…") is not one, and
    // bounding the look-back keeps tokenizing linear.
    if dot - start > 12 { return false }
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

  static func hasInnerDot(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Bool {
    (start..<end).contains { s[$0] == "." }
  }

  /// The token of `s[lo..<hi]`.
  ///
  /// All-ASCII tokens (nearly all of them in English news) are built from their bytes in one pass
  /// that also lowercases and hashes them; a lowercase token shares its text's storage.
  static func make(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ lo: Int, _ hi: Int, _ space: Bool) -> Token {
    var ascii = true
    var letters = 0
    var upper = 0
    var hash = WordHash.offset
    for k in lo..<hi {
      let v = s[k].value
      guard v < 128 else {
        ascii = false
        break
      }
      if ASCII.isUpper(v) {
        upper += 1
        letters += 1
        hash = WordHash.combine(hash, UInt8(v + 32))
      } else {
        if ASCII.isLower(v) { letters += 1 }
        hash = WordHash.combine(hash, UInt8(v))
      }
    }
    let first = s[lo]
    if !ascii {
      if hi - lo <= 3 {
        for mark in typographic where mark.scalars.count == hi - lo && mark.scalars.elementsEqual(s[lo..<hi]) {
          var token = mark.token
          token.span = TextSpan(start: lo, end: hi)
          token.spaceBefore = space
          return token
        }
      }
      return makeGeneral(s, lo, hi, space)
    }
    let count = hi - lo
    // One ASCII character (punctuation, "a", "I"): about one token in six, its strings made once.
    if count == 1 {
      let v = Int(first.value)
      return Token(
        span: TextSpan(start: lo, end: hi), text: asciiStrings[v], lower: asciiStrings[upper == 0 ? v : v + 32],
        hash: hash, isWord: ASCII.isAlphanumeric(first.value) || first == "'", isCapitalized: upper == 1,
        isAllCaps: upper == 1, spaceBefore: space)
    }
    let text = String(unsafeUninitializedCapacity: count) { buffer in
      for k in 0..<count { buffer[k] = UInt8(truncatingIfNeeded: s[lo + k].value) }
      return count
    }
    let lower =
      upper == 0
      ? text
      : String(unsafeUninitializedCapacity: count) { buffer in
        for k in 0..<count {
          let v = s[lo + k].value
          buffer[k] = UInt8(truncatingIfNeeded: ASCII.isUpper(v) ? v + 32 : v)
        }
        return count
      }
    return Token(
      span: TextSpan(start: lo, end: hi), text: text, lower: lower, hash: hash,
      isWord: ASCII.isAlphanumeric(first.value) || first == "'",
      isCapitalized: ASCII.isUpper(first.value),
      isAllCaps: letters > 0 && upper == letters,
      spaceBefore: space)
  }

  /// The one-scalar string of each ASCII value, for `make`.
  static let asciiStrings: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

  /// The general path of `make`: Unicode case mapping and typographic apostrophes.
  static func makeGeneral(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ lo: Int, _ hi: Int, _ space: Bool) -> Token {
    let first = s[lo]
    let string = String(String.UnicodeScalarView(s[lo..<hi]))
    let lower = normalize(string)
    let letterScalars = s[lo..<hi].filter { $0.properties.isAlphabetic }
    return Token(
      span: TextSpan(start: lo, end: hi), text: string, lower: lower, hash: WordHash.of(lower),
      isWord: first.properties.isAlphabetic || first.properties.numericType != nil || first == "'" || first == "’",
      isCapitalized: first.properties.isUppercase,
      isAllCaps: !letterScalars.isEmpty && letterScalars.allSatisfy { $0.properties.isUppercase },
      spaceBefore: space)
  }

  /// The non-ASCII tokens news text is full of (curly quotes, dashes, "’s"), made once by
  /// `makeGeneral`: `make` copies them, setting only the span and the space before.
  static let typographic: [(scalars: [Unicode.Scalar], token: Token)] = [
    "“", "”", "‘", "’", "—", "–", "…", "«", "»", "’s", "‘s", "n’t", "’re", "’ve", "’ll", "’d",
  ].map { (mark: String) in
    let scalars = Array(mark.unicodeScalars)
    return (scalars, scalars.withUnsafeBufferPointer { makeGeneral($0, 0, scalars.count, false) })
  }

  static func normalize(_ text: String) -> String {
    var out = text.lowercased()
    if out.unicodeScalars.contains(where: { $0 == "’" || $0 == "‘" }) {
      out = String(String.UnicodeScalarView(out.unicodeScalars.map { $0 == "’" || $0 == "‘" ? "'" : $0 }))
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

/// Byte-class tests for ASCII scalars, the fast path of tokenizing.
enum ASCII {
  @inline(__always) static func isUpper(_ v: UInt32) -> Bool { v >= 65 && v <= 90 }
  @inline(__always) static func isLower(_ v: UInt32) -> Bool { v >= 97 && v <= 122 }
  @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 48 && v <= 57 }
  @inline(__always) static func isAlphanumeric(_ v: UInt32) -> Bool { isUpper(v) || isLower(v) || isDigit(v) }
  @inline(__always) static func isSpace(_ v: UInt32) -> Bool { v == 32 || (v >= 9 && v <= 13) }

  /// The letters, the capitals and the `WordHash` of the lowercased word of the ASCII bytes
  /// `bytes[lo..<hi]`.
  @inline(__always)
  static func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (
    letters: Int, upper: Int, hash: UInt64
  ) {
    var letters = 0
    var upper = 0
    var hash = WordHash.offset
    for k in lo..<hi {
      let v = UInt32(bytes[k])
      if isUpper(v) {
        upper += 1
        letters += 1
        hash = WordHash.combine(hash, UInt8(v + 32))
      } else {
        if isLower(v) { letters += 1 }
        hash = WordHash.combine(hash, UInt8(v))
      }
    }
    return (letters, upper, hash)
  }

  /// The ASCII bytes `bytes[lo..<hi]` lowercased; `upper` is their number of capitals (the text
  /// as it is when there are none).
  static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, upper: Int) -> String {
    let word = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
    guard upper > 0 else { return String(decoding: word, as: UTF8.self) }
    return String(unsafeUninitializedCapacity: word.count) { buffer in
      for k in 0..<word.count { buffer[k] = isUpper(UInt32(word[k])) ? word[k] + 32 : word[k] }
      return word.count
    }
  }
}
