import Extraction
import ScanModel

/// One framework as the scan extracted it: its folder (manifest, recipe, the document chosen) and what
/// came out of the document, from the extraction cache or freshly extracted.
struct ExtractedFramework {
  var folder: FrameworkFolder
  var result: ExtractionResult
}
