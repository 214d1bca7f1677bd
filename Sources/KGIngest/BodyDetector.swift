public import KGModel

/// Finds the article body in a scraped page: the run of prose between the page's header (menus,
/// titles, bylines) and its footer (share lines, disclaimers, related-post teasers, comments).
///
/// A line is *prose* when it reads like running text: at least eight words ending in sentence
/// punctuation, or a long paragraph. The body starts at the first prose line and runs to the last
/// prose or list line before a footer marker ("Related Posts", "Leave a Reply", "— Author", a
/// comment header "… says:") or before three short non-prose lines in a row (a teaser list).
public struct BodyDetector: Sendable {
  public init() {}

  /// The body's span in `text`, or nil when the text has no prose line at all.
  ///
  /// - Complexity: O(*n*) in the text's length.
  public func body(of text: ScalarText) -> TextSpan? { body(of: text, lines: text.lines()) }

  func body(of text: ScalarText, lines: [Line]) -> TextSpan? {
    let kinds = lines.map { classify($0, in: text) }
    guard let first = kinds.firstIndex(of: .prose) else { return nil }
    var last = first
    var shortRun = 0
    var proseLines = 1
    var i = first + 1
    scan: while i < lines.count {
      switch kinds[i] {
      case .prose, .listItem:
        last = i
        shortRun = 0
        proseLines += 1
      case .footer:
        break scan
      case .short:
        shortRun += 1
        // Three short lines end the body, unless all before them is a standfirst and prose
        // follows them: "2 min read", a date and a photo caption stand between a lead and its
        // article.
        if shortRun >= 3 {
          guard proseLines < 3,
            let next = kinds[(i + 1)...].prefix(8).firstIndex(where: { $0 != .blank && $0 != .short }),
            kinds[next] == .prose
          else { break scan }
          shortRun = 0
        }
      case .blank:
        break
      }
      i += 1
    }
    return TextSpan(start: lines[first].trimmed.start, end: lines[last].trimmed.end)
  }

  enum LineKind: Equatable { case blank, prose, listItem, short, footer }

  func classify(_ line: Line, in text: ScalarText) -> LineKind {
    if line.isBlank { return .blank }
    // Footer markers open a line, and boilerplate lines are short: a paragraph is never copied
    // whole just to be looked at.
    let headSpan = TextSpan(start: line.trimmed.start, end: min(line.trimmed.end, line.trimmed.start + 120))
    let checked = line.trimmed.length <= 300 ? line.trimmed : headSpan
    switch Self.siteVerdict(text, checked: checked, head: headSpan, boilerplate: line.trimmed.length <= 300) {
    case .footer: return .footer
    case .boilerplate: return .short
    case .neither: break
    case .unknown:
      if Self.isFooter(text[headSpan]) { return .footer }
      if line.trimmed.length <= 300 && Self.isBoilerplate(text[line.trimmed]) { return .short }
    }
    // Only compared with 4, 8 and 12 below.
    let words = text.wordCount(line.trimmed, upTo: 12)
    let startsWithBullet = Self.bullets.contains(text.scalars[line.trimmed.start])
    let lastScalar = text.scalars[line.trimmed.end - 1]
    let endsSentence = Self.sentenceEnders.contains(lastScalar)
    if startsWithBullet && words >= 4 { return .listItem }
    if (words >= 8 && endsSentence && lastScalar != ":") || line.trimmed.length >= 200 || (words >= 12 && endsSentence)
    {
      return .prose
    }
    return .short
  }

  static let bullets: Set<Unicode.Scalar> = ["•", "·", "▪", "◦", "-", "–", "*", "●", "►"]
  static let sentenceEnders: Set<Unicode.Scalar> = [".", "!", "?", "\"", "”", "’", "'", ")", ":", "…"]

  /// Lines that open the page's footer: nothing after them is body.
  static func isFooter(_ line: String) -> Bool {
    let lower = line.lowercased()
    for marker in footerPrefixes where lower.hasPrefix(marker) { return true }
    if lower == "comments" || (lower.hasSuffix(" comments") && lower.count <= 16) { return true }
    // A comment header: "3. Ed says:" or "Ed says:".
    if lower.hasSuffix(" says:") && lower.count <= 60 { return true }
    // A signature: "— Paul Mansfield".
    if let first = line.unicodeScalars.first, first == "—" || first == "–",
      line.split(separator: " ").count <= 5, !line.contains(".")
    {
      return true
    }
    return false
  }

  static let footerPrefixes = [
    "related posts", "related articles", "related stories", "related news", "related:", "leave a reply",
    "leave a comment", "like this:", "note to readers", "more on this topic", "share this", "latest news",
    "you may also like", "read more:", "disclaimer:", "copyright ©", "copyright (c)",
    "the original source of this article", "click here to", "sign up for our newsletter",
    "subscribe to our newsletter", "recommended for you", "also read:", "tags:", "filed under",
  ]

