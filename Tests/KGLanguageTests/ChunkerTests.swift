import Testing

@testable import KGLanguage

@Suite struct ChunkerTests {
  @Test func nounPhraseWithPossessorHeadAndModifier() throws {
    let s = parse("The militia's mortar attack wounded two guards.")
    let np = try #require(s.nounPhrases.first { s.words[$0.head].text == "attack" })
    #expect(s.text(of: np.range) == "mortar attack")
    #expect(np.modifiers.map { s.words[$0].text } == ["mortar"])
    let possessor = try #require(np.possessor)
    #expect(s.text(of: s.nounPhrases[possessor]) == "The militia")
    #expect(s.text(of: np) == "The militia's mortar attack")
  }

  /// A name the caller fixed, compounded with a participle, modifies the common noun after it.
  @Test func fixedNameCompoundedWithAParticiple() throws {
    let s = parse("the Iran-backed Lebanese militant group", names: ["Iran"])
    #expect(s.nounPhrases.count == 1, "\(s.nounPhrases.map { s.text(of: $0) })")
    let np = try #require(s.nounPhrases.first)
    #expect(s.words[np.head].text == "group")
    #expect(!np.isName)
  }

  @Test func nounPhraseDeterminerAndCompoundModifiers() throws {
    let s = parse("the US-backed Syrian Democratic Forces", names: ["Syrian Democratic Forces"])
    #expect(s.nounPhrases.count == 1)
    let np = s.nounPhrases[0]
    #expect(np.determiner == 0)
    #expect(s.words[np.head].text == "Forces")
    #expect(np.isName)
    #expect(np.modifiers.map { s.words[$0].text } == ["US", "backed", "Syrian", "Democratic"])
  }

  @Test func fixedNameIsNeverSplit() {
    let s = parse("Fighters of Hay'at Tahrir al-Sham attacked.", names: ["Hay'at Tahrir al-Sham"])
    #expect(s.nounPhrases.contains { s.text(of: $0.range) == "Hay'at Tahrir al-Sham" })
  }

  @Test func aNameAfterAPersonsTitleIsTheHeadOfOnePhrase() throws {
    let s = parse(
      "Erdogan and his Russian counterpart Vladimir Putin agreed on a zone.", names: ["Erdogan", "Vladimir Putin"])
    let np = try #require(s.phrase("his Russian counterpart Vladimir Putin"))
    #expect(s.words[np.head].text == "Putin")
    #expect(np.conjuncts.count == 2)
    // After other common nouns a name opens a phrase of its own.
    let told = parse("He told reporters Russia would respond.", names: ["Russia"])
    #expect(told.phrase("reporters") != nil)
  }

  /// "as well as" coordinates noun phrases like "and", alone or after a list a conjunction
  /// closed, and heads no prepositional phrase; "as well armed as" is no coordination.
  @Test func asWellAsCoordinatesNounPhrases() throws {
    let s = parse("The jets struck the militia as well as the army depots.")
    let militia = try #require(s.phrase("the militia"))
    #expect(militia.conjuncts.map { s.text(of: s.nounPhrases[$0]) } == ["the militia", "the army depots"])
    #expect(!s.prepositionalPhrases.contains { $0.word == "as" })
    let list = parse("Russia and Iran as well as Hezbollah back the regime.", names: ["Russia", "Iran", "Hezbollah"])
    let russia = try #require(list.phrase("Russia"))
    #expect(russia.conjuncts.count == 3)
    let comparison = parse("The rebels are as well armed as the army.")
    #expect(comparison.nounPhrases.allSatisfy { $0.conjuncts.isEmpty })
  }

  @Test func coordinatedAdjectivesStayInOnePhrase() throws {
    let s = parse("Iraqi and Kurdish forces retook the town.")
    let np = try #require(s.phrase("Iraqi and Kurdish forces"))
    #expect(np.modifiers.map { s.words[$0].text } == ["Iraqi", "Kurdish"])
  }

  struct VerbCase: Sendable, CustomTestStringConvertible {
    var id: String
    var text: String
    var lemma: String
    var tense: VerbGroup.Tense
    var voice: VerbGroup.Voice
    var negated = false
    var modal: String? = nil
    var governor: String? = nil
    var perfect = false
    var testDescription: String { id }
  }

  @Test(arguments: [
    VerbCase(id: "simple past", text: "Rebels shelled the town.", lemma: "shell", tense: .past, voice: .active),
    VerbCase(
      id: "modal with negation", text: "Turkey would not allow the attack.", lemma: "allow", tense: .none,
      voice: .active, negated: true, modal: "would"),
    VerbCase(
      id: "past perfect passive", text: "The convoy had been targeted by drones.", lemma: "target", tense: .past,
      voice: .passive, perfect: true),
    VerbCase(
      id: "modal might", text: "The group might launch attacks.", lemma: "launch", tense: .none, voice: .active,
      modal: "might"),
    VerbCase(
      id: "future", text: "The army will strike back.", lemma: "strike", tense: .future, voice: .active, modal: "will"),
    VerbCase(
      id: "passive with expected to", text: "Kurdish forces are expected to launch an offensive.", lemma: "launch",
      tense: .present, voice: .active, governor: "expect"),
    VerbCase(
      id: "plans to", text: "The group plans to attack the base.", lemma: "attack", tense: .present, voice: .active,
      governor: "plan"),
    VerbCase(
      id: "contracted negation", text: "Iran didn't fire the missiles.", lemma: "fire", tense: .past, voice: .active,
      negated: true),
    VerbCase(
      id: "present passive", text: "Civilians are killed every day.", lemma: "kill", tense: .present, voice: .passive),
    VerbCase(
      id: "negation before a governed infinitive", text: "Iran decided not to retaliate.", lemma: "retaliate",
      tense: .past, voice: .active, negated: true, governor: "decide"),
  ])
  func verbGroup(_ c: VerbCase) throws {
    let s = parse(c.text)
    let v = try #require(s.verbGroups.first)
    #expect(v.lemma == c.lemma)
    #expect(v.tense == c.tense)
    #expect(v.voice == c.voice)
    #expect(v.isNegated == c.negated)
    #expect(v.modal == c.modal)
    #expect(v.governorLemma == c.governor)
    #expect(v.isPerfect == c.perfect)
  }

  /// "warned Moscow not to escalate": the negation before "to" negates the infinitive's group.
  @Test func negationBeforeAnInfinitive() throws {
    let s = parse("Washington warned Moscow not to escalate the war.")
    let escalate = try #require(s.verbGroups.first { $0.lemma == "escalate" })
    #expect(escalate.form == .infinitive)
    #expect(escalate.isNegated)
    #expect(s.verbGroups.first { $0.lemma == "warn" }?.isNegated == false)
    let plain = parse("Washington urged Moscow to end the war.")
    #expect(plain.verbGroups.first { $0.lemma == "end" }?.isNegated == false)
  }

  @Test(arguments: [
    ("Troops shelled the town on Saturday.", "on Saturday", PrepositionalPhrase.Kind.time),
    ("Troops shelled the town over the past week.", "over the past week", .time),
    ("Troops shelled homes in several districts.", "in several districts", .place),
    ("Troops shelled the town early on Monday.", "early on Monday", .time),
  ])
  func adverbials(_ text: String, _ phrase: String, _ kind: PrepositionalPhrase.Kind) throws {
    let s = parse(text)
    let pp = try #require(s.prepositionalPhrases.first { s.text(of: $0.range) == phrase })
    #expect(pp.kind == kind)
  }
}
