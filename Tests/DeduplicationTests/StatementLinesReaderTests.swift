import ContentHash
import Foundation
import ScanModel
import Testing

@testable import Deduplication

/// JSON lines for `evscan dedupe`.
@Suite struct StatementLinesReaderTests {
  @Test func readsRequiredAndOptionalFields() throws {
    let text = """
      {"id": "a", "text": "Red team models.", "framework": "uk-government-2023", "group": 4}

      {"id": "b", "text": "Publish results.", "title": "Results", "concepts": ["z", "a", "z"], "primaryCode": "3.2"}
      {"id": "c", "text": "Keep logs.", "framework": null}
      """
    let inputs = try StatementLinesReader.parse(text, file: "in.jsonl")
    #expect(inputs.map(\.id) == ["a", "b", "c"])
    #expect(inputs[0].framework == "uk-government-2023")
    #expect(inputs[1].concepts == ["a", "z"])
    #expect(inputs[1].title == "Results")
    #expect(inputs[1].primaryCode == "3.2")
    #expect(inputs[2].framework == nil)
  }

  @Test func escapesAndIgnoredValues() throws {
    let text = #"""
      {"id":"a","text":"Caf\u00e9 \ud83d\ude00 \"q\" a\/b\n","extra":{"nested":[1,2,{"x":null}]},"n":-1.5e3,"ok":true}
      """#
    let inputs = try StatementLinesReader.parse(text, file: "in.jsonl")
    #expect(inputs.first?.text == "Café 😀 \"q\" a/b\n")
  }

  /// Lines of the usual shape are read without JSONSerialization; they must read as it reads them, escapes,
  /// surrogate pairs, nulls, ignored keys and all.
  @Test func usualLinesReadAsJSONSerializationReadsThem() throws {
    let pieces = [
      "plain", "é", "😀", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r", "\\b", "\\f", "\\u00e9", "\\u00E9",
      "\\ud83d\\ude00", "\\u2028", "\\u001f", "\\uffff", " ", "'", "/",
    ]
    var random = SplitMix64(seed: 7)
    func string() -> String {
      "\"x"
        + (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }
        .joined() + "\""
    }
    func optional() -> String { Bool.random(using: &random) ? "null" : string() }
    var lines: [String] = []
    for number in 0..<400 {
      var fields = ["\"id\": \"s\(number)\"", "\"text\":" + string()]
      for key in ["framework", "title", "primaryCode"] where Bool.random(using: &random) {
        fields.append("\"\(key)\":" + optional())
      }
      if Bool.random(using: &random) {
        let concepts = (0..<Int.random(in: 0...3, using: &random)).map { _ in string() }
        fields.append("\"concepts\" : [" + concepts.joined(separator: ", ") + "]")
      }
      let extras = [
        "\"group\":\(number)", "\"n\":-0.25", "\"ok\":true", "\"no\":false", "\"z\":null",
        "\"s\":" + string(),
      ]
      fields.append(contentsOf: extras.filter { _ in Bool.random(using: &random) })
      fields.shuffle(using: &random)
      lines.append("{" + fields.joined(separator: Bool.random(using: &random) ? "," : " ,\t") + "} ")
    }
    let inputs = try StatementLinesReader.parse(lines.joined(separator: "\n"), file: "in.jsonl")
    #expect(inputs.count == lines.count)
    for (line, input) in zip(lines, inputs) {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(input.id == object["id"] as? String)
      #expect(input.text == object["text"] as? String, "\(line)")
      #expect(input.framework == object["framework"] as? String)
      #expect(input.title == object["title"] as? String)
      #expect(input.primaryCode == object["primaryCode"] as? String)
      #expect(input.concepts == Set(object["concepts"] as? [String] ?? []).sorted())
    }
  }

  struct BadLines: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var line: Int
    var message: String
    var testDescription: String { name }
  }

  static let bad: [BadLines] = [
    BadLines(
      name: "bad JSON", text: "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": }\n", line: 2,
      message: "not valid JSON"),
    BadLines(name: "not an object", text: "[1, 2]\n", line: 1, message: "not a JSON object"),
    BadLines(
      name: "open string", text: "{\"id\": \"a, \"text\": \"x\"}\n", line: 1, message: "not valid JSON"),
    BadLines(
      name: "trailing text", text: "{\"id\": \"a\", \"text\": \"x\"} x\n", line: 1,
      message: "not valid JSON"),
    BadLines(name: "missing id", text: "{\"text\": \"x\"}\n", line: 1, message: "no `id`"),
    BadLines(name: "missing text", text: "\n\n{\"id\": \"a\"}\n", line: 3, message: "has no `text`"),
    BadLines(
      name: "empty text", text: "{\"id\": \"a\", \"text\": \"  \"}\n", line: 1, message: "has no `text`"),
    BadLines(
      name: "wrong type", text: "{\"id\": 7, \"text\": \"x\"}\n", line: 1, message: "`id` should be a string"),
    BadLines(
      name: "concepts not a list", text: "{\"id\": \"a\", \"text\": \"x\", \"concepts\": \"c\"}\n", line: 1,
      message: "`concepts` should be a list of strings"),
    BadLines(
      name: "duplicate id",
      text:
        "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}\n{\"id\": \"a\", \"text\": \"z\"}\n",
      line: 3, message: "already used on line 1"),
  ]

  @Test(arguments: bad)
  func badLinesAreNamed(_ bad: BadLines) {
    #expect {
      _ = try StatementLinesReader.parse(bad.text, file: "in.jsonl")
    } throws: { error in
      guard let error = error as? InputError else { return false }
      return error.location.file == "in.jsonl" && error.location.line == bad.line
        && error.message.contains(bad.message)
    }
  }
}
