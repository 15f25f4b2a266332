/// Running headers, footers and page numbers: lines in a page's top or bottom margin that repeat on
/// many pages (digits aside), and lone numbers there. They are not part of the text.
struct PageChrome {
  /// The share of the page's height at the top and at the bottom where chrome lives.
  static let marginShare = 0.12

  private var repeated: Set<String> = []

  init(pages: [(page: PositionedPage, lines: [LineAssembler.Line])]) {
    var pagesByKey: [String: Set<Int>] = [:]
    for (page, lines) in pages {
      for line in lines where Self.inMargin(line, page) {
        pagesByKey[Self.key(line), default: []].insert(page.number)
      }
    }
    let needed = max(3, Int((Double(pages.count) * 0.25).rounded(.up)))
    repeated = Set(pagesByKey.filter { $0.value.count >= needed }.keys)
  }

  func isChrome(_ line: LineAssembler.Line, on page: PositionedPage) -> Bool {
    guard Self.inMargin(line, page) else { return false }
    let text = line.text
    if Self.isPageNumber(text) { return true }
    return repeated.contains(Self.key(line))
  }

  /// A note that a table or section goes on over the page ("Continued on next page", a caption repeated
  /// with "(Continued)"): typesetting, not text.
  static func isContinuationNote(_ line: LineAssembler.Line) -> Bool {
    let text = line.text.lowercased().trimmingCharacters(in: .whitespaces)
    return text == "continued on next page" || text == "continued on the next page" || text == "(continued)"
      || text.hasSuffix("(continued)") && text.count <= 200
  }

  private static func inMargin(_ line: LineAssembler.Line, _ page: PositionedPage) -> Bool {
    guard page.height > 0 else { return false }
    return line.bottom <= page.height * marginShare || line.top >= page.height * (1 - marginShare)
  }

  /// The line's text with every digit the same, so "Page 3 of 64" repeats as "Page # of #".
  private static func key(_ line: LineAssembler.Line) -> String {
    let folded = line.text.lowercased().map { $0.isNumber ? "#" : $0 }
    return String(folded)
  }

  private static func isPageNumber(_ text: String) -> Bool {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    let core = trimmed.hasPrefix("page ") ? String(trimmed.dropFirst(5)) : trimmed
    if !core.isEmpty, core.count <= 4, core.allSatisfy(\.isNumber) { return true }
    return !core.isEmpty && core.count <= 6 && core.allSatisfy { "ivxlc".contains($0) }
  }
}
