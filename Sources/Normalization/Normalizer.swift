import Dispatch
import Foundation
import ScanModel
import Taxonomy
import TextAnalysis
import Utilities

/// The normalisation stage: codes each statement in every facet, with a confidence and reasons.
/// The mitigation code comes from the classifier (whose features include thesaurus concepts) or, without
/// a model, from the thesaurus alone; the other facets come from the concepts' links, falling back to the
/// primary code's usual facet codes. People's decisions in decisions/codes.csv win over both.
public struct Normalizer: Sendable {
  struct Thresholds: Sendable {
    /// Without a model (the thesaurus alone), below this confidence the primary code needs review; with
    /// a model, the model's own calibrated `reviewThreshold` decides.
    var reviewConfidence = 0.35
    /// A primary code this close to the runner-up needs review.
    var reviewMargin = 0.10
    /// Below this confidence no subcategory fits: the statement gets a "not otherwise categorized" code.
    var noFitConfidence = 0.12

    init() {}
  }

  public let taxonomy: TaxonomySet
  let classifier: MitigationClassifier?
  let matcher: ConceptMatcher
  let analyzer: TextAnalyzer
  var thresholds = Thresholds()
  private let statementAnalyzer: StatementAnalyzer
  private var decisions: [String: [String: [CodeDecision]]] = [:]
  private let codeNames: [String: [String: String]]
  /// "3.1 Testing & Auditing" by facet and code, written once.
  private let displayNames: [String: [String: String]]
  private let links: ConceptLinks
  private let thesaurusVote: ThesaurusVote
  /// Per concept, "points to 3.1 Testing & Auditing, ..." of its mitigation codes.
  private let mitigationPointers: [String]
  /// Per stored example of the model, the reason that names it as a nearest example.
  private let exampleReasons: [String]

  /// - Throws: `InputError` naming the decision's line when it names a facet or code the taxonomy lacks.
  public init(taxonomy: TaxonomySet, model: ClassifierModel?, decisions: [CodeDecision]) throws {
    self = try Normalizer(taxonomy: taxonomy, model: model).applying(decisions)
  }

  /// A normalizer with no decisions: every code is the machine's own.
  public init(taxonomy: TaxonomySet, model: ClassifierModel?) {
    self.taxonomy = taxonomy
    analyzer = TextAnalyzer()
    matcher = ConceptMatcher(thesaurus: taxonomy.thesaurus, analyzer: analyzer)
    classifier = model.map(MitigationClassifier.init)
    statementAnalyzer = StatementAnalyzer(matcher: matcher, analyzer: analyzer, space: classifier?.space)
    var names: [String: [String: String]] = [:]
    for facet in taxonomy.allFacets {
      names[facet.facet] = Dictionary(uniqueKeysWithValues: facet.codes.map { ($0.code, $0.name) })
    }
    codeNames = names
    let displayNames = names.mapValues { facetNames in
      Dictionary(uniqueKeysWithValues: facetNames.map { ($0.key, "\($0.key) \($0.value)") })
    }
    self.displayNames = displayNames
    func display(_ code: String) -> String { displayNames["mitigation"]?[code] ?? code }
    links = ConceptLinks(concepts: matcher.concepts, facets: taxonomy.allFacets.map(\.facet))
    thesaurusVote = ThesaurusVote(concepts: matcher.concepts)
    mitigationPointers = matcher.concepts.map { concept in
      (concept.codes?["mitigation"] ?? []).map(display).joined(separator: ", ")
    }
    exampleReasons =
      classifier?.model.examples.map { example in
        "nearest coded example \(example.id) (\(example.origin)) is \(display(example.code))"
      } ?? []
  }

