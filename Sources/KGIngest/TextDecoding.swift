import Foundation

/// Turns a file's bytes into the text that offsets index.
///
/// The result matches what Python's `open(path, encoding="utf-8").read()` gives for a UTF-8 file:
/// CRLF and lone CR become LF (universal newlines), a UTF-8 byte-order mark is kept as U+FEFF,
/// and invalid bytes become U+FFFD. UTF-16 with a byte-order mark is converted.
enum TextDecoding {
  struct Decoded {
    var text: String
    var warnings: [IngestWarning.Kind]
  }

  static func decode(_ bytes: [UInt8], path: String) throws(IngestError) -> Decoded {
    if bytes.isEmpty { throw .empty(path: path) }
    var warnings: [IngestWarning.Kind] = []
    var text: String
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
      let littleEndian = bytes[0] == 0xFF
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2)
      var i = 2
      while i + 1 < bytes.count {
        let unit = littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
        units.append(unit)
        i += 2
      }
      text = String(decoding: units, as: UTF16.self)
      warnings.append(.decodedUTF16)
    } else {
      if let nul = bytes.firstIndex(of: 0) { throw .notText(path: path, byteOffset: nul) }
      if let (offset, count) = invalidUTF8(bytes) {
        warnings.append(.invalidUTF8(byteOffset: offset, count: count))
      }
      text = String(decoding: bytes, as: UTF8.self)
    }
    if text.unicodeScalars.contains(where: { $0 == "\0" }) {
      throw .notText(path: path, byteOffset: 0)
    }
    return Decoded(text: normalizeNewlines(text), warnings: warnings)
  }

  /// CRLF and lone CR to LF.
  static func normalizeNewlines(_ text: String) -> String {
    guard text.utf8.contains(13) else { return text }
    var out = String.UnicodeScalarView()
    var previousCR = false
    for scalar in text.unicodeScalars {
      if scalar == "\r" {
        out.append("\n")
        previousCR = true
      } else {
        if !(previousCR && scalar == "\n") { out.append(scalar) }
        previousCR = false
      }
    }
    return String(out)
  }

  /// The byte offset of the first invalid UTF-8 sequence and how many there are, or nil if valid.
  static func invalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
    var first: Int?
    var count = 0
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      var need = 0
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch b {
      case 0x00...0x7F: i += 1; continue
      case 0xC2...0xDF: need = 1
      case 0xE0: need = 2; lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED: need = 2; upper = 0x9F
      case 0xF0: need = 3; lower = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4: need = 3; upper = 0x8F
      default: need = -1
      }
      var ok = need > 0 && i + need < n + 0 + 1 && i + need <= n - 0
      if ok {
        for k in 1...need {
          guard i + k < n else { ok = false; break }
          let c = bytes[i + k]
          let lo: UInt8 = k == 1 ? lower : 0x80
          let hi: UInt8 = k == 1 ? upper : 0xBF
          if c < lo || c > hi { ok = false; break }
        }
      }
      if ok {
        i += need + 1
      } else {
        if first == nil { first = i }
        count += 1
        i += 1
      }
    }
    return first.map { ($0, count) }
  }
}
