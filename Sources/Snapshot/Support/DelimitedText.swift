import Foundation

/// Rows of fields as RFC 4180 text: a field is quoted only when it holds the delimiter, a double quote or a
/// line break, and quotes inside are doubled; rows end with LF, the last one too (POSIX tools expect it).
///
/// Written byte by byte rather than through CSV.swift's writer, whose per-field, locale-aware string searches
/// made the SSSOM file a quarter of a whole scan; the bytes are the same (`DelimitedTextTests` compares the
/// two on awkward fields).
enum DelimitedText {
  static func render(_ rows: [[String]], delimiter: String) throws -> Data {
    let separator = Array(delimiter.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(rows.count * 256)
    for row in rows {
      for (offset, field) in row.enumerated() {
        if offset > 0 { out += separator }
        append(field, to: &out, separator: separator)
      }
      out.append(0x0A)
    }
    return Data(out)
  }

  private static func append(_ field: String, to out: inout [UInt8], separator: [UInt8]) {
    var field = field
    field.withUTF8 { bytes in
      guard needsQuotes(bytes, separator: separator) else {
        out.append(contentsOf: bytes)
        return
      }
      out.append(0x22)
      for byte in bytes {
        out.append(byte)
        if byte == 0x22 { out.append(0x22) }
      }
      out.append(0x22)
    }
  }

  private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8]) -> Bool {
    let first = separator.first
    for (offset, byte) in bytes.enumerated() {
      if byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
      if byte == first {
        if separator.count == 1 { return true }
        let end = offset + separator.count
        if end <= bytes.count && Array(bytes[offset..<end]) == separator { return true }
      }
    }
    return false
  }
}
