public import KGModel

/// Turns a document into entities, mentions and typed edges with provenance.
///
/// ```swift
/// let extractor = Extractor(configuration: try .load())
/// let result = extractor.extract(document)
/// for edge in result.edges { print(edge.source, edge.type, edge.target) }
/// ```
public struct Extractor: Sendable {
  public let configuration: ExtractionConfiguration

  public init(configuration: ExtractionConfiguration) {
    self.configuration = configuration
  }

  public func extract(_ document: Document) -> DocumentExtraction {
    run(document, tracing: false).extraction
  }

  /// Extracts and records, per sentence, the mentions and the rule behind each statement.
  public func explain(_ document: Document) -> ExtractionTrace {
    run(document, tracing: true).trace
  }

  func run(_ document: Document, tracing: Bool) -> (extraction: DocumentExtraction, trace: ExtractionTrace) {
    var state = DocumentState()
    let finder = MentionFinder(configuration: configuration)
    // Copied out of the configuration once per document, not once per sentence.
    let lexicon = configuration.lexicon
    let judge = ModalityJudge(lexicon: lexicon)
    // The cue table alone is what each sentence's analysis reads: passing it, not the whole
    // lexicon, spares copying the lexicon's tables once per sentence.
    let cues = lexicon.cues
    let entityKinds = configuration.entityKinds
    let parser = configuration.parser
    var statements: [RelationStatement] = []
    var mentions: [Mention] = []
    var trace = ExtractionTrace(document: document.path, sentences: [])
    let scalars = document.text.scalars
    var previousColon = false
    let quotations = OpenQuotations(document)
    // Statements of an open quotation, and the sentence where the quotation closes on its speaker.
    var pendingClaimants: [(statement: Int, closing: Int)] = []
    for sentence in document.sentences {
      state.sentence = sentence.index
      let tokens = Tokenizer.tokenize(scalars, in: sentence.span)
      let hits = finder.find(in: tokens, headline: sentence.isHeadline, state: &state)
      let kind: (String) -> EntityKind? = { id in entityKinds[id] ?? state.discovered[id]?.kind }
      let closing = quotations.closing[sentence.index]
      // The sentence's text, made once and only for a statement or a trace (most sentences give
      // neither).
      var madeQuote: String?
      func quote() -> String {
        if let madeQuote { return madeQuote }
        let text = document.text[sentence.span]
        madeQuote = text
        return text
      }
      var traced = TracedSentence(index: sentence.index, text: tracing ? quote() : "", mentions: [], statements: [])
      // A relation joins two mentions, the first an actor (`admissible`): no rule reads a sentence
      // with fewer mentions (`RuleBook.findings`), and no statement comes of one that names no
      // actor ("between Idlib and Hama"), so outside `kg explain` their analysis (parse, cues,
      // owners, kinds) is not made at all.
      var findings: [Finding] = []
      var analysis: SentenceAnalysis?
      if tracing || hits.count >= 2 && hits.contains(where: { kind($0.entityID)?.isActor == true }) {
        var made = SentenceAnalysis(
          sentence: sentence, tokens: tokens, mentions: hits, cues: cues,
          cueModifiers: lexicon.cueModifiers, words: lexicon.constructions, entityKind: kind, parser: parser,
          alwaysParse: tracing)
        made.previousEndsWithColon = previousColon
        made.inOpenQuotation = closing != nil
        made.side = { root(of: $0, state: state) }
        if tracing {
          traced.grammar = made.parse.description.split(separator: "\n").map(String.init)
        }
        findings = RuleBook.findings(in: made)
        analysis = made
      }
      previousColon = scalars[sentence.span.end - 1] == ":"
      for hit in hits {
        let span = TextSpan(
          start: tokens[hit.range.lowerBound].span.start, end: tokens[hit.range.upperBound - 1].span.end)
        let mention = Mention(entityID: hit.entityID, span: span, surface: document.text[span], origin: hit.origin)
        mentions.append(mention)
        if tracing { traced.mentions.append(mention) }
      }
      var seen = Set<StatementKey>()
      do {
        for finding in findings {
          guard let (modality, claimantMention) = judge.judge(finding, in: analysis!) else { continue }
          let claimant = claimantMention.map { hits[$0].entityID }
          for s in finding.sources {
            for t in finding.targets {
              let source = hits[s].entityID
              var target = finding.rollUpTargets ? root(of: hits[t].entityID, state: state) : hits[t].entityID
              // A capital hit or taken is the city; speaking or acting, it is its state.
              if finding.type == .attack || finding.type == .capture,
                let city = configuration.capitalCity(
                  of: target, writtenAs: mentions[mentions.count - hits.count + t].surface)
              {
                target = city
              }
              guard source != target, admissible(finding.type, source: source, target: target, kind: kind, state: state)
              else { continue }
              guard
                seen.insert(StatementKey(source: source, type: finding.type, target: target, modality: modality))
                  .inserted
              else { continue }
              let provenance = Provenance(
                document: document.path, sentence: sentence.index, span: sentence.span, quote: quote(),
                rule: finding.rule, modality: modality, claimant: claimant)
              let statement = RelationStatement(
                source: source, type: finding.type, target: target, provenance: provenance)
              if modality == .alleged, claimant == nil, let closing {
                pendingClaimants.append((statements.count, closing))
              }
              statements.append(statement)
              traced.statements.append(statement)
            }
          }
        }
      }
      // Statements derived from the judged ones (an allegation by a party accuses the source).
      let context = StatementContext(
        kind: kind, partOf: { entity($0, state: state)?.partOf }, root: { root(of: $0, state: state) })
      for derivation in RuleBook.statementDerivations {
        for statement in derivation.derive(from: traced.statements, context: context) {
          guard admissible(statement.type, source: statement.source, target: statement.target, kind: kind, state: state)
          else { continue }
          let key = StatementKey(
            source: statement.source, type: statement.type, target: statement.target,
            modality: statement.provenance.modality)
          guard seen.insert(key).inserted else { continue }
          statements.append(statement)
          traced.statements.append(statement)
        }
      }
      if tracing { trace.sentences.append(traced) }
      for attack in traced.statements where attack.type == .attack {
        state.recentAttackers.removeAll { $0 == attack.source }
        state.recentAttackers.append(attack.source)
        state.attackersByModality[attack.provenance.modality, default: []].removeAll { $0 == attack.source }
        state.attackersByModality[attack.provenance.modality, default: []].append(attack.source)
      }
    }
    // "“… launched the operation. Our mission is …,” Erdogan said.": the speaker after the closing
    // quote claims what the quotation's earlier sentences say.
    for (index, closing) in pendingClaimants {
      guard let quoteEnd = quotations.closingQuote[closing] else { continue }
      let speaker = mentions.first { m in
        m.span.start >= quoteEnd && m.span.start - quoteEnd < 40 && m.span.end <= document.sentences[closing].span.end
          && (entity(m.entityID, state: state)?.kind.isActor ?? false)
      }
      statements[index].provenance.claimant = speaker?.entityID
    }
    let edges = merge(statements)
    let entities = documentEntities(mentions: mentions, edges: edges, state: state)
    trace.entities = entities
    if tracing { trace.typeEvidence = state.typeEvidence }
    return (DocumentExtraction(document: document, entities: entities, mentions: mentions, edges: edges), trace)
  }

