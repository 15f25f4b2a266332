import Markup
import ScanModel

/// Reads poppler's `pdftohtml -xml` output into pages of runs. Markup parses it (libxml2), so this file
/// sees Swift values only.
enum PositionedTextReader {
  static func read(_ bytes: [UInt8], file: String) throws -> [PositionedPage] {
    let document: Document
    do {
      document = try Document.parse(
        bytes, options: ParseOptions(format: .xml, sourceName: file, sizeLimit: max(bytes.count, 1)))
    } catch let error as MarkupError {
      throw InputError(file: file, "poppler's positioned text could not be read: \(error.description)")
    }
    let (fontSizes, boldFonts) = try fonts(of: document)
    var pages: [PositionedPage] = []
    for page in try document.select("/pdf2xml/page") {
      let runs = self.runs(of: page, fontSizes: fontSizes, boldFonts: boldFonts)
      pages.append(
        PositionedPage(
          number: Int(page.attribute("number") ?? "") ?? pages.count + 1, width: number(page, "width"),
          height: number(page, "height"), runs: runs))
    }
    return pages
  }

  /// Each font's size, by id, and the ids of the bold fonts.
  private static func fonts(of document: Document) throws -> (sizes: [String: Double], bold: Set<String>) {
    var fontSizes: [String: Double] = [:]
    var boldFonts: Set<String> = []
    for spec in try document.select("//fontspec") {
      guard let id = spec.attribute("id") else { continue }
      fontSizes[id] = Double(spec.attribute("size") ?? "") ?? 0
      // Fonts without bold runs marked in <b> still say so in their name ("Calibri-Bold", "Arial,Bold"),
      // or by weight: TeX's Times is "NimbusRomNo9L-Medi", its bold face.
      let family = (spec.attribute("family") ?? "").lowercased()
      let weights = ["bold", "black", "heavy", "semibold", "demi", "-medi", ",medi"]
      if weights.contains(where: { family.contains($0) }) {
        boldFonts.insert(id)
      }
    }
    return (fontSizes, boldFonts)
  }

  /// The page's runs of text, in the order poppler wrote them.
  private static func runs(of page: Node, fontSizes: [String: Double], boldFonts: Set<String>) -> [TextRun] {
    var runs: [TextRun] = []
    for element in page.elementChildren where element.name == "text" {
      let text = element.literalText
      guard text.contains(where: { !$0.isWhitespace }) else {
        // A run of white space between two runs is the only space between their words: it goes to
        // the run it follows on the line.
        let top = number(element, "top")
        let left = number(element, "left")
        if let last = runs.indices.last, abs(runs[last].top - top) <= 0.3 * runs[last].height,
          abs(runs[last].right - left) <= 3, runs[last].text.last?.isWhitespace == false
        {
          runs[last].text += " "
        }
        continue
      }
      let font = element.attribute("font") ?? ""
      let markup = element.elementChildren.map(\.name)
      runs.append(
        TextRun(
          top: number(element, "top"), left: number(element, "left"), width: number(element, "width"),
          height: number(element, "height"), fontSize: fontSizes[font] ?? number(element, "height"),
          isBold: boldFonts.contains(font) || markup.contains("b"), isItalic: markup.contains("i"),
          text: text))
    }
    return runs
  }

  private static func number(_ node: Node, _ name: String) -> Double {
    Double(node.attribute(name) ?? "") ?? 0
  }
}
