import Foundation
import Testing

/// The test-support deflate encoder against zlib itself (through python3, which scripts/setup
/// installs): the bombs are only as good as the streams poppler inflates.
struct FixedHuffmanDeflateTests {
  static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(
    .enabled(if: python != nil, "python3 is not installed"),
    arguments: [
      (unit: "(ab) Tj\n", repeats: 1), (unit: "(ab) Tj\n", repeats: 1000), (unit: "x", repeats: 70_000),
    ])
  func zlibInflatesItToTheInput(unit: String, repeats: Int) throws {
    let expected =
      Array("BT ".utf8) + Array(repeatElement(Array(unit.utf8), count: repeats).joined())
      + Array("ET\u{FF}".utf8)
    let compressed = FixedHuffmanDeflate.zlib(
      prefix: Array("BT ".utf8), unit: Array(unit.utf8), repeats: repeats, suffix: Array("ET\u{FF}".utf8))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python!)
    // zlib.decompress checks the Adler-32 too.
    process.arguments = [
      "-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read()))",
    ]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(compressed))
    try input.fileHandleForWriting.close()
    let inflated = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(Array(inflated) == expected)
  }
}
