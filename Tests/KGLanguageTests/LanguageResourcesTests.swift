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

  /// Irregular forms are found by their bytes; a form given twice keeps its last base, as the
  /// dictionary it replaced did; other words have none.
  @Test func irregularFormsKeepTheirLastBase() throws {
    var forms = IrregularForms()
    forms.set("fled", base: "flee")
    forms.set("struck", base: "strike")
    forms.set("fled", base: "fly")
    #expect(forms["fled"] == "fly")
    #expect(forms["struck"] == "strike")
    #expect(forms["attacked"] == nil)
    let irregular = try LanguageResources.load().irregular
    #expect(irregular["struck"] == "strike" && irregular["been"] == "be" && irregular["shelled"] == nil)
  }

  /// The candidate stems of a verb are kept inline, in order, up to four.
  @Test func candidateStemsKeepTheirOrder() {
    var stems = CandidateStems()
    #expect(stems.isEmpty)
    stems.append((3, 0))
    stems.append((4, UInt8(ascii: "e")))
    stems.append((2, UInt8(ascii: "y")))
    stems.append((5, 0))
    #expect(stems.map(\.keep) == [3, 4, 2, 5])
    #expect(stems.map(\.add) == [0, UInt8(ascii: "e"), UInt8(ascii: "y"), 0])
  }

  /// English words are common words; names, and words the lexicon lacks, are not.
  @Test func commonWordsAreTheLexiconsNonNames() throws {
    let parser = Parser(resources: try LanguageResources.load())
    #expect(parser.isCommonWord("line") && parser.isCommonWord("read") && parser.isCommonWord("attack"))
    #expect(!parser.isCommonWord("idleb") && !parser.isCommonWord("raqqa") && !parser.isCommonWord("hezbollah"))
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
