import Foundation
import Testing

/// `kg serve` through the real binary: its named failures and exit codes, and a clean stop on
/// SIGTERM. The API itself is tested in `KGPipelineTests/ServeAPITests`, the page by
/// `scripts/test-viewer`.
@Suite struct ServeCommandTests {
  @Test func aMissingStoreIsNamed() throws {
    let folder = try TempFolder("kg-serve")
    let result = try KGProcess.run(["serve", "--store", "nope.sqlite", "--port", "0"], in: folder.url, timeout: 60)
    #expect(result.status == 66, "\(result)")
    #expect(result.stderr.contains("nope.sqlite: no such store"), "\(result)")
  }

  @Test func aPortOutOfRangeIsAUsageError() throws {
    let folder = try TempFolder("kg-serve")
    let result = try KGProcess.run(["serve", "--port", "70000"], in: folder.url, timeout: 60)
    #expect(result.status == 64, "\(result)")
    #expect(result.stderr.contains("--port must be from 0 to 65535"), "\(result)")
  }

  @Test func aTakenPortIsNamedAndSIGTERMStopsCleanly() throws {
    let folder = try TempFolder("kg-serve")
    let built = try KGProcess.run(["build", KGProcess.seeds.path, "--store", "kg.sqlite"], in: folder.url)
    try #require(built.status == 0, "\(built)")

    let server = Process()
    server.executableURL = KGProcess.binary
    server.arguments = ["serve", "--store", "kg.sqlite", "--port", "0"]
    server.currentDirectoryURL = folder.url
    server.standardInput = FileHandle.nullDevice
    let out = Pipe()
    server.standardOutput = out
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }

    // "kg serve: http://127.0.0.1:PORT/ (Ctrl-C stops)"
    var line = Data()
    while !line.contains(10) {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    let text = String(decoding: line, as: UTF8.self)
    let port = try #require(
      text.split(separator: ":").dropFirst(3).first.flatMap { Int($0.prefix { $0.isNumber }) }, "\(text)")
    #expect(text.hasPrefix("kg serve: http://127.0.0.1:\(port)/"))

    let second = try KGProcess.run(
      ["serve", "--store", "kg.sqlite", "--port", String(port)], in: folder.url, timeout: 60)
    #expect(second.status == 69, "\(second)")
    #expect(second.stderr.contains("127.0.0.1:\(port): the port is in use"), "\(second)")

    kill(server.processIdentifier, SIGTERM)
    server.waitUntilExit()
    #expect(server.terminationReason == .exit)
    #expect(server.terminationStatus == 0)
  }
}
