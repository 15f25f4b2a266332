import Testing

@testable import Deduplication

@Suite("Logistic regression")
struct LogisticRegressionTests {
  /// One feature that separates the classes imperfectly: the fitted weight is positive, the probabilities
  /// rise with the feature, and their mean is the share of positives (what the intercept's equation says at
  /// the optimum, so the fit is calibrated on its own data).
  @Test func fitsAndIsCalibratedOnItsData() {
    let rows: [[Double]] = (0..<40).map { [Double($0 % 10), Double(($0 * 7) % 3)] }
    let labels = rows.enumerated().map { index, row in row[0] >= 6 || index % 9 == 0 }
    let model = LogisticRegression.fit(rows: rows, labels: labels, penalty: 0.01)
    #expect(model.weights[0] > 0)
    #expect(model.probability([9, 0]) > model.probability([1, 0]))
    let mean = rows.map(model.probability).reduce(0, +) / Double(rows.count)
    let share = Double(labels.filter { $0 }.count) / Double(labels.count)
    #expect(abs(mean - share) < 1e-6)
  }

  @Test func isDeterministic() {
    let rows: [[Double]] = (0..<30).map { [Double($0 % 7) / 7, Double($0 % 4)] }
    let labels = rows.map { $0[0] + $0[1] / 4 > 0.8 }
    #expect(
      LogisticRegression.fit(rows: rows, labels: labels) == LogisticRegression.fit(rows: rows, labels: labels)
    )
  }

  /// A stronger penalty pulls the weights towards zero.
  @Test func thePenaltyShrinksTheWeights() {
    let rows: [[Double]] = (0..<30).map { [Double($0)] }
    let labels = rows.map { $0[0] > 14 || $0[0] == 3 }
    let light = LogisticRegression.fit(rows: rows, labels: labels, penalty: 0.1)
    let heavy = LogisticRegression.fit(rows: rows, labels: labels, penalty: 100)
    #expect(abs(heavy.weights[0]) < abs(light.weights[0]))
  }

  @Test func solvesALinearSystem() throws {
    let solution = try #require(LogisticRegression.solve([2, 1, 1, 3], [5, 10], size: 2))
    #expect(abs(solution[0] - 1) < 1e-12)
    #expect(abs(solution[1] - 3) < 1e-12)
    #expect(LogisticRegression.solve([1, 2, 2, 4], [1, 2], size: 2) == nil)
  }
}
