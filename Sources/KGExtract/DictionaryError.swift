import KGModel

/// A mistake in a dictionary or lexicon file, named by file and line.
public enum DictionaryError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(file: String, reason: String)
  case malformedYAML(file: String, line: Int, reason: String)
  case malformedEntry(file: String, line: Int, reason: String)
  case unknownType(file: String, line: Int, type: String)
  case unknownReference(file: String, line: Int, id: String)
  case missingResources

  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      "\(file): cannot be read (\(reason)); check the path given to --dictionary."
    case .malformedYAML(let file, let line, let reason):
      "\(file):\(line): not valid YAML (\(reason)); fix the indentation or quoting on that line."
    case .malformedEntry(let file, let line, let reason):
      "\(file):\(line): \(reason)."
    case .unknownType(let file, let line, let type):
      "\(file):\(line): unknown entity type '\(type)'; use one of \(EntityKindNames.all)."
    case .unknownReference(let file, let line, let id):
      "\(file):\(line): 'part_of: \(id)' names no known entity; define '\(id)' or fix the id."
    case .missingResources:
      "the built-in dictionaries are missing from the installation; rebuild kg."
    }
  }
}

enum EntityKindNames {
  static var all: String { EntityKind.allCases.map(\.rawValue).joined(separator: ", ") }
}
