import PDFLayout
import ScanModel

/// Checks that downloaded bytes are the kind of document the manifest expects, before any hash is compared:
/// a publisher that answers a PDF's address with a cookie wall or a landing page sends HTML with status 200,
/// and the message should say so rather than "the SHA-256 differs".
enum DocumentSignature {
  /// Nil when the bytes fit `format`; otherwise what they look like instead, e.g. "an HTML page".
  static func mismatch(_ prefix: [UInt8], expected format: FrameworkManifest.Document.Format) -> String? {
    let isPDF = PDFSignature.matches(prefix)
    switch format {
    case .pdf:
      if isPDF { return nil }
      if prefix.isEmpty { return "an empty body" }
      return looksLikeMarkup(prefix) ? "an HTML page" : "something that is not a PDF (no %PDF- header)"
    case .html, .xml:
      if isPDF { return "a PDF" }
      if prefix.isEmpty { return "an empty body" }
      return prefix.prefix(4096).contains(0) ? "binary data" : nil
    }
  }

  static func looksLikeMarkup(_ bytes: [UInt8]) -> Bool {
    let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
    return head.contains("<html") || head.contains("<!doctype") || head.contains("<head")
      || head.contains("<body")
  }
}
