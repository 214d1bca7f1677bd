import KGModel

/// Turns a file's bytes into the text that offsets index.
///
/// The result is exactly what Python's `open(path, encoding="utf-8", errors="replace").read()`
/// gives, so that an exported span satisfies `text[start:end] == quote` for `score.py`:
/// - invalid UTF-8 becomes U+FFFD, one per *maximal subpart* of an ill-formed sequence (the
///   Unicode recommendation CPython follows: a lone bad byte is one U+FFFD, a truncated
///   multi-byte sequence is one U+FFFD for the bytes read so far);
/// - CRLF and a lone CR become LF (universal newlines);
/// - a UTF-8 byte-order mark is kept as U+FEFF.
///
/// UTF-16 with a byte-order mark is converted as `open(path, encoding="utf-16",
/// errors="replace")` would: the mark is dropped and a trailing odd byte becomes U+FFFD.
///
/// - Complexity: O(*n*) time for *n* bytes, one pass; the output is built directly as scalars.
enum TextDecoding {
  struct Decoded {
    var scalars: [Unicode.Scalar]
    var warnings: [IngestWarning.Kind]

    var text: String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      return String(view)
    }
  }

  /// A file is taken for binary when more than this fraction of its bytes start an ill-formed
  /// UTF-8 sequence (Latin-1 prose stays far below; random bytes are above one half).
  static let binaryFraction = 0.25

  /// Decodes `bytes`.
  ///
  /// - Throws: `IngestError.empty` for no bytes; `.notText` for a NUL byte in UTF-8 input, a NUL
  ///   character in UTF-16 input, or mostly ill-formed UTF-8.
  static func decode(_ bytes: [UInt8], path: String) throws(IngestError) -> Decoded {
    if bytes.isEmpty { throw .empty(path: path) }
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
      return try decodeUTF16(bytes, littleEndian: bytes[0] == 0xFF, path: path)
    }
    if let nul = bytes.firstIndex(of: 0) { throw .notText(path: path, byteOffset: nul) }
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(bytes.count)
    var newlines = NewlineTranslator()
    let (first, count) = decodeUTF8(bytes) { newlines.append($0, to: &scalars) }
    var warnings: [IngestWarning.Kind] = []
    if let first {
      if count >= 4 && Double(count) > Double(bytes.count) * binaryFraction {
        throw .notText(path: path, byteOffset: first)
      }
      warnings.append(.invalidUTF8(byteOffset: first, count: count))
    }
    return Decoded(scalars: scalars, warnings: warnings)
  }

  /// Translates CR and CRLF to LF as scalars are emitted (Python's universal newlines).
  struct NewlineTranslator {
    var afterCR = false

    mutating func append(_ scalar: Unicode.Scalar, to out: inout [Unicode.Scalar]) {
      if scalar == "\r" {
        out.append("\n")
        afterCR = true
        return
      }
      if !(afterCR && scalar == "\n") { out.append(scalar) }
      afterCR = false
    }
  }

  /// CRLF and lone CR to LF.
  static func normalizeNewlines(_ text: String) -> String {
    guard text.utf8.contains(13) else { return text }
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(text.unicodeScalars.count)
    var newlines = NewlineTranslator()
    for scalar in text.unicodeScalars { newlines.append(scalar, to: &out) }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: out)
    return String(view)
  }

  /// Decodes UTF-8 with U+FFFD for each maximal ill-formed subpart, calling `emit` per scalar.
  ///
  /// - Returns: the byte offset of the first ill-formed sequence (nil when the input is valid)
  ///   and the number of U+FFFD substituted.
  @discardableResult
  static func decodeUTF8(_ bytes: [UInt8], emit: (Unicode.Scalar) -> Void) -> (first: Int?, count: Int) {
    var first: Int?
    var count = 0
    let n = bytes.count
    var i = 0
    bytes.withUnsafeBufferPointer { b in
      while i < n {
        let lead = b[i]
        if lead < 0x80 {
          emit(Unicode.Scalar(lead))
          i += 1
          continue
        }
        var need = 0
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        var value: UInt32 = 0
        switch lead {
        case 0xC2...0xDF:
          need = 1
          value = UInt32(lead & 0x1F)
        case 0xE0:
          need = 2
          lower = 0xA0
          value = UInt32(lead & 0x0F)
        case 0xE1...0xEC, 0xEE...0xEF:
          need = 2
          value = UInt32(lead & 0x0F)
        case 0xED:
          need = 2
          upper = 0x9F
          value = UInt32(lead & 0x0F)
        case 0xF0:
          need = 3
          lower = 0x90
          value = UInt32(lead & 0x07)
        case 0xF1...0xF3:
          need = 3
          value = UInt32(lead & 0x07)
        case 0xF4:
          need = 3
          upper = 0x8F
          value = UInt32(lead & 0x07)
        default: need = 0
        }
        // Consume continuation bytes while they are valid; stop at the first that is not.
        var k = 0
        while k < need, i + 1 + k < n {
          let c = b[i + 1 + k]
          let lo: UInt8 = k == 0 ? lower : 0x80
          let hi: UInt8 = k == 0 ? upper : 0xBF
          guard c >= lo && c <= hi else { break }
          value = value << 6 | UInt32(c & 0x3F)
          k += 1
        }
        if need > 0 && k == need, let scalar = Unicode.Scalar(value) {
          emit(scalar)
          i += need + 1
        } else {
          // One U+FFFD for the lead byte and the valid continuation bytes after it.
          if first == nil { first = i }
          count += 1
          emit("\u{FFFD}")
          i += need > 0 ? k + 1 : 1
        }
      }
    }
    return (first, count)
  }

  static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool, path: String) throws(IngestError) -> Decoded {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = 2
    while i + 1 < bytes.count {
      let unit =
        littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
      if unit == 0 { throw .notText(path: path, byteOffset: i) }
      units.append(unit)
      i += 2
    }
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(units.count)
    var newlines = NewlineTranslator()
    var iterator = units.makeIterator()
    var decoder = UTF16()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let s): newlines.append(s, to: &scalars)
      case .error: newlines.append("\u{FFFD}", to: &scalars)
      case .emptyInput: break loop
      }
    }
    // A trailing odd byte is a truncated code unit.
    if bytes.count % 2 == 1 { newlines.append("\u{FFFD}", to: &scalars) }
    return Decoded(scalars: scalars, warnings: [.decodedUTF16])
  }
}
