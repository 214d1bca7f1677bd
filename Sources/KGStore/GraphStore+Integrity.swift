import GRDB

extension GraphStore {
  /// SQLite's full `PRAGMA integrity_check`: `["ok"]` for a sound file, else the problems found.
  ///
  /// - Complexity: O(*size of the file*).
  package func _integrityCheck() throws -> [String] {
    try dbWriter.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
  }

  /// The journal mode and busy timeout (in milliseconds) the store's connections use.
  package func _connectionSettings() throws -> (journalMode: String, busyTimeoutMilliseconds: Int, isPool: Bool) {
    let (mode, timeout) = try dbWriter.write { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?",
        try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
      )
    }
    return (mode, timeout, dbWriter is DatabasePool)
  }
}

extension GraphStore {
  /// Test hook: the writer connection's `PRAGMA wal_autocheckpoint` (pages).
  package func _walAutocheckpoint() throws -> Int {
    try dbWriter.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 0 }
  }

  /// Test hook: runs raw SQL on the SQLite file at `path` with no kg checks at all, to make
  /// foreign databases, stores from a "newer" kg, and the like.
  package static func _executeRaw(sql: String, atPath path: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: sql) }
    try queue.close()
  }

  /// Test hook: checkpoints the write-ahead log into the file and closes the store's connections
  /// now, so the file's bytes are the whole store.
  package func _close() throws {
    if let pool = dbWriter as? DatabasePool {
      _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
      try pool.close()
    } else if let queue = dbWriter as? DatabaseQueue {
      try queue.close()
    }
  }
}

extension GraphStore {
  /// SQLite's full `PRAGMA integrity_check` and `PRAGMA foreign_key_check`, and for a sound
  /// file a recount of what the counters hold (`counterProblems()`): what is wrong with the
  /// store, one line per problem (at most 100 of each kind), empty for a sound store. `kg check`.
  ///
  /// - Complexity: O(*size of the file*): every page and every index entry is read (about a
  ///   second per few hundred megabytes).
  /// - Throws: `StoreError.corrupted` when the file cannot even be read that far.
  public func integrityProblems() throws(StoreError) -> [String] {
    do {
      return try dbWriter.read { db in
        var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check(100)").filter { $0 != "ok" }
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
          let table: String = row["table"]
          let parent: String = row["parent"]
          let rowid: Int64? = row["rowid"]
          problems.append("row \(rowid.map(String.init) ?? "?") of \(table) names a missing \(parent)")
        }
        // Counting rows of a damaged file could fail or mislead: the counters come second.
        if problems.isEmpty { problems = try Self.counterProblems(db) }
        return problems
      }
    } catch { throw Self.translate(error, path: path) }
  }

  /// The cheap test a build runs before writing: every unique index holds as many entries as its
  /// table has rows. A unique index that lost entries lets duplicates in, which SQLite's
  /// `quick_check` does not see.
  ///
  /// - Complexity: O(*pages of the tables and indexes*), counted without decoding rows: 0.2 s
  ///   on a 300 MB store of 1M edges and 1.2M statements, against 0.9–1.0 s for `quick_check`
  ///   and 8 s for `integrity_check` (measured with the sqlite3 shell, 2026-12-02).
  /// - Throws: `StoreError.corrupted` naming the first index that disagrees.
  public func checkUniqueIndexes() throws(StoreError) {
    do {
      try dbWriter.read { db in
        let indexes = try Row.fetchAll(
          db,
          sql: """
            SELECT m.name AS name, m.tbl_name AS tbl FROM sqlite_master m
            WHERE m.type = 'index' AND m.tbl_name NOT LIKE 'sqlite_%' AND m.tbl_name != 'grdb_migrations'
            ORDER BY m.tbl_name, m.name
            """)
        var rows: [String: Int] = [:]
        for index in indexes {
          let name: String = index["name"]
          let table: String = index["tbl"]
          let unique = try Row.fetchAll(db, sql: "PRAGMA index_list(\(table.quotedDatabaseIdentifier))")
            .contains { ($0["name"] as String) == name && ($0["unique"] as Int) == 1 }
          guard unique else { continue }
          let inTable: Int
          if let known = rows[table] {
            inTable = known
          } else {
            inTable = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier) NOT INDEXED")!
            rows[table] = inTable
          }
          // Not count(*): SQLite answers that from the smallest index, whichever is named.
          let inIndex = try Int.fetchOne(
            db,
            sql:
              "SELECT coalesce(sum(1), 0) FROM \(table.quotedDatabaseIdentifier) INDEXED BY \(name.quotedDatabaseIdentifier)"
          )!
          if inIndex != inTable {
            throw StoreError.corrupted(
              path: path,
              reason:
                "the unique index '\(name)' holds \(inIndex) entries for \(inTable) rows of \(table); 'kg check' tells more"
            )
          }
        }
      }
    } catch { throw Self.translate(error, path: path) }
  }
}

extension GraphStore {
  /// Test hook: the first page of the table or index `name` in the SQLite file at `path`, and
  /// the file's page size, to damage one b-tree on purpose.
  package static func _rootPage(of name: String, atPath path: String) throws -> (page: Int, pageSize: Int) {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [name]) ?? 0,
        try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
      )
    }
  }
}

extension GraphStore {
  /// Test hook: makes a store at `path` with the migrations up to `migration` only, as an older
  /// kg left it.
  package static func _makeStore(atPath path: String, upTo migration: String) throws {
    let queue = try DatabaseQueue(path: path)
    try Migrations.migrator.migrate(queue, upTo: migration)
    try queue.close()
  }

  /// Test hook: every recorded path as "documentId path", in path order.
  package func _documentPaths() throws -> [String] {
    try dbWriter.read { db in
      try Row.fetchAll(db, sql: "SELECT documentId, path FROM documentPath ORDER BY path")
        .map { "\($0["documentId"] as Int64) \($0["path"] as String)" }
    }
  }
}
