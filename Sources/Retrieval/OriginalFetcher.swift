import ContentHash
import Extraction
import Foundation
import ScanModel

/// `evscan fetch`: puts each framework's original document into its folder, from the network or from a
/// folder the user has, and records locks. A document is only ever placed under its real name when its
/// SHA-256 matches the lock; anything else waits beside it as `<file>.unverified` for a person to review.
public struct OriginalFetcher {
  /// What to do.
  public enum Mode: Sendable, Hashable {
    /// Download each original from `original.url` and verify it against the lock.
    case download
    /// Take the originals from this folder, recognised by the locks' SHA-256 (offline use).
    case copy(from: URL)
    /// Record the reviewed copy's SHA-256 as the lock (the unverified download, else the file in place,
    /// else a fresh download).
    case update
  }

  /// The frameworks folder as the user gave it (relative paths stay relative in messages).
  public let frameworks: String
  public let downloader: HTTPDownloader

  public init(frameworks: String, limits: DownloadLimits = DownloadLimits()) {
    self.frameworks = frameworks
    downloader = HTTPDownloader(limits: limits)
  }

  /// The suffix of a download that does not match a lock (or has none), kept for review.
  public static let unverifiedSuffix = ".unverified"

  /// Runs `mode` on the named frameworks, or all of them when `slugs` is empty. A framework's failure is
  /// its outcome; only a problem with the request itself (an unknown slug, `--from` without a folder) throws.
  public func run(slugs: [String], mode: Mode) throws -> [FetchOutcome] {
    let root = URL(fileURLWithPath: frameworks)
    let all = try FrameworkFolder.list(in: root).map(\.lastPathComponent)
    for slug in slugs where !all.contains(slug) {
      throw InputError(
        file: frameworks, "there is no framework `\(slug)` here; `evscan frameworks` lists them")
    }
    if mode == .update && slugs.isEmpty {
      throw InputError(
        file: frameworks,
        "--update records the lock of copies you have reviewed: name those frameworks, e.g. "
          + "`evscan fetch --update nist-2024`")
    }
    var index: OriginalIndex?
    if case .copy(let folder) = mode {
      do {
        index = try OriginalIndex(root: folder, sizeLimit: downloader.limits.bytes)
      } catch {
        throw InputError(file: folder.path, "--from needs a folder that exists and can be read")
      }
    }
    return (slugs.isEmpty ? all : slugs).map { slug in
      do {
        let framework = try FetchedFramework(slug: slug, root: root, display: frameworks)
        switch mode {
        case .download: return try download(framework)
        case .copy: return try copy(framework, index: index!)
        case .update: return try update(framework)
        }
      } catch let error as InputError {
        return FetchOutcome(framework: slug, status: .failed, message: error.description)
      } catch {
        return FetchOutcome(framework: slug, status: .failed, message: "\(error)")
      }
    }
  }

  // MARK: The three modes

  private func download(_ framework: FetchedFramework) throws -> FetchOutcome {
    if let present = try framework.verifiedCopyInPlace() { return present }
    let (staged, download) = try fetch(framework)
    let digest = try SHA256Digest.hex(contentsOf: staged.url)
    let source = Self.describe(download, asked: framework.original.url)
    guard let lock = framework.original.sha256 else {
      try framework.setAside(staged)
      return framework.outcome(
        .unlocked, file: framework.pending, sha256: digest,
        "downloaded \(source) (SHA-256 \(digest)); `original.sha256` is empty, so it is "
          + "kept aside as \(framework.display(framework.pending)) and scans keep reading the stand-in. "
          + "Review it, then `evscan fetch --update \(framework.slug)` records it as the lock")
    }
    guard digest == lock else {
      try framework.setAside(staged)
      return framework.outcome(
        .refused, file: framework.pending, sha256: digest,
        "refused the download of \(source): its SHA-256 is \(digest) but the lock is "
          + "\(lock), so the publisher now serves other bytes. It is kept aside as "
          + "\(framework.display(framework.pending)); review it, and if it is right, "
          + "`evscan fetch --update \(framework.slug)` records the new lock, then `evscan scan` and "
          + "`evscan diff` show what the new document changes")
    }
    try framework.install(staged)
    return framework.outcome(
      .verified, file: framework.target, sha256: digest,
      "downloaded \(framework.display(framework.target)) from \(source); it matches the lock")
  }

