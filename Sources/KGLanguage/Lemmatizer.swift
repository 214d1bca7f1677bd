import KGModel

/// Base forms of verbs and nouns: an irregular-verb table, then suffix rules checked against the
/// lexicon ("attacked" → "attack", "seized" → "seize", "stopped" → "stop", "firing" → "fire",
/// "struck" → "strike", "militias" → "militia").
///
/// Other words' lemma is their lowercase form. Results of at most 15 UTF-8 bytes are small strings
/// and cost no allocation.
struct Lemmatizer: Sendable {
  let resources: LanguageResources

  func lemma(_ lower: String, _ tag: Tag) -> String {
    switch tag {
    case .VB:
      return lower
    case .VBP:
      return lower.utf8.count <= 3 ? Lemmatizer.auxiliaryForms[lower] ?? lower : lower
    case .VBD, .VBN, .VBG, .VBZ:
      // (No auxiliary form is longer than four bytes: longer words are not hashed for them.)
      if let base = resources.irregular[lower] ?? (lower.utf8.count <= 4 ? Lemmatizer.auxiliaryForms[lower] : nil) {
        return base
      }
      switch tag {
      case .VBZ: return Lemmatizer.singular(lower, verb: true)
      case .VBD, .VBN: return verbStem(lower, suffix: "ed") ?? lower
      case .VBG: return verbStem(lower, suffix: "ing") ?? lower
      default: return lower
      }
    case .NNS, .NNPS:
      if let irregular = Lemmatizer.irregularPlurals[lower] { return irregular }
      return Lemmatizer.singular(lower, verb: false)
    case .MD:
      return lower == "wo" ? "will" : lower == "ca" ? "can" : lower
    default:
      return lower
    }
  }

  static let auxiliaryForms: [String: String] = [
    "is": "be", "are": "be", "am": "be", "'s": "be", "'re": "be", "'m": "be", "has": "have", "'ve": "have",
    "does": "do", "'d": "have",
  ]

  static let irregularPlurals: [String: String] = [
    "men": "man", "women": "woman", "children": "child", "people": "people", "casualties": "casualty",
    "feet": "foot", "police": "police", "forces": "force", "sources": "source", "analyses": "analysis",
    "crises": "crisis", "bases": "base",
  ]

