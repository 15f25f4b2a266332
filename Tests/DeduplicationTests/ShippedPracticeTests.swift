import ScanModel
import Testing

@testable import Deduplication

/// What the ground truth of the 13 shipped frameworks says about merging, checked on its own fragments.
/// The fragments are parts of statements, not whole ones, so they test what must not merge (look-alikes,
/// different practices) and what must (verbatim repeats); reworded repeats may go either way.
@Suite struct ShippedPracticeTests {
  @Test func fixturesAreRead() {
    #expect(ShippedPractices.all.count == 13)
    #expect(ShippedPractices.all.allSatisfy { !$0.practices.isEmpty && !$0.framework.isEmpty })
    #expect(ShippedPractices.all.reduce(0) { $0 + $1.lookalikes.count } >= 15)
  }

  @Test(arguments: ShippedPractices.all)
  func lookalikesStayApartAndVerbatimRepeatsMerge(_ fixture: ShippedPractices) throws {
    var inputs: [DeduplicationInput] = []
    for (practice, fragments) in fixture.practices {
      for (number, fragment) in fragments.enumerated() {
        inputs.append(
          DeduplicationInput(id: "p-\(practice)-\(number)", framework: fixture.framework, text: fragment))
      }
    }
    for (name, statements) in fixture.lookalikes {
      for (number, text) in statements.enumerated() {
        inputs.append(DeduplicationInput(id: "l-\(name)-\(number)", framework: fixture.framework, text: text))
      }
    }
    for (number, pair) in fixture.summaryRepeats.enumerated() {
      inputs.append(DeduplicationInput(id: "r-\(number)-body", framework: fixture.framework, text: pair.body))
      inputs.append(
        DeduplicationInput(id: "r-\(number)-summary", framework: fixture.framework, text: pair.summary))
    }
    for configuration in [DeduplicationConfiguration.default, .lshOnly] {
      let result = try Deduplicator(configuration: configuration).run(inputs: inputs)
      for (name, _) in fixture.lookalikes {
        #expect(!Clusters(result).together("l-\(name)-0", "l-\(name)-1"), "look-alike \(name) merged")
      }
      for (number, pair) in fixture.summaryRepeats.enumerated() where pair.verbatim {
        #expect(
          Clusters(result).together("r-\(number)-body", "r-\(number)-summary"),
          "verbatim repeat \(number) not merged")
      }
    }
  }

  /// Across all 13 frameworks, no cluster joins fragments of two different practices, and look-alikes stay
  /// apart among all of them.
  @Test func noClusterMixesPractices() throws {
    var inputs: [DeduplicationInput] = []
    var practiceOf: [String: String] = [:]
    for fixture in ShippedPractices.all {
      for (practice, fragments) in fixture.practices {
        for (number, fragment) in fragments.enumerated() {
          let id = "\(fixture.framework)/\(practice)/\(number)"
          inputs.append(DeduplicationInput(id: id, framework: fixture.framework, text: fragment))
          practiceOf[id] = practice
        }
      }
      for (name, statements) in fixture.lookalikes {
        for (number, text) in statements.enumerated() {
          // A look-alike statement may well state one of the practices; it only must not join its partner.
          inputs.append(
            DeduplicationInput(
              id: "\(fixture.framework)/lookalike-\(name)/\(number)", framework: fixture.framework, text: text
            ))
        }
      }
    }
    let result = try Deduplicator().run(inputs: inputs)
    for fixture in ShippedPractices.all {
      for (name, _) in fixture.lookalikes {
        let prefix = "\(fixture.framework)/lookalike-\(name)/"
        #expect(!Clusters(result).together(prefix + "0", prefix + "1"), "look-alike \(prefix) merged")
      }
    }
    for mitigation in result.mitigations where mitigation.members.count > 1 {
      let practices = Set(mitigation.members.compactMap { practiceOf[$0.statementID] })
      #expect(practices.count == 1, "\(mitigation.id) joins \(practices.sorted())")
    }
  }
}
