import CSV
import Foundation
import ScanModel

/// A CSV file read whole, with the line each record starts on, so that errors can name the line.
public struct CSVTable: Sendable {
  public struct Row: Sendable {
    public var fields: [String]
    /// The 1-based line the record starts on.
    public var line: Int
  }

  public let file: String
  public let header: [String]
  public let rows: [Row]

  public static func read(path: String) throws -> CSVTable {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: path, "cannot read the file; check the path")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError(file: path, "the file is not UTF-8 text; save it as UTF-8 CSV")
    }
    return try parse(text, file: path)
  }

  /// Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). The first record is the header.
  public static func parse(_ text: String, file: String) throws -> CSVTable {
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw InputError(file: file, "the file is empty; it needs a header row and at least one record")
    }
    let reader: CSVReader
    do {
      reader = try CSVReader(string: body, hasHeaderRow: true)
    } catch {
      throw InputError(file: file, line: 1, "cannot read the header row: \(error)")
    }
    let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
    var line = 1 + Self.lineCount(of: header)
    var rows: [Row] = []
    while let fields = reader.next() {
      if fields.count == 1 && fields[0].isEmpty {
        line += 1
        continue
      }
      rows.append(Row(fields: fields, line: line))
      line += Self.lineCount(of: fields)
    }
    if let error = reader.error {
      throw InputError(
        file: file, line: line, "the CSV is malformed here (\(error)); check for an unclosed quote")
    }
    return CSVTable(file: file, header: header, rows: rows)
  }

  /// The index of the first of `names` present in the header (compared without case or surrounding spaces).
  public func column(_ names: String...) -> Int? {
    for name in names {
      if let index = header.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
        return index
      }
    }
    return nil
  }

  /// The index of a required column, or an error that lists the columns the file has.
  public func requiredColumn(_ names: String...) throws -> Int {
    for name in names {
      if let index = header.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
        return index
      }
    }
    throw InputError(
      file: file, line: 1,
      "missing the column `\(names[0])`; the header has \(header.map { "`\($0)`" }.joined(separator: ", "))")
  }

  /// One record's lines: one, plus the line breaks inside quoted fields.
  private static func lineCount(of fields: [String]) -> Int {
    1 + fields.reduce(0) { $0 + $1.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" ? 1 : 0) } }
  }
}

extension CSVTable.Row {
  /// The field at `index`, trimmed; empty when the record is shorter.
  public subscript(_ index: Int) -> String {
    index < fields.count ? fields[index].trimmingCharacters(in: .whitespacesAndNewlines) : ""
  }
}