  static func singular(_ w: String, verb: Bool) -> String {
    // Byte suffixes: `String.hasSuffix` compares characters, which costs more than the lemma; the
    // bytes are read from contiguous storage (the UTF-8 view's own `suffix` walks indices).
    var word = w
    return word.withUTF8 { u in
      let n = u.count
      guard n > 3, u[n - 1] == UInt8(ascii: "s") else { return w }
      @inline(__always) func ends(_ suffix: StaticString) -> Bool {
        let k = suffix.utf8CodeUnitCount
        guard n >= k else { return false }
        return suffix.withUTF8Buffer { s in
          for j in 0..<k where u[n - k + j] != s[j] { return false }
          return true
        }
      }
      @inline(__always) func dropping(_ k: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: u[..<(n - k)]), as: UTF8.self)
      }
      if n > 4, ends("ies") { return dropping(3) + "y" }
      if ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zzes") { return dropping(2) }
      if verb, ends("oes") { return dropping(2) }
      if ends("ss") || ends("us") || (!verb && ends("is")) { return w }
      return dropping(1)
    }
  }

  /// The base of a regular -ed or -ing form: the candidate the lexicon knows as a verb, else as a
  /// noun, preferring "+e" after consonant-vowel-consonant ("firing" → "fire", not "fir").
  private func verbStem(_ w: String, suffix: String) -> String? {
    // ASCII words (nearly all) are read from their bytes, making one string, the answer.
    if let ascii = w.withUTF8Bytes({ asciiVerbStem($0, suffix: suffix) }) { return ascii }
    return generalVerbStem(w, suffix: suffix)
  }

  /// `verbStem` of an ASCII word's bytes `w` (`.some(nil)` when it has no such stem); nil when
  /// `w` is not ASCII.
  func asciiVerbStem(_ w: UnsafeBufferPointer<UInt8>, suffix: String) -> String?? {
    guard !w.contains(where: { $0 >= 0x80 }) else { return nil }
    let ed = suffix == "ed"
    let k = ed ? 2 : 3
    let n = w.count
    guard n > k + 1,
      ed
        ? w[n - 2] == UInt8(ascii: "e") && w[n - 1] == UInt8(ascii: "d")
        : w[n - 3] == UInt8(ascii: "i") && w[n - 2] == UInt8(ascii: "n") && w[n - 1] == UInt8(ascii: "g")
    else { return .some(nil) }
    let m = n - k
    let last = w[m - 1]
    let cvc =
      m >= 3 && !Lemmatizer.isVowel(last) && Lemmatizer.isVowel(w[m - 2]) && !Lemmatizer.isVowel(w[m - 3])
      && last != UInt8(ascii: "w") && last != UInt8(ascii: "x")
    let doubled = m >= 2 && last == w[m - 2]
    // The candidates in order, as (bytes of the stem kept, byte added or 0).
    // At most four, kept on the stack (a lemma is asked for every past form and participle).
    var candidates = CandidateStems()
    if doubled, !Lemmatizer.isVowel(last), last != UInt8(ascii: "l"), last != UInt8(ascii: "s") {
      candidates.append((m - 1, 0))  // "stopped" → "stop"
    }
    if cvc { candidates.append((m, UInt8(ascii: "e"))) }
    candidates.append((m, 0))
    if !cvc { candidates.append((m, UInt8(ascii: "e"))) }
    if ed, last == UInt8(ascii: "i") { candidates.append((m - 1, UInt8(ascii: "y"))) }  // "carried"
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: m + 1) { buffer -> String? in
      func spelt(_ c: (keep: Int, add: UInt8)) -> UnsafeBufferPointer<UInt8> {
        for j in 0..<c.keep { buffer[j] = w[j] }
        if c.add != 0 { buffer[c.keep] = c.add }
        return UnsafeBufferPointer(rebasing: buffer[..<(c.keep + (c.add != 0 ? 1 : 0))])
      }
      for c in candidates {
        if let tag = resources.lexiconTag(spelt(c)), tag == .VB || tag == .VBP {
          return String(decoding: spelt(c), as: UTF8.self)
        }
      }
      for c in candidates {
        if let tag = resources.lexiconTag(spelt(c)), tag.isNoun || tag.isAdjective {
          return String(decoding: spelt(c), as: UTF8.self)
        }
      }
      // Unknown to the lexicon: undo doubling, else keep the bare stem.
      let fallback: (keep: Int, add: UInt8) =
        candidates[0] == (m, UInt8(ascii: "e")) && cvc ? (m, UInt8(ascii: "e")) : (doubled ? (m - 1, 0) : (m, 0))
      return String(decoding: spelt(fallback), as: UTF8.self)
    }
  }

  func generalVerbStem(_ w: String, suffix: String) -> String? {
    guard w.hasSuffix(suffix), w.utf8.count > suffix.utf8.count + 1 else { return nil }
    let stem = String(w.dropLast(suffix.utf8.count))
    let s = Array(stem.utf8)
    var candidates: [String] = []
    let cvc =
      s.count >= 3 && !Lemmatizer.isVowel(s[s.count - 1]) && Lemmatizer.isVowel(s[s.count - 2])
      && !Lemmatizer.isVowel(s[s.count - 3]) && s.last != UInt8(ascii: "w") && s.last != UInt8(ascii: "x")
    if s.count >= 2, s[s.count - 1] == s[s.count - 2], !Lemmatizer.isVowel(s[s.count - 1]), s.last != UInt8(ascii: "l"),
      s.last != UInt8(ascii: "s")
    {
      candidates.append(String(stem.dropLast()))  // "stopped" → "stop"
    }
    if cvc { candidates.append(stem + "e") }
    candidates.append(stem)
    if !cvc { candidates.append(stem + "e") }
    if suffix == "ed", stem.hasSuffix("i") { candidates.append(String(stem.dropLast()) + "y") }  // "carried"
    if suffix == "ed", s.last == UInt8(ascii: "e") { candidates.append(stem) }
    for candidate in candidates {
      if let tag = resources.lexiconTag(candidate), tag == .VB || tag == .VBP { return candidate }
    }
    for candidate in candidates {
      if let tag = resources.lexiconTag(candidate), tag.isNoun || tag.isAdjective { return candidate }
    }
    // Unknown to the lexicon: undo doubling, else keep the bare stem.
    return candidates.first == stem + "e" && cvc
      ? stem + "e" : (s.count >= 2 && s[s.count - 1] == s[s.count - 2] ? String(stem.dropLast()) : stem)
  }

  private static func isVowel(_ b: UInt8) -> Bool {
    b == UInt8(ascii: "a") || b == UInt8(ascii: "e") || b == UInt8(ascii: "i") || b == UInt8(ascii: "o")
      || b == UInt8(ascii: "u")
  }
}

/// The candidate stems of `Lemmatizer.asciiVerbStem`, in order: (bytes of the word kept, byte
/// added or 0). Never more than four, so held inline rather than in an array.
struct CandidateStems: RandomAccessCollection {
  typealias Stem = (keep: Int, add: UInt8)
  private var stems: (Stem, Stem, Stem, Stem) = ((0, 0), (0, 0), (0, 0), (0, 0))
  private(set) var count = 0

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  subscript(i: Int) -> Stem {
    precondition(i >= 0 && i < count, "stem index out of range")
    switch i {
    case 0: return stems.0
    case 1: return stems.1
    case 2: return stems.2
    default: return stems.3
    }
  }

  mutating func append(_ stem: Stem) {
    precondition(count < 4, "more than four candidate stems")
    switch count {
    case 0: stems.0 = stem
    case 1: stems.1 = stem
    case 2: stems.2 = stem
    default: stems.3 = stem
    }
    count += 1
  }
}
