import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Whether a TCP port is free, asked of the system before the server starts, so that a taken
/// port is reported as such (`ServeError.portInUse`) instead of as a low-level bind failure.
enum PortCheck {
  /// Binds and releases `host:port` (an IPv4 address or `localhost`); other hosts and port 0
  /// are left to the server, whose failure is reported as it comes.
  ///
  /// - Throws: `ServeError.portInUse` when the address is taken.
  static func requireFree(host: String, port: Int) throws(ServeError) {
    guard port > 0, port <= 65_535 else { return }
    var address = in_addr()
    guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address) == 1 else { return }
    #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { return }
    defer { close(fd) }
    var yes: Int32 = 1
    _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var socketAddress = sockaddr_in()
    socketAddress.sin_family = sa_family_t(AF_INET)
    socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
    socketAddress.sin_addr = address
    let result = withUnsafePointer(to: &socketAddress) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    if result != 0 && errno == EADDRINUSE { throw .portInUse(host: host, port: port) }
  }
}
