import Testing

@testable import KGLanguage

@Suite struct ClauseAnalysisTests {
  // MARK: - Roles

  @Test func subjectAcrossAnAdverbial() throws {
    let s = parse("Turkish troops on Saturday shelled Kurdish positions.")
    let v = try #require(s.verb("shell"))
    #expect(s.texts(v.subjects) == ["Turkish troops"])
    #expect(s.texts(v.objects) == ["Kurdish positions"])
  }

  /// A participle clause that opens the sentence describes the main clause's subject; without a
  /// comma and a main clause after it, it has none.
  @Test func aFrontedParticipleDescribesTheSubjectAfterItsComma() throws {
    let s = parse("Backed by Iran, the Houthis seized the capital.")
    let backed = try #require(s.verb("back"))
    #expect(s.texts(backed.subjects) == ["the Houthis"])
    #expect(backed.subjectIsImplicit)
    #expect(s.texts(backed.agents) == ["Iran"])
    let seized = try #require(s.verb("seize"))
    #expect(s.texts(seized.subjects) == ["the Houthis"])
    let alone = parse("Backed by Iran.")
    #expect(try #require(alone.verb("back")).subjects.isEmpty)
  }

  /// "Turkey's plan to attack the SDF alarmed Washington": the infinitive completes the owned
  /// noun, the possessor is its subject, the phrase after it its object, and the noun the subject
  /// of the finite verb after that.
  @Test func anInfinitiveCompletingAPossessedNoun() throws {
    let s = parse("Turkey's plan to attack the SDF alarmed Washington.")
    let attack = try #require(s.verb("attack"))
    #expect(s.texts(attack.subjects) == ["Turkey"])
    #expect(attack.subjectIsImplicit)
    #expect(s.texts(attack.objects) == ["the SDF"])
    let alarmed = try #require(s.verb("alarm"))
    #expect(s.texts(alarmed.subjects) == ["Turkey's plan"])
    #expect(s.texts(alarmed.objects) == ["Washington"])
    // Without a possessor the word before "to" is no such noun: "plans to attack" is a verb.
    let verb = parse("The group plans to attack the base.")
    #expect(try #require(verb.verb("attack")).governorLemma == "plan")
  }

  /// "condemned what it called a terrorist attack": the free relative's named phrase is the object.
  @Test func whatItCalledIsTheObject() throws {
    let s = parse("The Kremlin condemned what it called a terrorist attack by Kyiv.")
    let condemned = try #require(s.verb("condemn"))
    #expect(s.texts(condemned.objects) == ["a terrorist attack"])
    let described = parse("Iran denounced what Tehran described as aggression.")
    #expect(s.texts(try #require(described.verb("denounce")).objects).isEmpty == false)
  }

  /// "The Iraqi army, backed by US airstrikes, recaptured Ramadi": the participle between commas
  /// describes the subject, and the verb after it (read as a participle) is the subject's.
  @Test func aParticipleBetweenCommasAfterTheSubject() throws {
    let s = parse("The Iraqi army, backed by US airstrikes, recaptured Ramadi from ISIS.")
    let backed = try #require(s.verb("back"))
    #expect(s.texts(backed.subjects) == ["The Iraqi army"])
    let retook = try #require(s.verb("recapture"))
    #expect(s.texts(retook.subjects) == ["The Iraqi army"])
    #expect(s.texts(retook.objects) == ["Ramadi"])
    #expect(retook.voice == .active)
  }

  @Test func subjectAcrossAnApposition() throws {
    let s = parse("Hezbollah, the Iran-backed group, fired rockets at the base.")
    let v = try #require(s.verb("fire"))
    #expect(s.texts(v.subjects) == ["Hezbollah"])
    #expect(s.texts(v.objects) == ["rockets"])
    #expect(s.obliques(v) == ["at the base"])
  }

