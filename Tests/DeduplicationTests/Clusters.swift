import ScanModel
import Testing

@testable import Deduplication

/// Which statements share a mitigation. A failed `#expect` prints this type's short description instead of
/// the whole result.
struct Clusters: CustomTestStringConvertible {
  let clusterOf: [String: String]

  init(_ result: DeduplicationResult) {
    clusterOf = result.clusterOf
  }

  func together(_ first: String, _ second: String) -> Bool {
    clusterOf[first] != nil && clusterOf[first] == clusterOf[second]
  }

  var testDescription: String {
    "\(Set(clusterOf.values).count) mitigations"
  }
}