  /// Only actors act; places are only attacked or taken (GUIDELINES.md, "What is annotated").
  func admissible(
    _ type: RelationType, source: String, target: String, kind: (String) -> EntityKind?, state: DocumentState
  ) -> Bool {
    guard let sourceKind = kind(source), let targetKind = kind(target) else { return false }
    guard sourceKind.isActor else { return false }
    // One does not threaten or capture one's own side ("Assad vowed to retake Syria").
    if type == .threaten || type == .capture, targetKind.isActor,
      root(of: source, state: state) == root(of: target, state: state)
    {
      return false
    }
    switch type {
    case .attack, .capture: return true
    case .threaten: return true
    default: return targetKind.isActor
    }
  }

  /// One edge per (source, type, target) in the document, with the strongest modality of its
  /// statements (asserted over alleged over hypothetical) and every statement as provenance.
  func merge(_ statements: [RelationStatement]) -> [Edge] {
    // The statements of each unordered (symmetric types) or ordered pair and type, in order of
    // first statement.
    struct PairKey: Hashable {
      var a: String
      var type: RelationType
      var b: String
    }
    var index: [PairKey: Int] = [:]
    var groups: [[RelationStatement]] = []
    for s in statements {
      let (a, b) = s.type.isSymmetric && s.target < s.source ? (s.target, s.source) : (s.source, s.target)
      let key = PairKey(a: a, type: s.type, b: b)
      if let g = index[key] {
        groups[g].append(s)
      } else {
        index[key] = groups.count
        groups.append([s])
      }
    }
    return groups.map { group in
      let strongest = group.map(\.provenance.modality).max()!
      let claimant =
        strongest == .alleged
        ? group.first { $0.provenance.modality == .alleged && $0.provenance.claimant != nil }?.provenance.claimant : nil
      let first = group[0]
      return Edge(
        key: EdgeKey(source: first.source, type: first.type, target: first.target, modality: strongest),
        assertedBy: claimant, provenance: group.map(\.provenance))
    }
  }

