import ArgumentParser
import KGPipeline

/// `--type`, `--modality`, `--since`, `--until`, `--min-documents`: which edges a query may use.
struct FilterOptions: ParsableArguments {
  @Option(
    name: .customLong("type"),
    help: ArgumentHelp("Relation types to follow, comma-separated (default: all).", valueName: "type[,type…]"))
  var types: [RelationList] = []

  @Option(
    name: .customLong("modality"),
    help: ArgumentHelp("Modalities to follow, comma-separated (default: all).", valueName: "modality[,modality…]"))
  var modalities: [ModalityList] = []

  @Option(help: ArgumentHelp("Only edges stated in a document dated on or after this day.", valueName: "YYYY-MM-DD"))
  var since: String?

  @Option(help: ArgumentHelp("Only edges stated in a document dated on or before this day.", valueName: "YYYY-MM-DD"))
  var until: String?

  @Option(help: ArgumentHelp("Only edges stated in at least this many documents.", valueName: "n"))
  var minDocuments: Int = 0

  func validate() throws {
    for date in [since, until].compactMap({ $0 }) where !ISODate.isValid(date) {
      throw ValidationError(QueryError.invalidDate(text: date).description)
    }
    if minDocuments < 0 { throw ValidationError("--min-documents must be 0 or more, not \(minDocuments).") }
    do { _ = try filter() } catch { throw ValidationError(error.description) }
  }

  /// The filter the options describe.
  func filter() throws(QueryError) -> EdgeFilter {
    try EdgeFilter(
      types: Set(types.flatMap(\.values)), modalities: Set(modalities.flatMap(\.values)), since: since, until: until,
      minimumDocuments: minDocuments)
  }
}

/// A comma-separated list of values of a closed vocabulary ("attack,support").
struct CommaList<Value: RawRepresentable & CaseIterable & Sendable>: ExpressibleByArgument, Sendable
where Value.RawValue == String {
  var values: [Value]

  init?(argument: String) {
    var values: [Value] = []
    for part in argument.split(separator: ",") {
      let word = part.trimmingCharacters(in: .whitespaces).lowercased()
      guard let value = Value(rawValue: word) else { return nil }
      values.append(value)
    }
    if values.isEmpty { return nil }
    self.values = values
  }

  static var allValueStrings: [String] { Value.allCases.map(\.rawValue) }
}

typealias RelationList = CommaList<RelationType>
typealias ModalityList = CommaList<Modality>

/// A relation type typed as an argument (`kg why A attack B`).
struct RelationArgument: ExpressibleByArgument, Sendable {
  var type: RelationType
  init?(argument: String) {
    guard let type = RelationType(rawValue: argument.lowercased()) else { return nil }
    self.type = type
  }
  static var allValueStrings: [String] { RelationType.allCases.map(\.rawValue) }
}

/// An entity type typed as an option value (`kg entities --type armed_group`).
struct EntityKindArgument: ExpressibleByArgument, Sendable {
  var kind: EntityKind
  init?(argument: String) {
    guard let kind = EntityKind(rawValue: argument.lowercased().replacingOccurrences(of: "-", with: "_")) else {
      return nil
    }
    self.kind = kind
  }
  static var allValueStrings: [String] { EntityKind.allCases.map(\.rawValue) }
}
