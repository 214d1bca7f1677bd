import Foundation
import Testing

/// The query commands of issue 4 through the real `kg` binary, on the seeds: exit codes, the
/// messages users see, and JSON that scripts can read.
@Suite struct QueryCommandTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var arguments: [String]
    var expectedExit: Int32 = 0
    var stdoutContains: [String] = []
    var stderrContains: [String] = []
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "stats counts the seeds", arguments: ["stats"], stdoutContains: ["documents   5"]),
    Case(
      id: "show resolves an alias", arguments: ["show", "SAA"],
      stdoutContains: ["Syrian Arab Army", "part of: Syria (syria)"]),
    Case(
      id: "an unknown name suggests a near one", arguments: ["show", "Assadd"], expectedExit: 66,
      stderrContains: ["no entity named 'Assadd'", "Did you mean 'Bashar al-Assad'?"]),
    Case(
      id: "a path between two actors", arguments: ["path", "Iran", "ISIS", "--undirected"],
      stdoutContains: ["from Iran to ISIS", "ISIS (isis)"]),
    Case(
      id: "no path says what to try", arguments: ["path", "Sukhna", "Jordan"], expectedExit: 66,
      stderrContains: ["no path from 'Sukhna' to 'Jordan'", "--undirected"]),
    Case(
      id: "a malformed edge id is a usage error", arguments: ["edge", "xyz"], expectedExit: 64,
      stderrContains: ["'xyz' is not an edge id"]),
    Case(
      id: "an unknown edge id", arguments: ["edge", "r99999"], expectedExit: 66, stderrContains: ["no edge 'r99999'"]),
    Case(
      id: "why with no such edge names the way to a path", arguments: ["why", "Russia", "attack", "Sukhna"],
      expectedExit: 66, stderrContains: ["no 'attack' edge from 'Russia' to 'Sukhna'"]),
    Case(
      id: "neighbours in JSON carry a schema version", arguments: ["neighbors", "ISIS", "--direction", "in", "--json"],
      stdoutContains: ["\"schemaVersion\" : 1", "\"direction\" : \"in\""]),
    Case(
      id: "a bad modality lists the valid ones", arguments: ["neighbors", "ISIS", "--modality", "rumoured"],
      expectedExit: 64, stderrContains: ["asserted"]),
  ]

  /// The seeds built once into a store every case reads.
  static let store: Result<TempFolder, any Error> = Result {
    let folder = try TempFolder("kg-query")
    let built = try KGProcess.run(["build", KGProcess.seeds.path, "--store", "kg.sqlite"], in: folder.url)
    guard built.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    return folder
  }

  @Test(arguments: cases)
  func queryCommand(_ c: Case) throws {
    let folder = try Self.store.get()
    let result = try KGProcess.run(c.arguments + ["--store", "kg.sqlite"], in: folder.url)
    #expect(result.status == c.expectedExit, "\(result)")
    for text in c.stdoutContains { #expect(result.stdout.contains(text), "stdout lacks '\(text)':\n\(result.stdout)") }
    for text in c.stderrContains { #expect(result.stderr.contains(text), "stderr lacks '\(text)':\n\(result.stderr)") }
    #expect(!result.stderr.contains("Fatal error"))
  }
}
