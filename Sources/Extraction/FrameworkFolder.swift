import ContentHash
import Foundation
import Markup
import PDFLayout
import ScanModel
import StrictYAML

/// A framework's folder read and checked: its manifest, the document a run reads (the original when it is
/// in the folder and matches its lock, else the stand-in), that document's bytes, and its compiled recipe.
public struct FrameworkFolder {
  public static let manifestName = "framework.yaml"

  public let directory: URL
  public let manifest: FrameworkManifest
  /// The document the statements are read from: `manifest.document`, or the original described as a
  /// document (its file, its lock as `sha256`, its format, origin `retrieved`).
  public let document: FrameworkManifest.Document
  /// Which of the two `document` is.
  public let source: DocumentSource
  /// The recipe for `document`: the top-level recipe, or `original.recipe` for the original.
  public let recipe: CompiledRecipe
  public let documentBytes: [UInt8]

  public var manifestPath: String { directory.appendingPathComponent(Self.manifestName).path }

  /// The manifest as this run reads it: `document` and `recipe` are the ones used (the original's when it
  /// was read), which is what a snapshot records about the framework.
  public var manifestAsRead: FrameworkManifest {
    var read = manifest
    read.document = document
    if source == .original { read.recipe = manifest.original.recipe ?? manifest.recipe }
    return read
  }
  public var documentPath: String { directory.appendingPathComponent(document.file).path }
  public var slug: String { manifest.slug }

  /// Reads and checks everything a run needs from the folder; throws `InputError` naming the file and field.
  /// A document over `sizeLimit` bytes is refused before it is read. With `.originalWhenPresent`, an
  /// original file that is present but does not match its lock is an error, never a silent fall-back.
  public init(
    directory: URL, sizeLimit: Int = ParseOptions.defaultSizeLimit,
    choice: DocumentChoice = .originalWhenPresent
  ) throws {
    self.directory = directory
    let manifest = try Self.readManifest(directory: directory)
    let manifestPath = directory.appendingPathComponent(Self.manifestName).path
    self.manifest = manifest
    let originalPath = directory.appendingPathComponent(manifest.original.fileName).path
    if choice == .originalWhenPresent, FileManager.default.fileExists(atPath: originalPath) {
      let (bytes, recipe) = try Self.readOriginal(
        manifest, path: originalPath, sizeLimit: sizeLimit, file: manifestPath)
      let original = manifest.original
      document = FrameworkManifest.Document(
        file: original.fileName, sha256: SHA256Digest.hex(bytes), format: original.format, origin: .retrieved,
        note: original.note)
      source = .original
      self.recipe = recipe
      documentBytes = bytes
    } else {
      document = manifest.document
      source = .document
      recipe = try CompiledRecipe(manifest.recipe, file: manifestPath)
      documentBytes = try Self.readStandIn(
        manifest, directory: directory, sizeLimit: sizeLimit, file: manifestPath)
    }
  }

  /// The manifest alone, decoded and checked, for work that does not read the documents (`evscan fetch`).
  public static func readManifest(directory: URL) throws -> FrameworkManifest {
    let manifestURL = directory.appendingPathComponent(manifestName)
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
    return try readManifest(text: text, directory: directory, file: manifestPath)
  }

  /// A manifest's text decoded and checked as if it were `directory`'s (for an edit about to be written).
  public static func readManifest(text: String, directory: URL, file: String) throws -> FrameworkManifest {
    let decoder = StrictYAMLDecoder(
      documentationHint: "docs/framework-manifest.md lists the keys a manifest takes")
    let manifest = try decoder.decode(FrameworkManifest.self, from: text, file: file)
    try check(manifest, folderName: directory.lastPathComponent, file: file)
    return manifest
  }

  private static func readStandIn(
    _ manifest: FrameworkManifest, directory: URL, sizeLimit: Int, file manifestPath: String
  ) throws -> [UInt8] {
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
    return data
  }

