/// Builds poppler's positioned text (`pdftohtml -xml`) by hand, so the layout rebuild can be tested
/// on exactly the geometry a case needs, without a PDF or poppler.
struct PositionedTextFixture {
  struct Run {
    var top: Int
    var left: Int
    var width: Int
    var text: String
    var font = 0
    var bold = false
    var height = 20
  }

  var pages: [[Run]] = []
  /// Font 0 is the body (size 15), font 1 a heading (size 24), font 2 small (size 10).
  var fontSizes = [15, 24, 10]

  mutating func page(_ runs: [Run]) {
    pages.append(runs)
  }

  var bytes: [UInt8] {
    var out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pdf2xml producer=\"poppler\" version=\"22.12.0\">\n"
    for (index, runs) in pages.enumerated() {
      out +=
        "<page number=\"\(index + 1)\" position=\"absolute\" top=\"0\" left=\"0\" height=\"1188\" width=\"918\">\n"
      if index == 0 {
        for (id, size) in fontSizes.enumerated() {
          out += "<fontspec id=\"\(id)\" size=\"\(size)\" family=\"Calibri\" color=\"#000000\"/>\n"
        }
      }
      for run in runs {
        let text = run.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
          of: "<", with: "&lt;")
        let content = run.bold ? "<b>\(text)</b>" : text
        out +=
          "<text top=\"\(run.top)\" left=\"\(run.left)\" width=\"\(run.width)\" height=\"\(run.height)\" "
          + "font=\"\(run.font)\">\(content)</text>\n"
      }
      out += "</page>\n"
    }
    return Array((out + "</pdf2xml>\n").utf8)
  }
}
