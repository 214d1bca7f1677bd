package import Foundation
import KGModel

/// The data the parser needs: the Brill lexicon and rules and the irregular-verb table, loaded
/// once and shared (it is a value; copies share storage).
///
/// ```swift
/// let resources = try LanguageResources.load()   // a few ms: one pass over each file's bytes
/// let parser = Parser(resources: resources)
/// ```
public struct LanguageResources: Sendable {
  /// Every lexicon word, every word a rule names, and every irregular verb form.
  var words: WordTable
  /// The lexicon tag of each word id (`Tag.rawValue`), or `noTag` for words only rules name.
  var wordTags: [UInt8]
  var context: [ContextRule]
  var morphology: [MorphologyRule]
  /// Irregular verb forms ("struck", "fled", "been") to their base.
  var irregular: IrregularForms

  static let noTag: UInt8 = 255
  /// The tag of the positions before and after a sentence in contextual rules (Brill's STAART).
  static let boundary: UInt8 = 254

  /// Loads the bundled resources (`Resources/Language`).
  ///
  /// - Throws: `LanguageResourceError.missing` when the bundle lacks a file (a packaging error),
  ///   `.malformed` with the file and line of a record that cannot be read.
  public static func load() throws -> LanguageResources { try LanguageResources(files: bundledFiles()) }

  /// Resources from the bundled files' contents (`bundledFiles()`).
  package init(files: [(name: String, bytes: Data)]) throws {
    guard files.count == 4 else { throw LanguageResourceError.missing(name: "lexicon.txt") }
    try self.init(
      lexicon: files[0].bytes, context: files[1].bytes, morphology: files[2].bytes, irregularVerbs: files[3].bytes)
  }

  /// The bundled files' names and contents: the lexicon, the contextual and morphology rules and
  /// the irregular verbs, in that order.
  package static func bundledFiles() throws -> [(name: String, bytes: Data)] {
    try ["lexicon", "context", "morphology", "irregular-verbs"].map { name in
      guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Language")
      else { throw LanguageResourceError.missing(name: "\(name).txt") }
      return ("Language/\(name).txt", try Data(contentsOf: url))
    }
  }

  /// Resources from the bundled files' contents (`bundledFiles()`), with the lexicon taken from
  /// `lexiconTable` (what `encodedLexicon()` gave for the same files) instead of read from its
  /// text: 94,000 words are then one copy of two arrays rather than 94,000 insertions.
  ///
  /// - Throws: `LanguageResourceError.malformed` when `lexiconTable` is not an encoded lexicon.
  package init(files: [(name: String, bytes: Data)], lexiconTable: UnsafeRawBufferPointer) throws {
    guard files.count == 4, let (table, tags) = WordTable.decode(lexiconTable), tags.count == table.count else {
      throw LanguageResourceError.malformed(file: "lexicon snapshot", line: 0)
    }
    try self.init(
      lexicon: nil, table: table, tags: tags, context: files[1].bytes, morphology: files[2].bytes,
      irregularVerbs: files[3].bytes)
  }

  /// The lexicon's word table and tags in a binary form for `init(files:lexiconTable:)`.
  package func encodedLexicon() -> [UInt8] { words.encoded(tags: wordTags) }

  /// Resources from the four files' contents, in the formats `scripts/convert-textblob-lexicon`
  /// writes.
  init(lexicon: Data, context: Data, morphology: Data, irregularVerbs: Data) throws {
    try self.init(
      lexicon: lexicon, table: WordTable(capacity: 100_000), tags: [], context: context, morphology: morphology,
      irregularVerbs: irregularVerbs)
  }

