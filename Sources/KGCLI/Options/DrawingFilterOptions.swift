import ArgumentParser
import KGPipeline

/// `--type`, `--modality`, `--since`, `--until`, `--min-sources` (alias `--min-documents`):
/// which edges `render` draws and `export` writes, the same for both.
struct DrawingFilterOptions: ParsableArguments {
  @Option(
    name: .customLong("type"),
    help: ArgumentHelp(
      "Keep only this relation type (repeatable): \(RelationType.allCases.map(\.rawValue).joined(separator: ", ")).",
      valueName: "type"),
    transform: DrawingFilterOptions.relationType)
  var types: [RelationType] = []
  @Option(
    name: .customLong("modality"),
    help: ArgumentHelp("Keep only this modality (repeatable): asserted, alleged, hypothetical.", valueName: "modality"),
    transform: DrawingFilterOptions.modality)
  var modalities: [Modality] = []
  @Option(
    help: ArgumentHelp("Keep edges stated in a document dated on or after this day.", valueName: "YYYY[-MM[-DD]]"))
  var since: String?
  @Option(
    help: ArgumentHelp("Keep edges stated in a document dated on or before this day.", valueName: "YYYY[-MM[-DD]]"))
  var until: String?
  @Option(
    name: [.customLong("min-sources"), .customLong("min-documents")],
    help: ArgumentHelp("Keep edges stated in at least this many documents.", valueName: "n"))
  var minSources: Int = 1

  func validate() throws {
    if minSources < 1 { throw ValidationError("--min-sources '\(minSources)' must be 1 or more.") }
    do { try filter.validate() } catch { throw ValidationError(error.description) }
  }

  var filter: RenderFilter {
    RenderFilter(
      types: Set(types), modalities: Set(modalities), since: since, until: until, minimumDocuments: minSources)
  }

  private static func relationType(_ text: String) throws -> RelationType {
    guard let type = RelationType(rawValue: text.lowercased()) else {
      throw ValidationError(
        "'\(text)' is not a relation type; use one of \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))."
      )
    }
    return type
  }

  private static func modality(_ text: String) throws -> Modality {
    guard let modality = Modality(rawValue: text.lowercased()) else {
      throw ValidationError("'\(text)' is not a modality; use asserted, alleged or hypothetical.")
    }
    return modality
  }
}
