import ContentHash
import Foundation
import Testing

@testable import Retrieval

/// The downloader against the local server: each way a download can end, as `DownloadFailure`.
@Suite("Downloading over HTTP")
final class HTTPDownloaderTests {
  let folder: URL
  let server: LocalServer
  let limits = DownloadLimits(redirects: 3, bytes: 100_000, idleTimeout: 1, totalTimeout: 60)

  init() throws {
    folder = try temporaryFolder()
    let served = folder.appendingPathComponent("served")
    try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
    try Data(generatedPDF("a")).write(to: served.appendingPathComponent("a.pdf"))
    server = try LocalServer(serving: served)
  }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }

  func download(_ path: String) throws(DownloadFailure) -> HTTPDownloader.Download {
    try HTTPDownloader(limits: limits).download(server.url(path), to: folder.appendingPathComponent("out"))
  }

  func failure(_ path: String) -> DownloadFailure? {
    do {
      _ = try download(path)
      return nil
    } catch {
      return error
    }
  }

  @Test func aWholeFileArrivesWithItsBytes() throws {
    let result = try download("files/a.pdf")
    #expect(result.bytes == generatedPDF("a").count)
    #expect(result.redirects == 0)
    #expect(result.contentType == "application/pdf")
    #expect(try Data(contentsOf: folder.appendingPathComponent("out")) == Data(generatedPDF("a")))
  }

  @Test func redirectsWithinTheLimitAreFollowedAndTheEndIsKnown() throws {
    let result = try download("redirect/3/files/a.pdf")
    #expect(result.redirects == 3)
    #expect(result.finalURL == server.url("files/a.pdf").absoluteString)
  }

  @Test(arguments: ["redirect/4/files/a.pdf", "loop"])
  func tooManyRedirectsAreRefused(path: String) {
    guard case .tooManyRedirects(let limit, let last) = failure(path) else {
      Issue.record("expected tooManyRedirects, got \(String(describing: failure(path)))")
      return
    }
    #expect(limit == 3)
    #expect(last.hasPrefix("http://127.0.0.1:\(server.port)/"))
  }

  @Test(arguments: [404, 403, 500])
  func anErrorStatusIsReportedWithItsCode(code: Int) {
    #expect(
      failure("status/\(code)") == .httpStatus(code: code, url: server.url("status/\(code)").absoluteString))
  }

  @Test func aMissingFileIs404() {
    #expect(
      failure("files/absent.pdf")
        == .httpStatus(code: 404, url: server.url("files/absent.pdf").absoluteString))
  }

  @Test func aConnectionDroppedHalfWayIsInterrupted() {
    guard case .interrupted(let received, let expected, _) = failure("truncated") else {
      Issue.record("expected interrupted, got \(String(describing: failure("truncated")))")
      return
    }
    #expect(received == 5000)
    #expect(expected == 100_000)
  }

  @Test func anAnnouncedBodyOverTheLimitIsRefusedBeforeItArrives() {
    #expect(failure("large/200000") == .tooLarge(limit: 100_000, announced: 200_000))
  }

  @Test func anUnannouncedBodyOverTheLimitIsCutOff() throws {
    #expect(failure("unannounced/200000") == .tooLarge(limit: 100_000, announced: nil))
    let kept = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("out").path)
    #expect((kept[.size] as? Int ?? 0) <= 100_000)
  }

  @Test func aStalledServerTimesOut() {
    #expect(failure("stall") == .timedOut(seconds: 1))
  }

  @Test func aRefusedConnectionIsATransportFailure() throws {
    // The port of a server that has stopped: nothing listens there any more.
    let url: URL
    do {
      let stopped = try LocalServer(serving: folder)
      url = stopped.url("files/x")
    }
    do {
      _ = try HTTPDownloader(limits: limits).download(url, to: folder.appendingPathComponent("out"))
      Issue.record("expected a failure")
    } catch {
      guard case .transport = error else {
        Issue.record("expected transport, got \(error)")
        return
      }
    }
  }

  @Test func onlyHTTPAddressesAreFetched() {
    let url = URL(string: "file:///etc/passwd")!
    #expect(throws: DownloadFailure.unsupportedURL("file:///etc/passwd")) {
      _ = try HTTPDownloader(limits: limits).download(url, to: folder.appendingPathComponent("out"))
    }
  }
}
