import KGModel

/// Brill's transformation-based tagger (Brill 1992, "A simple rule-based part of speech tagger"),
/// as textblob/pattern apply it, plus a few corrections for news prose.
///
/// 1. Known words take their lexicon tag (the lowercased form is tried for the first word).
/// 2. Unknown words: capitalised → NNP, numbers → CD, otherwise NN refined by the morphological
///    rules (suffixes, prefixes, neighbours).
/// 3. The contextual rules, in order, token by token from the left.
/// 4. Corrections: hyphens inside compounds are HYPH; caller-fixed names are NNP/NNPS and never
///    changed; VBD/VBN follow their auxiliaries; participles between a determiner and a noun are JJ.
///
/// - Complexity: O(n · r) for n tokens and r rules per tag (about ten); no allocation per token
///   beyond the output arrays.
struct Tagger: Sendable {
  let resources: LanguageResources
  /// For each tag t, `ruleIndices[ruleStart[t]..<ruleStart[t + 1]]` are the contextual rules that
  /// can change it (its own and `*`), in order.
  private let ruleIndices: [Int32]
  private let ruleStart: [Int32]
  /// The same without the rules that name the current word (`curwd`, `wdnexttag`, `rbigram` …),
  /// for a token whose word no rule names so: those rules cannot fire on it.
  private let plainRuleIndices: [Int32]
  private let plainRuleStart: [Int32]
  /// For each word id, whether some rule names it as the current word.
  private let namedCurrent: [Bool]
  private let idBe: [Int32]
  private let idHave: [Int32]
  /// The word ids of `onlyPrepositions`, so a token is tested by its id rather than by hashing
  /// its text; the words the table lacks (none, with the bundled lexicon) are tested by text.
  private let onlyPrepositionIDs: [Int32]
  private let unlistedPrepositions: Set<String>

  init(resources: LanguageResources) {
    self.resources = resources
    var named = [Bool](repeating: false, count: resources.words.count)
    for rule in resources.context {
      if let word = rule.currentWord, word >= 0, Int(word) < named.count { named[Int(word)] = true }
    }
    namedCurrent = named
    (ruleIndices, ruleStart) = Tagger.rulesByTag(resources.context) { _ in true }
    (plainRuleIndices, plainRuleStart) = Tagger.rulesByTag(resources.context) { $0.currentWord == nil }
    let words = resources.words
    idBe = ["be", "is", "are", "was", "were", "been", "being", "'s", "'re", "am", "get", "got", "gets", "getting"]
      .map { words.id(of: $0) ?? -9 }
    onlyPrepositionIDs = Tagger.onlyPrepositions.words.compactMap { words.id(of: $0) }
    unlistedPrepositions = Set(Tagger.onlyPrepositions.words.filter { words.id(of: $0) == nil })
    idHave = ["have", "has", "had", "having", "'ve", "'d"].map { words.id(of: $0) ?? -9 }
  }

  /// The indices of the rules `included` keeps, flattened by the tag they change (their own and
  /// `*`), in order, and where each tag's run starts (one past the last tag: the end).
  static func rulesByTag(_ rules: [ContextRule], included: (ContextRule) -> Bool) -> (indices: [Int32], starts: [Int32])
  {
    var byTag = Array(repeating: [Int32](), count: 256)
    for (index, rule) in rules.enumerated() where included(rule) {
      if rule.from == LanguageResources.noTag {
        for t in 0..<256 { byTag[t].append(Int32(index)) }
      } else {
        byTag[Int(rule.from)].append(Int32(index))
      }
    }
    var flat: [Int32] = []
    var starts: [Int32] = []
    for list in byTag {
      starts.append(Int32(flat.count))
      flat += list
    }
    starts.append(Int32(flat.count))
    return (flat, starts)
  }

