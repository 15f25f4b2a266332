/// Escaping for text put into HTML, and the few element shapes the pages repeat. Everything the site writes
/// passes through `escape`, so a statement's text can never become markup.
enum HTML {
  static func escape(_ text: String) -> String {
    // The five characters are ASCII, so UTF-8 bytes are escaped one by one, and most texts, which hold
    // none of them, are returned as they are; appending scalar by scalar took a quarter of generating the
    // site.
    guard text.utf8.contains(where: needsEscape) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
      || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
  }

  static func link(_ href: String, _ text: String, className: String? = nil) -> String {
    let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
    return "<a href=\"\(escape(href))\"\(classAttribute)>\(escape(text))</a>"
  }

  /// A definition list of label and already-escaped HTML value pairs, skipping empty values.
  static func facts(_ rows: [(String, String)]) -> String {
    let items = rows.filter { !$0.1.isEmpty }.map { "<dt>\(escape($0.0))</dt><dd>\($0.1)</dd>" }
    return items.isEmpty ? "" : "<dl class=\"facts\">\(items.joined())</dl>\n"
  }

  /// A table in a scrolling wrapper (so that a phone scrolls the table, not the page), with a caption for
  /// screen readers and header cells scoped to their columns.
  static func table(caption: String, headers: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
    var out = "<div class=\"table-wrap\" role=\"region\" aria-label=\"\(escape(caption))\" tabindex=\"0\">"
    out += "<table><caption>\(escape(caption))</caption><thead><tr>"
    for (offset, header) in headers.enumerated() {
      out += "<th scope=\"col\"\(numeric.contains(offset) ? " class=\"num\"" : "")>\(escape(header))</th>"
    }
    out += "</tr></thead><tbody>\n"
    for row in rows {
      out += "<tr>"
      for (offset, cell) in row.enumerated() {
        let tag = offset == 0 ? "th scope=\"row\"" : "td"
        let close = offset == 0 ? "th" : "td"
        out += "<\(tag)\(numeric.contains(offset) ? " class=\"num\"" : "")>\(cell)</\(close)>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody></table></div>\n"
  }
}
