import Foundation

/// Escapes for text placed in Markdown, so that a statement cannot break the report's tables.
enum Markdown {
  static func cell(_ text: String) -> String {
    inline(text).replacingOccurrences(of: "|", with: "\\|")
  }

  static func inline(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