  /// What the tagger needs to know of a token's spelling, read from its first bytes once.
  struct Shape: OptionSet {
    let rawValue: UInt8
    static let dash = Shape(rawValue: 1)
    static let opener = Shape(rawValue: 2)
    static let upper = Shape(rawValue: 4)
    static let lower = Shape(rawValue: 8)
    static let digit = Shape(rawValue: 16)
    static let wordLike = Shape(rawValue: 32)
    static let negation = Shape(rawValue: 64)
    static let endsInS = Shape(rawValue: 128)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ word: WordInput) {
      // ASCII words (nearly all) are read from their bytes in place.
      let ascii = word.text.withUTF8Bytes { bytes -> Shape? in
        guard let first = bytes.first else { return [] }
        guard first < 0x80 else { return nil }
        return Shape(asciiFirst: first, count: bytes.count)
      }
      var shape = ascii ?? Shape(unicode: word.text)
      shape.formUnion(
        word.lower.withUTF8Bytes { lower -> Shape in
          var tail: Shape = []
          // "n't", "not"
          if lower.count == 3, lower[1] == UInt8(ascii: "'") || lower[1] == UInt8(ascii: "o"),
            lower[0] == UInt8(ascii: "n"), lower[2] == UInt8(ascii: "t")
          {
            tail.insert(.negation)
          }
          if lower.last == UInt8(ascii: "s") { tail.insert(.endsInS) }
          return tail
        })
      self = shape
    }

