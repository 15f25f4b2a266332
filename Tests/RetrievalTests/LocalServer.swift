import Foundation
import TestSupport

/// The test HTTP server (Fixtures/serve.py) on 127.0.0.1 and a free port, serving one folder and the
/// failure paths; see the script for what each path answers. No test reaches outside the machine.
final class LocalServer {
  let root: URL
  let port: Int
  private let process: Process
  /// The server's standard input: closing it ends the server, even when this process dies first.
  private let lifeline = Pipe()

  static let script = PackagePaths.fixtures(of: "RetrievalTests").appendingPathComponent("serve.py")

  /// Starts the server on `root` and waits for it to say which port it took (port 0: the kernel picks a free one).
  init(serving root: URL) throws {
    self.root = root
    process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Self.script.path, root.path]
    let output = Pipe()
    process.standardInput = lifeline
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { break }
      line.append(chunk)
    }
    let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
      try? lifeline.fileHandleForWriting.close()
      throw ServerFailure(
        message: "Fixtures/serve.py did not start (said \(text.debugDescription)); is python3 installed? "
          + "scripts/setup installs it")
    }
    self.port = port
  }

  /// Closes the lifeline and waits for the server to go. Not `Process.terminate()`: the test runner ignores
  /// SIGTERM, and an ignored signal stays ignored across exec.
  deinit {
    try? lifeline.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  func url(_ path: String) -> URL {
    URL(string: "http://127.0.0.1:\(port)/\(path)")!
  }

  struct ServerFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
  try TemporaryFolder.create("fetch")
}

/// Bytes that look like a small PDF, different for each seed.
func generatedPDF(_ seed: String) -> [UInt8] {
  Array("%PDF-1.7\n% evscan test document \(seed)\n".utf8) + [UInt8](repeating: 0x20, count: 2000)
    + Array("\n%%EOF\n".utf8)
}
