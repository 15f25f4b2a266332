import Foundation
import Testing

@testable import Normalization

@Suite("Training")
struct ClassifierTrainerTests {
  static func examples() throws -> [CodedExample] {
    let reader = CodedExampleReader(taxonomy: Support.taxonomy.mitigation)
    let examples =
      try reader.read(path: Support.fixture("training/five-column.csv"))
      + reader.read(path: Support.fixture("training/four-column.csv"))
    #expect(examples.count >= 4)
    return examples
  }

  @Test func trainingIsDeterministic() throws {
    let trainer = ClassifierTrainer(taxonomy: Support.taxonomy)
    let examples = try Self.examples()
    let first = try trainer.train(examples, files: []).encoded()
    let second = try trainer.train(examples.reversed().reversed(), files: []).encoded()
    #expect(first == second)
  }
}
