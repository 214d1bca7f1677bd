public import Foundation

/// The keys of a JSON document, for checking that every output of kg spells its keys one way
/// (camelCase: a lower-case letter, then letters and digits; `partOf`, `quoteDocument`,
/// `schemaVersion`).
public enum JSONKeys {
  /// Every object key in `data`, at any depth, with the path of its first occurrence.
  ///
  /// - Parameter dataKeyed: keys whose value is a dictionary keyed by data (counts by relation
  ///   type, evidence by entity id): their own key counts, their children's keys do not.
  /// - Throws: when `data` is not JSON.
  public static func all(in data: Data, dataKeyed: Set<String> = []) throws -> [String: String] {
    var keys: [String: String] = [:]
    collect(
      try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]), path: "$", dataKeyed: dataKeyed,
      into: &keys)
    return keys
  }

  /// The keys in `data` that are not camelCase, each with the path where it was met first.
  public static func notCamelCase(in data: Data, dataKeyed: Set<String> = []) throws -> [String: String] {
    try all(in: data, dataKeyed: dataKeyed).filter { !isCamelCase($0.key) }
  }

  public static func isCamelCase(_ key: String) -> Bool {
    guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return key.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
    }
  }

  private static func collect(_ value: Any, path: String, dataKeyed: Set<String>, into keys: inout [String: String]) {
    if let object = value as? [String: Any] {
      for (key, child) in object {
        if keys[key] == nil { keys[key] = path }
        if dataKeyed.contains(key), let table = child as? [String: Any] {
          for value in table.values { collect(value, path: path + "." + key + ".*", dataKeyed: dataKeyed, into: &keys) }
        } else {
          collect(child, path: path + "." + key, dataKeyed: dataKeyed, into: &keys)
        }
      }
    } else if let array = value as? [Any] {
      for child in array { collect(child, path: path + "[]", dataKeyed: dataKeyed, into: &keys) }
    }
  }
}
