import Foundation
import Snapshot

/// Where the tool's words go: results to standard output, diagnostics and progress to standard error.
enum Console {
  static func print(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  static var standardErrorIsTerminal: Bool {
    isatty(FileHandle.standardError.fileDescriptor) != 0
  }

  /// JSON for people and diffs, in the snapshot files' style: sorted keys, so the same value always prints
  /// the same bytes.
  static func json<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
    try SnapshotJSON.text(value, pretty: pretty)
  }
}
