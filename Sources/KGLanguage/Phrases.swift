/// A noun phrase: "the militia's mortar attack", "Iraqi and Kurdish forces", "they".
///
/// Indices are token positions in the sentence; `possessor`, `conjuncts`, `apposition` and
/// `attachments` point into `ParsedSentence.nounPhrases` / `.prepositionalPhrases`.
public struct NounPhrase: Sendable, Hashable {
  /// The tokens, without a possessor ("mortar attack" in "the militia's mortar attack").
  public var range: Range<Int>
  /// The head noun: the last noun, else the last word (a pronoun, a number, "the wounded").
  public var head: Int
  /// A determiner or possessive pronoun ("the", "its").
  public var determiner: Int?
  /// Pre-modifiers: adjectives, nouns, numbers and participles before the head ("mortar").
  public var modifiers: [Int]
  /// The possessor phrase ("the militia" in "the militia's mortar attack").
  public var possessor: Int?
  /// Every phrase coordinated with this one ("Russia and Iran"), this one included; empty if none.
  public var conjuncts: [Int]
  /// An appositive phrase (", the Iran-backed group,").
  public var apposition: Int?
  /// Prepositional phrases that follow and may modify this phrase ("strikes *by X* *on Y*").
  public var attachments: [Int]
  /// The phrase is or ends with a name the caller fixed, or its head is a proper noun.
  public var isName: Bool
  /// A personal pronoun ("they", "it").
  public var isPronoun: Bool
  /// A time expression ("Saturday", "last week", "the past month").
  public var isTime: Bool
}

/// A verb group: auxiliaries, modal, negation and the head verb ("would not allow", "had been
/// targeted", "plans to attack").
public struct VerbGroup: Sendable, Hashable {
  public enum Tense: String, Sendable { case past, present, future, none }
  public enum Voice: String, Sendable { case active, passive }
  public enum Form: String, Sendable {
    /// Has a tense ("attacked", "will strike", "has been hit").
    case finite
    /// "to attack"
    case infinitive
    /// "wounding", in ", wounding a dozen soldiers"
    case presentParticiple
    /// "backed", in "forces backed by Iran"
    case pastParticiple
  }

  public var range: Range<Int>
  /// The main verb ("targeted" in "had been targeted", "attack" in "plans to attack").
  public var head: Int
  /// The head's base form ("struck" → "strike").
  public var lemma: String
  public var tense: Tense
  public var voice: Voice
  public var form: Form
  /// "not", "n't" or "never" in the group.
  public var isNegated: Bool
  /// The modal's base form ("would", "might", "can", "will"), if any.
  public var modal: String?
  /// The verb that governs an infinitive head ("plans" in "plans to attack", "expected" in "are
  /// expected to launch", "vowed" in "vowed to retaliate"); the group then reads as intent.
  public var governor: Int?
  /// The governor's base form ("plan", "expect", "vow").
  public var governorLemma: String?
  /// "have" + participle.
  public var isPerfect: Bool
  /// "be" + -ing.
  public var isProgressive: Bool

  // Roles, filled by clause analysis.

  /// The clause the group belongs to (`ParsedSentence.clauses`).
  public var clause: Int
  /// Subject phrases (several when coordinated: "Russia and Iran"). For a passive group, the
  /// patient ("the convoy" in "the convoy was hit").
  public var subjects: [Int]
  /// The subject is not written in the clause: inherited from the main clause (participle
  /// clause, coordinated verb) or the antecedent of a relative clause.
  public var subjectIsImplicit: Bool
  /// Direct objects ("the base" in "attacked the base").
  public var objects: [Int]
  /// Passive agents ("by X").
  public var agents: [Int]
  /// Prepositional phrases of the verb ("at X", "against X", "to X", "from Y", "with X").
  public var obliques: [Int]
}

/// A preposition and its object ("on Saturday", "against the rebels").
public struct PrepositionalPhrase: Sendable, Hashable {
  public enum Kind: String, Sendable { case time, place, other }

  public var range: Range<Int>
  /// The preposition token.
  public var preposition: Int
  /// The preposition, lowercased ("against"; "according to" for that cue).
  public var word: String
  /// The object phrase (the first, when coordinated; see `NounPhrase.conjuncts`).
  public var object: Int?
  public var kind: Kind
}

/// A noun that names an event, with its participants: "X's shelling of Y", "an air campaign
/// against Y by X", "air strikes by X on Y".
///
/// Every noun phrase with a possessor or an attached by/of/on/against/at/in phrase is listed;
/// the caller decides which head nouns are events.
public struct NominalEvent: Sendable, Hashable {
  /// The event phrase.
  public var phrase: Int
  /// Who does it: the possessor, or the object of "by".
  public var agents: [Int]
  /// Whom it is done to: the objects of "of", "on", "against", "at", "targeting".
  public var targets: [Int]
}

/// A clause: its kind, extent, verbs and how it hangs on the rest of the sentence.
public struct Clause: Sendable, Hashable {
  public enum Kind: String, Sendable {
    case main
    /// "which/who/that ..." after a noun phrase.
    case relative
    /// The content of reported speech ("X said (that) ...", "..., X said", "according to X, ...").
    case reported
    /// The frame that reports it ("X said", "X told reporters").
    case reporting
    /// ", wounding a dozen soldiers"; "backed by Iran".
    case participle
    /// "after/when/as/while/because/if ..."
    case subordinate
  }

  public var kind: Kind
  public var range: Range<Int>
  /// Its verb groups, coordinated verbs included ("attacked and captured").
  public var verbGroups: [Int]
  /// The clause it depends on.
  public var parent: Int?
  /// The antecedent noun phrase of a relative clause, or the phrase a participle modifies.
  public var antecedent: Int?
  /// Who reports a `.reported` clause ("the ministry" in "the ministry said").
  public var reporters: [Int]
  /// The reporting verb group, or nil for "according to".
  public var reportingVerb: Int?
  /// The subordinator, relative pronoun, or "according" token that opens it.
  public var marker: Int?
}
