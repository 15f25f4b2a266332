import Foundation
import ScanModel
import Testing

/// The shipped snapshot's site in a real headless Chromium: pages render without console errors, search and
/// filters answer what the data says, and every internal link leads somewhere. Screenshots of the pages go
/// to .build/site-screenshots for a person to look at. No timing is asserted: a loaded 2-core machine is
/// slow, and every wait is generous.
@Suite(
  .serialized,
  .disabled(
    if: ChromeDriver.unavailableReason != nil,
    Comment(rawValue: "browser tests skipped: \(ChromeDriver.unavailableReason ?? "")")))
struct BrowserTests {
  /// The mitigations whose pages the tests open and photograph: the one stated by the most frameworks, one
  /// a person's must-link decision joined, and one flagged for review.
  static func showcase(_ content: SnapshotContent) throws -> [(label: String, id: String)] {
    let widest = try #require(
      content.mitigations.max { left, right in
        let (l, r) = (Set(left.sources).count, Set(right.sources).count)
        return l != r ? l < r : right.id < left.id
      })
    let decision = try #require(content.linkDecisions.first { $0.kind == .mustLink })
    let decided = try #require(
      content.mitigations.first { $0.members.contains { $0.statementID == decision.a } })
    let flaggedStatements = Set(content.assignments.filter(\.needsReview).map(\.statementID))
    let flagged = try #require(
      content.mitigations.first { mitigation in
        mitigation.members.count > 1
          && mitigation.members.contains { flaggedStatements.contains($0.statementID) }
      })
    return [("several-frameworks", widest.id), ("human-decision", decided.id), ("needs-review", flagged.id)]
  }

  private func withBrowser(width: Int = 1280, _ body: (BrowserSession, URL) throws -> Void) throws {
    let site = try ShippedSite.writtenFolder()
    defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
    let driver = try ChromeDriver()
    defer { driver.stop() }
    let session = try BrowserSession.start(driver, width: width)
    do {
      try body(session, site)
    } catch {
      session.close()
      throw error
    }
    session.close()
  }

  @Test func pagesRenderWithoutConsoleErrors() throws {
    let content = try ShippedSite.content()
    let showcase = try Self.showcase(content)
    let framework = try #require(
      content.frameworks.first { $0.manifest.slug.hasPrefix("nist") } ?? content.frameworks.first)
    try withBrowser { browser, site in
      var pages: [(String, String)] = [("home", "index.html"), ("search", "search.html")]
      pages += showcase.map { ("mitigation-\($0.id)-\($0.label)", "mitigations/\($0.id).html") }
      pages.append(("framework-\(framework.manifest.slug)", "frameworks/\(framework.manifest.slug).html"))
      pages.append(("code-3.1", "codes/3.1.html"))
      for (name, path) in pages {
        try browser.open(site.appendingPathComponent(path))
        if path == "search.html" {
          try browser.waitUntil("return window.evscanReady === true;", what: "the search index to load")
        }
        let errors = try browser.consoleErrors()
        #expect(errors.isEmpty, "\(path): \(errors)")
        let headings = try browser.run("return document.querySelectorAll('h1').length;") as? Int
        #expect(headings == 1, "\(path) has \(headings ?? -1) h1")
        try browser.screenshot(to: ShippedSite.screenshots.appendingPathComponent("\(name).png"), width: 1280)
        if path.hasPrefix("mitigations/") {
          // Each section apart, readable at full size.
          let sections =
            try browser.run(
              "return Array.from(document.querySelectorAll('main section[aria-labelledby]'))"
                + ".map(function (s) { return s.getAttribute('aria-labelledby'); });") as? [String] ?? []
          for section in sections {
            try browser.screenshot(
              of: "section[aria-labelledby='\(section)']",
              to: ShippedSite.screenshots.appendingPathComponent("\(name)-\(section).png"))
          }
        }
        try browser.screenshot(
          to: ShippedSite.screenshots.appendingPathComponent("\(name)-phone.png"), width: 390)
        // The phone width must not make the page itself scroll sideways; wide tables scroll in their box.
        let overflow =
          try browser.run(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;") as? Int
          ?? 0
        #expect(overflow <= 1, "\(path) is \(overflow) px wider than a phone's screen")
        try browser.driver.command(
          "POST", "session/\(browser.id)/window/rect", ["width": 1280, "height": 900])
      }
      let mitigation = showcase[0].id
      try browser.open(site.appendingPathComponent("mitigations/\(mitigation).html"))
      let title = try browser.run("return document.querySelector('h1').textContent;") as? String
      #expect(title?.hasPrefix("\(mitigation): ") == true)
    }
  }

  /// What the page finds must be what the snapshot holds: the expected counts are worked out here from the
  /// snapshot, not from the page.
  @Test func searchAndFiltersAnswerFromTheIndex() throws {
    let content = try ShippedSite.content()
    let flagged = Set(content.assignments.filter(\.needsReview).map(\.statementID))
    func expected(_ terms: [String], framework: String? = nil, review: Bool = false) -> Int {
      content.mitigations.filter { mitigation in
        let text = "\(mitigation.id) \(mitigation.name) \(mitigation.definition)".lowercased()
        guard terms.allSatisfy({ text.contains($0) }) else { return false }
        if let framework, !mitigation.sources.contains(framework) { return false }
        if review && !mitigation.members.contains(where: { flagged.contains($0.statementID) }) {
          return false
        }
        return true
      }.count
    }
    let framework = try #require(
      content.frameworks.first { $0.manifest.slug.hasPrefix("nist") }?.manifest.slug)
    try withBrowser { browser, site in
      try browser.open(site.appendingPathComponent("search.html"))
      try browser.waitUntil("return window.evscanReady === true;", what: "the search index to load")
      let found = "return Number(document.getElementById('status').getAttribute('data-found'));"
      #expect(try browser.run(found) as? Int == content.mitigations.count)

      try browser.type("red team", into: "#q")
      let redTeam = expected(["red", "team"])
      #expect(redTeam > 0)
      #expect(try browser.run(found) as? Int == redTeam)
      let listed = try browser.run("return document.querySelectorAll('#results li').length;") as? Int
      #expect(listed == min(redTeam, 100))

      try browser.click("#framework option[value='\(framework)']")
      #expect(try browser.run(found) as? Int == expected(["red", "team"], framework: framework))

      try browser.click("#review")
      #expect(
        try browser.run(found) as? Int == expected(["red", "team"], framework: framework, review: true))
      try browser.screenshot(
        to: ShippedSite.screenshots.appendingPathComponent("search-used.png"), width: 1280)

      // The home page's matrix links open the search with its filters set from the address.
      try browser.open(
        URL(string: site.appendingPathComponent("search.html").absoluteString + "?framework=\(framework)")!)
      try browser.waitUntil("return window.evscanReady === true;", what: "the search index to load")
      #expect(try browser.run(found) as? Int == expected([], framework: framework))
      let errors = try browser.consoleErrors()
      #expect(errors.isEmpty, "\(errors)")

      // Keyboard: the skip link is the first stop and leads to the main content.
      try browser.open(site.appendingPathComponent("index.html"))
      let first =
        try browser.run(
          "var e = document.querySelector('a, input, select, [tabindex]'); return e ? e.className : '';")
        as? String
      #expect(first == "skip")
    }
  }

  /// Opens every page reachable from the home page, fails on a console error or on a link to a file or a
  /// fragment that does not exist, and checks that every page written is reachable.
  @Test func everyInternalLinkLeadsSomewhere() throws {
    try withBrowser { browser, site in
      let root = site.standardizedFileURL.path + "/"
      var queue = ["index.html"]
      var seen: Set<String> = ["index.html"]
      var idsOfPage: [String: Set<String>] = [:]
      var fragments: [(from: String, page: String, id: String)] = []
      var broken: [String] = []
      var consoleErrors: [String] = []
      var visited = 0
      let collect = """
        var out = [];
        document.querySelectorAll('a[href], link[href], script[src]').forEach(function (e) {
          out.push(e.href || e.src);
        });
        var ids = [];
        document.querySelectorAll('[id]').forEach(function (e) { ids.push(e.id); });
        return {links: out, ids: ids};
        """
      while !queue.isEmpty {
        let page = queue.removeFirst()
        try browser.open(site.appendingPathComponent(page))
        // The console's messages name their page, so one read every fifty pages keeps the crawl quick.
        visited += 1
        if visited % 50 == 0 { consoleErrors += try browser.consoleErrors() }
        let found = try browser.run(collect) as? [String: Any] ?? [:]
        idsOfPage[page] = Set(found["ids"] as? [String] ?? [])
        for link in found["links"] as? [String] ?? [] {
          guard let url = URL(string: link), url.isFileURL else { continue }
          let path = url.standardizedFileURL.path
          guard path.hasPrefix(root) else {
            broken.append("\(page) links outside the site: \(link)")
            continue
          }
          let relative = String(path.dropFirst(root.count))
          guard FileManager.default.fileExists(atPath: path) else {
            broken.append("\(page) links to missing \(relative)")
            continue
          }
          if let fragment = url.fragment, !fragment.isEmpty {
            fragments.append((page, relative, fragment))
          }
          if relative.hasSuffix(".html") && seen.insert(relative).inserted { queue.append(relative) }
        }
      }
      consoleErrors += try browser.consoleErrors()
      for fragment in fragments where idsOfPage[fragment.page]?.contains(fragment.id) != true {
        broken.append("\(fragment.from) links to missing #\(fragment.id) on \(fragment.page)")
      }
      #expect(broken.isEmpty, "\(broken.count) broken links: \(broken.prefix(20))")
      #expect(consoleErrors.isEmpty, "\(consoleErrors.prefix(20))")
      let written = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter {
        $0.hasSuffix(".html")
      }
      #expect(
        Set(written) == seen, "pages no link reaches: \(Set(written).subtracting(seen).sorted().prefix(20))")
    }
  }
}
