import KGModel

/// The words that type a capitalised name which no dictionary lists, read from the `names`
/// section of `patterns.yaml`: the name's own morphology ("Abu Hamza" is a person, "Liwa
/// al-Quds" an armed group) and the words around it ("X said", "X fighters", "near X").
struct NameEvidence: Sendable {
  /// A name that opens with one of these is a person ("Abu", "Umm").
  var personFirstWords = WordSet()
  /// A name holding one of these is an armed group ("Jaish", "Liwa", "Kataeb").
  var groupWords = WordSet()
  /// Verbs of speaking after a name of two or more words make it a person ("Ali Shamkhani said").
  var speechVerbs = WordSet()
  /// Plural nouns after a name make it an armed group ("Wagner fighters", "Fatemiyoun militiamen").
  var memberNouns = WordSet()
  /// Prepositions of place before a name make it a place ("near Kafr Nubl").
  var locativePrepositions = WordSet()
  /// Capitalised words that are never a name of their own: months, days, languages, sentence
  /// openers.
  var notNames = WordSet()
  /// Nouns for parties an article treats as one actor without naming it ("rebels", "insurgents"),
  /// with the words that may stand for them ("rebel", "opposition").
  var collectiveNouns = WordSet()
  var collectiveModifiers = WordSet()
  /// Plural nouns after a collective modifier that complete the phrase ("opposition forces").
  var collectiveTails = WordSet()
  /// Words that open a place's name ("Umm", "Tell", "Kafr", "Deir"): a one-word place after one
  /// is only the end of the name.
  var placePrefixes = WordSet()
  /// Participles that make "X-" a modifier of a thing, not a mention of X ("a British-owned
  /// ship", "Turkish-made drones", "a London-based monitor").
  var thingCompounds = WordSet()
  /// Nouns after a bare demonym that name some of its people, not its state ("Syrian
  /// civilians", "Armenian separatists", "Iraqi militias").
  var demonymPeople = WordSet()

  init() {}

  init(_ value: YAMLValue) throws(DictionaryError) {
    try value.checkKeys(
      [
        "person_first_words", "group_words", "speech_verbs", "member_nouns", "locative_prepositions", "not_names",
        "collective_nouns", "collective_modifiers", "collective_tails", "place_prefixes",
        "thing_compounds", "demonym_people",
      ], in: "names")
    personFirstWords = Self.words(try value["person_first_words"]?.strings("person_first_words"))
    groupWords = Self.words(try value["group_words"]?.strings("group_words"))
    speechVerbs = Self.words(try value["speech_verbs"]?.strings("speech_verbs"))
    memberNouns = Self.words(try value["member_nouns"]?.strings("member_nouns"))
    locativePrepositions = Self.words(try value["locative_prepositions"]?.strings("locative_prepositions"))
    notNames = Self.words(try value["not_names"]?.strings("not_names"))
    collectiveNouns = Self.words(try value["collective_nouns"]?.strings("collective_nouns"))
    collectiveModifiers = Self.words(try value["collective_modifiers"]?.strings("collective_modifiers"))
    collectiveTails = Self.words(try value["collective_tails"]?.strings("collective_tails"))
    placePrefixes = Self.words(try value["place_prefixes"]?.strings("place_prefixes"))
    thingCompounds = Self.words(try value["thing_compounds"]?.strings("thing_compounds"))
    demonymPeople = Self.words(try value["demonym_people"]?.strings("demonym_people"))
  }

  /// Lowercased, as tokens are probed.
  static func words(_ list: [String]?) -> WordSet { WordSet((list ?? []).map { $0.lowercased() }) }
}
