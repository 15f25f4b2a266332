import ScanModel

/// What a stage noticed while building statements, collected as it goes (the builder is a value passed
/// through several passes; the notes are shared).
final class ExtractionNotes {
  var warnings: [ScanDiagnostic] = []
}
