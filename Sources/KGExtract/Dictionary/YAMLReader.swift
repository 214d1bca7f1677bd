import Yams

/// A parsed YAML node with the 1-based line it starts on, whichever parser read it.
indirect enum DictNode: Equatable {
  case scalar(String, line: Int)
  case sequence([DictNode], line: Int)
  /// Keys with their values in file order; keys are nodes so that a non-scalar key can be reported.
  case mapping([DictNodePair], line: Int)

  /// Whether the node is the scalar `value`.
  func isScalar(_ value: String) -> Bool {
    if case .scalar(let s, _) = self { return s == value }
    return false
  }

  var line: Int {
    switch self {
    case .scalar(_, let line), .sequence(_, let line), .mapping(_, let line): line
    }
  }

  /// The same tree from a Yams node.
  init(_ node: Node) {
    let line = node.mark?.line ?? 0
    switch node {
    case .scalar(let scalar): self = .scalar(scalar.string, line: line)
    case .sequence(let sequence): self = .sequence(sequence.map(DictNode.init), line: line)
    case .mapping(let mapping):
      self = .mapping(mapping.map { DictNodePair(key: DictNode($0.key), value: DictNode($0.value)) }, line: line)
    case .alias: self = .scalar("", line: line)
    }
  }
}

struct DictNodePair: Equatable {
  var key: DictNode
  var value: DictNode
}

/// A YAML node with the file and line it came from, for errors that point at the line.
///
/// Files are read by `FlowYAMLParser` when they keep to the block-and-flow subset the
/// dictionaries are written in (it reads 50,000 entries in a fraction of a second), and by Yams
/// otherwise, so anything YAML allows still loads and every mistake is still reported by line.
struct YAMLValue {
  let node: DictNode
  let file: String

  var line: Int { node.line }

  static func parse(_ text: String, file: String) throws(DictionaryError) -> YAMLValue? {
    switch FlowYAMLParser.parse(text) {
    case .node(let node): return YAMLValue(node: node, file: file)
    case .empty: return nil
    case .unsupported: return try parseWithYams(text, file: file)
    }
  }

  /// The whole file through Yams: the general path, and the one that explains a malformed file.
  static func parseWithYams(_ text: String, file: String) throws(DictionaryError) -> YAMLValue? {
    do {
      guard let node = try Yams.compose(yaml: text) else { return nil }
      return YAMLValue(node: DictNode(node), file: file)
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

  var isMapping: Bool {
    if case .mapping = node { return true }
    return false
  }

  subscript(key: String) -> YAMLValue? {
    guard case .mapping(let pairs, _) = node else { return nil }
    for pair in pairs {
      if case .scalar(let k, _) = pair.key, k == key { return YAMLValue(node: pair.value, file: file) }
    }
    return nil
  }

  /// How many items a sequence has (0 for any other node).
  var count: Int {
    if case .sequence(let items, _) = node { return items.count }
    return 0
  }

  var isNull: Bool {
    if case .scalar(let s, _) = node { return s == "null" || s == "~" || s.isEmpty }
    return false
  }

  func string(_ what: String) throws(DictionaryError) -> String {
    guard case .scalar(let scalar, _) = node else { throw fail("\(what) should be a plain value") }
    return scalar
  }

  func list(_ what: String) throws(DictionaryError) -> [YAMLValue] {
    if isNull { return [] }
    guard case .sequence(let items, _) = node else { throw fail("\(what) should be a list") }
    return items.map { YAMLValue(node: $0, file: file) }
  }

  func strings(_ what: String) throws(DictionaryError) -> [String] {
    if isNull { return [] }
    guard case .sequence(let items, _) = node else { throw fail("\(what) should be a list") }
    var result: [String] = []
    result.reserveCapacity(items.count)
    for item in items {
      guard case .scalar(let s, _) = item else {
        throw YAMLValue(node: item, file: file).fail("each item of \(what) should be a plain value")
      }
      result.append(s)
    }
    return result
  }

  func pairs(_ what: String) throws(DictionaryError) -> [(String, YAMLValue)] {
    try keyedPairs(what).map { ($0.0, $0.2) }
  }

  /// Each key with the node of the key itself (for its line) and its value.
  func keyedPairs(_ what: String) throws(DictionaryError) -> [(String, YAMLValue, YAMLValue)] {
    guard case .mapping(let pairs, _) = node else { throw fail("\(what) should be a mapping of keys to values") }
    var result: [(String, YAMLValue, YAMLValue)] = []
    for pair in pairs {
      guard case .scalar(let k, _) = pair.key else { throw fail("a key of \(what) should be a plain value") }
      result.append((k, YAMLValue(node: pair.key, file: file), YAMLValue(node: pair.value, file: file)))
    }
    return result
  }

  /// Rejects keys outside `allowed`, so a typo ("alias:" for "aliases:") is an error, not a silent no-op.
  func checkKeys(_ allowed: Set<String>, in what: String) throws(DictionaryError) {
    guard case .mapping(let pairs, _) = node else { throw fail("\(what) should be a mapping of keys to values") }
    for pair in pairs {
      guard case .scalar(let key, let line) = pair.key else { throw fail("a key of \(what) should be a plain value") }
      // A handful of keys: compared one by one rather than hashed (a 50,000-entry file has
      // 250,000 keys to check).
      if !(allowed.count <= 16 ? allowed.contains(where: { $0 == key }) : allowed.contains(key)) {
        throw .malformedEntry(
          file: file, line: line,
          reason: "unknown key '\(key)' in \(what); expected one of \(allowed.sorted().joined(separator: ", "))")
      }
    }
  }
}