  /// Resources from the rule files' contents and the lexicon's text, or (`lexicon` nil) its
  /// word table and tags as read before.
  private init(
    lexicon: Data?, table: WordTable, tags: [UInt8], context: Data, morphology: Data, irregularVerbs: Data
  ) throws {
    words = table
    wordTags = tags
    self.context = []
    self.morphology = []
    irregular = IrregularForms()
    var table = words
    var tags = wordTags
    if let lexicon {
      tags.reserveCapacity(100_000)
      try LanguageResources.forEachLine(lexicon) { line, number in
        guard let space = line.lastIndex(of: UInt8(ascii: " ")), space > line.startIndex,
          let tag = Tag(bytes: UnsafeBufferPointer(rebasing: line[(space + 1)...]))
        else { throw LanguageResourceError.malformed(file: "lexicon.txt", line: number) }
        let id = Int(table.insert(UnsafeBufferPointer(rebasing: line[..<space])))
        if id == tags.count { tags.append(tag.rawValue) } else { tags[id] = tag.rawValue }
      }
    }
    func wordID(_ word: Substring) -> Int32 {
      let id = table.insert(String(word))
      if Int(id) == tags.count { tags.append(LanguageResources.noTag) }
      return id
    }
    var contextRules: [ContextRule] = []
    try LanguageResources.forEachLine(context) { line, number in
      let fields = String(decoding: line, as: UTF8.self).split(separator: " ")
      guard fields.count >= 4, let command = ContextRule.Command(rawValue: fields[2].lowercased()),
        let to = Tag(name: fields[1])
      else { throw LanguageResourceError.malformed(file: "context.txt", line: number) }
      func operand(_ field: Substring, isWord: Bool) -> Int32? {
        if isWord { return wordID(field) }
        if field == "STAART" { return Int32(LanguageResources.boundary) }
        return Tag(name: field).map { Int32($0.rawValue) }
      }
      let y = fields.count > 4 ? fields[4] : ""
      let from: UInt8? = fields[0] == "*" ? LanguageResources.noTag : Tag(name: fields[0])?.rawValue
      // A rule naming a tag this tagset lacks can never fire; it is dropped.
      guard let from, let x = operand(fields[3], isWord: command.xIsWord),
        let yv = command.hasY ? operand(y, isWord: command.yIsWord) : -1
      else { return }
      contextRules.append(ContextRule(from: from, to: to.rawValue, command: command, x: x, y: yv))
    }
    var morphologyRules: [MorphologyRule] = []
    try LanguageResources.forEachLine(morphology) { line, number in
      let fields = String(decoding: line, as: UTF8.self).split(separator: " ")
      // "ly hassuf 2 RB x" or "NN s fhassuf 1 NNS x"
      // The command is the second field, or the third (prefixed "f") when a current tag leads.
      let conditional = fields.count >= 3 && fields[2].hasPrefix("f")
      guard fields.count >= 4,
        let command = MorphologyRule.Command(
          rawValue: conditional ? String(fields[2].dropFirst()) : String(fields[1])),
        let to = Tag(name: fields[fields.count - 2])
      else { throw LanguageResourceError.malformed(file: "morphology.txt", line: number) }
      let required: UInt8? = conditional ? Tag(name: fields[0])?.rawValue : nil
      if conditional, required == nil { return }
      let affix = fields[conditional ? 1 : 0]
      morphologyRules.append(
        MorphologyRule(
          required: required, command: command, affix: Array(affix.utf8),
          affixWord: command == .goodleft || command == .goodright ? wordID(affix) : -1, to: to))
    }
    var irregularForms = IrregularForms()
    try LanguageResources.forEachLine(irregularVerbs) { line, number in
      let fields = String(decoding: line, as: UTF8.self).split(separator: " ")
      guard fields.count == 3 else { throw LanguageResourceError.malformed(file: "irregular-verbs.txt", line: number) }
      let base = String(fields[0])
      for field in fields.dropFirst() {
        for form in field.split(separator: "/") where form != base { irregularForms.set(String(form), base: base) }
      }
    }
    words = table
    wordTags = tags
    self.context = contextRules
    self.morphology = morphologyRules
    irregular = irregularForms
  }

  private static func forEachLine(
    _ data: Data, _ body: (UnsafeBufferPointer<UInt8>.SubSequence, Int) throws -> Void
  ) throws {
    try data.withUnsafeBytes { raw in
      let buffer = raw.bindMemory(to: UInt8.self)
      var start = 0
      var number = 1
      for i in 0...buffer.count where i == buffer.count || buffer[i] == UInt8(ascii: "\n") {
        if i > start { try body(buffer[start..<i], number) }
        start = i + 1
        number += 1
      }
    }
  }

  /// The lexicon tag of `word`, or nil when the lexicon does not list it.
  func lexiconTag(_ word: UnsafeBufferPointer<UInt8>) -> Tag? {
    guard let id = words.id(of: word) else { return nil }
    return Tag(rawValue: wordTags[Int(id)])
  }

  func lexiconTag(_ word: String) -> Tag? { word.withUTF8Bytes { lexiconTag($0) } }
}

/// Irregular verb forms and their bases, probed by bytes in a small `WordTable` (a lemma asks for
/// every past form and participle; a `[String: String]` hashed each with SipHash).
struct IrregularForms: Sendable {
  private var forms = WordTable(capacity: 512)
  private var bases: [String] = []

  /// The base of `form`, or nil.
  subscript(_ form: String) -> String? {
    guard let id = forms.id(of: form) else { return nil }
    return bases[Int(id)]
  }

  /// Makes `base` the base of `form` (a form given twice keeps its last base).
  mutating func set(_ form: String, base: String) {
    let id = Int(forms.insert(form))
    if id < bases.count { bases[id] = base } else { bases.append(base) }
  }
}

/// A bundled language resource that is missing or unreadable: a packaging error, not a user's.
public enum LanguageResourceError: Error, CustomStringConvertible {
  case missing(name: String)
  case malformed(file: String, line: Int)

  public var description: String {
    switch self {
    case .missing(let name):
      "KGLanguage resource '\(name)' is missing from the bundle; rebuild the package (swift build)."
    case .malformed(let file, let line):
      "\(file):\(line): the record cannot be read; regenerate it with scripts/convert-textblob-lexicon."
    }
  }
}

extension Tag {
  /// The tag written in `bytes`, or nil.
  init?(bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count <= 4 else { return nil }
    var key: UInt32 = 0
    for b in bytes { key = key << 8 | UInt32(b) }
    guard let tag = Tag.byPackedName[key] else { return nil }
    self = tag
  }

  private static let byPackedName: [UInt32: Tag] = {
    var table: [UInt32: Tag] = [:]
    for tag in Tag.allCases {
      var key: UInt32 = 0
      for b in tag.description.utf8 { key = key << 8 | UInt32(b) }
      table[key] = tag
    }
    table[UInt32(UInt8(ascii: "\""))] = .closeQuote
    return table
  }()
}
