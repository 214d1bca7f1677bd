/// FNV-1a (64-bit) of a word's UTF-8: the hash that word tables are probed by.
///
/// A token computes it once for its lowercased form (`Token.hash`), so that every later lookup of
/// the token — in the alias, cue, title and reference tables and in the rules' word lists — is a
/// probe and a comparison rather than a fresh SipHash of the string.
enum WordHash {
  static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x100_0000_01b3

  @inline(__always) static func combine(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

  /// - Complexity: O(*n*) in the word's UTF-8 length.
  static func of(_ word: String) -> UInt64 {
    var word = word
    return word.withUTF8 { bytes in
      var hash = offset
      for byte in bytes { hash = combine(hash, byte) }
      return hash
    }
  }
}

/// A hash map from words (lowercased token forms) to values, probed by `WordHash`.
///
/// Open addressing with linear probing at a load factor of at most one half. A probe compares the
/// 64-bit hashes first and the strings only when they agree, so a lookup by a token whose hash is
/// already known costs no hashing at all. Entries are never removed: the tables are built once
/// (or, for a document's local aliases, only grow).
///
/// Most probes miss (a rule's word list holds a few dozen words; a sentence has hundreds of
/// tokens), so a 256-bit filter of the keys' hashes answers most misses before the table is read.
///
/// - Complexity: lookup and insertion O(1) expected (insertion amortised), plus O(*n*) in the
///   word's length when its hash has to be computed.
struct WordMap<Value> {
  /// Entry index per slot, -1 for an empty slot; the count is zero or a power of two.
  private var slots: [Int32] = []
  private var hashes: [UInt64] = []
  private var keys: [String] = []
  private var storedValues: [Value] = []
  /// One bit per key, chosen by its hash (`filterBit`): a word whose bit is clear is not a key.
  private var filter = SIMD4<UInt64>()

  init() {}

  var isEmpty: Bool { keys.isEmpty }
  var count: Int { keys.count }

  /// The values, in insertion order.
  var values: [Value] { storedValues }

  /// The keys, in insertion order (the order of `values`).
  var words: [String] { keys }

  @inline(__always) private static func start(_ hash: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// The filter word and bit of a hash: bits the slot index (`start`) does not use.
  @inline(__always) private static func filterBit(_ hash: UInt64) -> (word: Int, bit: UInt64) {
    let mixed = hash &* 0x9E37_79B9_7F4A_7C15
    return (Int(truncatingIfNeeded: mixed >> 62), 1 << (mixed >> 56 & 63))
  }

  /// Whether `hash` may be a key's: false means it certainly is not.
  @inline(__always) private func mayContain(_ hash: UInt64) -> Bool {
    let (part, bit) = Self.filterBit(hash)
    return filter[part] & bit != 0
  }

  /// The entry index of `word`, whose `WordHash` is `hash`.
  @inline(__always) private func index(of word: String, hash: UInt64) -> Int? {
    if !mayContain(hash) { return nil }
    let mask = slots.count - 1
    var i = Self.start(hash, mask: mask)
    while true {
      let entry = Int(slots[i])
      if entry < 0 { return nil }
      if hashes[entry] == hash && keys[entry] == word { return entry }
      i = (i + 1) & mask
    }
  }

  /// The value of `word` given its precomputed `WordHash`.
  @inline(__always) func value(of word: String, hash: UInt64) -> Value? {
    index(of: word, hash: hash).map { storedValues[$0] }
  }

  /// The value stored for a token's lowercased form.
  @inline(__always) subscript(token: Token) -> Value? { value(of: token.lower, hash: token.hash) }

  /// Whether a token's lowercased form is a key, without copying its value out.
  @inline(__always) func contains(_ token: Token) -> Bool { index(of: token.lower, hash: token.hash) != nil }

  /// The value stored for a lowercased word; setting `nil` is not supported (entries are never removed).
  subscript(word: String) -> Value? {
    get { value(of: word, hash: WordHash.of(word)) }
    set {
      guard let newValue else { preconditionFailure("WordMap entries are never removed") }
      insert(newValue, for: word, hash: WordHash.of(word))
    }
  }

  subscript(word: String, default value: @autoclosure () -> Value) -> Value {
    get { self[word] ?? value() }
    set { insert(newValue, for: word, hash: WordHash.of(word)) }
  }

  /// Changes the value of `word` in place (inserting `value` first if it is missing), so that
  /// appending to an array value does not copy the array: building a table of many entries that
  /// share a first word stays linear.
  mutating func modify<Result>(
    _ word: String, default value: @autoclosure () -> Value, _ body: (inout Value) -> Result
  ) -> Result {
    let hash = WordHash.of(word)
    let entry: Int
    if let existing = index(of: word, hash: hash) {
      entry = existing
    } else {
      insert(value(), for: word, hash: hash)
      entry = keys.count - 1
    }
    return body(&storedValues[entry])
  }

  private mutating func insert(_ value: Value, for word: String, hash: UInt64) {
    if let existing = index(of: word, hash: hash) {
      storedValues[existing] = value
      return
    }
    if (keys.count + 1) * 2 > slots.count { grow() }
    let (part, bit) = Self.filterBit(hash)
    filter[part] |= bit
    keys.append(word)
    hashes.append(hash)
    storedValues.append(value)
    place(keys.count - 1)
  }

  private mutating func place(_ entry: Int) {
    let mask = slots.count - 1
    var i = Self.start(hashes[entry], mask: mask)
    while slots[i] >= 0 { i = (i + 1) & mask }
    slots[i] = Int32(entry)
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: max(16, slots.count * 2))
    for entry in keys.indices { place(entry) }
  }