  /// "The army, backed by Russia, said its jets bombed Idlib": the phrase after the reporting
  /// verb opens the reported clause; it is not an inverted speaker ("…, said the ministry"). The
  /// speaker is the subject before the parenthetical participle.
  @Test func aReportedClauseAfterAParentheticalIsNotTheSpeaker() throws {
    let s = parse("The army, backed by Russia, said its jets bombed Idlib.")
    let say = try #require(s.verb("say"))
    #expect(s.texts(say.subjects) == ["The army"])
    let bomb = try #require(s.verb("bomb"))
    #expect(s.texts(bomb.subjects) == ["its jets"])
    let inverted = parse("The town fell on Monday, said the ministry.")
    #expect(inverted.texts(try #require(inverted.verb("say")).subjects) == ["the ministry"])
  }

  /// "promised on Wednesday that it would …": a "that" after a day opens what was promised, not
  /// a relative clause on the day; "the week that followed" is still a relative clause.
  @Test func thatAfterADayIsAComplementizer() throws {
    let s = parse("Ankara promised on Wednesday that it would not abandon its posts.")
    let abandon = try #require(s.verb("abandon"))
    #expect(s.clauses[abandon.clause].kind != .relative)
    #expect(s.clauses[abandon.clause].antecedent == nil)
    #expect(s.texts(abandon.subjects) == ["it"])
    let relative = parse("The fighting in the week that followed killed dozens.")
    let follow = try #require(relative.verb("follow"))
    #expect(relative.clauses[follow.clause].kind == .relative)
  }

  /// An adjective with its complement after the subject ("loyal to X", "close to Y") modifies it.
  @Test func subjectAcrossAPostnominalAdjective() throws {
    let s = parse("Fighters loyal to the general shelled the airport on Monday.")
    let v = try #require(s.verb("shell"))
    #expect(s.texts(v.subjects) == ["Fighters"])
    #expect(s.texts(v.objects) == ["the airport"])
  }

  @Test func subjectAcrossALoneAdverbBetweenCommas() throws {
    let s = parse("The ministry, however, condemned the raid.")
    let v = try #require(s.verb("condemn"))
    #expect(s.texts(v.subjects) == ["The ministry"])
    #expect(s.texts(v.objects) == ["the raid"])
  }

  @Test func passiveAgent() throws {
    let s = parse("The convoy was ambushed by gunmen near the border.")
    let v = try #require(s.verb("ambush"))
    #expect(v.voice == .passive)
    #expect(s.texts(v.subjects) == ["The convoy"])
    #expect(s.texts(v.agents) == ["gunmen"])
  }

  @Test(arguments: [
    ("Militants fired mortars at the police station.", "fire", ["at the police station"]),
    ("The army began an offensive against the rebels.", "begin", ["against the rebels"]),
    ("The town fell to the jihadists.", "fall", ["to the jihadists"]),
    ("Government forces wrested the village from the insurgents.", "wrest", ["from the insurgents"]),
    ("Police clashed with protesters on Friday.", "clash", ["with protesters", "on Friday"]),
    ("Jets dropped bombs on the hospital.", "drop", ["on the hospital"]),
  ])
  func prepositionalObjects(_ text: String, _ lemma: String, _ expected: [String]) throws {
    let s = parse(text)
    let v = try #require(s.verb(lemma))
    #expect(s.obliques(v) == expected)
  }

  @Test func coordinatedSubjects() throws {
    let s = parse("Russia and Iran condemned the strike.")
    let v = try #require(s.verb("condemn"))
    #expect(s.texts(v.subjects) == ["Russia", "Iran"])
  }

  @Test func coordinatedVerbsShareTheSubject() throws {
    let s = parse("The rebels attacked and captured the airport.")
    let attack = try #require(s.verb("attack"))
    let capture = try #require(s.verb("capture"))
    #expect(s.texts(attack.subjects) == ["The rebels"])
    #expect(s.texts(capture.subjects) == ["The rebels"])
    #expect(capture.subjectIsImplicit)
    #expect(s.texts(capture.objects) == ["the airport"])
    #expect(attack.clause == capture.clause)
  }