  /// This normalizer with people's decisions, which beat its own codes for the statements they name. The
  /// scan builds the normalizer while the frameworks are read, before the decisions can be.
  ///
  /// - Throws: `InputError` naming the decision's line when it names a facet or code the taxonomy lacks.
  public func applying(_ decisions: [CodeDecision]) throws -> Normalizer {
    var grouped: [String: [String: [CodeDecision]]] = [:]
    for decision in decisions {
      guard let facetNames = codeNames[decision.facet] else {
        throw InputError(
          decision.source,
          "unknown facet `\(decision.facet)`; the facets are \(codeNames.keys.sorted().joined(separator: ", "))"
        )
      }
      guard facetNames[decision.code] != nil else {
        throw InputError(decision.source, "facet `\(decision.facet)` has no code `\(decision.code)`")
      }
      grouped[decision.statementID, default: [:]][decision.facet, default: []].append(decision)
    }
    var applied = self
    applied.decisions = grouped
    return applied
  }

  public func analyse(title: String?, text: String, context: StatementContext? = nil) -> StatementAnalysis {
    statementAnalyzer.analyse(title: title, text: text, context: context?.text)
  }

  /// "3.1 Testing & Auditing".
  public func display(_ code: String, facet: String = "mitigation") -> String {
    displayNames[facet]?[code] ?? code
  }

  /// Codes many statements on all cores; the result is in the input's order whatever the scheduling.
  public func code(_ statements: [Statement]) -> [StatementCoding] {
    Parallel.map(statements.count) { index in
      let statement = statements[index]
      return code(
        statementID: statement.id, title: statement.title, text: statement.text,
        context: StatementContext(statement))
    }
  }

  public func code(statementID: String, title: String?, text: String, context: StatementContext? = nil)
    -> StatementCoding
  {
    let analysis = analyse(title: title, text: text, context: context)
    var primary = codeMitigation(statementID: statementID, analysis: analysis, context: context)
    if let human = decisions[statementID]?["mitigation"]?.first {
      primary = override(primary, with: human)
    }
    var assignments = [primary]
    for (position, facet) in taxonomy.facets.enumerated() {
      if let human = decisions[statementID]?[facet.facet] {
        assignments += human.enumerated().map { offset, decision in
          CodeAssignment(
            statementID: statementID, facet: facet.facet, code: decision.code, rank: offset + 1, score: 1,
            method: .human, reasons: [decisionReason(decision)], needsReview: false)
        }
      } else {
        assignments += codeFacet(
          facet, position: position + 1, statementID: statementID, analysis: analysis,
          primaryCode: primary.code)
      }
    }
    return StatementCoding(statementID: statementID, concepts: analysis.concepts, assignments: assignments)
  }

  // MARK: The mitigation taxonomy

  /// The mitigation codes in order of preference, best first: the primary code (which may be a
  /// "not otherwise categorized" code) followed by the runners-up. What `evaluate` scores top-k on.
  public func rankedMitigationCodes(title: String?, text: String, context: StatementContext? = nil)
    -> [String]
  {
    let analysis = analyse(title: title, text: text, context: context)
    let primary = codeMitigation(statementID: "", analysis: analysis, context: context).code
    let ranked: [String]
    if let classifier {
      let probabilities = classifier.probabilities(
        classifier.vector(analysis), thesaurus: thesaurusShares(analysis))
      ranked = Self.ranking(classifier, probabilities).map(\.code)
    } else {
      ranked = thesaurusRanking(analysis).map(\.code)
    }
    return [primary] + ranked.filter { $0 != primary }
  }

  /// The mitigation codes ranked best first, how they were ranked, and the reasons for the first.
  private struct MitigationRanking {
    var ranked: [(code: String, probability: Double)]
    var method: CodeAssignment.Method
    var reasons: [CodingReason]
    /// With a model: the calibrated probability that the first code is right.
    var probabilityRight: Double?
  }

