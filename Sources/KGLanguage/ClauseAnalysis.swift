/// Finds the clauses of a chunked sentence and the roles of each verb group: subject (across
/// adverbials and appositions, through coordination), objects, passive agents and prepositional
/// phrases; then reported speech and nominal events.
///
/// The verb groups are visited from the left, so a coordinated or participle verb can inherit the
/// subject of the clause before it.
///
/// - Complexity: O(n) for n tokens (each search stops at the nearest clause boundary).
struct ClauseAnalysis {
  var s: SentenceBuilder
  /// Infinitive groups that complete a possessed noun ("Turkey's plan *to attack the SDF*"), with
  /// that noun phrase: the subject of the finite verb after them.
  private var nounComplements: [(group: Int, noun: Int)] = []

  init(_ s: SentenceBuilder) { self.s = s }

  mutating func run() -> SentenceBuilder {
    for v in s.verbGroups.indices { analyse(v) }
    if s.clauses.isEmpty, s.count > 0 {
      s.clauses.append(
        Clause(
          kind: .main, range: 0..<s.count, verbGroups: [], parent: nil, antecedent: nil, reporters: [],
          reportingVerb: nil, marker: nil))
    }
    frontedParticiples()
    reportedSpeech()
    nominalEvents()
    return s
  }

  /// "Backed by Iran, the Houthis seized Sanaa", "Supported by Russian jets, the army retook the
  /// town": a participle clause that opens the sentence, closed by a comma, describes the subject
  /// of the main clause after the comma. (Groups are visited from the left, so that subject is
  /// known only now.)
  private mutating func frontedParticiples() {
    for c in s.clauses.indices where s.clauses[c].kind == .participle && s.clauses[c].parent == nil {
      guard let v = s.clauses[c].verbGroups.first, s.verbGroups[v].subjects.isEmpty,
        s.verbGroups[v].form == .pastParticiple || s.verbGroups[v].form == .presentParticiple,
        (0..<s.clauses[c].range.lowerBound).allSatisfy({ s.tags[$0].isAdverb || s.tags[$0].isPunctuation })
      else { continue }
      let end = s.clauses[c].range.upperBound
      guard end < s.count, s.tags[end] == .comma, let np = phraseAfter(end + 1),
        let main = s.verbGroups.indices.first(where: {
          $0 > v && s.verbGroups[$0].subjects.first == np && !s.verbGroups[$0].subjectIsImplicit
            && s.verbGroups[$0].clause >= 0 && s.clauses[s.verbGroups[$0].clause].kind == .main
        })
      else { continue }
      s.verbGroups[v].subjects = s.verbGroups[main].subjects
      s.verbGroups[v].subjectIsImplicit = true
      s.clauses[c].parent = s.verbGroups[main].clause
      s.clauses[c].antecedent = np
    }
  }

  // MARK: - Subjects

  private enum Left {
    case subject(Int)
    case relative(marker: Int, antecedent: Int?)
    case coordinated(Int)
    case comma(Int)
    case subordinator(Int)
    case complementizer(Int)
    case start
    case other(Int)
  }

