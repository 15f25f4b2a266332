import Foundation

/// A recipe's `labelPattern` or `titlePattern`: what it captures from a unit's text, as ICU reads the
/// pattern (through `NSRegularExpression`).
struct RecipePattern {
  let expression: NSRegularExpression

  init(_ pattern: String) throws {
    expression = try NSRegularExpression(pattern: pattern)
  }

  /// The pattern's first group in `text` (the whole match if it has no group); nil without a match, when
  /// the group took no part in it, or when a bound falls inside a Character (between a letter and its
  /// accent).
  func capture(in text: String) -> String? {
    let whole = NSRange(text.startIndex..<text.endIndex, in: text)
    guard let match = expression.firstMatch(in: text, range: whole) else { return nil }
    let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
    guard range.location != NSNotFound, let bounds = Range(range, in: text) else { return nil }
    return String(text[bounds])
  }
}
