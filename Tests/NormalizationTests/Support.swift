import Foundation
import Taxonomy
import TestSupport

enum Support {
  static let packageRoot = PackagePaths.root
  static let fixtures = PackagePaths.fixtures(of: "NormalizationTests")
  static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/data/mit-coded-dev.csv")
  static let shippedModel = packageRoot.appendingPathComponent("models/mitigation-classifier.json")

  static let taxonomy: TaxonomySet = {
    do {
      return try TaxonomySet.load(from: packageRoot.appendingPathComponent("taxonomy"))
    } catch {
      fatalError("the shipped taxonomy does not load: \(error)")
    }
  }()

  static func fixture(_ name: String) -> String {
    fixtures.appendingPathComponent(name).path
  }
}
