import KGModel

/// Capitalised dictionary aliases by their folded spelling (`NameFolding.key`), so that
/// "Hayat Tahrir al Sham" finds the entry written "Hay'at Tahrir al-Sham". Folds shorter than
/// four letters ("IS", "US") and folds shared by two entities are left out.
struct FoldedAliasIndex: Sendable {
  /// The entries by key, in an index built by `init(_:)`; empty in one read from a snapshot.
  private(set) var entries: [String: AliasEntry] = [:]
  /// Folded first words of the keys, so most tokens are passed over after one probe.
  private(set) var firstWords: Set<String> = []
  /// The most tokens a key spans.
  private(set) var longest = 0
  /// The snapshot the keys are probed in, in an index read from one (`DictionarySnapshot`).
  private var snapshot: DictionarySnapshot.Tables?

  /// The index kept in a snapshot, as `init(_:)` built it, read in place.
  init(snapshot: DictionarySnapshot.Tables) {
    self.snapshot = snapshot
    longest = snapshot.foldedLongest
  }

  /// How many keys the index has.
  var count: Int { snapshot?.foldedCount ?? entries.count }

  /// The entry of a folded key.
  func entry(forKey key: String) -> AliasEntry? {
    guard let snapshot else { return entries[key] }
    return snapshot.foldedEntry(key)
  }

  /// Whether a folded word opens a key.
  func opensKey(_ word: String) -> Bool {
    guard let snapshot else { return firstWords.contains(word) }
    return snapshot.hasFoldedFirstWord(word)
  }

  init<S: Sequence>(_ aliases: S) where S.Element == AliasEntry {
    var ambiguous: Set<String> = []
    for entry in aliases where entry.priority >= 1 {
      guard let rule = entry.rules.first, rule != .any else { continue }
      let key = NameFolding.key(entry.tokens)
      guard key.utf8.count >= 4 else { continue }
      if let other = entries[key] {
        if other.entityID != entry.entityID { ambiguous.insert(key) }
        if other.priority >= entry.priority { continue }
      }
      entries[key] = entry
    }
    for key in ambiguous { entries[key] = nil }
    // Words found by their space bytes: splitting the String walked its grapheme clusters, which
    // cost a third of building the index.
    for key in entries.keys {
      let utf8 = key.utf8
      let firstSpace = utf8.firstIndex(of: UInt8(ascii: " ")) ?? utf8.endIndex
      firstWords.insert(String(key[..<firstSpace]))
      longest = max(longest, utf8.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 })
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
      } else if tokens[k].lower != "-" {
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
