import Foundation
import ScanModel

/// What a PDF conversion may use before it is stopped: poppler runs in its own process, so a hostile or
/// broken PDF costs at most these and never evscan itself.
public struct PDFConversionLimits: Sendable, Hashable {
  /// Wall-clock seconds before the converter is killed.
  public var seconds: Double
  /// Address-space limit of the converter process, in bytes.
  public var memoryBytes: Int
  /// The most XML the converter may write, in bytes.
  public var outputBytes: Int

  public init(seconds: Double = 60, memoryBytes: Int = 2 << 30, outputBytes: Int = 256 << 20) {
    self.seconds = seconds
    self.memoryBytes = memoryBytes
    self.outputBytes = outputBytes
  }

  public static let `default` = PDFConversionLimits()
}

/// Turns a PDF into poppler's positioned text (`pdftohtml -xml`): one `<page>` per page, `<fontspec>`s,
/// and one `<text top left width height font>` per run.
public enum PDFConverter {
  /// The `pdftohtml -xml` output for the PDF `bytes`. `file` names the PDF in errors.
  /// Throws `InputError` naming `file` when the PDF cannot be converted within `limits`.
  public static func positionedText(
    pdf bytes: [UInt8], file: String, limits: PDFConversionLimits = .default
  ) throws -> [UInt8] {
    // Interim: the hardened runner (limits, error classification) replaces this body.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-pdf-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("input.pdf")
    try Data(bytes).write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftohtml")
    process.arguments = ["-xml", "-i", "-q", "-stdout", "-nodrm", input.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw InputError(file: file, "pdftohtml could not convert the PDF (exit \(process.terminationStatus))")
    }
    return [UInt8](data)
  }
}
