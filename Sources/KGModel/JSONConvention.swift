public import Foundation

/// How kg writes JSON, the same in every output: `kg export --format json`, each query's
/// `--json`, `kg build --json`, `kg explain --json` and the JSON API of `kg serve`.
///
/// Keys are camelCase, spelled as the Swift properties that hold them (`partOf`, `assertedBy`,
/// `quoteDocument`, `markedQuote`, `schemaVersion`), never converted; keys are sorted and `/` is
/// not escaped. Every document carries a `schemaVersion` at its top level, which its writer
/// bumps when a key changes meaning, is renamed or disappears (adding a key does not need one).
/// Values of closed vocabularies keep their own spelling (`armed_group`, `government_body`), as
/// the command-line options take them.
///
/// ```swift
/// let data = try JSONConvention.encoder(pretty: true).encode(answer)
/// ```
public enum JSONConvention {
  /// An encoder that writes this convention; `pretty` indents for people and diffs (the CLI and
  /// the export), compact is for the web API.
  public static func encoder(pretty: Bool) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .useDefaultKeys
    return encoder
  }
}
