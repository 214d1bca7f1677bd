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
    case let e as IngestError:
      switch e {
      case .notFound, .noInput: .noInput
      default: .someInputsFailed
      }
    case is StoreError: .storeIO
    case is DictionaryError: .config
    case is RenderError: .unavailable
    case is OutputError: .storeIO
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
    FileHandle.standardError.write(Data("kg: \(message)\n".utf8))
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

/// A failure to write an output file.
struct OutputError: Error, CustomStringConvertible {
  var path: String
  var reason: String
  var description: String { "\(path): cannot write (\(reason)); check the folder exists and is writable." }
}

/// Writes to a file atomically (a temporary file renamed into place), or to standard output.
enum OutputWriter {
  static func write(_ data: Data, to path: String?) throws {
    guard let path else {
      FileHandle.standardOutput.write(data)
      return
    }
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw OutputError(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}

func printErr(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
