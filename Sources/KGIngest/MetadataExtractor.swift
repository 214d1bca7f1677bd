public import KGModel

/// Reads the title, date and outlet a page gives about itself, from the lines around its body.
public struct MetadataExtractor: Sendable {
  public init() {}

  public func metadata(of text: ScalarText, body: TextSpan) -> ArticleMetadata {
    metadata(of: text, body: body, lines: text.lines())
  }

  func metadata(of text: ScalarText, body: TextSpan, lines allLines: [Line]) -> ArticleMetadata {
    let lines = allLines.filter { !$0.isBlank }
    // The page names itself above the body, or in the 40 lines after it (not in a long comment thread).
    let header = lines.filter { $0.trimmed.end <= body.start }.map { text[$0.trimmed] }
    let footer = lines.filter { $0.trimmed.start >= body.end }.prefix(40).map { text[$0.trimmed] }
    var meta = ArticleMetadata()
    meta.title = header.first(where: isTitle)
    // The body's first 400 characters; 4,000 scalars hold them unless combining marks abound.
    let bodyStart = text[TextSpan(start: body.start, end: min(body.end, body.start + 4_000))]
    let dateSource = header + [String(bodyStart.prefix(400))]
    for line in dateSource {
      if let (written, iso) = DateFinder.firstDate(in: line) {
        meta.dateText = written
        meta.date = iso
        break
      }
    }
    meta.outlet = outlet(header: header, footer: footer)
    return meta
  }

  func isTitle(_ line: String) -> Bool {
    let words = line.split(whereSeparator: { $0 == " " })
    if words.count < 4 || line.count > 200 { return false }
    let lower = line.lowercased()
    // Byte tests, as Foundation's literal search for an ASCII character finds it, without bridging.
    if line.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "$") }) {
      return false
    }
    if lower.hasPrefix("by ") || lower.hasPrefix("published") || lower.hasPrefix("image") || lower.hasPrefix("menu") {
      return false
    }
    if lower.hasPrefix("claimed image") || lower.hasPrefix("illustrative") || lower.hasPrefix("photo") { return false }
    if words.count <= 6 && DateFinder.firstDate(in: line) != nil { return false }
    return true
  }

  func outlet(header: [String], footer: [String]) -> String? {
    for line in footer {
      for prefix in ["The original source of this article is ", "Copyright © "] where line.hasPrefix(prefix) {
        return clean(String(line.dropFirst(prefix.count)).split(separator: ",").first.map(String.init) ?? "")
      }
    }
    for line in header {
      if line.utf8.contains(UInt8(ascii: "|")), let range = line.range(of: " | By ") {
        return clean(String(line[..<range.lowerBound]))
      }
    }
    for line in header {
      let lower = line.lowercased()
      if lower.hasPrefix("published") || lower.hasPrefix("posted") || lower.hasPrefix("updated") { continue }
      if let (written, _) = DateFinder.firstDate(in: line), let range = line.range(of: ", " + written) {
        let name = clean(String(line[..<range.lowerBound]))
        if !name.isEmpty && name.split(separator: " ").count <= 4 { return name }
      }
      if line.hasPrefix("Support "), line.split(separator: " ").count == 2 {
        return String(line.dropFirst("Support ".count))
      }
    }
    return nil
  }

  /// Drops Markdown link syntax: "[South Front](#)" → "South Front".
  func clean(_ s: String) -> String {
    var out = s
    if let open = out.firstIndex(of: "["), let close = out.firstIndex(of: "]"), open < close {
      out = String(out[out.index(after: open)..<close])
    }
    return out.trimmingCharacters(in: [" ", ",", "."])
  }
}

extension String {
  func trimmingCharacters(in set: Set<Character>) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}

/// Finds dates written the ways news pages write them.
enum DateFinder {
  static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]
  static let shortMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  /// The first letters of month names, lowercase ASCII.
  static let monthInitials: [UInt8] = Array("jfmasond".utf8)

  static func month(_ word: Substring) -> Int? {
    // Most words cannot be a month: one opening with an ASCII scalar (after "." and ",") must
    // open with a month's letter. Only that is checked before lowercasing and trimming.
    if let first = word.utf8.first(where: { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: ",") }), first < 0x80,
      !monthInitials.contains(first | 0x20)
    {
      return nil
    }
    let w = word.lowercased().trimmingCharacters(in: [".", ","])
    if let i = months.firstIndex(of: w) { return i + 1 }
    if w == "sept" { return 9 }
    if let i = shortMonths.firstIndex(of: w) { return i + 1 }
    return nil
  }

  static func number(_ word: Substring) -> Int? {
    Int(String(word).trimmingCharacters(in: [",", ".", "s", "t", "h", "n", "d", "r"]))
  }

  static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// Whether `line` has four ASCII digits in a row.
  static func hasFourDigits(_ line: String) -> Bool {
    var run = 0
    for byte in line.utf8 {
      run = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? run + 1 : 0
      if run == 4 { return true }
    }
    return false
  }

  /// The first date in `line`: ("November 24, 2018", "2018-11-24"), ("MAY 2021", "2021-05").
  static func firstDate(in line: String) -> (String, String)? {
    // Every form has a year from 1900 to 2100, which `Int` reads only from four ASCII digits in a row.
    guard hasFourDigits(line) else { return nil }
    let words = line.split(separator: " ", omittingEmptySubsequences: true)
    for (i, word) in words.enumerated() {
      if let m = month(word), word.count >= 3 {
        // Month D, YYYY
        if i + 2 < words.count, let d = number(words[i + 1]), (1...31).contains(d), let y = number(words[i + 2]),
          (1900...2100).contains(y)
        {
          return (
            words[i...(i + 2)].joined(separator: " ").trimmingCharacters(in: [",", "."]), "\(y)-\(pad(m))-\(pad(d))"
          )
        }
        // D Month YYYY
        if i >= 1, i + 1 < words.count, let d = number(words[i - 1]), (1...31).contains(d),
          let y = number(words[i + 1]),
          (1900...2100).contains(y)
        {
          return (
            words[(i - 1)...(i + 1)].joined(separator: " ").trimmingCharacters(in: [",", "."]),
            "\(y)-\(pad(m))-\(pad(d))"
          )
        }
        // MONTH YYYY
        if i + 1 < words.count, let y = number(words[i + 1]), (1900...2100).contains(y), words[i + 1].count == 4 {
          return (words[i...(i + 1)].joined(separator: " "), "\(y)-\(pad(m))")
        }
      }
      // YYYY-MM-DD
      guard word.utf8.contains(UInt8(ascii: "-")) else { continue }
      let parts = word.split(separator: "-")
      if parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
        let d = Int(parts[2].prefix(2)),
        (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d)
      {
        return (String(word), "\(y)-\(pad(m))-\(pad(d))")
      }
    }
    return nil
  }
}
