#if canImport(Glibc)
  import Glibc
#endif

/// Why a PDF could not be turned into positioned text. The cases are what tests check; the text a user
/// reads is built in one place, `message(file:)`: what happened, then what to do.
enum PDFConversionFailure: Error, Sendable, Equatable {
  case empty
  /// `start` is the file's first bytes, as printable text.
  case notPDF(start: String)
  case encrypted
  /// `popplerSays` is the first error line pdftohtml wrote.
  case damaged(popplerSays: String)
  case noPages
  case noText(pages: Int)
  case timeLimit(seconds: Double)
  case memoryLimit(bytes: Int)
  case outputLimit(bytes: Int)
  case crashed(signal: Int32, popplerSays: String?)
  case failed(status: Int32, popplerSays: String?)
  case converterMissing
  case limiterMissing
  /// evscan could not set up the conversion (temporary file, pipe, spawn).
  case system(String)

  /// The text for `InputError(file: file, ...)`, which already names the file.
  func message(file: String) -> String {
    switch self {
    case .empty:
      return
        "the PDF is empty (0 bytes); fetch the document again (an interrupted download leaves an empty file)"
    case .notPDF(let start):
      return
        "this is not a PDF: a PDF starts with %PDF-, this file starts with \"\(start)\"; if it is a web page "
        + "or XML, set document.format in framework.yaml to html or xml, otherwise fetch the PDF itself"
    case .encrypted:
      return
        "the PDF is encrypted and needs a password to open (pdftohtml: Incorrect password); get an unencrypted "
        + "copy, or decrypt it if you have the password (for example `qpdf --decrypt --password=PASSWORD "
        + "\(file) decrypted.pdf`) and use the decrypted file as the document"
    case .damaged(let says):
      return
        "the PDF is damaged or truncated and poppler cannot read it (pdftohtml: \(says)); fetch it again and "
        + "compare its size and SHA-256 with the original, or repair it (for example `qpdf \(file) repaired.pdf`)"
    case .noPages:
      return
        "the PDF has no pages that poppler can find; fetch it again, or check that it opens in a PDF viewer"
    case .noText(let pages):
      return
        "none of the PDF's \(pages) page\(pages == 1 ? "" : "s") has a text layer (it is scanned, or holds "
        + "only images), so there is no text to extract; run OCR on it first (for example `ocrmypdf \(file) "
        + "ocr.pdf`) and use the result as the document"
    case .timeLimit(let seconds):
      return
        "pdftohtml was stopped after \(Self.format(seconds: seconds)), the time limit for converting one PDF: "
        + "the file is far heavier than a normal document, or built to exhaust the converter. "
        + Self.ifTrusted(key: "pdf.seconds", byDefault: "\(Int(PDFConversionLimits.default.seconds))")
    case .memoryLimit(let bytes):
      return
        "pdftohtml ran out of memory converting this PDF, at its limit of \(Self.format(bytes: bytes)): the "
        + "file is far heavier than a normal document, or built to exhaust the converter. "
        + Self.ifTrusted(key: "pdf.memoryMiB", byDefault: "\(PDFConversionLimits.default.memoryBytes >> 20)")
    case .outputLimit(let bytes):
      return
        "pdftohtml wrote more than \(Self.format(bytes: bytes)) of text for this PDF, the output limit, and was "
        + "stopped: the file repeats pages or text far beyond a normal document, or is built to. "
        + Self.ifTrusted(key: "pdf.outputMiB", byDefault: "\(PDFConversionLimits.default.outputBytes >> 20)")
    case .crashed(let signal, let says):
      return
        "pdftohtml crashed converting this PDF (\(String(cString: strsignal(signal))))"
        + (says.map { " after saying: \($0)" } ?? "")
        + "; the file is probably damaged: fetch it again, or repair it (for example `qpdf \(file) repaired.pdf`)"
    case .failed(let status, let says):
      return
        "pdftohtml could not convert this PDF (exit status \(status)"
        + (says.map { "; it says: \($0)" } ?? "")
        + "); check that the file opens in a PDF viewer, and fetch it again"
    case .converterMissing:
      return
        "evscan reads PDFs with pdftohtml from poppler-utils, which is not installed; run scripts/setup, or "
        + "`apt-get install poppler-utils`"
    case .limiterMissing:
      return
        "evscan runs pdftohtml under prlimit from util-linux, which is not installed; `apt-get install util-linux`"
    case .system(let problem):
      return "evscan could not run pdftohtml: \(problem)"
    }
  }

  /// The limits are the framework's to raise, in its manifest, so a scan of a trusted heavy PDF works
  /// the same on every machine.
  private static func ifTrusted(key: String, byDefault: String) -> String {
    "Use an HTML or text version of the document if there is one; if you trust this PDF, raise `\(key)` "
      + "in the framework's framework.yaml (\(byDefault) by default; docs/framework-manifest.md)"
  }

  static func format(bytes: Int) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    let rounded = (value * 10).rounded() / 10
    let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    return "\(text) \(units[unit])"
  }

  static func format(seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
  }
}
