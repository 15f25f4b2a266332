import Markup
import Testing

@testable import Extraction

/// Keeping the parent's answer between units must answer as climbing to the root does, for units asked in
/// document order.
@Suite("Regions a recipe leaves out")
struct RegionCheckTests {
  static let html = """
    <html><body><nav><ul><li>a</li><li>b</li></ul></nav>
    <main><ul><li>c</li><li>d<ul><li>e</li></ul></li></ul><div class="x"><p>f</p><p>g</p></div>
    <ul><li>h</li></ul><aside><p>i</p></aside></main><footer><p>j</p></footer></body></html>
    """

  @Test(arguments: [
    [], ["//nav"], ["//li[2]"], ["//div[@class='x']"], ["//nav", "//footer"], ["//ul//ul"], ["/"],
    ["//html"], ["//main/ul[1]", "//aside"],
  ])
  func answersAsClimbingToTheRootDoes(_ rules: [String]) throws {
    let document = try Document.parse(Array(Self.html.utf8), options: ParseOptions(format: .html))
    var regions = NodeSet()
    for rule in rules { regions.formUnion(try document.select(rule)) }
    var check = RegionCheck(regions)
    for unit in try document.select("//*") {
      #expect(check.contains(unit) == regions.containsAncestor(of: unit), "\(rules) \(unit.name)")
    }
  }
}
