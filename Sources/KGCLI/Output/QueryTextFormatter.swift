import KGPipeline

/// Text for people: what `kg entities`, `show`, `neighbors`, `path`, `edge`, `why` and `stats` print.
enum QueryTextFormatter {
  // MARK: - Entities

  /// One line per entity, appended to one string: `kg entities` prints 100,000 of them on the
  /// benchmark store, where a string per line and key-path widths took most of its time.
  static func entities(_ list: [EntitySummary]) -> String {
    if list.isEmpty { return "no entities match; try a shorter --match or another --type.\n" }
    var idWidth = 0
    var typeWidth = 0
    for e in list {
      idWidth = max(idWidth, characters(e.id))
      typeWidth = max(typeWidth, characters(e.type.rawValue))
    }
    idWidth = min(40, idWidth)
    var out = ""
    out.reserveCapacity(list.count * (idWidth + typeWidth + 40))
    for e in list {
      append(e.id, idWidth, to: &out)
      out += "  "
      append(e.type.rawValue, typeWidth, to: &out)
      out += "  out "
      append(String(e.outgoing), 3, right: true, to: &out)
      out += "  in "
      append(String(e.incoming), 3, right: true, to: &out)
      out += "  "
      out += e.name
      if e.aliases.contains(where: { $0 != e.name }) {
        let others = e.aliases.filter { $0 != e.name }
        out += " (aka " + others.prefix(6).joined(separator: ", ") + (others.count > 6 ? ", …" : "") + ")"
      }
      out += "\n"
    }
    out += "\(list.count) entit\(list.count == 1 ? "y" : "ies")\n"
    return out
  }

  /// `s.count` (characters), counted from the UTF-8 bytes when they are ASCII without a
  /// carriage return (then each byte is one character).
  static func characters(_ s: String) -> Int {
    let ascii = s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    return ascii ? s.utf8.count : s.count
  }

  /// `pad(s, width, right:)` appended to `out`.
  static func append(_ s: String, _ width: Int, right: Bool = false, to out: inout String) {
    let fill = max(0, width - characters(s))
    if right { out += String(repeating: " ", count: fill) }
    out += s
    if !right { out += String(repeating: " ", count: fill) }
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