  /// The nearest thing left of `position` that decides the subject, skipping adverbs, time
  /// phrases, prepositional phrases and an apposition between commas.
  private func left(of position: Int) -> Left {
    var i = position - 1
    while i >= 0 {
      let t = s.tags[i]
      if s.ppAt[i] >= 0 {
        let pp = s.prepositionalPhrases[Int(s.ppAt[i])]
        if pp.word == "according to" { return .other(i) }
        i = pp.range.lowerBound - 1
        continue
      }
      if s.npAt[i] >= 0 {
        let np = Int(s.npAt[i])
        if s.nounPhrases[np].isTime {
          i = s.nounPhrases[np].range.lowerBound - 1
          continue
        }
        // "An attack which targeted a car killed three": the object of a finished relative or
        // participle clause is not the subject; the phrase the clause describes is.
        if let antecedent = antecedentOfClause(taking: np) { return .subject(antecedent) }
        return .subject(np)
      }
      if s.vgAt[i] >= 0 {
        // "Militias backed by Iran attacked": the phrase a finished participle or relative
        // clause describes is the subject.
        let c = s.verbGroups[Int(s.vgAt[i])].clause
        if c >= 0, s.clauses[c].kind == .relative || s.clauses[c].kind == .participle,
          let antecedent = s.clauses[c].antecedent,
          s.nounPhrases[antecedent].range.upperBound <= s.clauses[c].range.lowerBound + 1
        {
          return .subject(antecedent)
        }
        return .other(i)
      }
      if t.isAdverb {
        i -= 1
        continue
      }
      // "Fighters loyal to the RSF shelled …": an adjective with its prepositional phrase after a
      // noun phrase modifies it; the phrase before is the subject.
      if t.isAdjective, i > 0, i + 1 < s.tags.count, s.ppAt[i + 1] >= 0, s.npAt[i - 1] >= 0 {
        i -= 1
        continue
      }
      let lower = s.words[i].lower
      if t == .comma, let antecedent = closedClauseAntecedent(endingAt: i) {
        // "The rebels, who seized the airport, refused".
        return .subject(antecedent)
      }
      if t == .comma, let host = subjectBeforeParenthetical(closingAt: i) {
        // "The army, together with allied militias, captured": phrases between commas.
        return .subject(host)
      }
      if t == .comma {
        // ", the Iran-backed group," between subject and verb.
        if i > 0, s.npAt[i - 1] >= 0 {
          let np = Int(s.npAt[i - 1])
          if let host = s.nounPhrases.firstIndex(where: { $0.apposition == np }) {
            // "The spokesman of the army, Nabil Abdallah, said": the host is a preposition's
            // object inside the title's phrase; the name is who speaks.
            if s.nounPhrases[np].isName, s.ppAt[s.nounPhrases[host].range.lowerBound] >= 0 { return .subject(np) }
            return .subject(host)
          }
        }
        return .comma(i)
      }
      if lower == "that", i > 0, s.npAt[i - 1] >= 0,
        let v = s.verbGroups.firstIndex(where: { $0.objects.contains(Int(s.npAt[i - 1])) }),
        WordClasses.reporting.contains(s.verbGroups[v].lemma)
      {
        return .complementizer(i)  // "told reporters that ..."
      }
      if lower == "that", i > 0, s.npAt[i - 1] >= 0, s.nounPhrases[Int(s.npAt[i - 1])].isTime,
        s.nounPhrases[Int(s.npAt[i - 1])].determiner == nil
      {
        return .complementizer(i)  // "promised on Wednesday that ...": no clause on a day
      }
      if t == .WDT || t == .WP || (lower == "that" && i > 0 && s.npAt[i - 1] >= 0) {
        var a = i - 1
        if a >= 0, s.tags[a] == .comma { a -= 1 }
        return .relative(marker: i, antecedent: a >= 0 && s.npAt[a] >= 0 ? Int(s.npAt[a]) : nil)
      }
      if t == .CC { return .coordinated(i) }
      if lower == "that" { return .complementizer(i) }
      if WordClasses.subordinators.contains(lower) || t == .WRB { return .subordinator(i) }
      if t == .POS { return .other(i) }
      return .other(i)
    }
    return .start
  }

  /// The noun phrase before a parenthetical of prepositional phrases and adverbs between commas
  /// that closes at `close` ("The army, along with allied militias, ..."), when no verb took
  /// that phrase as its object.
  private func subjectBeforeParenthetical(closingAt close: Int) -> Int? {
    var k = close - 1
    var sawPhrase = false
    var sawAdverb = false
    while k >= 0 {
      if s.ppAt[k] >= 0 {
        let pp = s.prepositionalPhrases[Int(s.ppAt[k])]
        if pp.word == "according to" { return nil }
        k = pp.range.lowerBound - 1
        sawPhrase = true
      } else if s.tags[k].isAdverb {
        k -= 1
        sawAdverb = true
      } else {
        break
      }
    }
    // "He, however, vowed …", "Ankara, meanwhile, said …": a lone adverb between commas too.
    guard sawPhrase || sawAdverb, k >= 1, s.tags[k] == .comma, s.npAt[k - 1] >= 0 else { return nil }
    let np = Int(s.npAt[k - 1])
    if s.verbGroups.contains(where: { $0.objects.contains(np) }) { return nil }
    if s.ppAt[k - 1] >= 0 { return nil }
    return np
  }

