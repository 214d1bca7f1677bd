import ArgumentParser
import KGPipeline

/// `--type`, `--modality`, `--since`, `--until`, `--min-documents`: which edges a command uses.
///
/// The same options, names and rules on every command that filters edges (`neighbors`, `path`,
/// `render`, `export`): `--type` and `--modality` take a comma-separated list and may be
/// repeated; dates are `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. `--min-sources` is the hidden old name
/// of `--min-documents` (on `render` and `export`), kept so that scripts written for it still run.
struct FilterOptions: ParsableArguments {
  @Option(
    name: .customLong("type"),
    help: ArgumentHelp(
      "Keep only these relation types, comma-separated or repeated: \(VocabularyList.names(of: RelationType.self)).",
      valueName: "type[,type…]"),
    transform: { try VocabularyList.parse($0, noun: "a relation type") })
  var types: [[RelationType]] = []

  @Option(
    name: .customLong("modality"),
    help: ArgumentHelp(
      "Keep only these modalities, comma-separated or repeated: \(VocabularyList.names(of: Modality.self)).",
      valueName: "modality[,modality…]"),
    transform: { try VocabularyList.parse($0, noun: "a modality") })
  var modalities: [[Modality]] = []

  @Option(
    help: ArgumentHelp("Keep edges stated in a document dated on or after this day.", valueName: "YYYY[-MM[-DD]]"))
  var since: String?

  @Option(
    help: ArgumentHelp("Keep edges stated in a document dated on or before this day.", valueName: "YYYY[-MM[-DD]]"))
  var until: String?

  @Option(
    name: .customLong("min-documents"),
    help: ArgumentHelp(
      "Keep edges stated in at least this many documents (dated in the window, if one is given).", valueName: "n"))
  var minDocuments: Int?

  /// The old name of `--min-documents`; hidden from help.
  @Option(name: .customLong("min-sources"), help: .hidden)
  var minSources: Int?

  func validate() throws {
    if minDocuments != nil && minSources != nil {
      throw ValidationError("--min-sources is the old name of --min-documents; give --min-documents only.")
    }
    if let n = minDocuments ?? minSources, n < 0 {
      throw ValidationError(
        "\(minDocuments != nil ? "--min-documents" : "--min-sources") '\(n)' is negative; give 0 or more documents.")
    }
    do { try criteria.validate() } catch { throw ValidationError(error.description) }
  }

  /// The least number of documents asked for; 0 (every edge) when not given.
  var minimumDocuments: Int { minDocuments ?? minSources ?? 0 }

  /// The filter as typed: what `render` draws and `export` writes.
  var criteria: EdgeCriteria {
    EdgeCriteria(
      types: Set(types.joined()), modalities: Set(modalities.joined()), since: since, until: until,
      minimumDocuments: minimumDocuments)
  }

  /// The checked filter the query commands search with.
  ///
  /// - Throws: `QueryError.invalidDate` or `.emptyDateWindow` (which `validate()` reports first).
  func filter() throws(QueryError) -> EdgeFilter { try criteria.edgeFilter() }
}

/// A comma-separated list of words of a closed vocabulary ("attack,support"), as every list
/// option takes it (`--type`, `--modality`, `kg entities --type`): case and spaces around the
/// commas ignored, `-` read as `_`.
enum VocabularyList {
  /// - Parameter noun: what a word names, with its article ("a relation type").
  /// - Throws: a `ValidationError` quoting the first word that is not in the vocabulary and
  ///   listing the words that are.
  static func parse<Value: RawRepresentable & CaseIterable>(_ text: String, noun: String) throws -> [Value]
  where Value.RawValue == String {
    let words = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    if words.isEmpty {
      throw ValidationError("'\(text)' names nothing; give one or more of \(names(of: Value.self)), comma-separated.")
    }
    return try words.map { word in
      guard let value = Value(rawValue: word.lowercased().replacingOccurrences(of: "-", with: "_")) else {
        throw ValidationError("'\(word)' is not \(noun); use one of \(names(of: Value.self)).")
      }
      return value
    }
  }

  static func names<Value: RawRepresentable & CaseIterable>(of _: Value.Type) -> String
  where Value.RawValue == String {
    Value.allCases.map(\.rawValue).joined(separator: ", ")
  }
}

/// A relation type typed as an argument (`kg why A attack B`).
struct RelationArgument: ExpressibleByArgument, Sendable {
  var type: RelationType
  init?(argument: String) {
    guard let type = RelationType(rawValue: argument.lowercased()) else { return nil }
    self.type = type
  }
  static var allValueStrings: [String] { RelationType.allCases.map(\.rawValue) }
}
