import Foundation
public import KGExtract
import KGIngest
import KGModel
import KGStore

/// One input that could not be read or stored, and why.
public struct BuildFailure: Sendable, Codable, CustomStringConvertible {
  public var path: String
  public var message: String
  public var description: String { message }
}

/// What a build did (`kg build --json` writes it).
public struct BuildReport: Sendable, Codable {
  public var files = 0
  public var added = 0
  public var replaced = 0
  public var unchanged = 0
  public var edges = 0
  public var failures: [BuildFailure] = []
  public var warnings: [String] = []
  /// Bytes of the files read.
  public var bytes = 0
  /// Wall-clock seconds the build took.
  public var seconds = 0.0
  /// Threads that read and extracted documents.
  public var extractors = 1

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

/// How far a build is, for a progress line.
public struct BuildStatus: Sendable {
  /// Files finished (stored, found stored, or failed) and found in all.
  public var filesDone: Int
  public var filesTotal: Int
  /// Bytes of the finished files, and of all the files found.
  public var bytesDone: Int
  public var bytesTotal: Int
  /// Seconds since the build started.
  public var elapsed: Double
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
  /// The most documents a build commits in one transaction.
  static let batchDocuments = 2048
  /// The longest a build keeps a batch open, in seconds: progress is reported after each commit.
  static let batchSeconds: TimeInterval = 5

