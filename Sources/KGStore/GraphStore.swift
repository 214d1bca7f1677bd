import Foundation
import GRDB
import KGModel

/// The embedded SQLite store of the graph.
///
/// Every document is written in one transaction, so an interrupted build leaves whole
/// documents only; re-ingesting an unchanged document adds nothing, and a changed one replaces
/// its evidence. The file is opened in WAL mode with a busy timeout, so two builds on one store
/// wait for each other instead of failing.
///
/// ```swift
/// let store = try GraphStore(path: "graphs/kg.sqlite")
/// try store.write(extraction)
/// let graph = try store.loadGraph()
/// ```
public final class GraphStore: Sendable {
  let dbWriter: any DatabaseWriter
  public let path: String
  /// For a store opened by `openForReading(path:)`: the `-wal` and `-shm` files its connection
  /// made, taken away again when it closes if no other process uses them.
  let createdSidecars: [String]

  /// Opens (or creates) the store at `path`.
  ///
  /// - Throws: `StoreError.notAStore` for a file that is not a kg store, `.newerSchema` for a
  ///   store written by a newer kg, `.corrupted` for a damaged file, `.cannotOpen` otherwise.
  ///   In each case the file is left untouched.
  public init(path: String) throws(StoreError) {
    self.path = path
    createdSidecars = []
    let exists = FileManager.default.fileExists(atPath: path)
    if exists, try !Self.checkHeader(path) { try Self.inspect(path) }
    var config = Configuration()
    config.busyMode = .timeout(Self.busyTimeout)
    config.foreignKeysEnabled = true
    do {
      dbWriter = try DatabasePool(path: path, configuration: config)
    } catch {
      throw Self.translate(error, path: path)
    }
    try migrate(existing: exists)
  }

  init(path: String, dbWriter: any DatabaseWriter, createdSidecars: [String] = []) {
    self.path = path
    self.dbWriter = dbWriter
    self.createdSidecars = createdSidecars
  }

  deinit {
    guard !createdSidecars.isEmpty, let queue = dbWriter as? DatabaseQueue else { return }
    try? queue.close()
    Self.removeUnused(createdSidecars, of: path)
  }

  /// Removes the `-wal` (when empty) and `-shm` files in `sidecars` when no connection uses the
  /// store: SQLite's own test, an exclusive lock on the WAL index's "dead man switch" byte (128),
  /// which every connection holds shared.
  static func removeUnused(_ sidecars: [String], of path: String) {
    let shm = path + "-shm"
    let fd = open(shm, O_RDWR | O_CLOEXEC)
    if fd >= 0 {
      defer { close(fd) }
      var lock = flock()
      lock.l_type = Int16(F_WRLCK)
      lock.l_whence = Int16(SEEK_SET)
      lock.l_start = 128
      lock.l_len = 1
      guard fcntl(fd, F_SETLK, &lock) == 0 else { return }  // in use by another process
      removeEmpty(sidecars)
      lock.l_type = Int16(F_UNLCK)
      _ = fcntl(fd, F_SETLK, &lock)
    } else {
      removeEmpty(sidecars.filter { !$0.hasSuffix("-shm") })
    }
  }

