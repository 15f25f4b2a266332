/// Lines of terminal text with labelled fields and wrapped paragraphs.
struct TextBlock {
  let width: Int
  private(set) var lines: [String] = []

  init(width: Int) {
    self.width = max(40, width)
  }

  var text: String { lines.joined(separator: "\n") + "\n" }

  mutating func line(_ text: String) {
    lines.append(text)
  }

  mutating func blank() {
    lines.append("")
  }

  /// `  label       value`, the value wrapped under itself.
  mutating func field(_ label: String, _ value: String) {
    let prefix = "  " + label.padded(to: 12) + " "
    let wrappedLines = Self.wrap(value, width: width - prefix.count)
    for (offset, text) in wrappedLines.enumerated() {
      lines.append((offset == 0 ? prefix : String(repeating: " ", count: prefix.count)) + text)
    }
  }

  mutating func wrapped(_ text: String, indent: Int) {
    let pad = String(repeating: " ", count: indent)
    lines += Self.wrap(text, width: width - indent).map { pad + $0 }
  }

  /// Greedy word wrap; a word longer than the width stands on a line of its own.
  static func wrap(_ text: String, width: Int) -> [String] {
    var result: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      for word in paragraph.split(separator: " ") {
        if current.isEmpty {
          current = String(word)
        } else if current.count + 1 + word.count <= width {
          current += " " + word
        } else {
          result.append(current)
          current = String(word)
        }
      }
      result.append(current)
    }
    return result
  }
}
