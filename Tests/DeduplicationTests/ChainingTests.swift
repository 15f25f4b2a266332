import ContentHash
import ScanModel
import Testing

@testable import Deduplication

/// Union-find alone would chain A~B~C into one cluster; the medoid and conflict checks must not.
@Suite struct ChainingTests {
  /// With the gates switched off, plain similarity links A to B and B to C, while A and C share little.
  @Test func chainOfSimilarityIsSplit() throws {
    var configuration = DeduplicationConfiguration.default
    configuration.thresholds = .init(
      merge: 0.5, review: 0.2, medoid: 0.5, pairFloor: 0.4, object: 0, substitution: 1)
    configuration.actions = ["none": ["zzzz"]]
    let inputs = [
      DeduplicationInput(id: "a", text: "alpha bravo charlie delta echo foxtrot"),
      DeduplicationInput(
        id: "b", text: "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima"),
      DeduplicationInput(id: "c", text: "golf hotel india juliet kilo lima"),
    ]
    let result = try Deduplicator(configuration: configuration).run(inputs: inputs)
    let merges = result.edges.filter { $0.verdict == .merge || $0.reason.contains("kept them apart") }
    #expect(merges.count == 2, "the chain exists: \(result.edges)")
    #expect(!Clusters(result).together("a", "c"))
    #expect(result.mitigations.count == 2)
  }

  /// With the shipped settings, a short statement merges with two longer ones that add different
  /// details; the two longer ones conflict (a different object each), so they do not end up together.
  @Test func sharedCoreWithDifferentDetailsIsSplit() throws {
    let inputs = [
      DeduplicationInput(id: "core", text: "Monitor deployed models for misuse and for emerging risks."),
      DeduplicationInput(
        id: "classifiers", text: "Monitor deployed models for misuse and for emerging risks with classifiers."
      ),
      DeduplicationInput(
        id: "audits", text: "Monitor deployed models for misuse and for emerging risks through audits."),
    ]
    let result = try Deduplicator().run(inputs: inputs)
    #expect(!Clusters(result).together("classifiers", "audits"))
    #expect(Clusters(result).together("core", "classifiers") || Clusters(result).together("core", "audits"))
  }

  @Test func chainSplitDoesNotDependOnOrder() throws {
    var configuration = DeduplicationConfiguration.default
    configuration.thresholds = .init(
      merge: 0.5, review: 0.2, medoid: 0.5, pairFloor: 0.4, object: 0, substitution: 1)
    configuration.actions = ["none": ["zzzz"]]
    let inputs = [
      DeduplicationInput(id: "a", text: "alpha bravo charlie delta"),
      DeduplicationInput(id: "b", text: "alpha bravo charlie delta echo foxtrot golf hotel"),
      DeduplicationInput(id: "c", text: "echo foxtrot golf hotel"),
      DeduplicationInput(id: "d", text: "echo foxtrot golf hotel india"),
    ]
    let deduplicator = Deduplicator(configuration: configuration)
    let reference = try deduplicator.run(inputs: inputs)
    var random = SplitMix64(seed: 3)
    for _ in 0..<6 {
      #expect(try deduplicator.run(inputs: inputs.shuffled(using: &random)) == reference)
    }
    #expect(!Clusters(reference).together("a", "c"))
  }
}
