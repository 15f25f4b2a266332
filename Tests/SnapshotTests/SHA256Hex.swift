import Foundation

/// SHA-256 as lower-case hex from coreutils' `sha256sum`, so that the manifest's digests are checked against
/// an implementation independent of the code under test.
enum SHA256Hex {
  static func of(_ data: Data) -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-sha-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    do {
      try data.write(to: file)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
      process.arguments = [file.path]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let output = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    } catch {
      return "sha256sum failed: \(error)"
    }
  }
}
