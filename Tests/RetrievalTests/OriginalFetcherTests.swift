import ContentHash
import Extraction
import Foundation
import ScanModel
import Testing

@testable import Retrieval

/// `evscan fetch`'s library against the local server, on framework folders written by the test.
@Suite("Fetching originals")
final class OriginalFetcherTests {
  let root: URL
  let frameworks: URL
  let served: URL
  let server: LocalServer

  init() throws {
    root = try temporaryFolder()
    frameworks = root.appendingPathComponent("frameworks")
    served = root.appendingPathComponent("served")
    for folder in [frameworks, served] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    try Data(DemoFramework.original("one")).write(to: served.appendingPathComponent("one.html"))
    try Data(DemoFramework.original("two")).write(to: served.appendingPathComponent("two.html"))
    try Data(generatedPDF("p")).write(to: served.appendingPathComponent("p.pdf"))
    server = try LocalServer(serving: served)
  }

  deinit {
    try? FileManager.default.removeItem(at: root)
  }

  var fetcher: OriginalFetcher {
    OriginalFetcher(
      frameworks: frameworks.path, limits: DownloadLimits(redirects: 3, bytes: 200_000, idleTimeout: 1))
  }

  func demo(url: String, format: String = "html", lock: String?) throws -> DemoFramework {
    var lines = ["url: \(server.url(url).absoluteString)", "format: \(format)"]
    if let lock { lines.append("sha256: \(lock)   # reviewed by the tests") }
    lines += ["note: >", "  The demo original, served by Fixtures/serve.py."]
    return try DemoFramework(in: frameworks, originalLines: lines)
  }

  func only(_ outcomes: [FetchOutcome]) throws -> FetchOutcome {
    try #require(outcomes.count == 1)
    return outcomes[0]
  }

  @Test func aDownloadThatMatchesTheLockIsPutInPlaceAndUsed() throws {
    let lock = SHA256Digest.hex(DemoFramework.original("one"))
    let demo = try demo(url: "files/one.html", lock: lock)
    let outcome = try only(fetcher.run(slugs: [], mode: .download))
    #expect(outcome.status == .verified)
    #expect(outcome.sha256 == lock)
    #expect(try demo.entries == ["document.html", "framework.yaml", "original.html"])
    let folder = try FrameworkFolder(directory: demo.directory)
    #expect(folder.source == .original)
    #expect(folder.document.origin == .retrieved)
    #expect(try folder.extract().statements.count == 3)

    let again = try only(fetcher.run(slugs: ["demo-2025"], mode: .download))
    #expect(again.status == .present)
  }

  @Test func aRedirectedDownloadSaysWhereItEnded() throws {
    _ = try demo(url: "redirect/2/files/one.html", lock: SHA256Digest.hex(DemoFramework.original("one")))
    let outcome = try only(fetcher.run(slugs: [], mode: .download))
    #expect(outcome.status == .verified)
    #expect(outcome.message.contains("redirected to \(server.url("files/one.html").absoluteString)"))
  }

  @Test func aDownloadThatDiffersIsRefusedAndKeptAsideThenUpdateLocksIt() throws {
    let lock = SHA256Digest.hex(DemoFramework.original("one"))
    let demo = try demo(url: "files/two.html", lock: lock)
    let before = try demo.manifestText
    let refused = try only(fetcher.run(slugs: [], mode: .download))
    #expect(refused.status == .refused)
    #expect(refused.isFailure)
    #expect(refused.message.contains(lock))
    #expect(refused.message.contains("evscan fetch --update demo-2025"))
    #expect(try demo.entries == ["document.html", "framework.yaml", "original.html.unverified"])
    #expect(try FrameworkFolder(directory: demo.directory).source == .document)

    let newLock = SHA256Digest.hex(DemoFramework.original("two"))
    let locked = try only(fetcher.run(slugs: ["demo-2025"], mode: .update))
    #expect(locked.status == .locked)
    #expect(locked.message.contains(newLock))
    #expect(try demo.entries == ["document.html", "framework.yaml", "original.html"])
    // Only the lock's line changed; every comment survived.
    let after = try demo.manifestText
    let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
    #expect(changed.count == 1)
    #expect(changed.first?.1.trimmingCharacters(in: .whitespaces) == "sha256: \(newLock)")
    #expect(after.contains("# a comment that a lock edit must keep"))
    #expect(try FrameworkFolder(directory: demo.directory).source == .original)
  }

