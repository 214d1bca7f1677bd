import KGModel

/// Names of a state's forces or government that name no state ("government forces", "the
/// regime"), read from the `host_country` section of `patterns.yaml`. They stand for the forces
/// of the country where the article's events happen: the state it most often names after a
/// locative ("in Sudan", "across northern Yemen"). Until another state is named so more often
/// than `defaultState`, the dictionary's own reading of the names stands.
struct HostCountryWords: Sendable {
  /// The state the dictionary reads these names as (the Syrian war's "regime forces").
  var defaultState: String?
  /// Words before a state's name that place the events there ("in", "across").
  var locatives = WordSet()
  /// Words that may stand between the locative and the state ("in northern Syria").
  var modifiers = WordSet()
  /// Names of the host state's army, as lowercased tokens.
  var forces: Set<[String]> = []
  /// Names of the host state's government, as lowercased tokens.
  var governments: Set<[String]> = []

  init() {}

  init(_ value: YAMLValue) throws(DictionaryError) {
    try value.checkKeys(["default", "locatives", "modifiers", "forces", "governments"], in: "host_country")
    defaultState = try value["default"]?.string("default")
    locatives = NameEvidence.words(try value["locatives"]?.strings("locatives"))
    modifiers = NameEvidence.words(try value["modifiers"]?.strings("modifiers"))
    forces = Set(try value["forces"]?.strings("forces").map(Lexicon.phrase) ?? [])
    governments = Set(try value["governments"]?.strings("governments").map(Lexicon.phrase) ?? [])
  }
}
