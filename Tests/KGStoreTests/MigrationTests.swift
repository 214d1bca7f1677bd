import Foundation
import KGModel
import Testing

@testable import KGStore

/// Migrations take a store of an older kg to the current schema without losing what it holds.
@Suite struct MigrationTests {
  /// v1 kept one document per path, so the same text under two paths was stored twice; v2 makes
  /// it one document with both paths, keeping one copy of its rows.
  @Test func v2MergesTheSameTextStoredUnderTwoPaths() throws {
    let folder = try Folder()
    let path = folder.url.appendingPathComponent("old.sqlite").path
    try GraphStore._makeStore(atPath: path, upTo: "v1")
    try GraphStore._executeRaw(
      sql: """
        INSERT INTO entity (id, name, kind) VALUES ('a', 'A', 'state'), ('b', 'B', 'state');
        INSERT INTO document (id, path, contentHash, text, bodyStart, bodyEnd, sentenceCount)
        VALUES (1, 'seeds/x.txt', 'h1', 'A hit B.', 0, 8, 1), (2, './seeds/x.txt', 'h1', 'A hit B.', 0, 8, 1),
               (3, 'seeds/y.txt', 'h2', 'B hit A.', 0, 8, 1);
        INSERT INTO edge (id, source, type, target, modality) VALUES (1, 'a', 'attack', 'b', 'asserted'),
               (2, 'b', 'attack', 'a', 'asserted');
        INSERT INTO evidence (edgeId, documentId, sentence, start, end, quote, rule, modality)
        VALUES (1, 1, 0, 0, 8, 'A hit B.', 'R', 'asserted'), (1, 2, 0, 0, 8, 'A hit B.', 'R', 'asserted'),
               (2, 3, 0, 0, 8, 'B hit A.', 'R', 'asserted');
        """, atPath: path)
    let store = try GraphStore(path: path)
    let counts = try store.counts()
    #expect(counts.documents == 2)
    #expect(counts.evidence == 2)
    #expect(counts.edges == 2)
    #expect(try store._documentPaths() == ["1 ./seeds/x.txt", "1 seeds/x.txt", "3 seeds/y.txt"])
    #expect(try store._integrityCheck() == ["ok"])
  }

  /// v4 keys mentions by (document, start, end, entity) in a WITHOUT ROWID table and stores their
  /// origin as a code: the rows of a v3 store come through with their origins, and a duplicate is
  /// still refused.
  @Test func v4KeepsMentionsAndTheirOrigins() throws {
    let folder = try Folder()
    let path = folder.url.appendingPathComponent("old.sqlite").path
    try GraphStore._makeStore(atPath: path, upTo: "v3")
    try GraphStore._executeRaw(
      sql: """
        INSERT INTO entity (id, name, kind) VALUES ('a', 'A', 'state'), ('b', 'B', 'state'), ('c', 'C', 'person');
        INSERT INTO document (id, path, contentHash, text, bodyStart, bodyEnd, sentenceCount)
        VALUES (1, 'x.txt', 'h1', 'A hit B, C said.', 0, 16, 1);
        INSERT INTO documentPath (documentId, path) VALUES (1, 'x.txt');
        INSERT INTO mention (documentId, entityId, start, end, origin)
        VALUES (1, 'a', 0, 1, 'dictionary'), (1, 'b', 6, 7, 'adjective'), (1, 'c', 9, 10, 'pattern'),
               (1, 'a', 11, 15, 'reference');
        """, atPath: path)
    let store = try GraphStore(path: path)
    let mentions = try store.mentions(inDocument: "x.txt", within: TextSpan(start: 0, end: 16))
    #expect(mentions.map(\.entityID) == ["a", "b", "c", "a"])
    #expect(mentions.map(\.origin) == [.dictionary, .adjective, .pattern, .reference])
    #expect(try store._integrityCheck() == ["ok"])
    try GraphStore._executeRaw(
      sql: "INSERT OR IGNORE INTO mention (documentId, entityId, start, end, origin) VALUES (1, 'a', 0, 1, 0)",
      atPath: path)
    let again = try GraphStore(path: path)
    #expect(try again.mentions(inDocument: "x.txt", within: TextSpan(start: 0, end: 16)).count == 4)
  }
}
