import Foundation

/// SHA-256 as lower-case hex from coreutils' `sha256sum`, so that the tests check evscan's digests against an
/// implementation independent of the code under test.
public enum CoreutilsDigest {
  /// The digest of the file at `path`.
  public static func sha256(file path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: printed, as: UTF8.self).prefix(64))
  }

  /// The digest of `data`, written to a temporary file for the purpose.
  public static func sha256(_ data: Data) throws -> String {
    let folder = try TemporaryFolder("sha256")
    let file = folder.path("bytes")
    try data.write(to: file)
    return try sha256(file: file.path)
  }
}
