import CSVInput
import Foundation
import ScanModel

/// A pair of statements a person labelled: the same practice (`duplicate`) or not.
public struct LabelledPair: Sendable, Hashable, Codable {
  public var a: String
  public var b: String
  public var duplicate: Bool
  /// The label as written (`duplicate`, `related`, `unrelated`, `must-link`, `cannot-link`).
  public var label: String
  /// File and line, for errors and for listing the pair.
  public var file: String
  public var line: Int

  public init(a: String, b: String, duplicate: Bool, label: String, file: String, line: Int) {
    self.a = a
    self.b = b
    self.duplicate = duplicate
    self.label = label
    self.file = file
    self.line = line
  }
}

/// Reads labelled pairs from the three shapes they come in:
/// - JSON lines `{"a", "b", "label", "why"}` (`.jsonl`), with label `duplicate`, `related` or `unrelated`,
///   as ../shared/data/mit-pairs-dev.jsonl has them;
/// - a CSV with columns `a`, `b`, `label` (and any others, such as `coder` and `why`), as
///   models/pair-labels.csv has them;
/// - decisions/merges.csv: a must-link is a duplicate, a cannot-link is not.
public enum LabelledPairReader {
  public static let labels = ["duplicate": true, "related": false, "unrelated": false]

  public static func load(path: String) throws -> [LabelledPair] {
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw InputError(file: path, "cannot read the labelled pairs as UTF-8 text; check the path")
    }
    if path.hasSuffix(".jsonl") { return try parseLines(text, file: path) }
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
    if firstLine.split(separator: ",").contains("decision") {
      return try MergeDecisionsReader.parse(text, file: path).enumerated().map { offset, decision in
        LabelledPair(
          a: decision.a, b: decision.b, duplicate: decision.kind == .mustLink, label: decision.kind.rawValue,
          file: path, line: offset + 2)
      }
    }
    return try parseCSV(text, file: path)
  }

  static func parseLines(_ text: String, file: String) throws -> [LabelledPair] {
    var pairs: [LabelledPair] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.isEmpty { continue }
      let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any]
      guard let object, let a = object["a"] as? String, let b = object["b"] as? String,
        let label = object["label"] as? String
      else {
        throw InputError(
          file: file, line: offset + 1,
          "is not a labelled pair; write a JSON object with string fields `a`, `b` and `label`")
      }
      pairs.append(try pair(a, b, label, file: file, line: offset + 1))
    }
    return pairs
  }

  static func parseCSV(_ text: String, file: String) throws -> [LabelledPair] {
    let table = try CSVTable.parse(text, file: file)
    guard let a = table.header.firstIndex(of: "a"), let b = table.header.firstIndex(of: "b"),
      let label = table.header.firstIndex(of: "label")
    else {
      throw InputError(
        file: file, line: 1, "the header needs the columns `a`, `b` and `label` (and may have `coder`, `why`)"
      )
    }
    return try table.rows.map { row in
      guard row.fields.count == table.header.count else {
        throw InputError(
          file: file, line: row.line, "has \(row.fields.count) fields; the header has \(table.header.count)")
      }
      return try pair(row.fields[a], row.fields[b], row.fields[label], file: file, line: row.line)
    }
  }

  private static func pair(_ a: String, _ b: String, _ label: String, file: String, line: Int) throws
    -> LabelledPair
  {
    guard let duplicate = labels[label] else {
      throw InputError(
        file: file, line: line,
        "unknown label `\(label)`; write `duplicate`, `related` or `unrelated`")
    }
    guard !a.isEmpty, !b.isEmpty, a != b else {
      throw InputError(file: file, line: line, "a labelled pair needs two different statement ids")
    }
    return LabelledPair(a: a, b: b, duplicate: duplicate, label: label, file: file, line: line)
  }
}
