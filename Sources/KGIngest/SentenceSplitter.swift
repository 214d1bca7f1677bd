public import KGModel

/// Splits an article body into sentences with exact code point spans.
///
/// Every non-blank line is at least one sentence, so headlines and list items without a full stop
/// stand alone. Within a line a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
/// brackets) before white space and a capital, digit or opening quote — except after an
/// abbreviation ("Lt. Gen.", "Sept.", "No."), an initial ("George W. Bush"), or a dotted acronym
/// ("U.S.") that is not followed by a word that usually opens a sentence.
public struct SentenceSplitter: Sendable {
  public init() {}

  /// The longest sentence kept whole, in code points. A longer run without a sentence end (a
  /// table flattened to one line, a scrape with its punctuation stripped) is cut at the last white
  /// space before the limit, so no sentence costs the extractor more than this.
  public static let maximumSentenceLength = 1_000

  /// - Complexity: O(*n*) in the body's length.
  public func sentences(in text: ScalarText, body: TextSpan) -> [Sentence] {
    sentences(in: text, body: body, lines: text.lines())
  }

  func sentences(in text: ScalarText, body: TextSpan, lines: [Line]) -> [Sentence] {
    var result: [Sentence] = []
    // Blocks: lines, with a line that breaks off mid-sentence joined to a next line starting in lower case.
    var blocks: [TextSpan] = []
    for line in lines where !line.isBlank && line.trimmed.overlaps(body) {
      if let last = blocks.last, let first = text.scalars[line.trimmed.start].properties.isLowercase ? true : nil,
        first,
        !Self.isTerminal(text.scalars[last.end - 1]), text.scalars[last.end - 1] != ":"
      {
        blocks[blocks.count - 1] = TextSpan(start: last.start, end: line.trimmed.end)
      } else {
        blocks.append(line.trimmed)
      }
    }
    for block in blocks {
      let clipped = TextSpan(start: max(block.start, body.start), end: min(block.end, body.end))
      guard !clipped.isEmpty else { continue }
      let content = stripBullet(clipped, in: text)
      guard !content.isEmpty else { continue }
      let last = text.scalars[content.end - 1]
      let headline = !Self.isTerminal(last) && !Self.isCloser(last) && last != ":"
      for span in split(content, in: text).flatMap({ cut($0, in: text) }) {
        result.append(Sentence(index: result.count, span: span, isHeadline: headline))
      }
    }
    return result
  }

  func stripBullet(_ span: TextSpan, in text: ScalarText) -> TextSpan {
    var lo = span.start
    if lo < span.end, BodyDetector.bullets.contains(text.scalars[lo]), lo + 1 < span.end,
      text.scalars[lo + 1].isUnicodeWhitespace
    {
      lo += 1
      while lo < span.end, text.scalars[lo].isUnicodeWhitespace { lo += 1 }
    }
    return TextSpan(start: lo, end: span.end)
  }

  // Scalar classes as switches rather than sets: `split` tests every scalar of the body.