  /// Reads every article under `paths`, extracts its graph and stores it. A file that fails is
  /// reported and skipped; the others are still stored.
  ///
  /// Reading and extraction run on every core (one reader and extractor per thread, at most
  /// `extractors`), while the calling thread writes the documents in file order: whole
  /// documents in batches, one transaction per batch and one savepoint per document, so a
  /// document the store refuses rolls back alone and a killed build leaves whole documents
  /// only. Batches grow from one document to `batchDocuments`, and one is committed after
  /// `batchSeconds` at the latest (the next document not being ready by then), so a stalled
  /// extraction keeps nothing waiting. A page that many documents change is written to the WAL
  /// once per batch, and to the database once per checkpoint (`GraphStore.duringBuild(_:)`).
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
  ///   - extractors: the most threads that read and extract; all cores by default.
  ///   - progress: called after each file is stored (or found stored, or failed) with its path
  ///     and outcome, in file order.
  ///   - status: called after each batch with how far the build is.
  ///   - failed: called with each failure as it happens (it is also in the report), so a build
  ///     interrupted later has already told the user.
  /// - Throws: `NoInputError` when no file could be found at all; `StoreError` when the store
  ///   itself fails (nothing of the failing batch is kept, and the batches before it stay
  ///   stored, each document whole; a full disk or an I/O error, `StoreError.ioFailed`, stops the
  ///   build at once). A document the store refuses (`StoreError.writeFailed`) is reported
  ///   as a failure and the batch goes on.
  public func build(
    paths: [String], configuration: ExtractionConfiguration,
    maximumFileSize: Int = ArticleReader.defaultMaximumFileSize, retryCrashed: Bool = false,
    reextract: Bool = false, extractors: Int? = nil, progress: (String, String) -> Void = { _, _ in },
    status: (BuildStatus) -> Void = { _ in }, failed: (BuildFailure) -> Void = { _ in }
  ) throws -> BuildReport {
    let started = Date()
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
    let files = collected.files
    let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
    let bytesTotal = sizes.reduce(0, +)
    let stamp = ExtractionStamp.of(configuration)
    let threads = max(
      1, min(extractors ?? ProcessInfo.processInfo.activeProcessorCount, files.count, CrashSignal.slots - 1))
    report.extractors = threads
    // One marker per extracting thread, and one for the writer (which extracts a document only
    // when another build stored it meanwhile and then changed it).
    let journal =
      storePath == ":memory:" ? nil : CrashJournal(storePath: storePath, retry: retryCrashed, extractors: threads + 1)
    let work = PreparedDocuments(
      files: files, store: store, configuration: configuration, reader: ArticleReader(maximumFileSize: maximumFileSize),
      stamp: stamp, reextract: reextract, journal: journal)
    let group = DispatchGroup()
    for slot in 0..<threads {
      group.enter()
      let thread = Thread {
        work.run(slot: slot)
        group.leave()
      }
      thread.stackSize = 8 << 20  // as the main thread's: the parser recurses
      thread.start()
    }
    defer {
      work.cancel()
      group.wait()
    }

    var written = Set<String>()
    let memo = EntityMemo()
    var next = 0
    var batchLimit = 1
    var bytesDone = 0
    try store.duringBuild {
      while next < files.count {
        work.waitFor(next)
        var announced: [(String, String)] = []
        let deadline = Date().addingTimeInterval(Self.batchSeconds)
        try store.inBatch(remembering: memo) { batch in
          var taken = 0
          while next < files.count && taken < batchLimit {
            guard let item = work.take(next, before: taken == 0 ? nil : deadline) else { break }
            taken += 1
            let path = files[next]
            next += 1
            report.files += 1
            bytesDone += sizes[next - 1]
            guard case .read(let document, let warnings, let extraction, let crashed) = item else {
              if case .unreadable(let message) = item { fail(path, message) }
              announced.append((path, "failed"))
              continue
            }
            report.warnings += warnings
            // `--reextract` extracts each text once, however many paths name it.
            if !reextract || written.contains(document.contentHash),
              try batch.adoptIfStored(document, extractedWith: stamp)
            {
              report.unchanged += 1
              announced.append((path, "unchanged"))
              continue
            }
            if crashed {
              fail(path, BuildError.extractorCrashed(path: path).description)
              announced.append((path, "failed"))
              continue
            }
            let outcome: WriteOutcome
            do {
              let extraction = extraction ?? work.extract(document, slot: threads)
              outcome = try batch.write(extraction, extractedWith: stamp, force: reextract)
              written.insert(document.contentHash)
            } catch let error as StoreError {
              // A document the store refused is rolled back whole; the store itself is fine, so
              // the batch goes on. Any other store error stops the build.
              guard case .writeFailed(_, let reason) = error else { throw error }
              fail(path, "\(path): not stored (\(reason)); nothing of it was kept.")
              announced.append((path, "failed"))
              continue
            }
            switch outcome {
            case .added(let n):
              report.added += 1
              report.edges += n
              announced.append((path, "added, \(n) edges"))
            case .replaced(let n):
              report.replaced += 1
              report.edges += n
              announced.append((path, "replaced, \(n) edges"))
            case .unchanged:
              report.unchanged += 1
              announced.append((path, "unchanged"))
            }
          }
        }
        work.consumed(upTo: next)
        for (path, outcome) in announced { progress(path, outcome) }
        status(
          BuildStatus(
            filesDone: next, filesTotal: files.count, bytesDone: bytesDone, bytesTotal: bytesTotal,
            elapsed: Date().timeIntervalSince(started)))
        batchLimit = min(batchLimit * 2, Self.batchDocuments)
      }
    }
    report.bytes = bytesDone
    report.seconds = Date().timeIntervalSince(started)
    return report
  }
}

/// The documents of a build, read and extracted ahead of the writer by several threads, and
/// handed to it in file order.
final class PreparedDocuments: @unchecked Sendable {
  /// One file, ready for the writer.
  enum Item {
    case unreadable(message: String)
    /// The extraction is nil when the document looked stored already, or crashed an earlier build.
    case read(Document, warnings: [String], extraction: DocumentExtraction?, crashed: Bool)
  }

  let files: [String]
  let store: GraphStore
  let configuration: ExtractionConfiguration
  let reader: ArticleReader
  let stamp: String
  let reextract: Bool
  let journal: CrashJournal?
  /// How far ahead of the writer the readers may go, in files.
  let window = 128

