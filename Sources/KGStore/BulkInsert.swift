import GRDB
import GRDBSQLite

/// The values of up to one statement's worth of rows, gathered without a database: numbers and
/// NULLs as they are, text as byte ranges of one shared buffer. A batch is a plain value, so it
/// can be made on one thread and written by `BulkInsert` on another.
///
/// ```swift
/// var batch = RowBatch(columns: 2, capacity: 64)
/// batch.append { $0.int(1); $0.text("syria") }
/// ```
struct RowBatch: Sendable {
  /// Values per row.
  let columns: Int
  /// Rows appended so far.
  private(set) var rows = 0
  fileprivate var values: [Value] = []
  fileprivate var bytes: [UInt8] = []

  fileprivate enum Value {
    case int(Int64)
    case text(start: Int, count: Int)
    case null
  }

  /// Rows the batch is meant to hold; `BulkInsert.write(_:)` takes up to its statement's rows.
  let capacity: Int

  init(columns: Int, capacity: Int) {
    self.columns = columns
    self.capacity = capacity
  }

  /// One row being appended; it takes exactly one value per column, in column order.
  struct Row {
    fileprivate var batch: RowBatch

    mutating func int(_ value: Int64) { batch.values.append(.int(value)) }

    mutating func int(_ value: Int) { int(Int64(value)) }

    /// Text, or NULL for nil.
    mutating func text(_ value: String?) {
      guard let value else { return batch.values.append(.null) }
      let start = batch.bytes.count
      batch.bytes.append(contentsOf: value.utf8)
      batch.values.append(.text(start: start, count: batch.bytes.count - start))
    }
  }

  /// Adds one row; `body` gives exactly one value per column, in column order.
  mutating func append(_ body: (inout Row) -> Void) {
    if values.isEmpty { values.reserveCapacity(capacity * columns) }
    var row = Row(batch: RowBatch(columns: columns, capacity: capacity))
    swap(&row.batch, &self)  // lend the buffers to the row without copying them
    body(&row)
    swap(&row.batch, &self)
    precondition(values.count == (rows + 1) * columns, "a row gives one value per column")
    rows += 1
  }
}

/// Rows for one table written many at a time: one prepared statement that inserts
/// `rowsPerStatement` rows, its values bound with SQLite's C API (text without a copy).
///
/// A multi-row statement pays SQLite's per-statement work (reset, autoincrement bookkeeping,
/// starting the program) once per batch, and binding through the C API skips the boxing of
/// every value as `DatabaseValue`. Used by the bulk import, where a million rows go in one
/// transaction. Rows come either one at a time through `append(_:)`, or as whole `RowBatch`es
/// made elsewhere through `write(_:)`.
///
/// ```swift
/// var rows = try BulkInsert(db: db, into: "edge", columns: ["id", "source"])
/// try rows.append { $0.int(1); $0.text("syria") }
/// try rows.finish()
/// ```
struct BulkInsert {
  private let db: Database
  private let statement: Statement
  let columns: Int
  let rowsPerStatement: Int
  private var batch: RowBatch

  /// - Parameters:
  ///   - verb: `INSERT` or `INSERT OR IGNORE`.
  ///   - columns: the columns given for each row; the first must never be NULL.
  ///   - rowsPerStatement: rows per execution; SQLite allows up to 32,766 bound values.
  ///   - onConflict: an upsert clause applied to each row, e.g.
  ///     `ON CONFLICT(id) DO UPDATE SET partOf = COALESCE(entity.partOf, excluded.partOf)`.
  init(
    db: Database, verb: String = "INSERT", into table: String, columns names: [String], rowsPerStatement: Int = 64,
    onConflict: String = ""
  ) throws {
    self.db = db
    columns = names.count
    self.rowsPerStatement = rowsPerStatement
    batch = RowBatch(columns: names.count, capacity: rowsPerStatement)
    let tuple = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
    // The rows are selected from a VALUES list so that a partial batch can run the same
    // statement: the slots it does not fill stay NULL in their first column and are filtered
    // out. The WHERE clause also lets an upsert clause follow the SELECT unambiguously.
    statement = try db.makeStatement(
      sql: """
        \(verb) INTO \(table.quotedDatabaseIdentifier) (\(names.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))
        SELECT * FROM (VALUES \(Array(repeating: tuple, count: rowsPerStatement).joined(separator: ", ")))
        WHERE column1 IS NOT NULL \(onConflict)
        """)
  }

  /// An empty batch for this statement: its columns, and `rowsPerStatement` rows as capacity.
  func makeBatch() -> RowBatch { RowBatch(columns: columns, capacity: rowsPerStatement) }

  /// Adds one row; `body` gives exactly one value per column, in column order. The rows are
  /// written each time `rowsPerStatement` of them are waiting.
  mutating func append(_ body: (inout RowBatch.Row) -> Void) throws {
    batch.append(body)
    if batch.rows == rowsPerStatement {
      try write(batch)
      batch = makeBatch()
    }
  }

  /// Drops the rows still waiting from `append(_:)` (those of a document that was rolled back).
  mutating func discard() { batch = makeBatch() }

  /// Writes the rows still waiting from `append(_:)`.
  mutating func finish() throws {
    guard batch.rows > 0 else { return }
    try write(batch)
    batch = makeBatch()
  }

  /// Writes the rows of `batch` in one execution of the statement.
  ///
  /// - Precondition: the batch has this statement's columns and at most `rowsPerStatement` rows.
  func write(_ batch: RowBatch) throws {
    precondition(batch.columns == columns && batch.rows <= rowsPerStatement, "a batch that fits the statement")
    guard batch.rows > 0 else { return }
    let handle = statement.sqliteStatement
    let code = batch.bytes.withUnsafeBufferPointer { bytes in
      // The buffer outlives the step, so SQLite may read the text in place (SQLITE_STATIC).
      let base = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(
        to: CChar.self)
      var index: Int32 = 1
      for value in batch.values {
        switch value {
        case .int(let n): sqlite3_bind_int64(handle, index, n)
        case .text(let start, let count): sqlite3_bind_text(handle, index, base + start, Int32(count), nil)
        case .null: sqlite3_bind_null(handle, index)
        }
        index += 1
      }
      // A partial batch leaves the other slots NULL, so none still points at an earlier batch's text.
      while index <= Int32(rowsPerStatement * columns) {
        sqlite3_bind_null(handle, index)
        index += 1
      }
      return sqlite3_step(handle)
    }
    guard code == SQLITE_DONE else {
      let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
      sqlite3_reset(handle)
      throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
    sqlite3_reset(handle)
  }
}
