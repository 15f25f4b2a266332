/// The most common of a set of measurements (font sizes, line pitches), weighted by how often each is
/// seen. Ties go to the smaller value, so the choice does not depend on a dictionary's order.
struct Tally {
  private var weights: [Double: Int] = [:]

  mutating func add(_ value: Double, weight: Int = 1) {
    weights[value, default: 0] += weight
  }

  var total: Int { weights.values.reduce(0, +) }

  var mostCommon: Double? {
    weights.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
  }
}
