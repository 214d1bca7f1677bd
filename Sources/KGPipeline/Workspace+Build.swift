import Foundation
public import KGExtract
import KGIngest
public import KGModel
import KGStore

/// One input that could not be read or stored, and why.
public struct BuildFailure: Sendable, CustomStringConvertible {
  public var path: String
  public var message: String
  public var description: String { message }
}

/// What a build did.
public struct BuildReport: Sendable {
  public var files = 0
  public var added = 0
  public var replaced = 0
  public var unchanged = 0
  public var edges = 0
  public var failures: [BuildFailure] = []
  public var warnings: [String] = []

  /// Files read and stored (or found already stored): the ones that did not fail.
  public var succeeded: Int { added + replaced + unchanged }

  public var summary: String {
    var parts = [
      "\(files) file\(files == 1 ? "" : "s")", "\(added) added", "\(replaced) replaced", "\(unchanged) unchanged",
      "\(edges) edges written",
    ]
    if !failures.isEmpty { parts.append("\(failures.count) failed") }
    return parts.joined(separator: ", ")
  }
}

/// The inputs named no article at all.
public struct NoInputError: Error, CustomStringConvertible, Sendable {
  public var paths: [String]
  public var failures: [BuildFailure]
  public var description: String {
    if !failures.isEmpty { return failures.map(\.message).joined(separator: "\n") }
    return IngestError.noInput(paths: paths).description
  }
}

extension Workspace {
  /// Reads every article under `paths`, extracts its graph and stores it, one document per
  /// transaction. A file that fails is reported and skipped; the others are still stored.
  ///
  /// - Parameters:
  ///   - paths: files and folders (walked recursively for `.txt`, `.text`, `.md`).
  ///   - configuration: dictionaries and lexicon; the built-in ones by default.
  ///   - maximumFileSize: files larger than this many bytes are refused unread
  ///     (`IngestError.tooLarge`).
  ///   - reextract: extract every document again, even one stored by the same extractor and
  ///     dictionaries (which otherwise adds nothing).
  ///   - retryCrashed: try again the documents that crashed the extractor in an earlier build
  ///     (see `CrashJournal`); by default they are reported and skipped.
  ///   - progress: called after each file with its path and outcome.
  ///   - failed: called with each failure as it happens (it is also in the report), so a build
  ///     interrupted later has already told the user.
  /// - Throws: `NoInputError` when no file could be found at all; `StoreError` when the store
  ///   itself fails (nothing of the failing document is kept, and the documents before it stay
  ///   stored, each whole; a full disk or an I/O error, `StoreError.ioFailed`, stops the build at
  ///   once). A document the store refuses (`StoreError.writeFailed`) is reported
  ///   as a failure and the batch goes on.
  public func build(
    paths: [String], configuration: ExtractionConfiguration,
    maximumFileSize: Int = ArticleReader.defaultMaximumFileSize, retryCrashed: Bool = false,
    reextract: Bool = false, progress: (String, String) -> Void = { _, _ in }, failed: (BuildFailure) -> Void = { _ in }
  ) throws -> BuildReport {
    let collected = InputCollector().collect(paths)
    var report = BuildReport()
    func fail(_ path: String, _ message: String) {
      let failure = BuildFailure(path: path, message: message)
      report.failures.append(failure)
      failed(failure)
    }
    report.warnings = collected.warnings.map(\.description)
    if collected.files.isEmpty {
      throw NoInputError(
        paths: paths, failures: collected.errors.map { BuildFailure(path: $0.path ?? "", message: $0.description) })
    }
    for error in collected.errors { fail(error.path ?? "", error.description) }
    // A unique index that lost entries would let this build write duplicate rows.
    try store.checkUniqueIndexes()
    let reader = ArticleReader(maximumFileSize: maximumFileSize)
    let extractor = Extractor(configuration: configuration)
    let stamp = ExtractionStamp.of(configuration)
    var written = Set<String>()
    let journal = storePath == ":memory:" ? nil : CrashJournal(storePath: storePath, retry: retryCrashed)
    for path in collected.files {
      report.files += 1
      let document: Document
      do {
        let (doc, warnings) = try reader.read(path: path)
        document = doc
        report.warnings += warnings.map(\.description)
      } catch {
        fail(path, error.description)
        progress(path, "failed")
        continue
      }
      // `--reextract` extracts each text once, however many paths name it.
      if !reextract || written.contains(document.contentHash),
        try store.adoptIfStored(document, extractedWith: stamp)
      {
        report.unchanged += 1
        progress(path, "unchanged")
        continue
      }
      if journal?.crashed[document.contentHash] != nil {
        fail(path, BuildError.extractorCrashed(path: path).description)
        progress(path, "failed")
        continue
      }
      journal?.begin(path: path, hash: document.contentHash)
      #if DEBUG
      // Test-only (debug builds): a trap, or a stall, inside the extractor on one file by name.
      let environment = ProcessInfo.processInfo.environment
      let name = (path as NSString).lastPathComponent
      if environment["KG_TEST_CRASH_ON"] == name {
        fatalError("KG_TEST_CRASH_ON: simulated extractor crash on \(name)")
      }
      if environment["KG_TEST_STALL_ON"] == name { sleep(600) }
      #endif
      let extraction = extractor.extract(document)
      journal?.end()
      let outcome: WriteOutcome
      do {
        outcome = try store.write(extraction, extractedWith: stamp, force: reextract)
        written.insert(document.contentHash)
      } catch {
        // A document the store refused is rolled back whole; the store itself is fine, so the
        // batch goes on. Any other store error stops the build.
        guard case .writeFailed(_, let reason) = error else { throw error }
        fail(path, "\(path): not stored (\(reason)); nothing of it was kept.")
        progress(path, "failed")
        continue
      }
      switch outcome {
      case .added(let n):
        report.added += 1
        report.edges += n
        progress(path, "added, \(n) edges")
      case .replaced(let n):
        report.replaced += 1
        report.edges += n
        progress(path, "replaced, \(n) edges")
      case .unchanged:
        report.unchanged += 1
        progress(path, "unchanged")
      }
    }
    return report
  }
}
