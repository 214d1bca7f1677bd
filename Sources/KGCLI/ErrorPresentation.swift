import ArgumentParser
import Foundation
import KGPipeline

/// Exit codes, in one table (sysexits.h).
enum ExitStatus: Int32 {
  case ok = 0
  case usage = 64
  case someInputsFailed = 65
  case noInput = 66
  case software = 70
  case storeIO = 74
  case unavailable = 69
  case config = 78
}

/// Maps every error a user can see to its message and exit code.
enum ErrorPresentation {
  static func exitStatus(for error: any Error) -> ExitStatus {
    switch error {
    case is NoInputError: .noInput
    case is ExplainError: .usage
    case let e as IngestError:
      switch e {
      case .notFound, .noInput: .noInput
      default: .someInputsFailed
      }
    case is StoreError: .storeIO
    case is DictionaryError: .config
    case is RenderError: .unavailable
    case is OutputError: .storeIO
    case let e as ServeError:
      switch e {
      case .portInUse, .cannotListen: .unavailable
      case .missingAsset: .software
      }
    case let e as QueryError:
      switch e {
      case .unknownEntity, .noPath, .unknownEdge, .noEdge, .noStore: .noInput
      case .ambiguousEntity, .malformedEdgeID, .invalidDate, .emptyDateWindow: .usage
      }
    default: .software
    }
  }

  /// Prints the error as "kg: message" on standard error and exits with its code.
  static func fail(_ error: any Error) -> Never {
    let message = String(describing: error)
    try? FileHandle.standardError.write(contentsOf: Data("kg: \(TerminalText.escape(message))\n".utf8))
    exit(exitStatus(for: error).rawValue)
  }

  /// Runs `body`, turning any known error into a message and exit code.
  static func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as ValidationError {
      throw error
    } catch let error as ExitCode {
      throw error
    } catch {
      fail(error)
    }
  }
}

/// A failure to write the output.
enum OutputError: Error, CustomStringConvertible {
  /// `-o FILE` could not be written.
  case cannotWrite(path: String, reason: String)
  /// Standard output refused the bytes (a full disk, a closed file).
  case standardOutput(reason: String)

  var description: String {
    switch self {
    case .cannotWrite(let path, let reason):
      "\(path): cannot write (\(reason)); check the folder exists and is writable."
    case .standardOutput(let reason):
      "cannot write to standard output (\(reason)); free some space, or write to a file with -o where the command has it."
    }
  }

  /// The system's words for `error`, without Foundation's framing.
  static func reason(_ error: any Error) -> String {
    if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
    return ns.localizedDescription
  }
}

/// Prints a line on standard error, control characters escaped; an error there has nowhere to
/// be reported, so it is dropped.
func printErr(_ s: String) {
  try? FileHandle.standardError.write(contentsOf: Data((TerminalText.escape(s) + "\n").utf8))
}

/// Keeps `object` until the process exits. A command's extraction configuration is used until
/// the command ends, and the process then exits: freeing its tables first (with a user's
/// 50,000-entry dictionary, 260,000 alias entries) cost the exit 0.6 G instructions.
func keepUntilExit(_ object: AnyObject) {
  _ = Unmanaged.passRetained(object)
}
