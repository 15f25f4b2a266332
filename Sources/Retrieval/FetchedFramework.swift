import ContentHash
import Extraction
import Foundation
import ScanModel

/// One framework as `evscan fetch` sees it: its manifest's `original`, where the original goes, where an
/// unverified download waits, and the file operations on them, each failure named for the user.
struct FetchedFramework {
  let slug: String
  let directory: URL
  let manifest: FrameworkManifest
  /// The folder as the user wrote it, e.g. `frameworks/nist-2024`, for messages.
  let displayDirectory: String

  init(slug: String, root: URL, display: String) throws {
    self.slug = slug
    directory = root.appendingPathComponent(slug)
    manifest = try FrameworkFolder.readManifest(directory: directory)
    displayDirectory = (display as NSString).appendingPathComponent(slug)
  }

  var original: FrameworkManifest.Original { manifest.original }
  var manifestPath: String { directory.appendingPathComponent(FrameworkFolder.manifestName).path }
  /// `original.file` in the folder: what a scan reads.
  var target: URL { directory.appendingPathComponent(original.fileName) }
  /// A download that does not match the lock, kept for review.
  var pending: URL {
    directory.appendingPathComponent(original.fileName + OriginalFetcher.unverifiedSuffix)
  }

  func display(_ url: URL) -> String {
    (displayDirectory as NSString).appendingPathComponent(url.lastPathComponent)
  }

  func outcome(_ status: FetchOutcome.Status, file: URL?, sha256: String?, _ message: String) -> FetchOutcome
  {
    FetchOutcome(
      framework: slug, status: status, message: message, file: file.map(display), sha256: sha256)
  }

  func error(_ message: String) -> InputError {
    InputError(file: manifestPath, element: "original.url", message)
  }

  func storageError(_ failure: StorageFailure) -> InputError {
    InputError(
      file: failure.path,
      "cannot write the original (\(failure.reason)); check the folder's permissions and free space")
  }

  /// The outcome `present` when the original is already in place and matches the lock, so nothing is
  /// downloaded again; nil when it must be fetched. A file in place that does not match is left alone: the
  /// download will decide, and a scan names the mismatch.
  func verifiedCopyInPlace() throws -> FetchOutcome? {
    guard let lock = original.sha256, FileManager.default.fileExists(atPath: target.path),
      (try? SHA256Digest.hex(contentsOf: target)) == lock
    else { return nil }
    return outcome(
      .present, file: target, sha256: lock, "\(display(target)) is already here and matches the lock")
  }

  /// Puts a verified download under its real name, and drops an older unverified one it supersedes.
  func install(_ staged: StagedFile) throws {
    do {
      try staged.commit(to: target)
    } catch let failure as StorageFailure {
      throw storageError(failure)
    }
    try? FileManager.default.removeItem(at: pending)
  }

  /// Keeps a download that no lock vouches for beside the original's name, where a scan does not look.
  func setAside(_ staged: StagedFile) throws {
    do {
      try staged.commit(to: pending)
    } catch let failure as StorageFailure {
      throw storageError(failure)
    }
  }

  func move(_ source: URL, to destination: URL) throws {
    guard rename(source.path, destination.path) == 0 else {
      throw storageError(StorageFailure(path: destination.path, reason: String(cString: strerror(errno))))
    }
    try? StagedFile.sync(directory.path)
  }

  /// Writes `lock` into framework.yaml, changing only the `original.sha256` line, and checks that the edited
  /// manifest still reads as the same manifest with the new lock before it replaces the old one.
  func recordLock(_ lock: String) throws {
    let path = manifestPath
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let edited = try ManifestLockEditor.setting(lock, in: text, file: path)
    let staged = StagedFile(beside: URL(fileURLWithPath: path))
    do {
      try Data(edited.utf8).write(to: staged.url)
      var expected = manifest
      expected.original.sha256 = lock
      let reread = try FrameworkFolder.readManifest(
        text: edited, directory: directory, file: path)
      guard reread == expected else {
        staged.discard()
        throw InputError(
          file: path, element: "original.sha256",
          "editing the lock would have changed more than `original.sha256`; set it by hand to \(lock)")
      }
      try staged.commit(to: URL(fileURLWithPath: path))
    } catch let failure as StorageFailure {
      throw storageError(failure)
    } catch {
      staged.discard()
      throw error
    }
  }
}