  private func codeMitigation(statementID: String, analysis: StatementAnalysis, context: StatementContext?)
    -> CodeAssignment
  {
    let ranking =
      classifier.map { rankWithClassifier($0, analysis: analysis, context: context) }
      ?? rankWithThesaurus(analysis)
    let ranked = ranking.ranked
    guard let top = ranked.first, top.probability >= thresholds.noFitConfidence else {
      return notOtherwiseCategorized(
        statementID: statementID, ranked: ranked, method: ranking.method, reasons: ranking.reasons)
    }
    var reasons = ranking.reasons
    let review = reviewReason(ranked: ranked, probabilityRight: ranking.probabilityRight)
    if let review { reasons.append(review) }
    for alternative in ranked.dropFirst().prefix(2) where alternative.probability > 0 {
      reasons.append(
        CodingReason(
          kind: .alternative, text: "runner-up \(display(alternative.code))", weight: alternative.probability)
      )
    }
    return CodeAssignment(
      statementID: statementID, facet: "mitigation", code: top.code, rank: 1,
      score: (ranking.probabilityRight ?? top.probability).rounded(toPlaces: 4),
      method: ranking.method, reasons: reasons, needsReview: review != nil)
  }

  /// The model's ranking, with the reasons for its first code: the concepts pointing to it, the words of
  /// the statement's section, the features weighing most, and the nearest coded examples.
  private func rankWithClassifier(
    _ classifier: MitigationClassifier, analysis: StatementAnalysis, context: StatementContext?
  ) -> MitigationRanking {
    let vector = classifier.vector(analysis)
    let probabilities = classifier.probabilities(vector, thesaurus: thesaurusShares(analysis))
    let ranked = Self.ranking(classifier, probabilities)
    var reasons: [CodingReason] = []
    if let top = ranked.first, let classIndex = classifier.model.classes.firstIndex(of: top.code) {
      reasons += conceptReasons(analysis, code: top.code)
      if let section = context?.section {
        let words = classifier.topFeatures(vector, classIndex: classIndex, limit: 3) { $0 == .context }
        let weight = words.reduce(0) { $0 + $1.1 }
        reasons.append(
          CodingReason(
            kind: .feature,
            text: words.isEmpty
              ? "under “\(section)”: no word of its section or fields weighs for \(top.code)"
              : "under “\(section)”: \(words.map(\.0).joined(separator: ", ")) weigh for \(top.code)",
            weight: weight))
      }
      for (feature, weight) in classifier.topFeatures(
        vector, classIndex: classIndex, limit: 5, where: { $0 != .context })
      {
        reasons.append(
          CodingReason(kind: .feature, text: "\(feature) weighs for \(top.code)", weight: weight))
      }
      for (example, similarity) in classifier.nearestExampleIndices(vector, limit: 3) {
        reasons.append(CodingReason(kind: .example, text: exampleReasons[example], weight: similarity))
      }
    }
    return MitigationRanking(
      ranked: ranked, method: .classifier, reasons: reasons,
      probabilityRight: classifier.probabilityRight(probabilities))
  }

  private func rankWithThesaurus(_ analysis: StatementAnalysis) -> MitigationRanking {
    let ranked = thesaurusRanking(analysis)
    let reasons = ranked.first.map { conceptReasons(analysis, code: $0.code) } ?? []
    return MitigationRanking(ranked: ranked, method: .thesaurus, reasons: reasons, probabilityRight: nil)
  }

  /// The model's classes by probability, best first; ties by code.
  private static func ranking(_ classifier: MitigationClassifier, _ probabilities: [Double])
    -> [(code: String, probability: Double)]
  {
    zip(classifier.model.classes, probabilities).sorted {
      $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0
    }.map { ($0.0, $0.1) }
  }

