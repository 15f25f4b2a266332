import ContentHash
import Foundation
import GRDB
import ScanModel
import Utilities

/// Writes a snapshot's files into a folder the caller prepared (the pipeline owns the temporary folder,
/// the lock and the rename into place).
///
/// Everything is checked and rendered in memory first, so that a refusal leaves the folder as it was;
/// if writing fails part way, the files written so far are removed again.
public struct SnapshotWriter: Sendable {
  public struct Options: Sendable, Hashable {
    /// The SSSOM `mapping_set_id`: a URI naming the mapping set.
    public var mappingSetID: String
    /// The SSSOM `license`: a URI. SSSOM's own "unspecified" value by default, because the project has
    /// not chosen a licence for its mappings and the frameworks' licences vary.
    public var license: String

    public init(
      mappingSetID: String = "urn:evscan:mappings",
      license: String = "https://w3id.org/sssom/license/unspecified"
    ) {
      self.mappingSetID = mappingSetID
      self.license = license
    }
  }

  public var options: Options
  /// Times each file's rendering and writing when set (`evscan scan --timings`).
  public var timer: StageTimer?

  public init(options: Options = Options(), timer: StageTimer? = nil) {
    self.options = options
    self.timer = timer
  }

  /// Writes every file of the snapshot into `folder` and returns the manifest it wrote.
  ///
  /// - Throws: `InputError` when the folder cannot be written or already holds snapshot files;
  ///   `InternalError` when the counts do not add up or the content refers to things it does not contain,
  ///   which is a fault in an earlier stage, never in the user's files.
  @discardableResult
  public func write(_ content: SnapshotContent, to folder: URL) throws -> SnapshotManifest {
    try Self.checkFolder(folder)
    let content = timer.measure("write: canonical order") { content.canonicalized() }
    try check(content, writingTo: folder)
    let index = timer.measure("write: index") { SnapshotIndex(content) }
    let databaseURL = folder.appendingPathComponent(SnapshotFile.database.fileName)
    let (databaseWritten, rendered) = render(content, index: index, databaseTo: databaseURL)

    var written: [URL] = [databaseURL]
    do {
      let texts = try rendered.get()
      let database = try databaseWritten.get()
      let digests = try timer.measure("write: files and digests") {
        try Self.writeTexts(texts, into: folder, besideDatabase: database, written: &written)
      }
      let manifest = Self.manifest(of: content, files: digests)
      let manifestURL = folder.appendingPathComponent(SnapshotFile.manifest.fileName)
      let manifestData = try SnapshotJSON.encode(manifest)
      written.append(manifestURL)
      try Self.writing(manifestURL) { try manifestData.write(to: manifestURL, options: .withoutOverwriting) }
      return manifest
    } catch {
      for url in written { try? FileManager.default.removeItem(at: url) }
      throw error
    }
  }

  /// Refuses content whose counts do not add up or whose references point nowhere, before anything is
  /// written.
  private func check(_ content: SnapshotContent, writingTo folder: URL) throws {
    let validator = SnapshotValidator(content)
    let countProblems = timer.measure("write: checks") { validator.countProblems }
    guard countProblems.isEmpty else {
      throw InternalError(
        "refusing to write \(SnapshotFile.report.fileName), whose counts do not add up: "
          + "\(SnapshotValidator.summary(countProblems)); nothing was written to \(folder.path)")
    }
    let referenceProblems = timer.measure("write: checks") { validator.referenceProblems }
    guard referenceProblems.isEmpty else {
      throw InternalError(
        "refusing to write an inconsistent snapshot: \(SnapshotValidator.summary(referenceProblems)); "
          + "nothing was written to \(folder.path)")
    }
  }

  /// Writes the database at `databaseURL` and renders the text files in memory, side by side.
  private func render(
    _ content: SnapshotContent, index: SnapshotIndex, databaseTo databaseURL: URL
  ) -> (Result<Data, any Error>, Result<[(SnapshotFile, Data)], any Error>) {
    let sssomOptions = SSSOMExport.Options(mappingSetID: options.mappingSetID, license: options.license)
    // The database's rows are built on both cores first. Then the database and the text files, independent
    // renderings of the index that take about as long, are written side by side. A failure of the texts is
    // reported first, as when they were rendered before the database.
    let rows = Result { try timer.measure("write: sqlite rows") { try SnapshotRows(content, index: index) } }
    return Parallel.both(
      {
        try timer.measure("write: sqlite") {
          try Self.writing(databaseURL) { try SnapshotDatabase.write(rows.get(), to: databaseURL) }
        }
      },
      {
        [
          (SnapshotFile.csv, try timer.measure("write: csv") { try CSVExport.render(index) }),
          (.json, try timer.measure("write: json") { try MitigationsDocument.render(index) }),
          (
            .sssom, try timer.measure("write: sssom") { try SSSOMExport.render(index, options: sssomOptions) }
          ),
          (.report, timer.measure("write: report") { Data(ScanReport(index: index).render().utf8) }),
        ]
      })
  }

