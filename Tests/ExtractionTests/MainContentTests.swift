import Foundation
import Markup
import ScanModel
import Testing

@testable import Extraction

/// The generic preset's main-content finder on small pages written for these tests.
@Suite("Main content of a page without <main>")
struct MainContentTests {
  static let chrome = """
    <div id="top-menu"><ul><li><a href="/">Home page of the example site</a></li>
    <li><a href="/about">About the example organisation</a></li></ul></div>
    <div class="cookie-banner"><p>We use cookies to remember your preferences on this site, and to count visits.</p></div>
    """
  static let content = """
    <div class="wrapper"><div id="policy">
    <h2>Commitments</h2>
    <p>The developer appoints an independent board with the power to pause any deployment.</p>
    <ul><li>Red-team every frontier model before release, with external experts.</li>
    <li>Report serious incidents to the regulator within seventy-two hours.</li></ul>
    <p>Model weights are stored in access-controlled facilities with two-person rules.</p>
    </div></div>
    """
  static let footer = """
    <div class="site-footer"><p>Copyright of the example organisation, all rights reserved here.</p></div>
    """

  static func extract(_ html: String) throws -> ExtractionResult {
    let recipe = try CompiledRecipe(Recipe(preset: "generic"), file: "t/framework.yaml")
    return try Extractor(framework: "t", recipe: recipe, format: .html)
      .extract(Array(html.utf8), file: "t.html", sha256: String(repeating: "0", count: 64))
  }

  @Test func menusCookieBannersAndFootersAreLeftOutOfAPageWithoutMain() throws {
    let result = try Self.extract("<html><body>\(Self.chrome)\(Self.content)\(Self.footer)</body></html>")
    #expect(result.isBalanced)
    #expect(result.statements.count == 4)
    #expect(result.statements.allSatisfy { $0.sectionPath == ["Commitments"] })
    let outside = result.dropped.filter { $0.detail.contains("main content") }
    #expect(outside.count == 4, "two menu items, the cookie notice and the footer")
  }

  @Test func aPageThatMarksItsMainContentIsTakenAtItsWord() throws {
    let page = "<html><body>\(Self.chrome)<main>\(Self.content)</main>\(Self.footer)</body></html>"
    let document = try Document.parse(Array(page.utf8), options: ParseOptions(format: .html, sourceName: "t"))
    #expect(try MainContent.regions(in: document).map(\.name) == ["main"])
  }

  @Test func aPageWithoutADominantPartKeepsEverything() throws {
    // Two halves of equal weight: no child holds three quarters of the text, so the body is the region.
    let half =
      "<div><p>\(String(repeating: "Developers should test models before release. ", count: 4))</p></div>"
    let page = "<html><body>\(half)\(half.replacing("Developers", with: "Deployers"))</body></html>"
    let result = try Self.extract(page)
    #expect(result.statements.count == 2)
  }

  @Test(
    arguments: [
      ("nav", nil, nil, true), ("div", "cookie-consent", nil, true), ("div", nil, "sidebar", true),
      ("div", "main-content", nil, false), ("div", "navbar content", nil, false),
      ("div", "policy", nil, false),
    ] as [(String, String?, String?, Bool)])
  func chromeIsKnownByNameClassOrId(name: String, className: String?, id: String?, isChrome: Bool) throws {
    let attributes = [className.map { " class=\"\($0)\"" }, id.map { " id=\"\($0)\"" }].compactMap { $0 }
      .joined()
    let page = "<html><body><\(name)\(attributes)>text</\(name)></body></html>"
    let document = try Document.parse(Array(page.utf8), options: ParseOptions(format: .html, sourceName: "t"))
    let element = try #require(try document.select("//body/*").first)
    #expect(MainContent.isChrome(element) == isChrome)
  }
}