  /// Room for `capacity` words without growing (the slots double, placing every word again,
  /// as they fill); the words keep their order.
  mutating func reserveCapacity(_ capacity: Int) {
    guard capacity * 2 > slots.count else { return }
    var size = max(16, slots.count)
    while capacity * 2 > size { size *= 2 }
    slots = [Int32](repeating: -1, count: size)
    for entry in keys.indices { place(entry) }
    keys.reserveCapacity(capacity)
    hashes.reserveCapacity(capacity)
    storedValues.reserveCapacity(capacity)
  }
}

extension WordMap: Sendable where Value: Sendable {}

extension WordMap: ExpressibleByDictionaryLiteral {
  /// A table of lowercased words (a later duplicate's value wins, as in assignment).
  init(dictionaryLiteral elements: (String, Value)...) {
    self.init()
    for (word, value) in elements { modify(word, default: value) { $0 = value } }
  }
}

/// A set of lowercased words, probed like `WordMap`: the word lists rules and mention finding
/// consult for every token ("auxiliaries", "determiners", title words, …).
struct WordSet: ExpressibleByArrayLiteral, Sendable {
  private var map = WordMap<Bool>()

  init() {}
  init(arrayLiteral words: String...) { self.init(words) }
  init<S: Sequence>(_ words: S) where S.Element == String { for word in words { insert(word) } }

  var isEmpty: Bool { map.isEmpty }
  var count: Int { map.count }

  mutating func insert(_ word: String) { map[word] = true }

  /// - Complexity: O(1) expected, plus hashing `word`.
  func contains(_ word: String) -> Bool { map[word] != nil }

  /// Whether a lowercased word whose `WordHash` is `hash` is in the set.
  @inline(__always) func contains(_ word: String, hash: UInt64) -> Bool { map.value(of: word, hash: hash) != nil }

  /// Whether the token's lowercased form is in the set, by the token's precomputed hash.
  @inline(__always) func contains(_ token: Token) -> Bool { map.value(of: token.lower, hash: token.hash) != nil }

  /// The set's words and those of `other`.
  func union<S: Sequence>(_ other: S) -> WordSet where S.Element == String {
    var result = self
    for word in other { result.insert(word) }
    return result
  }
}

/// Phrases (lowercased token sequences) by their first two words, so that the phrases that may
/// start at a token are found with two probes however many share its first word ("the group",
/// "the army", "the province", …).
struct PhraseIndex<Value> {
  fileprivate struct Group {
    var bySecond = WordMap<[Value]>()
    var oneWord: [Value] = []
  }
  /// Groups by first word, as indices into `groupList`, so a lookup reads a group in place
  /// rather than copying it out of a table.
  private var groups = WordMap<Int>()
  private var groupList: [Group] = []

