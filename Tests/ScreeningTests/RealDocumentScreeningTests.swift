import Extraction
import Foundation
import ScanModel
import TestSupport
import Testing

@testable import Screening

/// The done-when checks, on the real documents of ../shared/corpus screened by the shipped model
/// (models/screening-model.json). The GDPR, the red-teaming paper and SB-1047 are among the documents the
/// model's labels come from, so these checks say the shipped model does what it was taught on them; the
/// README's cross-validated figures say how it does on documents it has not seen.
@Suite(
  "Screening real documents with the shipped model",
  .enabled(if: SharedCorpus.isPresent, "../shared/corpus is absent (a user's clone has no ../shared)"))
struct RealDocumentScreeningTests {
  static let packageRoot = SharedCorpus.packageRoot
  static let corpus = SharedCorpus.folder

  static func screen(_ path: String, preset: String, format: FrameworkManifest.Document.Format) throws
    -> ScreeningOutcome
  {
    let url = corpus.appendingPathComponent(path)
    let bytes = Array(try Data(contentsOf: url))
    let recipe = try CompiledRecipe(Recipe(preset: preset), file: "t/framework.yaml")
    let result = try Extractor(framework: "t", recipe: recipe, documentFormat: format)
      .extract(bytes, file: url.path, sha256: String(repeating: "0", count: 64))
    let model = try ScreeningModel.load(
      path: packageRoot.appendingPathComponent("models/screening-model.json").path)
    let outcome = try Screener(model: model, decisions: []).screen(
      result.statements, settings: ["t": recipe.recipe.screening ?? Recipe.Screening()])
    #expect(outcome.statements.count + outcome.dropped.count == result.statements.count)
    return outcome
  }

  static func article(_ label: String?) -> Int? {
    guard let label, label.hasPrefix("Article ") else { return nil }
    return Int(label.dropFirst("Article ".count).prefix { $0.isNumber })
  }

  @Test func gdprExcludesScopeDefinitionsAndFinesAndKeepsTheDuties() throws {
    let outcome = try Self.screen("formats/eurlex/gdpr-2016-679.html", preset: "eur-lex", format: .html)
    let kept = outcome.statements.compactMap { Self.article($0.label) }
    for excluded in [1, 2, 3, 4, 83] {
      #expect(!kept.contains(excluded), "a unit of Article \(excluded) was kept")
    }
    // The duties: every paragraph of these articles that imposes one on the controller or processor. The
    // others (what may serve as evidence of compliance, exemptions, the Commission's and the supervisory
    // authorities' powers, a processor deemed a controller) are rightly excluded; models/screening-labels.csv
    // gives each its reason.
    let duties = [
      "Article 24(1)", "Article 24(2)", "Article 25(1)", "Article 25(2)", "Article 28(1)", "Article 28(2)",
      "Article 28(3)(a)", "Article 28(3)(h)", "Article 28(4)", "Article 28(9)", "Article 30(1)(a)",
      "Article 30(2)(a)", "Article 30(3)", "Article 30(4)", "Article 32(1)(a)", "Article 32(1)(d)",
      "Article 32(2)", "Article 32(4)", "Article 33(1)", "Article 33(2)", "Article 33(3)(a)", "Article 33(5)",
      "Article 34(1)", "Article 34(2)", "Article 35(1)", "Article 35(2)", "Article 35(3)(a)",
      "Article 35(7)(d)",
      "Article 35(9)", "Article 35(11)",
    ]
    let keptLabels = Set(outcome.statements.compactMap(\.label))
    for duty in duties { #expect(keptLabels.contains(duty), "\(duty) was excluded") }
    for article in [24, 25, 28, 30, 32, 33, 34, 35] {
      let all = outcome.verdicts.filter { Self.article($0.label) == article }
      let included = all.filter { $0.decision == .include }
      #expect(included.count * 2 >= all.count, "Article \(article): \(included.count) of \(all.count) kept")
    }
  }

  @Test func theRedTeamingPaperKeepsItsRecommendationsNotItsCaseNarratives() throws {
    let outcome = try Self.screen(
      "formats/tei/agents-of-chaos-2602.20021.tei.xml", preset: "tei", format: .xml)
    let keptPaths = outcome.statements.map { $0.sectionPath.joined(separator: " > ") }
    #expect(!keptPaths.contains { $0.contains("Case Study") }, "case narratives kept: \(keptPaths)")
    #expect(outcome.statements.count >= 5 && outcome.statements.count <= 12)
    // The paper's recommendations are in its discussion, its conclusion and where it explains its method.
    #expect(
      keptPaths.allSatisfy {
        $0.hasPrefix("Discussion") || $0.hasPrefix("Conclusion") || $0.hasPrefix("Evaluation")
      })
  }

  @Test func theShippedStandInsLoseNothing() throws {
    let frameworks = Self.packageRoot.appendingPathComponent("frameworks")
    let model = try ScreeningModel.load(
      path: Self.packageRoot.appendingPathComponent("models/screening-model.json").path)
    for directory in try FrameworkFolder.list(in: frameworks) {
      let folder = try FrameworkFolder(directory: directory, choice: .standIn)
      let result = try folder.extract(displayPath: folder.documentPath)
      let outcome = try Screener(model: model, decisions: []).screen(
        result.statements, settings: [folder.slug: folder.recipe.recipe.screening ?? Recipe.Screening()])
      #expect(outcome.dropped.isEmpty, "\(folder.slug): \(outcome.dropped.map(\.detail))")
    }
  }
}

/// Where the tests find the project and ../shared/corpus.
enum SharedCorpus {
  static let packageRoot = PackagePaths.root
  static let folder = PackagePaths.sharedCorpus
  static var isPresent: Bool { FileManager.default.fileExists(atPath: folder.path) }
}
