extension EntityLookup {
  /// Names of entities whose id, name or alias is near `text`, best first, at most `limit`.
  ///
  /// A key is near when its edit distance to `text` (both folded) is at most a third of the
  /// longer one's length (at least 1 and at most 3), or when one contains the other at the start of a word;
  /// argument-parser's "Did you mean" and spaCy's suggestion lists work the same way.
  ///
  /// - Complexity: O(*k* · *m*²) for *k* keys of length *m*.
  public func suggestions(for text: String, limit: Int = 3) -> [String] {
    let needle = Self.fold(text)
    guard !needle.isEmpty else { return [] }
    let needleScalars = Array(needle.unicodeScalars)
    var best: [Int: Int] = [:]  // entity → score (lower is better)
    for (key, ids) in byKey {
      let keyScalars = Array(key.unicodeScalars)
      let longest = max(keyScalars.count, needleScalars.count)
      let allowed = min(3, max(1, longest / 3))
      var score: Int?
      if abs(keyScalars.count - needleScalars.count) <= allowed,
        let d = Self.editDistance(needleScalars, keyScalars, bound: allowed)
      {
        score = d
      } else if needle.count >= 3,
        ("-" + key).contains("-" + needle) || (key.count >= 3 && ("-" + needle).contains("-" + key))
      {
        score = allowed + 1
      }
      guard let score else { continue }
      for i in ids where best[i].map({ score < $0 }) ?? true { best[i] = score }
    }
    let ranked = best.sorted { a, b in
      a.value != b.value ? a.value < b.value : entities[a.key].name < entities[b.key].name
    }
    var names: [String] = []
    for (i, _) in ranked {
      let name = entities[i].name
      if !names.contains(name) { names.append(name) }
      if names.count == limit { break }
    }
    return names
  }

  /// Edit distance between `a` and `b` counting insertions, deletions, substitutions and swaps
  /// of two neighbouring characters (optimal string alignment), or nil when it exceeds `bound`.
  ///
  /// - Complexity: O(|*a*| · |*b*|) time, O(|*b*|) space.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int) -> Int? {
    if a.isEmpty { return b.count <= bound ? b.count : nil }
    if b.isEmpty { return a.count <= bound ? a.count : nil }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
        rowMin = min(rowMin, current[j])
      }
      if rowMin > bound { return nil }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count] <= bound ? previous[b.count] : nil
  }
}
