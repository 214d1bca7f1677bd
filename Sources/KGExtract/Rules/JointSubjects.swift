import KGLanguage
import KGModel

/// Actors who carry out an attack or a capture together cooperate (GUIDELINES.md, "Coalitions": a
/// group fighting alongside another): coordinated subjects of one cue verb ("The United States,
/// France and Britain launched strikes"), and an actor joined to the subject by "together with",
/// "along with", "alongside" or "in conjunction with" ("the army, along with Russian troops,
/// stormed the town"), which also acts with the subject.
///
/// Example: "Turkish troops and the SNA captured Tal Abyad." → cooperate(Turkey, SNA).
struct JointSubjects: RelationRule {
  static let jointTypes: Set<RelationType> = [.attack, .kill, .capture]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for g in a.parse.verbGroups.indices {
      let head = a.parse.verbGroups[g].head
      // Only a group with a cue or a light verb is copied out.
      guard a.parse.verbGroups[g].voice == .active, !a.parse.verbGroups[g].isNegated,
        a.verbCue(startingAt: head) != nil || NominalEvent.lightVerbs.contains(a.tokens[head])
      else { continue }
      let group = a.parse.verbGroups[g]
      guard let hit = a.verbCue(startingAt: group.head) ?? lightVerbEvent(group, in: a),
        Self.jointTypes.contains(hit.cue.type)
      else { continue }
      var actors = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      // "X, together with Y, launched …": the comitative sits between the subject and the verb.
      let partners = a.comitativePartners(before: group.range.lowerBound)
      if actors.isEmpty, !partners.mentions.isEmpty, let subject = a.comitativeHead(before: partners.start) {
        actors = [subject]
      }
      if !actors.isEmpty { for p in partners.mentions where !actors.contains(p) { actors.append(p) } }
      guard actors.count >= 2 else { continue }
      for (k, x) in actors.enumerated() {
        for y in actors[(k + 1)...] where a.mentions[x].entityID != a.mentions[y].entityID {
          result.append(Finding(sources: [x], type: .cooperate, targets: [y], rule: id, cue: hit.range))
        }
      }
    }
    return result
  }

  /// "launched strikes": the attack noun a light verb takes as its object.
  func lightVerbEvent(_ group: VerbGroup, in a: SentenceAnalysis) -> CueHit? {
    guard NominalEvent.lightVerbs.contains(a.tokens[group.head]) else { return nil }
    for object in group.objects {
      if let cue = a.eventCue(ofPhrase: object) { return cue }
    }
    return nil
  }
}
