/// The entries of a user's dictionary file read straight from its bytes into values, without a
/// `DictNode` tree, for the shape a large user's file has: `actors:` and `places:` lists whose
/// items are one-line flow mappings (`- {id: x, name: X, type: armed_group, aliases: [Y, Z]}`).
///
/// Building the tree of a 50,000-entry file and freeing it cost three quarters of a second's
/// worth of instructions, and each entry's keys were then looked up in it one by one.
///
/// It reads with `FlowYAMLParser`'s line splitting and scalars, so every value is the string the
/// tree would hold, and it answers nil at anything else: another section, a key an entry may not
/// have, a key written twice, a value of the wrong shape (a list for `name`, a mapping in
/// `aliases`), or anything outside `FlowYAMLParser`'s subset. The caller then reads the file
/// through `YAMLValue` as before, which reports the mistake, so every error is the same, by file
/// and line. What it accepts, the tree path accepts too and reads to the same entries
/// (`UserFileEntriesTests`).
struct UserFileEntries {
  /// One item of `actors` or `places`, with the values of its keys (all on `line`).
  struct Entry {
    var line: Int
    var id: String?
    var name: String?
    var type: String?
    /// `part_of`, nil when absent or null (`null`, `~`, empty), as `YAMLValue.isNull` reads it.
    var partOf: String?
    var aliases: [String] = []
    /// `terrorist: true`, `coalition: true`.
    var terrorist = false
    var coalition = false
    var backedBy: [String] = []
    var defaultFor: [String] = []
    /// `capital_of`, nil when absent or null.
    var capitalOf: String?

    init(line: Int) { self.line = line }
  }

  var actors: [Entry] = []
  var places: [Entry] = []

  /// The entries of `text`; nil when it is not a file of one-line flow-mapping entries under
  /// `actors` and `places` (read it through `YAMLValue`).
  init?(_ text: String) {
    var text = text
    guard let read = text.withUTF8({ bytes -> UserFileEntries? in Self.read(bytes) }) else { return nil }
    self = read
  }

  private init() {}

  private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> UserFileEntries? {
    var reader = FlowYAMLParser.Reader(bytes)
    guard reader.splitLines() else { return nil }
    var result = UserFileEntries()
    // Sized for the file: about one entry per line.
    result.actors.reserveCapacity(reader.lines.count)
    guard let first = reader.lines.first else { return result }
    let lines = reader.lines
    let indent = first.indent
    var index = 0
    var sections: (actors: Bool, places: Bool) = (false, false)
    while index < lines.count {
      // A key of the file's mapping, as `FlowYAMLParser.Reader.mapping` reads it.
      let line = lines[index]
      guard line.indent == indent, !reader.isDash(line) else { return nil }
      var pos = line.start
      guard let key = reader.blockKey(&pos, line.end) else { return nil }
      let isActors: Bool
      switch key {
      case "actors":
        guard !sections.actors else { return nil }
        sections.actors = true
        isActors = true
      case "places":
        guard !sections.places else { return nil }
        sections.places = true
        isActors = false
      default: return nil
      }
      reader.skipSpaces(&pos, line.end)
      index += 1
      if !reader.atEnd(pos, line.end) {
        // "actors: []"
        guard bytes[pos] == 0x5B else { return nil }
        pos += 1
        reader.skipSpaces(&pos, line.end)
        guard pos < line.end, bytes[pos] == 0x5D, reader.atEnd(pos + 1, line.end) else { return nil }
        continue
      }
      // The list: "- {…}" lines, deeper or at the key's indentation ("actors:" alone is null).
      guard index < lines.count, lines[index].indent >= indent, reader.isDash(lines[index]) else { return nil }
      let itemIndent = lines[index].indent
      while index < lines.count, lines[index].indent == itemIndent, reader.isDash(lines[index]) {
        let item = lines[index]
        var pos = item.start + 1
        reader.skipSpaces(&pos, item.end)
        var entry = UserFileEntries.Entry(line: item.number)
        guard pos < item.end, bytes[pos] == 0x7B, reader.entry(&pos, line: item, into: &entry),
          reader.atEnd(pos, item.end)
        else { return nil }
        if isActors { result.actors.append(entry) } else { result.places.append(entry) }
        index += 1
      }
      if index < lines.count && lines[index].indent > itemIndent { return nil }
    }
    return result
  }
}