  /// Lines that look like sentences but belong to the site (cookie notices, sharing prompts).
  static func isBoilerplate(_ line: String) -> Bool {
    Array(line.lowercased().utf8).withUnsafeBufferPointer { containsBoilerplate($0) }
  }

  /// Whether lowercased UTF-8 contains a boilerplate fragment: one pass over the bytes, comparing
  /// fragments only where the first two bytes of one of them stand.
  static func containsBoilerplate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 2 else { return false }
    let starts = boilerplateStarts
    var pair = Int(bytes[0])
    for i in 0..<(bytes.count - 1) {
      pair = (pair & 0xFF) << 8 | Int(bytes[i + 1])
      guard starts[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
      for fragment in boilerplateBytes
      where fragment[0] == bytes[i] && fragment[1] == bytes[i + 1] && fragment.count <= bytes.count - i {
        var k = 2
        while k < fragment.count, bytes[i + k] == fragment[k] { k += 1 }
        if k == fragment.count { return true }
      }
    }
    return false
  }

  /// The first two bytes of the boilerplate fragments, as a bit set over the 65,536 byte pairs
  /// (first byte high): most positions of a line are passed over with one bit test.
  static let boilerplateStarts: [UInt64] = {
    var starts = [UInt64](repeating: 0, count: 1 << 10)
    for fragment in boilerplateBytes {
      let pair = Int(fragment[0]) << 8 | Int(fragment[1])
      starts[pair >> 6] |= 1 << UInt64(pair & 63)
    }
    return starts
  }()

  /// What the byte tests tell of a line's site text: `.unknown` sends the caller to the String
  /// tests (`isFooter`, `isBoilerplate`).
  enum SiteVerdict { case footer, boilerplate, neither, unknown }

  /// The fast path of `classify`: byte tests on the lowercased text of `checked` that every footer
  /// passes (the exact String test `isFooter` runs only when they do) and the boilerplate search,
  /// without building a String or an array.
  ///
  /// The span is lowercased into a stack buffer of one byte per scalar: ASCII lowercased, and any
  /// other scalar as the byte 0xFF. Markers and fragments are ASCII, and a non-ASCII scalar's
  /// UTF-8 is bytes of 0x80 and over, so they match this text exactly where they match the
  /// lowercased UTF-8. A non-ASCII scalar that changes under lowercasing (and may become ASCII:
  /// "K", the Kelvin sign) gives `.unknown`.
  ///
  /// - Complexity: O(*n*) in the span's length.
  static func siteVerdict(_ text: ScalarText, checked: TextSpan, head: TextSpan, boilerplate: Bool) -> SiteVerdict {
    text.scalars.withUnsafeBufferPointer { scalars in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: checked.length) { buffer in
        var count = 0
        for i in checked.start..<checked.end {
          let scalar = scalars[i]
          let v = scalar.value
          if v < 0x80 {
            buffer[count] = UInt8(truncatingIfNeeded: v >= 65 && v <= 90 ? v + 32 : v)
          } else {
            if scalar.properties.changesWhenLowercased { return .unknown }
            buffer[count] = 0xFF
          }
          count += 1
        }
        let lower = UnsafeBufferPointer(rebasing: buffer[..<count])
        let headBytes = UnsafeBufferPointer(rebasing: lower[..<min(count, head.length)])
        if mayBeFooter(headBytes, firstScalar: scalars[head.start]), isFooter(text[head]) { return .footer }
        if boilerplate && containsBoilerplate(lower) { return .boilerplate }
        return .neither
      }
    }
  }

  /// A necessary condition for `isFooter` on a line whose lowercased UTF-8 head is `lower`: a
  /// footer prefix, a "comments" or "… says:" ending, or a dash opening a signature. (Lowercased
  /// text that starts or ends with ASCII words as Characters starts or ends with their bytes.)
  static func mayBeFooter(_ lower: UnsafeBufferPointer<UInt8>, firstScalar: Unicode.Scalar) -> Bool {
    if firstScalar == "—" || firstScalar == "–" { return true }
    for marker in footerPrefixBytes where lower.starts(with: marker) { return true }
    return lower.elementsEqual(commentsBytes) || lower.reversed().starts(with: commentsSuffixBytes.reversed())
      || lower.reversed().starts(with: saysSuffixBytes.reversed())
  }

  static let footerPrefixBytes = footerPrefixes.map { Array($0.utf8) }
  static let commentsBytes = Array("comments".utf8)
  static let commentsSuffixBytes = Array(" comments".utf8)
  static let saysSuffixBytes = Array(" says:".utf8)

  static let boilerplateBytes = boilerplateFragments.map { Array($0.utf8) }

  static let boilerplateFragments = [
    "cookies", "all rights reserved", "click the share buttons", "subscribe to", "your email address",
    "successfully subscribed", "privacy policy",
  ]
}