  @Test func withoutALockTheDownloadWaitsAsideUntilUpdateRecordsIt() throws {
    let demo = try demo(url: "files/one.html", lock: nil)
    let outcome = try only(fetcher.run(slugs: [], mode: .download))
    #expect(outcome.status == .unlocked)
    #expect(!outcome.isFailure)
    #expect(outcome.message.contains("`original.sha256` is empty"))
    #expect(try demo.entries.contains("original.html.unverified"))
    #expect(try FrameworkFolder(directory: demo.directory).source == .document)

    let locked = try only(fetcher.run(slugs: ["demo-2025"], mode: .update))
    #expect(locked.status == .locked)
    let manifest = try FrameworkFolder.readManifest(directory: demo.directory)
    #expect(manifest.original.sha256 == SHA256Digest.hex(DemoFramework.original("one")))
    #expect(try FrameworkFolder(directory: demo.directory).source == .original)
  }

  @Test func updateLocksAFileTheUserPutInPlace() throws {
    let demo = try demo(url: "files/one.html", lock: nil)
    try Data(DemoFramework.original("mine")).write(to: demo.file("original.html"))
    #expect(throws: InputError.self) { try FrameworkFolder(directory: demo.directory) }
    let locked = try only(fetcher.run(slugs: ["demo-2025"], mode: .update))
    #expect(locked.status == .locked)
    #expect(locked.sha256 == SHA256Digest.hex(DemoFramework.original("mine")))
    #expect(try FrameworkFolder(directory: demo.directory).source == .original)
  }

  @Test func anHTMLPageInsteadOfAPDFIsRefusedAndNothingIsKept() throws {
    let demo = try demo(url: "html", format: "pdf", lock: nil)
    let outcome = try only(fetcher.run(slugs: [], mode: .download))
    #expect(outcome.status == .failed)
    #expect(outcome.message.contains("sent an HTML page"))
    #expect(outcome.message.contains(server.url("html").absoluteString))
    #expect(try demo.entries == ["document.html", "framework.yaml"])
  }

  @Test func aPDFWhereHTMLIsExpectedIsRefused() throws {
    let demo = try demo(url: "files/p.pdf", format: "html", lock: nil)
    let outcome = try only(fetcher.run(slugs: [], mode: .download))
    #expect(outcome.status == .failed)
    #expect(outcome.message.contains("sent a PDF"))
    #expect(try demo.entries == ["document.html", "framework.yaml"])
  }

  @Test(arguments: [
    ("truncated", "stopped after 5000 of 100000 bytes"),
    ("status/404", "answered HTTP 404"),
    ("redirect/9/files/one.html", "redirected more than 3 times"),
    ("large/300000", "over the limit of 200000 bytes"),
    ("stall", "no data from"),
  ])
  func aFailedDownloadNamesTheFrameworkAndURLAndLeavesNoFile(path: String, expected: String) throws {
    let demo = try demo(url: path, format: "pdf", lock: nil)
    let outcome = try only(fetcher.run(slugs: [], mode: .download))
    #expect(outcome.status == .failed)
    #expect(outcome.message.contains(expected), "\(outcome.message)")
    #expect(outcome.message.contains(server.url(path).absoluteString))
    #expect(outcome.message.contains("demo-2025/framework.yaml"))
    #expect(try demo.entries == ["document.html", "framework.yaml"])
  }

  @Test func fromAFolderMatchesFilesByTheirSHA256WhateverTheirNames() throws {
    let lock = SHA256Digest.hex(DemoFramework.original("two"))
    let demo = try demo(url: "files/absent.html", lock: lock)
    try DemoFramework(
      in: frameworks, slug: "unlocked-2025",
      originalLines: ["url: https://example.org/unlocked", "format: html"])
    let downloads = root.appendingPathComponent("Downloads/nested/deeper")
    try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
    try Data(DemoFramework.original("one")).write(to: downloads.appendingPathComponent("a.html"))
    try Data(DemoFramework.original("two")).write(to: downloads.appendingPathComponent("whatever name.bin"))
    let outcomes = try fetcher.run(slugs: [], mode: .copy(from: root.appendingPathComponent("Downloads")))
    #expect(outcomes.map(\.status) == [.verified, .skipped])
    #expect(try demo.entries == ["document.html", "framework.yaml", "original.html"])
    #expect(try Data(contentsOf: demo.file("original.html")) == Data(DemoFramework.original("two")))
    #expect(outcomes[1].message.contains("evscan fetch --update unlocked-2025"))

    try FileManager.default.removeItem(at: demo.file("original.html"))
    try FileManager.default.removeItem(at: downloads.appendingPathComponent("whatever name.bin"))
    let missing = try fetcher.run(
      slugs: ["demo-2025"], mode: .copy(from: root.appendingPathComponent("Downloads")))
    #expect(missing.map(\.status) == [.missing])
    #expect(missing[0].message.contains(lock))
  }

  @Test func updateNeedsNamedFrameworksAndSlugsMustExist() throws {
    _ = try demo(url: "files/one.html", lock: nil)
    #expect(throws: InputError.self) { try self.fetcher.run(slugs: [], mode: .update) }
    #expect(throws: InputError.self) { try self.fetcher.run(slugs: ["no-such-framework"], mode: .download) }
  }
}
