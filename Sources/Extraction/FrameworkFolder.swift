import ContentHash
import Foundation
import Markup
import PDFLayout
import ScanModel
import StrictYAML

/// A framework's folder read and checked: its manifest, its document's bytes, and its compiled recipe.
public struct FrameworkFolder {
  public static let manifestName = "framework.yaml"

  public let directory: URL
  public let manifest: FrameworkManifest
  public let recipe: CompiledRecipe
  public let documentBytes: [UInt8]

  public var manifestPath: String { directory.appendingPathComponent(Self.manifestName).path }
  public var documentPath: String { directory.appendingPathComponent(manifest.document.file).path }
  public var slug: String { manifest.slug }

  /// Reads and checks everything a run needs from the folder; throws `InputError` naming the file and field.
  /// A document over `sizeLimit` bytes is refused before it is read.
  public init(directory: URL, sizeLimit: Int = ParseOptions.defaultSizeLimit) throws {
    self.directory = directory
    let manifestURL = directory.appendingPathComponent(Self.manifestName)
    let manifestPath = manifestURL.path
    guard FileManager.default.fileExists(atPath: manifestPath) else {
      throw InputError(
        file: manifestPath, "no framework.yaml in \(directory.path); `evscan add-framework` writes one")
    }
    let text: String
    do {
      text = try String(contentsOf: manifestURL, encoding: .utf8)
    } catch {
      throw InputError(
        file: manifestPath, "cannot read the manifest as UTF-8 text: \(error.localizedDescription)")
    }
    let decoder = StrictYAMLDecoder(
      documentationHint: "docs/framework-manifest.md lists the keys a manifest takes")
    let manifest = try decoder.decode(FrameworkManifest.self, from: text, file: manifestPath)
    try Self.check(manifest, folderName: directory.lastPathComponent, file: manifestPath)
    self.manifest = manifest
    recipe = try CompiledRecipe(manifest.recipe, file: manifestPath)

    let documentURL = directory.appendingPathComponent(manifest.document.file)
    guard FileManager.default.fileExists(atPath: documentURL.path) else {
      throw InputError(
        file: manifestPath, element: "document.file",
        "the document \(documentURL.path) is missing; put the file there or correct `document.file`")
    }
    let data = try DocumentFile.read(
      documentURL.path, limit: sizeLimit, file: manifestPath, element: "document.file")
    let actual = SHA256Digest.hex(data)
    guard actual == manifest.document.sha256 else {
      throw InputError(
        file: manifestPath, element: "document.sha256",
        "the document's SHA-256 is \(actual) but the manifest says \(manifest.document.sha256); "
          + "if the document changed on purpose, review it and update `document.sha256`")
    }
    documentBytes = data
  }

  static func checkSlug(_ slug: String, file: String) throws {
    let slugCharacters = slug.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
    guard !slug.isEmpty, slugCharacters, slug.first != "-" else {
      throw InputError(
        file: file, element: "slug",
        "the slug `\(slug)` may hold only a-z, 0-9 and hyphens, and not start with one")
    }
  }

  static func check(_ manifest: FrameworkManifest, folderName: String, file: String) throws {
    try checkSlug(manifest.slug, file: file)
    guard manifest.slug == folderName else {
      throw InputError(
        file: file, element: "slug",
        "the slug `\(manifest.slug)` differs from the folder name `\(folderName)`; make them the same")
    }
    guard SHA256Digest.isWellFormed(manifest.document.sha256) else {
      throw InputError(
        file: file, element: "document.sha256",
        "`\(manifest.document.sha256)` is not a 64-digit lower-case hex SHA-256")
    }
    let documentFile = manifest.document.file
    guard !documentFile.isEmpty, !documentFile.hasPrefix("/"),
      !documentFile.split(separator: "/").contains("..")
    else {
      throw InputError(
        file: file, element: "document.file",
        "`\(documentFile)` must name a file inside the framework's folder")
    }
    if let key = manifest.sourceKey, key.trimmingCharacters(in: .whitespaces).isEmpty {
      throw InputError(file: file, element: "sourceKey", "the source key is empty; remove it or fill it in")
    }
  }

  /// The extraction stage configured for this folder's document.
  public func extractor(sizeLimit: Int = ParseOptions.defaultSizeLimit) -> Extractor {
    Extractor(
      framework: manifest.slug, recipe: recipe, documentFormat: manifest.document.format,
      encoding: manifest.document.encoding, sizeLimit: sizeLimit)
  }

  /// Runs the recipe on the folder's document, or on `sourceBytes` from another file when given (a PDF is
  /// known by its bytes, whatever the manifest's format).
  public func extract(source: (bytes: [UInt8], path: String)? = nil) throws -> ExtractionResult {
    let bytes = source?.bytes ?? documentBytes
    let path = source?.path ?? documentPath
    let sha = source == nil ? manifest.document.sha256 : SHA256Digest.hex(bytes)
    var extractor = extractor()
    if source != nil, PDFSignature.matches(bytes) {
      extractor = Extractor(
        framework: manifest.slug, recipe: recipe, documentFormat: .pdf, encoding: nil,
        sizeLimit: extractor.sizeLimit)
    }
    return try extractor.extract(bytes, file: path, sha256: sha)
  }

  /// The markup a recipe runs on for `bytes`: the document itself, or for a PDF the XML rebuilt from
  /// its layout, so a person writing a recipe can see what the XPaths select from.
  public func layout(of bytes: [UInt8], file: String) throws -> String {
    guard PDFSignature.matches(bytes) || manifest.document.format == .pdf else {
      return String(decoding: bytes, as: UTF8.self)
    }
    return String(decoding: try PDFLayoutDocument.rebuild(pdf: bytes, file: file).xml, as: UTF8.self)
  }

  /// The framework folders under `root` (folders holding a framework.yaml), sorted by name.
  public static func list(in root: URL) throws -> [URL] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw InputError(file: root.path, "the frameworks folder does not exist; pass --frameworks DIR")
    }
    let entries = try FileManager.default.contentsOfDirectory(
      at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
    let folders = entries.filter {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent(manifestName).path)
    }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    guard !folders.isEmpty else {
      throw InputError(
        file: root.path,
        "the frameworks folder holds no framework (no */framework.yaml); add one with `evscan add-framework`")
    }
    return folders
  }
}

extension FrameworkFolder {
  /// Manifest values that `add-framework` left for a person to fill in.
  public func placeholderWarnings() -> [String] {
    var notes: [String] = []
    let citation = manifest.citation
    if citation.year == 0 { notes.append("citation.year is not filled in") }
    if citation.authors.isEmpty { notes.append("citation.authors is empty") }
    for (field, value) in [
      ("citation.title", citation.title), ("citation.publisher", citation.publisher),
      ("citation.url", citation.url),
      ("original.url", manifest.original.url), ("identification.note", manifest.identification.note),
    ] where value.contains("TODO") {
      notes.append("\(field) still says TODO")
    }
    return notes
  }
}
