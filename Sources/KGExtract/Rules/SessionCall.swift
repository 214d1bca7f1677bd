import KGLanguage
import KGModel

/// A call for a council to meet: "Iran called for an emergency session of the Security Council",
/// "Russia requested an urgent meeting of the council". GUIDELINES.md, "Calls on the Security
/// Council": a demand with the council as target. The council is the owner of "session" or
/// "meeting", or the one council the sentence names.
///
/// Example: "The Security Council met after Iran called for an emergency session." →
/// demand(Iran, UN Security Council).
struct SessionCall: RelationRule {
  static let meetings: WordSet = ["session", "sessions", "meeting", "meetings"]
  /// Verbs of asking, with the preposition their object needs ("called for", "requested").
  static let asking: WordMap<String?> = [
    "call": "for", "request": nil, "demand": nil, "seek": nil, "ask": "for", "urge": nil, "push": "for",
  ]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    // A participle without agent may be the tagger's reading of a past tense ("The Houthis called for").
    for g in parse.verbGroups.indices {
      // Only a verb of asking is copied out.
      guard let needed = Self.asking[parse.verbGroups[g].lemma] else { continue }
      let group = parse.verbGroups[g]
      guard (group.voice == .active || group.agents.isEmpty) && !group.isNegated else { continue }
      let phrases: [Int]
      if let preposition = needed {
        phrases = group.obliques.compactMap { pp in
          parse.prepositionalPhrases[pp].word == preposition ? parse.prepositionalPhrases[pp].object : nil
        }
      } else {
        phrases = group.objects
      }
      guard let meeting = phrases.first(where: { Self.meetings.contains(a.tokens[parse.nounPhrases[$0].head]) })
      else { continue }
      let callers = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      guard !callers.isEmpty, let council = council(for: meeting, in: a) else { continue }
      let head = group.head
      result.append(Finding(sources: callers, type: .demand, targets: [council], rule: id, cue: head..<(head + 1)))
    }
    return result
  }

  /// The council that is to meet: the "of" phrase after the meeting noun, else the only council
  /// the sentence names.
  func council(for meeting: Int, in a: SentenceAnalysis) -> Int? {
    let isCouncil = { (m: Int) in a.isActor(m) && a.mentions[m].entityID.contains("council") }
    if let m = a.headMention(ofPhrase: meeting), isCouncil(m) { return m }
    let councils = Set(a.mentions.indices.filter(isCouncil).map { a.mentions[$0].entityID })
    guard councils.count == 1 else { return nil }
    return a.mentions.indices.first(where: isCouncil)
  }
}
