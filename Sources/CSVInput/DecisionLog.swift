import Foundation
import ScanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A CSV file of decisions that grows one whole line at a time (decisions/codes.csv, decisions/merges.csv).
///
/// Each record is encoded as one line and written with a single `write` to a file opened for appending, then
/// `fsync`ed, before the call returns: a crash or `kill -9` loses at most the record not yet written, and
/// the lines before it are on disk. Should a line still be torn (a full disk, a power cut inside the write),
/// `repairTornTail` finds it: a last line without its line break that does not read as a whole record is
/// cut off, and the caller warns about it; a last line that is whole but lacks its line break gets one.
public struct DecisionLog: Sendable {
  public let path: String
  public let header: [String]

  public init(path: String, header: [String]) {
    self.path = path
    self.header = header
  }

  /// Creates the file with its header when it is not there, repairs a torn last line, and adds any column
  /// of `header` the file lacks (at the end, empty on the lines already there: decisions/merges.csv had no
  /// `date` before `evscan review` wrote one). Returns the warning to show when a torn line was cut off.
  @discardableResult
  public func prepare() throws -> String? {
    if !FileManager.default.fileExists(atPath: path) {
      try appendLine(Self.encode(header))
      return nil
    }
    let warning = try Self.repairTornTail(path: path)
    let table = try CSVTable.read(path: path)
    let missing = header.filter { !table.header.contains($0) }
    if !missing.isEmpty {
      var text = Self.encode(table.header + missing)
      for row in table.rows { text += Self.encode(row.fields + missing.map { _ in "" }) }
      try writeSynced(Data(text.utf8), to: path + ".columns", flags: O_WRONLY | O_CREAT | O_TRUNC)
      guard rename(path + ".columns", path) == 0 else {
        throw InputError(file: path, "cannot add the columns \(missing): \(String(cString: strerror(errno)))")
      }
    }
    return warning
  }

  /// Appends one record (its fields in `header` order) and waits until it is on disk.
  public func append(_ fields: [String]) throws {
    try appendLine(try line(fields))
  }

  /// Removes the last record when it is `fields` (an undo of the last `append`), by writing the rest to a
  /// new file and renaming it over the old one, so that a crash leaves either the old or the new file.
  /// Returns false, and changes nothing, when the last record is another.
  public func removeLast(_ fields: [String]) throws -> Bool {
    let line = try line(fields)
    guard let data = FileManager.default.contents(atPath: path), data.count >= line.utf8.count,
      data.suffix(line.utf8.count).elementsEqual(Data(line.utf8))
    else { return false }
    let rest = data.prefix(data.count - line.utf8.count)
    guard rest.isEmpty || rest.last == 0x0A else { return false }
    let temporary = path + ".undo"
    try writeSynced(Data(rest), to: temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
    guard rename(temporary, path) == 0 else {
      throw InputError(
        file: path, "cannot replace the file to undo a decision: \(String(cString: strerror(errno)))")
    }
    return true
  }

  /// The record as a line in the file's own column order (its header may order the columns otherwise, or
  /// have more of them, which stay empty).
  private func line(_ fields: [String]) throws -> String {
    let table = try CSVTable.read(path: path)
    guard table.header != header else { return Self.encode(fields) }
    var value: [String: String] = [:]
    for (column, field) in zip(header, fields) { value[column] = field }
    return Self.encode(table.header.map { value[$0] ?? "" })
  }

  private func appendLine(_ line: String) throws {
    try writeSynced(Data(line.utf8), to: path, flags: O_WRONLY | O_CREAT | O_APPEND)
  }

  private func writeSynced(_ data: Data, to file: String, flags: Int32) throws {
    let descriptor = open(file, flags | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw InputError(file: file, "cannot open the file to write: \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var written = 0
    try data.withUnsafeBytes { raw in
      while written < raw.count {
        let result = write(descriptor, raw.baseAddress! + written, raw.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          throw InputError(file: file, "cannot write: \(String(cString: strerror(errno)))")
        }
        written += result
      }
    }
    guard fsync(descriptor) == 0 else {
      throw InputError(file: file, "cannot flush to disk: \(String(cString: strerror(errno)))")
    }
  }

  /// One record as a CSV line with its line break; fields with a comma, quote or line break are quoted.
  public static func encode(_ fields: [String]) -> String {
    fields.map { field in
      guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
        return field
      }
      return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }.joined(separator: ",") + "\n"
  }

  /// Cuts off a torn last line (no line break, and not a whole record: an unclosed quote or fewer fields
  /// than the header) and returns a warning naming it; gives a whole last line its missing line break.
  public static func repairTornTail(path: String, name: String? = nil) throws -> String? {
    guard let data = FileManager.default.contents(atPath: path), !data.isEmpty, data.last != 0x0A else {
      return nil
    }
    let lastBreak = data.lastIndex(of: 0x0A)
    let start = lastBreak.map { $0 + 1 } ?? data.startIndex
    let text = String(decoding: data, as: UTF8.self)
    let whole: Bool
    if lastBreak == nil {
      whole = true  // a header alone
    } else if let table = try? CSVTable.parse(text, file: name ?? path), let last = table.rows.last {
      whole = last.fields.count == table.header.count
    } else {
      whole = false
    }
    let log = DecisionLog(path: path, header: [])
    if whole {
      try log.writeSynced(Data("\n".utf8), to: path, flags: O_WRONLY | O_APPEND)
      return nil
    }
    let lineNumber = data[..<start].filter { $0 == 0x0A }.count + 1
    try log.writeSynced(Data(data[..<start]), to: path + ".repair", flags: O_WRONLY | O_CREAT | O_TRUNC)
    guard rename(path + ".repair", path) == 0 else {
      throw InputError(file: path, "cannot repair the file: \(String(cString: strerror(errno)))")
    }
    return
      "\(name ?? path):\(lineNumber): the last line was torn (an interrupted write) and has been removed; "
      + "decide that item again"
  }
}
