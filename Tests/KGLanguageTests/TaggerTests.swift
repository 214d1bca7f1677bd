import Foundation
import Testing

@testable import KGLanguage

@Suite struct TaggerTests {
  /// Sentences of `Goldens/tagging.txt`: the text and its gold word/TAG pairs.
  static func golden() throws -> [(text: String, gold: [(word: String, tag: String)])] {
    let url = try #require(Bundle.module.url(forResource: "tagging", withExtension: "txt", subdirectory: "Goldens"))
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    var out: [(String, [(String, String)])] = []
    for (i, line) in lines.enumerated() where line.hasPrefix("# ") && i + 1 < lines.count {
      let next = lines[i + 1]
      guard !next.hasPrefix("#"), !next.isEmpty else { continue }
      let pairs = next.split(separator: " ").map { token -> (String, String) in
        let slash = token.lastIndex(of: "/")!
        return (String(token[..<slash]), String(token[slash...].dropFirst()))
      }
      out.append((String(line.dropFirst(2)), pairs))
    }
    return out
  }

  @Test func accuracyOnHandTaggedNewsSentences() throws {
    var total = 0
    var correct = 0
    var errors: [String] = []
    for (text, gold) in try TaggerTests.golden() {
      let words = WordInput.words(of: text)
      #expect(words.map(\.text) == gold.map(\.word), "tokenization of \(text)")
      let tags = parser.tags(words)
      for (i, pair) in gold.enumerated() where i < tags.count {
        total += 1
        if tags[i].description == pair.tag {
          correct += 1
        } else {
          errors.append("\(pair.word)/\(tags[i]) (gold \(pair.tag))")
        }
      }
    }
    let accuracy = Double(correct) / Double(total)
    print("KGLanguage tagging accuracy: \(correct)/\(total) = \(accuracy); errors: \(errors.joined(separator: ", "))")
    #expect(total >= 300)
    #expect(accuracy >= 0.95)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var text: String
    var expected: String
    var testDescription: String { id }
  }

  @Test(arguments: [
    Case(
      id: "unknown capitalised word is NNP", text: "Qasr al-Hayr fell.",
      expected: "Qasr/NNP al/NNP -/HYPH Hayr/NNP fell/VBD ./."),
    Case(
      id: "numbers are CD, ordinals JJ", text: "About 1200 fighters joined the 4th Brigade in 2019.",
      expected: "About/IN 1200/CD fighters/NNS joined/VBD the/DT 4th/JJ Brigade/NNP in/IN 2019/CD ./."),
    Case(
      id: "hyphenated participle compound", text: "Iran-backed militias attacked.",
      expected: "Iran/NNP -/HYPH backed/VBN militias/NNS attacked/VBD ./."),
    Case(
      id: "spaced dash is not a hyphen", text: "The town - a rebel stronghold - fell.",
      expected: "The/DT town/NN -/: a/DT rebel/NN stronghold/NN -/: fell/VBD ./."),
    Case(
      id: "possessive and negation", text: "Russia's army didn't retreat.",
      expected: "Russia/NNP 's/POS army/NN did/VBD n't/RB retreat/VB ./."),
    Case(
      id: "unknown -ed and -ing words", text: "Troops are regrouping near the outflanked town.",
      expected: "Troops/NNS are/VBP regrouping/VBG near/IN the/DT outflanked/JJ town/NN ./."),
    Case(
      id: "an -ing noun with an object after 'be' and an adverb", text: "The US is still training militants.",
      expected: "The/DT US/NNP is/VBZ still/RB training/VBG militants/NNS ./."),
    Case(
      id: "a gerund after a preposition, before its object", text: "They were blamed for shelling the town.",
      expected: "They/PRP were/VBD blamed/VBN for/IN shelling/VBG the/DT town/NN ./."),
    Case(
      id: "a noun after a determiner and an adjective, not a verb",
      text: "The council condemned in the strongest terms the raid.",
      expected: "The/DT council/NN condemned/VBD in/IN the/DT strongest/JJS terms/NNS the/DT raid/NN ./."),
    Case(
      id: "a possessed -ing form is a noun, before a noun an adjective",
      text: "Russia's backing for Assad and Iran's continuing support grew.",
      expected:
        "Russia/NNP 's/POS backing/NN for/IN Assad/NNP and/CC Iran/NNP 's/POS continuing/JJ support/NN grew/VBD ./."),
    Case(
      id: "a possessed verb form is a noun", text: "Turkey's plan to attack failed.",
      expected: "Turkey/NNP 's/POS plan/NN to/TO attack/VB failed/VBD ./."),
    Case(
      id: "an article after 'out' stays a determiner", text: "The army drove out the rebels.",
      expected: "The/DT army/NN drove/VBD out/RP the/DT rebels/NNS ./."),
  ])
  func tagsShapesAndSuffixes(_ c: Case) {
    let words = WordInput.words(of: c.text)
    #expect(parser.parse(words).taggedText == c.expected)
  }

