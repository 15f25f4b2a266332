import ArgumentParser
import Foundation
import Review

struct AgreementCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agreement",
    abstract: "Cohen's kappa between two coders' decisions, and the items they decided differently.",
    discussion: """
      Reads decisions/codes.csv and decisions/merges.csv; compares the two coders with the most decisions \
      (or --first and --second) on the items both decided: kappa per facet and for merges.
      """)

  @Option(help: "The folder with codes.csv and merges.csv.", completion: .directory)
  var decisions: String = "decisions"

  @Option(help: "The first coder.")
  var first: String?

  @Option(help: "The second coder.")
  var second: String?

  @OptionGroup var json: JSONOption

  func run() throws {
    try reportingUserErrors {
      let all = try CoderAgreement.decisions(folder: decisions)
      let chosen = first.flatMap { a in second.map { (a, $0) } }
      let agreement = CoderAgreement(all, coders: chosen)
      if json.enabled {
        Console.print(try Console.json(agreement))
        return
      }
      Console.print("coders: \(agreement.coders.joined(separator: " and "))")
      if agreement.facets.isEmpty { Console.print("no item was decided by both") }
      for facet in agreement.facets {
        Console.print(
          "\(facet.facet): \(facet.items) items, \(facet.agreed) agreed, kappa \(String(format: "%.2f", facet.kappa))"
        )
      }
      for disagreement in agreement.disagreements {
        Console.print(
          "  to reconcile: \(disagreement.facet) \(disagreement.item): \(disagreement.first) vs \(disagreement.second)"
        )
      }
    }
  }
}
