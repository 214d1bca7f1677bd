import Foundation

/// Folds the spelling variants of transliterated names so that they meet: "Hay'at"/"Hayat",
/// "Jaysh"/"Jaish", "Idleb"/"Idlib", "Shughour"/"Shughur", "el-Nusra"/"al-Nusra",
/// "Ma'arrat"/"Maarat". Case, accents, apostrophes and hyphens are dropped, the article forms
/// ("el", "al", "ul") become "al", doubled letters become one, and the vowels that
/// transliterations swap are merged (e and i; o and u; y is i).
///
/// Folding is for matching only: a mention keeps the article's spelling. It runs over every alias
/// of the dictionaries when they load, so ASCII is folded byte by byte without building strings
/// on the way.
enum NameFolding {
  /// What follows the vowel of the article in its folded spellings ("l", and the sun letters).
  static let articleConsonants: Set<[UInt8]> = Set(
    ["l", "z", "s", "sh", "d", "dh", "r", "t", "th", "n"].map { Array($0.utf8) })

  /// The article's spellings before a hyphen ("al-", "el-", "Al-", "ul-"), lowercased.
  static let articleForms: Set<String> = [
    "al", "el", "ul", "il", "an", "ar", "as", "ash", "at", "ad", "az", "ed", "es", "ez", "et",
  ]

  /// One token's folded form; empty for a hyphen or an apostrophe alone.
  static func fold(_ word: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(word.utf8.count)
    append(word, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// The folded key of a phrase: its tokens' folded forms joined by spaces, hyphens left out.
  static func key<S: Sequence>(_ words: S) -> String where S.Element == String {
    var out: [UInt8] = []
    appendKey(words, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the folded key of a phrase (see `key(_:)`) to `out`, which a caller folding many
  /// phrases empties and reuses rather than growing a new array for each.
  static func appendKey<S: Sequence>(_ words: S, to out: inout [UInt8]) where S.Element == String {
    for word in words {
      let mark = out.count
      if mark > 0 { out.append(UInt8(ascii: " ")) }
      let start = out.count
      append(word, to: &out)
      if out.count == start { out.removeSubrange(mark..<out.count) }
    }
  }

  /// Appends the folded bytes of `word` to `out`.
  static func append(_ word: String, to out: inout [UInt8]) {
    let start = out.count
    if appendASCII(word, to: &out) {
      foldArticle(&out, from: start)
      return
    }
    for byte in word.utf8 {
      if byte < 0x80 {
        add(byte, to: &out, from: start)
      } else {
        // Not ASCII: fold the word's scalars through their canonical decomposition ("é" → "e").
        out.removeSubrange(start..<out.count)
        for scalar in word.unicodeScalars {
          if scalar.isASCII {
            add(UInt8(scalar.value), to: &out, from: start)
          } else {
            for s in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where s.isASCII {
              add(UInt8(s.value), to: &out, from: start)
            }
          }
        }
        break
      }
    }
    foldArticle(&out, from: start)
  }

  /// `append` for an all-ASCII word (nearly every one), read from its bytes in place. False, with
  /// `out` unchanged, for any other word.
  static func appendASCII(_ word: String, to out: inout [UInt8]) -> Bool {
    let start = out.count
    let folded: Bool? = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      for byte in bytes where byte >= 0x80 { return false }
      var last: UInt8 = 0  // no folded byte is 0
      for raw in bytes {
        var b = raw
        if b >= 65 && b <= 90 { b += 32 }
        guard (b >= 97 && b <= 122) || (b >= 48 && b <= 57) else { continue }
        switch b {
        case UInt8(ascii: "e"), UInt8(ascii: "y"): b = UInt8(ascii: "i")
        case UInt8(ascii: "o"): b = UInt8(ascii: "u")
        default: break
        }
        if b == last { continue }
        out.append(b)
        last = b
      }
      return true
    }
    if folded == true { return true }
    if out.count > start { out.removeSubrange(start..<out.count) }
    return false
  }

  /// The article: "al", "el" (folded "il"), "ul", and its sun-letter forms ("az-Zour",
  /// "ez-Zor", "ash-Sham", "ad-Dawla", "ar-Raqqa", "as-Suwayda", "at-Tanf", "an-Nusra"),
  /// folded to "al" in the word that starts at `start`.
  static func foldArticle(_ out: inout [UInt8], from start: Int) {
    let length = out.count - start
    if length == 2 || length == 3, [UInt8(ascii: "a"), UInt8(ascii: "i"), UInt8(ascii: "u")].contains(out[start]) {
      let rest = Array(out[(start + 1)...])
      if Self.articleConsonants.contains(rest) {
        out.removeSubrange(start..<out.count)
        out.append(contentsOf: [UInt8(ascii: "a"), UInt8(ascii: "l")])
      }
    }
  }

  @inline(__always) static func add(_ raw: UInt8, to out: inout [UInt8], from start: Int) {
    var b = raw
    if b >= 65 && b <= 90 { b += 32 }
    guard (b >= 97 && b <= 122) || (b >= 48 && b <= 57) else { return }
    switch b {
    case UInt8(ascii: "e"), UInt8(ascii: "y"): b = UInt8(ascii: "i")
    case UInt8(ascii: "o"): b = UInt8(ascii: "u")
    default: break
    }
    if out.count > start, out[out.count - 1] == b { return }
    out.append(b)
  }
}
