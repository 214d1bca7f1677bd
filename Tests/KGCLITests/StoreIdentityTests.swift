import Foundation
import KGPipeline
import Testing

/// What a document is to the store, through the real `kg build`: its text, whatever path it was
/// typed as; the dictionaries and extractor that made it; and entities that follow what the
/// documents say now.
@Suite struct StoreIdentityTests {
  /// `kg build in`, `kg build ./in` and `kg build /abs/in` store each article once.
  @Test func oneArticleUnderThreeSpellingsIsOneDocument() throws {
    let folder = try TempFolder("kg-identity")
    for i in 0..<KGProcess.seedFiles.count { try folder.seed(i, as: "in/seed\(i).txt") }
    let first = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(first.status == 0, "\(first)")
    let counts = try GraphStore(path: folder.path("kg.sqlite")).counts()
    #expect(counts.documents == KGProcess.seedFiles.count)
    for spelling in ["./in", folder.path("in"), "in/../in"] {
      let again = try KGProcess.run(["build", spelling, "--store", "kg.sqlite"], in: folder.url)
      #expect(again.status == 0, "\(again)")
      #expect(
        again.stdout.contains("0 added, 0 replaced, \(KGProcess.seedFiles.count) unchanged, 0 edges written"),
        "\(spelling): \(again)")
      let now = try GraphStore(path: folder.path("kg.sqlite")).counts()
      #expect(now == counts, "\(spelling)")
    }
    // A copy of an article under another name is the same document too.
    try folder.seed(0, as: "copy/same-as-seed0.txt")
    let copy = try KGProcess.run(["build", "copy", "--store", "kg.sqlite"], in: folder.url)
    #expect(copy.stdout.contains("0 added, 0 replaced, 1 unchanged"), "\(copy)")
    #expect(try GraphStore(path: folder.path("kg.sqlite")).counts() == counts)
    // The export keeps one path per document, as first read, for score.py's file names.
    let export = try KGProcess.run(["export", "--format", "json", "--store", "kg.sqlite"], in: folder.url)
    #expect(export.status == 0, "\(export)")
    let json = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
    let documents = json?["documents"] as? [[String: Any]] ?? []
    #expect(documents.count == KGProcess.seedFiles.count)
    #expect(Set(documents.compactMap { $0["path"] as? String }).allSatisfy { $0.hasPrefix("in/seed") })
  }

  /// Moving a path onto other text takes it from the old document, which goes when no path is
  /// left; a text still named elsewhere stays.
  @Test func aPathThatNowHoldsOtherTextLeavesTheOldTextItsOtherNames() throws {
    let folder = try TempFolder("kg-identity")
    try folder.seed(0, as: "a.txt")
    try folder.seed(0, as: "b.txt")
    #expect(try KGProcess.run(["build", "a.txt", "b.txt", "--store", "kg.sqlite"], in: folder.url).status == 0)
    #expect(try GraphStore(path: folder.path("kg.sqlite")).counts().documents == 1)
    try folder.seed(1, as: "a.txt")
    let rerun = try KGProcess.run(["build", "a.txt", "--store", "kg.sqlite"], in: folder.url)
    #expect(rerun.stdout.contains("1 replaced"), "\(rerun)")
    #expect(try GraphStore(path: folder.path("kg.sqlite")).counts().documents == 2)
    #expect(
      try allEvidence(in: folder.path("kg.sqlite")).filter { $0.hasPrefix("b.txt ") }
        == (try clean(folder, "b.txt")).filter { $0.hasPrefix("b.txt ") })
    try folder.seed(2, as: "b.txt")
    #expect(try KGProcess.run(["build", "b.txt", "--store", "kg.sqlite"], in: folder.url).status == 0)
    // Seed 0's text has no name left: only seeds 1 and 2 remain, exactly as a clean build.
    let store = try GraphStore(path: folder.path("kg.sqlite"))
    #expect(try store.counts().documents == 2)
    #expect(
      try allEvidence(in: folder.path("kg.sqlite"))
        == (try clean(folder, "a.txt", "b.txt")))
  }

  /// A dictionary added later re-extracts the documents it could change; `--reextract` forces it.
  @Test func aDictionaryAddedLaterReextracts() throws {
    let folder = try TempFolder("kg-identity")
    try folder.write("article.txt", Self.article)
    #expect(try KGProcess.run(["build", "article.txt", "--store", "kg.sqlite"], in: folder.url).status == 0)
    try folder.write("my.yaml", "actors:\n  - {id: zorvan_brigade, name: Zorvan Brigade, type: armed_group}\n")
    let withDictionary = try KGProcess.run(
      ["build", "article.txt", "--dictionary", "my.yaml", "--store", "kg.sqlite"], in: folder.url)
    #expect(withDictionary.status == 0, "\(withDictionary)")
    #expect(withDictionary.stdout.contains("0 added, 1 replaced, 0 unchanged"), "\(withDictionary)")
    let entities = try GraphStore(path: folder.path("kg.sqlite")).loadGraph().entities
    #expect(entities.contains { $0.id == "zorvan_brigade" && $0.kind == .armedGroup }, "\(entities.map(\.id))")
    // The same dictionary again: nothing to do; --reextract: done again anyway.
    let same = try KGProcess.run(
      ["build", "article.txt", "--dictionary", "my.yaml", "--store", "kg.sqlite"], in: folder.url)
    #expect(same.stdout.contains("0 added, 0 replaced, 1 unchanged"), "\(same)")
    let forced = try KGProcess.run(
      ["build", "article.txt", "--dictionary", "my.yaml", "--reextract", "--store", "kg.sqlite"], in: folder.url)
    #expect(forced.stdout.contains("0 added, 1 replaced, 0 unchanged"), "\(forced)")
    // The dictionary renames the actor: the entity record follows (no first-writer name).
    try folder.write(
      "my.yaml",
      "actors:\n  - {id: zorvan_brigade, name: Zorvan Front, type: armed_group, aliases: [Zorvan Brigade]}\n")
    let renamed = try KGProcess.run(
      ["build", "article.txt", "--dictionary", "my.yaml", "--store", "kg.sqlite"], in: folder.url)
    #expect(renamed.stdout.contains("1 replaced"), "\(renamed)")
    let after = try GraphStore(path: folder.path("kg.sqlite")).loadGraph().entities
    #expect(after.first { $0.id == "zorvan_brigade" }?.name == "Zorvan Front")
  }

  /// A changed article leaves no entity behind that no document names any more.
  @Test func entitiesFollowTheDocumentsStoredNow() throws {
    let folder = try TempFolder("kg-identity")
    try folder.seed(0, as: "article.txt")
    #expect(try KGProcess.run(["build", "article.txt", "--store", "kg.sqlite"], in: folder.url).status == 0)
    try folder.seed(1, as: "article.txt")
    #expect(try KGProcess.run(["build", "article.txt", "--store", "kg.sqlite"], in: folder.url).status == 0)
    #expect(try KGProcess.run(["build", "article.txt", "--store", "clean.sqlite"], in: folder.url).status == 0)
    let entities = try GraphStore(path: folder.path("kg.sqlite")).loadGraph().entities
    let clean = try GraphStore(path: folder.path("clean.sqlite")).loadGraph().entities
    #expect(Set(entities.map(\.id)) == Set(clean.map(\.id)))
    #expect(Set(entities.map(\.name)) == Set(clean.map(\.name)))
  }

  static let article = """
    Zorvan Brigade fighters attack ISIS

    Reuters, March 3, 2019

    The Zorvan Brigade attacked ISIS positions near Raqqa on Tuesday, a spokesman said.
    Fighters of the Zorvan Brigade shelled the town for hours.

    """

  /// The evidence of a clean build of `files` (copied from `folder`) into a fresh store.
  func clean(_ folder: TempFolder, _ files: String...) throws -> Set<String> {
    let store = "clean-\(UUID().uuidString).sqlite"
    #expect(try KGProcess.run(["build"] + files + ["--store", store], in: folder.url).status == 0)
    return try allEvidence(in: folder.path(store))
  }
}
