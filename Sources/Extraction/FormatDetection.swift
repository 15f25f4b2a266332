import Foundation
import Markup
import PDFLayout
import ScanModel

/// Guesses a document's markup and preset from its bytes, for `evscan add-framework`.
public struct FormatDetection: Sendable, Equatable {
  public var format: FrameworkManifest.Document.Format
  public var preset: String
  public var title: String?
  public var year: Int?

  /// Markers of the known formats, most specific first.
  private static let markers: [(preset: String, needle: String)] = [
    ("tei", "http://www.tei-c.org/ns/1.0"),
    // EUR-Lex's Official Journal HTML: the title block's class, then the ELI containers.
    ("eur-lex", "class=\"oj-doc-ti\""),
    ("eur-lex", "class=\"eli-subdivision\""),
    ("latexml", "ltx_document"),
    ("eu-code-of-practice", "data-section"),
    ("govuk", "govspeak"),
    ("leginfo", "bill_all"),
    ("nist-actions", "GV-1.1-"),
  ]

  public static func detect(_ bytes: [UInt8], fileName: String) throws -> FormatDetection {
    if PDFSignature.matches(bytes) { return detectPDF(bytes, fileName: fileName) }
    let head = String(decoding: bytes.prefix(200_000), as: UTF8.self)
    let isXML =
      fileName.lowercased().hasSuffix(".xml") || head.hasPrefix("<?xml") && !head.contains("<html")
    let preset = markers.first { head.contains($0.needle) }?.preset ?? "generic"
    let format: FrameworkManifest.Document.Format = isXML || preset == "tei" ? .xml : .html
    let document = try Document.parse(
      bytes, options: ParseOptions(format: format == .xml ? .xml : .html, sourceName: fileName))
    let titleQueries =
      format == .xml
      ? [
        "//*[local-name()='titleStmt']/*[local-name()='title']", "//*[local-name()='article-title']",
        "//title",
      ]
      : ["//meta[@name='citation_title']/@content", "//title", "//h1"]
    var title: String?
    for query in titleQueries {
      if let node = try document.select(query).first {
        let text = node.text()
        if !text.isEmpty {
          title = text
          break
        }
      }
    }
    let dateQueries = [
      "//meta[@name='citation_publication_date']/@content", "//meta[@name='citation_date']/@content",
      "//meta[@name='dc.date']/@content", "//*[local-name()='date']/@when",
    ]
    var year: Int?
    for query in dateQueries {
      if let node = try document.select(query).first, let found = firstYear(in: node.text()) {
        year = found
        break
      }
    }
    return FormatDetection(format: format, preset: preset, title: title, year: year)
  }

  /// A PDF: the `pdf-report` preset, which reads the layout evscan rebuilds from it, and the title from
  /// the rebuilt document's first heading. Without poppler, or when the PDF cannot be converted, the
  /// title is left for the user (the extraction that follows says what is wrong).
  static func detectPDF(_ bytes: [UInt8], fileName: String) -> FormatDetection {
    var title: String?
    if let rebuilt = try? PDFLayoutDocument.rebuild(pdf: bytes, file: fileName),
      let document = try? Document.parse(
        rebuilt.xml, options: ParseOptions(format: .xml, sourceName: fileName, encoding: "UTF-8")),
      let heading = try? document.select("(//h1)[1]").first
    {
      let text = heading.text()
      title = text.isEmpty ? nil : text
    }
    return FormatDetection(format: .pdf, preset: "pdf-report", title: title, year: nil)
  }

  static func firstYear(in text: String) -> Int? {
    let digits = Array(text.utf8)
    guard digits.count >= 4 else { return nil }
    for start in 0...(digits.count - 4) {
      let slice = digits[start..<(start + 4)]
      if slice.allSatisfy({ (0x30...0x39).contains($0) }),
        let year = Int(String(decoding: slice, as: UTF8.self)),
        (1900...2100).contains(year)
      {
        return year
      }
    }
    return nil
  }
}
