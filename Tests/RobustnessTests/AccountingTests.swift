import Extraction
import Foundation
import FuzzTargets
import Markup
import ScanModel
import Testing

/// Every unit a recipe's `units` rule selects ends as a statement or as a dropped unit with its reason:
/// checked on generated documents against an independent evaluation of the rule, and against what the
/// generator planted.
@Suite("Accounting", .serialized)
struct AccountingTests {
  static let documentsPerFlavour = 60

  struct Case: CustomTestStringConvertible, Sendable {
    var flavour: DocumentGenerator.Flavour
    var testDescription: String { flavour.rawValue }
  }

  @Test(
    "every selected unit is a statement or a dropped unit with its reason",
    arguments: DocumentGenerator.Flavour.allCases)
  func everyUnitIsAccountedFor(_ flavour: DocumentGenerator.Flavour) throws {
    let presetName = flavour.rawValue
    let preset = try #require(FormatPreset.all[presetName])
    // A document whose every unit is dropped must be accounted for too, not refused.
    let recipe = try CompiledRecipe(
      Recipe(preset: presetName, allowEmpty: true), file: "generated/framework.yaml")
    let format: MarkupFormat = flavour == .tei ? .xml : .html
    let namespaces = preset.namespaces ?? [:]
    let extractor = Extractor(framework: "generated", recipe: recipe, format: format)
    var totals = (units: 0, statements: 0, dropped: 0)
    for index in 0..<Self.documentsPerFlavour {
      var generator = DocumentGenerator(flavour: flavour, seed: UInt64(index) &* 0x9E37_79B9 &+ 17)
      let plan = generator.generate()
      let label = "\(flavour) document \(index)"
      let result = try extractor.extract(plan.bytes, file: label, sha256: String(repeating: "a", count: 64))
      #expect(result.isBalanced, "\(label)")
      #expect(
        FuzzEntry.accountingViolations(result).isEmpty, "\(label): \(FuzzEntry.accountingViolations(result))")

      // The rule evaluated on its own: the units it selects are exactly those accounted for.
      let document = try Document.parse(plan.bytes, options: ParseOptions(format: format, sourceName: label))
      let selected = try document.select(try #require(preset.units), namespaces: namespaces)
      let byLocator = Dictionary(
        selected.map { ($0.locator(namespaces: namespaces), $0) }, uniquingKeysWith: { first, _ in first })
      #expect(byLocator.count == selected.count, "\(label): two selected units share a locator")
      let accounted = result.statements.map(\.locator) + result.dropped.map(\.locator)
      #expect(Set(accounted) == Set(byLocator.keys), "\(label): accounted units differ from selected units")
      #expect(accounted.count == selected.count, "\(label)")

      // Each drop for the reason it gives.
      var leftOut = NodeSet()
      for expression in (preset.exclude ?? []) + (preset.skip ?? []) {
        leftOut.formUnion(try document.select(expression, namespaces: namespaces))
      }
      let statementTexts = Dictionary(
        result.statements.map { ($0.id, $0.text.lowercased()) }, uniquingKeysWith: { first, _ in first })
      for unit in result.dropped {
        switch unit.reason {
        case .navigation:
          let node = try #require(byLocator[unit.locator])
          #expect(leftOut.containsAncestor(of: node), "\(label): \(unit.locator) is not in a left-out region")
        case .empty:
          #expect(unit.excerpt.isEmpty, "\(label): \(unit.excerpt)")
        case .tooShort:
          #expect(!unit.excerpt.isEmpty && unit.excerpt.count < 20, "\(label): \(unit.excerpt)")
        case .duplicateText:
          let keeper = unit.detail.replacingOccurrences(of: "same text as ", with: "")
          #expect(statementTexts[keeper]?.hasPrefix(unit.excerpt.lowercased()) == true, "\(label): \(unit)")
        case .duplicateID:
          Issue.record("\(label): no generated unit should lose its id: \(unit)")
        case .leadIn, .definition:
          Issue.record("\(label): no generated flavour's preset has an outline: \(unit)")
        case .notAMitigation:
          Issue.record("\(label): extraction never screens; screening runs after it: \(unit)")
        }
      }

      // And in the numbers the generator planted.
      let reasons = Dictionary(grouping: result.dropped, by: \.reason).mapValues(\.count)
      #expect(result.statements.count == plan.statements, "\(label)")
      #expect(reasons[.navigation, default: 0] == plan.navigation, "\(label)")
      #expect(reasons[.empty, default: 0] == plan.empty, "\(label)")
      #expect(reasons[.tooShort, default: 0] == plan.tooShort, "\(label)")
      #expect(reasons[.duplicateText, default: 0] == plan.duplicates, "\(label)")
      for marker in plan.markers {
        #expect(!result.statements.contains { $0.text.contains(marker) }, "\(label): marker \(marker) kept")
      }
      #expect(
        !result.statements.contains { $0.text.contains(" .") || $0.text.contains("  ") },
        "\(label): a removed marker left a gap")
      totals.units += result.unitsMatched
      totals.statements += result.statements.count
      totals.dropped += result.dropped.count
    }
    print(
      "accounting, \(flavour): \(Self.documentsPerFlavour) documents, \(totals.units) units = "
        + "\(totals.statements) statements + \(totals.dropped) dropped")
  }
}
