import Foundation
import KGPipeline
import Testing

/// `kg check` and the checks made on open, through the real binary: opening checks the schema
/// only; `kg check` runs SQLite's full integrity check and recounts what the counters of
/// `kg stats` hold; a build refuses a store whose unique indexes lost entries (which
/// `quick_check` does not see) rather than write duplicates.
@Suite struct StoreCheckTests {
  @Test func aSoundStoreChecksOK() throws {
    let folder = try TempFolder("kg-check")
    try builtStore(folder, "kg.sqlite")
    let result = try KGProcess.run(["check", "--store", "kg.sqlite"], in: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "kg.sqlite: ok\n", "\(result)")
  }

  @Test func noStoreIsNoInput() throws {
    let folder = try TempFolder("kg-check")
    let result = try KGProcess.run(["check", "--store", "none.sqlite"], in: folder.url)
    #expect(result.status == 66, "\(result)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")))
  }

  /// A counter that no longer agrees with the rows (written behind the triggers' back) is named.
  @Test func aCounterThatDisagreesWithARecountIsFound() throws {
    let folder = try TempFolder("kg-check")
    try builtStore(folder, "kg.sqlite")
    try GraphStore._executeRaw(
      sql: """
        UPDATE counter SET count = count + 2 WHERE subject = 'evidence';
        UPDATE entityDegree SET outgoing = outgoing + 1 WHERE entityId = (SELECT source FROM edge LIMIT 1);
        """, atPath: folder.path("kg.sqlite"))
    let check = try KGProcess.run(["check", "--store", "kg.sqlite"], in: folder.url)
    #expect(check.status == 74, "\(check)")
    #expect(check.stderr.contains("the counter of statements holds"), "\(check)")
    #expect(check.stderr.contains("the counter of outgoing edges of"), "\(check)")
    #expect(check.stderr.contains("2 problems above"), "\(check)")
  }

  /// The edge table's unique index loses its entries (its root page says it holds none).
  @Test func aDamagedUniqueIndexIsFoundAndABuildRefusesIt() throws {
    let folder = try TempFolder("kg-check")
    try builtStore(folder, "kg.sqlite")
    let before = try GraphStore(path: folder.path("kg.sqlite")).counts()
    let (page, pageSize) = try GraphStore._rootPage(of: "sqlite_autoindex_edge_1", atPath: folder.path("kg.sqlite"))
    var bytes = try folder.bytes("kg.sqlite")
    let header = (page - 1) * pageSize + (page == 1 ? 100 : 0)
    try #require(bytes[header] == 0x0A, "the index is more than one page; damage another way")
    bytes[header + 3] = 0
    bytes[header + 4] = 0
    try folder.write("kg.sqlite", bytes)

    let check = try KGProcess.run(["check", "--store", "kg.sqlite"], in: folder.url)
    #expect(check.status == 74, "\(check)")
    #expect(check.stderr.contains("kg: kg.sqlite: "), "\(check)")
    #expect(check.stderr.contains("the store is damaged"), "\(check)")

    // The build refuses it rather than write every edge a second time.
    try folder.seed(1, as: "again.txt")
    let build = try KGProcess.run(["build", "again.txt", "--reextract", "--store", "kg.sqlite"], in: folder.url)
    #expect(build.status == 74, "\(build)")
    #expect(build.stderr.contains("unique index 'sqlite_autoindex_edge_1'"), "\(build)")
    // Nothing was written: the edges are those of the one document, once each.
    #expect(try GraphStore.openForReading(path: folder.path("kg.sqlite")).counts() == before)
  }
}
