import ArgumentParser
import ContentHash
import Foundation
import Normalization
import Pipeline
import Taxonomy

struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train the mitigation classifier on coded statements.",
    discussion: """
      Reads CSV files in the MIT export's shape (Action ID, Action Name, Action Definition, Action Source, \
      MitigationCode; or Mitigation_ID, Action Name, Action Definition, MitigationCode) and writes a JSON \
      model that records the SHA-256 of its training data. Training is deterministic.
      """)

  @Option(
    name: .customLong("examples"), help: "A CSV of coded statements (repeat for several).",
    completion: .file())
  var examples: [String]

  @Option(
    name: .customLong("decisions"),
    help: "A decisions/codes.csv whose mitigation codes are training examples too (texts from --frameworks).",
    completion: .file())
  var decisions: String?

  @Option(help: "Where to write the model.", completion: .file())
  var output: String = ModelOptions.defaultPath

  @Option(help: "The attribution the training data's licence asks for, recorded in the model.")
  var attribution: String?

  @OptionGroup var taxonomy: TaxonomyOptions
  @OptionGroup var training: TrainingOptions

  func validate() throws {
    if examples.isEmpty { throw ValidationError("give at least one --examples FILE") }
  }

  func run() throws {
    let taxonomySet = try taxonomy.load()
    let reader = CodedExampleReader(taxonomy: taxonomySet.mitigation)
    var all: [CodedExample] = []
    var files: [ClassifierModel.TrainingFile] = []
    for path in examples {
      let rows = try training.joined(try reader.read(path: path))
      all += rows
      let digest = try SHA256Digest.hex(contentsOf: URL(fileURLWithPath: path))
      files.append(
        .init(
          name: URL(fileURLWithPath: path).lastPathComponent, sha256: digest, rows: rows.count,
          attribution: attribution))
    }
    if let context = training.context {
      let digest = try SHA256Digest.hex(contentsOf: URL(fileURLWithPath: context))
      let joined = all.filter { $0.context != nil }.count
      files.append(
        .init(
          name: URL(fileURLWithPath: context).lastPathComponent, sha256: digest, rows: joined,
          attribution: nil))
    }
    if let decisions {
      let decided = try DecidedCodeExamples.load(
        codesPath: decisions, frameworks: URL(fileURLWithPath: training.frameworks), choice: .standIn)
      all += decided
      files.append(
        .init(
          name: URL(fileURLWithPath: decisions).lastPathComponent,
          sha256: try SHA256Digest.hex(contentsOf: URL(fileURLWithPath: decisions)), rows: decided.count,
          attribution: nil))
    }
    let model = try training.trainer(taxonomySet).train(all, files: files)
    let url = URL(fileURLWithPath: output)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try model.encoded().write(to: url, options: .atomic)
    Console.print(
      "trained on \(all.count) examples (\(model.classes.count) codes, \(model.features.count) features, "
        + "temperature \(model.hyperparameters.temperature)); wrote \(output)")
  }
}
