import ScanModel

/// `mitigations/M0042.html` for an id that was issued once and has no members now: ids are never reused, so
/// the page stays, and says where its statements went when the snapshot knows.
struct RetiredPage {
  let id: String
  let changes: [IdentityChange]
  let link: SiteLinks

  func render(layout: PageLayout) -> SitePage {
    var body =
      "<p class=\"lede\">This mitigation id is retired: it has no statements in this snapshot. Ids are "
    body += "never reused, so this address will not point to anything else.</p>\n"
    let successors = changes.filter { $0.mitigationID != id && $0.from.contains(id) }
    if successors.isEmpty {
      body += "<p>The snapshot does not record where its statements went; an older snapshot, or "
      body += "<code>evscan diff</code> between two snapshots, shows them.</p>\n"
    } else {
      body += "<section aria-labelledby=\"fate\"><h2 id=\"fate\">What became of it</h2>\n<ul>\n"
      for change in successors {
        body +=
          "<li>\(change.kind.rawValue) into \(link.mitigationWithCode(change.mitigationID, from: .folder))</li>\n"
      }
      body += "</ul></section>\n"
    }
    return layout.render(
      path: SitePaths.mitigation(id), title: "\(id) (retired)", heading: "\(id): retired", body: body)
  }
}