  /// The antecedent of the relative or participle clause whose verb takes `np` as its object.
  private func antecedentOfClause(taking np: Int) -> Int? {
    for g in s.verbGroups.indices where s.verbGroups[g].clause >= 0 && s.verbGroups[g].objects.contains(np) {
      let clause = s.clauses[s.verbGroups[g].clause]
      guard clause.kind == .relative || clause.kind == .participle, let antecedent = clause.antecedent,
        s.nounPhrases[antecedent].range.upperBound <= clause.range.lowerBound + 1
      else { return nil }
      return antecedent
    }
    return nil
  }

  /// The antecedent of a relative or participle clause that ends at `end`.
  private func closedClauseAntecedent(endingAt end: Int) -> Int? {
    for clause in s.clauses.reversed() where clause.range.upperBound <= end && clause.range.upperBound > end - 6 {
      // Only time words and adverbs may stand between the clause's last role and `end`.
      var k = clause.range.upperBound
      while k < end, s.tags[k].isAdverb || (s.npAt[k] >= 0 && s.nounPhrases[Int(s.npAt[k])].isTime) { k += 1 }
      guard k == end else { continue }
      if clause.kind == .relative || clause.kind == .participle, let antecedent = clause.antecedent,
        s.nounPhrases[antecedent].range.upperBound <= clause.range.lowerBound
      {
        return antecedent
      }
    }
    return nil
  }

  /// The phrase and its coordinated phrases.
  private func withConjuncts(_ np: Int) -> [Int] {
    let conjuncts = s.nounPhrases[np].conjuncts
    return conjuncts.isEmpty ? [np] : conjuncts
  }

  /// The clause of the nearest finite verb group before `v` that is not itself a participle.
  private func governingClause(before v: Int) -> Int? {
    var k = v - 1
    while k >= 0 {
      let c = s.verbGroups[k].clause
      if c >= 0, s.clauses[c].kind != .participle, s.clauses[c].kind != .relative { return c }
      k -= 1
    }
    return nil
  }

  private mutating func newClause(_ kind: Clause.Kind, _ v: Int, parent: Int?, marker: Int?) -> Int {
    let start = marker ?? s.verbGroups[v].range.lowerBound
    s.clauses.append(
      Clause(
        kind: kind, range: start..<s.verbGroups[v].range.upperBound, verbGroups: [v], parent: parent, antecedent: nil,
        reporters: [], reportingVerb: nil, marker: marker))
    return s.clauses.count - 1
  }