  @Test func coordinatedClausesKeepTheirOwnSubjects() throws {
    let s = parse("Jets bombed the bridge and the rebels retreated.")
    let bomb = try #require(s.verb("bomb"))
    let retreat = try #require(s.verb("retreat"))
    #expect(s.texts(bomb.objects) == ["the bridge"])
    #expect(s.texts(retreat.subjects) == ["the rebels"])
  }

  @Test func coordinatedObjects() throws {
    let s = parse("The coalition struck Raqqa and Mosul.")
    let v = try #require(s.verb("strike"))
    #expect(s.texts(v.objects) == ["Raqqa", "Mosul"])
  }

  // MARK: - Nominal events

  @Test func possessiveEventWithOfTarget() throws {
    let s = parse("Israel's shelling of Gaza continued.")
    let event = try #require(s.nominalEvents.first { s.words[s.nounPhrases[$0.phrase].head].text == "shelling" })
    #expect(s.texts(event.agents) == ["Israel"])
    #expect(s.texts(event.targets) == ["Gaza"])
  }

  @Test func strikesByXOnY() throws {
    let s = parse("Air strikes by the coalition on ISIS positions killed 12 fighters.")
    let event = try #require(s.nominalEvents.first { s.words[s.nounPhrases[$0.phrase].head].text == "strikes" })
    #expect(s.texts(event.agents) == ["the coalition"])
    #expect(s.texts(event.targets) == ["ISIS positions"])
  }

  @Test func campaignAgainstYByX() throws {
    let s = parse("An air campaign against the militants by Russia began.")
    let event = try #require(s.nominalEvents.first { s.words[s.nounPhrases[$0.phrase].head].text == "campaign" })
    #expect(s.texts(event.agents) == ["Russia"])
    #expect(s.texts(event.targets) == ["the militants"])
  }

  // MARK: - Clauses

  @Test(arguments: [
    ("The ministry said that rebels shelled the town.", "the ministry"),
    ("The ministry said rebels shelled the town.", "the ministry"),
    ("Rebels shelled the town, the ministry said.", "the ministry"),
    ("Rebels shelled the town, said the ministry.", "the ministry"),
    ("According to the ministry, rebels shelled the town.", "the ministry"),
    ("Rebels shelled the town, according to the ministry.", "the ministry"),
    ("A spokesman told reporters that rebels shelled the town.", "A spokesman"),
  ])
  func reportedSpeech(_ text: String, _ reporter: String) throws {
    let s = parse(text)
    let shell = try #require(s.verb("shell"))
    let clause = s.clauses[shell.clause]
    #expect(clause.kind == .reported)
    #expect(s.texts(clause.reporters).map { $0.lowercased() } == [reporter.lowercased()])
    #expect(s.texts(shell.subjects) == ["rebels"] || s.texts(shell.subjects) == ["Rebels"])
  }

  @Test func participleClauseInheritsTheSubject() throws {
    let s = parse("The militia attacked the checkpoint, killing three soldiers.")
    let kill = try #require(s.verb("kill"))
    #expect(s.clauses[kill.clause].kind == .participle)
    #expect(kill.subjectIsImplicit)
    #expect(s.texts(kill.subjects) == ["The militia"])
    #expect(s.texts(kill.objects) == ["three soldiers"])
  }

  @Test func relativeClauseTakesItsAntecedent() throws {
    let s = parse("The rebels, who seized the airport last month, refused to withdraw.")
    let seize = try #require(s.verb("seize"))
    let clause = s.clauses[seize.clause]
    #expect(clause.kind == .relative)
    #expect(s.texts(seize.subjects) == ["The rebels"])
    #expect(s.texts(seize.objects) == ["the airport"])
    let withdraw = try #require(s.verb("withdraw"))
    #expect(s.texts(withdraw.subjects) == ["The rebels"])
    #expect(withdraw.governorLemma == "refuse")
  }

