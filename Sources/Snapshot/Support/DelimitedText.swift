import CSV
import Foundation

/// Rows of fields as RFC 4180 text through CSV.swift's writer: a field is quoted only when it holds the
/// delimiter, a double quote or a line break, and quotes inside are doubled.
enum DelimitedText {
  static func render(_ rows: [[String]], delimiter: String) throws -> Data {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream, delimiter: delimiter, newline: .lf)
    for row in rows {
      try writer.write(row: row)
    }
    guard var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
      throw CSVError.cannotWriteStream
    }
    stream.close()
    // The writer separates rows but does not end the last one; POSIX tools expect a final newline.
    if !rows.isEmpty { data.append(0x0A) }
    return data
  }
}