  init() {}

  /// Adds a phrase; phrases keep the order they were added in.
  mutating func add(_ phrase: [String], _ value: Value) {
    guard let first = phrase.first else { return }
    let g: Int
    if let existing = groups[first] {
      g = existing
    } else {
      g = groupList.count
      groups[first] = g
      groupList.append(Group())
    }
    if phrase.count == 1 {
      groupList[g].oneWord.append(value)
    } else {
      // In place: copying the list out and back made adding quadratic in phrases that share
      // their first two words.
      groupList[g].bySecond.modify(phrase[1], default: []) { $0.append(value) }
    }
  }

  /// Whether any phrase starts with `token`'s word: when not, `candidates` has none to give, and
  /// callers that probe every token skip it without making its empty lists.
  @inline(__always) func mayStart(with token: Token) -> Bool { groups.contains(token) }

  /// The phrases that may start at `tokens[i]`: those of two or more words whose first two words
  /// are `tokens[i]` and `tokens[i + 1]`, then the one-word phrases `tokens[i]`, each in the order
  /// added. Callers still compare the words after the second.
  func candidates(in tokens: [Token], at i: Int) -> (longer: [Value], oneWord: [Value]) {
    guard let g = groups[tokens[i]] else { return ([], []) }
    let longer =
      i + 1 < tokens.count && !groupList[g].bySecond.isEmpty ? groupList[g].bySecond[tokens[i + 1]] ?? [] : []
    return (longer, groupList[g].oneWord)
  }
}

extension PhraseIndex: Sendable where Value: Sendable {}
extension PhraseIndex.Group: Sendable where Value: Sendable {}

/// Phrases (lowercased word sequences) indexed by their first word, for asking whether any of
/// them occurs in a run of tokens ("is said to", "allegedly", "according to", …).
struct PhraseSet: Sendable {
  /// The phrases by first word, each with its position in the order given.
  private var byFirst = WordMap<[(rank: Int, phrase: [String])]>()

  private var count = 0

  init(_ phrases: [[String]]) {
    for phrase in phrases { append(phrase) }
  }

  /// Adds `phrase` after the others.
  mutating func append(_ phrase: [String]) {
    if let first = phrase.first { byFirst[first, default: []].append((count, phrase)) }
    count += 1
  }

  /// Whether any phrase other than `excluded` occurs in the tokens' lowercased forms (empty
  /// phrases never do), probing by the tokens' precomputed hashes.
  ///
  /// - Complexity: O(*n*) probes for *n* tokens, plus comparing the phrases that start with a token.
  func occurs(in tokens: [Token], excluding excluded: [String]? = nil) -> Bool {
    tokens.indices.contains { start in matches(at: start, in: tokens).contains { $0.phrase != excluded } }
  }

  /// The first phrase (in the order given) that occurs in the tokens' lowercased forms, with its
  /// first occurrence.
  func firstOccurrence(in tokens: [Token]) -> (phrase: [String], start: Int)? {
    var best: (rank: Int, phrase: [String], start: Int)?
    for start in tokens.indices {
      for match in matches(at: start, in: tokens) where best == nil || match.rank < best!.rank {
        best = (match.rank, match.phrase, start)
      }
    }
    return best.map { ($0.phrase, $0.start) }
  }

  /// How many tokens the longest phrase starting at `start` covers, or nil when none starts there.
  func longestMatch(_ tokens: [Token], at start: Int) -> Int? {
    matches(at: start, in: tokens).map(\.phrase.count).max()
  }

  /// The phrases that occur in the tokens starting at `start`.
  private func matches(at start: Int, in tokens: [Token]) -> [(rank: Int, phrase: [String])] {
    guard let candidates = byFirst[tokens[start]] else { return [] }
    return candidates.filter { candidate in
      candidate.phrase.count <= tokens.count - start
        && tokens[start..<(start + candidate.phrase.count)].elementsEqual(candidate.phrase) { $0.lower == $1 }
    }
  }
}