  /// Why the first code needs review, or nil when it does not: with a model, its calibrated probability
  /// of being right decides; without one, its confidence and its margin over the runner-up.
  private func reviewReason(ranked: [(code: String, probability: Double)], probabilityRight: Double?)
    -> CodingReason?
  {
    guard let top = ranked.first else { return nil }
    let runnerUp = ranked.count > 1 ? ranked[1].probability : 0
    if let probabilityRight, let classifier {
      let threshold = classifier.model.hyperparameters.reviewThreshold
      guard probabilityRight < threshold else { return nil }
      return CodingReason(
        kind: .rule,
        text:
          "calibrated probability of being right \(Self.format(probabilityRight)) is under \(Self.format(threshold)): needs review"
      )
    } else if top.probability < thresholds.reviewConfidence {
      return CodingReason(
        kind: .rule,
        text:
          "confidence \(Self.format(top.probability)) is under \(Self.format(thresholds.reviewConfidence)): needs review"
      )
    } else if top.probability - runnerUp < thresholds.reviewMargin {
      return CodingReason(
        kind: .rule, text: "the runner-up is within \(Self.format(thresholds.reviewMargin)): needs review")
    }
    return nil
  }

  /// Without a model: each leaf code scores the weights of the concepts that point to it.
  private func thesaurusRanking(_ analysis: StatementAnalysis) -> [(code: String, probability: Double)] {
    let (shares, total) = thesaurusVote.shares(concepts: distinctConcepts(analysis))
    // Little evidence means little confidence, however it is shared out.
    let strength = min(1, total / 1.5)
    return shares.map { ($0.code, $0.share * strength) }.sorted {
      $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0
    }
  }

  /// The thesaurus's shares by code, for the classifier's ensemble.
  private func thesaurusShares(_ analysis: StatementAnalysis) -> [String: Double] {
    Dictionary(
      uniqueKeysWithValues: thesaurusVote.shares(concepts: distinctConcepts(analysis)).shares.map {
        ($0.code, $0.share)
      })
  }

  private func notOtherwiseCategorized(
    statementID: String, ranked: [(code: String, probability: Double)], method: CodeAssignment.Method,
    reasons: [CodingReason]
  ) -> CodeAssignment {
    var categoryShare: [String: Double] = [:]
    for entry in ranked {
      categoryShare[String(entry.code.prefix(while: { $0 != "." })), default: 0] += entry.probability
    }
    let best = categoryShare.filter { $0.key != "X" }.max { ($0.value, $1.key) < ($1.value, $0.key) }
    let code = best.map { $0.value >= 0.5 ? "\($0.key).X" : "X.X" } ?? "X.X"
    var allReasons = reasons
    allReasons.append(
      CodingReason(
        kind: .rule,
        text: ranked.isEmpty
          ? "no concept or feature points to any code: not otherwise categorized, needs review"
          : "no subcategory reaches \(Self.format(thresholds.noFitConfidence)): not otherwise categorized, needs review"
      ))
    return CodeAssignment(
      statementID: statementID, facet: "mitigation", code: code, rank: 1,
      score: (ranked.first?.probability ?? 0).rounded(toPlaces: 4), method: method, reasons: allReasons,
      needsReview: true)
  }

  private func conceptReasons(_ analysis: StatementAnalysis, code: String) -> [CodingReason] {
    let category = String(code.prefix(while: { $0 != "." }))
    var reasons: [CodingReason] = []
    var seen: [Int] = []
    for match in analysis.concepts {
      guard let concept = matcher.index(of: match) else { continue }
      let codes = links.codes(of: concept, facet: 0)
      guard codes.contains(code) || codes.contains(category), !seen.contains(concept) else { continue }
      seen.append(concept)
      let place = match.field == "title" ? "in the title" : "at \(match.start)–\(match.end)"
      reasons.append(
        CodingReason(
          kind: .concept,
          text:
            "concept \(match.conceptID) (“\(match.words)” \(place)) points to \(mitigationPointers[concept])",
          weight: links.weights[concept] ?? 1))
    }
    return reasons
  }

  // MARK: The other facets

