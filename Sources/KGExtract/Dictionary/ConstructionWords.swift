/// Words that rules read as parts of a construction rather than as cues of their own ("held X
/// *responsible*", "responsibility *rests* with X"), loaded from the `constructions` section of
/// `lexicon.yaml`, so that a user extends a construction by editing data, not code.
///
/// A list holds single words and phrases; `contains(_:at:in:)` says how many tokens a phrase of
/// the list covers at a position.
struct ConstructionWords: Sendable {
  /// The lists the rules read, by their key in `lexicon.yaml`.
  enum List: String, CaseIterable, Sendable {
    /// "Israel is responsible for", "the US is to blame", "held Iran accountable".
    case blamePredicates = "blame_predicates"
    /// "Ankara bears full responsibility": verbs (lemmas) whose subject takes responsibility.
    case bearingVerbs = "bearing_verbs"
    /// "responsibility", "blame": what a party bears or what rests with it.
    case responsibilityNouns = "responsibility_nouns"
    /// "responsibility rests with Washington": verbs (lemmas) that lay it on a "with" phrase.
    case restingVerbs = "resting_verbs"
    /// "held Israel responsible": verbs (lemmas) that take an object and a blame predicate.
    case holdingVerbs = "holding_verbs"
    /// "put the blame on Russia": verbs (lemmas) that lay a responsibility noun on an "on" phrase.
    case layingVerbs = "laying_verbs"
    /// "punish": verbs (lemmas) whose promised future act threatens its object ("vowed to punish
    /// Israel", "the aggressors will be punished").
    case punishingVerbs = "punishing_verbs"
    /// "cut", "suspended": verbs (lemmas) that end the support they take ("cut its aid to the SDF").
    case endingVerbs = "ending_verbs"
    /// "alleged", "charged": verbs (lemmas) of speaking that accuse the subject of what they report
    /// ("Britain alleged that Russia had used chemical weapons").
    case allegingVerbs = "alleging_verbs"
    /// "fell": verbs (lemmas) whose subject is taken by their "to" phrase ("Mosul fell to ISIS").
    case fallingVerbs = "falling_verbs"
    /// "lost": verbs (lemmas) whose subject loses its object (or the "of" phrase of "control") to
    /// their "to" phrase ("the army lost control of Wad Madani to the RSF").
    case losingVerbs = "losing_verbs"
    /// "illegal", "aggression", "a violation": words that condemn what they name.
    case condemningWords = "condemning_words"
    /// "were", "constitutes", "amounts to": verbs (lemmas) that predicate a judgement of their subject.
    case predicatingVerbs = "predicating_verbs"
    /// "warplanes", "air strikes", "drones": arms whose backing takes part in the attack it backs.
    case airPower = "air_power"
    /// "patrol": verbs (lemmas) whose coordinated subjects act together.
    case jointActivityVerbs = "joint_activity_verbs"
    /// "patrol", "exercises", "drills": nouns whose "joint" activity makes its parties cooperate.
    case jointActivityNouns = "joint_activity_nouns"
    /// "claimed", "accepted": verbs (lemmas) by which a party takes responsibility for its own act.
    case claimingVerbs = "claiming_verbs"
    /// "launched", "led": participles whose "by" phrase owns the forces or aircraft before them
    /// ("drones launched by the Houthis", "forces led by Haftar"); "backed by" is no ownership.
    case owningParticiples = "owning_participles"
    /// "loyal to", "affiliated with": phrases after forces that name whose they are ("fighters
    /// loyal to Haftar").
    case owningPhrases = "owning_phrases"
    /// "sent", "delivered", "provided": verbs (lemmas) that hand something to a "to" phrase.
    case transferVerbs = "transfer_verbs"
    /// "weapons", "military aid", "drones": what handed to an actor supports it.
    case aidNouns = "aid_nouns"
    /// "a package of", "a shipment of": nouns that hold what is handed over.
    case containerNouns = "container_nouns"
    /// "vowed", "planned", "prepared": verbs (lemmas) whose object event is intended, not done
    /// ("vowed more attacks on X", "is preparing an offensive against Y").
    case intentVerbs = "intent_verbs"
    /// "vowed", "threatened": verbs (lemmas) by which the subject commits to the event it names, a
    /// threat to its target ("vowed a new wave of strikes on X").
    case vowingVerbs = "vowing_verbs"
    /// "shoot (down)", "intercept": verbs (lemmas) of air defence, which attack the owner of an
    /// aircraft or drone they bring down and nobody by bringing down a missile.
    case interceptionVerbs = "interception_verbs"
    /// "missiles", "rockets", "shells": what air defence brings down that is nobody's.
    case munitionNouns = "munition_nouns"
    /// "expel", "oust": attack verbs (lemmas) that, said of a state's envoys, break off relations
    /// rather than attack ("expelled French diplomats").
    case expulsionVerbs = "expulsion_verbs"
    /// "diplomats", "ambassador", "envoys": the people an expulsion verb sends home.
    case diplomaticNouns = "diplomatic_nouns"
    /// Verbs of speaking in every form ("said", "told"): filled from the lexicon's `attribution`
    /// verbs, not from `constructions`.
    case speakingVerbs = "attribution"

