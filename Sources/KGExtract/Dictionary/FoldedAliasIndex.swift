import KGModel

/// Capitalised dictionary aliases by their folded spelling (`NameFolding.key`), so that
/// "Hayat Tahrir al Sham" finds the entry written "Hay'at Tahrir al-Sham". Folds shorter than
/// four letters ("IS", "US") and folds shared by two entities are left out.
struct FoldedAliasIndex: Sendable {
  /// Each key's position in `keyed`, in an index built by `init(_:)`; empty in one read from a
  /// snapshot. Probed by `WordHash`, like the snapshot's table: a `[String: AliasEntry]` hashed
  /// every key with SipHash, a third of building the index.
  private var positions = WordMap<Int>()
  /// The entries by position, nil for a key two entities share.
  private var keyed: [AliasEntry?] = []
  /// How many keys have an entry.
  private var live = 0
  /// Folded first words of the keys, so most tokens are passed over after one probe.
  private var firstWordTable = WordMap<Bool>()
  /// The most tokens a key spans.
  private(set) var longest = 0
  /// Keys two entities share (left out), in an index built by `init(_:)`: what a user's layer
  /// must know to leave out a key it shares with a built-in one.
  private(set) var sharedKeys: [String] = []
  /// The snapshot the keys are probed in, in an index read from one (`DictionarySnapshot`).
  private var snapshot: DictionarySnapshot.Tables?
  /// The index of a user's layer (`ActorDictionary.layer`), probed with this one (at most one
  /// element: an array, as a struct cannot hold itself).
  private var user: [FoldedAliasIndex] = []

  /// The index kept in a snapshot, as `init(_:)` built it, read in place.
  init(snapshot: DictionarySnapshot.Tables) {
    self.snapshot = snapshot
    longest = snapshot.foldedLongest
  }

  /// The index read from `snapshot` with a user's layer over it: a key the layer has names its
  /// entity unless the built-in index shares it with another entity (the index built from the two
  /// dictionaries merged gives the same entities).
  init(snapshot: DictionarySnapshot.Tables, user: FoldedAliasIndex) {
    self.init(snapshot: snapshot)
    self.user = [user]
    longest = max(longest, user.longest)
  }

  /// How many keys the index has (with a user's layer, at most).
  var count: Int { (snapshot?.foldedCount ?? live) + (user.first?.count ?? 0) }

  /// Whether two entities share `key` (such a key is left out).
  func isShared(_ key: String) -> Bool {
    guard let snapshot else { return sharedKeys.contains(key) }
    return snapshot.isFoldedShared(key)
  }

  /// The entries by key, in an index built by `init(_:)` (what a snapshot is written from).
  var entries: [String: AliasEntry] {
    var all: [String: AliasEntry] = [:]
    all.reserveCapacity(live)
    for (key, position) in zip(positions.words, positions.values) {
      if let entry = keyed[position] { all[key] = entry }
    }
    return all
  }

  /// Folded first words of the keys, in an index built by `init(_:)`.
  var firstWords: Set<String> { Set(firstWordTable.words) }

  /// The entry of a folded key.
  func entry(forKey key: String) -> AliasEntry? {
    guard let snapshot else { return positions[key].flatMap { keyed[$0] } }
    let builtIn = snapshot.foldedEntry(key)
    guard let layer = user.first else { return builtIn }
    if let mine = layer.positions[key] {
      // The user's entries share the key between two entities: left out, as merged.
      guard let entry = layer.keyed[mine] else { return nil }
      guard let builtIn else { return snapshot.isFoldedShared(key) ? nil : entry }
      if builtIn.entityID != entry.entityID { return nil }
      // The higher priority keeps the key; of equals, the built-in entry, added first.
      return builtIn.priority >= entry.priority ? builtIn : entry
    }
    return builtIn
  }

  /// Whether a folded word opens a key.
  func opensKey(_ word: String) -> Bool {
    guard let snapshot else { return firstWordTable[word] != nil }
    return snapshot.hasFoldedFirstWord(word) || user.first?.opensKey(word) == true
  }

  /// The index of `dictionary`'s entries: read in place from its snapshot, with its user's
  /// layer's entries over it, or built.
  init(of dictionary: ActorDictionary) {
    guard let snapshot = dictionary.snapshot else {
      self.init(dictionary.entries.values.joined())
      return
    }
    guard let layer = dictionary.layer else {
      self.init(snapshot: snapshot)
      return
    }
    self.init(snapshot: snapshot, user: FoldedAliasIndex(layer.own.storedEntries.values.joined()))
  }

  init<S: Sequence>(_ aliases: S) where S.Element == AliasEntry {
    var ambiguous: [Bool] = []
    var shapes: [(firstWordLength: Int, words: Int)] = []
    // One buffer for every key: a key is made a `String` only when it is long enough to keep.
    var buffer: [UInt8] = []
    buffer.reserveCapacity(256)
    for entry in aliases where entry.priority >= 1 {
      guard let rule = entry.rules.first, rule != .any else { continue }
      buffer.removeAll(keepingCapacity: true)
      NameFolding.appendKey(entry.tokens, to: &buffer)
      guard buffer.count >= 4 else { continue }
      let key = String(decoding: buffer, as: UTF8.self)
      let inserted = positions.modify(key, default: keyed.count) { $0 }
      if inserted == keyed.count {
        keyed.append(entry)
        ambiguous.append(false)
        // The first word's length and the words' count, read off the bytes while they are at hand.
        let firstSpace = buffer.firstIndex(of: UInt8(ascii: " ")) ?? buffer.count
        shapes.append((firstSpace, buffer.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 }))
        continue
      }
      let other = keyed[inserted]!
      if other.entityID != entry.entityID { ambiguous[inserted] = true }
      if other.priority >= entry.priority { continue }
      keyed[inserted] = entry
    }
    for (position, shared) in ambiguous.enumerated() where shared { keyed[position] = nil }
    // `ambiguous[position]` is `keyed[position] == nil`, without copying the entry out to ask.
    for (key, position) in zip(positions.words, positions.values) where ambiguous[position] {
      sharedKeys.append(key)
    }
    for (key, position) in zip(positions.words, positions.values) where !ambiguous[position] {
      live += 1
      let shape = shapes[position]
      var key = key
      let firstWord =
        shape.firstWordLength == key.utf8.count
        ? key
        : key.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<shape.firstWordLength]), as: UTF8.self) }
      firstWordTable[firstWord] = true
      longest = max(longest, shape.words)
    }
  }

  /// The entry whose folded key the tokens from `start` spell, longest first, over tokens not
  /// yet `covered`; the number of tokens it spans.
  func match(_ tokens: [Token], at start: Int, covered: [Bool]) -> (AliasEntry, Int)? {
    guard count > 0 else { return nil }
    let first = NameFolding.fold(tokens[start].text)
    guard opensKey(first) else { return nil }
    // keys[n - 1] is the first n folded words joined by spaces, built word by word rather than
    // joined again for every length.
    var keys: [String] = []
    var ends: [Int] = []
    var k = start
    while k < tokens.count, !covered[k], keys.count < longest {
      let f = k == start ? first : NameFolding.fold(tokens[k].text)
      if !f.isEmpty {
        guard tokens[k].isWord else { break }
        keys.append(keys.last.map { $0 + " " + f } ?? f)
        ends.append(k + 1)
      } else if !tokens[k].is("-") {
        break
      }
      k += 1
    }
    for n in stride(from: keys.count, through: 1, by: -1) {
      if let entry = entry(forKey: keys[n - 1]) { return (entry, ends[n - 1] - start) }
    }
    return nil
  }
}
