import Foundation
import Taxonomy

enum Support {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures")
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
