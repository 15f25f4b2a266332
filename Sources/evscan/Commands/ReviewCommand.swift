import ArgumentParser
import Deduplication
import Foundation
import Normalization
import ScanModel
import Snapshot
import Taxonomy

struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Show the statement pairs in the review band of a snapshot, side by side.",
    discussion: """
      Each pair is close but was not merged. Record your decision in decisions/merges.csv as a \
      must-link (the same practice) or a cannot-link (different practices) and run `evscan scan` again.
      """)

  @Option(help: "The snapshot folder.", completion: .directory)
  var snapshot: String = "output"

  @Option(help: "Show at most this many pairs, highest score first.")
  var limit: Int?

  @Option(help: "The width of the side-by-side display.")
  var width: Int = 120

  @Flag(help: "List the units screening was least sure of, instead of pairs.")
  var screening = false

  @OptionGroup var taxonomy: TaxonomyOptions
  @OptionGroup var json: JSONOption

  struct Pair: Codable {
    var a: String
    var b: String
    var score: Double
    var components: [String: Double]
    var reason: String
    var textA: String
    var textB: String
    var sharedConcepts: [String]
  }

  func run() throws {
    try reportingUserErrors {
      let content = try SnapshotReader().read(from: URL(fileURLWithPath: snapshot))
      if screening {
        try ScreeningQueue(content: content, limit: limit ?? 20).print(json: json.enabled)
        return
      }
      // Concepts are recomputed from the texts with the thesaurus, to show what a pair has in common.
      let taxonomySet = try TaxonomySet.load(from: URL(fileURLWithPath: taxonomy.directory))
      let normalizer = try Normalizer(taxonomy: taxonomySet, model: nil)
      var inputs: [String: DeduplicationInput] = [:]
      for statement in content.statements {
        let concepts = normalizer.analyse(title: statement.title, text: statement.text).conceptIDs
        inputs[statement.id] = DeduplicationInput(
          id: statement.id, framework: statement.framework, text: statement.text, title: statement.title,
          concepts: concepts)
      }
      var edges = content.edges.filter { $0.verdict == .review }
        .sorted { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }
      if let limit { edges = Array(edges.prefix(max(limit, 0))) }
      if json.enabled {
        let pairs = edges.map { edge in
          let left = inputs[edge.a]
          let right = inputs[edge.b]
          return Pair(
            a: edge.a, b: edge.b, score: edge.score, components: edge.components, reason: edge.reason,
            textA: left?.text ?? "", textB: right?.text ?? "",
            sharedConcepts: Set(left?.concepts ?? []).intersection(right?.concepts ?? []).sorted())
        }
        Console.print(try Console.json(pairs))
        return
      }
      guard !edges.isEmpty else {
        Console.print("No pairs in the review band.")
        return
      }
      for edge in edges {
        guard let left = inputs[edge.a], let right = inputs[edge.b] else { continue }
        Console.print(ReviewReport.render(edge, left: left, right: right, width: width))
      }
      let total = content.edges.filter { $0.verdict == .review }.count
      Console.print("\(edges.count) of \(total) pairs; decide them in decisions/merges.csv")
    }
  }
}
