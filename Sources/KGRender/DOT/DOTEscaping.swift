/// Quoting for DOT strings and HTML-like labels.
///
/// Graphviz reads a quoted DOT string in two passes: the parser removes only `\"`, then label
/// and tooltip processing treats backslash sequences (`\n`, `\N`, `\G`, …) as escapes and `&name;`
/// as an HTML entity. So a literal backslash must be written `\\`, and a literal `&` as `&amp;`,
/// or a quote such as `AT&T` or `C:\Note` would be drawn wrong (or give invalid SVG).
enum DOTEscaping {
  /// A double-quoted DOT string that Graphviz shows as `s` exactly: quotes, backslashes and
  /// ampersands escaped, newlines as `\n` (a centred line break), other control characters
  /// dropped. Non-ASCII text (Arabic, accents) passes through as UTF-8.
  static func quoted(_ s: String) -> String {
    let s = cut(s)
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars.lazy.map(xmlSafe) {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "&": out += "&amp;"
      case "\n": out += "\\n"
      case "\r", "\t": out += " "
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// A double-quoted DOT string for a `tooltip`, which Graphviz unescapes once more than a
  /// label: a literal backslash takes four backslashes in the DOT text (checked with Graphviz
  /// 2.43: `\\\\N` shows `\N`, while `\\N` would show the node's name).
  static func tooltip(_ s: String) -> String {
    var doubled = ""
    doubled.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      if scalar == "\\" { doubled += "\\\\" } else { doubled.unicodeScalars.append(scalar) }
    }
    return quoted(doubled)
  }

  /// A plain identifier-like value (`solid`, `box`) left bare, anything else quoted.
  static func id(_ s: String) -> String {
    let bare =
      !s.isEmpty
      && s.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0))
      }
      && !("0"..."9").contains(s.unicodeScalars.first!)
    return bare ? s : quoted(s)
  }

  /// Text for an HTML-like label (`<…>`): `&`, `<`, `>` and `"` as entities, control
  /// characters dropped.
  static func html(_ s: String) -> String {
    var out = ""
    for scalar in cut(s).unicodeScalars.lazy.map(xmlSafe) {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The most UTF-8 bytes of one string in a drawing. Graphviz refuses a whole file holding a
  /// string over 16,384 bytes (its scanner's buffer), and a name that long cannot be read anyway.
  /// Escaping can make a string five times longer (`&` is `&amp;`), so 3,000 stays under it.
  static let maximumStringBytes = 3000

  /// `s`, or when it is longer than `maximumStringBytes`, its first 1,000 characters, an ellipsis
  /// and a hash of the whole, so two long names that share a beginning stay two nodes.
  static func cut(_ s: String) -> String {
    guard s.utf8.count > maximumStringBytes else { return s }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in s.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return String(s.unicodeScalars.prefix(1000)) + " … #" + String(hash, radix: 16)
  }

  /// U+FFFD for the code points that XML 1.0 forbids or that are not characters (U+FFFE,
  /// U+FFFF and the other noncharacters), so the SVG Graphviz writes from the DOT is well
  /// formed. Control characters are dropped by the callers.
  static func xmlSafe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let v = scalar.value
    if (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE { return "\u{FFFD}" }
    return scalar
  }
}