  /// `.`, `!`, `?` or `…`.
  @inline(__always) static func isTerminal(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case ".", "!", "?", "…": true
    default: false
    }
  }

  /// Closing quotes and brackets.
  @inline(__always) static func isCloser(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "”", "’", "'", ")", "]", "»": true
    default: false
    }
  }

  /// Opening quotes and brackets.
  @inline(__always) static func isOpener(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "“", "‘", "'", "(", "[", "«": true
    default: false
    }
  }

  func split(_ span: TextSpan, in text: ScalarText) -> [TextSpan] {
    let s = text.scalars
    var result: [TextSpan] = []
    var start = span.start
    var i = span.start
    while i < span.end {
      // Skip to the next terminal scalar without bounds checks: most scalars are none.
      i = s.withUnsafeBufferPointer { scalars in
        var k = i
        while k < span.end, !Self.isTerminal(scalars[k]) { k += 1 }
        return k
      }
      guard i < span.end else { break }
      var end = i + 1
      while end < span.end, Self.isTerminal(s[end]) || Self.isCloser(s[end]) { end += 1 }
      var next = end
      while next < span.end, s[next].isUnicodeWhitespace { next += 1 }
      guard next > end, next < span.end else {
        i = end
        continue
      }
      let nextScalar = s[next]
      let opensSentence =
        nextScalar.properties.isUppercase || nextScalar.properties.numericType != nil
        || Self.isOpener(nextScalar)
      if opensSentence && !(s[i] == "." && isAbbreviation(endingAt: i, nextWordAt: next, in: text)) {
        result.append(text.trim(TextSpan(start: start, end: end)))
        start = next
      }
      i = end
    }
    if start < span.end { result.append(text.trim(TextSpan(start: start, end: span.end))) }
    return result.filter { !$0.isEmpty }
  }

  /// `span` in pieces of at most `maximumSentenceLength` code points, cut after white space.
  func cut(_ span: TextSpan, in text: ScalarText) -> [TextSpan] {
    let limit = Self.maximumSentenceLength
    guard span.length > limit else { return [span] }
    var pieces: [TextSpan] = []
    var start = span.start
    while span.end - start > limit {
      var end = start + limit
      while end > start + limit / 2, !text.scalars[end - 1].isUnicodeWhitespace { end -= 1 }
      if end == start + limit / 2 { end = start + limit }  // no white space: cut anywhere
      let piece = text.trim(TextSpan(start: start, end: end))
      if !piece.isEmpty { pieces.append(piece) }
      start = end
      while start < span.end, text.scalars[start].isUnicodeWhitespace { start += 1 }
    }
    let rest = text.trim(TextSpan(start: start, end: span.end))
    if !rest.isEmpty { pieces.append(rest) }
    return pieces
  }

  /// The longest word looked at around a full stop when deciding whether it is an abbreviation;
  /// bounding it keeps splitting linear on text like "a.a.a.a…".
  static let abbreviationWindow = 24

  /// Whether the full stop at `dot` belongs to an abbreviation rather than ending a sentence.
  func isAbbreviation(endingAt dot: Int, nextWordAt next: Int, in text: ScalarText) -> Bool {
    let s = text.scalars
    var lo = dot
    let floor = max(0, dot - Self.abbreviationWindow)
    while lo > floor, s[lo - 1].isUnicodeAlphabetic || s[lo - 1] == "." { lo -= 1 }
    if lo == floor && floor > 0 { return false }  // a word this long is no abbreviation
    let word = text[TextSpan(start: lo, end: dot)]
    if word.isEmpty { return false }
    if word.count == 1, word.unicodeScalars.first!.properties.isUppercase { return true }
    // A byte test, as Foundation's literal search for "." finds it, without bridging the word.
    if word.utf8.contains(UInt8(ascii: ".")) {
      // A dotted acronym ("U.S"): a sentence ends only before a typical sentence opener.
      var hi = next
      let ceiling = min(s.count, next + Self.abbreviationWindow)
      while hi < ceiling, s[hi].isUnicodeAlphabetic { hi += 1 }
      return !Self.sentenceOpeners.contains(text[TextSpan(start: next, end: hi)])
    }
    return Self.abbreviations.contains(word.lowercased())
  }

  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "brig", "adm",
    "cmdr", "cdr", "gov", "sen", "rep", "pres", "st", "mt", "ft", "no", "nos", "vol", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "inc", "corp", "ltd", "co", "jr", "sr", "approx",
    "dept", "govt", "fig", "al", "km", "est", "ca", "e.g", "i.e", "rev", "hon", "amb", "sheikh",
  ]

  static let sentenceOpeners: Set<String> = [
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "However", "This", "That",
    "These", "Those", "Its", "His", "Her", "Their", "There", "And", "As", "After", "Before", "When", "While", "If",
    "Meanwhile", "According", "Since", "Some", "Many", "Most", "Russian", "Syrian",
  ]
}
