/// Scores as reports show them: two decimals, as "0.83". Written by hand because `String(format:)` is slow
/// where millions are made (the reasons of every reported edge).
public enum ScoreFormat {
  /// Two decimals, as "0.83".
  public static func format(_ value: Double) -> String {
    var text: [UInt8] = []
    format(value, into: &text)
    return String(decoding: text, as: UTF8.self)
  }

  static func format(_ value: Double, into text: inout [UInt8]) {
    guard value.isFinite else {
      text.append(contentsOf: "\(value)".utf8)
      return
    }
    let hundredths = Int((abs(value) * 100).rounded())
    if value < 0 && hundredths > 0 { text.append(UInt8(ascii: "-")) }
    appendDigits(hundredths / 100, to: &text)
    text.append(UInt8(ascii: "."))
    let fraction = hundredths % 100
    text.append(UInt8(ascii: "0") + UInt8(fraction / 10))
    text.append(UInt8(ascii: "0") + UInt8(fraction % 10))
  }

  private static func appendDigits(_ number: Int, to text: inout [UInt8]) {
    if number >= 10 { appendDigits(number / 10, to: &text) }
    text.append(UInt8(ascii: "0") + UInt8(number % 10))
  }
}
