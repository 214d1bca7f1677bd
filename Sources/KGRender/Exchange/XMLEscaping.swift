/// Text made safe for XML 1.0 element content and attribute values.
///
/// Markup characters become entities, and code points XML 1.0 forbids (C0 controls other than
/// tab, newline and carriage return; lone surrogates cannot occur in a Swift `String`; U+FFFE and
/// U+FFFF) become U+FFFD, so that every parser (networkx's ElementTree, Gephi, yEd) accepts the
/// file. Tab, newline and carriage return in attribute values are written as character
/// references, so attribute-value normalisation keeps them.
public enum XMLEscaping {
  /// `text` escaped for element content or a double-quoted attribute value.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t": out += "&#9;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      default:
        out.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
      }
    }
    return out
  }

  /// True when XML 1.0's `Char` production admits `scalar`.
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