  private mutating func analyse(_ v: Int) {
    let group = s.verbGroups[v]
    var clause: Int
    var subjects: [Int] = []
    var implicit = false
    var start = group.range.lowerBound
    if let described = describedByParticiple(v) {
      // "controlled by the coalition of forces supported by the Turkish army": the participle
      // describes the phrase right before it, not the clause's subject.
      clause = newClause(.participle, v, parent: governingClause(before: v), marker: nil)
      s.clauses[clause].antecedent = described
      finish(v, clause: clause, subjects: withConjuncts(described), implicit: true, start: start)
      return
    }
    switch left(of: group.range.lowerBound) {
    case .subject(let np):
      subjects = withConjuncts(np)
      start = s.nounPhrases[subjects[0]].range.lowerBound
      let before = left(of: start)
      var kind = Clause.Kind.main
      var marker: Int?
      var parent: Int? = nil
      if let d = s.nounPhrases[np].determiner, s.tags[d] == .WPS, s.nounPhrases[np].range.lowerBound > 0 {
        // "Russia, whose forces ...": a relative clause on the phrase before.
        var a = s.nounPhrases[np].range.lowerBound - 1
        if a > 0, s.tags[a] == .comma { a -= 1 }
        kind = .relative
        marker = d
        parent = governingClause(before: v)
        let clause = newClause(kind, v, parent: parent, marker: marker)
        s.clauses[clause].antecedent = s.npAt[a] >= 0 ? Int(s.npAt[a]) : nil
        finish(v, clause: clause, subjects: subjects, implicit: false, start: start)
        return
      }
      switch before {
      case .relative(let m, let antecedent):
        kind = .relative
        marker = m
        parent = governingClause(before: v)
        _ = antecedent
      case .subordinator(let m):
        kind = .subordinate
        marker = m
        parent = governingClause(before: v)
      case .complementizer(let m):
        marker = m
        parent = governingClause(before: v)
      default: break
      }
      if group.form == .pastParticiple, s.tags[group.head] == .VBN, objectFollows(group.range.upperBound) {
        // "Hezbollah, the Iran-backed group, fired mortars": a finite verb the tagger read as a
        // participle (it has a subject and an object, and no "by").
        s.tags[group.head] = .VBD
        s.verbGroups[v].form = .finite
        s.verbGroups[v].voice = .active
        s.verbGroups[v].tense = .past
      }
      if group.form == .infinitive, s.nounPhrases[np].range.upperBound == group.range.lowerBound,
        let possessor = s.nounPhrases[np].possessor, !s.nounPhrases[np].isName, !s.nounPhrases[np].isPronoun
      {
        // "Moscow's decision to supply S-300s to Damascus", "Turkey's plan to attack": the
        // infinitive completes the noun, and the possessor does what it names.
        let clause = newClause(.subordinate, v, parent: governingClause(before: v), marker: nil)
        nounComplements.append((v, np))
        finish(v, clause: clause, subjects: withConjuncts(possessor), implicit: true, start: group.range.lowerBound)
        return
      }
      if let complement = nounComplements.last(where: { s.verbGroups[$0.group].objects.contains(np) }) {
        // "Turkey's plan to attack the SDF alarmed Washington": the phrase is the infinitive's
        // object, and the noun it completes is this verb's subject.
        subjects = withConjuncts(complement.noun)
        start = s.nounPhrases[complement.noun].range.lowerBound
      }
      if group.form == .infinitive, let main = governingClause(before: v) {
        // "allow the insurgents to regroup": the phrase is the infinitive's subject after a verb
        // of control; otherwise ("create a safe zone to ensure") the main clause's subject is.
        kind = .subordinate
        parent = main
        if v > 0, s.verbGroups[v - 1].objects.contains(np), !WordClasses.control.contains(s.verbGroups[v - 1].lemma) {
          subjects = s.verbGroups[v - 1].subjects
          let clause = newClause(kind, v, parent: parent, marker: nil)
          finish(v, clause: clause, subjects: subjects, implicit: true, start: group.range.lowerBound)
          return
        }
      } else if s.verbGroups[v].form == .pastParticiple || group.form == .presentParticiple {
        // "forces backed by Iran": the phrase is what the participle describes.
        kind = .participle
        parent = governingClause(before: v)
      }
      clause = newClause(kind, v, parent: parent, marker: marker)
      if kind == .participle { s.clauses[clause].antecedent = subjects[0] }
      if case .relative(_, let antecedent) = before { s.clauses[clause].antecedent = antecedent }
    case .relative(let marker, let antecedent):
      clause = newClause(.relative, v, parent: governingClause(before: v), marker: marker)
      s.clauses[clause].antecedent = antecedent
      if let antecedent { subjects = withConjuncts(antecedent) }
      implicit = true
    case .coordinated(let cc):
      // "attacked and captured", "attacked the base and seized the town".
      if v > 0, s.verbGroups[v - 1].clause >= 0 {
        clause = s.verbGroups[v - 1].clause
        s.clauses[clause].verbGroups.append(v)
        subjects = s.verbGroups[v - 1].subjects
        implicit = true
      } else {
        clause = newClause(.main, v, parent: nil, marker: cc)
      }
    case .comma(let comma):
      if group.form == .presentParticiple || group.form == .pastParticiple, let main = governingClause(before: v) {
        clause = newClause(.participle, v, parent: main, marker: nil)
        if group.form == .pastParticiple, comma > 0, s.npAt[comma - 1] >= 0 {
          s.clauses[clause].antecedent = Int(s.npAt[comma - 1])
          subjects = [Int(s.npAt[comma - 1])]
        } else {
          subjects = s.verbGroups[s.clauses[main].verbGroups[0]].subjects
        }
        implicit = true
      } else if group.form == .pastParticiple, comma > 0, s.npAt[comma - 1] >= 0 {
        // "The Iraqi army, backed by US airstrikes, recaptured Ramadi": before any clause, a
        // participle after the subject's comma describes the subject, and the verb after the
        // closing comma is the subject's.
        clause = newClause(.participle, v, parent: nil, marker: nil)
        let described = Int(s.npAt[comma - 1])
        s.clauses[clause].antecedent = described
        subjects = withConjuncts(described)
        implicit = true
      } else if WordClasses.reporting.contains(group.lemma), group.form == .finite,
        let np = phraseAfter(group.range.upperBound), !startsClause(np)
      {
        // "..., said the ministry." ("The army, backed by Russia, said its jets bombed …": a
        // phrase that opens a clause of its own is not the speaker.)
        clause = newClause(.main, v, parent: nil, marker: nil)
        subjects = withConjuncts(np)
      } else {
        clause = newClause(.main, v, parent: nil, marker: nil)
      }
    case .subordinator(let m):
      clause = newClause(.subordinate, v, parent: governingClause(before: v), marker: m)
      if let parent = s.clauses[clause].parent { subjects = s.verbGroups[s.clauses[parent].verbGroups[0]].subjects }
      implicit = !subjects.isEmpty
    case .complementizer(let m):
      clause = newClause(.main, v, parent: governingClause(before: v), marker: m)
    case .other(let i) where s.tags[i] == .IN && group.form == .presentParticiple && v > 0:
      // "accused X of planning", "after attacking": the object of the verb before, else its subject.
      let main = governingClause(before: v) ?? s.verbGroups[v - 1].clause
      clause = newClause(.subordinate, v, parent: main, marker: i)
      let previous = s.verbGroups[v - 1]
      subjects = previous.objects.isEmpty ? previous.subjects : previous.objects
      implicit = !subjects.isEmpty
    case .start, .other:
      if group.form != .finite, let main = governingClause(before: v) {
        // "to retaliate", "after attacking": the subject of the clause it depends on.
        clause = newClause(group.form == .infinitive ? .subordinate : .participle, v, parent: main, marker: nil)
        subjects = s.verbGroups[s.clauses[main].verbGroups[0]].subjects
        implicit = !subjects.isEmpty
      } else {
        clause = newClause(group.form == .finite ? .main : .participle, v, parent: nil, marker: nil)
      }
    }
    finish(v, clause: clause, subjects: subjects, implicit: implicit, start: start)
  }

