import Foundation
import ScanModel

/// Scores a pair of analysed statements and decides merge, review or distinct.
///
/// score = (w_tfidf·cosine + w_lexical·containment + w_concepts·conceptJaccard) / (sum of the weights used),
/// with the concept part left out when neither statement has concepts. A merge needs the score at or above
/// `thresholds.merge` and every gate: the same leading action kind, object similarity at or above
/// `thresholds.object` (see `ObjectTally` for what the object is), no two-sided object substitution, and no
/// two-sided concept difference. A pair that
/// fails a gate but scores at or above `thresholds.review` is kept for review with the reason.
struct PairScorer: Sendable {
  let corpus: AnalysedCorpus
  let weights: DeduplicationConfiguration.Weights
  let thresholds: DeduplicationConfiguration.Thresholds
  let actionNames: [String]

  /// Below this score a pair is distinct and a conflict in any cluster, whatever its object.
  let floor: Double

  init(corpus: AnalysedCorpus, configuration: DeduplicationConfiguration, actionNames: [String]) {
    self.corpus = corpus
    self.weights = configuration.weights
    self.thresholds = configuration.thresholds
    self.actionNames = actionNames
    self.floor = min(configuration.thresholds.review, configuration.thresholds.pairFloor)
  }

  /// The measurements and verdict for statements `a` and `b` (indices into the corpus).
  func score(_ a: Int, _ b: Int) -> PairScore {
    let terms = corpus.terms
    let unit = corpus.unitWeights
    let counts = corpus.counts
    let idf = corpus.idf
    let leadingTerms = corpus.leadingTerms
    let leadingA = corpus.leadingRange(a)
    let leadingB = corpus.leadingRange(b)

    var positionA = corpus.offsets[a]
    let endA = corpus.offsets[a + 1]
    var positionB = corpus.offsets[b]
    let endB = corpus.offsets[b + 1]
    let countA = endA - positionA
    let countB = endB - positionB

    let conceptsPresent =
      corpus.conceptOffsets[a] != corpus.conceptOffsets[a + 1]
      || corpus.conceptOffsets[b] != corpus.conceptOffsets[b + 1]
    let (concepts, conceptConflict) = conceptsPresent ? conceptOverlap(a, b) : (nil, false)

    // Most candidate pairs are far apart: the score alone (one cheap pass) shows that they are distinct and
    // would conflict in any cluster, so the object is not worked out for them.
    var dot = 0.0
    var common = 0
    do {
      var first = positionA
      var second = positionB
      while first < endA && second < endB {
        let termA = terms[first]
        let termB = terms[second]
        if termA == termB {
          dot += unit[first] * unit[second]
          common += 1
          first += 1
          second += 1
        } else if termA < termB {
          first += 1
        } else {
          second += 1
        }
      }
    }
    let tfidf = min(1, max(0, dot))
    let smaller = min(countA, countB)
    let lexical = smaller > 0 ? Double(common) / Double(smaller) : 0
    var numerator = weights.tfidf * tfidf + weights.lexical * lexical
    var denominator = weights.tfidf + weights.lexical
    if let concepts {
      numerator += weights.concepts * concepts
      denominator += weights.concepts
    }
    let score = denominator > 0 ? numerator / denominator : 0
    if score < floor {
      return PairScore(
        score: score, tfidf: tfidf, concepts: concepts, lexical: lexical, object: 0, sameAction: false,
        substitution: false, conceptConflict: conceptConflict, compatible: false, verdict: .distinct)
    }

    var tally = ObjectTally(leadingA: leadingA, leadingB: leadingB, leadingTerms: leadingTerms)
    while positionA < endA && positionB < endB {
      let termA = terms[positionA]
      let termB = terms[positionB]
      if termA == termB {
        tally.add(termA, counts[positionA], counts[positionB], weight: idf[Int(termA)])
        positionA += 1
        positionB += 1
      } else if termA < termB {
        tally.add(termA, counts[positionA], 0, weight: idf[Int(termA)])
        positionA += 1
      } else {
        tally.add(termB, 0, counts[positionB], weight: idf[Int(termB)])
        positionB += 1
      }
    }
    while positionA < endA {
      tally.add(terms[positionA], counts[positionA], 0, weight: idf[Int(terms[positionA])])
      positionA += 1
    }
    while positionB < endB {
      tally.add(terms[positionB], 0, counts[positionB], weight: idf[Int(terms[positionB])])
      positionB += 1
    }
    let (weights, words) = tally.totals()
    let objectUnion = weights.0 + weights.1 + weights.2
    let object = objectUnion > 0 ? weights.0 / objectUnion : 0
    // Substitution counts words, not weights: a look-alike that swaps a common word ("pilot" for "staged")
    // is as much a different object as one that swaps a rare word.
    let exclusiveA = words.0 + words.1 > 0 ? Double(words.1) / Double(words.0 + words.1) : 0
    let exclusiveB = words.0 + words.2 > 0 ? Double(words.2) / Double(words.0 + words.2) : 0
    let substitution = exclusiveA > thresholds.substitution && exclusiveB > thresholds.substitution

    // The first action word usually names the practice, but a relative clause or the passive voice can
    // put another action first ("incidents involving the model are reported"), so the same set of kinds
    // counts as the same action too.
    let sameAction =
      corpus.leadingAction[a] == corpus.leadingAction[b] || corpus.actionMask[a] == corpus.actionMask[b]
    let compatible = sameAction && object >= thresholds.object && !substitution && !conceptConflict
    let verdict: SimilarityEdge.Verdict =
      score >= thresholds.merge && compatible ? .merge : score >= thresholds.review ? .review : .distinct
    return PairScore(
      score: score, tfidf: tfidf, concepts: concepts, lexical: lexical, object: object,
      sameAction: sameAction,
      substitution: substitution, conceptConflict: conceptConflict, compatible: compatible, verdict: verdict)
  }