  @Test func reducedRelativeIsAPassiveParticiple() throws {
    let s = parse("Militias backed by Iran attacked the base.")
    let back = try #require(s.verb("back"))
    #expect(back.voice == .passive)
    #expect(s.texts(back.subjects) == ["Militias"])
    #expect(s.texts(back.agents) == ["Iran"])
    let attack = try #require(s.verb("attack"))
    #expect(s.texts(attack.subjects) == ["Militias"])
    #expect(s.texts(attack.objects) == ["the base"])
  }

  @Test func whoseClauseIsRelativeAndTheVerbAfterItFinite() throws {
    let s = parse("Russia, whose forces fought alongside government troops, denied responsibility for the raid.")
    let fight = try #require(s.verb("fight"))
    #expect(s.clauses[fight.clause].kind == .relative)
    #expect(s.clauses[fight.clause].antecedent.map { s.text(of: s.nounPhrases[$0]) } == "Russia")
    let deny = try #require(s.verb("deny"))
    #expect(deny.form == .finite)
    #expect(s.texts(deny.subjects) == ["Russia"])
    #expect(s.texts(deny.objects) == ["responsibility"])
  }

  @Test(arguments: [
    ("Jets struck the market, killing more than 40 people.", "more than 40 people"),
    ("Jets struck the market, killing at least 14 civilians.", "at least 14 civilians"),
    ("Jets struck the market, killing 3,177 people.", "3,177 people"),
  ])
  func quantifiedObjects(_ text: String, _ object: String) throws {
    let kill = try #require(parse(text).verb("kill"))
    #expect(parse(text).texts(kill.objects) == [object])
  }

  @Test func prepositionalObjectThroughAPossessive() throws {
    let s = parse("The SDF retook the hospital in Syria's Raqqa from the militants.")
    let v = try #require(s.verb("retake"))
    #expect(s.obliques(v) == ["in Syria's Raqqa", "from the militants"])
  }

  @Test func verbCompoundsAreModifiers() throws {
    let s = parse("Residents fled to government-controlled areas.")
    #expect(s.phrase("government-controlled areas") != nil)
  }

  @Test(arguments: [
    ("Turkey urged the rebels to withdraw.", "withdraw", ["the rebels"], false),
    ("Turkey built a wall to stop the smugglers.", "stop", ["Turkey"], true),
  ])
  func infinitiveSubject(_ text: String, _ lemma: String, _ subjects: [String], _ implicit: Bool) throws {
    let s = parse(text)
    let v = try #require(s.verb(lemma))
    #expect(s.texts(v.subjects) == subjects)
    #expect(v.subjectIsImplicit == implicit)
  }

  @Test func reportingVerbWithAnObjectReportsNothing() throws {
    let s = parse("The Islamic State claimed responsibility for the attack, which killed 20 people.")
    let kill = try #require(s.verb("kill"))
    #expect(s.clauses[kill.clause].kind == .relative)
    #expect(s.texts(kill.subjects) == ["the attack"])
  }

  @Test func toldTheHearerThenTheContent() throws {
    let s = parse("The minister told reporters the strikes would continue.")
    let tell = try #require(s.verb("tell"))
    #expect(s.texts(tell.objects) == ["reporters"])
    let go = try #require(s.verb("continue"))
    #expect(s.clauses[go.clause].kind == .reported)
    #expect(s.texts(s.clauses[go.clause].reporters) == ["The minister"])
  }

  @Test func participleOpeningTheSentenceModifiesTheNoun() throws {
    let s = parse("Suspected Russian jets bombed a market.")
    let bomb = try #require(s.verb("bomb"))
    #expect(s.texts(bomb.subjects) == ["Suspected Russian jets"])
  }

  @Test func descriptionShowsTagsChunksClausesAndRoles() {
    let text = parse("Rebels seized the town.").description
    #expect(text.contains("Rebels/NNS seized/VBD the/DT town/NN ./."))
    #expect(text.contains("[NP Rebels] [VG seized] [NP the town] ."))
    #expect(text.contains("clause 0 main"))
    #expect(text.contains("seize (past active): subject [Rebels] object [the town]"))
  }
}
