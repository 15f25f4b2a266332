import ArgumentParser
import ContentHash
import Deduplication
import Foundation

/// Labelled pairs and the statements they name, given as repeated `--labels FILE --statements FILE`
/// (the n-th labels file names statements of the n-th statements file).
struct PairTrainingInputs: ParsableArguments {
  @Option(
    name: .customLong("labels"),
    help: "Labelled pairs: JSON lines (a, b, label), a CSV with a, b, label, or a merges.csv (repeatable).",
    completion: .file())
  var labels: [String] = []

  @Option(
    name: .customLong("statements"),
    help:
      "The statements the labels file in the same position names: JSON lines, or a snapshot folder (repeatable).",
    completion: .file())
  var statements: [String] = []

  @OptionGroup var taxonomy: TaxonomyOptions

  func validate() throws {
    if labels.isEmpty { throw ValidationError("give at least one --labels FILE with its --statements FILE") }
    if labels.count != statements.count {
      throw ValidationError(
        "give one --statements FILE for each --labels FILE (\(labels.count) labels, \(statements.count) statements)"
      )
    }
  }

  /// Every labelled pair measured, and what each file contributed.
  func examples(_ trainer: PairModelTrainer) throws -> (PairModelTrainer.Examples, [PairModel.TrainingFile]) {
    var all = PairModelTrainer.Examples()
    var files: [PairModel.TrainingFile] = []
    for (labelsPath, statementsPath) in zip(labels, statements) {
      let pairs = try LabelledPairReader.load(path: labelsPath)
      var isFolder: ObjCBool = false
      let snapshot =
        FileManager.default.fileExists(atPath: statementsPath, isDirectory: &isFolder) && isFolder.boolValue
      let inputs =
        snapshot
        ? try SnapshotStatements.inputs(snapshot: statementsPath, taxonomy: taxonomy)
        : try StatementLinesReader.load(path: statementsPath)
      all.append(contentsOf: try trainer.examples(pairs, statements: inputs, statementsFile: statementsPath))
      files.append(
        .init(
          name: URL(fileURLWithPath: labelsPath).lastPathComponent,
          sha256: try SHA256Digest.hex(contentsOf: URL(fileURLWithPath: labelsPath)),
          pairs: pairs.count, duplicates: pairs.filter(\.duplicate).count))
      // A snapshot's statements are named by the digest of their ids and texts, which is what the features
      // were measured on.
      let statementsDigest =
        snapshot
        ? SHA256Digest.hex(inputs.sorted { $0.id < $1.id }.map { "\($0.id)\t\($0.text)\n" }.joined())
        : try SHA256Digest.hex(contentsOf: URL(fileURLWithPath: statementsPath))
      files.append(
        .init(
          name: URL(fileURLWithPath: statementsPath).lastPathComponent, sha256: statementsDigest,
          pairs: 0, duplicates: 0))
    }
    return (all, files)
  }
}
