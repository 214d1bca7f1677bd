import Foundation
import KGTestSupport
import Testing

/// The edge filters have the same names and behaviour on every command that takes them
/// (`neighbors`, `path`, `render`, `export`): `--type a,b` and repeated `--type`, the same for
/// `--modality`, `--min-documents` (its old name `--min-sources` hidden), and the same messages.
@Suite struct FilterFlagTests {
  static let store: Result<TempFolder, any Error> = Result {
    let folder = try TempFolder("kg-filters")
    let built = try KGProcess.run(["build", KGProcess.seeds.path, "--store", "kg.sqlite"], in: folder.url)
    guard built.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    return folder
  }

  func kg(_ arguments: [String]) throws -> KGProcess.Result {
    try KGProcess.run(arguments + ["--store", "kg.sqlite"], in: try Self.store.get().url)
  }

  /// Each command that filters edges, asked so that its output shows the filter's effect.
  static let commands: [[String]] = [
    ["neighbors", "ISIS", "--json"],
    ["path", "Russia", "ISIS", "--undirected", "--all", "--max-hops", "3", "--json"],
    ["render", "--format", "dot"],
    ["export", "--format", "json"],
  ]

  @Test(arguments: commands) func listsAreCommaSeparatedOrRepeated(_ command: [String]) throws {
    let comma = try kg(command + ["--type", "attack,Support", "--modality", "asserted, alleged"])
    let repeated = try kg(
      command + ["--type", "attack", "--type", "support", "--modality", "asserted", "--modality", "alleged"])
    let one = try kg(command + ["--type", "attack", "--modality", "asserted"])
    #expect(comma.status == 0, "\(comma)")
    #expect(comma.stdout == repeated.stdout)
    #expect(repeated.status == 0, "\(repeated)")
    // The filter did something: one type and modality keep less than two.
    #expect(one.status != 0 || one.stdout.count < comma.stdout.count, "\(one)")
  }

  @Test(arguments: commands) func minDocumentsIsOneNameWithItsOldOneHidden(_ command: [String]) throws {
    let name = try kg(command + ["--min-documents", "2"])
    let old = try kg(command + ["--min-sources", "2"])
    let none = try kg(command)
    #expect(name.status == 0 || name.status == 66, "\(name)")  // a path may need edges of one document
    #expect(name.stdout == old.stdout && name.status == old.status)
    #expect(none.status == 0 && none.stdout != name.stdout, "\(none)")

    let both = try kg(command + ["--min-documents", "2", "--min-sources", "2"])
    #expect(both.status == 64)
    #expect(both.stderr.contains("--min-sources is the old name of --min-documents; give --min-documents only."))
    let negative = try kg(command + ["--min-documents=-1"])
    #expect(negative.status == 64)
    #expect(negative.stderr.contains("--min-documents '-1' is negative; give 0 or more documents."), "\(negative)")

    let help = try kg([command[0], "--help"])
    #expect(help.stdout.contains("--min-documents <n>"))
    #expect(!help.stdout.contains("--min-sources"))
    #expect(help.stdout.contains("--type <type[,type…]>"))
    #expect(help.stdout.contains("--modality <modality[,modality…]>"))
  }

  struct BadValue: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var says: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let badValues: [BadValue] = commands.flatMap { command in
    [
      BadValue(
        arguments: command + ["--type", "attack,bomb"], says: "'bomb' is not a relation type; use one of attack,"),
      BadValue(
        arguments: command + ["--modality", "rumoured"], says: "'rumoured' is not a modality; use one of asserted,"),
      BadValue(arguments: command + ["--type", ","], says: "',' names nothing; give one or more of attack,"),
      BadValue(arguments: command + ["--since", "2018-13"], says: "'2018-13'"),
    ]
  }

  @Test(arguments: badValues) func badValuesAreTheSameUsageErrorEverywhere(_ c: BadValue) throws {
    let result = try kg(c.arguments)
    #expect(result.status == 64, "\(result)")
    #expect(result.stderr.contains(c.says), "\(result.stderr)")
  }

  @Test func entitiesTakeTypesCommaSeparatedOrRepeated() throws {
    func ids(_ arguments: [String]) throws -> Set<String> {
      let result = try kg(["entities", "--json"] + arguments)
      try #require(result.status == 0, "\(result)")
      let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      return Set(try #require(root["answer"] as? [[String: Any]]).compactMap { $0["id"] as? String })
    }
    let states = try ids(["--type", "state"])
    let groups = try ids(["--type", "armed-group"])
    #expect(!states.isEmpty && !groups.isEmpty)
    #expect(try ids(["--type", "state,armed_group"]) == states.union(groups))
    #expect(try ids(["--type", "state", "--type", "ARMED_GROUP"]) == states.union(groups))
    let bad = try kg(["entities", "--type", "state,tribe"])
    #expect(bad.status == 64 && bad.stderr.contains("'tribe' is not an entity type; use one of state,"), "\(bad)")
  }
}