  /// The phrase a participle describes when it follows a preposition's object without a comma:
  /// for an -ing participle that object; for a passive one the phrase that heads the chain of prepositional phrases ("the coalition of anti-Assad
  /// forces supported by the Turkish army", "the army's onslaught on Aleppo backed by Russian
  /// jets"), even where that phrase is itself the object of a verb's preposition ("controlled by
  /// the coalition of … supported by …").
  private func describedByParticiple(_ v: Int) -> Int? {
    let group = s.verbGroups[v]
    let before = group.range.lowerBound - 1
    guard before >= 0, s.ppAt[before] >= 0, s.npAt[before] >= 0 else { return nil }
    // "provides for Turkish and Russian soldiers patrolling the zone": an -ing participle right
    // after a preposition's object describes that object.
    if group.form == .presentParticiple, s.words[group.head].lower.hasSuffix("ing") { return Int(s.npAt[before]) }
    guard group.form == .pastParticiple, group.range.upperBound < s.count,
      s.words[group.range.upperBound].is("by")
    else { return nil }
    var np = Int(s.npAt[before])
    var pp = s.prepositionalPhrases[Int(s.ppAt[before])]
    while pp.preposition > 0, s.npAt[pp.preposition - 1] >= 0 {
      np = Int(s.npAt[pp.preposition - 1])
      let start = s.nounPhrases[np].range.lowerBound
      guard s.ppAt[start] >= 0 else { break }
      pp = s.prepositionalPhrases[Int(s.ppAt[start])]
    }
    return np
  }

