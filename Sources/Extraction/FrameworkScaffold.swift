import ContentHash
import Foundation
import Markup
import ScanModel

/// Creates a framework folder from a document: a manifest filled in from what the document says,
/// and a copy of the document. Used by `evscan add-framework`.
public struct FrameworkScaffold {
  public var slug: String
  public var documentPath: String
  public var preset: String?
  public var sourceKey: String?

  public init(slug: String, documentPath: String, preset: String? = nil, sourceKey: String? = nil) {
    self.slug = slug
    self.documentPath = documentPath
    self.preset = preset
    self.sourceKey = sourceKey
  }

  /// Writes `root/slug/` and returns its path. Nothing is written when the input is refused: the folder
  /// is assembled beside its final place and renamed into it only when complete.
  public func create(in root: URL) throws -> URL {
    let destination = root.appendingPathComponent(slug)
    try FrameworkFolder.checkSlug(slug, file: "add-framework")
    guard !FileManager.default.fileExists(atPath: destination.path) else {
      throw InputError(
        file: destination.path, "this framework folder exists already; choose another slug or edit it by hand"
      )
    }
    guard FileManager.default.fileExists(atPath: documentPath) else {
      throw InputError(file: documentPath, "cannot read the document; check the path given with --document")
    }
    let bytes = try DocumentFile.read(documentPath, file: documentPath)
    let data = Data(bytes)
    let detection: FormatDetection
    do {
      detection = try FormatDetection.detect(bytes, fileName: documentPath)
    } catch let error as MarkupError {
      throw InputError(error, file: documentPath)
    }
    let chosenPreset = preset ?? detection.preset
    guard FormatPreset.all[chosenPreset] != nil else {
      throw InputError(
        file: "--preset",
        "unknown preset `\(chosenPreset)`; the presets are \(FormatPreset.names.joined(separator: ", "))")
    }
    let documentFile =
      switch detection.format {
      case .xml: "document.xml"
      case .pdf: "document.pdf"
      case .html: "document.html"
      }
    let manifest = manifestText(
      detection: detection, preset: chosenPreset, documentFile: documentFile, sha256: SHA256Digest.hex(data))

    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let staging = root.appendingPathComponent(".\(slug).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: staging)
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
      try data.write(to: staging.appendingPathComponent(documentFile))
      try Data(manifest.utf8).write(to: staging.appendingPathComponent(FrameworkFolder.manifestName))
      try FileManager.default.moveItem(at: staging, to: destination)
    } catch {
      try? FileManager.default.removeItem(at: staging)
      throw InputError(
        file: destination.path, "cannot create the framework folder: \(error.localizedDescription)")
    }
    return destination
  }

  func manifestText(detection: FormatDetection, preset: String, documentFile: String, sha256: String)
    -> String
  {
    let title = detection.title ?? "TODO: the document's title"
    let year = detection.year.map(String.init) ?? "0  # TODO: the year of publication"
    let key = sourceKey.map { Self.quoted($0) } ?? "null  # the MIT database's source key, if it has one"
    return """
      # Written by `evscan add-framework`. Fill in the TODOs, adjust the recipe, then run
      # `evscan check-framework frameworks/\(slug)`. docs/framework-manifest.md explains every key.
      slug: \(slug)
      sourceKey: \(key)
      citation:
        title: \(Self.quoted(title))
        authors: []  # TODO: as published
        year: \(year)
        publisher: "TODO"
        url: "TODO"
        licence: unknown
      identification:
        confidence: unknown
        note: "TODO: why this is the document the scan means"
      original:
        url: "TODO"
        format: \(detection.format.rawValue)
      document:
        file: \(documentFile)
        sha256: \(sha256)
        format: \(detection.format.rawValue)
        origin: retrieved
      recipe:
        preset: \(preset)
        # Override any rule of the preset here, for example:
        # units: "//main//li"
        # exclude: ["//nav", "//footer"]

      """
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 {
          result += String(format: "\\x%02X", scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
