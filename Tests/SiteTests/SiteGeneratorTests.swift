import Foundation
import ScanModel
import Snapshot
import Testing

@testable import Site

@Suite struct SiteGeneratorTests {
  @Test func sameSnapshotGivesSameBytes() throws {
    let content = try ShippedSite.content()
    let first = SiteGenerator(content: content).pages()
    let second = SiteGenerator(content: content).pages()
    #expect(first.map(\.path) == second.map(\.path))
    #expect(first == second)
  }

  @Test func everyMitigationFrameworkAndCodeHasItsPage() throws {
    let content = try ShippedSite.content()
    let pages = try ShippedSite.pages()
    for mitigation in content.mitigations {
      #expect(pages["mitigations/\(mitigation.id).html"] != nil, "no page for \(mitigation.id)")
    }
    for framework in content.frameworks {
      #expect(pages["frameworks/\(framework.manifest.slug).html"] != nil)
    }
    for code in content.taxonomy.first?.codes ?? [] {
      #expect(pages["codes/\(code.code).html"] != nil)
    }
    for path in ["index.html", "search.html", "search/meta.js", "search/records-000.js", "assets/site.css"] {
      #expect(pages[path] != nil, "no \(path)")
    }
  }

  /// Landmarks and one h1 on every page: what a screen reader's user navigates by.
  @Test func everyPageHasOneHeadingAndTheLandmarks() throws {
    for (path, bytes) in try ShippedSite.pages() where path.hasSuffix(".html") {
      let html = String(decoding: bytes, as: UTF8.self)
      #expect(html.components(separatedBy: "<h1").count == 2, "\(path) has not exactly one h1")
      for landmark in ["<header", "<nav aria-label", "<main", "<footer", "<html lang=\"en\""] {
        #expect(html.contains(landmark), "\(path) lacks \(landmark)")
      }
    }
  }

  @Test func everyInternalLinkAndFragmentResolves() throws {
    let pages = try ShippedSite.pages()
    var idsByPage: [String: Set<String>] = [:]
    for (path, bytes) in pages where path.hasSuffix(".html") {
      idsByPage[path] = LinkCheck.ids(in: String(decoding: bytes, as: UTF8.self))
    }
    var checked = 0
    for (path, bytes) in pages where path.hasSuffix(".html") {
      for target in LinkCheck.targets(of: path, html: String(decoding: bytes, as: UTF8.self)) {
        checked += 1
        #expect(pages[target.path] != nil, "\(path) links to missing \(target.path)")
        if let fragment = target.fragment, let ids = idsByPage[target.path] {
          #expect(ids.contains(fragment), "\(path) links to missing #\(fragment) on \(target.path)")
        }
      }
    }
    #expect(checked > 1_000)
  }

  /// A mitigation page carries everything an auditor asks for; M-pages of shipped mitigations with members
  /// from several frameworks, a must-link decision and a review flag are the cases that matter.
  @Test func mitigationPagesShowProvenanceDecisionsEdgesAndFlags() throws {
    let content = try ShippedSite.content()
    let pages = try ShippedSite.pages()
    let mergedAcross = try #require(content.mitigations.first { Set($0.sources).count >= 3 })
    let page = String(decoding: try #require(pages["mitigations/\(mergedAcross.id).html"]), as: UTF8.self)
    for section in [
      "Why this code", "Facets", "Member statements", "How the members were merged",
      "Other mitigations of the same frameworks", "Document SHA-256", "Code description",
    ] {
      #expect(page.contains(section), "\(mergedAcross.id) lacks \(section)")
    }
    for member in mergedAcross.members {
      let statement = try #require(content.statements.first { $0.id == member.statementID })
      #expect(page.contains(statement.sourceSHA256))
      #expect(page.contains("frameworks/\(statement.framework).html"))
    }
    let decision = try #require(content.linkDecisions.first)
    let decided = try #require(
      content.mitigations.first { $0.members.contains { $0.statementID == decision.a } })
    let decidedPage = String(decoding: try #require(pages["mitigations/\(decided.id).html"]), as: UTF8.self)
    #expect(decidedPage.contains(decision.kind.rawValue) && decidedPage.contains(decision.coder))
    let flaggedIDs = Set(content.assignments.filter(\.needsReview).map(\.statementID))
    let flagged = try #require(
      content.mitigations.first { $0.members.contains { flaggedIDs.contains($0.statementID) } })
    let flaggedPage = String(decoding: try #require(pages["mitigations/\(flagged.id).html"]), as: UTF8.self)
    #expect(flaggedPage.contains("Needs review"))
  }

  @Test func textFromDocumentsNeverBecomesMarkup() throws {
    var content = try ShippedSite.content()
    content.mitigations[0].name = "<script>alert(\"x\")</script> & 'more'"
    content.mitigations[0].definition = "</blockquote><img src=x onerror=alert(1)>"
    let pages = Dictionary(
      uniqueKeysWithValues: SiteGenerator(content: content).pages().map { ($0.path, $0.bytes) })
    let id = content.mitigations[0].id
    let page = String(decoding: try #require(pages["mitigations/\(id).html"]), as: UTF8.self)
    #expect(!page.contains("<script>alert"))
    #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;"))
    #expect(!page.contains("<img src=x"))
    let shard = String(decoding: try #require(pages["search/records-000.js"]), as: UTF8.self)
    #expect(!shard.contains("</script>"))
  }

  @Test func aRetiredIDSaysWhereItWent() throws {
    var content = try ShippedSite.content()
    let survivor = content.mitigations[1].id
    content.issuedMitigationIDs.append("M9999")
    content.identityChanges.append(
      IdentityChange(kind: .merged, mitigationID: survivor, from: [survivor, "M9999"]))
    let pages = Dictionary(
      uniqueKeysWithValues: SiteGenerator(content: content).pages().map { ($0.path, $0.bytes) })
    let page = String(decoding: try #require(pages["mitigations/M9999.html"]), as: UTF8.self)
    #expect(page.contains("retired"))
    #expect(page.contains("merged into <a href=\"../mitigations/\(survivor).html\">"))
  }

  @Test func writeRefusesAFolderItDidNotMake() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-site-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    #expect(throws: InputError.self) {
      try SiteGenerator(content: try ShippedSite.content()).write(to: folder)
    }
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
  }

  @Test func aPageIsWrittenWholeAndAnUnwritablePathIsNamed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-site-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("page.html")
    let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0) })
    try Data("an older, longer page that must not leave a tail behind".utf8).write(to: page)
    try SiteGenerator.writeWithoutSync(Data("short".utf8), to: page)
    #expect(try Data(contentsOf: page) == Data("short".utf8))
    try SiteGenerator.writeWithoutSync(bytes, to: page)
    #expect(try Data(contentsOf: page) == bytes)

    let missing = folder.appendingPathComponent("no-such-folder/page.html")
    #expect {
      try SiteGenerator.writeWithoutSync(bytes, to: missing)
    } throws: { error in
      "\(error)".contains(missing.path) && "\(error)".contains("No such file or directory")
    }
  }

  @Test func writeReplacesASiteItMade() throws {
    let folder = try ShippedSite.writtenFolder()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try Data("stale".utf8).write(to: folder.appendingPathComponent("stale.html"))
    try SiteGenerator(content: try ShippedSite.content()).write(to: folder)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("stale.html").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
  }
}
