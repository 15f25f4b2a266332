import Foundation
import Glibc
import ScanModel
import Snapshot

/// `evscan site`: a static website of a snapshot, one page per mitigation, framework, code and facet value,
/// a home page and a search page. Every byte follows from the snapshot (no clock, no hash-map order), so the
/// same snapshot gives the same site, and every address follows from an id, so links survive re-scans.
public struct SiteGenerator: Sendable {
  let content: SnapshotContent

  public init(content: SnapshotContent) {
    self.content = content
  }

  /// Every file of the site, sorted by path.
  public func pages() -> [SitePage] {
    let model = SiteModel(content)
    let link = SiteLinks(index: model.index)
    let run = content.run
    let layout = PageLayout(
      footerFacts: "Snapshot of evscan \(run.toolVersion), taxonomy \(run.taxonomyVersion), "
        + "\(run.counts.frameworks) frameworks, \(run.counts.canonicalMitigations) mitigations")
    var pages: [SitePage] = [
      SitePage(path: SitePaths.stylesheet, text: SiteAssets.stylesheet),
      SitePage(path: SitePaths.searchScript, text: SiteAssets.searchScript),
      HomePage(model: model, link: link).render(layout: layout),
      SearchPage(model: model).render(layout: layout),
    ]
    pages += SearchIndex(model: model).files()
    let lists = ListPages(model: model, link: link)
    pages.append(lists.frameworks(layout: layout))
    pages.append(lists.codes(layout: layout))
    for mitigation in model.mitigations {
      pages.append(MitigationPage(model: model, mitigation: mitigation, link: link).render(layout: layout))
    }
    if !model.retired.isEmpty { pages.append(HomePage(model: model, link: link).retiredList(layout: layout)) }
    for retired in model.retired {
      pages.append(RetiredPage(id: retired.id, changes: retired.changes, link: link).render(layout: layout))
    }
    for record in model.frameworks {
      pages.append(FrameworkPage(model: model, record: record, link: link).render(layout: layout))
    }
    for code in model.index.facets[model.primaryFacet]?.codes ?? [] {
      pages.append(CodePage(model: model, code: code, link: link).render(layout: layout))
    }
    for facet in model.index.otherFacets {
      for code in facet.codes {
        pages.append(
          FacetValuePage(model: model, facet: facet, code: code, link: link).render(layout: layout))
      }
    }
    return pages.sorted { $0.path.bytePrecedes($1.path) }
  }

  /// Writes the site into `folder`, replacing a site written there before. The pages go into a temporary
  /// folder beside it first, so that a failure leaves the previous site whole.
  ///
  /// - Throws: `InputError` when `folder` exists and holds something other than a site evscan wrote.
  @discardableResult
  public func write(to folder: URL) throws -> [SitePage] {
    let files = FileManager.default
    let folder = folder.standardizedFileURL
    if files.fileExists(atPath: folder.path) {
      let entries = (try? files.contentsOfDirectory(atPath: folder.path)) ?? []
      if !entries.isEmpty && !Self.isSite(folder) {
        throw InputError(
          file: folder.path,
          "this folder exists and is not a site evscan wrote (it has no index.html made by `evscan site`); "
            + "writing the site would replace it, so nothing was written. Choose another --output, or move the "
            + "folder away")
      }
    }
    let pages = pages()
    let staging = folder.deletingLastPathComponent()
      .appendingPathComponent(
        ".\(folder.lastPathComponent).writing-\(ProcessInfo.processInfo.processIdentifier)")
    try? files.removeItem(at: staging)
    do {
      try Self.writeFiles(pages, into: staging)
      if files.fileExists(atPath: folder.path) { try files.removeItem(at: folder) }
      try files.moveItem(at: staging, to: folder)
    } catch let error as InputError {
      try? files.removeItem(at: staging)
      throw error
    } catch {
      try? files.removeItem(at: staging)
      throw InputError(file: folder.path, "could not write the site: \(error.localizedDescription)")
    }
    return pages
  }

  /// Writes the pages under `folder`, creating it and its subfolders.
  public static func writeFiles(_ pages: [SitePage], into folder: URL) throws {
    let files = FileManager.default
    var made: Set<String> = []
    for page in pages {
      let url = folder.appendingPathComponent(page.path)
      let parent = url.deletingLastPathComponent().path
      if made.insert(parent).inserted {
        try files.createDirectory(atPath: parent, withIntermediateDirectories: true)
      }
      try Self.writeWithoutSync(page.bytes, to: url)
    }
  }

  /// Writes a page as plain `open`, `write`, `close`. `Data.write(to:)` also calls `fsync` on every file,
  /// which made writing the site's 540 files wait on the disk for most of a second. A site is rebuilt from
  /// its snapshot at will, and a crashed or killed process loses nothing the page cache holds; only a power
  /// failure just after writing could leave pages short. Permissions are what the user's umask leaves of
  /// read and write for all, as `Data.write` gives.
  static func writeWithoutSync(_ bytes: Data, to url: URL) throws {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw writeFailure(url) }
    defer { close(descriptor) }
    try bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw writeFailure(url)
        }
        offset += written
      }
    }
  }

  private static func writeFailure(_ url: URL) -> InputError {
    InputError(
      file: url.path,
      "cannot write this page: \(String(cString: strerror(errno))); check that the folder is writable and the "
        + "disk has room")
  }

  /// True when the folder's index.html says `evscan site` made it.
  static func isSite(_ folder: URL) -> Bool {
    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(SitePaths.home).path)
    else { return false }
    return String(decoding: data.prefix(600), as: UTF8.self).contains("content=\"evscan site\"")
  }
}