    /// The shape of a token whose first byte, `first`, is ASCII.
    private init(asciiFirst first: UInt8, count: Int) {
      var shape: Shape = []
      switch first {
      case UInt8(ascii: "a")...UInt8(ascii: "z"): shape.formUnion([.lower, .wordLike])
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): shape.formUnion([.upper, .wordLike])
      case UInt8(ascii: "0")...UInt8(ascii: "9"): shape.formUnion([.digit, .wordLike])
      case UInt8(ascii: "-"): shape.formUnion(count == 1 ? [.dash, .opener] : [])
      case UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ":"), UInt8(ascii: "'"):
        if count == 1 { shape.insert(.opener) }
      default: break
      }
      self = shape
    }

    /// The shape of a token that opens with a non-ASCII character.
    private init(unicode text: String) {
      var shape: Shape = []
      if let scalar = text.unicodeScalars.first {
        if scalar == "—" || scalar == "–" || scalar == "‐" {
          if text.unicodeScalars.count == 1 { shape.formUnion([.dash, .opener]) }
        } else if scalar == "“" || scalar == "‘" {
          shape.insert(.opener)
        } else if scalar.properties.isUppercase {
          shape.formUnion([.upper, .wordLike])
        } else if scalar.properties.isLowercase {
          shape.formUnion([.lower, .wordLike])
        } else if scalar.properties.numericType != nil {
          shape.formUnion([.digit, .wordLike])
        } else if scalar.properties.isAlphabetic {
          shape.insert(.wordLike)
        }
      }
      self = shape
    }
  }

  static let verbPrefixes: [[UInt8]] = ["re", "out", "over", "under", "counter"].map { Array($0.utf8) }

  /// Words that are prepositions wherever they stand.
  static let onlyPrepositions: WordClass = [
    "of", "from", "into", "onto", "against", "during", "among", "amid", "amidst", "despite", "via", "upon", "toward",
    "towards", "throughout", "unlike", "alongside",
  ]

  /// Tags `words`; `ids` receives each token's word id (-1 when the table lacks it).
  func tag(_ words: [WordInput], fixed: [Range<Int>], ids: inout [Int32]) -> [Tag] {
    let n = words.count
    var tags = [UInt8].filled(with: Tag.NN.rawValue, count: n)
    var locked = [Bool].filled(with: false, count: n)
    ids = .filled(with: -1, count: n)
    var shapes: [Shape] = []
    shapes.reserveCapacity(n)
    for word in words { shapes.append(Shape(word)) }
    // 1. Lexicon.
    var unknown: [Int] = []
    for i in 0..<n {
      let id = words[i].text.withUTF8Bytes { resources.words.id(of: $0) }
      var tag = LanguageResources.noTag
      if let id {
        ids[i] = id
        tag = resources.wordTags[Int(id)]
      }
      if i == 0 || shapes[i - 1].contains(.opener),
        tag == LanguageResources.noTag || tag == Tag.NNP.rawValue || tag == Tag.NNPS.rawValue,
        !Tagger.isAcronym(words[i].text)
      {
        // The first word: its lowercase reading, unless that too is a name ("Police" → NNS).
        var lower = words[i].lower
        if let lowerID = lower.withUTF8({ resources.words.id(of: $0) }),
          resources.wordTags[Int(lowerID)] != LanguageResources.noTag,
          tag == LanguageResources.noTag || resources.wordTags[Int(lowerID)] != Tag.NN.rawValue
        {
          tag = resources.wordTags[Int(lowerID)]
        }
      }
      if tag == LanguageResources.noTag { unknown.append(i) } else { tags[i] = tag }
    }
    // 2. Unknown words.
    for i in unknown { tags[i] = guess(words, i, ids: ids).rawValue }
    // 4a. Before the context: hyphens in compounds, negation and the caller's names.
    for i in 0..<n {
      let shape = shapes[i]
      if shape.contains(.dash), i > 0, i + 1 < n, !words[i].spaceBefore, !words[i + 1].spaceBefore,
        shapes[i - 1].contains(.wordLike), shapes[i + 1].contains(.wordLike)
      {
        tags[i] = Tag.HYPH.rawValue
        locked[i] = true
      } else if shape.contains(.negation) {
        tags[i] = Tag.RB.rawValue
        locked[i] = true
      } else if isOnlyPreposition(words[i], id: ids[i]) {
        // A contextual rule written for "that" ("IN → WDT before a past verb") must not turn
        // "of" in "swathes of lost territory" into a relative pronoun.
        tags[i] = Tag.IN.rawValue
        locked[i] = true
      }
    }
    for range in fixed where range.lowerBound >= 0 && range.upperBound <= n {
      for i in range {
        locked[i] = true
        if tags[i] == Tag.HYPH.rawValue || Tag(rawValue: tags[i])?.isPunctuation == true { continue }
        tags[i] = Tag.NNP.rawValue
      }
      if let last = range.last, last > range.lowerBound || Tagger.opensWithCapital(words[last].text) {
        let lexical = ids[last] >= 0 ? resources.wordTags[Int(ids[last])] : LanguageResources.noTag
        if words[last].lower.hasSuffix("s"), lexical == Tag.NNS.rawValue || lexical == Tag.NNPS.rawValue {
          tags[last] = Tag.NNPS.rawValue
        }
      }
    }
    // 3. Context.
    applyContext(&tags, ids: ids, locked: locked)
    // 4b. Corrections.
    correct(&tags, words, shapes, ids: ids, locked: locked)
    return tags.map { Tag(rawValue: $0) ?? .NN }
  }

  /// Whether a word's lowercase form is one of `onlyPrepositions`; `id` is the id of its text
  /// (-1 when the table lacks it), which is that of its lowercase form when the two are the same.
  private func isOnlyPreposition(_ word: WordInput, id: Int32) -> Bool {
    let lowerID = word.text == word.lower ? (id >= 0 ? id : nil) : resources.words.id(of: word.lower)
    if let lowerID { return onlyPrepositionIDs.contains(lowerID) }
    return !unlistedPrepositions.isEmpty && unlistedPrepositions.contains(word.lower)
  }

  /// Two or more capitals and no lowercase letter ("SANA", "U.S."): a name even first in a sentence.
  static func isAcronym(_ text: String) -> Bool {
    var capitals = 0
    for b in text.utf8 {
      if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") { return false }
      if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { capitals += 1 }
    }
    return capitals >= 2
  }

  /// Whether `text`'s first character is uppercase (`text.first?.isUppercase`), answered from
  /// the first byte when it is ASCII: no Character is made.
  static func opensWithCapital(_ text: String) -> Bool {
    guard let byte = text.utf8.first else { return false }
    if byte < 0x80 { return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    return text.first?.isUppercase == true
  }

  static func isDash(_ text: String) -> Bool { text == "-" || text == "–" || text == "—" || text == "‐" }

  static func isWordLike(_ text: String) -> Bool {
    guard let c = text.unicodeScalars.first else { return false }
    return c.properties.isAlphabetic || c.properties.numericType != nil
  }

  // MARK: - Unknown words

  private func guess(_ words: [WordInput], _ i: Int, ids: [Int32]) -> Tag {
    let text = words[i].text
    guard let first = text.unicodeScalars.first else { return .NN }
    if first.value < 0x80 ? (0x41...0x5A).contains(first.value) : first.properties.isUppercase { return .NNP }
    if first.properties.numericType != nil {
      let lower = words[i].lower
      if lower.hasSuffix("st") || lower.hasSuffix("nd") || lower.hasSuffix("rd") || lower.hasSuffix("th") {
        return .JJ
      }
      return .CD
    }
    if !Tagger.isWordLike(text) { return Tagger.isDash(text) ? .colon : .SYM }
    var tag = Tag.NN
    var lower = words[i].lower
    let w = Array(lower.utf8)
    // "retook", "outgunned", "overran": a verb prefix on a known verb form keeps its tag.
    for prefix in Tagger.verbPrefixes where w.count > prefix.count + 2 && w.starts(with: prefix) {
      let verb = w.withUnsafeBufferPointer { resources.lexiconTag(UnsafeBufferPointer(rebasing: $0[prefix.count...])) }
      if let verb, verb.isVerb, verb != .VB { return verb }
    }
    let prev: Int32 = i > 0 ? ids[i - 1] : -2
    let next: Int32 = i + 1 < words.count ? ids[i + 1] : -2
    _ = lower.withUTF8 { _ in 0 }
    // Words made by adding an affix are spelt here, one buffer for all rules; words made by
    // removing one are read in place.
    var scratch: [UInt8] = []
    scratch.reserveCapacity(w.count + 16)
    func knownWith(_ before: [UInt8], _ after: [UInt8]) -> Bool {
      scratch.removeAll(keepingCapacity: true)
      scratch.append(contentsOf: before)
      scratch.append(contentsOf: after)
      return known(scratch[...])
    }
    for rule in resources.morphology {
      if let required = rule.required, required != tag.rawValue { continue }
      let a = rule.affix
      let fires: Bool
      switch rule.command {
      case .char: fires = contains(w, a)
      case .haspref: fires = w.starts(with: a)
      case .hassuf: fires = w.count >= a.count && w.suffix(a.count).elementsEqual(a)
      case .addpref: fires = knownWith(a, w)
      case .addsuf: fires = knownWith(w, a)
      case .deletepref: fires = w.count > a.count && w.starts(with: a) && known(w[a.count...])
      case .deletesuf:
        fires = w.count > a.count && w.suffix(a.count).elementsEqual(a) && known(w[..<(w.count - a.count)])
      case .goodleft: fires = rule.affixWord == next
      case .goodright: fires = rule.affixWord == prev
      }
      if fires { tag = rule.to }
    }
    return tag
  }

  private func known(_ word: ArraySlice<UInt8>) -> Bool {
    word.withUnsafeBufferPointer { resources.lexiconTag($0) != nil }
  }

  private func contains(_ w: [UInt8], _ a: [UInt8]) -> Bool {
    guard !a.isEmpty, w.count >= a.count else { return false }
    for start in 0...(w.count - a.count) where w[start..<(start + a.count)].elementsEqual(a) { return true }
    return false
  }

  // MARK: - Context

  private func applyContext(_ tags: inout [UInt8], ids: [Int32], locked: [Bool]) {
    let n = tags.count
    let boundary = Int32(LanguageResources.boundary)
    resources.context.withUnsafeBufferPointer { context in
      ruleIndices.withUnsafeBufferPointer { allIndices in
        ruleStart.withUnsafeBufferPointer { allStart in
          plainRuleIndices.withUnsafeBufferPointer { plainIndices in
            plainRuleStart.withUnsafeBufferPointer { plainStart in
              ids.withUnsafeBufferPointer { ids in
                tags.withUnsafeMutableBufferPointer { tags in
                  for i in 0..<n where !locked[i] {
                    // The neighbourhood, read once: a rule changes only the current tag.
                    let tm3 = i >= 3 ? Int32(tags[i - 3]) : boundary
                    let tm2 = i >= 2 ? Int32(tags[i - 2]) : boundary
                    let tm1 = i >= 1 ? Int32(tags[i - 1]) : boundary
                    let tp1 = i + 1 < n ? Int32(tags[i + 1]) : boundary
                    let tp2 = i + 2 < n ? Int32(tags[i + 2]) : boundary
                    let tp3 = i + 3 < n ? Int32(tags[i + 3]) : boundary
                    let wm3 = i >= 3 ? ids[i - 3] : -2
                    let wm2 = i >= 2 ? ids[i - 2] : -2
                    let wm1 = i >= 1 ? ids[i - 1] : -2
                    let w0 = ids[i]
                    let wp1 = i + 1 < n ? ids[i + 1] : -2
                    let wp2 = i + 2 < n ? ids[i + 2] : -2
                    let wp3 = i + 3 < n ? ids[i + 3] : -2
                    @inline(__always) func t(_ k: Int) -> Int32 {
                      switch k {
                      case -3: tm3
                      case -2: tm2
                      case -1: tm1
                      case 1: tp1
                      case 2: tp2
                      default: tp3
                      }
                    }
                    @inline(__always) func w(_ k: Int) -> Int32 {
                      switch k {
                      case -3: wm3
                      case -2: wm2
                      case -1: wm1
                      case 0: w0
                      case 1: wp1
                      case 2: wp2
                      default: wp3
                      }
                    }
                    // A word no rule names as the current word skips those rules.
                    let plain = w0 < 0 || Int(w0) >= namedCurrent.count || !namedCurrent[Int(w0)]
                    let indices = plain ? plainIndices : allIndices
                    let ruleStart = plain ? plainStart : allStart
                    var after: Int32 = -1
                    var cursor = Int(ruleStart[Int(tags[i])])
                    var end = Int(ruleStart[Int(tags[i]) + 1])
                    while cursor < end {
                      let index = indices[cursor]
                      cursor += 1
                      if index <= after { continue }
                      let r = context[Int(index)]
                      let x = r.x
                      let y = r.y
                      let fires: Bool
                      switch r.command {
                      case .prevtag: fires = x == t(-1)
                      case .nexttag: fires = x == t(1)
                      case .prev2tag: fires = x == t(-2)
                      case .next2tag: fires = x == t(2)
                      case .prev1or2tag: fires = x == t(-1) || x == t(-2)
                      case .next1or2tag: fires = x == t(1) || x == t(2)
                      case .prev1or2or3tag: fires = x == t(-1) || x == t(-2) || x == t(-3)
                      case .next1or2or3tag: fires = x == t(1) || x == t(2) || x == t(3)
                      case .surroundtag: fires = x == t(-1) && y == t(1)
                      case .curwd: fires = x == w(0)
                      case .prevwd: fires = x == w(-1)
                      case .nextwd: fires = x == w(1)
                      case .prev1or2wd: fires = x == w(-1) || x == w(-2)
                      case .next1or2wd: fires = x == w(1) || x == w(2)
                      case .next1or2or3wd: fires = x == w(1) || x == w(2) || x == w(3)
                      case .prev1or2or3wd: fires = x == w(-1) || x == w(-2) || x == w(-3)
                      case .prevwdtag: fires = x == w(-1) && y == t(-1)
                      case .nextwdtag: fires = x == w(1) && y == t(1)
                      case .wdprevtag: fires = x == t(-1) && y == w(0)
                      case .wdnexttag: fires = x == w(0) && y == t(1)
                      case .wdand2aft: fires = x == w(0) && y == w(2)
                      case .wdand2tagbfr: fires = x == t(-2) && y == w(0)
                      case .wdand2tagaft: fires = x == w(0) && y == t(2)
                      case .lbigram: fires = x == w(-1) && y == w(0)
                      case .rbigram: fires = x == w(0) && y == w(1)
                      case .prevbigram: fires = x == t(-2) && y == t(-1)
                      case .nextbigram: fires = x == t(1) && y == t(2)
                      }
                      if fires, r.to != tags[i] {
                        tags[i] = r.to
                        after = index
                        cursor = Int(ruleStart[Int(r.to)])
                        end = Int(ruleStart[Int(r.to) + 1])
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  // MARK: - Corrections

  /// A noun-tagged catenative verb ("plans", "plan") followed by "to" and a base verb, after a
  /// subject or a conjunction rather than a determiner.
  static func catenativeAhead(_ tags: [UInt8], _ words: [WordInput], _ i: Int) -> Bool {
    guard i > 0, i + 2 < tags.count, tags[i + 1] == Tag.TO.rawValue, tags[i + 2] == Tag.VB.rawValue else {
      return false
    }
    let prev = Tag(rawValue: tags[i - 1]) ?? .NN
    guard prev == .CC || prev.isNoun || prev == .PRP || prev.isAdverb else { return false }
    let lower = words[i].lower
    let base = lower.hasSuffix("s") ? String(lower.dropLast()) : lower
    return ["plan", "vow", "threaten", "intend", "aim", "pledge", "promise", "want", "need", "hope", "seek"].contains(
      base)
  }

  /// Adverbs the lexicon may tag otherwise ("still" as an adjective) between an auxiliary and
  /// its verb.
  /// Prepositions that take a gerund with its object ("of shelling the town", "after killing").
  static let gerundPrepositions: WordClass = [
    "of", "for", "by", "after", "before", "from", "without", "since", "upon", "besides",
  ]
  /// Particles of phrasal verbs ("shot down", "set up").
  static let particles: WordClass = ["down", "up", "off", "out", "back"]
  /// Whether `lower` is one of `particles` (none is longer than four letters: most words are
  /// not hashed).
  static func isParticle(_ lower: String) -> Bool { lower.utf8.count <= 4 && particles.contains(lower) }
  static let haveForms: WordClass = ["had", "has", "have", "having"]
  static let articles: WordClass = ["the", "a", "an"]
  static let midAdverbs: WordClass = ["still", "also", "now", "already", "reportedly", "allegedly", "openly"]

  private func correct(_ tags: inout [UInt8], _ words: [WordInput], _ shapes: [Shape], ids: [Int32], locked: [Bool]) {
    let n = tags.count
    for i in 0..<n where !locked[i] {
      let tag = Tag(rawValue: tags[i]) ?? .NN
      let lexical = ids[i] >= 0 ? Tag(rawValue: resources.wordTags[Int(ids[i])]) : nil
      // "accused of shelling El Fasher", "after killing two soldiers": a gerund and its object (a
      // context rule may have read the -ing noun before a name as part of the name).
      // (Tags are compared before words are hashed: most tokens fail on their tags.)
      if tag == .NN || (tag.isProperNoun && lexical == .NN && shapes[i].contains(.lower)), i + 1 < n, i > 0,
        let next = Tag(rawValue: tags[i + 1]),
        next == .DT || next == .PRPS || next == .CD || next == .NNS || next.isProperNoun,
        words[i].lower.hasSuffix("ing"), Self.gerundPrepositions.contains(words[i - 1].lower)
      {
        tags[i] = Tag.VBG.rawValue
        continue
      }
      if tag == .NN, i > 0, i + 1 < n, let next = Tag(rawValue: tags[i + 1]),
        next == .CD || next == .DT || next == .PRPS,
        let previous = Tag(rawValue: tags[i - 1]), previous.isProperNoun || previous == .NNS || previous == .PRP,
        let base = resources.irregular[words[i].lower], base != words[i].lower
      {
        // "Israel shot two drones down", "they shot a soldier": an irregular past form after its
        // subject and before its object is the verb, not the noun ("a shot").
        tags[i] = Tag.VBD.rawValue
        continue
      }
      if tag == .NN, i > 0, i + 1 < n, Self.isParticle(words[i + 1].lower) {
        // "Ukraine shot down two drones": an irregular past form after its subject and before a
        // particle is the verb, not the noun ("a shot").
        if let previous = Tag(rawValue: tags[i - 1]), previous.isNoun || previous == .PRP,
          resources.irregular[words[i].lower] != nil
        {
          tags[i] = Tag.VBD.rawValue
          continue
        }
        // "had shot down two drones": the same form after a form of "have" is its participle.
        if Self.haveForms.contains(words[i - 1].lower), resources.irregular[words[i].lower] != nil {
          tags[i] = Tag.VBN.rawValue
          continue
        }
      }
      // "the rebels who control Sanaa": after "who" a common noun is the clause's verb.
      // (A context rule may have read it as part of the name after it.)
      if tag == .NN || tag == .NNS || tag.isProperNoun, i > 0, i + 1 < n, words[i - 1].is("who"),
        shapes[i].contains(.lower), let next = Tag(rawValue: tags[i + 1]),
        next == .DT || next == .CD || next == .PRPS || next == .JJ || next.isProperNoun || next == .NNS
      {
        tags[i] = (shapes[i].contains(.endsInS) ? Tag.VBZ : Tag.VBP).rawValue
        continue
      }
      // "shot down several drones", "shot down drones": a particle right after its verb and before
      // the object (a context rule may have read it as an adjective of the noun).
      if tag == .RB || tag == .JJ, i > 0, i + 1 < n, Tag(rawValue: tags[i - 1])?.isVerb == true,
        let next = Tag(rawValue: tags[i + 1]),
        next == .DT || next == .CD || next == .JJ || next == .PRPS || next.isNoun,
        Self.isParticle(words[i].lower)
      {
        tags[i] = Tag.RP.rawValue
        continue
      }
      if tag.isProperNoun, let lexical, !lexical.isProperNoun, shapes[i].contains(.lower) {
        // "southern Lebanon": a lowercase word is not a name, whatever its neighbour is.
        tags[i] = lexical.rawValue
        continue
      }
      if tag == .NNP, i > 0, shapes[i].contains(.endsInS), Tag(rawValue: tags[i - 1])?.isProperNoun == true,
        resources.lexiconTag(words[i].lower) == .NNS
      {
        tags[i] = Tag.NNPS.rawValue  // "Human Rights"
        continue
      }
      if tag == .NN || tag == .NNS, i >= 2, tags[i - 1] == Tag.HYPH.rawValue, tags[i - 2] == Tag.NNP.rawValue,
        shapes[i].contains(.upper)
      {
        tags[i] = Tag.NNP.rawValue  // "al-Sham"
        continue
      }
      if tag == .VB, lexical?.isAdjective == true, i > 0, tags[i - 1] == Tag.TO.rawValue, i + 1 < n,
        Tag(rawValue: tags[i + 1])?.isNoun == true
      {
        tags[i] = lexical!.rawValue  // "according to local officials"
        continue
      }
      if tag == .CD, shapes[i].contains(.digit),
        ["st", "nd", "rd", "th"].contains(String(words[i].lower.suffix(2)))
      {
        tags[i] = Tag.JJ.rawValue  // "4th"
        continue
      }
      if tag == .NN || tag == .VBP, i >= 2, tags[i - 1] == Tag.RB.rawValue,
        ["did", "does", "do"].contains(words[i - 2].lower), lexical.map({ $0 == .NN || $0.isVerb }) ?? true
      {
        tags[i] = Tag.VB.rawValue  // "didn't retreat"
        continue
      }
      if tag.isVerb, i + 1 < n, tags[i + 1] == Tag.HYPH.rawValue, let lexical, lexical.isNoun || lexical.isAdjective {
        tags[i] = lexical.rawValue  // "to government-controlled areas"
        continue
      }
      if tag == .IN, lexical == .DT, Self.articles.contains(words[i].lower) {
        // "drove out the rebels": the context rule that makes a determiner after "out" a
        // preposition ("out that …") never holds for an article.
        tags[i] = Tag.DT.rawValue
        continue
      }
      if tag == .VBG, i > 0, tags[i - 1] == Tag.POS.rawValue,
        i + 1 == n || !(Tag(rawValue: tags[i + 1]).map { $0.isNoun || $0.isAdjective || $0 == .VBG } ?? false)
      {
        // "Russia's backing for Assad", "Israel's shelling of Gaza": a possessed -ing form not
        // before a noun is one ("Russia's continuing support" keeps its participle).
        tags[i] = Tag.NN.rawValue
        continue
      }
      if tag == .IN, lexical == .DT, Self.articles.contains(words[i].lower) {
        // "drove out the rebels": the context rule that makes a determiner after "out" a
        // preposition ("out that …") never holds for an article.
        tags[i] = Tag.DT.rawValue
        continue
      }
      if tag == .VBG, i > 0, tags[i - 1] == Tag.POS.rawValue, i + 1 < n, Tag(rawValue: tags[i + 1])?.isNoun == true {
        tags[i] = Tag.JJ.rawValue  // "Russia's continuing support": a possessed participle modifies the noun
        continue
      }
      if tag == .VB || tag == .VBZ || tag == .VBP, i > 0, tags[i - 1] == Tag.POS.rawValue {
        // "Turkey's plan to attack": after a possessive, a noun (a participle may stand there:
        // "Russia's continued support").
        tags[i] =
          (lexical == .NN || lexical == .NNS ? lexical! : shapes[i].contains(.endsInS) ? Tag.NNS : Tag.NN).rawValue
        continue
      }
      if tag == .VBZ || tag == .VBP, let lexical, lexical == .NNS || lexical == .NN, i >= 2,
        Tag(rawValue: tags[i - 1])?.isAdjective == true,
        tags[i - 2] == Tag.DT.rawValue || tags[i - 2] == Tag.PRPS.rawValue
      {
        tags[i] = lexical.rawValue  // "in the strongest terms": a determiner and adjective before a noun
        continue
      }
      if tag == .VBZ, lexical == .NNS, i > 0, Tag(rawValue: tags[i - 1])?.isVerb == true {
        tags[i] = Tag.NNS.rawValue  // "told reporters the ..."
        continue
      }
      if tag == .NNS, lexical == .VBZ, i > 0, Tag(rawValue: tags[i - 1])?.isProperNoun == true, i + 1 < n,
        let next = Tag(rawValue: tags[i + 1]), next.isVerb || next == .MD || next == .DT || next == .PRP || next == .IN
      {
        tags[i] = Tag.VBZ.rawValue  // "whom the UN says are backed by": a verb's form after a name, before a verb
        continue
      }
      if tag == .VB, let lexical, lexical == .VBD || lexical == .VBN, words[i].lower.hasSuffix("ed") {
        tags[i] = lexical.rawValue  // "would stay and warned the regime": a past form is no base form
        continue
      }
      if tag == .JJ, words[i].lower.hasSuffix("ed"), i + 1 < n, words[i + 1].is("by") {
        tags[i] = Tag.VBN.rawValue  // "a truce brokered by": an unknown participle with its agent
        continue
      }
      if tag == .NN, words[i].lower.hasSuffix("ing"), i + 1 < n, i > 0 {
        // "is still training militants": an -ing word with an object after a form of "be".
        var j = i - 1
        while j > 0, (Tag(rawValue: tags[j])?.isAdverb ?? false) || Self.midAdverbs.contains(words[j].lower) { j -= 1 }
        let next = Tag(rawValue: tags[i + 1]) ?? .NN
        if idBe.contains(ids[j]), next.isNoun || next == .DT || next == .PRPS || next == .CD || next == .JJ {
          tags[i] = Tag.VBG.rawValue
          for k in (j + 1)..<i where !locked[k] { tags[k] = Tag.RB.rawValue }
          continue
        }
      }
      if tag == .VBZ, i > 0, tags[i - 1] == Tag.CD.rawValue {
        tags[i] = Tag.NNS.rawValue  // "23 suspects"
        continue
      }
      switch tag {
      case .VBD, .VBN:
        // Skip adverbs and negation back to the auxiliary, if any.
        var j = i - 1
        while j >= 0, let t = Tag(rawValue: tags[j]), t.isAdverb { j -= 1 }
        let aux = j >= 0 ? ids[j] : -2
        if idBe.contains(aux) || idHave.contains(aux) {
          tags[i] = Tag.VBN.rawValue
          continue
        }
        let prev = j >= 0 ? Tag(rawValue: tags[j]) : nil
        let next = i + 1 < n ? Tag(rawValue: tags[i + 1]) : nil
        if let prev, prev == .DT || prev == .PRPS || prev == .POS, let next, next.isNoun || next.isAdjective {
          tags[i] = Tag.JJ.rawValue
        } else if tag == .VBN, j == i - 1, let prev, prev.isNoun || prev == .PRP, let next,
          next == .DT || next == .PRPS || next.isProperNoun || next == .CD || next == .PRP || next == .NNS,
          i + 1 < n, !words[i + 1].is("by")
        {
          tags[i] = Tag.VBD.rawValue
        } else if tag == .VBD, i + 1 < n, words[i + 1].is("by"), let prev, prev.isNoun {
          // "forces backed by Iran": a reduced relative, not a finite verb.
          tags[i] = Tag.VBN.rawValue
        }
      case .VBP, .VB:
        // "the attack", "an attack": a noun after a determiner.
        if i > 0, let prev = Tag(rawValue: tags[i - 1]),
          prev == .DT || prev == .PRPS || prev == .POS || prev.isAdjective
        {
          if i + 1 >= n || Tag(rawValue: tags[i + 1]).map({ !$0.isNoun }) ?? true { tags[i] = Tag.NN.rawValue }
        }
      case .NN where Tagger.catenativeAhead(tags, words, i):
        // "and plan to launch": a verb before its infinitive.
        tags[i] = Tag.VBP.rawValue
      case .NNS where Tagger.catenativeAhead(tags, words, i):
        tags[i] = Tag.VBZ.rawValue
      case .NNS:
        // "the group attacks the town": a plural noun before a determiner after a singular noun.
        if i > 0, i + 1 < n, let prev = Tag(rawValue: tags[i - 1]), prev == .NN || prev == .NNP,
          let next = Tag(rawValue: tags[i + 1]), next == .DT || next == .PRPS,
          resources.lexiconTag(String(words[i].lower.dropLast())).map({ $0 == .VB || $0 == .NN }) ?? false
        {
          tags[i] = Tag.VBZ.rawValue
        }
      default: break
      }
    }
  }
}