  private func codeFacet(
    _ facet: TaxonomyFacet, position: Int, statementID: String, analysis: StatementAnalysis,
    primaryCode: String
  ) -> [CodeAssignment] {
    let evidence = facetEvidence(analysis, position: position)
    if let top = evidence.map(\.value).max(), top >= 0.5 {
      let kept = evidence.filter { $0.value >= max(0.5, 0.4 * top) }.sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
      }.prefix(3)
      return kept.enumerated().map { offset, entry in
        // Reasons are written only for the codes kept, not for every code some concept pointed to.
        let sources = entry.because.prefix(4).map { "\($0.conceptID) (“\($0.words)”)" }
        return CodeAssignment(
          statementID: statementID, facet: facet.facet, code: entry.key, rank: offset + 1,
          score: (min(1, entry.value / 2)).rounded(toPlaces: 4), method: .thesaurus,
          reasons: [
            CodingReason(
              kind: .concept,
              text:
                "concepts \(sources.joined(separator: ", ")) point to \(display(entry.key, facet: facet.facet))",
              weight: entry.value)
          ], needsReview: false)
      }
    }
    return usualFacetCodes(facet, statementID: statementID, primaryCode: primaryCode)
  }

  /// Per code of the facet at `position`, the weight of the concepts found that point to it, and those
  /// concepts' matches.
  private func facetEvidence(_ analysis: StatementAnalysis, position: Int)
    -> [(key: String, value: Double, because: [ConceptMatch])]
  {
    // A handful of codes at most: arrays in first-seen order beat dictionaries here.
    var evidence: [(key: String, value: Double, because: [ConceptMatch])] = []
    var seen: [Int] = []
    for match in analysis.concepts {
      guard let concept = matcher.index(of: match), !seen.contains(concept) else { continue }
      seen.append(concept)
      for code in links.codes(of: concept, facet: position) {
        let weight = max(links.weights[concept] ?? 1, 0.5)
        if let slot = evidence.firstIndex(where: { $0.key == code }) {
          evidence[slot].value += weight
          evidence[slot].because.append(match)
        } else {
          evidence.append((code, weight, [match]))
        }
      }
    }
    return evidence
  }

  /// When nothing in the text points to a code of the facet: the primary code's usual ones.
  private func usualFacetCodes(_ facet: TaxonomyFacet, statementID: String, primaryCode: String)
    -> [CodeAssignment]
  {
    let defaults = taxonomy.facetDefaults.codes(for: primaryCode, facet: facet.facet)
    return defaults.enumerated().map { offset, code in
      CodeAssignment(
        statementID: statementID, facet: facet.facet, code: code, rank: offset + 1, score: 0.5, method: .rule,
        reasons: [
          CodingReason(
            kind: .rule,
            text:
              "nothing in the text names a \(facet.name.lowercased()); the usual one for \(display(primaryCode)) is \(display(code, facet: facet.facet))"
          )
        ], needsReview: false)
    }
  }

  /// Each concept found once, in the order first found.
  private func distinctConcepts(_ analysis: StatementAnalysis) -> [Int] {
    var concepts: [Int] = []
    for match in analysis.concepts {
      if let concept = matcher.index(of: match), !concepts.contains(concept) { concepts.append(concept) }
    }
    return concepts
  }

  // MARK: Human decisions

  private func override(_ machine: CodeAssignment, with decision: CodeDecision) -> CodeAssignment {
    var reasons = [decisionReason(decision)]
    reasons.append(
      CodingReason(
        kind: .alternative,
        text: "the machine suggested \(display(machine.code)) by \(machine.method.rawValue)",
        weight: machine.score))
    return CodeAssignment(
      statementID: machine.statementID, facet: "mitigation", code: decision.code, rank: 1, score: 1,
      method: .human, reasons: reasons, needsReview: false)
  }

  private func decisionReason(_ decision: CodeDecision) -> CodingReason {
    CodingReason(
      kind: .decision,
      text:
        "coded \(display(decision.code, facet: decision.facet)) by \(decision.coder) on \(decision.date): "
        + "\(decision.rationale) (\(decision.source))")
  }

  static func format(_ value: Double) -> String {
    String(format: "%.2f", value)
  }
}
