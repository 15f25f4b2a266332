import Foundation
import ScanModel
import Testing

@testable import Snapshot

/// The database's JSON columns are written directly; each must be the text `JSONEncoder` gives, which is what
/// the columns held before and what readers decode.
@Suite("JSON columns")
struct JSONColumnTests {
  static let awkwardStrings = [
    "", "plain", "quote \" and backslash \\", "slash / stays", "tab\there, newline\nthere, return\r",
    "bell \u{07}, escape \u{1B}, nul \u{00}, form feed \u{0C}, backspace \u{08}",
    "curly “quotes” – dashes, é, 漢字, emoji 🧯, line separator \u{2028}",
    "a long run of plain text "
      + String(
        repeating: "without any character to escape ", count: 8),
  ]

  static let weights: [Double?] = [
    nil, 0, 1, -1, 0.5, -0.25, 0.123456, 1e-7, 3.5e-5, 123_456.789, 1e15, 1e20, 2.5e300, .pi, 0.1 + 0.2,
  ]

  @Test(arguments: awkwardStrings)
  func aListOfStringsIsWhatTheEncoderWrites(string: String) throws {
    let list = [string, "second", string]
    #expect(SnapshotJSON.columnText(list) == (try SnapshotJSON.text(list)))
    #expect(SnapshotJSON.columnText([String]()) == (try SnapshotJSON.text([String]())))
  }

  @Test(arguments: weights)
  func reasonsAreWhatTheEncoderWrites(weight: Double?) throws {
    let reasons =
      Self.awkwardStrings.map { CodingReason(kind: .feature, text: $0, weight: weight) }
      + [CodingReason(kind: .alternative, text: "runner-up 3.2")]
    #expect(SnapshotJSON.columnText(reasons) == (try SnapshotJSON.text(reasons)))
    let decoded = try JSONDecoder().decode(
      [CodingReason].self, from: Data(SnapshotJSON.columnText(reasons).utf8))
    #expect(decoded == reasons)
  }

  @Test func anEdgesComponentsAreWhatTheEncoderWrites() throws {
    let components = Dictionary(
      uniqueKeysWithValues: Self.weights.compactMap { $0 }.enumerated().map { ("component\($0)", $1) }
    )
    .merging(["tfidf": 0.61, "concepts": 0, "lexical": 1, "object": 0.333333, "probability": 0.75]) { a, _ in
      a
    }
    #expect(SnapshotJSON.columnText(components) == (try SnapshotJSON.text(components)))
    #expect(SnapshotJSON.columnText([String: Double]()) == (try SnapshotJSON.text([String: Double]())))
  }
}
