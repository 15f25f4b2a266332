import Foundation

/// Escapes for text placed in Markdown, so that a statement cannot break the report's tables. `package`: the
/// diff's terminal rendering in evscan flattens text the same way.
package enum Markdown {
  package static func cell(_ text: String) -> String {
    inline(text).replacingOccurrences(of: "|", with: "\\|")
  }

  package static func inline(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
