import ContentHash
import ScanModel
import Testing

@testable import Deduplication

/// The practice sets in Fixtures/practice-sets: what must merge, what must stay apart.
@Suite struct PracticeSetTests {
  /// The parameterised tests below run once per set; an unreadable set must not leave them with none.
  @Test func everyPracticeSetIsRead() throws {
    let sets = try PracticeSet.loaded.get()
    #expect(sets.map(\.file) == ["frontier-safety.json"])
    #expect(sets.allSatisfy { !$0.groups.isEmpty && !$0.lookalikes.isEmpty })
  }

  @Test(arguments: PracticeSet.all)
  func duplicatesMerge(_ set: PracticeSet) throws {
    let result = try Deduplicator().run(inputs: set.inputs)
    for group in set.groups {
      let ids = group.statements.indices.map { "g-\(group.name)-\($0)" }
      let clusters = Set(ids.compactMap { result.clusterOf[$0] })
      #expect(clusters.count == 1, "group \(group.name) is spread over \(clusters.sorted())")
    }
  }

  @Test(arguments: PracticeSet.all)
  func lookalikesStayApart(_ set: PracticeSet) throws {
    let result = try Deduplicator().run(inputs: set.inputs)
    for pair in set.lookalikes {
      #expect(
        !Clusters(result).together("l-\(pair.name)-0", "l-\(pair.name)-1"),
        "look-alike pair \(pair.name) merged")
    }
  }

  /// No cluster holds statements of two different groups, a look-alike or a single with anything else.
  @Test(arguments: PracticeSet.all)
  func nothingElseMerges(_ set: PracticeSet) throws {
    let result = try Deduplicator().run(inputs: set.inputs)
    for mitigation in result.mitigations where mitigation.members.count > 1 {
      let origins = Set(
        mitigation.members.map { member -> String in
          let id = member.statementID
          guard id.hasPrefix("g-"), let dash = id.lastIndex(of: "-") else { return id }
          return String(id[..<dash])
        })
      #expect(origins.count == 1, "\(mitigation.id) mixes \(origins.sorted())")
    }
  }

  @Test(arguments: PracticeSet.all)
  func exactAndLSHGiveTheSameClusters(_ set: PracticeSet) throws {
    let exact = try Deduplicator().run(inputs: set.inputs)
    let lsh = try Deduplicator(configuration: .lshOnly).run(inputs: set.inputs)
    #expect(exact.exhaustive)
    #expect(!lsh.exhaustive)
    #expect(lsh.candidatePairs < exact.candidatePairs)
    #expect(exact.mitigations == lsh.mitigations)
  }

  @Test(arguments: PracticeSet.all)
  func shuffledInputGivesTheSameResult(_ set: PracticeSet) throws {
    for configuration in [DeduplicationConfiguration.default, .lshOnly] {
      let deduplicator = Deduplicator(configuration: configuration)
      let reference = try deduplicator.run(inputs: set.inputs)
      var random = SplitMix64(seed: 7)
      for _ in 0..<5 {
        let shuffled = try deduplicator.run(inputs: set.inputs.shuffled(using: &random))
        #expect(shuffled == reference)
      }
    }
  }

  /// A look-alike pair that scores high is shown for review, with the reason it did not merge.
  @Test func templateLookalikeGoesToReviewWithAReason() throws {
    let inputs = [
      DeduplicationInput(
        id: "a",
        text: "Assess, before training begins, the risk that the covered model will cause or materially "
          + "enable a critical harm, and record the assessment."),
      DeduplicationInput(
        id: "b",
        text:
          "Assess, before the covered model is deployed, the risk that it will cause or materially enable "
          + "a critical harm, and record the assessment."),
    ]
    let result = try Deduplicator().run(inputs: inputs)
    #expect(result.mitigations.count == 2)
    let edge = try #require(result.edges.first)
    #expect(edge.verdict == .review)
    #expect(edge.score >= Deduplicator().configuration.thresholds.merge)
    #expect(edge.reason.contains("different object"))
    #expect(edge.reason.contains("deploy"))
  }

  @Test func differentActionOnTheSameObjectDoesNotMerge() throws {
    let inputs = [
      DeduplicationInput(id: "a", text: "Publish the risk management framework in full."),
      DeduplicationInput(id: "b", text: "Implement the risk management framework in full."),
    ]
    let result = try Deduplicator().run(inputs: inputs)
    #expect(!Clusters(result).together("a", "b"))
    #expect(result.edges.first?.reason.contains("different action") == true)
  }
}
