/// Numbers written for people and for SSSOM's canonical form: at most `digits` decimals, no trailing
/// zeros, no exponent, so that the same score always reads the same on every platform.
package enum DecimalText {
  package static func format(_ value: Double, digits: Int = 3) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
    var scale = 1
    for _ in 0..<digits { scale *= 10 }
    let scaled = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
    guard abs(scaled) < 9e15 else { return String(value) }
    let whole = Int(scaled)
    let negative = whole < 0
    let magnitude = abs(whole)
    var fraction = String(magnitude % scale)
    fraction = String(repeating: "0", count: digits - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let integer = String(magnitude / scale)
    let sign = negative ? "-" : ""
    return fraction.isEmpty ? sign + integer : "\(sign)\(integer).\(fraction)"
  }

  /// Two decimals always, for columns people scan down: "0.80".
  package static func fixed(_ value: Double, digits: Int = 2) -> String {
    guard value.isFinite else { return format(value) }
    var scale = 1
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded(.toNearestOrAwayFromZero))
    let magnitude = abs(scaled)
    var fraction = String(magnitude % scale)
    fraction = String(repeating: "0", count: digits - fraction.count) + fraction
    return "\(scaled < 0 ? "-" : "")\(magnitude / scale).\(fraction)"
  }
}