  /// Opens an existing store for reading only: the file, and the folder it is in, are not
  /// changed (no journal-mode switch, no migration, no checkpoint), so a store on read-only
  /// media or shared read-only can be queried, and querying never touches its modification time.
  ///
  /// An empty file, or a store from an older kg that still needs a migration, is opened as
  /// `init(path:)` opens it. When SQLite cannot make the WAL index beside a read-only file, the
  /// store is read as immutable.
  ///
  /// - Throws: `StoreError.notAStore`, `.newerSchema`, `.cannotOpen`, `.corrupted`.
  public static func openForReading(path: String) throws(StoreError) -> GraphStore {
    if try checkHeader(path) { return try GraphStore(path: path) }
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(busyTimeout)
    // Sidecar files that a read-only connection to a WAL file may create, to be taken away.
    let sidecars = [path + "-wal", path + "-shm"].filter { !FileManager.default.fileExists(atPath: $0) }
    func open(_ name: String) throws -> (DatabaseQueue, [String], Set<String>) {
      let queue = try DatabaseQueue(path: name, configuration: config)
      let (tables, applied) = try queue.read { db in
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        let applied =
          tables.contains("grdb_migrations")
          ? try Set(String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
        return (tables, applied)
      }
      return (queue, tables, applied)
    }
    let opened: (DatabaseQueue, [String], Set<String>)
    do {
      do {
        opened = try open(path)
      } catch let error as DatabaseError
        where [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM].contains(error.resultCode)
        && (Self.size(of: path + "-wal") ?? 0) == 0
      {
        // No WAL index can be made beside the file (a read-only folder): nobody can be writing
        // it either, so read it as immutable. (Not when a WAL holds changes: immutable would
        // not see them.)
        opened = try open(Self.immutableURI(path))
      }
    } catch {
      removeEmpty(sidecars)
      throw translate(error, path: path)
    }
    let (queue, tables, applied) = opened
    if !tables.isEmpty && Set(Migrations.known).isSubset(of: applied) {
      do {
        try queue.read { db in try checkSchema(db, applied: applied, path: path) }
      } catch {
        try? queue.close()
        removeEmpty(sidecars)
        throw translate(error, path: path)
      }
    }
    if tables.isEmpty || !Set(Migrations.known).isSubset(of: applied) {
      // Nothing in it yet, an older schema, or not ours: the read-write path decides.
      try? queue.close()
      removeEmpty(sidecars)
      return try GraphStore(path: path)
    }
    let unknown = applied.subtracting(Migrations.known)
    if !unknown.isEmpty {
      try? queue.close()
      removeEmpty(sidecars)
      throw .newerSchema(path: path, found: applied.sorted(), supported: Migrations.known)
    }
    return GraphStore(path: path, dbWriter: queue, createdSidecars: sidecars)
  }

  static func size(of path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
  }

  /// A `file:` URI that opens `path` as immutable (no locks, no WAL index).
  static func immutableURI(_ path: String) -> String {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
  }

  /// Removes the files among `paths` that exist and are empty, or are a WAL index (`-shm`).
  static func removeEmpty(_ paths: [String]) {
    for file in paths {
      let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
      if size == 0 || (file.hasSuffix("-shm") && size != nil) { try? FileManager.default.removeItem(atPath: file) }
    }
  }

  /// How long a build waits for another process that holds the store's write lock.
  static let busyTimeout: TimeInterval = 60
  /// How many times opening a fresh store retries its migrations while another process runs them.
  static let migrationAttempts = 50

  /// A store in memory, for tests and one-off runs.
  public init(inMemoryNamed name: String = "kg") throws(StoreError) {
    path = ":memory:"
    createdSidecars = []
    var config = Configuration()
    config.foreignKeysEnabled = true
    do { dbWriter = try DatabaseQueue(named: name, configuration: config) } catch {
      throw Self.translate(error, path: path)
    }
    try migrate(existing: false)
  }

  /// A file that exists must start with the SQLite header, or it is not ours to touch.
  ///
  /// - Returns: true when the file is empty (SQLite makes a new database of it).
  static func checkHeader(_ path: String) throws(StoreError) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .cannotOpen(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    if header.isEmpty { return true }
    guard header.count == 16, String(decoding: header.prefix(15), as: UTF8.self) == "SQLite format 3" else {
      throw .notAStore(path: path)
    }
    return false
  }

  /// Looks at an existing SQLite file through a read-only connection before anything may write
  /// to it: opening a `DatabasePool` switches a database to WAL mode, which rewrites its header,
  /// so a file that is not a kg store, is from a newer kg, or is damaged must be refused first.
  ///
  /// - Throws: `StoreError.notAStore`, `.newerSchema`, `.corrupted`, `.cannotOpen`.
  static func inspect(_ path: String) throws(StoreError) {
    // A read-only connection to a WAL-mode file makes empty -wal and -shm files beside it; take
    // them away again when the file is refused, so a refused file is left exactly as found.
    let sidecars = [path + "-wal", path + "-shm"].filter { !FileManager.default.fileExists(atPath: $0) }
    do {
      try inspectReadOnly(path)
    } catch {
      for file in sidecars {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
        if size == 0 || (file.hasSuffix("-shm") && size != nil) { try? FileManager.default.removeItem(atPath: file) }
      }
      throw error
    }
  }

  static func inspectReadOnly(_ path: String) throws(StoreError) {
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(busyTimeout)
    do {
      let queue = try DatabaseQueue(path: path, configuration: config)
      defer { try? queue.close() }
      try queue.read { db in
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        if tables.isEmpty { return }  // a database with nothing in it yet
        guard tables.contains("grdb_migrations"), tables.contains("document") || tables.count == 1 else {
          throw StoreError.notAStore(path: path)
        }
        let applied = try Set(String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        let unknown = applied.subtracting(Migrations.known)
        if !unknown.isEmpty {
          throw StoreError.newerSchema(path: path, found: applied.sorted(), supported: Migrations.known)
        }
        try checkSchema(db, applied: applied, path: path)
      }
    } catch {
      throw translate(error, path: path)
    }
  }

  /// Every table, column and trigger that the migrations in `applied` make, checked against the
  /// file: the cheap test run on every open (no page is read beyond the schema). A missing
  /// trigger would let the counters of `kg stats` drift. SQLite's full `integrity_check` is
  /// `kg check`'s.
  ///
  /// - Throws: `StoreError.incompleteSchema` naming the first missing table, column or trigger.
  static func checkSchema(_ db: Database, applied: Set<String>, path: String) throws {
    let expected = try expectedSchema(applied: applied)
    for (table, columns) in expected.tables.sorted(by: { $0.key < $1.key }) {
      let have = Set(
        try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))").map { $0["name"] as String })
      if have.isEmpty { throw StoreError.incompleteSchema(path: path, missing: "table '\(table)'") }
      if let column = columns.first(where: { !have.contains($0) }) {
        throw StoreError.incompleteSchema(path: path, missing: "column '\(table).\(column)'")
      }
    }
    if !expected.triggers.isEmpty {
      let have = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
      if let trigger = expected.triggers.first(where: { !have.contains($0) }) {
        throw StoreError.incompleteSchema(path: path, missing: "trigger '\(trigger)'")
      }
    }
  }

  /// The tables with their columns, and the triggers (sorted by name), of a store with
  /// `applied` migrations, made once in memory.
  static func expectedSchema(applied: Set<String>) throws -> (tables: [String: [String]], triggers: [String]) {
    let known = Migrations.known.filter { applied.contains($0) }
    guard let last = known.last else { return ([:], []) }
    let queue = try DatabaseQueue()
    try Migrations.migrator.migrate(queue, upTo: last)
    return try queue.read { db in
      var schema: [String: [String]] = [:]
      for table in try String.fetchAll(
        db,
        sql:
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'"
      ) {
        schema[table] = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))").map {
          $0["name"]
        }
      }
      let triggers = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      return (schema, triggers)
    }
  }

  func migrate(existing: Bool) throws(StoreError) {
    let migrator = Migrations.migrator
    do {
      let (applied, tables) = try dbWriter.read { db in
        (
          try migrator.appliedIdentifiers(db),
          try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        )
      }
      if existing && applied.isEmpty && !tables.isEmpty && !tables.contains("grdb_migrations") {
        throw StoreError.notAStore(path: path)
      }
      let unknown = applied.subtracting(Migrations.known)
      if !unknown.isEmpty {
        throw StoreError.newerSchema(path: path, found: applied.sorted(), supported: Migrations.known)
      }
      // Another process may be migrating the same fresh store at the same moment: GRDB reads the
      // applied migrations before it takes the write lock of each one, so a migration the other
      // process has just committed fails here ("table already exists"). Each retry starts from
      // what is applied by then, so it goes on where the other process is.
      var attempt = 0
      while true {
        do {
          try migrator.migrate(dbWriter)
          break
        } catch {
          let now = try dbWriter.read { db in try migrator.appliedIdentifiers(db) }
          if Set(Migrations.known).isSubset(of: now) { break }
          attempt += 1
          if attempt >= Self.migrationAttempts { throw error }
          usleep(20_000)
        }
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  static func translate(_ error: any Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    if let db = error as? DatabaseError {
      switch db.resultCode {
      case .SQLITE_NOTADB: return .notAStore(path: path)
      case .SQLITE_CORRUPT: return .corrupted(path: path, reason: db.message ?? "corrupt")
      case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
      case .SQLITE_FULL, .SQLITE_IOERR: return .ioFailed(path: path, reason: db.message ?? "\(db.resultCode)")
      case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
        return .cannotOpen(path: path, reason: db.message ?? "cannot open")
      default: return .writeFailed(path: path, reason: db.message ?? "\(db.resultCode)")
      }
    }
    return .cannotOpen(path: path, reason: "\(error)")
  }
}
