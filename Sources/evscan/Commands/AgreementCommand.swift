import ArgumentParser
import Foundation
import Review

struct AgreementCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agreement",
    abstract: "Cohen's kappa between two coders' decisions, and the items they decided differently.",
    discussion: """
      Reads decisions/codes.csv and decisions/merges.csv; compares the two coders with the most decisions \
      (or --first and --second) on the items both decided: kappa per facet and for merges. A disagreement \
      is settled by a row that names both coders in the `reconciles` column (`alice+bob`): that row is \
      then the decision the scan applies, and it is left out of kappa.
      """)

  @Option(help: "The folder with codes.csv and merges.csv.", completion: .directory)
  var decisions: String = "decisions"

  @Option(help: "The first coder.")
  var first: String?

  @Option(help: "The second coder.")
  var second: String?

  @OptionGroup var json: JSONOption

  func run() throws {
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
      let views =
        "\(disagreement.facet) \(disagreement.item): \(disagreement.first) vs \(disagreement.second)"
      if let settled = disagreement.reconciled {
        Console.print("  reconciled: \(views), settled as \(settled)")
      } else {
        Console.print("  to reconcile: \(views)")
      }
    }
  }
}