  private mutating func finish(_ v: Int, clause: Int, subjects: [Int], implicit: Bool, start: Int) {
    var start = start
    s.verbGroups[v].clause = clause
    s.verbGroups[v].subjects = subjects
    s.verbGroups[v].subjectIsImplicit = implicit
    if !implicit, let first = subjects.first {
      start = min(start, s.nounPhrases[first].range.lowerBound)
    }
    objects(v)
    let end = max(s.clauses[clause].range.upperBound, roleEnd(v))
    s.clauses[clause].range = min(s.clauses[clause].range.lowerBound, start)..<end
  }

  /// A noun phrase that is not a time expression starts at `i` (a determiner or a name opens it).
  private func objectFollows(_ i: Int) -> Bool {
    guard i < s.count, s.npAt[i] >= 0 else { return false }
    let np = s.nounPhrases[Int(s.npAt[i])]
    return np.range.lowerBound == i && !np.isTime
  }

  /// A noun phrase starting at `i`, skipping adverbs.
  private func phraseAfter(_ i: Int) -> Int? {
    var k = i
    while k < s.count, s.tags[k].isAdverb { k += 1 }
    guard k < s.count, s.npAt[k] >= 0, s.nounPhrases[Int(s.npAt[k])].range.lowerBound == k else { return nil }
    return Int(s.npAt[k])
  }

  /// The phrase is followed by a finite verb: it is the subject of a new clause.
  private func startsClause(_ np: Int) -> Bool {
    var end = s.nounPhrases[np].range.upperBound
    if let last = s.nounPhrases[np].conjuncts.last { end = max(end, s.nounPhrases[last].range.upperBound) }
    while end < s.count, s.tags[end].isAdverb || (s.npAt[end] >= 0 && s.nounPhrases[Int(s.npAt[end])].isTime) {
      end += 1
    }
    while end < s.count, s.ppAt[end] >= 0, s.prepositionalPhrases[Int(s.ppAt[end])].kind == .time {
      end = s.prepositionalPhrases[Int(s.ppAt[end])].range.upperBound
    }
    guard end < s.count, s.vgAt[end] >= 0 else { return false }
    return s.verbGroups[Int(s.vgAt[end])].form == .finite
  }

  // MARK: - Objects

  private mutating func objects(_ v: Int) {
    // The two fields read, not a copy of the group: a copy would share its role arrays, and
    // appending to them below would copy them.
    let groupEnd = s.verbGroups[v].range.upperBound
    let voice = s.verbGroups[v].voice
    var i = groupEnd
    let n = s.count
    var objectCount = 0
    while i < n {
      if s.ppAt[i] >= 0 {
        let p = Int(s.ppAt[i])
        let pp = s.prepositionalPhrases[p]
        if pp.word == "according to" { break }
        if pp.word != "of" || pp.range.lowerBound == groupEnd {
          if let object = pp.object, pp.word == "by", voice == .passive, pp.kind != .time {
            s.verbGroups[v].agents.append(contentsOf: withConjuncts(object))
          }
          s.verbGroups[v].obliques.append(p)
        }
        i = pp.range.upperBound
        if let object = pp.object, let last = s.nounPhrases[object].conjuncts.last {
          i = max(i, s.nounPhrases[last].range.upperBound)
        }
        continue
      }
      if s.npAt[i] >= 0 {
        let np = Int(s.npAt[i])
        let phrase = s.nounPhrases[np]
        if phrase.isTime {
          i = phrase.range.upperBound
          continue
        }
        // After an infinitive that completes a noun, the phrase before a finite verb is still the
        // infinitive's object: that verb's subject is the noun ("Turkey's plan to attack the SDF
        // alarmed Washington").
        if objectCount >= 2 || (startsClause(np) && (objectCount > 0 || !nounComplements.contains { $0.group == v })) {
          break
        }
        if s.verbGroups[v].subjects.contains(np) {
          // "..., said the ministry": the subject after the verb.
          i = phrase.range.upperBound
          continue
        }
        let members = withConjuncts(np)
        s.verbGroups[v].objects.append(contentsOf: members)
        objectCount += 1
        i = members.map { s.nounPhrases[$0].range.upperBound }.max() ?? phrase.range.upperBound
        // An apposition after the object: ", the Kurdish-led militia,".
        if let apposition = phrase.apposition {
          let last = s.nounPhrases[apposition].conjuncts.last ?? apposition
          i = max(i, s.nounPhrases[max(last, apposition)].range.upperBound + 1)
        }
        continue
      }
      if s.tags[i].isAdverb || s.tags[i] == .RP {
        i += 1
        continue
      }
      if objectCount == 0, s.words[i].is("what"), let (named, end) = namedObject(after: i) {
        // "condemned what it called a terrorist attack by Kyiv": what the free relative names
        // is the object.
        s.verbGroups[v].objects.append(contentsOf: withConjuncts(named))
        objectCount += 1
        i = end
        continue
      }
      break
    }
  }

