/// Closed word classes the chunker and clause analysis test, by lowercase form or lemma.
enum WordClasses {
  /// Verbs that report speech or a claim ("said", "told", "claimed").
  static let reporting: WordClass = [
    "say", "tell", "claim", "allege", "report", "announce", "state", "add", "confirm", "deny", "insist", "warn",
    "write", "note", "explain", "stress", "assert", "acknowledge", "admit", "declare", "argue", "believe", "suggest",
    "estimate", "indicate", "inform", "quote", "tweet", "post", "reveal", "maintain", "contend", "charge", "point",
  ]
  /// Verbs taking a "to" infinitive that becomes the group's head ("plans to attack").
  static let catenative: WordClass = [
    "plan", "intend", "aim", "expect", "seek", "try", "vow", "want", "threaten", "promise", "pledge", "prepare",
    "decide", "attempt", "continue", "begin", "start", "agree", "refuse", "fail", "hope", "go", "need", "appear",
    "seem", "mean", "order", "vote", "move", "wish", "manage", "resolve", "swear", "claim", "be", "have", "use",
  ]
  /// Verbs whose object is the subject of a following infinitive ("urged the parties to stop").
  static let control: WordClass = [
    "allow", "urge", "call", "ask", "order", "force", "tell", "want", "expect", "help", "enable", "persuade",
    "encourage", "warn", "instruct", "invite", "permit", "require", "lead", "cause", "prompt", "push", "pressure",
    "get", "need", "train", "send", "deploy", "authorize", "authorise",
  ]
  /// Passive participles taking a "to" infinitive ("is expected to", "were forced to", "is said to").
  static let passiveCatenative: WordClass = control.union([
    "believe", "say", "report", "set", "schedule", "design", "think", "know", "suppose", "plan", "prepare",
    "authorize", "authorise", "expect", "intend", "determine", "oblige", "compel", "tell",
  ])
  /// Verbs that name what they take ("condemned what it called an act of terror", "what Kyiv
  /// described as a massacre").
  static let naming: WordClass = ["call", "describe", "term", "dub", "label", "brand", "characterize", "characterise"]
  static let auxiliary: WordClass = ["be", "have", "do", "get"]
  static let negation: WordClass = ["not", "n't", "never", "no"]
  static let subordinators: WordClass = [
    "because", "although", "though", "while", "whereas", "if", "unless", "when", "after", "before", "since", "as",
    "until", "once", "whether", "where", "whenever", "so",
  ]
  /// Words that make "with" comitative ("together with", "along with").
  static let comitativeParticles: WordClass = ["together", "along", "jointly"]
  static let relativePronouns: WordClass = ["which", "who", "whom", "that", "whose", "where"]
  /// Nouns for a person's role that a name may follow in one phrase ("his counterpart Vladimir
  /// Putin", "YPG fighter Ruha Bashar").
  static let personTitles: WordClass = [
    "counterpart", "counterparts", "fighter", "commander", "leader", "minister", "president", "spokesman",
    "spokeswoman", "spokesperson", "envoy", "ambassador", "chief", "official", "general", "colonel", "secretary",
    "adviser", "advisor", "cleric", "deputy", "governor", "premier", "militant", "member", "activist", "journalist",
  ]
  static let timeNouns: WordClass = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "day", "days",
    "week", "weeks", "weekend", "month", "months", "year", "years", "morning", "mornings", "afternoon", "evening",
    "night", "nights", "hour", "hours", "minute", "minutes", "today", "yesterday", "tomorrow", "tonight", "time",
    "dawn", "dusk", "midnight", "noon", "decade", "decades", "period", "spring", "summer", "autumn", "winter",
  ]
  static let placeNouns: WordClass = [
    "city", "town", "village", "province", "district", "districts", "area", "areas", "region", "governorate",
    "countryside", "border", "outskirts", "neighbourhood", "neighborhood", "camp", "base", "airport", "capital",
    "north", "south", "east", "west", "centre", "center", "desert", "valley", "countries", "country", "villages",
    "towns", "cities", "provinces", "regions",
  ]
  static let timePrepositions: WordClass = [
    "on", "in", "at", "during", "over", "since", "until", "before", "after", "by", "from", "through", "throughout",
    "within", "early", "late", "for",
  ]
  static let placePrepositions: WordClass = [
    "in", "near", "at", "around", "outside", "inside", "across", "into", "from", "throughout", "along", "within",
  ]
  /// Prepositions whose object is the target of a nominal event ("the shelling *of* Y").
  static let targetPrepositions: WordClass = ["of", "on", "against", "at", "targeting", "upon"]
}
