import Markup
import Testing

@testable import Extraction

/// A heading's level read from bytes must be the level the Character and Foundation operations give.
@Suite("Section heading levels")
struct SectionLevelTests {
  static let numbers = [
    nil, "", " ", "3", "3.1", " 3.1 ", "\t2\t", "3.", "3. ", "3..1", ".3", "3 . 1", "a", "A.1", "10.20.30",
    "\u{663}.\u{661}", "\u{A0}3.1", "3.1\u{A0}", "\u{2003}2", "é", "3.é",
  ]

  @Test(arguments: ["h1", "H3", "h6", "h7", "h0", "hx", "head", "div", "H", "h12", "h\u{663}", "é"])
  func levelMatchesTheDefinition(_ name: String) throws {
    var body = ""
    for number in Self.numbers {
      let attribute = number.map { " n=\"\($0)\"" } ?? ""
      body += "<section><\(name)\(attribute)>T</\(name)></section>"
    }
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><doc><wrap>\(body)</wrap></doc>"
    let document = try Document.parse(Array(xml.utf8), options: ParseOptions(format: .xml))
    let headings = try document.select("//section/*")
    #expect(headings.count == Self.numbers.count)
    for heading in headings {
      #expect(
        UnitContext.level(of: heading) == UnitContext.levelByCharacters(of: heading),
        "\(name) n=\(heading.attribute("n") ?? "(none)")")
    }
  }
}
