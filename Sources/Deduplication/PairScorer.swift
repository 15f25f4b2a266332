import Foundation
import ScanModel
import Utilities

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
  /// The learned pair model; without one the verdict comes from the thresholds and gates above.
  private(set) var model: PairModel?
  /// Each statement's best score against any other (0 when none reaches the floor): the model's
  /// neighbourhood features (`PairFeatures`) compare a pair's score with it. Set with the model.
  private(set) var best: [Double] = []

  /// Below this score a pair is distinct and a conflict in any cluster, whatever its object.
  var floor: Double

  init(
    corpus: AnalysedCorpus, configuration: DeduplicationConfiguration, actionNames: [String],
    slots: ConceptSlots, model: PairModel? = nil
  ) {
    self.model = model
    self.corpus = corpus
    self.weights = configuration.weights
    self.thresholds = configuration.thresholds
    self.actionNames = actionNames
    self.slots = slots
    self.floor = min(configuration.thresholds.review, configuration.thresholds.pairFloor)
  }

  /// The measurements and verdict for statements `a` and `b` (indices into the corpus).
  func score(_ a: Int, _ b: Int) -> PairScore {
    withOperands(b) { score(a, b, $0) }
  }

  /// Scores the pairs `pair(0..<count)`, handing each score to `body` in order, with the second statements
  /// read a batch at a time (see `forEachOperands`).
  func scoreMany(_ count: Int, pair: (Int) -> (Int, Int), _ body: (Int, Int, Int, PairScore) -> Void) {
    forEachOperands(count) {
      pair($0).1
    } _: { position, operands in
      let (a, b) = pair(position)
      body(position, a, b, score(a, b, operands))
    }
  }

  /// What scoring or explaining a pair reads: the corpus's terms and leading action words (the callers
  /// visit pairs in order of their first statement, whose data therefore stays in the cache), and the
  /// second statement's record, terms and leading action words.
  struct Operands {
    let entries: UnsafeBufferPointer<AnalysedCorpus.TermEntry>
    let leadingTerms: UnsafeBufferPointer<UInt32>
    let header: AnalysedCorpus.Header
    let terms: UnsafeBufferPointer<AnalysedCorpus.TermEntry>
    let leading: UnsafeBufferPointer<UInt32>
  }

  /// The operands with `b` read where it lies in the corpus.
  func withOperands<Result>(_ b: Int, _ body: (Operands) -> Result) -> Result {
    corpus.entries.withUnsafeBufferPointer { entries in
      corpus.leadingTerms.withUnsafeBufferPointer { leading in
        body(
          Operands(
            entries: entries, leadingTerms: leading, header: corpus.headers[b],
            terms: UnsafeBufferPointer(rebasing: entries[corpus.termRange(b)]),
            leading: UnsafeBufferPointer(rebasing: leading[corpus.leadingRange(b)])))
      }
    }
  }

  /// Calls `body` for every position in `0..<count` with the operands of the pair whose second statement
  /// is `second(position)`. That statement can be anywhere in the corpus, and reading its record, terms and
  /// action words were cache misses that took most of the scoring time at a million statements. So they
  /// are copied for a batch of positions first: the reads do not depend on each other, and the processor
  /// overlaps them.
  func forEachOperands(_ count: Int, second: (Int) -> Int, _ body: (Int, Operands) -> Void) {
    let batchSize = 32
    var headers: [AnalysedCorpus.Header] = []
    var termStarts = [Int](repeating: 0, count: batchSize + 1)
    var leadingStarts = [Int](repeating: 0, count: batchSize + 1)
    var terms: [AnalysedCorpus.TermEntry] = []
    var leading: [UInt32] = []
    corpus.entries.withUnsafeBufferPointer { allTerms in
      corpus.leadingTerms.withUnsafeBufferPointer { allLeading in
        var batchStart = 0
        while batchStart < count {
          let batchEnd = min(count, batchStart + batchSize)
          headers.removeAll(keepingCapacity: true)
          for position in batchStart..<batchEnd { headers.append(corpus.headers[second(position)]) }
          terms.removeAll(keepingCapacity: true)
          leading.removeAll(keepingCapacity: true)
          for (offset, header) in headers.enumerated() {
            termStarts[offset] = terms.count
            leadingStarts[offset] = leading.count
            terms.append(contentsOf: allTerms[Int(header.termStart)..<Int(header.termEnd)])
            let leadingStart = Int(header.leadingStart)
            leading.append(contentsOf: allLeading[leadingStart..<(leadingStart + Int(header.leadingLength))])
          }
          termStarts[headers.count] = terms.count
          leadingStarts[headers.count] = leading.count
          terms.withUnsafeBufferPointer { terms in
            leading.withUnsafeBufferPointer { leading in
              for position in batchStart..<batchEnd {
                let offset = position - batchStart
                let operands = Operands(
                  entries: allTerms, leadingTerms: allLeading, header: headers[offset],
                  terms: UnsafeBufferPointer(rebasing: terms[termStarts[offset]..<termStarts[offset + 1]]),
                  leading: UnsafeBufferPointer(
                    rebasing: leading[leadingStarts[offset]..<leadingStarts[offset + 1]]))
                body(position, operands)
              }
            }
          }
          batchStart = batchEnd
        }
      }
    }
  }

  /// `score(a, b)` from the operands.
  private func score(_ a: Int, _ b: Int, _ operands: Operands) -> PairScore {
    let conceptsA = corpus.conceptRange(a)
    let conceptsB = Int(operands.header.conceptStart)..<Int(operands.header.conceptEnd)
    let overlap = conceptsA.isEmpty && conceptsB.isEmpty ? nil : conceptOverlap(a, b)
    let concepts = overlap?.cosine
    let conceptsDiffer = overlap?.twoSided == true

    // Most candidate pairs are far apart: the score alone (one cheap pass) shows that they are distinct and
    // would conflict in any cluster, so the object is not worked out for them.
    let (tfidf, lexical) = wordOverlap(a, operands)
    let score = combined(tfidf: tfidf, lexical: lexical, concepts: concepts)
    if score < floor {
      return PairScore(
        score: score, tfidf: tfidf, concepts: concepts, lexical: lexical, object: 0, sameAction: false,
        sameObject: false, substitution: false, judgedByWords: false,
        conceptsDiffer: conceptsDiffer,
        slotConflict: -1, compatible: false, verdict: .distinct)
    }

    let (weights, words) = objectTally(a, operands).totals()
    let objectUnion = weights.0 + weights.1 + weights.2
    let object = objectUnion > 0 ? weights.0 / objectUnion : 0
    // Paraphrases in different frameworks share few words; the concepts are what their words have in
    // common, so concepts that agree vouch for a smaller word overlap (never for none).
    let sameObject =
      object >= thresholds.object
      || (object >= thresholds.objectFloor && (concepts ?? 0) >= thresholds.conceptObject)
    let judgedByWords = conceptsA.isEmpty || conceptsB.isEmpty
    let substitution = isSubstitution(
      words: words, object: object, judgedByWords: judgedByWords, conceptsDiffer: conceptsDiffer)
    let slotConflict = self.slotConflict(a, b)
    let sameAction = self.sameAction(a, b)
    let compatible = sameAction && sameObject && !substitution && slotConflict < 0
    let verdict: SimilarityEdge.Verdict =
      score >= thresholds.merge && compatible ? .merge : score >= thresholds.review ? .review : .distinct
    let pair = PairScore(
      score: score, tfidf: tfidf, concepts: concepts, lexical: lexical, object: object,
      sameAction: sameAction,
      sameObject: sameObject, substitution: substitution, judgedByWords: judgedByWords,
      conceptsDiffer: conceptsDiffer, slotConflict: slotConflict, compatible: compatible,
      verdict: verdict)
    return applyModel(a, b, pair)
  }

  /// The TF-IDF cosine of the two statements' terms and their lexical containment (shared terms over the
  /// smaller statement's terms), in one merge-walk of the two sorted term lists.
  @inline(__always)
  private func wordOverlap(_ a: Int, _ operands: Operands) -> (tfidf: Double, lexical: Double) {
    let entries = operands.entries
    let termsB = operands.terms
    let termsA = corpus.termRange(a)
    let endA = termsA.upperBound
    let endB = termsB.count
    var dot = 0.0
    var common = 0
    var first = termsA.lowerBound
    var second = 0
    while first < endA && second < endB {
      let termA = entries[first].term
      let termB = termsB[second].term
      if termA == termB {
        dot += entries[first].weight * termsB[second].weight
        common += 1
        first += 1
        second += 1
      } else if termA < termB {
        first += 1
      } else {
        second += 1
      }
    }
    let smaller = min(termsA.count, endB)
    return (min(1, max(0, dot)), smaller > 0 ? Double(common) / Double(smaller) : 0)
  }

  /// The weighted score: the concept part counts only when there is one.
  @inline(__always)
  private func combined(tfidf: Double, lexical: Double, concepts: Double?) -> Double {
    var numerator = weights.tfidf * tfidf + weights.lexical * lexical
    var denominator = weights.tfidf + weights.lexical
    if let concepts {
      numerator += weights.concepts * concepts
      denominator += weights.concepts
    }
    return denominator > 0 ? numerator / denominator : 0
  }

  /// Every term of either statement added to an `ObjectTally`, in ascending term order.
  @inline(__always)
  private func objectTally(_ a: Int, _ operands: Operands) -> ObjectTally {
    let entries = operands.entries
    let termsB = operands.terms
    let idf = corpus.idf
    let termsA = corpus.termRange(a)
    var positionA = termsA.lowerBound
    let endA = termsA.upperBound
    var positionB = 0
    let endB = termsB.count
    var tally = ObjectTally(
      leadingA: UnsafeBufferPointer(rebasing: operands.leadingTerms[corpus.leadingRange(a)]),
      leadingB: operands.leading)
    while positionA < endA && positionB < endB {
      let entryA = entries[positionA]
      let entryB = termsB[positionB]
      if entryA.term == entryB.term {
        tally.add(entryA.term, entryA.count, entryB.count, weight: idf[Int(entryA.term)])
        positionA += 1
        positionB += 1
      } else if entryA.term < entryB.term {
        tally.add(entryA.term, entryA.count, 0, weight: idf[Int(entryA.term)])
        positionA += 1
      } else {
        tally.add(entryB.term, 0, entryB.count, weight: idf[Int(entryB.term)])
        positionB += 1
      }
    }
    while positionA < endA {
      tally.add(
        entries[positionA].term, entries[positionA].count, 0, weight: idf[Int(entries[positionA].term)])
      positionA += 1
    }
    while positionB < endB {
      tally.add(termsB[positionB].term, 0, termsB[positionB].count, weight: idf[Int(termsB[positionB].term)])
      positionB += 1
    }
    return tally
  }

  /// Substitution counts words, not weights: a look-alike that swaps a common word ("pilot" for "staged")
  /// is as much a different object as one that swaps a rare word. Without concepts on both sides, words
  /// are all there is to judge by, and any two-sided difference counts: a reworded detail and a different
  /// object look the same. With concepts, the thesaurus tells a reworded detail ("users" / "accounts")
  /// from a different object ("biological weapons" / "cyber operations") better than the words do, so a
  /// two-sided word difference counts only in a template pair (object overlap at least `template`; below
  /// it the statements are worded differently throughout, which is what a paraphrase looks like) and only
  /// when each statement also has a concept the other lacks.
  @inline(__always)
  private func isSubstitution(
    words: (Int, Int, Int), object: Double, judgedByWords: Bool, conceptsDiffer: Bool
  ) -> Bool {
    let exclusiveA = words.0 + words.1 > 0 ? Double(words.1) / Double(words.0 + words.1) : 0
    let exclusiveB = words.0 + words.2 > 0 ? Double(words.2) / Double(words.0 + words.2) : 0
    let wordsSwapped = exclusiveA > thresholds.substitution && exclusiveB > thresholds.substitution
    return wordsSwapped && (judgedByWords || (object >= thresholds.template && conceptsDiffer))
  }

  /// This scorer with `model` giving the verdicts, and each statement's best score (`best`, indexed like
  /// the corpus).
  func with(model: PairModel, best: [Double]) -> PairScorer {
    var copy = self
    copy.model = model
    copy.best = best
    return copy
  }

  /// This scorer with each statement's best score known but no model: what training measures pairs with.
  func withBest(_ best: [Double]) -> PairScorer {
    var copy = self
    copy.best = best
    return copy
  }

  /// The pair with the model's probability and verdict, when there is a model; unchanged otherwise.
  func applyModel(_ a: Int, _ b: Int, _ pair: PairScore) -> PairScore {
    guard let model, pair.score >= floor else { return pair }
    var pair = pair
    let probability = model.probability(features(a, b, pair))
    pair.probability = probability
    // The pair gets the stronger of the rules' verdict and the model's. The rules' merges stand: on the
    // shipped frameworks they are right 95% of the time, and the model, fitted on some 200 labelled pairs,
    // does not tell those pairs apart as well. The rules' review band stays in review: it holds true pairs
    // the model's band misses, at the same share of true pairs (README "How merging works").
    pair.verdict = Self.stronger(
      pair.verdict, model.verdict(probability: probability, vetoed: model.vetoed(pair)))
    return pair
  }

  /// Merge over review over distinct.
  static func stronger(_ first: SimilarityEdge.Verdict, _ second: SimilarityEdge.Verdict)
    -> SimilarityEdge.Verdict
  {
    first == .merge || second == .merge ? .merge : first == .review || second == .review ? .review : .distinct
  }

  /// Each statement's best score from `pairs` (index pairs with their scores).
  static func bestScores(count: Int, _ pairs: some Sequence<(Int, Int, Double)>) -> [Double] {
    var best = [Double](repeating: 0, count: count)
    for (a, b, score) in pairs {
      best[a] = max(best[a], score)
      best[b] = max(best[b], score)
    }
    return best
  }

  /// The pair's `PairFeatures` vector.
  func features(_ a: Int, _ b: Int, _ pair: PairScore) -> [Double] {
    PairFeatures.vector(
      pair, leading: (corpus.leadingAction(a), corpus.leadingAction(b)),
      masks: (corpus.actionMask(a), corpus.actionMask(b)), words: (corpus.wordCount[a], corpus.wordCount[b]),
      best: best.isEmpty ? (pair.score, pair.score) : (best[a], best[b]))
  }

  /// A member may stay in a cluster whose medoid it scores this way against (`ClusterRefiner`): no conflict,
  /// not a look-alike and a score of at least `medoid`; with a model, also no veto, and a probability in the
  /// review band or above will do instead of the score.
  func staysWithMedoid(_ pair: PairScore) -> Bool {
    let lookalike = pair.score >= thresholds.merge && !pair.sameObject && pair.conceptsDiffer
    if let probability = pair.probability, let model {
      return !model.vetoed(pair) && pair.conflictFree && !lookalike
        && (pair.score >= thresholds.medoid || probability >= model.reviewThreshold)
    }
    return pair.conflictFree && pair.score >= thresholds.medoid && !lookalike
  }

  /// Two members that cannot share a cluster, whatever joined them (anti-chaining): a conflict or a score
  /// below `pairFloor`; with a model, also a veto, and the low score counts only when the probability is below
  /// the review band too.
  func conflicts(_ pair: PairScore) -> Bool {
    if let probability = pair.probability, let model {
      return model.vetoed(pair) || !pair.conflictFree
        || (pair.score < thresholds.pairFloor && probability < model.reviewThreshold)
    }
    return !pair.conflictFree || pair.score < thresholds.pairFloor
  }

  /// How alike a pair is, for choosing medoids: the model's probability, or the score without a model.
  func closeness(_ pair: PairScore) -> Double {
    pair.probability ?? pair.score
  }

  /// The same kind of action. The leading kinds (each statement's main verb) are equal; or the two name
  /// exactly the same set of kinds (which copes with statements whose main verb is not an action word); or
  /// the leading kind of one is among the kinds the other names. The last covers a practice stated with
  /// another verb in front ("engage independent assessors to audit the model" / "has the model been
  /// audited?") and keeps apart two statements that each name only their own action ("publish the
  /// framework" / "implement the framework").
  func sameAction(_ a: Int, _ b: Int) -> Bool {
    let leadingA = corpus.leadingAction(a)
    let leadingB = corpus.leadingAction(b)
    let maskA = corpus.actionMask(a)
    let maskB = corpus.actionMask(b)
    if leadingA == leadingB || maskA == maskB { return true }
    guard leadingA >= 0, leadingB >= 0 else { return false }
    return maskB & (1 << UInt64(leadingA)) != 0 || maskA & (1 << UInt64(leadingB)) != 0
  }

  /// The first slot in which both statements name values but none in common, or -1.
  func slotConflict(_ a: Int, _ b: Int) -> Int8 {
    guard corpus.headers[a].hasSlots && corpus.headers[b].hasSlots else { return -1 }
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
    var text: [UInt8] = []
    explain(a, b, pair, into: &text)
    return String(decoding: text, as: UTF8.self)
  }

  /// `explain`, appended to `text` as UTF-8: `DeduplicationJSON` writes millions of these, and building each
  /// as a string of parts joined took longer than scoring the pairs.
  func explain(_ a: Int, _ b: Int, _ pair: PairScore, into text: inout [UInt8]) {
    withOperands(b) { explain(a, b, pair, $0, into: &text) }
  }

  /// `explain` from the operands (see `forEachOperands`).
  func explain(_ a: Int, _ b: Int, _ pair: PairScore, _ operands: Operands, into text: inout [UInt8]) {
    if let probability = pair.probability, let model {
      explainModel(model, probability: probability, pair, into: &text)
    }
    if pair.verdict == .merge && pair.probability == nil {
      explainRulesMerge(a, b, pair, into: &text)
    } else {
      explainGates(a, b, pair, operands, into: &text)
    }
  }

  /// The model decides; the words after this prefix are the measurements it weighed.
  private func explainModel(
    _ model: PairModel, probability: Double, _ pair: PairScore, into text: inout [UInt8]
  ) {
    text.appendLiteral("p(duplicate) ")
    ScoreFormat.format(probability, into: &text)
    text.appendLiteral(probability >= model.mergeThreshold ? " at or above merge " : " below merge ")
    ScoreFormat.format(model.mergeThreshold, into: &text)
    let vetoes = model.vetoes.filter { PairModel.holds($0, pair) }
    if !vetoes.isEmpty {
      text.appendLiteral("; vetoed (")
      text.append(contentsOf: vetoes.joined(separator: ", ").utf8)
      text.append(UInt8(ascii: ")"))
    }
    if pair.verdict == .review && probability < model.reviewThreshold {
      text.appendLiteral(", below review ")
      ScoreFormat.format(model.reviewThreshold, into: &text)
      text.appendLiteral("; in review by its score ")
      ScoreFormat.format(pair.score, into: &text)
      text.appendLiteral(", at or above review ")
      ScoreFormat.format(thresholds.review, into: &text)
    }
    text.appendLiteral("; ")
  }

  /// A merge by the rules: the action and the object the two share.
  private func explainRulesMerge(_ a: Int, _ b: Int, _ pair: PairScore, into text: inout [UInt8]) {
    if corpus.actionMask(a) == 0 && corpus.actionMask(b) == 0 {
      text.appendLiteral("no action word in either")
    } else {
      text.appendLiteral("same action (")
      appendActionNames(a, b, to: &text)
      text.append(UInt8(ascii: ")"))
    }
    text.appendLiteral(", same object (object ")
    ScoreFormat.format(pair.object, into: &text)
    if pair.object < thresholds.object {
      text.appendLiteral(", concepts ")
      ScoreFormat.format(pair.concepts ?? 0, into: &text)
    }
    text.append(UInt8(ascii: ")"))
  }

  /// Every reason the pair is not a merge by the rules, "; " between them; the score when there is none.
  private func explainGates(
    _ a: Int, _ b: Int, _ pair: PairScore, _ operands: Operands, into text: inout [UInt8]
  ) {
    let start = text.count
    func startPart() {
      if text.count > start { text.appendLiteral("; ") }
    }
    if pair.score < thresholds.merge && pair.probability == nil {
      text.appendLiteral("score ")
      ScoreFormat.format(pair.score, into: &text)
      text.appendLiteral(" below merge ")
      ScoreFormat.format(thresholds.merge, into: &text)
    }
    if !pair.sameAction {
      startPart()
      text.appendLiteral("different action (")
      text.append(contentsOf: actionName(corpus.leadingAction(a)).utf8)
      text.appendLiteral(" vs ")
      text.append(contentsOf: actionName(corpus.leadingAction(b)).utf8)
      text.append(UInt8(ascii: ")"))
    }
    if pair.slotConflict >= 0 {
      startPart()
      explainSlotConflict(a, b, slot: Int(pair.slotConflict), into: &text)
    }
    if pair.substitution || !pair.sameObject {
      startPart()
      explainObject(a, pair, operands, into: &text)
    }
    if text.count == start {
      text.appendLiteral("score ")
      ScoreFormat.format(pair.score, into: &text)
    }
  }

  private func explainSlotConflict(_ a: Int, _ b: Int, slot: Int, into text: inout [UInt8]) {
    let count = corpus.slotCount
    let valuesA = slots.valueNames(slot: slot, bits: corpus.slotBits[a * count + slot])
    let valuesB = slots.valueNames(slot: slot, bits: corpus.slotBits[b * count + slot])
    text.append(
      contentsOf:
        "different \(slots.names[slot]) (\(valuesA.joined(separator: ", ")) vs \(valuesB.joined(separator: ", ")))"
        .utf8)
  }

  /// A substitution with the stems each side alone has, or an object overlap too small.
  private func explainObject(_ a: Int, _ pair: PairScore, _ operands: Operands, into text: inout [UInt8]) {
    if pair.substitution {
      let (onlyA, onlyB) = exclusiveObjectStems(a, operands)
      text.appendLiteral("different object (")
      onlyA.append(to: &text, corpus: corpus)
      text.appendLiteral(" vs ")
      onlyB.append(to: &text, corpus: corpus)
      text.append(UInt8(ascii: ")"))
      return
    }
    text.appendLiteral("object overlap ")
    ScoreFormat.format(pair.object, into: &text)
    text.appendLiteral(" below ")
    ScoreFormat.format(thresholds.object, into: &text)
    if let concepts = pair.concepts, pair.object >= thresholds.objectFloor {
      text.appendLiteral(" and concepts ")
      ScoreFormat.format(concepts, into: &text)
      text.appendLiteral(" below ")
      ScoreFormat.format(thresholds.conceptObject, into: &text)
    }
  }

  /// The kinds both statements name, leading kind first; the leading kind of `a` alone when they share none.
  private func appendActionNames(_ a: Int, _ b: Int, to text: inout [UInt8]) {
    let shared = corpus.actionMask(a) & corpus.actionMask(b)
    let leading = corpus.leadingAction(a)
    var first = true
    if leading >= 0 && shared & (1 << UInt64(leading)) != 0 {
      text.append(contentsOf: actionName(leading).utf8)
      first = false
    }
    for (index, name) in actionNames.enumerated()
    where shared & (1 << UInt64(index)) != 0 && index != Int(leading) {
      if !first { text.appendLiteral(", ") }
      text.append(contentsOf: name.utf8)
      first = false
    }
    if first { text.append(contentsOf: actionName(leading).utf8) }
  }

  private func actionName(_ index: Int8) -> String {
    index >= 0 && Int(index) < actionNames.count ? actionNames[Int(index)] : "none"
  }

  /// The object stems each side has and the other lacks (counted as `ObjectTally` counts them), heaviest
  /// (rarest) first, at most four a side. Term ids stand for the stems until they are written: ids follow
  /// the sorted vocabulary, so the smaller id is the stem that sorts first.
  private func exclusiveObjectStems(_ a: Int, _ operands: Operands) -> (HeaviestTerms, HeaviestTerms) {
    let termsA = UnsafeBufferPointer(rebasing: operands.entries[corpus.termRange(a)])
    let termsB = operands.terms
    let leadingA = UnsafeBufferPointer(rebasing: operands.leadingTerms[corpus.leadingRange(a)])
    let leadingB = operands.leading
    func objectCount(_ entry: AnalysedCorpus.TermEntry, leading: UnsafeBufferPointer<UInt32>) -> UInt32 {
      var count = entry.count
      for word in leading where word == entry.term && count > 0 {
        count -= 1
      }
      return count
    }
    var onlyA = HeaviestTerms()
    var onlyB = HeaviestTerms()
    var positionA = 0
    var positionB = 0
    while positionA < termsA.count || positionB < termsB.count {
      let termA = positionA < termsA.count ? termsA[positionA].term : UInt32.max
      let termB = positionB < termsB.count ? termsB[positionB].term : UInt32.max
      let term = min(termA, termB)
      let countA = termA == term ? objectCount(termsA[positionA], leading: leadingA) : 0
      let countB = termB == term ? objectCount(termsB[positionB], leading: leadingB) : 0
      if countA > countB { onlyA.offer(term, weight: corpus.idf[Int(term)]) }
      if countB > countA { onlyB.offer(term, weight: corpus.idf[Int(term)]) }
      if termA == term { positionA += 1 }
      if termB == term { positionB += 1 }
    }
    return (onlyA, onlyB)
  }
}

/// The four heaviest terms offered, heaviest first and the smaller id first among equals, kept without
/// allocating: the explanation of a substitution needs no more.
private struct HeaviestTerms {
  private var terms = InlineArray<4, UInt32>(repeating: 0)
  private var weights = InlineArray<4, Double>(repeating: 0)
  private var count = 0

  /// Terms come in ascending id order, so a term that only ties the last kept one comes after it.
  mutating func offer(_ term: UInt32, weight: Double) {
    var slot = count
    while slot > 0 && weights[slot - 1] < weight { slot -= 1 }
    guard slot < 4 else { return }
    var move = min(count, 3)
    while move > slot {
      terms[move] = terms[move - 1]
      weights[move] = weights[move - 1]
      move -= 1
    }
    terms[slot] = term
    weights[slot] = weight
    count = min(count + 1, 4)
  }

  func append(to text: inout [UInt8], corpus: AnalysedCorpus) {
    for index in 0..<count {
      if index > 0 { text.appendLiteral(", ") }
      corpus.appendStem(terms[index], to: &text)
    }
  }
}
