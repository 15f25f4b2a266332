import Foundation
import Testing

@testable import Extraction

/// `FastPattern` must capture exactly what `NSRegularExpression` captures, or hand the text back to it.
@Suite("Label and title patterns without NSRegularExpression")
struct FastPatternTests {
  static let patterns = [
    #"^((?:Govern|Map|Measure|Manage) \d+\.\d+):"#, #"^([A-Z]{2}-\d+) "#, #"^([A-Z]{3}-\d{2})$"#,
    #"^(Measure [IVX]+\.\d+(?:\.\d+)?)"#, #"^Measure [IVX]+\.\d+(?:\.\d+)?\.?\s*(.+)$"#,
    #"^\s*(\([A-Za-z0-9]{1,4}\))"#, #"^([A-Z]{2}-\d+\.\d+-\d{3})"#, #"^\s*([A-Za-z0-9]{1,3}[.)])"#,
    #"(\d+)"#, #"[a-z]+"#, #"é(.)"#, #"^(.*)$"#, #"x|(y)"#, #"(a|ab)(c|bcd)(d*)"#, #"^[^)]+\)"#,
    #"\w+\W"#, #"(\S+)\s"#, #"^(a{2,3})"#, #"(?:ab){2,}(c?)"#, #"[\d\-]+"#, #"^$"#, #"a$"#, #"e"#, #"(e)(.)"#,
    // Outside the subset: NSRegularExpression answers alone.
    #"(?i)^measure"#, #"\bword\b"#, #"(a)\1"#, #"a*?"#, #"(a*)*"#, #"\p{L}+"#, #"[[a-z]&&[^x]]"#,
    #"(x)+"#,
  ]

  static let texts = [
    "Govern 1.2: Leaders set risk tolerances.", "GV-1.1-001 Align policies", "AB-12", "ABC-12", "ABC-123",
    "Measure II.4.3. Serious incident reporting", "Measure IV.1 Safety", "  (a) A developer shall",
    "(12a) text", "1) first", "no digits here", "naïve café é1 ok", "e\u{301}(x) combining", "x", "y",
    "abcd", "abcbcdd", "text) more", "word, next", "tab\there", "vertical\u{0B}tab", "line\nbreak",
    "ends with newline\n", "ends with crlf\r\n", "\u{2028}", "", "aa", "aaaa", "ababc", "abab",
    "12-34-56", "日本語 123", "emoji 👍🏽 7", "Ⅻ roman numeral", "٣ arabic digit", "nbsp\u{A0}space",
    "a", "word a", "e\u{301}", "xe\u{301}y", "e\u{301}\u{302}e",
  ]

  @Test(arguments: patterns)
  func capturesWhatICUCaptures(_ pattern: String) throws {
    let reference = try NSRegularExpression(pattern: pattern)
    let recipePattern = try RecipePattern(pattern)
    for text in Self.texts {
      #expect(recipePattern.capture(in: text) == Self.capture(reference, in: text), "\(pattern) on \(text)")
    }
  }

  @Test func theShippedPatternsNeedNoICU() {
    for pattern in Self.patterns.prefix(8) {
      #expect(FastPattern(pattern) != nil, "\(pattern)")
    }
  }

  @Test func patternsOutsideTheSubsetAreRefused() {
    for pattern in [
      #"(?i)a"#, #"\bw"#, #"(a)\1"#, #"a*?"#, #"a++"#, #"(a*)*"#, #"\p{L}"#, #"[[a]]"#, #"(x)+"#,
    ] {
      #expect(FastPattern(pattern) == nil, "\(pattern)")
    }
  }

  /// Depths past the shallow stack (about forty entries) but within the deep one are still decided here.
  @Test(arguments: [10, 40, 41, 42, 60, 200, 300])
  func deepBacktrackingIsDecidedWithoutICU(repeats: Int) {
    let text = String(repeating: "a", count: repeats) + "b"
    let outcome = FastPattern(#"^(a+)b"#)?.firstMatch(in: text)
    // Each `a` leaves one branch; past the deep stack's 256 the search is ICU's.
    #expect(outcome == (repeats < 250 ? .match(0..<repeats) : .undecided), "\(repeats)")
    #expect(FastPattern(#"^(a+)c"#)?.firstMatch(in: text) == (repeats < 250 ? .noMatch : .undecided))
  }

  @Test func unicodeClassesAreLeftToICU() {
    let pattern = FastPattern(#"\d"#)
    #expect(pattern?.firstMatch(in: "٣") == .undecided)
    #expect(pattern?.firstMatch(in: "3") == .match(0..<1))
    #expect(FastPattern(#"\s"#)?.firstMatch(in: "a\u{0B}") == .undecided)
  }

  /// What the extractor did before `FastPattern`, and still does when it answers `.undecided`.
  static func capture(_ expression: NSRegularExpression, in text: String) -> String? {
    let whole = NSRange(text.startIndex..<text.endIndex, in: text)
    guard let match = expression.firstMatch(in: text, range: whole) else { return nil }
    let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
    guard range.location != NSNotFound, let bounds = Range(range, in: text) else { return nil }
    return String(text[bounds])
  }
}
