import Foundation
import ScanModel

/// Turns a PDF into poppler's positioned text (`pdftohtml -xml`): one `<page>` per page, `<fontspec>`s,
/// and one `<text top left width height font>` per run.
///
/// pdftohtml runs in its own process under `PDFConversionLimits` (`LimitedProcess`). It runs quiet (`-q`)
/// because without it pdftohtml prints progress such as " link to page 5" into the XML on stdout; but
/// `-q` also silences poppler's error messages. So when the quiet run fails, or finds no text, it runs
/// once more with messages on, its output ignored, to learn why: the cost falls only on failures.
public enum PDFConverter {
  /// The `pdftohtml -xml` output for the PDF `bytes`. `file` names the PDF in errors.
  /// Throws `InputError` naming `file` when the PDF cannot be converted within `limits`.
  public static func positionedText(
    pdf bytes: [UInt8], file: String, limits: PDFConversionLimits = .default
  ) throws -> [UInt8] {
    do {
      return try convert(bytes, limits: limits)
    } catch {
      throw InputError(file: file, error.message(file: file))
    }
  }

  /// `searchPath` is where to look for pdftohtml and prlimit (PATH by default); tests point it elsewhere.
  static func convert(
    _ bytes: [UInt8], limits: PDFConversionLimits,
    searchPath: String? = ProcessInfo.processInfo.environment["PATH"]
  ) throws(PDFConversionFailure) -> [UInt8] {
    try checkHeader(bytes)
    let tools = try PopplerTools.locate(searchPath: searchPath)
    let input: UnlinkedInputFile
    do {
      input = try UnlinkedInputFile(bytes: bytes, folder: FileManager.default.temporaryDirectory.path)
    } catch {
      throw .system(error.message)
    }
    let quiet = try run(tools, input: input, limits: limits, quiet: true)
    try checkLimits(quiet, limits: limits)
    if quiet.termination == .exited(0) && contains(quiet.output, "<text ") {
      return quiet.output
    }
    throw try diagnose(quiet, tools: tools, input: input, limits: limits)
  }

  /// Refuses what is plainly not a PDF before anything runs.
  private static func checkHeader(_ bytes: [UInt8]) throws(PDFConversionFailure) {
    guard !bytes.isEmpty else { throw .empty }
    guard !PDFSignature.matches(bytes) else { return }
    let start = bytes.prefix(32).map { $0 >= 0x20 && $0 < 0x7f ? Character(UnicodeScalar($0)) : "." }
    throw .notPDF(start: String(start) + (bytes.count > 32 ? "..." : ""))
  }

  private static func run(
    _ tools: PopplerTools, input: UnlinkedInputFile, limits: PDFConversionLimits, quiet: Bool
  ) throws(PDFConversionFailure) -> LimitedProcess.Outcome {
    // -i: images are not text and would be written as files; -nodrm: only real encryption stops the
    // conversion, not a flag asking viewers not to copy text (as the interim converter did).
    let arguments = ["-xml", "-i", "-stdout", "-nodrm"] + (quiet ? ["-q"] : []) + ["/dev/stdin"]
    let processLimits = LimitedProcess.Limits(
      seconds: limits.seconds, cpuSeconds: Int(limits.seconds.rounded(.up)) + 1,
      memoryBytes: limits.memoryBytes, outputBytes: limits.outputBytes)
    do {
      return try LimitedProcess.run(
        executable: tools.converter, arguments: arguments, standardInput: input.descriptor,
        limits: processLimits, limiter: tools.limiter)
    } catch {
      throw .system(error.message)
    }
  }

  /// Which limit, if any, ended the run: evscan's own (wall clock, output), or the kernel's (memory: the
  /// failed allocation makes pdftohtml say so and abort; CPU time: SIGXCPU, then SIGKILL).
  private static func checkLimits(
    _ outcome: LimitedProcess.Outcome, limits: PDFConversionLimits
  ) throws(PDFConversionFailure) {
    switch outcome.stoppedBy {
    case .timeLimit: throw .timeLimit(seconds: limits.seconds)
    case .outputLimit: throw .outputLimit(bytes: limits.outputBytes)
    case nil: break
    }
    guard outcome.termination != .exited(0) else { return }
    let said = outcome.errorText.lowercased()
    // "Out of memory": poppler's allocator; bad_alloc: C++ new; the last two: the loader, when the limit
    // is too small for pdftohtml to start at all.
    let memoryWords = ["out of memory", "bad_alloc", "cannot allocate memory", "failed to map segment"]
    if memoryWords.contains(where: said.contains) {
      throw .memoryLimit(bytes: limits.memoryBytes)
    }
    if outcome.termination == .signalled(SIGXCPU) || outcome.termination == .signalled(SIGKILL) {
      throw .timeLimit(seconds: limits.seconds)
    }
  }

  /// Why the quiet run failed or found no text, from a second run with poppler's messages on.
  private static func diagnose(
    _ quiet: LimitedProcess.Outcome, tools: PopplerTools, input: UnlinkedInputFile,
    limits: PDFConversionLimits
  ) throws(PDFConversionFailure) -> PDFConversionFailure {
    let loud = try run(tools, input: input, limits: limits, quiet: false)
    try checkLimits(loud, limits: limits)
    let said = loud.errorText
    if said.contains("Incorrect password") { return .encrypted }
    let firstError = said.split(separator: "\n").first { $0.contains("Error") }.map(String.init)
    switch quiet.termination {
    case .exited(0):
      let pages = count(quiet.output, "<page number=")
      if pages > 0 { return .noText(pages: pages) }
      return firstError.map { .damaged(popplerSays: $0) } ?? .noPages
    case .exited(let status):
      return firstError.map { .damaged(popplerSays: $0) } ?? .failed(status: status, popplerSays: nil)
    case .signalled(let signal):
      return .crashed(signal: signal, popplerSays: firstError)
    }
  }

  private static func contains(_ bytes: some Collection<UInt8>, _ text: String) -> Bool {
    bytes.firstRange(of: Array(text.utf8)) != nil
  }

  private static func count(_ bytes: [UInt8], _ text: String) -> Int {
    bytes.ranges(of: Array(text.utf8)).count
  }
}