  /// Writes the rendered texts beside the database, noting each file in `written` before writing it, and
  /// returns every file's size and digest, the database's (whose bytes are `database`) included.
  private static func writeTexts(
    _ texts: [(SnapshotFile, Data)], into folder: URL, besideDatabase database: Data, written: inout [URL]
  ) throws -> [String: SnapshotManifest.OutputFile] {
    var digests: [String: SnapshotManifest.OutputFile] = [:]
    digests[SnapshotFile.database.fileName] = .init(bytes: database.count, sha256: SHA256Digest.hex(database))
    for (file, data) in texts {
      let url = folder.appendingPathComponent(file.fileName)
      written.append(url)
      try writing(url) { try data.write(to: url, options: .withoutOverwriting) }
      digests[file.fileName] = .init(bytes: data.count, sha256: SHA256Digest.hex(data))
    }
    return digests
  }

  /// The manifest of the written files: versions, inputs, documents read, counts and digests.
  private static func manifest(
    of content: SnapshotContent, files digests: [String: SnapshotManifest.OutputFile]
  ) -> SnapshotManifest {
    SnapshotManifest(
      toolVersion: content.run.toolVersion, taxonomyVersion: content.run.taxonomyVersion,
      modelSHA256: content.run.modelSHA256,
      facets: Dictionary(
        content.taxonomy.map { ($0.facet, $0.version) }, uniquingKeysWith: { first, _ in first }),
      inputs: content.run.inputs,
      documents: content.frameworks.map { record in
        let document = record.manifest.document
        return SnapshotManifest.DocumentRead(
          framework: record.manifest.slug, path: record.documentPath, sha256: document.sha256,
          format: document.format.rawValue, origin: document.origin.rawValue)
      }.sorted { $0.framework.bytePrecedes($1.framework) },
      counts: content.run.counts, files: digests)
  }

  /// The folder must exist, be a folder, and hold none of the files we are about to write: the caller
  /// gives a fresh folder, and overwriting a published snapshot in place would break its atomic update.
  static func checkFolder(_ folder: URL) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
      throw InputError(
        file: folder.path,
        "cannot write the snapshot: the folder does not exist; create it, or check the path")
    }
    guard isFolder.boolValue else {
      throw InputError(
        file: folder.path, "cannot write the snapshot: this is a file, not a folder; choose a folder")
    }
    guard FileManager.default.isWritableFile(atPath: folder.path) else {
      throw InputError(
        file: folder.path,
        "cannot write the snapshot: the folder is not writable; check its permissions or choose another")
    }
    // A dangling symbolic link counts as present: writing through it would land outside the folder.
    let present = SnapshotFile.allCases.filter {
      let path = folder.appendingPathComponent($0.fileName).path
      return FileManager.default.fileExists(atPath: path)
        || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
    guard present.isEmpty else {
      throw InputError(
        file: folder.path,
        "cannot write the snapshot: the folder already holds \(present.map(\.fileName).joined(separator: ", ")); "
          + "write into an empty folder")
    }
  }

  /// Runs one file's write, turning a failure into a message that names the file and says what to check.
  private static func writing<Written>(_ url: URL, _ body: () throws -> Written) throws -> Written {
    do {
      return try body()
    } catch let error as InputError {
      throw error
    } catch let error as InternalError {
      throw error
    } catch {
      throw InputError(
        file: url.path,
        "cannot write this file: \(Self.reason(error)); check that the folder is writable and the disk has room"
      )
    }
  }

  static func reason(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      return error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }
    if let error = error as? CocoaError, let underlying = error.underlying {
      return underlying.localizedDescription
    }
    return "\(error)"
  }
}

extension CocoaError {
  fileprivate var underlying: (any Error)? {
    userInfo[NSUnderlyingErrorKey] as? any Error
  }
}
