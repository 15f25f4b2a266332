import Foundation
import ScanModel

/// Reads statements for `evscan dedupe`: JSON lines, one object per line, with `id` and `text` (strings,
/// required) and optionally `framework`, `title`, `primaryCode` (strings or null) and `concepts` (a list of
/// strings). Other keys are ignored, so that files made for other tools (with a group label, say) can be
/// passed as they are. Blank lines are skipped. Errors name the line.
///
/// Each line is decoded by Foundation's `JSONDecoder`; the lines are split here and decoded on all cores,
/// each piece with its own decoder.
public enum StatementLinesReader {
  public static func load(path: String) throws -> [DeduplicationInput] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: path, "cannot read the statements; check the path")
    }
    return try parse(data, file: path)
  }

  public static func parse(_ text: String, file: String) throws -> [DeduplicationInput] {
    try parse(Data(text.utf8), file: file)
  }

  public static func parse(_ data: Data, file: String) throws -> [DeduplicationInput] {
    var lines: [(number: Int, range: Range<Int>)] = []
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      var number = 1
      var hasContent = false
      for position in start..<bytes.count {
        let byte = bytes[position]
        if byte == 0x0A {
          if hasContent { lines.append((number, start..<position)) }
          start = position + 1
          number += 1
          hasContent = false
        } else if !hasContent && !isSpace(byte) {
          hasContent = true
        }
      }
      if hasContent { lines.append((number, start..<bytes.count)) }
    }

    let base = data.startIndex
    let pieces = Parallel.ranges(
      lines.count, pieces: Parallel.pieceCount(for: lines.count, minimumPieceSize: 2048))
    let decoded = Parallel.map(pieces.count) { piece -> Result<[DeduplicationInput], InputError> in
      let decoder = JSONDecoder()
      var inputs: [DeduplicationInput] = []
      inputs.reserveCapacity(pieces[piece].count)
      for position in pieces[piece] {
        let line = lines[position]
        let slice = data[(base + line.range.lowerBound)..<(base + line.range.upperBound)]
        do {
          inputs.append(try decodeLine(slice, decoder: decoder, file: file, line: line.number))
        } catch let error as InputError {
          return .failure(error)
        } catch {
          return .failure(InputError(file: file, line: line.number, "the line cannot be read: \(error)"))
        }
      }
      return .success(inputs)
    }
    var inputs: [DeduplicationInput] = []
    inputs.reserveCapacity(lines.count)
    for result in decoded {
      switch result {
      case .success(let part): inputs.append(contentsOf: part)
      case .failure(let error): throw error
      }
    }
    var firstLine: [String: Int] = [:]
    firstLine.reserveCapacity(inputs.count)
    for (position, input) in inputs.enumerated() {
      let line = lines[position].number
      if let earlier = firstLine[input.id] {
        throw InputError(
          file: file, line: line,
          "the id `\(input.id)` is already used on line \(earlier); ids must be unique")
      }
      firstLine[input.id] = line
    }
    return inputs
  }

  /// The fields this reader takes; any other key of the object is ignored by the decoder.
  private struct Line: Decodable {
    var id: String?
    var text: String?
    var framework: String?
    var title: String?
    var concepts: [String]?
    var primaryCode: String?
  }

  private static func decodeLine(_ bytes: Data, decoder: JSONDecoder, file: String, line: Int) throws
    -> DeduplicationInput
  {
    let fields: Line
    do {
      fields = try decoder.decode(Line.self, from: bytes)
    } catch let DecodingError.typeMismatch(_, context) {
      guard let key = context.codingPath.first?.stringValue else {
        throw InputError(file: file, line: line, "the line is not a JSON object")
      }
      let expected = key == "concepts" ? "a list of strings" : "a string"
      throw InputError(file: file, line: line, element: key, "`\(key)` should be \(expected)")
    } catch let DecodingError.dataCorrupted(context) {
      let detail = Self.parserMessage(context)
      throw InputError(
        file: file, line: line, column: detail.column, "the line is not valid JSON: \(detail.message)")
    }
    guard let rawID = fields.id, let id = trimmedSpaces(rawID), !id.isEmpty else {
      throw InputError(file: file, line: line, "the statement has no `id`; every line needs a non-empty `id`")
    }
    guard let text = fields.text, text.utf8.contains(where: { !isSpace($0) }) else {
      throw InputError(file: file, line: line, element: id, "statement `\(id)` has no `text`")
    }
    return DeduplicationInput(
      id: id, framework: fields.framework, text: text, title: fields.title,
      concepts: Array(Set(fields.concepts ?? [])).sorted(), primaryCode: fields.primaryCode)
  }

  /// The parser's own words and, when it gives one, the column (Foundation says "around line 1, column 22").
  private static func parserMessage(_ context: DecodingError.Context) -> (message: String, column: Int?) {
    let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
    let message = underlying ?? context.debugDescription
    var column: Int?
    if let range = message.range(of: "column ") {
      column = Int(message[range.upperBound...].prefix { $0.isNumber })
    }
    return (message, column)
  }

  /// The text without leading and trailing spaces and tabs; the same string when there are none, which is
  /// nearly always, so that the common case costs one look at each end.
  private static func trimmedSpaces(_ text: String) -> String? {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last else { return text }
    if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return text }
    return text.trimmingCharacters(in: .whitespaces)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
  }
}
