import Foundation

/// The seven entity types of the rulebook (GUIDELINES.md, "Entities").
public enum EntityKind: String, Codable, Sendable, CaseIterable, Hashable {
  case state
  case military
  case governmentBody = "government_body"
  case armedGroup = "armed_group"
  case person
  case organization
  case location

  /// True for kinds that can act (be the source of a relation).
  public var isActor: Bool { self != .location }
}

/// An actor or place with one canonical name, its aliases, and the larger actor it belongs to.
public struct Entity: Hashable, Codable, Sendable, Identifiable {
  /// Lowercase hyphenated id ("isis", "syrian-arab-army").
  public var id: String
  public var name: String
  public var kind: EntityKind
  public var aliases: [String]
  /// The id of the larger actor this one belongs to.
  public var partOf: String?

  public init(id: String, name: String, kind: EntityKind, aliases: [String] = [], partOf: String? = nil) {
    self.id = id
    self.name = name
    self.kind = kind
    self.aliases = aliases
    self.partOf = partOf
  }

  /// Makes an id from a name: lowercase, accents dropped, runs of non-alphanumerics become one hyphen.
  public static func slug(_ name: String) -> String {
    name.utf8.allSatisfy { $0 < 0x80 } ? asciiSlug(name) : unicodeSlug(name)
  }

  /// `slug` for ASCII text, byte by byte: the same result without Unicode case mapping and
  /// normalisation, which cost most of the time of a lookup table over 100k entities.
  static func asciiSlug(_ name: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count)
    var pendingHyphen = false
    for byte in name.utf8 {
      let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
      if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
        if pendingHyphen && !out.isEmpty { out.append(0x2D) }
        pendingHyphen = false
        out.append(lower)
      } else if byte != 0x27 {  // an apostrophe joins, as in "People's"
        pendingHyphen = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `slug` for any text.
  static func unicodeSlug(_ name: String) -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in name.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingHyphen && !out.isEmpty { out.append("-") }
        pendingHyphen = false
        out.unicodeScalars.append(scalar)
      } else if scalar != "'" && scalar != "’" {
        pendingHyphen = true
      }
    }
    return out
  }
}