  /// The phrase that "what X called / described as" (a free relative at `what`) names, and
  /// where it ends.
  private func namedObject(after what: Int) -> (Int, Int)? {
    var k = what + 1
    guard k < s.count, s.npAt[k] >= 0 else { return nil }
    k = s.nounPhrases[Int(s.npAt[k])].range.upperBound
    guard k < s.count, s.vgAt[k] >= 0, WordClasses.naming.contains(s.verbGroups[Int(s.vgAt[k])].lemma) else {
      return nil
    }
    k = s.verbGroups[Int(s.vgAt[k])].range.upperBound
    if k < s.count, s.words[k].is("as") { k += 1 }
    guard k < s.count, s.npAt[k] >= 0, s.nounPhrases[Int(s.npAt[k])].range.lowerBound == k else { return nil }
    let named = Int(s.npAt[k])
    return (named, s.nounPhrases[named].range.upperBound)
  }

  private func roleEnd(_ v: Int) -> Int {
    let group = s.verbGroups[v]
    var end = group.range.upperBound
    for o in group.objects { end = max(end, s.nounPhrases[o].range.upperBound) }
    for p in group.obliques { end = max(end, s.prepositionalPhrases[p].range.upperBound) }
    return end
  }

  // MARK: - Reported speech

  private mutating func reportedSpeech() {
    let n = s.count
    for r in s.verbGroups.indices {
      // Only a reporting verb is copied out.
      guard WordClasses.reporting.contains(s.verbGroups[r].lemma) else { continue }
      let group = s.verbGroups[r]
      guard group.voice == .active, !group.isNegated,
        group.form == .finite || group.form == .presentParticiple
      else { continue }
      let frame = group.clause
      // "claimed responsibility for the attack, which ...": a reporting verb with an object reports
      // nothing, unless it names the hearer ("told reporters (that) ...").
      if !group.objects.isEmpty, !["tell", "inform", "warn", "assure", "remind", "brief"].contains(group.lemma) {
        continue
      }
      // "X said (that) ...": the next clause after the frame's objects.
      var after = roleEnd(r)
      // "pointed out that …": the verb's particle.
      if after + 1 < n, s.words[after].is("out"), s.words[after + 1].is("that") { after += 1 }
      if after < n, s.words[after].is("that") || s.tags[after] == .comma { after += 1 }
      // "SANA said, adding the attack …": what follows the comma is the participle's content,
      // not this verb's; the frame may close the sentence before it.
      let participleFollows =
        after > 0 && after < n && s.tags[after - 1] == .comma && s.vgAt[after] >= 0
        && s.verbGroups[Int(s.vgAt[after])].form == .presentParticiple
      if !participleFollows,
        let content = s.clauses.indices.first(where: { c in
          c != frame && s.clauses[c].kind != .participle && s.clauses[c].kind != .relative
            && s.clauses[c].verbGroups.contains { s.verbGroups[$0].range.lowerBound >= after }
            && (s.clauses[c].range.lowerBound <= after + 1 || s.clauses[c].marker.map { $0 <= after } == true)
            && s.clauses[c].range.lowerBound >= group.range.lowerBound
        }), s.clauses[frame].kind != .reported || frame < content
      {
        markReported(content, reporters: group.subjects, verb: r, frame: frame)
        // "warned that A and (that) B", "said "A" and "B"": a main clause joined to the content by
        // "and" is reported too.
        var last = content
        while let next = coordinatedClause(after: last) {
          markReported(next, reporters: group.subjects, verb: r, frame: frame)
          last = next
        }
        continue
      }
      // "..., X said." / "..., said X.": the frame closes the sentence after a comma.
      let frameStart = s.clauses[frame].range.lowerBound
      var end = roleEnd(r)
      for subject in group.subjects where s.nounPhrases[subject].range.lowerBound > group.head {
        end = max(end, s.nounPhrases[subject].range.upperBound)  // "..., said the ministry."
      }
      while end < n, s.tags[end].isPunctuation { end += 1 }
      // "…,” Khamenei said in a statement, according to IRNA.": an attribution may follow.
      // "…,” SANA said, adding the attack caused damage": a participle may go on after it.
      let closes =
        end >= n || s.tags[end] == .period
        || (s.words[end].is("according") && end + 1 < n && s.words[end + 1].is("to"))
        || (end > 0 && s.tags[end - 1] == .comma && s.vgAt[end] >= 0
          && s.verbGroups[Int(s.vgAt[end])].form == .presentParticiple)
      if closes, frameStart > 0, s.tags[frameStart - 1] == .comma || s.tags[frameStart - 1] == .closeQuote {
        for c in s.clauses.indices where c != frame && s.clauses[c].range.upperBound <= frameStart {
          if s.clauses[c].kind == .main { markReported(c, reporters: group.subjects, verb: r, frame: frame) }
        }
      }
    }
    // "according to X".
    for pp in s.prepositionalPhrases where pp.word == "according to" {
      guard let object = pp.object else { continue }
      for c in s.clauses.indices where s.clauses[c].kind == .main {
        markReported(c, reporters: withConjuncts(object), verb: nil, frame: nil)
        s.clauses[c].marker = pp.preposition
      }
    }
  }