  private func conceptOverlap(_ a: Int, _ b: Int) -> (Double?, Bool) {
    let rangeA = corpus.conceptRange(a)
    let rangeB = corpus.conceptRange(b)
    if rangeA.isEmpty && rangeB.isEmpty { return (nil, false) }
    if rangeA.isEmpty || rangeB.isEmpty { return (0, false) }
    let concepts = corpus.concepts
    var positionA = rangeA.lowerBound
    var positionB = rangeB.lowerBound
    var common = 0
    while positionA < rangeA.upperBound && positionB < rangeB.upperBound {
      if concepts[positionA] == concepts[positionB] {
        common += 1
        positionA += 1
        positionB += 1
      } else if concepts[positionA] < concepts[positionB] {
        positionA += 1
      } else {
        positionB += 1
      }
    }
    let union = rangeA.count + rangeB.count - common
    let conflict = common < rangeA.count && common < rangeB.count
    return (Double(common) / Double(union), conflict)
  }

  /// Why the pair got its verdict, in words a reviewer can check against the two texts.
  func explain(_ a: Int, _ b: Int, _ pair: PairScore) -> String {
    var reasons: [String] = []
    let actionA = actionName(corpus.leadingAction[a])
    let actionB = actionName(corpus.leadingAction[b])
    if pair.verdict == .merge {
      let action =
        corpus.actionMask[a] == 0 && corpus.actionMask[b] == 0
        ? "no action word in either" : "same action (\(actionNames(a, b)))"
      return "\(action), same object (object \(Self.format(pair.object)))"
    }
    if pair.score < thresholds.merge {
      reasons.append("score \(Self.format(pair.score)) below merge \(Self.format(thresholds.merge))")
    }
    if !pair.sameAction {
      reasons.append("different action (\(actionA) vs \(actionB))")
    }
    if pair.substitution {
      let (onlyA, onlyB) = exclusiveObjectStems(a, b)
      reasons.append(
        "different object (\(onlyA.joined(separator: ", ")) vs \(onlyB.joined(separator: ", ")))")
    } else if pair.object < thresholds.object {
      reasons.append(
        "object overlap \(Self.format(pair.object)) below \(Self.format(thresholds.object))")
    }
    if pair.conceptConflict {
      let (onlyA, onlyB) = exclusiveConcepts(a, b)
      reasons.append(
        "different concepts (\(onlyA.joined(separator: ", ")) vs \(onlyB.joined(separator: ", ")))")
    }
    if reasons.isEmpty {
      reasons.append("score \(Self.format(pair.score))")
    }
    return reasons.joined(separator: "; ")
  }

