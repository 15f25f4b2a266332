import GRDB
import ScanModel

/// A row of `frameworks`: a framework's citation facts, how it was identified, and its recipe.
struct FrameworkRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "frameworks"

  var slug: String
  var sourceKey: String?
  var sourceName: String
  var title: String
  var authors: String
  var year: Int
  var publisher: String
  var identifier: String?
  var url: String
  var licence: String
  var identificationConfidence: String
  var identificationNote: String
  var originalURL: String
  var originalFormat: String
  var preset: String
  var recipe: String

  enum CodingKeys: String, CodingKey {
    case slug, title, authors, year, publisher, identifier, url, licence, preset, recipe
    case sourceKey = "source_key"
    case sourceName = "source_name"
    case identificationConfidence = "identification_confidence"
    case identificationNote = "identification_note"
    case originalURL = "original_url"
    case originalFormat = "original_format"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.slug, slug.databaseValue),
      (.sourceKey, sourceKey.databaseValue),
      (.sourceName, sourceName.databaseValue),
      (.title, title.databaseValue),
      (.authors, authors.databaseValue),
      (.year, year.databaseValue),
      (.publisher, publisher.databaseValue),
      (.identifier, identifier.databaseValue),
      (.url, url.databaseValue),
      (.licence, licence.databaseValue),
      (.identificationConfidence, identificationConfidence.databaseValue),
      (.identificationNote, identificationNote.databaseValue),
      (.originalURL, originalURL.databaseValue),
      (.originalFormat, originalFormat.databaseValue),
      (.preset, preset.databaseValue),
      (.recipe, recipe.databaseValue),
    ]
  }

  init(_ manifest: FrameworkManifest) throws {
    slug = manifest.slug
    sourceKey = manifest.sourceKey
    sourceName = manifest.sourceName
    title = manifest.citation.title
    authors = try SnapshotJSON.text(manifest.citation.authors)
    year = manifest.citation.year
    publisher = manifest.citation.publisher
    identifier = manifest.citation.identifier
    url = manifest.citation.url
    licence = manifest.citation.licence
    identificationConfidence = manifest.identification.confidence.rawValue
    identificationNote = manifest.identification.note
    originalURL = manifest.original.url
    originalFormat = manifest.original.format.rawValue
    preset = manifest.recipe.preset
    recipe = try SnapshotJSON.text(manifest.recipe)
  }

  func model(document: FrameworkManifest.Document) throws -> FrameworkManifest {
    FrameworkManifest(
      slug: slug, sourceKey: sourceKey,
      citation: FrameworkManifest.Citation(
        title: title, authors: try RowValue.json([String].self, authors, column: "frameworks.authors"),
        year: year, publisher: publisher, identifier: identifier, url: url, licence: licence),
      identification: FrameworkManifest.Identification(
        confidence: try RowValue.enumeration(
          identificationConfidence, column: "frameworks.identification_confidence"),
        note: identificationNote),
      original: original(),
      document: document,
      recipe: try RowValue.json(Recipe.self, recipe, column: "frameworks.recipe"))
  }

  /// The original's URL and format. Its lock, file name and recipe stay in framework.yaml (whose SHA-256 the
  /// run's inputs record); when a scan read the original, the `documents` row holds its file and SHA-256.
  /// Snapshots written before the format was html | xml | pdf hold a description here ("PDF (stand-in in
  /// GROBID TEI XML)"): it is read as the format it names and kept as the note, so that such a snapshot
  /// still gives the next scan its ids.
  private func original() -> FrameworkManifest.Original {
    if let format = FrameworkManifest.Document.Format(rawValue: originalFormat) {
      return FrameworkManifest.Original(url: originalURL, format: format)
    }
    let text = originalFormat.lowercased()
    let format: FrameworkManifest.Document.Format =
      text.contains("pdf") ? .pdf : text.hasPrefix("xml") || text.contains("tei") ? .xml : .html
    return FrameworkManifest.Original(url: originalURL, format: format, note: originalFormat)
  }
}
