import Foundation
import KGModel

/// The grammatical form in which a cue appears.
enum CueForm: Hashable, Sendable {
  case base, thirdPerson, past, participle, gerund
  case noun
}

/// A relation cue: a verb or event noun that signals a relation type.
///
/// A class, made once with the lexicon and never changed: every cue found in a sentence
/// (`CueHit`) and every rule's search over a sentence's cues copies a reference, not the cue's
/// strings and token list.
final class Cue: Sendable {
  let type: RelationType
  /// Lowercased tokens ("fired", "on").
  let tokens: [String]
  let form: CueForm
  /// The cue ends in a preposition that introduces the object ("fire on").
  let endsInPreposition: Bool
  let lemma: String

  init(type: RelationType, tokens: [String], form: CueForm, endsInPreposition: Bool, lemma: String) {
    self.type = type
    self.tokens = tokens
    self.form = form
    self.endsInPreposition = endsInPreposition
    self.lemma = lemma
  }
}

/// Cue words of conflict reporting, loaded from `lexicon.yaml`.
public struct Lexicon: Sendable {
  /// Cues by their first token.
  var cues = WordMap<[Cue]>()
  var participles = WordSet()
  var hypothetical = PhraseSet([])
  var alleged = PhraseSet([])
  var negation = PhraseSet([])
  var attributionVerbs = WordSet()
  var attributionPrepositions = PhraseSet([])
  var attributionSources: Set<String> = []
  /// Words a multi-word cue may hold inside it without changing its sense: "took total control
  /// of", "seized full control of".
  var cueModifiers = WordSet()
  /// Words that rules read as parts of a construction, not as cues by themselves.
  var constructions = ConstructionWords()

  static let prepositions: WordSet = [
    "on", "at", "with", "against", "upon", "of", "to", "over", "into", "down", "out", "back", "for", "alongside",
    "onto",
  ]

