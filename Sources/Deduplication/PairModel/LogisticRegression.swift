import Foundation

/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares).
///
/// Newton's method rather than gradient descent: with a dozen features each step solves a small linear
/// system exactly, it converges in a handful of steps without a learning rate to tune, and it has no random
/// start, so the same examples always give the same weights. The features are standardised (mean 0, standard
/// deviation 1) before fitting so that one penalty suits them all; the intercept is not penalised. The
/// probabilities of an unpenalised (or lightly penalised) logistic fit are calibrated on its training data
/// by construction: their mean equals the share of positives.
public struct LogisticRegression: Sendable, Hashable, Codable {
  /// Per feature: the mean and the scale (standard deviation, 1 for a constant feature) used to standardise.
  public var means: [Double]
  public var scales: [Double]
  /// The weights of the standardised features, and the intercept.
  public var weights: [Double]
  public var intercept: Double

  public init(means: [Double], scales: [Double], weights: [Double], intercept: Double) {
    self.means = means
    self.scales = scales
    self.weights = weights
    self.intercept = intercept
  }

  /// Fits the model to `rows` (one feature vector each, all of one length) with outcomes `labels` (true is
  /// the positive class). `penalty` is the L2 penalty on the standardised weights.
  public static func fit(
    rows: [[Double]], labels: [Bool], penalty: Double = 1, iterations: Int = 50
  ) -> LogisticRegression {
    precondition(rows.count == labels.count, "one label per row")
    let width = rows.first?.count ?? 0
    let count = Double(max(rows.count, 1))
    var means = [Double](repeating: 0, count: width)
    for row in rows {
      for feature in 0..<width { means[feature] += row[feature] / count }
    }
    var scales = [Double](repeating: 0, count: width)
    for row in rows {
      for feature in 0..<width { scales[feature] += (row[feature] - means[feature]).squared / count }
    }
    scales = scales.map { $0 > 1e-12 ? $0.squareRoot() : 1 }
    let standard = rows.map { row in (0..<width).map { (row[$0] - means[$0]) / scales[$0] } + [1] }
    let size = width + 1
    var beta = [Double](repeating: 0, count: size)
    for _ in 0..<iterations {
      var gradient = [Double](repeating: 0, count: size)
      var hessian = [Double](repeating: 0, count: size * size)
      for (row, label) in zip(standard, labels) {
        let probability = sigmoid(dot(beta, row))
        let residual = (label ? 1 : 0) - probability
        let curvature = max(probability * (1 - probability), 1e-10)
        for first in 0..<size {
          gradient[first] += residual * row[first]
          let scaled = curvature * row[first]
          for second in first..<size { hessian[first * size + second] += scaled * row[second] }
        }
      }
      for first in 0..<size {
        for second in 0..<first { hessian[first * size + second] = hessian[second * size + first] }
      }
      for feature in 0..<width {
        gradient[feature] -= penalty * beta[feature]
        hessian[feature * size + feature] += penalty
      }
      hessian[width * size + width] += 1e-9
      guard let step = solve(hessian, gradient, size: size) else { break }
      for index in 0..<size { beta[index] += step[index] }
      if step.map(abs).max() ?? 0 < 1e-10 { break }
    }
    return LogisticRegression(
      means: means, scales: scales, weights: Array(beta[0..<width]), intercept: beta[width])
  }

  /// The probability of the positive class for `row`.
  public func probability(_ row: [Double]) -> Double {
    var sum = intercept
    for feature in 0..<weights.count {
      sum += weights[feature] * (row[feature] - means[feature]) / scales[feature]
    }
    return Self.sigmoid(sum)
  }

  static func sigmoid(_ value: Double) -> Double {
    value >= 0 ? 1 / (1 + exp(-value)) : exp(value) / (1 + exp(value))
  }

  private static func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for index in 0..<a.count { sum += a[index] * b[index] }
    return sum
  }

  /// Solves `matrix · x = vector` (row-major, `size` × `size`) by Gaussian elimination with partial pivoting;
  /// nil when the matrix is singular.
  static func solve(_ matrix: [Double], _ vector: [Double], size: Int) -> [Double]? {
    var a = matrix
    var b = vector
    for column in 0..<size {
      var pivot = column
      for row in (column + 1)..<max(column + 1, size)
      where abs(a[row * size + column]) > abs(a[pivot * size + column]) {
        pivot = row
      }
      guard abs(a[pivot * size + column]) > 1e-14 else { return nil }
      if pivot != column {
        for index in 0..<size { a.swapAt(column * size + index, pivot * size + index) }
        b.swapAt(column, pivot)
      }
      for row in (column + 1)..<max(column + 1, size) {
        let factor = a[row * size + column] / a[column * size + column]
        if factor == 0 { continue }
        for index in column..<size { a[row * size + index] -= factor * a[column * size + index] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Double](repeating: 0, count: size)
    for row in stride(from: size - 1, through: 0, by: -1) {
      var sum = b[row]
      for index in (row + 1)..<max(row + 1, size) { sum -= a[row * size + index] * x[index] }
      x[row] = sum / a[row * size + row]
    }
    return x
  }
}

extension Double {
  fileprivate var squared: Double { self * self }
}
