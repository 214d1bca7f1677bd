import GRDB
public import KGModel

/// Documents written in one transaction, each in its own savepoint: a document the store refuses
/// rolls back alone and the others stay, and a build killed before the commit leaves none of
/// the batch (so whole documents only), while a build pays one commit (and one WAL sync) per
/// batch instead of one per document.
///
/// Made by `GraphStore.inBatch(_:)`; valid only inside its closure.
///
/// ```swift
/// try store.inBatch { batch in
///   for extraction in extractions { try batch.write(extraction, extractedWith: stamp) }
/// }
/// ```
public final class WriteBatch {
  let db: Database
  let path: String
  let rows: DocumentRows
  /// Documents written so far in this batch.
  public private(set) var documents = 0

  init(db: Database, path: String, memo: EntityMemo) throws {
    self.db = db
    self.path = path
    rows = try DocumentRows(db: db, entities: memo)
  }

  /// `GraphStore.adoptIfStored(_:extractedWith:)` inside the batch.
  ///
  /// - Throws: `StoreError`; the batch should then be abandoned.
  public func adoptIfStored(_ document: Document, extractedWith: String) throws(StoreError) -> Bool {
    do {
      let adopted = try GraphStore.adopt(document, extractedWith: extractedWith, db: db)
      // Adopting a path may have removed entities; a document that is not stored (most of a
      // fresh build) changed nothing. (Forgetting here every time made the memo useless.)
      if adopted { rows.entities.forget() }
      return adopted
    } catch {
      throw GraphStore.translate(error, path: path)
    }
  }

  /// `GraphStore.write(_:extractedWith:force:)` inside the batch, in a savepoint of its own.
  ///
  /// - Throws: `StoreError.writeFailed` when the store refuses this document (its savepoint is
  ///   rolled back, and the batch may go on); any other `StoreError` means the batch must stop.
  @discardableResult
  public func write(_ extraction: DocumentExtraction, extractedWith: String = "", force: Bool = false)
    throws(StoreError) -> WriteOutcome
  {
    do {
      var outcome = WriteOutcome.unchanged
      try db.inSavepoint {
        outcome = try GraphStore.write(extraction, extractedWith: extractedWith, force: force, db: db, rows: rows)
        return .commit
      }
      documents += 1
      return outcome
    } catch {
      rows.entities.forget()  // what the rolled-back document wrote is gone
      rows.mentions.discard()
      rows.evidence.discard()
      throw GraphStore.translate(error, path: path)
    }
  }
}

extension GraphStore {
  /// Runs `body` with a batch of document writes in one transaction, committed when `body`
  /// returns and rolled back whole when it throws.
  ///
  /// - Parameter memo: the entities this build has written; pass the same one to every batch of
  ///   a build, so each entity is written once unless it changes.
  /// - Throws: what `body` throws; `StoreError` when the transaction cannot begin or commit.
  public func inBatch<T>(remembering memo: EntityMemo = EntityMemo(), _ body: (WriteBatch) throws -> T) throws -> T {
    do {
      return try dbWriter.write { db in
        // Another process's commit may have removed entities this build wrote.
        let version = try Int64.fetchOne(db, sql: "PRAGMA data_version")
        if version != memo.dataVersion { memo.forget() }
        memo.dataVersion = version
        do {
          return try body(try WriteBatch(db: db, path: path, memo: memo))
        } catch {
          memo.forget()
          throw error
        }
      }
    } catch let error as DatabaseError {
      throw Self.translate(error, path: path)
    }
  }
}

// MARK: - Builds

extension GraphStore {
  /// Pages the write-ahead log may hold during `duringBuild(_:)` before a commit copies them into
  /// the database: 65,536 pages of 4 KB, 256 MB (SQLite's default is 1,000 pages, 4 MB).
  static let buildCheckpointPages = 65_536
  /// How long the checkpoint at the end of a build waits for readers to leave the log, in ms.
  static let buildCheckpointWait = 2_000

  /// Runs the batches of one build (`inBatch(remembering:_:)`) with the write-ahead log copied
  /// into the database rarely, then once at the end, truncating the log.
  ///
  /// A page that many batches change (an index page, the counters) goes into the log once per
  /// batch. With SQLite's default, every commit that leaves more than 1,000 pages in the log
  /// (every large batch) copies them into the database too; during a build the log may grow to
  /// `buildCheckpointPages` first, so on a corpus of that size each page reaches the database
  /// once. The per-document savepoints keep their statement journals in memory
  /// (`temp_store = MEMORY`) instead of in temporary files. Readers are never blocked: they read
  /// the log; the final checkpoint waits `buildCheckpointWait` ms at most for readers of older
  /// snapshots, and leaves the log to the next commit's checkpoint if they stay.
  ///
  /// - Throws: what `body` throws. The settings are restored however it ends.
  public func duringBuild<T>(_ body: () throws -> T) throws -> T {
    guard dbWriter is DatabasePool else { return try body() }
    try? dbWriter.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.buildCheckpointPages)")
      try db.execute(sql: "PRAGMA temp_store = MEMORY")
    }
    defer {
      try? dbWriter.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA temp_store = DEFAULT")
        try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
        try db.execute(sql: "PRAGMA busy_timeout = \(Self.buildCheckpointWait)")
        defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.busyTimeout * 1000))") }
        try db.checkpoint(.truncate)
      }
    }
    return try body()
  }
}