  /// The main clause joined to clause `c` by "and" or "but" (past quotation marks and "that"),
  /// when no other main clause comes between them.
  private func coordinatedClause(after c: Int) -> Int? {
    guard let lastGroup = s.clauses[c].verbGroups.max() else { return nil }
    for next in s.clauses.indices where next > c && s.clauses[next].kind == .main && s.clauses[next].parent == nil {
      guard let first = s.clauses[next].verbGroups.min(), first > lastGroup else { continue }
      // Only clauses that depend on another may lie between the two.
      for v in (lastGroup + 1)..<first {
        let between = s.verbGroups[v].clause
        if between >= 0, between != c, s.clauses[between].kind == .main { return nil }
      }
      var k = s.clauses[next].range.lowerBound - 1
      while k >= 0, s.tags[k] == .openQuote || s.tags[k] == .closeQuote || s.words[k].is("that") { k -= 1 }
      // ", and the US rejected it" opens a clause of the writer's own.
      guard k >= 1, ["and", "but"].contains(s.words[k].lower), s.tags[k - 1] != .comma else { return nil }
      return next
    }
    return nil
  }

  private mutating func markReported(_ c: Int, reporters: [Int], verb: Int?, frame: Int?) {
    s.clauses[c].kind = .reported
    s.clauses[c].reporters = reporters
    s.clauses[c].reportingVerb = verb
    if let frame {
      s.clauses[frame].kind = .reporting
      if s.clauses[c].parent == nil || s.clauses[c].parent == c { s.clauses[c].parent = frame }
    }
  }

  // MARK: - Nominal events

  private mutating func nominalEvents() {
    for p in s.nounPhrases.indices {
      // Tested in place, copied only when it may name an event.
      guard s.tags[s.nounPhrases[p].head].isNoun, !s.nounPhrases[p].isName, !s.nounPhrases[p].isTime,
        s.nounPhrases[p].possessor != nil || !s.nounPhrases[p].attachments.isEmpty
      else { continue }
      let phrase = s.nounPhrases[p]
      var agents: [Int] = []
      var targets: [Int] = []
      if let possessor = phrase.possessor { agents.append(contentsOf: withConjuncts(possessor)) }
      for a in phrase.attachments {
        let pp = s.prepositionalPhrases[a]
        guard let object = pp.object, pp.kind != .time else { continue }
        if pp.word == "by" {
          agents.append(contentsOf: withConjuncts(object))
        } else if WordClasses.targetPrepositions.contains(pp.word) {
          targets.append(contentsOf: withConjuncts(object))
        }
      }
      if !agents.isEmpty || !targets.isEmpty {
        s.events.append(NominalEvent(phrase: p, agents: agents, targets: targets))
      }
    }
  }
}
