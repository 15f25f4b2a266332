import Foundation
import Utilities

/// The probability that a coder's first code is right, from how sure it is: Platt scaling (a logistic
/// regression) on signals of confidence (for the mitigation classifier, the log-odds of the top
/// probability and its gap to the runner-up). Fitted on held-out predictions only (the trainer's internal cross-validation), never on
/// the statements a figure is then reported for. Reusable for any coder that can state such signals.
struct CorrectnessCalibration: Sendable, Codable, Hashable {
  /// Bias, then one coefficient per signal.
  var coefficients: [Double]

  /// No information yet: the top probability itself (the first signal is its log-odds).
  static let identity = CorrectnessCalibration(coefficients: [0, 1])

  /// The log-odds of a probability, kept finite.
  static func logit(_ probability: Double) -> Double {
    let clamped = min(max(probability, 1e-6), 1 - 1e-6)
    return log(clamped / (1 - clamped))
  }

  /// The calibrated probability of being right given the signals (missing ones count as 0).
  func probability(_ signals: [Double]) -> Double {
    var z = coefficients.first ?? 0
    for (weight, value) in zip(coefficients.dropFirst(), signals) { z += weight * value }
    return 1 / (1 + exp(-z))
  }

  /// Fits the coefficients by Newton's method on the log loss with a light ridge on the slopes, from
  /// (signals, was it right) of held-out predictions. Deterministic.
  static func fit(_ samples: [(signals: [Double], correct: Bool)], ridge: Double = 1e-2)
    -> CorrectnessCalibration
  {
    guard samples.count >= 10, samples.contains(where: \.correct), samples.contains(where: { !$0.correct }),
      let width = samples.first?.signals.count
    else { return .identity }
    let problem = LogisticProblem(
      rows: samples.map { (x: [1] + $0.signals, y: $0.correct ? 1.0 : 0.0) }, dimension: width + 1,
      ridge: ridge)
    var w = [Double](repeating: 0, count: problem.dimension)
    if problem.dimension > 1 { w[1] = 1 }
    var current = problem.loss(w)
    for _ in 0..<50 {
      let (gradient, hessian) = problem.newtonSystem(at: w)
      guard let step = solve(hessian, gradient),
        let (next, nextLoss) = problem.dampedStep(from: w, step: step, loss: current)
      else { break }
      let moved = zip(w, next).map { abs($0 - $1) }.max() ?? 0
      w = next
      let improvement = current - nextLoss
      current = nextLoss
      if moved < 1e-10 || improvement < 1e-12 { break }
    }
    return CorrectnessCalibration(coefficients: w.map { $0.rounded(toPlaces: 6) })
  }

  /// The ridge-penalised log loss of a logistic regression on rows whose first column is the bias.
  private struct LogisticProblem {
    var rows: [(x: [Double], y: Double)]
    var dimension: Int
    var ridge: Double

    func loss(_ w: [Double]) -> Double {
      var total = 0.0
      for row in rows {
        var z = 0.0
        for j in 0..<dimension { z += w[j] * row.x[j] }
        // log(1 + e^z) - y z, written to stay finite for large |z|.
        total += max(z, 0) + log(1 + exp(-abs(z))) - row.y * z
      }
      for j in 1..<dimension { total += 0.5 * ridge * w[j] * w[j] }
      return total
    }

    /// The gradient and Hessian of the loss at `w`.
    func newtonSystem(at w: [Double]) -> (gradient: [Double], hessian: [[Double]]) {
      var gradient = [Double](repeating: 0, count: dimension)
      var hessian = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: dimension)
      for row in rows {
        var z = 0.0
        for j in 0..<dimension { z += w[j] * row.x[j] }
        let p = 1 / (1 + exp(-z))
        for j in 0..<dimension {
          gradient[j] += (p - row.y) * row.x[j]
          for k in 0..<dimension { hessian[j][k] += p * (1 - p) * row.x[j] * row.x[k] }
        }
      }
      for j in 1..<dimension {
        gradient[j] += ridge * w[j]
        hessian[j][j] += ridge
      }
      hessian[0][0] += 1e-9
      return (gradient, hessian)
    }

    /// The Newton step from `w`, halved until the loss goes down; nil when it never does.
    func dampedStep(from w: [Double], step: [Double], loss current: Double) -> ([Double], Double)? {
      // Damped, so that a badly conditioned system cannot throw the fit off.
      var scale = 1.0
      var next = w
      var nextLoss = Double.infinity
      for _ in 0..<30 {
        next = zip(w, step).map { $0 - scale * $1 }
        nextLoss = loss(next)
        if nextLoss <= current { break }
        scale /= 2
      }
      return nextLoss <= current ? (next, nextLoss) : nil
    }
  }

  /// Gaussian elimination with partial pivoting for the small Newton system.
  private static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
    var a = matrix
    var b = vector
    let n = b.count
    for column in 0..<n {
      var pivot = column
      for row in column..<n where abs(a[row][column]) > abs(a[pivot][column]) { pivot = row }
      guard abs(a[pivot][column]) > 1e-12 else { return nil }
      a.swapAt(column, pivot)
      b.swapAt(column, pivot)
      for row in (column + 1)..<n {
        let factor = a[row][column] / a[column][column]
        for k in column..<n { a[row][k] -= factor * a[column][k] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = b[row]
      for k in (row + 1)..<n { sum -= a[row][k] * x[k] }
      x[row] = sum / a[row][row]
    }
    return x
  }
}
