import ContentHash
import ScanModel
import Testing

@testable import Deduplication

/// Generated sets with known answers, large enough that LSH has real buckets to fill.
@Suite struct GeneratedDataTests {
  static let seeds: [UInt64] = [1, 2, 3]

  @Test(arguments: seeds)
  func exactAndLSHGiveTheSameClusters(seed: UInt64) throws {
    let generated = GeneratedStatements(seed: seed, practices: 150, background: 150)
    let exact = try Deduplicator().run(inputs: generated.inputs)
    let lsh = try Deduplicator(configuration: .lshOnly).run(inputs: generated.inputs)
    #expect(exact.exhaustive && !lsh.exhaustive)
    #expect(lsh.candidatePairs < exact.candidatePairs / 4)
    #expect(exact.mitigations == lsh.mitigations)
  }

  @Test(arguments: seeds)
  func knownGroupsMergeAndNothingElse(seed: UInt64) throws {
    let generated = GeneratedStatements(seed: seed, practices: 150, background: 150)
    let result = try Deduplicator(configuration: .lshOnly).run(inputs: generated.inputs)
    let clusterOf = result.clusterOf
    var practiceClusters: [Int: Set<String>] = [:]
    for (id, practice) in generated.practiceOf {
      practiceClusters[practice, default: []].insert(clusterOf[id] ?? "")
    }
    for (practice, clusters) in practiceClusters.sorted(by: { $0.key < $1.key }) {
      #expect(clusters.count == 1, "practice \(practice) is spread over \(clusters.sorted())")
    }
    for mitigation in result.mitigations where mitigation.members.count > 1 {
      let practices = Set(mitigation.members.map { generated.practiceOf[$0.statementID] ?? -1 })
      #expect(practices.count == 1 && !practices.contains(-1), "\(mitigation.id) mixes \(practices.sorted())")
    }
    for (first, second) in generated.lookalikes {
      #expect(!Clusters(result).together(first, second), "look-alikes \(first) and \(second) merged")
    }
  }

  @Test func shuffledInputGivesTheSameResult() throws {
    let generated = GeneratedStatements(seed: 11, practices: 120, background: 60)
    for configuration in [DeduplicationConfiguration.default, .lshOnly] {
      let deduplicator = Deduplicator(configuration: configuration)
      let reference = try deduplicator.run(inputs: generated.inputs)
      var random = SplitMix64(seed: 99)
      for _ in 0..<4 {
        #expect(try deduplicator.run(inputs: generated.inputs.shuffled(using: &random)) == reference)
      }
    }
  }

  /// A flood of identical statements fills one LSH bucket past its cap; the windowed pairs still join them.
  @Test func oversizedBucketsStillMergeIdenticalStatements() throws {
    var configuration = DeduplicationConfiguration.lshOnly
    configuration.candidates.maxBucketSize = 8
    configuration.candidates.bucketWindow = 2
    let inputs = (0..<40).map {
      DeduplicationInput(id: "same-\($0)", text: "Keep a register of every model release and its approval.")
    }
    let result = try Deduplicator(configuration: configuration).run(inputs: inputs)
    #expect(result.mitigations.count == 1)
    #expect(result.candidatePairs < 40 * 39 / 2)
  }
}
