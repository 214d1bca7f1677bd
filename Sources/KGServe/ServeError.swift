/// A failure to start or run the viewer's server, in the user's own terms.
public enum ServeError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Another program listens on the port already.
  case portInUse(host: String, port: Int)
  /// The server could not listen or stopped with an error (an unknown host, no permission).
  case cannotListen(host: String, port: Int, reason: String)
  /// The page's files are missing from the build (the resource bundle was not copied).
  case missingAsset(name: String)

  public var description: String {
    switch self {
    case .portInUse(let host, let port):
      "\(host):\(port): the port is in use by another program; pick another with --port N, or --port 0 for any free one."
    case .cannotListen(let host, let port, let reason):
      "\(host):\(port): cannot listen (\(reason)); check --host names an address of this machine, such as 127.0.0.1."
    case .missingAsset(let name):
      "the viewer's file '\(name)' is missing from this build; rebuild kg with 'swift build' so its resources are copied."
    }
  }
}
