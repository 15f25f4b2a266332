/// Decides what a hyphen at a line's end was: the words the document writes within its lines are the
/// evidence. "dis-" + "semination" is joined when "dissemination" occurs elsewhere; "third-" + "party"
/// keeps its hyphen unless "thirdparty" does. With no evidence the hyphen stays: a compound printed
/// wrongly as one word misleads a reader more than a visible break.
struct WordBreaks {
  private var words: Set<String> = []

  init(pages: [PositionedPage]) {
    for page in pages {
      for run in page.runs {
        for token in run.text.split(whereSeparator: { $0.isWhitespace }) {
          words.insert(Self.fold(token))
        }
      }
    }
  }

  /// `text` with every `TextCleaner.lineEndHyphen` resolved.
  func resolve(_ text: String) -> String {
    guard text.contains(TextCleaner.lineEndHyphen) else { return text }
    var result = ""
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      guard character == TextCleaner.lineEndHyphen else {
        result.append(character)
        continue
      }
      let before = characters[..<index].reversed().prefix { $0.isLetter }.reversed()
      let after = characters[(index + 1)...].prefix { $0.isLetter }
      if words.contains(Self.fold(String(before) + String(after))) {
        continue
      }
      result.append("-")
    }
    return result
  }

  private static func fold<S: StringProtocol>(_ token: S) -> String {
    String(token.filter { $0.isLetter || $0 == "-" }).lowercased()
  }
}
