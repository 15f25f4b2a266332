/// `search.html`: a text box and filters over every mitigation, answered in the browser from the index
/// files; no server and no network. Its filters can be set from the address (`?framework=nist-2024&
/// category=3`), which is how the home page's matrix links to its lists.
struct SearchPage {
  let model: SiteModel

  func render(layout: PageLayout) -> SitePage {
    var body = """
      <form id="search-form" class="search" role="search" aria-label="Mitigations">
      <p class="field wide"><label for="q">Words in the name or definition</label>
      <input type="search" id="q" name="q" autocomplete="off" placeholder="e.g. red team"></p>
      <p class="field"><label for="category">Category</label>
      <select id="category" name="category"><option value="">Any category</option>
      """
    for category in model.categories {
      body += "<option value=\"\(HTML.escape(category.code))\">\(HTML.escape(category.display))</option>"
    }
    body += "</select></p>\n<p class=\"field\"><label for=\"framework\">Framework</label>\n"
    body += "<select id=\"framework\" name=\"framework\"><option value=\"\">Any framework</option>"
    for record in model.frameworks {
      body +=
        "<option value=\"\(HTML.escape(record.manifest.slug))\">\(HTML.escape(record.manifest.sourceName))</option>"
    }
    body += "</select></p>\n"
    for facet in model.index.otherFacets {
      let id = "facet-" + SitePaths.fileName(facet.facet)
      body += "<p class=\"field\"><label for=\"\(id)\">\(HTML.escape(facet.name))</label>\n"
      body += "<select id=\"\(id)\" name=\"\(id)\" data-facet=\"\(HTML.escape(facet.facet))\">"
      body += "<option value=\"\">Any</option>"
      for code in facet.codes {
        body += "<option value=\"\(HTML.escape(code.code))\">\(HTML.escape(code.display))</option>"
      }
      body += "</select></p>\n"
    }
    body += """
      <p class="field check"><input type="checkbox" id="review" name="review" value="1">
      <label for="review">Only mitigations that need review</label></p>
      </form>
      <p id="status" role="status" aria-live="polite">Loading the index…</p>
      <noscript><p>Search needs JavaScript. Without it, browse the <a href="frameworks/index.html">frameworks</a>
      and the <a href="codes/index.html">codes</a>.</p></noscript>
      <ol id="results" class="results"></ol>

      """
    return layout.render(
      path: SitePaths.search, title: "Search", heading: "Search the mitigations", body: body,
      scripts: [SitePaths.searchMeta, SitePaths.searchScript])
  }
}
