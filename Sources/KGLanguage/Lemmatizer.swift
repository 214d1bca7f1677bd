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
      if let base = resources.irregular[lower] ?? Lemmatizer.auxiliaryForms[lower] { return base }
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
    guard w.hasSuffix(suffix), w.utf8.count > suffix.utf8.count + 1 else {
      if suffix == "ed", w.hasSuffix("d") { return nil }
      return nil
    }
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
