import ScanModel

/// A small RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks
/// and doubled quotes; records end with LF or CRLF. Each record carries the line it starts on, so that
/// errors about its content can name that line.
struct CSVRecordReader {
  struct Record: Sendable, Hashable {
    var fields: [String]
    /// 1-based line the record starts on.
    var line: Int
  }

  /// The records of `text`; blank lines are skipped. A byte-order mark at the start is ignored.
  static func records(_ text: String, file: String) throws -> [Record] {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var records: [Record] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var recordLine = 1
    var index = 0
    var fieldWasQuoted = false
    var recordHasContent = false

    func endField() {
      fields.append(String(field))
      field = String.UnicodeScalarView()
      fieldWasQuoted = false
    }
    func endRecord() {
      endField()
      if recordHasContent || fields.count > 1 || !(fields.first ?? "").isEmpty {
        records.append(Record(fields: fields, line: recordLine))
      }
      fields = []
      recordHasContent = false
    }

    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar {
      case "\"":
        guard field.isEmpty && !fieldWasQuoted else {
          throw InputError(
            file: file, line: line,
            "a double quote inside an unquoted field; put the whole field in quotes and double the quote")
        }
        fieldWasQuoted = true
        recordHasContent = true
        let openingLine = line
        index += 1
        var closed = false
        while index < scalars.count {
          let inner = scalars[index]
          if inner == "\"" {
            if index + 1 < scalars.count && scalars[index + 1] == "\"" {
              field.append("\"")
              index += 2
              continue
            }
            closed = true
            index += 1
            break
          }
          if inner == "\n" { line += 1 }
          field.append(inner)
          index += 1
        }
        guard closed else {
          throw InputError(
            file: file, line: openingLine, "a quoted field is never closed; add the closing quote")
        }
        if index < scalars.count {
          let next = scalars[index]
          let endsLine =
            next == "\n" || (next == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
          guard next == "," || endsLine || (next == "\r" && index + 1 == scalars.count) else {
            throw InputError(
              file: file, line: line,
              "text after a closing quote; a quoted field must end at a comma or line end")
          }
        }
      case ",":
        recordHasContent = true
        endField()
        index += 1
      case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n":
        endRecord()
        index += 2
        line += 1
        recordLine = line
      case "\n":
        endRecord()
        index += 1
        line += 1
        recordLine = line
      default:
        if fieldWasQuoted {
          throw InputError(
            file: file, line: line,
            "text after a closing quote; a quoted field must end at a comma or line end")
        }
        field.append(scalar)
        index += 1
      }
    }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
      endRecord()
    }
    return records
  }
}
