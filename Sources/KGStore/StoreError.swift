/// A failure of the graph store that a user can see.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  case cannotOpen(path: String, reason: String)
  case notAStore(path: String)
  case newerSchema(path: String, found: [String], supported: [String])
  case corrupted(path: String, reason: String)
  case busy(path: String)
  case writeFailed(path: String, reason: String)
  /// The file system refused the store's bytes (a full disk, an I/O error): nothing more can be
  /// stored until that is fixed.
  case ioFailed(path: String, reason: String)
  /// A SQLite file that says it is a kg store but lacks some of its tables or columns.
  case incompleteSchema(path: String, missing: String)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      "\(path): cannot open the store (\(reason)); check the folder exists and is writable."
    case .notAStore(let path):
      "\(path): is not a kg store; it was left untouched. Pass another file to --store."
    case .newerSchema(let path, let found, let supported):
      "\(path): was written by a newer kg (schema \(found.last ?? "?"), this kg knows up to \(supported.last ?? "?")); it was left untouched. Upgrade kg."
    case .corrupted(let path, let reason):
      "\(path): the store is damaged (\(reason)); it was left untouched. Rebuild it with 'kg build' into a new --store."
    case .busy(let path):
      "\(path): another process holds the store; try again when it finishes."
    case .writeFailed(let path, let reason):
      "\(path): could not write (\(reason)); nothing of that document was stored."
    case .ioFailed(let path, let reason):
      "\(path): the store cannot be written (\(reason)); the build stopped, and the documents stored before it are whole. Free some space and run the build again."
    case .incompleteSchema(let path, let missing):
      "\(path): is not a kg store, or a damaged one (no \(missing)); it was left untouched. Pass another file to --store, or rebuild it with 'kg build' into a new --store."
    }
  }
}
