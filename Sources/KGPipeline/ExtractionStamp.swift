import Foundation
import KGExtract

/// What made a document's rows: the extractor's version and a fingerprint of the actor
/// dictionaries it used (built-in and the user's `--dictionary` files, as loaded). A stored
/// document whose stamp differs is extracted again.
enum ExtractionStamp {
  /// Bump when the extractor changes what it makes from the same text and dictionaries.
  static let extractorVersion = "kg-extract 2"

  /// The stamp of `configuration`: the version and an FNV-1a 64 fingerprint of its dictionary's
  /// entities (id, name, kind, `partOf`, aliases), in id order.
  ///
  /// - Complexity: O(*entities* + *aliases*).
  static func of(_ configuration: ExtractionConfiguration) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ s: String) {
      for byte in s.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
      hash ^= 0x1F
      hash = hash &* 0x100_0000_01b3
    }
    for (id, e) in configuration.dictionary.entities.sorted(by: { $0.key < $1.key }) {
      mix(id)
      mix(e.name)
      mix(e.kind.rawValue)
      mix(e.partOf ?? "")
      for a in e.aliases.sorted() { mix(a) }
    }
    let hex = String(hash, radix: 16)
    return "\(extractorVersion); dictionaries \(String(repeating: "0", count: 16 - hex.count) + hex)"
  }
}
