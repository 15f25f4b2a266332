import ContentHash

/// A linear support vector machine trained one-versus-rest by dual coordinate descent on the squared
/// hinge loss (the method of LIBLINEAR and scikit-learn's LinearSVC), with a regularised bias feature.
/// Deterministic: the visiting order comes from a fixed-seed generator.
struct LinearSVM {
  var cost: Double = 1.0
  var tolerance: Double = 0.1
  var maximumIterations = 1000
  var seed: UInt64 = 0x5EED_CAFE

  /// Weights for one class: `weights[0..<dimension]` and the bias at `weights[dimension]`.
  func trainBinary(_ vectors: [SparseVector], labels: [Double], sampleWeights: [Double], dimension: Int)
    -> [Double]
  {
    let count = vectors.count
    var weights = [Double](repeating: 0, count: dimension + 1)
    guard count > 0 else { return weights }
    var alpha = [Double](repeating: 0, count: count)
    let diagonal = sampleWeights.map { 0.5 / (cost * $0) }
    let quadratic = (0..<count).map { vectors[$0].squaredNorm + 1 + diagonal[$0] }
    var order = Array(0..<count)
    var generator = SplitMix64(seed: seed)
    for _ in 0..<maximumIterations {
      for position in stride(from: count - 1, to: 0, by: -1) {
        let other = Int(generator.next() % UInt64(position + 1))
        order.swapAt(position, other)
      }
      var largest = -Double.infinity
      var smallest = Double.infinity
      for index in order {
        let vector = vectors[index]
        let label = labels[index]
        var margin = weights[dimension]
        for position in 0..<vector.indices.count {
          margin += vector.values[position] * weights[Int(vector.indices[position])]
        }
        let gradient = label * margin - 1 + diagonal[index] * alpha[index]
        let projected = alpha[index] == 0 ? min(gradient, 0) : gradient
        largest = max(largest, projected)
        smallest = min(smallest, projected)
        guard abs(projected) > 1e-12 else { continue }
        let previous = alpha[index]
        alpha[index] = max(previous - gradient / quadratic[index], 0)
        let step = (alpha[index] - previous) * label
        for position in 0..<vector.indices.count {
          weights[Int(vector.indices[position])] += step * vector.values[position]
        }
        weights[dimension] += step
      }
      if largest - smallest < tolerance { break }
    }
    return weights
  }
}