    /// The lists that the `constructions` section gives.
    static var loaded: [List] { allCases.filter { $0 != .speakingVerbs } }

    /// The list's place among `allCases`: the tables are arrays indexed by it, as hashing a
    /// list hashes its raw value, a string, and rules probe a list for every verb group.
    var ordinal: Int {
      switch self {
      case .blamePredicates: 0
      case .bearingVerbs: 1
      case .responsibilityNouns: 2
      case .restingVerbs: 3
      case .holdingVerbs: 4
      case .condemningWords: 5
      case .predicatingVerbs: 6
      case .airPower: 7
      case .jointActivityVerbs: 8
      case .jointActivityNouns: 9
      case .claimingVerbs: 10
      case .owningParticiples: 11
      case .transferVerbs: 12
      case .aidNouns: 13
      case .containerNouns: 14
      case .intentVerbs: 15
      case .vowingVerbs: 16
      case .interceptionVerbs: 17
      case .munitionNouns: 18
      case .owningPhrases: 19
      case .expulsionVerbs: 20
      case .diplomaticNouns: 21
      case .layingVerbs: 22
      case .punishingVerbs: 23
      case .endingVerbs: 24
      case .allegingVerbs: 25
      case .fallingVerbs: 26
      case .losingVerbs: 27
      case .speakingVerbs: 28
      }
    }
  }

  /// By `List.ordinal`.
  private var phrases = [PhraseSet?](repeating: nil, count: List.allCases.count)
  /// For each one-word entry, the lists that hold it, one bit per `List.ordinal`: one table probed
  /// in place (a set read out of an array of sets was copied, its four tables retained and
  /// released, at every probe).
  private var singleWords = WordMap<UInt32>()

  /// Adds `phrase` (lowercased tokens) to `list`.
  mutating func insert(_ phrase: [String], into list: List) {
    guard !phrase.isEmpty else { return }
    let i = list.ordinal
    if phrases[i] == nil { phrases[i] = PhraseSet([]) }
    phrases[i]!.append(phrase)
    if phrase.count == 1 { singleWords[phrase[0]] = (singleWords[phrase[0]] ?? 0) | 1 << i }
  }

  /// The lists a word belongs to, from one probe: for a rule that tests one lemma against
  /// several lists.
  struct Membership {
    fileprivate var bits: UInt32
    func contains(_ list: List) -> Bool { bits & 1 << list.ordinal != 0 }
  }

  /// The one-word lists that hold `word` (a lowercased word or a lemma).
  func membership(of word: String) -> Membership { Membership(bits: singleWords[word] ?? 0) }

  /// Whether `word` (a lowercased word or a lemma) is a one-word entry of `list`.
  func contains(_ word: String, in list: List) -> Bool {
    (singleWords[word] ?? 0) & 1 << list.ordinal != 0
  }

  /// Whether the token's lowercased form is a one-word entry of `list` (by its precomputed hash).
  func contains(_ token: Token, in list: List) -> Bool {
    (singleWords[token] ?? 0) & 1 << list.ordinal != 0
  }

  /// How many tokens from `start` an entry of `list` covers (the longest), or nil.
  func match(_ tokens: [Token], at start: Int, in list: List) -> Int? {
    phrases[list.ordinal]?.longestMatch(tokens, at: start)
  }
}
