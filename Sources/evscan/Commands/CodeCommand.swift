import ArgumentParser
import Foundation
import Normalization
import ScanModel
import Taxonomy

struct CodeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "code",
    abstract: "Code a statement in every facet and show why.")

  @Argument(help: "The statement's text.")
  var text: String

  @Option(help: "The statement's short name, if it has one.")
  var title: String?

  @OptionGroup var taxonomy: TaxonomyOptions
  @OptionGroup var model: ModelOptions
  @OptionGroup var json: JSONOption

  func run() throws {
    let taxonomySet = try taxonomy.load()
    let classifier = model.thesaurusOnly ? nil : try ClassifierModel.load(path: model.path)
    let normalizer = Normalizer(taxonomy: taxonomySet, model: classifier)
    let coding = normalizer.code(statementID: "input", title: title, text: text)
    if json.enabled {
      Console.print(try Console.json(coding))
      return
    }
    var lines: [String] = []
    for facet in taxonomySet.allFacets {
      let assignments = coding.assignments.filter { $0.facet == facet.facet }
      lines.append("\(facet.name):")
      if assignments.isEmpty { lines.append("  (none)") }
      for assignment in assignments {
        lines.append(
          "  \(normalizer.display(assignment.code, facet: facet.facet))  score \(String(format: "%.2f", assignment.score))"
            + "  [\(assignment.method.rawValue)]\(assignment.needsReview ? "  NEEDS REVIEW" : "")")
        for reason in assignment.reasons {
          let weight = reason.weight.map { String(format: " (%.2f)", $0) } ?? ""
          lines.append("    - \(reason.kind.rawValue): \(reason.text)\(weight)")
        }
      }
    }
    if !coding.concepts.isEmpty {
      lines.append(
        "concepts found: " + coding.concepts.map { "\($0.conceptID) “\($0.words)”" }.joined(separator: ", ")
      )
    }
    Console.print(lines.joined(separator: "\n"))
  }
}
