import Foundation
import ScanModel

/// Reads statements for `evscan dedupe`: JSON lines, one object per line, with `id` and `text` (strings,
/// required) and optionally `framework`, `title`, `primaryCode` (strings or null) and `concepts` (a list of
/// strings). Other keys are ignored, so that files made for other tools (with a group label, say) can be
/// passed as they are. Blank lines are skipped. Errors name the line.
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
    let bytes = [UInt8](data)
    var lines: [(number: Int, range: Range<Int>)] = []
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var number = 1
    for (position, byte) in bytes.enumerated() where byte == 0x0A {
      lines.append((number, start..<position))
      start = position + 1
      number += 1
    }
    if start < bytes.count { lines.append((number, start..<bytes.count)) }
    let relevant = lines.filter { line in bytes[line.range].contains { !Self.isSpace($0) } }

    let pieces = Parallel.ranges(
      relevant.count, pieces: Parallel.pieceCount(for: relevant.count, minimumPieceSize: 2048))
    let decoded = bytes.withUnsafeBufferPointer { buffer in
      Parallel.map(pieces.count) { piece -> Result<[DeduplicationInput], InputError> in
        var inputs: [DeduplicationInput] = []
        inputs.reserveCapacity(pieces[piece].count)
        for position in pieces[piece] {
          let line = relevant[position]
          do throws(InputError) {
            inputs.append(
              try decodeLine(UnsafeBufferPointer(rebasing: buffer[line.range]), file: file, line: line.number)
            )
          } catch {
            return .failure(error)
          }
        }
        return .success(inputs)
      }
    }
    var inputs: [DeduplicationInput] = []
    inputs.reserveCapacity(relevant.count)
    for result in decoded {
      switch result {
      case .success(let part): inputs.append(contentsOf: part)
      case .failure(let error): throw error
      }
    }
    var firstLine: [String: Int] = [:]
    firstLine.reserveCapacity(inputs.count)
    for (position, input) in inputs.enumerated() {
      let line = relevant[position].number
      if let earlier = firstLine[input.id] {
        throw InputError(
          file: file, line: line,
          "the id `\(input.id)` is already used on line \(earlier); ids must be unique")
      }
      firstLine[input.id] = line
    }
    return inputs
  }

  private static func decodeLine(_ bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int)
    throws(InputError)
    -> DeduplicationInput
  {
    let fields: [String: JSONLineParser.Value]
    do {
      fields = try JSONLineParser.parseObject(bytes)
    } catch {
      let message =
        error.message == "the line is not a JSON object"
        ? error.message : "the line is not valid JSON: \(error.message)"
      throw InputError(file: file, line: line, column: error.column, message)
    }
    func string(_ key: String, required: Bool = false) throws(InputError) -> String? {
      switch fields[key] {
      case .string(let text): return text
      case .none, .null: return nil
      case .strings, .other:
        throw InputError(file: file, line: line, element: key, "`\(key)` should be a string")
      }
    }
    guard let rawID = try string("id"), let id = trimmedSpaces(rawID), !id.isEmpty else {
      throw InputError(file: file, line: line, "the statement has no `id`; every line needs a non-empty `id`")
    }
    guard let text = try string("text"), text.utf8.contains(where: { !isSpace($0) }) else {
      throw InputError(file: file, line: line, element: id, "statement `\(id)` has no `text`")
    }
    var concepts: [String] = []
    switch fields["concepts"] {
    case .strings(let list): concepts = Array(Set(list)).sorted()
    case .none, .null: break
    case .string, .other:
      throw InputError(file: file, line: line, element: "concepts", "`concepts` should be a list of strings")
    }
    return DeduplicationInput(
      id: id, framework: try string("framework"), text: text, title: try string("title"), concepts: concepts,
      primaryCode: try string("primaryCode"))
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
