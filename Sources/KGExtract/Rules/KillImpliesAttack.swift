import KGModel

/// "A strike that kills members of a group gives both attack and kill" (GUIDELINES.md, "What is
/// annotated"): every kill found by another rule also yields attack between the same actors, with
/// the same modality.
///
/// Example: "Turkish drones killed three PKK commanders." → kill(Turkey, PKK) and attack(Turkey, PKK).
struct KillImpliesAttack: DerivationRule {
  func derive(from findings: [Finding], in a: SentenceAnalysis) -> [Finding] {
    findings.filter { $0.type == .kill }.map { kill in
      var attack = kill
      attack.type = .attack
      attack.rule = id
      return attack
    }
  }
}
