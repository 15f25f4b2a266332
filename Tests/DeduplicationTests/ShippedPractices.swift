import Foundation
import Testing

/// The ground truth of one shipped framework (Fixtures/shipped-practices/<slug>.yaml): practice id to text
/// fragments, look-alike pairs, and summary repeats. The files use a small, fixed subset of YAML (block
/// mappings, block lists of double-quoted strings, `{}` and `[]`), read here line by line because the test
/// target has no YAML library.
struct ShippedPractices: Sendable, CustomTestStringConvertible {
  struct Repeat: Sendable {
    var body: String
    var summary: String
    var verbatim: Bool
  }

  var file: String
  var framework: String = ""
  var practices: [(id: String, fragments: [String])] = []
  var lookalikes: [(name: String, statements: [String])] = []
  var summaryRepeats: [Repeat] = []

  var testDescription: String { file }

  static let all: [ShippedPractices] = Fixtures.shippedPracticeFiles.compactMap { name in
    let path = Fixtures.directory.appendingPathComponent("shipped-practices/\(name)").path
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return ShippedPractices(file: name, text: String(decoding: data, as: UTF8.self))
  }

  init(file: String, text: String) {
    self.file = file
    var section = ""
    var pending: Repeat?
    for rawLine in text.split(separator: "\n") {
      let line = String(rawLine)
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if !line.hasPrefix(" ") {
        if let finished = pending {
          summaryRepeats.append(finished)
          pending = nil
        }
        let key = String(trimmed.prefix { $0 != ":" })
        section = key
        if key == "framework" { framework = Self.value(after: ":", in: trimmed) }
        continue
      }
      switch section {
      case "practices", "lookalikes":
        if trimmed.hasPrefix("- ") {
          let fragment = Self.quoted(trimmed)
          if section == "practices", !practices.isEmpty {
            practices[practices.count - 1].fragments.append(fragment)
          } else if section == "lookalikes", !lookalikes.isEmpty {
            lookalikes[lookalikes.count - 1].statements.append(fragment)
          }
        } else if trimmed.hasSuffix(":") {
          let name = String(trimmed.dropLast())
          if section == "practices" { practices.append((name, [])) } else { lookalikes.append((name, [])) }
        }
      case "summaryRepeats":
        if trimmed.hasPrefix("- body:") {
          if let finished = pending { summaryRepeats.append(finished) }
          pending = Repeat(body: Self.quoted(trimmed), summary: "", verbatim: false)
        } else if trimmed.hasPrefix("summary:") {
          pending?.summary = Self.quoted(trimmed)
        } else if trimmed.hasPrefix("verbatim:") {
          pending?.verbatim = trimmed.hasSuffix("true")
        }
      default:
        break
      }
    }
    if let finished = pending { summaryRepeats.append(finished) }
  }

  private static func quoted(_ text: String) -> String {
    guard let first = text.firstIndex(of: "\""), let last = text.lastIndex(of: "\""), first < last else {
      return ""
    }
    return String(text[text.index(after: first)..<last])
  }

  private static func value(after separator: Character, in text: String) -> String {
    guard let index = text.firstIndex(of: separator) else { return "" }
    return text[text.index(after: index)...].trimmingCharacters(in: .whitespaces)
  }
}
