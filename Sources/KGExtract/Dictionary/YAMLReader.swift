import Yams

/// A YAML node with the file and line it came from, for errors that point at the line.
struct YAMLValue {
  let node: Node
  let file: String

  var line: Int { node.mark?.line ?? 0 }

  static func parse(_ text: String, file: String) throws(DictionaryError) -> YAMLValue? {
    do {
      guard let node = try Yams.compose(yaml: text) else { return nil }
      return YAMLValue(node: node, file: file)
    } catch let error as YamlError {
      if case .duplicatedKeysInMapping(let duplicates, let context) = error, let key = duplicates.first {
        // Yams points at the first occurrence; the mistake is the second one.
        let line = Self.secondOccurrence(of: key, column: context.mark.column, in: text) ?? context.mark.line
        throw .malformedEntry(
          file: file, line: line, reason: "'\(key)' appears twice in the same mapping; merge the two into one")
      }
      throw .malformedYAML(file: file, line: Self.line(of: error), reason: Self.reason(of: error))
    } catch {
      throw .malformedYAML(file: file, line: 0, reason: "\(error)")
    }
  }

  /// The 1-based line of the second "key:" at `column` (1-based), if there is one.
  static func secondOccurrence(of key: String, column: Int, in text: String) -> Int? {
    var seen = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let indent = line.prefix { $0 == " " }.count
      guard indent == column - 1, line.dropFirst(indent).hasPrefix(key + ":") else { continue }
      seen += 1
      if seen == 2 { return index + 1 }
    }
    return nil
  }

  static func line(of error: YamlError) -> Int {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    default:
      return 0
    }
  }

  static func reason(of error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
      return problem
    default:
      return "\(error)"
    }
  }

  func fail(_ reason: String) -> DictionaryError { .malformedEntry(file: file, line: line, reason: reason) }

  subscript(key: String) -> YAMLValue? {
    guard let mapping = node.mapping else { return nil }
    return mapping[Node(key)].map { YAMLValue(node: $0, file: file) }
  }

  var isNull: Bool {
    if case .scalar(let s) = node { return s.string == "null" || s.string == "~" || s.string.isEmpty }
    return false
  }

  func string(_ what: String) throws(DictionaryError) -> String {
    guard case .scalar(let scalar) = node else { throw fail("\(what) should be a plain value") }
    return scalar.string
  }

  func list(_ what: String) throws(DictionaryError) -> [YAMLValue] {
    if isNull { return [] }
    guard case .sequence(let seq) = node else { throw fail("\(what) should be a list") }
    return seq.map { YAMLValue(node: $0, file: file) }
  }

  func strings(_ what: String) throws(DictionaryError) -> [String] {
    var result: [String] = []
    for item in try list(what) { result.append(try item.string("each item of \(what)")) }
    return result
  }

  func pairs(_ what: String) throws(DictionaryError) -> [(String, YAMLValue)] {
    try keyedPairs(what).map { ($0.0, $0.2) }
  }

  /// Each key with the node of the key itself (for its line) and its value.
  func keyedPairs(_ what: String) throws(DictionaryError) -> [(String, YAMLValue, YAMLValue)] {
    guard case .mapping(let mapping) = node else { throw fail("\(what) should be a mapping of keys to values") }
    var result: [(String, YAMLValue, YAMLValue)] = []
    for (key, value) in mapping {
      guard case .scalar(let k) = key else { throw fail("a key of \(what) should be a plain value") }
      result.append((k.string, YAMLValue(node: key, file: file), YAMLValue(node: value, file: file)))
    }
    return result
  }

  /// Rejects keys outside `allowed`, so a typo ("alias:" for "aliases:") is an error, not a silent no-op.
  func checkKeys(_ allowed: Set<String>, in what: String) throws(DictionaryError) {
    for (key, keyNode, _) in try keyedPairs(what) where !allowed.contains(key) {
      throw keyNode.fail("unknown key '\(key)' in \(what); expected one of \(allowed.sorted().joined(separator: ", "))")
    }
  }
}
