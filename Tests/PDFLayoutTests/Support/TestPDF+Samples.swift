/// The PDFs the conversion tests feed to poppler, each built for one behaviour.
extension TestPDF {
  static let helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

  /// A content stream that writes `lines` down the page in Helvetica.
  static func textContent(_ lines: [String]) -> [UInt8] {
    let shown = lines.map { "(\(escaped($0))) '" }.joined(separator: "\n")
    return Array("BT /F1 12 Tf 14 TL 72 740 Td\n\(shown)\nET".utf8)
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
      .replacingOccurrences(of: ")", with: "\\)")
  }

  /// Pages that each draw `content` (one shared stream), under one /Pages node; `resources` is the
  /// pages' /Resources dictionary.
  static func document(
    pages: Int = 1, content: [UInt8], contentDictionary: String = "",
    resources: String = "<< /Font << /F1 3 0 R >> >>"
  ) -> TestPDF {
    var pdf = TestPDF()
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>")
    let kids = (0..<pages).map { "\(5 + $0) 0 R" }.joined(separator: " ")
    pdf.add("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
    pdf.add(helvetica)
    pdf.addStream(content, dictionary: contentDictionary)
    for _ in 0..<pages {
      pdf.add(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources \(resources) /Contents 4 0 R >>")
    }
    return pdf
  }

  static func text(_ lines: [String], pages: Int = 1) -> [UInt8] {
    document(pages: pages, content: textContent(lines)).bytes(root: 1)
  }

  /// A page that draws nothing at all.
  static var blankPage: [UInt8] {
    document(content: []).bytes(root: 1)
  }

  /// A page that draws one image and no text, like a scan.
  static var imageOnly: [UInt8] {
    var pdf = document(
      content: Array("q 200 0 0 200 72 500 cm /Im1 Do Q".utf8),
      resources: "<< /XObject << /Im1 6 0 R >> >>")
    pdf.addStream(
      [UInt8](repeating: 0x80, count: 64),
      dictionary:
        "/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8")
    return pdf.bytes(root: 1)
  }

  /// The standard security handler with a /U entry that no password evscan can try (it tries only the
  /// empty one) matches: to poppler, a document with a user password it does not know.
  static var encrypted: [UInt8] {
    var pdf = document(content: textContent(["Secret"]))
    let number = pdf.add(
      "<< /Filter /Standard /V 1 /R 2 /O <\(String(repeating: "11", count: 32))> "
        + "/U <\(String(repeating: "22", count: 32))> /P -4 >>")
    let id = String(repeating: "0123456789abcdef", count: 2)
    pdf.trailer = "/Encrypt \(number) 0 R /ID [<\(id)> <\(id)>]"
    return pdf.bytes(root: 1)
  }

  /// One FlateDecode content stream of a few hundred kilobytes that inflates to `inflatedBytes` of
  /// text on one page.
  static func decompressionBomb(inflatedBytes: Int) -> [UInt8] {
    let unit = Array("(\(String(repeating: "A", count: 64))) Tj\n".utf8)
    let stream = FixedHuffmanDeflate.zlib(
      prefix: Array("BT /F1 12 Tf 72 720 Td\n".utf8), unit: unit, repeats: inflatedBytes / unit.count,
      suffix: Array("ET".utf8))
    return document(content: stream, contentDictionary: "/Filter /FlateDecode").bytes(root: 1)
  }

  /// `fanOut`² pages from three page objects: the root's Kids list one /Pages node `fanOut` times, and
  /// that node's Kids list one page `fanOut` times.
  static func sharedKidsPageBomb(fanOut: Int) -> [UInt8] {
    var pdf = TestPDF()
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>")
    pdf.add(
      "<< /Type /Pages /Kids [\(repeatElement("5 0 R", count: fanOut).joined(separator: " "))] "
        + "/Count \(fanOut * fanOut) >>")
    pdf.add(helvetica)
    pdf.addStream(textContent((1...40).map { "Line \($0) of a page that is repeated a million times" }))
    pdf.add(
      "<< /Type /Pages /Parent 2 0 R /Kids [\(repeatElement("6 0 R", count: fanOut).joined(separator: " "))] "
        + "/Count \(fanOut) >>")
    pdf.add(
      "<< /Type /Page /Parent 5 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    pdf.declaredSize = fanOut * fanOut + 10
    return pdf.bytes(root: 1)
  }

  /// One real page under a /Pages node whose /Count claims `count`.
  static func hugeCount(_ count: Int) -> [UInt8] {
    var pdf = document(content: textContent(["Hi"]))
    pdf.replace(2, with: "<< /Type /Pages /Kids [5 0 R] /Count \(count) >>")
    return pdf.bytes(root: 1)
  }

  /// A page whose dictionary holds arrays nested `depth` deep.
  static func deepNesting(depth: Int) -> [UInt8] {
    var pdf = document(content: textContent(["Hi"]))
    let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    pdf.replace(
      5,
      with: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep \(nested) "
        + "/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    return pdf.bytes(root: 1)
  }

  /// One real page beside a /Pages node whose only kid is the root it hangs from.
  static var pageTreeLoop: [UInt8] {
    var pdf = document(content: textContent(["Hi"]))
    pdf.replace(2, with: "<< /Type /Pages /Kids [5 0 R 6 0 R] /Count 2 >>")
    pdf.add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")
    return pdf.bytes(root: 1)
  }
}
