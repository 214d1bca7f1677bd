import Foundation

/// Folds the spelling variants of transliterated names so that they meet: "Hay'at"/"Hayat",
/// "Jaysh"/"Jaish", "Idleb"/"Idlib", "Shughour"/"Shughur", "el-Nusra"/"al-Nusra",
/// "Ma'arrat"/"Maarat". Case, accents, apostrophes and hyphens are dropped, the article forms
/// ("el", "al", "ul") become "al", doubled letters become one, and the vowels that
/// transliterations swap are merged (e and i; o and u; y is i).
///
/// Folding is for matching only: a mention keeps the article's spelling.
enum NameFolding {
  static let articles: Set<String> = ["al", "el", "ul", "il"]

  /// One token's folded form; empty for a hyphen or an apostrophe alone.
  static func fold(_ word: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(word.utf8.count)
    for scalar in word.unicodeScalars {
      var letters: [UInt8] = []
      if scalar.isASCII {
        letters = [UInt8(scalar.value)]
      } else {
        // "é" → "e", "ğ" → "g", "ş" → "s": the base letter of a decomposed character.
        for s in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where s.isASCII {
          letters.append(UInt8(s.value))
        }
      }
      for var b in letters {
        if b >= 65 && b <= 90 { b += 32 }
        guard (b >= 97 && b <= 122) || (b >= 48 && b <= 57) else { continue }
        switch b {
        case UInt8(ascii: "e"), UInt8(ascii: "y"): b = UInt8(ascii: "i")
        case UInt8(ascii: "o"): b = UInt8(ascii: "u")
        default: break
        }
        if out.last == b { continue }
        out.append(b)
      }
    }
    let folded = String(decoding: out, as: UTF8.self)
    return articles.contains(word.lowercased()) ? "al" : folded
  }

  /// The folded key of a phrase: its tokens' folded forms joined by spaces, hyphens left out.
  static func key<S: Sequence>(_ words: S) -> String where S.Element == String {
    words.lazy.map(fold).filter { !$0.isEmpty }.joined(separator: " ")
  }
}