  private func copy(_ framework: FetchedFramework, index: OriginalIndex) throws -> FetchOutcome {
    guard let lock = framework.original.sha256 else {
      return framework.outcome(
        .skipped, file: nil, sha256: nil,
        "no lock to recognise its file by; put the original at \(framework.display(framework.target)), "
          + "review it, and run `evscan fetch --update \(framework.slug)`")
    }
    if let present = try framework.verifiedCopyInPlace() { return present }
    guard let source = index.file(withSHA256: lock) else {
      return framework.outcome(
        .missing, file: nil, sha256: nil,
        "no file under the --from folder has the locked SHA-256 \(lock) (\(index.filesRead) files read); "
          + "download \(framework.original.url) into it, or run `evscan fetch \(framework.slug)`")
    }
    let staged = StagedFile(beside: framework.target)
    do {
      try staged.fill(from: source)
    } catch let failure as StorageFailure {
      throw framework.storageError(failure)
    }
    try framework.install(staged)
    return framework.outcome(
      .verified, file: framework.target, sha256: lock,
      "copied \(source.path) to \(framework.display(framework.target)); it matches the lock")
  }

  private func update(_ framework: FetchedFramework) throws -> FetchOutcome {
    let fileManager = FileManager.default
    let candidate: URL
    var downloaded: StagedFile?
    if fileManager.fileExists(atPath: framework.pending.path) {
      candidate = framework.pending
    } else if fileManager.fileExists(atPath: framework.target.path) {
      candidate = framework.target
    } else {
      let (staged, _) = try fetch(framework)
      downloaded = staged
      candidate = staged.url
    }
    let digest = try SHA256Digest.hex(contentsOf: candidate)
    let previous = framework.original.sha256
    if previous != digest {
      try framework.recordLock(digest)
    }
    if let downloaded {
      try framework.install(downloaded)
    } else if candidate != framework.target {
      try framework.move(candidate, to: framework.target)
    }
    let source =
      downloaded != nil
      ? "a copy downloaded just now from \(framework.original.url) (review it before you publish a scan)"
      : framework.display(candidate)
    let change =
      previous == digest
      ? "the lock already recorded it" : "`original.sha256` was \(previous ?? "empty"), now \(digest)"
    return framework.outcome(
      .locked, file: framework.target, sha256: digest,
      "locked \(source) as \(framework.display(framework.target)): \(change). Copy output/ aside, run "
        + "`evscan scan`, and `evscan diff OLD output` shows what the original changes")
  }

  /// Downloads the original into a staged file beside its target, checked to be the right kind of document.
  private func fetch(_ framework: FetchedFramework) throws -> (StagedFile, HTTPDownloader.Download) {
    guard let url = URL(string: framework.original.url) else {
      throw framework.error("`\(framework.original.url)` is not a URL; correct `original.url`")
    }
    let staged = StagedFile(beside: framework.target)
    let download: HTTPDownloader.Download
    do {
      download = try downloader.download(url, to: staged.url)
    } catch {
      staged.discard()
      throw framework.error(
        DownloadMessage.describe(error, url: framework.original.url, limits: downloader.limits))
    }
    let prefix = Self.prefix(of: staged.url)
    if let found = DocumentSignature.mismatch(prefix, expected: framework.original.format) {
      staged.discard()
      let place = download.finalURL == framework.original.url ? "" : " (redirected to \(download.finalURL))"
      let type = download.contentType.map { ", Content-Type \($0)" } ?? ""
      throw framework.error(
        "\(framework.original.url)\(place) sent \(found)\(type), not the \(framework.original.format.rawValue) "
          + "the manifest expects; nothing was kept. Publishers answer with a cookie wall, a login or a "
          + "landing page when they refuse scripts: open the address in a browser, save the document, and "
          + "use `evscan fetch --from FOLDER`")
    }
    return (staged, download)
  }

  /// The address asked for, and where redirects led when they did.
  static func describe(_ download: HTTPDownloader.Download, asked: String) -> String {
    download.finalURL == asked ? asked : "\(asked) (redirected to \(download.finalURL))"
  }

  static func prefix(of url: URL) -> [UInt8] {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
    defer { try? handle.close() }
    return Array((try? handle.read(upToCount: 4096)) ?? Data())
  }
}
