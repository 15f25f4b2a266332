import Foundation
import ScanModel
import Testing

@testable import Deduplication

/// config/deduplication.yaml: the shipped file, and what a wrong one says.
@Suite struct DeduplicationConfigurationTests {
  @Test func shippedFileHoldsTheDefaults() throws {
    let path = Fixtures.packageRoot.appendingPathComponent("config/deduplication.yaml").path
    let configuration = try DeduplicationConfiguration.load(path: path)
    #expect(configuration == .default)
  }

  @Test func missingKeysTakeTheirDefaults() throws {
    let configuration = try DeduplicationConfiguration.parse("thresholds:\n  merge: 0.8\n", file: "c.yaml")
    #expect(configuration.thresholds.merge == 0.8)
    #expect(configuration.thresholds.review == DeduplicationConfiguration.default.thresholds.review)
    #expect(configuration.actions == DeduplicationConfiguration.default.actions)
  }

  struct BadConfiguration: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var key: String?
    var line: Int?
    var message: String
    var testDescription: String { name }
  }

  static let bad: [BadConfiguration] = [
    BadConfiguration(
      name: "review above merge", yaml: "thresholds:\n  merge: 0.5\n  review: 0.6\n",
      key: "thresholds.review",
      line: 3, message: "above `thresholds.merge`"),
    BadConfiguration(
      name: "merge above 1", yaml: "# comment\nthresholds:\n  merge: 1.5\n", key: "thresholds.merge", line: 3,
      message: "0...1"),
    BadConfiguration(
      name: "negative object", yaml: "thresholds:\n  object: -0.1\n", key: "thresholds.object", line: 2,
      message: "0...1"),
    BadConfiguration(
      name: "medoid above merge", yaml: "thresholds:\n  merge: 0.6\n  medoid: 0.7\n  review: 0.3\n",
      key: "thresholds.medoid", line: 3, message: "above `thresholds.merge`"),
    BadConfiguration(
      name: "floor above medoid", yaml: "thresholds:\n  merge: 0.6\n  medoid: 0.5\n  pairFloor: 0.55\n",
      key: "thresholds.pairFloor",
      line: 4, message: "above `thresholds.medoid`"),
    BadConfiguration(
      name: "weight above 1", yaml: "weights:\n  tfidf: 2\n", key: "weights.tfidf", line: 2, message: "0...1"),
    BadConfiguration(
      name: "bands do not divide", yaml: "candidates:\n  permutations: 100\n  bands: 30\n",
      key: "candidates.bands",
      line: 3, message: "divide"),
    BadConfiguration(
      name: "unknown key", yaml: "thresholds:\n  merge: 0.8\n  mergee: 0.9\n", key: "thresholds.mergee",
      line: 3,
      message: "unknown key `mergee`"),
    BadConfiguration(
      name: "unknown section", yaml: "threshold:\n  merge: 0.8\n", key: "threshold", line: 1,
      message: "unknown key `threshold`"),
    BadConfiguration(
      name: "word in two kinds", yaml: "actions:\n  assess: [test]\n  check: [tests]\n", key: "actions.check",
      line: 3,
      message: "also listed under `actions.assess`"),
    BadConfiguration(
      name: "stop word only", yaml: "actions:\n  assess: [the]\n", key: "actions.assess", line: 2,
      message: "only stop words"),
    BadConfiguration(
      name: "voice word names an action", yaml: "voice:\n  words: [labs, test]\n", key: "voice.words",
      line: 2,
      message: "names a kind of action"),
    BadConfiguration(
      name: "voice word of two words", yaml: "voice:\n  words: [frontier lab]\n", key: "voice.words", line: 2,
      message: "one word"),
    BadConfiguration(
      name: "slot with one value", yaml: "slots:\n  audience:\n    authority: [regulator]\n",
      key: "slots.audience", line: 2, message: "at least two values"),
    BadConfiguration(
      name: "concept under two values", yaml: "slots:\n  audience:\n    a: [regulator]\n    b: [regulator]\n",
      key: "slots.audience.b", line: 4, message: "listed under `slots.audience.a`"),
    BadConfiguration(
      name: "voice concept in a slot", yaml: "slots:\n  audience:\n    a: [developer]\n    b: [user]\n",
      key: "slots.audience.a", line: 3, message: "voice concept"),
    BadConfiguration(
      name: "wrong type", yaml: "thresholds:\n  merge: high\n", key: "thresholds.merge", line: nil,
      message: "number"),
  ]

  @Test(arguments: bad)
  func badConfigurationNamesTheKey(_ bad: BadConfiguration) {
    #expect {
      _ = try DeduplicationConfiguration.parse(bad.yaml, file: "config/deduplication.yaml")
    } throws: { error in
      guard let error = error as? InputError else { return false }
      let lineMatches = bad.line == nil || error.location.line == bad.line
      return error.location.element == bad.key && lineMatches && error.message.contains(bad.message)
        && error.location.file == "config/deduplication.yaml"
    }
  }

  @Test func conceptIdsMustBeInTheThesaurus() throws {
    let yaml = "slots:\n  audience:\n    authority: [regulator]\n    public: [usres]\n"
    let configuration = try DeduplicationConfiguration.parse(yaml, file: "d.yaml")
    let known: Set<String> = ["regulator", "user", "developer", "provider", "deployer", "frontier-ai"]
    #expect {
      try configuration.checkConcepts(known: known, file: "d.yaml", text: yaml)
    } throws: { error in
      guard let error = error as? InputError else { return false }
      return error.location.element == "slots.audience.public" && error.location.line == 4
        && error.message.contains("`usres`")
    }
    try DeduplicationConfiguration.default.checkConcepts(
      known: known.union(DeduplicationConfiguration.defaultSlots.values.flatMap { $0.values.flatMap { $0 } }),
      file: "d.yaml", text: nil)
  }

  @Test func runRejectsAnInvalidConfiguration() {
    var configuration = DeduplicationConfiguration.default
    configuration.thresholds.review = 0.9
    #expect(throws: InputError.self) {
      _ = try Deduplicator(configuration: configuration).run(inputs: [DeduplicationInput(id: "a", text: "A.")]
      )
    }
  }
}
