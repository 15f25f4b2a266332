/// Writes the rebuilt blocks as XML with HTML's element names (h1-h6, p, ul/li, table/tr/th/td, b, i,
/// sup), so a recipe reads a PDF as it reads a web page. Every block carries `page`, `top` and `left`:
/// where it starts in the PDF, in poppler's pixels (1.5 per point) from the page's top-left corner.
enum LayoutXMLWriter {
  static func write(_ blocks: [LayoutBlock], pageCount: Int, breaks: WordBreaks) -> [UInt8] {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<pdf-layout pages=\"\(pageCount)\">\n<body>\n"
    var inList = false
    var inFootnotes = false
    for block in blocks {
      if case .listItem = block {
        if !inList { out += "<ul>\n" }
        inList = true
      } else if inList {
        out += "</ul>\n"
        inList = false
      }
      switch block {
      case .heading(let level, let text, let place):
        out += "<h\(level)\(attributes(place))>\(rich(text))</h\(level)>\n"
      case .paragraph(let text, let place):
        out += "<p\(attributes(place))>\(rich(text))</p>\n"
      case .listItem(let marker, let text, let place):
        out += "<li\(attributes(place)) marker=\"\(escape(marker))\">\(rich(text))</li>\n"
      case .table(let table):
        out += tableXML(table)
      case .footnote(let marker, let text, let place):
        if !inFootnotes {
          out += "<aside class=\"footnotes\">\n"
          inFootnotes = true
        }
        out += "<note\(attributes(place)) n=\"\(escape(marker))\">\(rich(text))</note>\n"
      }
    }
    if inList { out += "</ul>\n" }
    if inFootnotes { out += "</aside>\n" }
    out += "</body>\n</pdf-layout>\n"
    return Array(breaks.resolve(out).utf8)
  }

  private static func tableXML(_ table: LayoutTable) -> String {
    var out = "<table\(attributes(table.place))>\n"
    out += "<tr\(attributes(table.place))>"
    for cell in table.header { out += "<th>\(rich(cell))</th>" }
    out += "</tr>\n"
    for row in table.rows {
      out += "<tr\(attributes(row.place))>"
      for cell in row.cells {
        if cell.isParagraphed {
          out +=
            "<td>" + cell.paragraphs.filter { !$0.isEmpty }.map { "<p>\(rich($0))</p>" }.joined() + "</td>"
        } else {
          out += "<td>\(rich(cell.paragraphs.first ?? RichText()))</td>"
        }
      }
      out += "</tr>\n"
    }
    return out + "</table>\n"
  }

  private static func attributes(_ place: PagePlace) -> String {
    " page=\"\(place.page)\" top=\"\(Int(place.top.rounded()))\" left=\"\(Int(place.left.rounded()))\""
  }

  private static func rich(_ text: RichText) -> String {
    var out = ""
    let pieces = text.pieces
    for (index, piece) in pieces.enumerated() {
      var content = piece.text
      if index == pieces.count - 1 { content = content.trimmingTrailingSpaces() }
      let escaped = escape(content)
      switch piece.style {
      case .plain: out += escaped
      case .bold: out += "<b>\(escaped)</b>"
      case .italic: out += "<i>\(escaped)</i>"
      case .marker: out += "<sup>\(escape(content.trimmingCharacters(in: .whitespaces)))</sup>"
      }
    }
    return out
  }

  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        // XML 1.0 has no place for most control characters; a PDF's text may hold them.
        if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar.value == 0xFFFE
          || scalar.value == 0xFFFF
        {
          out += " "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