  /// The kinds both statements name, leading kind first.
  private func actionNames(_ a: Int, _ b: Int) -> String {
    let shared = corpus.actionMask[a] & corpus.actionMask[b]
    let leading = corpus.leadingAction[a]
    var names: [String] = []
    if leading >= 0 && shared & (1 << UInt64(leading)) != 0 { names.append(actionName(leading)) }
    for (index, name) in actionNames.enumerated()
    where shared & (1 << UInt64(index)) != 0 && index != Int(leading) {
      names.append(name)
    }
    return names.isEmpty ? actionName(leading) : names.joined(separator: ", ")
  }

  private func actionName(_ index: Int8) -> String {
    index >= 0 && Int(index) < actionNames.count ? actionNames[Int(index)] : "none"
  }

  /// The object stems each side has and the other lacks (counted as `ObjectTally` counts them), heaviest
  /// (rarest) first, at most four a side.
  private func exclusiveObjectStems(_ a: Int, _ b: Int) -> ([String], [String]) {
    func objectCount(_ statement: Int, _ position: Int) -> UInt32 {
      let term = corpus.terms[position]
      var count = corpus.counts[position]
      for leading in corpus.leadingRange(statement) where corpus.leadingTerms[leading] == term && count > 0 {
        count -= 1
      }
      return count
    }
    var onlyA: [(stem: String, weight: Double)] = []
    var onlyB: [(stem: String, weight: Double)] = []
    var positionA = corpus.offsets[a]
    var positionB = corpus.offsets[b]
    let endA = corpus.offsets[a + 1]
    let endB = corpus.offsets[b + 1]
    while positionA < endA || positionB < endB {
      let termA = positionA < endA ? corpus.terms[positionA] : UInt32.max
      let termB = positionB < endB ? corpus.terms[positionB] : UInt32.max
      let term = min(termA, termB)
      let countA = termA == term ? objectCount(a, positionA) : 0
      let countB = termB == term ? objectCount(b, positionB) : 0
      let entry = (stem: corpus.vocabulary[Int(term)], weight: corpus.idf[Int(term)])
      if countA > countB { onlyA.append(entry) }
      if countB > countA { onlyB.append(entry) }
      if termA == term { positionA += 1 }
      if termB == term { positionB += 1 }
    }
    func top(_ entries: [(stem: String, weight: Double)]) -> [String] {
      entries.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.stem < $1.stem }.prefix(4).map(
        \.stem)
    }
    return (top(onlyA), top(onlyB))
  }

  private func exclusiveConcepts(_ a: Int, _ b: Int) -> ([String], [String]) {
    let conceptsA = Set(corpus.conceptRange(a).map { corpus.concepts[$0] })
    let conceptsB = Set(corpus.conceptRange(b).map { corpus.concepts[$0] })
    func names(_ ids: Set<UInt32>) -> [String] {
      ids.map { corpus.conceptNames[Int($0)] }.sorted()
    }
    return (names(conceptsA.subtracting(conceptsB)), names(conceptsB.subtracting(conceptsA)))
  }

  /// Two decimals, as "0.83"; written by hand because `String(format:)` is slow where millions are made.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    let hundredths = Int((abs(value) * 100).rounded())
    let fraction = hundredths % 100
    return (value < 0 && hundredths > 0 ? "-" : "") + "\(hundredths / 100)." + (fraction < 10 ? "0" : "")
      + "\(fraction)"
  }
}
