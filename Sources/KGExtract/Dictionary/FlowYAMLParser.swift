/// Reads the subset of YAML that kg's dictionaries are written in, fast: block mappings and
/// sequences by indentation, whose values are plain or quoted scalars or one-line flow
/// collections (`- {id: isis, name: ISIS, aliases: [IS, ISIL]}`).
///
/// Yams builds a libyaml event stream and a node tree with tags and marks for every scalar;
/// for the generated 25,000-entry Phoenix file that is most of a second. This parser reads the
/// same files byte by byte into the same tree (`DictNode`, lines included), and answers
/// `.unsupported` at the first construct outside the subset (anchors, tags, block scalars,
/// multi-line flow collections, keys written twice, tabs in indentation, anything malformed),
/// so the caller reads that file with Yams, which then accepts it or reports the mistake with
/// its line, exactly as before. `FlowYAMLParserTests` checks that both parsers give equal
/// trees for every built-in file.
enum FlowYAMLParser {
  enum Outcome {
    case node(DictNode)
    /// A document with no content.
    case empty
    /// Outside the subset: read the file with Yams.
    case unsupported
  }

  static func parse(_ text: String) -> Outcome {
    let bytes = Array(text.utf8)
    // Read through a buffer pointer: array subscripts cost much more in debug builds, which
    // every test run uses.
    return bytes.withUnsafeBufferPointer { buffer -> Outcome in
      var reader = Reader(buffer)
      guard reader.splitLines() else { return .unsupported }
      guard let first = reader.lines.first else { return .empty }
      var index = 0
      guard let node = reader.block(&index, indent: first.indent), index == reader.lines.count else {
        return .unsupported
      }
      return .node(node)
    }
  }

  /// One line with content: its 1-based number, indentation and the byte range after it.
  struct Line {
    var number: Int
    var indent: Int
    var start: Int
    var end: Int
  }

  struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var lines: [Line] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Lines with content, comments and blank lines left out; false if the text leaves the
    /// subset at line level (tabs in indentation, directives, document markers, a byte-order mark).
    mutating func splitLines() -> Bool {
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return false }
      var number = 0
      var i = 0
      while i < bytes.count {
        number += 1
        var end = i
        while end < bytes.count {
          let b = bytes[end]
          // Printable ASCII, nearly every byte, passed with one test.
          if b >= 0x20 && b < 0x7F {
            end += 1
            continue
          }
          if b == 0x0A { break }
          // Control characters other than tab and CR (C0, DEL, and C1 as UTF-8 0xC2 0x80-0x9F):
          // Yams rejects them, and says where.
          if b < 0x20 && b != 0x09 && b != 0x0D || b == 0x7F { return false }
          if b == 0xC2 && end + 1 < bytes.count && bytes[end + 1] >= 0x80 && bytes[end + 1] <= 0x9F { return false }
          end += 1
        }
        var lineEnd = end
        if lineEnd > i && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        var start = i
        while start < lineEnd && bytes[start] == 0x20 { start += 1 }
        if start < lineEnd && bytes[start] == 0x09 { return false }
        var last = lineEnd
        while last > start && (bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09) { last -= 1 }
        if start < last && bytes[start] != 0x23 {  // not a comment line
          if start == i && (bytes[start] == 0x25 || hasPrefix(start, last, "---") || hasPrefix(start, last, "...")) {
            return false
          }
          lines.append(Line(number: number, indent: start - i, start: start, end: last))
        }
        i = end + 1
      }
      return true
    }

    func hasPrefix(_ start: Int, _ end: Int, _ prefix: String) -> Bool {
      let p = Array(prefix.utf8)
      return end - start >= p.count && bytes[start..<start + p.count].elementsEqual(p)
    }

    func isDash(_ line: Line) -> Bool {
      bytes[line.start] == 0x2D && (line.start + 1 == line.end || bytes[line.start + 1] == 0x20)
    }

    /// The block node whose first line is `lines[index]`, at `indent`.
    func block(_ index: inout Int, indent: Int) -> DictNode? {
      let line = lines[index]
      guard line.indent == indent else { return nil }
      return isDash(line) ? sequence(&index, indent: indent) : mapping(&index, indent: indent)
    }

    func sequence(_ index: inout Int, indent: Int) -> DictNode? {
      var items: [DictNode] = []
      let first = lines[index].number
      while index < lines.count, lines[index].indent == indent, isDash(lines[index]) {
        let line = lines[index]
        var pos = line.start + 1
        skipSpaces(&pos, line.end)
        // "- key: value" (a block mapping inside the item) and "-" alone are left to Yams.
        guard pos < line.end, let item = value(&pos, line: line, inBlock: true) else { return nil }
        guard atEnd(pos, line.end) else { return nil }
        items.append(item)
        index += 1
      }
      if index < lines.count && lines[index].indent > indent { return nil }
      return .sequence(items, line: first)
    }

    func mapping(_ index: inout Int, indent: Int) -> DictNode? {
      var pairs: [DictNodePair] = []
      var keys: Set<String> = []
      let first = lines[index].number
      while index < lines.count, lines[index].indent == indent, !isDash(lines[index]) {
        let line = lines[index]
        var pos = line.start
        guard let key = blockKey(&pos, line.end) else { return nil }
        guard keys.insert(key).inserted else { return nil }  // Yams reports it, by line
        let keyNode = DictNode.scalar(key, line: line.number)
        skipSpaces(&pos, line.end)
        if atEnd(pos, line.end) {
          index += 1
          if index < lines.count && lines[index].indent > indent {
            guard let nested = block(&index, indent: lines[index].indent) else { return nil }
            pairs.append(DictNodePair(key: keyNode, value: nested))
          } else if index < lines.count && lines[index].indent == indent && isDash(lines[index]) {
            guard let nested = sequence(&index, indent: indent) else { return nil }
            pairs.append(DictNodePair(key: keyNode, value: nested))
          } else {
            pairs.append(DictNodePair(key: keyNode, value: .scalar("", line: line.number)))
          }
          continue
        }
        guard let item = value(&pos, line: line, inBlock: true), atEnd(pos, line.end) else { return nil }
        pairs.append(DictNodePair(key: keyNode, value: item))
        index += 1
      }
      if index < lines.count && lines[index].indent > indent { return nil }
      return .mapping(pairs, line: first)
    }

    /// A plain key up to ": " or ":" at the end of the line.
    func blockKey(_ pos: inout Int, _ end: Int) -> String? {
      let start = pos
      guard !isIndicator(bytes[pos]) else { return nil }
      while pos < end {
        if bytes[pos] == 0x3A && (pos + 1 == end || bytes[pos + 1] == 0x20) {
          let key = trimmed(start, pos)
          pos += 1
          return key.isEmpty ? nil : key
        }
        if bytes[pos] == 0x23 && bytes[pos - 1] == 0x20 { return nil }
        pos += 1
      }
      return nil
    }

    /// Nothing but spaces and a comment left on the line.
    func atEnd(_ pos: Int, _ end: Int) -> Bool {
      var p = pos
      skipSpaces(&p, end)
      return p == end || (bytes[p] == 0x23 && (p == 0 || bytes[p - 1] == 0x20))
    }

    func skipSpaces(_ pos: inout Int, _ end: Int) {
      while pos < end && bytes[pos] == 0x20 { pos += 1 }
    }

    /// Characters that may not open a plain scalar here (YAML 1.1 indicators); "-" is allowed
    /// when a non-space follows it.
    func isIndicator(_ byte: UInt8) -> Bool {
      switch byte {
      case 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40,
        0x60:
        true
      default: false
      }
    }

    func trimmed(_ start: Int, _ end: Int) -> String {
      var e = end
      while e > start && bytes[e - 1] == 0x20 { e -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<e]), as: UTF8.self)
    }

    /// A value at `pos`: a flow collection, a quoted scalar or a plain scalar.
    func value(_ pos: inout Int, line: Line, inBlock: Bool) -> DictNode? {
      let end = line.end
      guard pos < end, bytes[pos] != 0x09 else { return nil }
      switch bytes[pos] {
      case 0x7B: return flowMapping(&pos, line: line)
      case 0x5B: return flowSequence(&pos, line: line)
      default: return scalar(&pos, end, inBlock: inBlock).map { .scalar($0, line: line.number) }
      }
    }

    /// A quoted or plain scalar at `pos` (not a flow collection, which the caller has ruled out).
    func scalar(_ pos: inout Int, _ end: Int, inBlock: Bool) -> String? {
      guard pos < end, bytes[pos] != 0x09 else { return nil }
      if bytes[pos] == 0x22 || bytes[pos] == 0x27 { return quoted(&pos, end) }
      let start = pos
      if bytes[pos] == 0x2D {
        guard pos + 1 < end, bytes[pos + 1] != 0x20 else { return nil }
      } else if isIndicator(bytes[pos]) {
        return nil
      }
      while pos < end {
        let b = bytes[pos]
        if b == 0x3A && (pos + 1 == end || bytes[pos + 1] == 0x20 || (!inBlock && isFlowEnd(bytes[pos + 1]))) {
          return nil  // "a: b" inside a value: a nested mapping, left to Yams
        }
        if b == 0x23 && bytes[pos - 1] == 0x20 { break }
        if !inBlock && isFlowEnd(b) { break }
        pos += 1
      }
      return trimmed(start, pos)
    }

    func isFlowEnd(_ b: UInt8) -> Bool { b == 0x2C || b == 0x5D || b == 0x7D }

    func flowSequence(_ pos: inout Int, line: Line) -> DictNode? {
      pos += 1
      var items: [DictNode] = []
      while true {
        skipSpaces(&pos, line.end)
        guard pos < line.end else { return nil }  // continues on the next line: Yams
        if bytes[pos] == 0x5D {
          pos += 1
          return .sequence(items, line: line.number)
        }
        guard bytes[pos] != 0x2C, let item = value(&pos, line: line, inBlock: false) else { return nil }
        items.append(item)
        skipSpaces(&pos, line.end)
        guard pos < line.end else { return nil }
        if bytes[pos] == 0x2C {
          pos += 1
        } else if bytes[pos] != 0x5D {
          return nil
        }
      }
    }

    func flowMapping(_ pos: inout Int, line: Line) -> DictNode? {
      pos += 1
      var pairs: [DictNodePair] = []
      pairs.reserveCapacity(8)
      while true {
        skipSpaces(&pos, line.end)
        guard pos < line.end else { return nil }
        if bytes[pos] == 0x7D {
          pos += 1
          return .mapping(pairs, line: line.number)
        }
        // The key: plain, up to ":" followed by a space or a flow end.
        let start = pos
        guard !isIndicator(bytes[pos]) else { return nil }
        while pos < line.end && !(bytes[pos] == 0x3A && (pos + 1 < line.end && bytes[pos + 1] == 0x20)) {
          if isFlowEnd(bytes[pos]) { return nil }  // "{a, b}": a key without a value
          pos += 1
        }
        guard pos < line.end else { return nil }
        let key = trimmed(start, pos)
        // A flow mapping has a few keys: compared with each other rather than hashed into a set.
        guard !key.isEmpty, !pairs.contains(where: { $0.key.isScalar(key) }) else { return nil }
        pos += 1
        skipSpaces(&pos, line.end)
        guard pos < line.end else { return nil }
        let item: DictNode
        if bytes[pos] == 0x2C || bytes[pos] == 0x7D {
          item = .scalar("", line: line.number)
        } else {
          guard let v = value(&pos, line: line, inBlock: false) else { return nil }
          item = v
        }
        pairs.append(DictNodePair(key: .scalar(key, line: line.number), value: item))
        skipSpaces(&pos, line.end)
        guard pos < line.end else { return nil }
        if bytes[pos] == 0x2C {
          pos += 1
        } else if bytes[pos] != 0x7D {
          return nil
        }
      }
    }

    /// A single- or double-quoted scalar on one line; nil for escapes other than the common ones.
    func quoted(_ pos: inout Int, _ end: Int) -> String? {
      let quote = bytes[pos]
      pos += 1
      var out: [UInt8] = []
      while pos < end {
        let b = bytes[pos]
        if b == quote {
          if quote == 0x27 && pos + 1 < end && bytes[pos + 1] == 0x27 {
            out.append(0x27)
            pos += 2
            continue
          }
          pos += 1
          return String(decoding: out, as: UTF8.self)
        }
        if quote == 0x22 && b == 0x5C {
          guard pos + 1 < end else { return nil }
          switch bytes[pos + 1] {
          case 0x22, 0x5C, 0x2F: out.append(bytes[pos + 1])
          case 0x6E: out.append(0x0A)
          case 0x74: out.append(0x09)
          default: return nil
          }
          pos += 2
          continue
        }
        out.append(b)
        pos += 1
      }
      return nil
    }
  }
}
