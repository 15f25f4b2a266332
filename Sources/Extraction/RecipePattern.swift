import Foundation

/// A recipe's `labelPattern` or `titlePattern`: what it captures from a unit's text. `FastPattern`
/// answers when it can; `NSRegularExpression` remains the definition and answers the rest.
struct RecipePattern {
  let expression: NSRegularExpression
  private let fast: FastPattern?

  init(_ pattern: String) throws {
    expression = try NSRegularExpression(pattern: pattern)
    fast = FastPattern(pattern)
  }

  /// The pattern's first group in `text` (the whole match if it has no group); nil without a match or
  /// when the group took no part in it.
  func capture(in text: String) -> String? {
    switch fast?.firstMatch(in: text) {
    case .noMatch:
      return nil
    case .match(let range):
      // As `Range(_:in:)` does for NSRegularExpression's ranges: a bound inside a Character (between a
      // letter and its accent) gives no capture.
      guard let range else { return nil }
      if let captured = StatementText.asciiBounded(text, range) { return captured }
      let utf8 = text.utf8
      let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
      guard let start = String.Index(lower, within: text),
        let end = String.Index(utf8.index(lower, offsetBy: range.count), within: text)
      else { return nil }
      return String(text[start..<end])
    case .undecided, nil:
      let whole = NSRange(text.startIndex..<text.endIndex, in: text)
      guard let match = expression.firstMatch(in: text, range: whole) else { return nil }
      let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
      guard range.location != NSNotFound, let bounds = Range(range, in: text) else { return nil }
      return String(text[bounds])
    }
  }
}
