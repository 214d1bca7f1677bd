import Foundation
import KGPipeline

/// Text for people: what `kg entities`, `show`, `neighbors`, `path`, `edge`, `why` and `stats` print.
enum QueryTextFormatter {
  // MARK: - Entities

  /// One line per entity, written as UTF-8 bytes straight from the listing's text into one
  /// buffer: `kg entities` prints 100,000 of them on the benchmark store, where a string per
  /// line, key-path widths and then a value per entity took most of its time. Control characters
  /// are escaped as `TerminalText` escapes them (the bytes of a field that holds none are copied
  /// as they are).
  static func entities(_ listing: EntityListing) -> Data {
    if listing.order.isEmpty { return Data("no entities match; try a shorter --match or another --type.\n".utf8) }
    let table = listing.table
    let entries = table.entries
    return table.text.withUnsafeBytes { text in
      func field(_ start: Int32, _ end: Int32) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: text[Int(start)..<Int(end)])
      }
      var idWidth = 0
      var kinds: [EntityKind] = []
      for i in listing.order {
        let e = entries[Int(i)]
        idWidth = max(idWidth, characters(field(e.idStart, e.nameStart)))
        if !kinds.contains(e.kind) { kinds.append(e.kind) }
      }
      idWidth = min(40, idWidth)
      let typeWidth = kinds.map(\.rawValue.utf8.count).max() ?? 0
      // "  <type, padded>  out " for each kind listed.
      let middles = kinds.map { kind in
        Array(
          ("  " + kind.rawValue + String(repeating: " ", count: typeWidth - kind.rawValue.utf8.count) + "  out ").utf8)
      }
      var out = ByteBuffer(capacity: table.text.count + listing.order.count * (idWidth + typeWidth + 32) + 64)
      for i in listing.order {
        let e = entries[Int(i)]
        let id = field(e.idStart, e.nameStart)
        out.appendEscaped(id)
        out.appendSpaces(idWidth - characters(id))
        middles[kinds.firstIndex(of: e.kind)!].withUnsafeBytes { out.append($0) }
        out.appendNumber(Int(e.outgoing))
        out.append(staticBytes: "  in ")
        out.appendNumber(Int(e.incoming))
        out.appendSpaces(2)
        let name = field(e.nameStart, e.aliasStart)
        out.appendEscaped(name)
        var others = 0
        var start = e.aliasStart
        for k in Int(e.firstAlias)..<table.aliasLimit(Int(i)) {
          let alias = field(start, table.aliasEnds[k])
          start = table.aliasEnds[k]
          guard !sameText(alias, name) else { continue }
          others += 1
          if others <= 6 {
            out.append(staticBytes: others == 1 ? " (aka " : ", ")
            out.appendEscaped(alias)
          }
        }
        if others > 6 { out.append(staticBytes: ", …") }
        if others > 0 { out.append(staticBytes: ")") }
        out.append(staticBytes: "\n")
      }
      let n = listing.order.count
      out.append(staticBytes: n == 1 ? "1 entity\n" : "\(n) entities\n")
      return out.data()
    }
  }

  /// A growing buffer of bytes, handed over as `Data` without a copy.
  struct ByteBuffer {
    var base: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int

    init(capacity: Int) {
      self.capacity = max(capacity, 64)
      base = UnsafeMutablePointer<UInt8>(OpaquePointer(malloc(self.capacity)!))
    }

    mutating func reserve(_ n: Int) {
      guard count + n > capacity else { return }
      capacity = max(capacity * 2, count + n)
      base = UnsafeMutablePointer<UInt8>(OpaquePointer(realloc(base, capacity)!))
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
      guard let source = bytes.baseAddress, bytes.count > 0 else { return }
      reserve(bytes.count)
      memcpy(base + count, source, bytes.count)
      count += bytes.count
    }

    mutating func append(staticBytes text: String) {
      var text = text
      text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    mutating func appendSpaces(_ n: Int) {
      guard n > 0 else { return }
      reserve(n)
      memset(base + count, 0x20, n)
      count += n
    }

    /// `n` right-aligned in 3 columns (wider when it needs more).
    mutating func appendNumber(_ n: Int) {
      guard n >= 0 else {
        let s = String(n)
        appendSpaces(3 - s.utf8.count)
        append(staticBytes: s)
        return
      }
      var digits = 1
      var rest = n / 10
      while rest > 0 {
        digits += 1
        rest /= 10
      }
      appendSpaces(3 - digits)
      reserve(digits)
      var value = n
      for k in stride(from: count + digits - 1, through: count, by: -1) {
        base[k] = 0x30 + UInt8(value % 10)
        value /= 10
      }
      count += digits
    }

    /// `bytes` as `TerminalText.escape` writes them: copied when they are printable ASCII, tabs
    /// and line feeds; otherwise decoded (invalid UTF-8 replaced, as `String(decoding:)` does)
    /// and escaped.
    mutating func appendEscaped(_ bytes: UnsafeRawBufferPointer) {
      if !bytes.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 >= 0x7F }) {
        append(bytes)
      } else {
        append(staticBytes: TerminalText.escape(String(decoding: bytes, as: UTF8.self)))
      }
    }

    /// The bytes written, which the `Data` now owns (and frees).
    func data() -> Data { Data(bytesNoCopy: base, count: count, deallocator: .free) }
  }

  /// The number of characters in UTF-8 `bytes` (`String.count`): the byte count when they are
  /// ASCII without a carriage return (then each byte is one character).
  static func characters(_ bytes: UnsafeRawBufferPointer) -> Int {
    bytes.contains { $0 >= 0x80 || $0 == 0x0D } ? String(decoding: bytes, as: UTF8.self).count : bytes.count
  }

  /// Whether two UTF-8 texts are equal as `String`s (canonically equivalent).
  static func sameText(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    if a.elementsEqual(b) { return true }
    if !a.contains(where: { $0 >= 0x80 }) && !b.contains(where: { $0 >= 0x80 }) { return false }
    return String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
  }

  // MARK: - Show

  static func show(_ d: EntityDetail) -> String {
    let e = d.entity
    var out = "\(e.name)  [\(e.id), \(e.type.rawValue)]\n"
    if !e.aliases.isEmpty { out += "  aliases: \(e.aliases.joined(separator: ", "))\n" }
    if let p = d.partOf {
      out += "  part of: \(p.name) (\(p.id))\n"
    } else if let p = e.partOf {
      out += "  part of: \(p)\n"
    }
    out += "  outgoing (\(d.outgoing.count)):\n"
    for edge in d.outgoing { out += "    " + edgeLine(edge, from: e.id) + "\n" }
    out += "  incoming (\(d.incoming.count)):\n"
    for edge in d.incoming { out += "    " + edgeLine(edge, from: e.id) + "\n" }
    return out
  }

  // MARK: - Neighbors

  static func neighbors(_ a: NeighborsAnswer) -> String {
    var out =
      "\(a.entity.name) (\(a.entity.id)): \(a.neighbors.count) edge\(a.neighbors.count == 1 ? "" : "s"), direction \(a.direction.rawValue)\n"
    for n in a.neighbors {
      let arrow = n.direction == .out ? "→" : "←"
      out +=
        "  \(arrow) \(pad(n.edge.type.rawValue, 9)) \(n.neighbor.name) (\(n.neighbor.id))  \(n.edge.id) \(n.edge.modality.rawValue), \(documents(n.edge.documents))"
      if let q = n.edge.quote { out += "\n      “\(clip(q))”" }
      out += "\n"
    }
    if a.neighbors.isEmpty { out += "  none with these filters; try --direction both or fewer filters.\n" }
    return out
  }

  // MARK: - Path

  static func path(_ a: PathAnswer) -> String {
    let kind = a.mode == "all" ? "simple path" : "shortest path"
    let plural = a.paths.count == 1 ? "" : "s"
    var out = "\(a.paths.count)\(a.truncated ? "+" : "") \(kind)\(plural) from \(a.from.name) to \(a.to.name)"
    if let h = a.maxHops { out += " (at most \(h) hops)" }
    if a.undirected { out += ", undirected" }
    out += "\n"
    for (i, p) in a.paths.enumerated() {
      out += "\npath \(i + 1): \(p.length) hop\(p.length == 1 ? "" : "s")\n"
      for hop in p.hops {
        out += "  \(hop.from.name) (\(hop.from.id))\n"
        if let best = hop.edges.first {
          let forward = best.source.id == hop.from.id
          let relation = forward ? "──\(best.type.rawValue)──▶" : "◀──\(best.type.rawValue)──"
          out += "    \(relation) \(best.id) \(best.modality.rawValue), \(documents(best.documents))"
          if hop.edges.count > 1 {
            out += "; also " + hop.edges.dropFirst().map { "\($0.type.rawValue) \($0.id)" }.joined(separator: ", ")
          }
          out += "\n"
          if let q = best.quote { out += "      “\(clip(q))”" + (best.quoteDocument.map { " (\($0))" } ?? "") + "\n" }
        }
      }
      out += "  \(a.to.name) (\(a.to.id))\n"
    }
    if a.truncated { out += "\nmore paths exist; raise --limit to see them.\n" }
    if a.searchCut {
      out += "\nthe search was cut after \(a.searchBudget ?? 0) steps, so paths may be missing; "
      out += "lower --max-hops or narrow it with --type, --modality, --since or --until.\n"
    }
    return out
  }

  // MARK: - Provenance

  static func provenance(_ p: EdgeProvenance) -> String {
    let e = p.edge
    var out = "\(e.id)  \(e.source.name) (\(e.source.id)) ──\(e.type.rawValue)──▶ \(e.target.name) (\(e.target.id))\n"
    out +=
      "  \(e.modality.rawValue), \(documents(e.documents)), \(e.statements) statement\(e.statements == 1 ? "" : "s")"
    if let by = e.assertedBy { out += ", asserted by \(by)" }
    out += "\n"
    for (i, s) in p.statements.enumerated() {
      out += "  [\(i + 1)] \(s.document)"
      let about = [s.title.map { "“\($0)”" }, s.outlet, s.date].compactMap { $0 }
      if !about.isEmpty { out += " — " + about.joined(separator: ", ") }
      out += "\n"
      out += "      sentence \(s.sentence), code points \(s.start)..<\(s.end), \(s.modality.rawValue)"
      if let c = s.claimant { out += ", claimed by \(c.name) (\(c.id))" }
      out += "\n      rule \(s.rule) (Sources/KGExtract/Rules/\(s.rule).swift)\n"
      out += "      “\(s.markedQuote)”\n"
    }
    return out
  }

  static func why(_ list: [EdgeProvenance]) -> String {
    list.map(provenance).joined(separator: "\n")
  }

  // MARK: - Stats

  static func stats(_ s: GraphStats) -> String {
    var out =
      "documents   \(s.documents)\nentities    \(s.entities)\nedges       \(s.edges)\nstatements  \(s.statements)\n"
    out += "entities by type:\n" + table(s.entitiesByType)
    out += "edges by type:\n" + table(s.edgesByType)
    out += "edges by modality:\n" + table(s.edgesByModality)
    return out
  }

  // MARK: - Pieces

  static func edgeLine(_ e: EdgeSummary, from id: String) -> String {
    let line =
      e.source.id == id
      ? "\(e.id) ──\(e.type.rawValue)──▶ \(e.target.name) (\(e.target.id))"
      : "\(e.id) ◀──\(e.type.rawValue)── \(e.source.name) (\(e.source.id))"
    return line + "  \(e.modality.rawValue), \(documents(e.documents))"
  }

  static func table(_ counts: [String: Int]) -> String {
    let width = counts.keys.map(\.count).max() ?? 0
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .map { "  \(pad($0.key, width))  \($0.value)\n" }.joined()
  }

  static func documents(_ n: Int) -> String { "\(n) document\(n == 1 ? "" : "s")" }

  static func clip(_ s: String, _ limit: Int = 200) -> String {
    let flat = s.split(whereSeparator: \.isNewline).joined(separator: " ")
    return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
  }

  static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return right ? fill + s : s + fill
  }
}
