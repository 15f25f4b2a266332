import ScanModel

@testable import Deduplication

/// Helpers for reading results.
extension DeduplicationResult {
  /// Statement id to mitigation id.
  var clusterOf: [String: String] {
    var map: [String: String] = [:]
    for mitigation in mitigations {
      for member in mitigation.members { map[member.statementID] = mitigation.id }
    }
    return map
  }

  /// The clusters as sorted lists of statement ids, sorted: comparable whatever the ids are.
  var partition: [[String]] {
    mitigations.map { $0.members.map(\.statementID).sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
  }

}

extension DeduplicationConfiguration {
  /// The defaults with the LSH path forced, whatever the input size.
  static var lshOnly: DeduplicationConfiguration {
    var configuration = DeduplicationConfiguration.default
    configuration.candidates.exactLimit = 0
    return configuration
  }
}
