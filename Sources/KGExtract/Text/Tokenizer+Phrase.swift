import KGModel

extension Tokenizer {
  /// `tokenize(_:)` for a dictionary phrase, reading the bytes of one made only of ASCII letters,
  /// digits and spaces ("Liwa al Sham", "Group12 Brigade 3": nearly every form of a user's
  /// dictionary) without making an array of its scalars; any other phrase goes through
  /// `tokenize(_:)`. The tokens are the ones `tokenize(_:)` gives (`TokenizerTests` compares them).
  static func tokenizePhrase(_ phrase: String) -> [Token] {
    var phrase = phrase
    let simple: [Token]? = phrase.withUTF8 { bytes -> [Token]? in
      for byte in bytes where byte != 0x20 && !ASCII.isAlphanumeric(UInt32(byte)) { return nil }
      var tokens: [Token] = []
      tokens.reserveCapacity(4)
      var i = 0
      while i < bytes.count {
        if bytes[i] == 0x20 {
          i += 1
          continue
        }
        var j = i
        while j < bytes.count && bytes[j] != 0x20 { j += 1 }
        tokens.append(simpleToken(bytes, i, j))
        i = j
      }
      return tokens
    }
    return simple ?? tokenize(phrase)
  }

  /// What `make` gives for the ASCII letters and digits `bytes[lo..<hi]` after white space (or at
  /// the start).
  private static func simpleToken(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Token {
    let (letters, upper, hash) = ASCII.scanWord(bytes, lo, hi)
    let first = UInt32(bytes[lo])
    let count = hi - lo
    if count == 1 {
      let v = Int(first)
      return Token(
        span: TextSpan(start: lo, end: hi), text: asciiStrings[v], lower: asciiStrings[upper == 0 ? v : v + 32],
        hash: hash, isWord: true, isCapitalized: upper == 1, isAllCaps: upper == 1, spaceBefore: true)
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
    let lower = upper == 0 ? text : ASCII.lowercased(bytes, lo, hi, upper: upper)
    return Token(
      span: TextSpan(start: lo, end: hi), text: text, lower: lower, hash: hash, isWord: true,
      isCapitalized: ASCII.isUpper(first), isAllCaps: letters > 0 && upper == letters, spaceBefore: true)
  }
}
