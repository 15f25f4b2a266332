import Extraction
import Foundation
import Markup
import Testing

/// The extractor answers simple rules in one walk of the tree; on every shipped document and every rule
/// its recipe uses, that must select exactly what libxml2 selects.
@Suite("Recipe rules evaluated together", .serialized)
struct RuleEvaluationTests {
  @Test(arguments: Paths.shippedFrameworkNames)
  func oneWalkAgreesWithLibxml2(_ name: String) throws {
    let folder = try FrameworkFolder(directory: Paths.frameworks.appendingPathComponent(name))
    let recipe = folder.recipe.recipe
    let expressions =
      [recipe.units, recipe.sections, recipe.bodyStop].compactMap { $0 } + (recipe.skip ?? [])
      + (recipe.exclude ?? [])
    let format: MarkupFormat = folder.manifest.document.format == .xml ? .xml : .html
    let document = try Document.parse(folder.documentBytes, options: ParseOptions(format: format))
    let queries = try expressions.map { try XPathQuery($0) }
    let namespaces = recipe.namespaces ?? [:]
    let together = try document.selectAll(queries, namespaces: namespaces)
    for (index, query) in queries.enumerated() {
      #expect(
        together[index] == (try query.select(in: document, context: nil, namespaces: namespaces)),
        "\(query.expression)")
    }
  }
}