  /// The lexicon that ships with kg: the hand-made cues (`lexicon.yaml`), then the verbs
  /// converted from PETRARCH2's CAMEO dictionary (`cameo-cues.yaml`, scripts/convert-cameo-verbs),
  /// which leave every verb the hand-made file has to it.
  public static func builtIn() throws(DictionaryError) -> Lexicon {
    var lexicon = Lexicon()
    for name in ["lexicon", "cameo-cues"] {
      let url = try BuiltInResources.url(name)
      let text: String
      do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw .missingResources }
      try lexicon.load(yaml: text, file: "Dictionaries/\(name).yaml")
    }
    return lexicon
  }

  init() {}

  init(yaml text: String, file: String) throws(DictionaryError) {
    try load(yaml: text, file: file)
  }

  /// Adds the cues of one lexicon file; its `irregular` forms apply to its own verbs.
  mutating func load(yaml text: String, file: String) throws(DictionaryError) {
    guard let root = try YAMLValue.parse(text, file: file) else { return }
    try root.checkKeys(
      ["relations", "irregular", "modality", "attribution", "cue_modifiers", "constructions"], in: "the lexicon")
    for word in try root["cue_modifiers"]?.strings("cue_modifiers") ?? [] { cueModifiers.insert(word.lowercased()) }
    if let lists = root["constructions"] {
      try lists.checkKeys(Set(ConstructionWords.List.loaded.map(\.rawValue)), in: "constructions")
      for (name, words) in try lists.pairs("constructions") {
        guard let list = ConstructionWords.List(rawValue: name), list != .speakingVerbs else { continue }
        for word in try words.strings(name) { constructions.insert(Self.phrase(word), into: list) }
      }
    }
    var irregular: [String: (String, String)] = [:]
    if let irr = root["irregular"] {
      for (verb, forms) in try irr.pairs("irregular") {
        try forms.checkKeys(["past", "participle"], in: "irregular '\(verb)'")
        let past = try forms["past"]?.string("past") ?? verb + "ed"
        irregular[verb] = (past, try forms["participle"]?.string("participle") ?? past)
      }
    }
    if let relations = root["relations"] {
      for (name, spec) in try relations.pairs("relations") {
        guard let type = RelationType(rawValue: name) else {
          throw spec.fail(
            "unknown relation type '\(name)'; use one of \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
        try spec.checkKeys(["verbs", "nouns", "participles"], in: "relation '\(name)'")
        for verb in try spec["verbs"]?.strings("verbs") ?? [] { addVerb(verb, type: type, irregular: irregular) }
        for noun in try spec["nouns"]?.strings("nouns") ?? [] { addNoun(noun, type: type) }
        for p in try spec["participles"]?.strings("participles") ?? [] { participles.insert(p.lowercased()) }
      }
    }
    if let modality = root["modality"] {
      try modality.checkKeys(["hypothetical", "alleged", "negation"], in: "modality")
      hypothetical = PhraseSet(try modality["hypothetical"]?.strings("hypothetical").map(Self.phrase) ?? [])
      alleged = PhraseSet(try modality["alleged"]?.strings("alleged").map(Self.phrase) ?? [])
      negation = PhraseSet(try modality["negation"]?.strings("negation").map(Self.phrase) ?? [])
    }
    if let attribution = root["attribution"] {
      try attribution.checkKeys(["verbs", "irregular", "prepositions", "sources"], in: "attribution")
      var irr: [String: [String]] = [:]
      if let i = attribution["irregular"] {
        for (verb, forms) in try i.pairs("attribution irregular") { irr[verb] = try forms.strings(verb) }
      }
      for verb in try attribution["verbs"]?.strings("verbs") ?? [] {
        let forms = irr[verb] ?? Inflector.forms(of: verb).map(\.0)
        for form in forms + [verb] {
          attributionVerbs.insert(form)
          constructions.insert(Self.phrase(form), into: .speakingVerbs)
        }
      }
      attributionPrepositions = PhraseSet(
        try attribution["prepositions"]?.strings("prepositions").map(Self.phrase) ?? [])
      attributionSources = Set(try attribution["sources"]?.strings("sources") ?? [])
    }
  }

  static func phrase(_ s: String) -> [String] {
    if s.contains("-") || s.contains(".") { return Tokenizer.tokenize(s).map(\.lower) }
    return s.split(separator: " ").map { Tokenizer.normalize(String($0)) }
  }

  mutating func addVerb(_ verb: String, type: RelationType, irregular: [String: (String, String)]) {
    let words = verb.lowercased().split(separator: " ").map(String.init)
    guard let head = words.first else { return }
    let rest = Array(words.dropFirst())
    let endsInPreposition = rest.last.map { Self.prepositions.contains($0) } ?? false
    var forms = Inflector.forms(of: head)
    if let (past, participle) = irregular[head] {
      forms.removeAll { $0.1 == .past || $0.1 == .participle }
      forms.append((past, .past))
      forms.append((participle, .participle))
    }
    for (form, kind) in forms {
      let tokens = Tokenizer.tokenize(([form] + rest).joined(separator: " ")).map(\.lower)
      cues[tokens[0], default: []].append(
        Cue(type: type, tokens: tokens, form: kind, endsInPreposition: endsInPreposition, lemma: verb))
    }
  }

  mutating func addNoun(_ noun: String, type: RelationType) {
    let tokens = Tokenizer.tokenize(noun).map(\.lower)
    guard let first = tokens.first else { return }
    cues[first, default: []].append(
      Cue(type: type, tokens: tokens, form: .noun, endsInPreposition: false, lemma: noun))
  }
}

/// Regular English verb inflection, enough for cue verbs.
enum Inflector {
  static func forms(of verb: String) -> [(String, CueForm)] {
    let v = verb.lowercased()
    var result: [(String, CueForm)] = [(v, .base)]
    let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    let last = v.last ?? "x"
    let beforeLast = v.dropLast().last ?? "x"
    // 3rd person
    if v.hasSuffix("s") || v.hasSuffix("sh") || v.hasSuffix("ch") || v.hasSuffix("x") || v.hasSuffix("z") {
      result.append((v + "es", .thirdPerson))
    } else if last == "y" && !vowels.contains(beforeLast) {
      result.append((v.dropLast() + "ies", .thirdPerson))
    } else {
      result.append((v + "s", .thirdPerson))
    }
    // past / participle / gerund
    var pasts: [String] = []
    var gerunds: [String] = []
    if last == "e" {
      pasts.append(v + "d")
      gerunds.append(v.dropLast() + "ing")
    } else if last == "y" && !vowels.contains(beforeLast) {
      pasts.append(v.dropLast() + "ied")
      gerunds.append(v + "ing")
    } else {
      pasts.append(v + "ed")
      gerunds.append(v + "ing")
      let chars = Array(v)
      if chars.count >= 3, !vowels.contains(last), !["w", "x", "y"].contains(last),
        vowels.contains(chars[chars.count - 2]),
        !vowels.contains(chars[chars.count - 3])
      {
        pasts.append(v + String(last) + "ed")
        gerunds.append(v + String(last) + "ing")
      }
    }
    for p in pasts {
      result.append((p, .past))
      result.append((p, .participle))
    }
    for g in gerunds { result.append((g, .gerund)) }
    return result
  }
}