  private let condition = NSCondition()
  private var claimed = 0
  private var consumedUpTo = 0
  private var ready: [Int: Item] = [:]
  private var cancelled = false

  init(
    files: [String], store: GraphStore, configuration: ExtractionConfiguration, reader: ArticleReader, stamp: String,
    reextract: Bool, journal: CrashJournal?
  ) {
    self.files = files
    self.store = store
    self.configuration = configuration
    self.reader = reader
    self.stamp = stamp
    self.reextract = reextract
    self.journal = journal
  }

  /// One reading and extracting thread: takes the next file, prepares it, hands it over.
  func run(slot: Int) {
    CrashSignal.prepareThread()
    let extractor = Extractor(configuration: configuration)
    while let i = claim() {
      let item = prepare(files[i], slot: slot, extractor: extractor)
      condition.lock()
      ready[i] = item
      condition.broadcast()
      condition.unlock()
    }
  }

  private func claim() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while !cancelled && claimed < files.count && claimed >= consumedUpTo + window { condition.wait() }
    guard !cancelled, claimed < files.count else { return nil }
    claimed += 1
    return claimed - 1
  }

  private func prepare(_ path: String, slot: Int, extractor: Extractor) -> Item {
    let document: Document
    let warnings: [String]
    do {
      let (doc, found) = try reader.read(path: path)
      document = doc
      warnings = found.map(\.description)
    } catch {
      return .unreadable(message: error.description)
    }
    let crashed = journal?.crashed[document.contentHash] != nil
    // A text stored by the same extractor and dictionaries is not extracted (the writer adopts
    // it); the writer checks again, in order, and extracts after all if that changed.
    let stored = !reextract && ((try? store.isStored(document, extractedWith: stamp)) ?? false)
    if crashed || stored { return .read(document, warnings: warnings, extraction: nil, crashed: crashed) }
    return .read(
      document, warnings: warnings, extraction: extract(document, slot: slot, extractor: extractor), crashed: false)
  }

  /// Extracts `document` with its journal marker `slot` recording it.
  func extract(_ document: Document, slot: Int, extractor: Extractor? = nil) -> DocumentExtraction {
    let path = document.path
    journal?.begin(path: path, hash: document.contentHash, slot: slot)
    #if DEBUG
    // Test-only (debug builds): a trap, or a stall, inside the extractor on one file by name.
    let environment = ProcessInfo.processInfo.environment
    let name = (path as NSString).lastPathComponent
    if environment["KG_TEST_CRASH_ON"] == name {
      fatalError("KG_TEST_CRASH_ON: simulated extractor crash on \(name)")
    }
    if environment["KG_TEST_STALL_ON"] == name { sleep(600) }
    #endif
    let extraction = (extractor ?? Extractor(configuration: configuration)).extract(document)
    journal?.end(slot: slot)
    return extraction
  }

  /// Waits until file `i` is prepared.
  func waitFor(_ i: Int) {
    condition.lock()
    while ready[i] == nil { condition.wait() }
    condition.unlock()
  }

  /// File `i`, once prepared; nil when it is not ready by `deadline`.
  func take(_ i: Int, before deadline: Date?) -> Item? {
    condition.lock()
    defer { condition.unlock() }
    while ready[i] == nil {
      if let deadline {
        if !condition.wait(until: deadline) && ready[i] == nil { return nil }
      } else {
        condition.wait()
      }
    }
    // The writer holds no prepared document once it has taken it: the readers may go on while
    // the batch is open (a batch longer than the window waited for its deadline).
    consumedUpTo = max(consumedUpTo, i + 1)
    condition.broadcast()
    return ready.removeValue(forKey: i)
  }

  /// The writer has taken the files before `i`: the readers may go further.
  func consumed(upTo i: Int) {
    condition.lock()
    consumedUpTo = i
    condition.broadcast()
    condition.unlock()
  }

  /// Stops the readers after the file each is on.
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }
}
