import Extraction
import Foundation
import ScanModel

/// One real document of ../shared/corpus/formats read with a preset, as `add-framework` would read it.
/// Tests assert on labels, counts, section titles and a few words; nothing more of a document is written
/// in this repository.
enum RealFormatDocument {
  static func extract(
    _ path: String, preset: String, format: FrameworkManifest.Document.Format, framework: String = "t"
  ) throws -> ExtractionResult {
    let url = Paths.format(path)
    let bytes = Array(try Data(contentsOf: url))
    let recipe = try CompiledRecipe(Recipe(preset: preset), file: "\(framework)/framework.yaml")
    return try Extractor(framework: framework, recipe: recipe, documentFormat: format)
      .extract(bytes, file: url.path, sha256: String(repeating: "0", count: 64))
  }

  static func detect(_ path: String) throws -> FormatDetection {
    let url = Paths.format(path)
    return try FormatDetection.detect(Array(try Data(contentsOf: url)), fileName: url.lastPathComponent)
  }

  static func reasons(_ result: ExtractionResult) -> [DroppedUnit.Reason: Int] {
    Dictionary(grouping: result.dropped, by: \.reason).mapValues(\.count)
  }
}