  /// "accused of shelling El Fasher": before a name (a fixed range), an -ing noun after a
  /// preposition is a gerund taking the name as its object; "the shelling of" stays a noun.
  @Test func gerundBeforeANameAfterAPreposition() {
    let words = WordInput.words(of: "The RSF was accused of shelling El Fasher.")
    #expect(parser.tags(words, fixed: [1..<2, 6..<8])[5] == .VBG)
    #expect(parser.tags(WordInput.words(of: "The shelling of the town killed two."))[1] == .NN)
  }

  /// "Israel shot two drones": after a name, an irregular past form before its object is the verb.
  @Test func irregularPastBeforeItsObjectAfterAName() {
    let tags = parser.tags(WordInput.words(of: "Israel shot two drones."), fixed: [0..<1])
    #expect(tags[1] == .VBD)
    #expect(parser.tags(WordInput.words(of: "The shot hit a car."))[1] == .NN)
  }

  /// "Ukraine shot down several drones": after a name (a fixed range), an irregular past before
  /// a particle is the verb, and the particle before the object is RP (the lexicon's "shot" is a
  /// noun, its "down" an adverb).
  @Test func irregularPastBeforeItsParticleAfterAName() {
    let tags = parser.tags(WordInput.words(of: "Ukraine shot down several drones."), fixed: [0..<1])
    #expect(tags[1] == .VBD)
    #expect(tags[2] == .RP)
  }

  /// "US warships shot down drones": the particle right before a bare plural object is RP, not
  /// the adjective a context rule makes of it.
  @Test func particleBeforeABarePluralObject() {
    let tags = parser.tags(WordInput.words(of: "US warships shot down drones over the sea."), fixed: [0..<1])
    #expect(tags[3] == .RP)
  }

  /// "had shot down two drones": an irregular form after "had" and before its particle is the
  /// participle, not the noun ("a shot").
  @Test func irregularParticipleAfterHaveBeforeItsParticle() {
    let tags = parser.tags(
      WordInput.words(of: "Russia said its air defences had shot down two drones."), fixed: [0..<1])
    #expect(tags[6] == .VBN, "\(tags)")
  }

  /// "rebels who control the city": after "who" the common noun's reading is the verb's.
  @Test func verbAfterWho() {
    let tags = parser.tags(WordInput.words(of: "Rebels who control Idlib attacked the army."), fixed: [3..<4])
    #expect(tags[2] == .VBP, "\(tags)")
    let third = parser.tags(WordInput.words(of: "The militia, who controls the town, refused."))
    #expect(third[4] == .VBZ, "\(third)")
  }

  /// "said it would stay and warned the regime": a past form after "and" keeps its own tense
  /// (a context rule read it as the base form that the modal before it governs).
  @Test func pastFormAfterAModalAndItsConjunction() {
    let tags = parser.tags(WordInput.words(of: "Ankara said it would stay and warned the regime."), fixed: [0..<1])
    #expect(tags[6] == .VBD, "\(tags)")
  }

  /// "whom the UN says are backed": a verb's -s form after a name and before a verb is the verb.
  @Test func verbFormAfterANameBeforeAVerb() {
    let tags = parser.tags(WordInput.words(of: "Rebels whom the UN says are backed by Rwanda."), fixed: [2..<4])
    #expect(tags[4] == .VBZ, "\(tags)")
  }

  @Test func sentenceInitialAcronymStaysAName() {
    #expect(parser.tags(WordInput.words(of: "SANA reported the attack."))[0] == .NNP)
  }

  @Test func fixedRangesAreProperNounsAndNeverChanged() {
    let words = WordInput.words(of: "the Syrian Democratic Forces and the free press")
    let tags = parser.tags(words, fixed: [1..<4, 6..<8])
    #expect(tags.map(\.description) == ["DT", "NNP", "NNP", "NNPS", "CC", "DT", "NNP", "NNP"])
  }
}
