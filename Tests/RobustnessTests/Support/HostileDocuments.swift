import Foundation

/// Documents built to break a parser or exhaust memory, written out of text so that nothing large is kept
/// in the repository.
enum HostileDocuments {
  static let depth = 100_000
  static let sentence = "Providers should document every evaluation they run on the model. "

  static func html(_ body: String) -> [UInt8] {
    Array("<!DOCTYPE html>\n<html><head><title>t</title></head><body>\n\(body)\n</body></html>\n".utf8)
  }

  static func tei(_ body: String) -> [UInt8] {
    Array(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
      \(body)
      </body></text></TEI>

      """.utf8)
  }

  /// A unit before the deep region, one inside it, and one after it.
  static func deepHTML() -> [UInt8] {
    var body = "<ul><li>Before: \(sentence)</li></ul>\n"
    body += String(repeating: "<div>", count: depth)
    body += "<ul><li>Inside: \(sentence)</li></ul>"
    body += String(repeating: "</div>", count: depth)
    body += "\n<ul><li>After: \(sentence)</li></ul>"
    return html(body)
  }

  static func deepXML() -> [UInt8] {
    var body = "<div><p>Before: \(sentence)</p></div>\n"
    body += String(repeating: "<div>", count: depth)
    body += "<p>Inside: \(sentence)</p>"
    body += String(repeating: "</div>", count: depth)
    body += "\n<div><p>After: \(sentence)</p></div>"
    return tei(body)
  }

  /// One text node of `mebibytes` MiB in a single unit.
  static func hugeTextNode(mebibytes: Int, format: String) -> [UInt8] {
    let target = mebibytes << 20
    var text = [UInt8]()
    text.reserveCapacity(target + 4096)
    let unit = Array(sentence.utf8)
    while text.count < target { text += unit }
    let head = format == "xml" ? tei("<p>") : html("<ul><li>")
    let marker = format == "xml" ? Array("<p>".utf8) : Array("<li>".utf8)
    // Splits the template at its opening tag so that the text goes between the tags without a copy of it.
    let split = Self.range(of: marker, in: head)!.upperBound
    let tail = format == "xml" ? Array("</p>".utf8) : Array("</li></ul>".utf8)
    return Array(head[..<split]) + text + tail + Array(head[split...])
  }

  static func range(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard needle.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return start..<(start + needle.count)
    }
    return nil
  }

  /// `count` list items side by side: locating each one must not walk all the others.
  static func wideList(count: Int) -> [UInt8] {
    var body = "<ul>"
    for index in 0..<count { body += "<li>Providers should document evaluation \(index) of the model.</li>" }
    return html(body + "</ul>")
  }

  static let units = (1...5).map { "<li>Statement \($0): \(sentence)</li>" }.joined(separator: "\n")

  /// NUL bytes scattered through the text of the units.
  static func nulBytes() -> [UInt8] {
    var bytes = html("<ul>\n\(units)\n</ul>")
    for index in stride(from: bytes.count - 40, to: 60, by: -97) { bytes.insert(0, at: index) }
    return bytes
  }

  /// A UTF-8 page (as its meta says) with a Latin-1 é pasted into its third unit.
  static func mixedUTF8AndLatin1() -> [UInt8] {
    let head = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>t</title></head><body><ul>\n"
    var bytes = Array(head.utf8)
    bytes += Array("<li>Statement 1: Caf\u{E9} owners should document every evaluation they run.</li>\n".utf8)
    bytes += Array("<li>Statement 2: \(sentence)</li>\n".utf8)
    bytes +=
      Array("<li>Statement 3: Caf".utf8) + [0xE9]
      + Array(" owners should document each evaluation.</li>\n".utf8)
    bytes += Array("<li>Statement 4: Na\u{EF}ve providers should document every evaluation.</li>\n".utf8)
    bytes += Array("</ul></body></html>\n".utf8)
    return bytes
  }

  /// A Windows-1252 page with a byte that charset does not define: libxml2's decoder stops there, and the
  /// units after it would be lost.
  static func undefinedByteForCharset() -> [UInt8] {
    let head =
      "<!DOCTYPE html>\n<html><head><meta charset=\"windows-1252\"><title>t</title></head><body><ul>\n"
    return Array(head.utf8) + Array("<li>Statement 1: \(sentence)</li>\n<li>Statement 2: byte ".utf8) + [0x81]
      + Array(" here, in a statement long enough.</li>\n\(units)\n</ul></body></html>\n".utf8)
  }

  /// A UTF-8 byte-order mark, and a meta tag that claims Latin-1.
  static func bomContradictingMeta() -> [UInt8] {
    let page = """
      <!DOCTYPE html>
      <html><head><meta charset="iso-8859-1"><title>t</title></head><body><ul>
      <li>Statement 1: Caf\u{E9} owners should document every evaluation they run.</li>
      <li>Statement 2: na\u{EF}ve providers should document every evaluation \u{2014} always.</li>
      </ul></body></html>

      """
    return [0xEF, 0xBB, 0xBF] + Array(page.utf8)
  }

  /// A UTF-16 byte-order mark, and a meta tag that claims UTF-8.
  static func utf16BOMContradictingMeta() -> [UInt8] {
    let page = """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>t</title></head><body><ul>
      <li>Statement 1: Caf\u{E9} owners should document every evaluation they run.</li>
      </ul></body></html>

      """
    return [0xFF, 0xFE] + page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  /// Cut off in the middle of the fourth unit's start tag.
  static func truncatedHTML() -> [UInt8] {
    let bytes = html("<ul>\n\(units)\n</ul>")
    let cut = range(of: Array("<li>Statement 4".utf8), in: bytes)!.lowerBound + 3
    return Array(bytes[..<cut])
  }

  static func truncatedXML() -> [UInt8] {
    let paragraphs = (1...5).map { "<p>Statement \($0): \(sentence)</p>" }.joined(separator: "\n")
    let bytes = tei(paragraphs)
    let cut = range(of: Array("<p>Statement 4".utf8), in: bytes)!.lowerBound + 2
    return Array(bytes[..<cut])
  }

  /// The start of a real PDF file: header, binary comment, an object and a compressed stream.
  static func pdf() -> [UInt8] {
    var bytes = Array("%PDF-1.7\n".utf8) + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    bytes += Array("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".utf8)
    bytes += Array("4 0 obj\n<< /Length 64 /Filter /FlateDecode >>\nstream\n".utf8)
    bytes += (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 11) }
    bytes += Array("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".utf8)
    return bytes
  }

  /// A PDF with a line of junk before its header, which PDF readers accept within the first KiB.
  static func pdfAfterJunk() -> [UInt8] {
    Array("\n\n".utf8) + pdf()
  }

  /// A ZIP archive holding one stored file, as a DOCX or EPUB would start.
  static func zip() -> [UInt8] {
    var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00]
    bytes += [UInt8](repeating: 0, count: 16)
    bytes += [0x11, 0x00, 0x00, 0x00]
    bytes += Array("word/document.xml".utf8)
    bytes += Array("<w:document><w:body><w:p>text</w:p></w:body></w:document>".utf8)
    bytes += [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
    return bytes
  }
}