  func documentEntities(mentions: [Mention], edges: [Edge], state: DocumentState) -> [Entity] {
    var collected = EntityCollector()
    let parent = { (id: String) in entity(id, state: state)?.partOf }
    for m in mentions { collected.include(m.entityID, parent: parent) }
    for e in edges {
      collected.include(e.source, parent: parent)
      collected.include(e.target, parent: parent)
      if let c = e.assertedBy { collected.include(c, parent: parent) }
    }
    let ids = collected.ids
    return ids.compactMap { id in
      guard var entity = entity(id, state: state) else { return nil }
      for surface in state.surfaces[id] ?? [] where surface != entity.name && !entity.aliases.contains(surface) {
        entity.aliases.append(surface)
      }
      return entity
    }
  }

  /// The outermost actor an entity belongs to.
  func root(of id: String, state: DocumentState) -> String {
    var current = id
    var seen: Set<String> = []
    while let parent = entity(current, state: state)?.partOf, seen.insert(current).inserted { current = parent }
    return current
  }

  func entity(_ id: String, state: DocumentState) -> Entity? {
    configuration.dictionary.entity(id) ?? state.discovered[id]
  }
}

/// The entities a document names, each once in order of first mention, followed by those it
/// belongs to. (A value with a mutating method: a set that a nested function captured was
/// copied, its tables retained and released, at every call.)
struct EntityCollector {
  private(set) var ids: [String] = []
  /// A word table rather than a Set: ids are hashed with the cheap FNV of `WordHash`.
  private var seen = WordSet()
  private var previous = ""

  mutating func include(_ id: String, parent: (String) -> String?) {
    // The same actor named twice running (most mentions) is known without hashing.
    if id == previous { return }
    previous = id
    var next: String? = id
    while let current = next, !seen.contains(current) {
      seen.insert(current)
      ids.append(current)
      next = parent(current)
    }
  }
}

/// A statement's identity within a sentence: one statement per source, type, target and modality.
struct StatementKey: Hashable {
  var source: String
  var type: RelationType
  var target: String
  var modality: Modality
}

/// The sentences inside a quotation that closes in a later sentence: "“The army launched … . Our
/// mission is …,” Erdogan said." Keyed by sentence index: the index of the sentence where the
/// quotation closes, and there the offset right after the closing quote.
struct OpenQuotations {
  var closing: [Int: Int] = [:]
  var closingQuote: [Int: Int] = [:]

  init(_ document: Document) {
    let scalars = document.text.scalars
    let sentences = document.sentences
    for (n, sentence) in sentences.enumerated() {
      var start = sentence.span.start
      while start < sentence.span.end, scalars[start].properties.isWhitespace { start += 1 }
      guard start < sentence.span.end, scalars[start] == "“" || scalars[start] == "\"" else { continue }
      let straight = scalars[start] == "\""
      let isClose = { (c: Unicode.Scalar) in straight ? c == "\"" : c == "”" }
      // Open: no closing quote in the rest of this sentence.
      guard !(start + 1..<sentence.span.end).contains(where: { isClose(scalars[$0]) }) else { continue }
      // The quotation closes within the next three sentences, and words follow its quote there.
      for later in sentences[(n + 1)..<min(sentences.count, n + 4)] {
        let range = later.span.start..<later.span.end
        if range.contains(where: { scalars[$0] == "“" }) && !straight { break }
        guard let close = range.first(where: { isClose(scalars[$0]) }) else { continue }
        if close + 2 < later.span.end {
          closing[sentence.index] = later.index
          closingQuote[later.index] = close + 1
        }
        break
      }
    }
  }
}
