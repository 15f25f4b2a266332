import Foundation

/// Applies a trained model to a statement: scores, probabilities, and the evidence behind them.
struct MitigationClassifier: Sendable {
  let model: ClassifierModel
  let space: FeatureSpace
  /// Feature index to the stored examples that have it, for a fast nearest-example search: the examples
  /// of feature `f` are `postingExamples[postingStarts[f]..<postingStarts[f + 1]]`, in one block of memory.
  private let postingStarts: [Int]
  private let postingExamples: [Int32]
  private let postingValues: [Double]
  private let exampleNorms: [Double]
  /// Every feature's description, written once: reasons name the top features of every statement.
  private let descriptions: [String]

  init(model: ClassifierModel) {
    self.model = model
    space = model.featureSpace
    var postings = [[(example: Int32, value: Double)]](repeating: [], count: model.features.count)
    for (index, example) in model.examples.enumerated() {
      for (position, feature) in example.vector.indices.enumerated() where Int(feature) < postings.count {
        postings[Int(feature)].append((Int32(index), example.vector.values[position]))
      }
    }
    var starts = [0]
    for list in postings { starts.append(starts[starts.count - 1] + list.count) }
    postingStarts = starts
    postingExamples = postings.flatMap { $0.map(\.example) }
    postingValues = postings.flatMap { $0.map(\.value) }
    exampleNorms = model.examples.map { max($0.vector.squaredNorm.squareRoot(), 1e-12) }
    let space = space
    descriptions = model.features.indices.map { space.describe($0) }
  }

  /// The vector of a statement analysed with this classifier's feature space (as `Normalizer` does).
  func vector(_ analysis: StatementAnalysis) -> SparseVector {
    space.vector(
      titleStems: analysis.titleStems, textStems: analysis.textStems,
      conceptFeatures: analysis.conceptFeatures, contextStems: analysis.contextStems)
  }

  /// The SVM's decision value for each class, in the order of `model.classes`.
  func scores(_ analysis: StatementAnalysis) -> [Double] {
    scores(vector(analysis))
  }

  /// Each class's SVM decision value. (Adding category classifiers' scores, so that category and
  /// subcategory agree, and the similarities of the nearest coded examples were tried: both lowered
  /// cross-validated top-1, and were taken out.)
  func scores(_ vector: SparseVector) -> [Double] {
    let dimension = model.features.count
    return model.weights.map { weights in vector.dot(weights[0..<dimension]) + weights[dimension] }
  }

  static func softmax(_ scores: [Double], temperature: Double) -> [Double] {
    guard let top = scores.max() else { return [] }
    let exponentials = scores.map { exp(($0 - top) / temperature) }
    let sum = exponentials.reduce(0, +)
    return exponentials.map { $0 / sum }
  }

  /// The classes' probabilities: the scores through the model's softmax temperature, mixed with the
  /// thesaurus's shares (`ThesaurusVote`, by code) at the model's thesaurus weight when it has any.
  func probabilities(_ vector: SparseVector, thesaurus: [String: Double] = [:]) -> [Double] {
    Self.mixed(
      Self.softmax(scores(vector), temperature: model.hyperparameters.temperature), classes: model.classes,
      thesaurus: thesaurus, weight: model.hyperparameters.thesaurusWeight)
  }

  static func mixed(_ probabilities: [Double], classes: [String], thesaurus: [String: Double], weight: Double)
    -> [Double]
  {
    guard weight > 0, !thesaurus.isEmpty else { return probabilities }
    return zip(classes, probabilities).map { code, probability in
      (1 - weight) * probability + weight * (thesaurus[code] ?? 0)
    }
  }

  /// The calibrated probability that the most probable class is right.
  func probabilityRight(_ probabilities: [Double]) -> Double {
    model.hyperparameters.calibration.probability(Self.confidenceSignals(probabilities))
  }

  /// What the calibration reads: the log-odds of the top probability and its gap to the runner-up.
  /// (The share of agreeing nearest examples and whether a thesaurus concept points to the code were
  /// tried as further signals; in cross-validation they did not separate right codes from wrong ones any
  /// better, and calibration got worse, so they are not used.)
  static func confidenceSignals(_ probabilities: [Double]) -> [Double] {
    let sorted = probabilities.sorted(by: >)
    guard let top = sorted.first else { return [0, 0] }
    return [CorrectnessCalibration.logit(top), top - (sorted.count > 1 ? sorted[1] : 0)]
  }

  /// The features that pushed `classIndex` up the most: (description, contribution).
  func topFeatures(
    _ vector: SparseVector, classIndex: Int, limit: Int,
    where include: (FeatureSpace.Block) -> Bool = { _ in true }
  ) -> [(String, Double)] {
    let weights = model.weights[classIndex]
    var best = TopK<Int>(limit: limit)
    for (position, feature) in vector.indices.enumerated() where include(space.blocks[Int(feature)]) {
      let value = vector.values[position] * weights[Int(feature)]
      if value > 0 { best.offer(Int(feature), score: value) }
    }
    return best.sorted.map { (descriptions[$0.item], $0.score) }
  }

  /// The coded examples most similar to the statement (cosine over the same features).
  func nearestExamples(_ vector: SparseVector, limit: Int) -> [(
    example: ClassifierModel.StoredExample, similarity: Double
  )] {
    nearestExampleIndices(vector, limit: limit).map { (model.examples[$0.example], $0.similarity) }
  }

  /// The same as positions in `model.examples`.
  func nearestExampleIndices(_ vector: SparseVector, limit: Int) -> [(example: Int, similarity: Double)] {
    let norm = vector.squaredNorm.squareRoot()
    guard norm > 0 else { return [] }
    var dots = [Double](repeating: 0, count: exampleNorms.count)
    for (position, feature) in vector.indices.enumerated() where Int(feature) + 1 < postingStarts.count {
      let value = vector.values[position]
      for posting in postingStarts[Int(feature)]..<postingStarts[Int(feature) + 1] {
        dots[Int(postingExamples[posting])] += value * postingValues[posting]
      }
    }
    var best = TopK<Int>(limit: limit)
    for (index, dot) in dots.enumerated() where dot > 0 {
      best.offer(index, score: dot / (norm * exampleNorms[index]))
    }
    return best.sorted.map { ($0.item, $0.score) }
  }
}

/// The `limit` best-scored items seen, without sorting everything: ties go to the smaller item, so the
/// result does not depend on the order items were offered in.
struct TopK<Item: Comparable> {
  let limit: Int
  private(set) var entries: [(item: Item, score: Double)] = []

  init(limit: Int) {
    self.limit = limit
  }

  private static func before(_ a: (item: Item, score: Double), _ b: (item: Item, score: Double)) -> Bool {
    a.score != b.score ? a.score > b.score : a.item < b.item
  }

  mutating func offer(_ item: Item, score: Double) {
    guard limit > 0 else { return }
    let entry = (item: item, score: score)
    if entries.count == limit, let last = entries.last, !Self.before(entry, last) { return }
    let position = entries.firstIndex { Self.before(entry, $0) } ?? entries.count
    entries.insert(entry, at: position)
    if entries.count > limit { entries.removeLast() }
  }

  var sorted: [(item: Item, score: Double)] { entries }
}
