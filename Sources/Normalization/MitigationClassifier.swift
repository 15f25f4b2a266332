import Foundation

/// Applies a trained model to a statement: scores, probabilities, and the evidence behind them.
public struct MitigationClassifier: Sendable {
  public let model: ClassifierModel
  public let space: FeatureSpace
  /// Feature index to the stored examples that have it, for a fast nearest-example search.
  private let postings: [[(example: Int32, value: Double)]]

  public init(model: ClassifierModel) {
    self.model = model
    space = model.featureSpace
    var postings = [[(example: Int32, value: Double)]](repeating: [], count: model.features.count)
    for (index, example) in model.examples.enumerated() {
      for (position, feature) in example.vector.indices.enumerated() where Int(feature) < postings.count {
        postings[Int(feature)].append((Int32(index), example.vector.values[position]))
      }
    }
    self.postings = postings
  }

  public func vector(_ analysis: StatementAnalysis) -> SparseVector {
    space.vector(title: analysis.titleTerms, text: analysis.textTerms, concepts: analysis.conceptFeatures)
  }

  /// The SVM's decision value for each class, in the order of `model.classes`.
  public func scores(_ analysis: StatementAnalysis) -> [Double] {
    scores(vector(analysis))
  }

  public func scores(_ vector: SparseVector) -> [Double] {
    let dimension = model.features.count
    return model.weights.map { weights in vector.dot(weights[0..<dimension]) + weights[dimension] }
  }

  public static func softmax(_ scores: [Double], temperature: Double) -> [Double] {
    guard let top = scores.max() else { return [] }
    let exponentials = scores.map { exp(($0 - top) / temperature) }
    let sum = exponentials.reduce(0, +)
    return exponentials.map { $0 / sum }
  }

  /// The features that pushed `classIndex` up the most: (description, contribution).
  public func topFeatures(_ vector: SparseVector, classIndex: Int, limit: Int) -> [(String, Double)] {
    let weights = model.weights[classIndex]
    var contributions: [(index: Int, value: Double)] = []
    for (position, feature) in vector.indices.enumerated() {
      let value = vector.values[position] * weights[Int(feature)]
      if value > 0 { contributions.append((Int(feature), value)) }
    }
    contributions.sort { $0.value != $1.value ? $0.value > $1.value : $0.index < $1.index }
    return contributions.prefix(limit).map { (space.describe($0.index), $0.value) }
  }

  /// The coded examples most similar to the statement (cosine over the same features).
  public func nearestExamples(_ vector: SparseVector, limit: Int) -> [(
    example: ClassifierModel.StoredExample, similarity: Double
  )] {
    var dots = [Double](repeating: 0, count: model.examples.count)
    for (position, feature) in vector.indices.enumerated() where Int(feature) < postings.count {
      let value = vector.values[position]
      for posting in postings[Int(feature)] { dots[Int(posting.example)] += value * posting.value }
    }
    let norm = vector.squaredNorm.squareRoot()
    guard norm > 0 else { return [] }
    var ranked: [(index: Int, similarity: Double)] = []
    for (index, dot) in dots.enumerated() where dot > 0 {
      let other = model.examples[index].vector.squaredNorm.squareRoot()
      ranked.append((index, dot / (norm * max(other, 1e-12))))
    }
    ranked.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.index < $1.index }
    return ranked.prefix(limit).map { (model.examples[$0.index], $0.similarity) }
  }
}
