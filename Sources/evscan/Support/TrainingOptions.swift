import ArgumentParser
import Foundation
import Normalization
import Pipeline
import Taxonomy

/// How `train` and `evaluate` train: the joined document context and the trainer's settings. The
/// settings' defaults are the shipped ones; the hidden options are for trying others in cross-validation.
struct TrainingOptions: ParsableArguments {
  @Option(
    help: """
      A context join (row_id, framework, statement_id, document_sha256, locator, match) that gives coded \
      rows the section path, label and fields of the statements they quote.
      """,
    completion: .file())
  var context: String?

  @Option(
    help: "The frameworks folder that the context join's documents and the decided statements come from.",
    completion: .directory)
  var frameworks: String = "frameworks"

  @Option(help: .hidden) var cost: Double?
  @Option(help: .hidden) var contextWeight: Double?
  @Option(help: .hidden) var reviewThreshold: Double?
  @Option(help: .hidden) var reviewTargetAccuracy: Double?
  @Option(help: .hidden) var thesaurusWeight: Double?
  @Option(help: .hidden) var prototypes: Bool?
  @Option(help: .hidden) var titleWeight: Double?
  @Option(help: .hidden) var conceptWeight: Double?
  @Option(help: .hidden) var minimumFrequency: Int?

  func trainer(_ taxonomy: TaxonomySet) -> ClassifierTrainer {
    var trainer = ClassifierTrainer(taxonomy: taxonomy)
    if let cost { trainer.cost = cost }
    if let contextWeight { trainer.blockWeights[3] = contextWeight }
    if let reviewThreshold { trainer.reviewThreshold = reviewThreshold }
    if let reviewTargetAccuracy { trainer.reviewTargetAccuracy = reviewTargetAccuracy }
    if let thesaurusWeight { trainer.thesaurusWeight = thesaurusWeight }
    if let prototypes { trainer.taxonomyPrototypes = prototypes }
    if let titleWeight { trainer.blockWeights[0] = titleWeight }
    if let conceptWeight { trainer.blockWeights[2] = conceptWeight }
    if let minimumFrequency { trainer.minimumTextDocumentFrequency = minimumFrequency }
    return trainer
  }

  /// The examples with their joined context, when a join is given.
  func joined(_ examples: [CodedExample]) throws -> [CodedExample] {
    guard let context else { return examples }
    return try ContextJoin.read(path: context).attach(
      to: examples, frameworks: URL(fileURLWithPath: frameworks))
  }
}
