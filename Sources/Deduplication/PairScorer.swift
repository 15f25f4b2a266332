import Foundation
import ScanModel

/// Scores a pair of analysed statements and decides merge, review or distinct.
///
/// score = (w_tfidf·cosine + w_lexical·containment + w_concepts·conceptCosine) / (sum of the weights used),
/// with the concept part left out when neither statement has concepts. A merge needs the score at or above
/// `thresholds.merge` and every gate: the same kind of action (`sameAction`), the same object (object
/// similarity at or above `thresholds.object`, or at least `thresholds.objectFloor` with concepts at least
/// `thresholds.conceptObject`; see `ObjectTally` for what the object is), no template substitution, and no
/// slot conflict (`ConceptSlots`). A pair that fails a gate but scores at or above `thresholds.review` is kept
/// for review with the reason.
struct PairScorer: Sendable {
  let corpus: AnalysedCorpus
  let weights: DeduplicationConfiguration.Weights
  let thresholds: DeduplicationConfiguration.Thresholds
  let actionNames: [String]
  let slots: ConceptSlots

  /// Below this score a pair is distinct and a conflict in any cluster, whatever its object.
  let floor: Double

  init(
    corpus: AnalysedCorpus, configuration: DeduplicationConfiguration, actionNames: [String],
    slots: ConceptSlots
  ) {
    self.corpus = corpus
    self.weights = configuration.weights
    self.thresholds = configuration.thresholds
    self.actionNames = actionNames
    self.slots = slots
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

    let conceptsA = corpus.conceptRange(a)
    let conceptsB = corpus.conceptRange(b)
    let overlap = conceptsA.isEmpty && conceptsB.isEmpty ? nil : conceptOverlap(a, b)
    let concepts = overlap?.cosine

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
        sameObject: false, substitution: false, judgedByWords: false,
        conceptsDiffer: overlap?.twoSided == true,
        slotConflict: -1, compatible: false, verdict: .distinct)
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
    // Paraphrases in different frameworks share few words; the concepts are what their words have in
    // common, so concepts that agree vouch for a smaller word overlap (never for none).
    let sameObject =
      object >= thresholds.object
      || (object >= thresholds.objectFloor && (concepts ?? 0) >= thresholds.conceptObject)
    // Substitution counts words, not weights: a look-alike that swaps a common word ("pilot" for "staged")
    // is as much a different object as one that swaps a rare word. Without concepts on both sides, words
    // are all there is to judge by, and any two-sided difference counts: a reworded detail and a different
    // object look the same. With concepts, the thesaurus tells a reworded detail ("users" / "accounts")
    // from a different object ("biological weapons" / "cyber operations") better than the words do, so a
    // two-sided word difference counts only in a template pair (object overlap at least `template`; below
    // it the statements are worded differently throughout, which is what a paraphrase looks like) and only
    // when each statement also has a concept the other lacks.
    let exclusiveA = words.0 + words.1 > 0 ? Double(words.1) / Double(words.0 + words.1) : 0
    let exclusiveB = words.0 + words.2 > 0 ? Double(words.2) / Double(words.0 + words.2) : 0
    let wordsSwapped = exclusiveA > thresholds.substitution && exclusiveB > thresholds.substitution
    let judgedByWords = conceptsA.isEmpty || conceptsB.isEmpty
    let substitution =
      wordsSwapped && (judgedByWords || (object >= thresholds.template && overlap?.twoSided == true))
    let slotConflict = self.slotConflict(a, b)
    let sameAction = self.sameAction(a, b)
    let compatible = sameAction && sameObject && !substitution && slotConflict < 0
    let verdict: SimilarityEdge.Verdict =
      score >= thresholds.merge && compatible ? .merge : score >= thresholds.review ? .review : .distinct
    return PairScore(
      score: score, tfidf: tfidf, concepts: concepts, lexical: lexical, object: object,
      sameAction: sameAction,
      sameObject: sameObject, substitution: substitution, judgedByWords: judgedByWords,
      conceptsDiffer: overlap?.twoSided == true, slotConflict: slotConflict, compatible: compatible,
      verdict: verdict)
  }

  /// The same kind of action. The leading kinds (each statement's main verb) are equal; or the two name
  /// exactly the same set of kinds (which copes with statements whose main verb is not an action word); or
  /// the leading kind of one is among the kinds the other names. The last covers a practice stated with
  /// another verb in front ("engage independent assessors to audit the model" / "has the model been
  /// audited?") and keeps apart two statements that each name only their own action ("publish the
  /// framework" / "implement the framework").
  func sameAction(_ a: Int, _ b: Int) -> Bool {
    let leadingA = corpus.leadingAction[a]
    let leadingB = corpus.leadingAction[b]
    let maskA = corpus.actionMask[a]
    let maskB = corpus.actionMask[b]
    if leadingA == leadingB || maskA == maskB { return true }
    guard leadingA >= 0, leadingB >= 0 else { return false }
    return maskB & (1 << UInt64(leadingA)) != 0 || maskA & (1 << UInt64(leadingB)) != 0
  }

  /// The first slot in which both statements name values but none in common, or -1.
  func slotConflict(_ a: Int, _ b: Int) -> Int8 {
    let count = corpus.slotCount
    for slot in 0..<count {
      let bitsA = corpus.slotBits[a * count + slot]
      let bitsB = corpus.slotBits[b * count + slot]
      if bitsA != 0 && bitsB != 0 && bitsA & bitsB == 0 { return Int8(slot) }
    }
    return -1
  }

  /// The IDF-weighted cosine of the two concept sets (0 when one has none) and whether each has a concept
  /// the other lacks. Both lists are sorted, so one merge-walk finds both.
  private func conceptOverlap(_ a: Int, _ b: Int) -> (cosine: Double, twoSided: Bool) {
    let rangeA = corpus.conceptRange(a)
    let rangeB = corpus.conceptRange(b)
    if rangeA.isEmpty || rangeB.isEmpty { return (0, false) }
    let concepts = corpus.concepts
    var positionA = rangeA.lowerBound
    var positionB = rangeB.lowerBound
    var shared = 0.0
    var common = 0
    while positionA < rangeA.upperBound && positionB < rangeB.upperBound {
      if concepts[positionA] == concepts[positionB] {
        let weight = corpus.conceptIDF[Int(concepts[positionA])]
        shared += weight * weight
        common += 1
        positionA += 1
        positionB += 1
      } else if concepts[positionA] < concepts[positionB] {
        positionA += 1
      } else {
        positionB += 1
      }
    }
    let norms = corpus.conceptNorm[a] * corpus.conceptNorm[b]
    let cosine = norms > 0 ? min(1, shared / norms) : 0
    return (cosine, common < rangeA.count && common < rangeB.count)
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
      let object =
        pair.object >= thresholds.object
        ? "object \(Self.format(pair.object))"
        : "object \(Self.format(pair.object)), concepts \(Self.format(pair.concepts ?? 0))"
      return "\(action), same object (\(object))"
    }
    if pair.score < thresholds.merge {
      reasons.append("score \(Self.format(pair.score)) below merge \(Self.format(thresholds.merge))")
    }
    if !pair.sameAction {
      reasons.append("different action (\(actionA) vs \(actionB))")
    }
    if pair.slotConflict >= 0 {
      let slot = Int(pair.slotConflict)
      let count = corpus.slotCount
      let valuesA = slots.valueNames(slot: slot, bits: corpus.slotBits[a * count + slot])
      let valuesB = slots.valueNames(slot: slot, bits: corpus.slotBits[b * count + slot])
      reasons.append(
        "different \(slots.names[slot]) (\(valuesA.joined(separator: ", ")) vs \(valuesB.joined(separator: ", ")))"
      )
    }
    if pair.substitution {
      let (onlyA, onlyB) = exclusiveObjectStems(a, b)
      reasons.append(
        "different object (\(onlyA.joined(separator: ", ")) vs \(onlyB.joined(separator: ", ")))")
    } else if !pair.sameObject {
      var reason = "object overlap \(Self.format(pair.object)) below \(Self.format(thresholds.object))"
      if let concepts = pair.concepts, pair.object >= thresholds.objectFloor {
        reason += " and concepts \(Self.format(concepts)) below \(Self.format(thresholds.conceptObject))"
      }
      reasons.append(reason)
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

  /// Two decimals, as "0.83"; written by hand because `String(format:)` is slow where millions are made.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    let hundredths = Int((abs(value) * 100).rounded())
    let fraction = hundredths % 100
    return (value < 0 && hundredths > 0 ? "-" : "") + "\(hundredths / 100)." + (fraction < 10 ? "0" : "")
      + "\(fraction)"
  }
}