  /// The original's bytes, checked against the lock, and the recipe that reads it.
  private static func readOriginal(
    _ manifest: FrameworkManifest, path: String, sizeLimit: Int, file manifestPath: String
  ) throws -> ([UInt8], CompiledRecipe) {
    let original = manifest.original
    let slug = manifest.slug
    let bytes = try DocumentFile.read(path, limit: sizeLimit, file: manifestPath, element: "original.file")
    let actual = SHA256Digest.hex(bytes)
    let instead =
      "or delete the file to scan the stand-in (`--stand-in` leaves it aside for one run)"
    guard let lock = original.sha256 else {
      throw InputError(
        file: manifestPath, element: "original.sha256",
        "the original \(path) is present (SHA-256 \(actual)) but `original.sha256` is empty, so nothing "
          + "says it is the right document: review it, then `evscan fetch --update \(slug)` records its "
          + "SHA-256 as the lock; \(instead)")
    }
    guard actual == lock else {
      throw InputError(
        file: manifestPath, element: "original.sha256",
        "the original \(path) has SHA-256 \(actual) but the lock `original.sha256` is \(lock): it is not the "
          + "copy that was reviewed. Review it, then `evscan fetch --update \(slug)` records the new lock; "
          + instead)
    }
    guard
      let recipe = original.recipe ?? (original.format == manifest.document.format ? manifest.recipe : nil)
    else {
      throw InputError(
        file: manifestPath, element: "original.recipe",
        "the original is \(original.format.rawValue) and the stand-in \(manifest.document.format.rawValue), "
          + "so the top-level recipe cannot read it; add `original.recipe` (docs/framework-manifest.md)")
    }
    do {
      return (bytes, try CompiledRecipe(recipe, file: manifestPath))
    } catch var error as InputError where original.recipe != nil {
      // CompiledRecipe names the top-level keys (`recipe.units`); here the rule came from `original.recipe`.
      error.location.element = error.location.element.map { "original.\($0)" }
      throw error
    }
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
    try checkOriginal(manifest, file: file)
    if let key = manifest.sourceKey, key.trimmingCharacters(in: .whitespaces).isEmpty {
      throw InputError(file: file, element: "sourceKey", "the source key is empty; remove it or fill it in")
    }
  }

  static func checkOriginal(_ manifest: FrameworkManifest, file: String) throws {
    let original = manifest.original
    if let lock = original.sha256, !SHA256Digest.isWellFormed(lock) {
      throw InputError(
        file: file, element: "original.sha256",
        "`\(lock)` is not a 64-digit lower-case hex SHA-256; leave it out until a copy has been reviewed "
          + "(`evscan fetch --update \(manifest.slug)` writes it)")
    }
    let name = original.fileName
    guard !name.isEmpty, !name.contains("/"), name != "." && name != ".." else {
      throw InputError(
        file: file, element: "original.file", "`\(name)` must be a file name in the framework's folder")
    }
    guard name != manifest.document.file, name != manifestName else {
      throw InputError(
        file: file, element: "original.file",
        "`\(name)` is taken by the \(name == manifestName ? "manifest" : "stand-in"); the default "
          + "`original.\(original.format.rawValue)` is kept out of git by .gitignore")
    }
  }

  /// The extraction stage configured for this folder's document.
  /// - Parameter format: the format of the bytes it will read, when they are not the folder's document.
  public func extractor(
    sizeLimit: Int = ParseOptions.defaultSizeLimit, format: FrameworkManifest.Document.Format? = nil
  ) -> Extractor {
    var extractor = Extractor(
      framework: manifest.slug, recipe: recipe, documentFormat: format ?? document.format,
      encoding: format == nil ? document.encoding : nil, sizeLimit: sizeLimit)
    extractor.pdfLimits = PDFConversionLimits(manifest.pdf)
    return extractor
  }

  /// Runs the recipe on the folder's document, or on `source` from another file when given (a PDF is
  /// known by its bytes, whatever the manifest's format).
  /// - Parameter displayPath: how diagnostics name the folder's document (default: its path).
  public func extract(source: (bytes: [UInt8], path: String)? = nil, displayPath: String? = nil) throws
    -> ExtractionResult
  {
    let bytes = source?.bytes ?? documentBytes
    let path = source?.path ?? displayPath ?? documentPath
    let sha = source == nil ? document.sha256 : SHA256Digest.hex(bytes)
    let extractor = extractor(format: source != nil && PDFSignature.matches(bytes) ? .pdf : nil)
    do {
      return try extractor.extract(bytes, file: path, sha256: sha)
    } catch var error as InputError
      where source == nil && self.source == .original
      && manifest.original.recipe != nil
    {
      // The extractor names the top-level keys (`recipe.units`); the rules that ran are `original.recipe`'s.
      if let element = error.location.element, element.hasPrefix("recipe.") {
        error.location.element = "original.\(element)"
      }
      throw error
    }
  }

  /// The markup a recipe runs on for `bytes`: the document itself, or for a PDF the XML rebuilt from
  /// its layout, so a person writing a recipe can see what the XPaths select from.
  public func layout(of bytes: [UInt8], file: String) throws -> String {
    let extractor = extractor(format: PDFSignature.matches(bytes) ? .pdf : nil)
    return String(decoding: try extractor.markup(of: bytes, file: file).bytes, as: UTF8.self)
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
