import Markup
import Testing

@testable import Extraction

/// A section heading's level: h1-h6 by their number, a TEI head by the depth of its `n`, else the tree.
@Suite("Section heading levels")
struct SectionLevelTests {
  @Test(
    arguments: [
      ("h3", nil, 3), ("H2", nil, 2), ("head", "3", 1), ("head", " 3.1 ", 2), ("head", "10.20.30", 3),
      ("head", "3..1", 2), ("head", "a", 9), ("head", nil, 9), ("h7", nil, 7), ("div", "\u{663}.\u{661}", 2),
    ] as [(String, String?, Int)])
  func levelOf(_ name: String, _ number: String?, _ level: Int) throws {
    let attribute = number.map { " n=\"\($0)\"" } ?? ""
    let xml = "<doc><wrap><section><\(name)\(attribute)>T</\(name)></section></wrap></doc>"
    let document = try Document.parse(Array(xml.utf8), options: ParseOptions(format: .xml))
    let heading = try #require(try document.select("//section/*").first)
    #expect(UnitContext.level(of: heading) == level)
  }
}