extension FlowYAMLParser.Reader {
  /// The keys an entry of `actors` or `places` may have (`ActorDictionary.entryKeys`), by bit.
  private enum EntryKey: UInt16 {
    case id = 1
    case name = 2
    case type = 4
    case aliases = 8
    case partOf = 16
    case terrorist = 32
    case coalition = 64
    case backedBy = 128
    case defaultFor = 256
    case capitalOf = 512

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      // Compared on the bytes: no string is made for a key.
      @inline(__always) func equals(_ key: StaticString) -> Bool {
        guard key.utf8CodeUnitCount == bytes.count else { return false }
        for k in 0..<bytes.count where bytes[k] != key.utf8Start[k] { return false }
        return true
      }
      switch bytes.first {
      case UInt8(ascii: "i") where equals("id"): self = .id
      case UInt8(ascii: "n") where equals("name"): self = .name
      case UInt8(ascii: "t") where equals("type"): self = .type
      case UInt8(ascii: "t") where equals("terrorist"): self = .terrorist
      case UInt8(ascii: "a") where equals("aliases"): self = .aliases
      case UInt8(ascii: "p") where equals("part_of"): self = .partOf
      case UInt8(ascii: "c") where equals("coalition"): self = .coalition
      case UInt8(ascii: "c") where equals("capital_of"): self = .capitalOf
      case UInt8(ascii: "b") where equals("backed_by"): self = .backedBy
      case UInt8(ascii: "d") where equals("default_for"): self = .defaultFor
      default: return nil
      }
    }

    var isList: Bool { self == .aliases || self == .backedBy || self == .defaultFor }
  }

  /// Whether a scalar is null as `YAMLValue.isNull` reads it.
  private static func isNull(_ s: String) -> Bool { s.isEmpty || s == "null" || s == "~" }

  /// The flow mapping at `pos` (its "{") read into `entry`, as `flowMapping` reads it into a
  /// tree; false for anything `flowMapping` leaves to Yams, and for an unknown key, a key written
  /// twice or a value of the wrong shape (the tree path reports those).
  fileprivate func entry(_ pos: inout Int, line: FlowYAMLParser.Line, into entry: inout UserFileEntries.Entry) -> Bool {
    let end = line.end
    pos += 1
    var seen: UInt16 = 0
    while true {
      skipSpaces(&pos, end)
      guard pos < end else { return false }
      if bytes[pos] == 0x7D {
        pos += 1
        return true
      }
      // The key: plain, up to ": ".
      let start = pos
      guard !isIndicator(bytes[pos]) else { return false }
      while pos < end && !(bytes[pos] == 0x3A && (pos + 1 < end && bytes[pos + 1] == 0x20)) {
        if isFlowEnd(bytes[pos]) { return false }
        pos += 1
      }
      guard pos < end else { return false }
      var keyEnd = pos
      while keyEnd > start && bytes[keyEnd - 1] == 0x20 { keyEnd -= 1 }
      guard let key = EntryKey(UnsafeBufferPointer(rebasing: bytes[start..<keyEnd])), seen & key.rawValue == 0
      else { return false }
      seen |= key.rawValue
      pos += 1
      skipSpaces(&pos, end)
      guard pos < end else { return false }
      if key.isList {
        var items: [String] = []
        if bytes[pos] == 0x5B {
          guard let list = scalarList(&pos, end) else { return false }
          items = list
        } else if bytes[pos] != 0x2C && bytes[pos] != 0x7D {
          // A scalar stands for an empty list only when it is null; anything else is a mistake.
          guard bytes[pos] != 0x7B, let s = scalar(&pos, end, inBlock: false), Self.isNull(s) else { return false }
        }
        switch key {
        case .aliases: entry.aliases = items
        case .backedBy: entry.backedBy = items
        default: entry.defaultFor = items
        }
      } else {
        var value = ""
        if bytes[pos] != 0x2C && bytes[pos] != 0x7D {
          guard bytes[pos] != 0x5B && bytes[pos] != 0x7B, let s = scalar(&pos, end, inBlock: false) else {
            return false
          }
          value = s
        }
        switch key {
        case .id: entry.id = value
        case .name: entry.name = value
        case .type: entry.type = value
        case .partOf: entry.partOf = Self.isNull(value) ? nil : value
        case .terrorist: entry.terrorist = value == "true"
        case .coalition: entry.coalition = value == "true"
        default: entry.capitalOf = Self.isNull(value) ? nil : value
        }
      }
      skipSpaces(&pos, end)
      guard pos < end else { return false }
      if bytes[pos] == 0x2C {
        pos += 1
      } else if bytes[pos] != 0x7D {
        return false
      }
    }
  }

  /// A one-line flow sequence of scalars at `pos` (its "["), as `flowSequence` reads it; nil for
  /// a nested collection, or anything `flowSequence` leaves to Yams.
  private func scalarList(_ pos: inout Int, _ end: Int) -> [String]? {
    pos += 1
    var items: [String] = []
    items.reserveCapacity(4)
    while true {
      skipSpaces(&pos, end)
      guard pos < end else { return nil }
      if bytes[pos] == 0x5D {
        pos += 1
        return items
      }
      guard bytes[pos] != 0x2C, bytes[pos] != 0x5B, bytes[pos] != 0x7B, let item = scalar(&pos, end, inBlock: false)
      else { return nil }
      items.append(item)
      skipSpaces(&pos, end)
      guard pos < end else { return nil }
      if bytes[pos] == 0x2C {
        pos += 1
      } else if bytes[pos] != 0x5D {
        return nil
      }
    }
  }
}
