import Foundation
import Testing

@testable import KGLanguage

@Suite struct LanguageResourcesTests {
  @Test func loadsTheWholeLexicon() throws {
    let start = Date()
    let resources = try LanguageResources.load()
    let elapsed = Date().timeIntervalSince(start)
    print("KGLanguage resources loaded in \(Int(elapsed * 1000)) ms (debug build)")
    #expect(resources.words.count > 90_000)
    #expect(resources.context.count > 250)
    #expect(resources.morphology.count > 100)
    #expect(resources.lexiconTag("attack") != nil)
    #expect(resources.lexiconTag("airstrikes") == .NNS)
    #expect(resources.irregular["fled"] == "flee")
  }

  @Test func malformedLineIsReportedWithItsFile() {
    #expect(throws: LanguageResourceError.self) {
      _ = try LanguageResources(
        lexicon: Data("word\n".utf8), context: Data(), morphology: Data(), irregularVerbs: Data())
    }
  }

  @Test func emptySentenceParses() {
    let s = parser.parse([])
    #expect(s.tags.isEmpty)
    #expect(s.verbGroups.isEmpty)
  }
}
