import CSVInput
import ContentHash
import Extraction
import Foundation
import ScanModel
import Snapshot
import Taxonomy

/// Tells when a scan would write exactly the snapshot that is already in the output folder, so that it can
/// stop at once: every input the scan would read (each framework folder's files, the taxonomy files, the
/// model, the decisions, the configuration) has the SHA-256 the snapshot's manifest records, the evscan
/// binary is the one that wrote it, and the snapshot's files are the ones its manifest lists.
///
/// The binary is recognised by a note in the cache folder (`scan-state.json`): the manifest holds only the
/// version, and a rebuilt binary with the same version may code differently. The binary is named by
/// `CacheBuild.fingerprint` (path, size, inode and modification time), not its digest: hashing 50 MB
/// would cost more than the whole check is allowed to take (0.1 s).
struct ScanShortcut {
  let options: ScanOptions
  let relativePath: (URL) -> String

  static let stateFileName = "scan-state.json"

  struct State: Codable, Equatable {
    var binary: String
    var output: String
    var manifestSHA256: String
    var site: Bool
  }

  /// The snapshot's manifest when the output is current, nil otherwise (then the scan runs in full).
  func currentManifest() -> SnapshotManifest? {
    guard let cache = options.cache,
      let stateData = FileManager.default.contents(
        atPath: cache.appendingPathComponent(Self.stateFileName).path),
      let state = try? JSONDecoder().decode(State.self, from: stateData),
      state.binary == CacheBuild.fingerprint, state.output == options.output.standardizedFileURL.path,
      state.site || !options.writeSite
    else { return nil }
    let output = options.output
    guard
      let manifestData = FileManager.default.contents(
        atPath: output.appendingPathComponent("manifest.json").path),
      SHA256Digest.hex(manifestData) == state.manifestSHA256,
      let manifest = try? JSONDecoder().decode(SnapshotManifest.self, from: manifestData),
      manifest.toolVersion == ToolVersion.current
    else { return nil }
    for (name, file) in manifest.files {
      guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(name).path),
        data.count == file.bytes, SHA256Digest.hex(data) == file.sha256
      else { return nil }
    }
    if options.writeSite
      && !FileManager.default.fileExists(atPath: output.appendingPathComponent("site/index.html").path)
    {
      return nil
    }
    guard let current = currentInputs() else { return nil }
    let recorded = Dictionary(
      manifest.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
    guard Set(recorded.keys) == Set(current.map { relativePath($0) }) else { return nil }
    for url in current {
      guard let digest = try? SHA256Digest.hex(contentsOf: url), recorded[relativePath(url)] == digest else {
        return nil
      }
    }
    return manifest
  }

  /// Records that the snapshot just published in the output folder was written by this binary.
  func record(manifestSHA256: String) {
    guard let cache = options.cache else { return }
    let state = State(
      binary: CacheBuild.fingerprint, output: options.output.standardizedFileURL.path,
      manifestSHA256: manifestSHA256,
      site: options.writeSite)
    do {
      try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      try encoder.encode(state).write(to: cache.appendingPathComponent(Self.stateFileName), options: .atomic)
    } catch {
      // Without the note the next scan simply runs in full.
      return
    }
  }

  /// Forgets the note, before a scan that may fail half-way changes the output.
  func forget() {
    guard let cache = options.cache else { return }
    try? FileManager.default.removeItem(at: cache.appendingPathComponent(Self.stateFileName))
  }

  /// Every file a scan would read as an input, or nil when that cannot be listed. A framework folder counts
  /// with all its files, so that an original put beside a stand-in (which the scan would read instead)
  /// makes the snapshot out of date.
  private func currentInputs() -> [URL]? {
    let files = FileManager.default
    guard let folders = try? FrameworkFolder.list(in: options.frameworks) else { return nil }
    var urls: [URL] = []
    for folder in folders {
      guard let names = try? files.contentsOfDirectory(atPath: folder.path) else { return nil }
      for name in names where !name.hasPrefix(".") {
        urls.append(folder.appendingPathComponent(name))
      }
    }
    urls += TaxonomySet.files(in: options.taxonomy).map { options.taxonomy.appendingPathComponent($0) }
    var optional =
      DecisionFile.allCases.map { $0.url(in: options.decisions) } + [options.deduplicationConfiguration]
    if let model = options.model { optional.append(model) }
    if let pairModel = options.pairModel { optional.append(pairModel) }
    if let screeningModel = options.screeningModel { optional.append(screeningModel) }
    urls += optional.filter { files.fileExists(atPath: $0.path) }
    return urls
  }
}
