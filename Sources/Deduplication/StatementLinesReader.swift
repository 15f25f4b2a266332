import Foundation
import ScanModel
import Utilities

/// Reads statements for `evscan dedupe`: JSON lines, one object per line, with `id` and `text` (strings,
/// required) and optionally `framework`, `title`, `primaryCode` (strings or null) and `concepts` (a list of
/// strings). Other keys are ignored, so that files made for other tools (with a group label, say) can be
/// passed as they are. Blank lines are skipped. Errors name the line.
///
/// Lines of the usual shape are read by `StatementLineScanner`; any other line is parsed by Foundation's
/// `JSONSerialization` (which, unlike `JSONDecoder` on Linux, says where a malformed line goes wrong). The
/// lines are split here and parsed on all cores.
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
    let lines = nonBlankLines(data)
    let inputs = try decode(data, lines: lines, file: file)
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

  /// The lines with something other than spaces on them: their 1-based numbers and byte ranges (a byte
  /// order mark left out).
  private static func nonBlankLines(_ data: Data) -> [(number: Int, range: Range<Int>)] {
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
    return lines
  }

  /// The lines decoded on all cores, in order; the first error in line order is thrown.
  private static func decode(
    _ data: Data, lines: [(number: Int, range: Range<Int>)], file: String
  ) throws -> [DeduplicationInput] {
    let base = data.startIndex
    let pieces = Parallel.ranges(
      lines.count, pieces: Parallel.pieceCount(for: lines.count, minimumPieceSize: 2048))
    let decoded = Parallel.map(pieces.count) { piece -> Result<[DeduplicationInput], InputError> in
      var inputs: [DeduplicationInput] = []
      inputs.reserveCapacity(pieces[piece].count)
      for position in pieces[piece] {
        let line = lines[position]
        let slice = data[(base + line.range.lowerBound)..<(base + line.range.upperBound)]
        do {
          inputs.append(try decodeLine(slice, file: file, line: line.number))
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
    return inputs
  }

  private static func decodeLine(_ bytes: Data, file: String, line: Int) throws -> DeduplicationInput {
    let scanned = bytes.withUnsafeBytes { StatementLineScanner.fields($0.bindMemory(to: UInt8.self)) }
    guard let fields = scanned else { return try parseLine(bytes, file: file, line: line) }
    let (id, text) = try idAndText(fields.id, fields.text, file: file, line: line)
    return DeduplicationInput(
      id: id, framework: fields.framework, text: text, title: fields.title,
      concepts: Array(Set(fields.concepts ?? [])).sorted(), primaryCode: fields.primaryCode)
  }

  /// A line `StatementLineScanner` leaves alone, by `JSONSerialization`, which says where bad JSON goes
  /// wrong.
  private static func parseLine(_ bytes: Data, file: String, line: Int) throws -> DeduplicationInput {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: bytes)
    } catch {
      let detail = parserMessage(error)
      throw InputError(
        file: file, line: line, column: detail.column, "the line is not valid JSON: \(detail.message)")
    }
    guard let fields = object as? [String: Any] else {
      throw InputError(file: file, line: line, "the line is not a JSON object")
    }
    func string(_ key: String) throws -> String? {
      switch fields[key] {
      case .none, is NSNull: return nil
      case let text as String: return text
      default: throw InputError(file: file, line: line, element: key, "`\(key)` should be a string")
      }
    }
    let (id, text) = try idAndText(string("id"), string("text"), file: file, line: line)
    var concepts: [String] = []
    switch fields["concepts"] {
    case .none, is NSNull: break
    case let list as [Any] where list.allSatisfy({ $0 is String }):
      concepts = Array(Set(list.compactMap { $0 as? String })).sorted()
    default:
      throw InputError(file: file, line: line, element: "concepts", "`concepts` should be a list of strings")
    }
    return DeduplicationInput(
      id: id, framework: try string("framework"), text: text, title: try string("title"), concepts: concepts,
      primaryCode: try string("primaryCode"))
  }

  /// The id without surrounding spaces and the text, or the error for a line without them. Autoclosures,
  /// so that a wrong type of `text` is reported only after a missing `id`, as the fields are read.
  private static func idAndText(
    _ rawID: @autoclosure () throws -> String?, _ rawText: @autoclosure () throws -> String?, file: String,
    line: Int
  ) throws -> (id: String, text: String) {
    guard let rawID = try rawID(), let id = trimmedSpaces(rawID), !id.isEmpty else {
      throw InputError(file: file, line: line, "the statement has no `id`; every line needs a non-empty `id`")
    }
    guard let text = try rawText(), text.utf8.contains(where: { !isSpace($0) }) else {
      throw InputError(file: file, line: line, element: id, "statement `\(id)` has no `text`")
    }
    return (id, text)
  }

  /// The parser's own words and the column they point at. Foundation says "Invalid value around character
  /// 25." with a 0-based offset into the line, which is the column less one.
  private static func parserMessage(_ error: any Error) -> (message: String, column: Int?) {
    let described = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
    var message = described ?? "\(error)"
    var column: Int?
    if let range = message.range(of: " around character ") {
      column = Int(message[range.upperBound...].prefix { $0.isNumber }).map { $0 + 1 }
      message = String(message[..<range.lowerBound])
    }
    if message.hasSuffix(".") { message.removeLast() }
    return (message.prefix(1).lowercased() + message.dropFirst(), column)
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
