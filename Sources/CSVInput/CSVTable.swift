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

  /// Reads the file at `path`; `name` (the path by default) is how errors and rows name the file.
  public static func read(path: String, name: String? = nil) throws -> CSVTable {
    let file = name ?? path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: file, "cannot read the file; check the path")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError(file: file, "the file is not UTF-8 text; save it as UTF-8 CSV")
    }
    return try parse(text, file: file)
  }

  /// Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). The first record is the header.
  public static func parse(_ text: String, file: String) throws -> CSVTable {
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw InputError(file: file, "the file is empty; it needs a header row and at least one record")
    }
    // CSV.swift is lenient about quotes: an unclosed quote swallows the rest of the file and a stray one
    // is kept as text, both without an error. Either means the file is not what its author thinks.
    try checkQuoting(body, file: file)
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

  /// RFC 4180 quoting: a quote opens a field or closes one (doubled inside it), and a closed quoted field is
  /// followed by a comma or a line break. Errors name the line.
  private static func checkQuoting(_ text: String, file: String) throws {
    var state = QuotingState()
    var iterator = text.utf8.makeIterator()
    var pending = iterator.next()
    while let byte = pending {
      pending = iterator.next()
      if state.inQuotes {
        if byte == QuotingState.quote && pending == QuotingState.quote {
          pending = iterator.next()  // a quote written twice inside the field
        } else {
          state.readQuoted(byte)
        }
      } else if let problem = state.readUnquoted(byte) {
        throw InputError(file: file, line: state.line, problem)
      }
    }
    if state.inQuotes {
      throw InputError(
        file: file, line: state.openedOn,
        "a quoted field opened on this line is never closed; add the closing quote (write a quote inside a quoted field as \"\")"
      )
    }
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

/// Where `checkQuoting` is: on which line, inside quotes or not, and whether a field has just closed or
/// is about to start.
private struct QuotingState {
  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")

  var line = 1
  /// The line the open quoted field began on.
  var openedOn = 0
  var inQuotes = false
  var justClosed = false
  var atFieldStart = true

  /// A byte inside a quoted field, other than a doubled quote.
  mutating func readQuoted(_ byte: UInt8) {
    if byte == Self.quote {
      inQuotes = false
      justClosed = true
    } else if byte == Self.newline {
      line += 1
    }
  }

  /// A byte outside quotes; returns the problem, if it is one.
  mutating func readUnquoted(_ byte: UInt8) -> String? {
    if justClosed && byte != Self.comma && byte != Self.newline && byte != Self.carriageReturn {
      return
        "text follows the closing quote of a quoted field; put the whole field in quotes and write each quote inside it twice (\"\")"
    }
    justClosed = false
    switch byte {
    case Self.quote:
      guard atFieldStart else {
        return
          "a double quote inside an unquoted field; put the whole field in quotes and write the quote twice (\"\")"
      }
      inQuotes = true
      openedOn = line
      atFieldStart = false
    case Self.comma:
      atFieldStart = true
    case Self.newline:
      line += 1
      atFieldStart = true
    default:
      atFieldStart = false
    }
    return nil
  }
}
