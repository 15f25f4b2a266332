import Deduplication
import Foundation
import Normalization
import ScanModel
import Snapshot
import Taxonomy

/// A snapshot's statements as the deduplicator saw them: id, framework, text, title and the thesaurus
/// concepts, recomputed from the texts (the snapshot keeps the codes, not the concepts).
enum SnapshotStatements {
  static func inputs(snapshot: String, taxonomy: TaxonomyOptions) throws -> [DeduplicationInput] {
    let content = try SnapshotReader().read(from: URL(fileURLWithPath: snapshot))
    return try inputs(content, taxonomy: taxonomy)
  }

  static func inputs(_ content: SnapshotContent, taxonomy: TaxonomyOptions) throws -> [DeduplicationInput] {
    let taxonomySet = try taxonomy.load()
    let normalizer = Normalizer(taxonomy: taxonomySet, model: nil)
    return content.statements.map { statement in
      DeduplicationInput(
        id: statement.id, framework: statement.framework, text: statement.text, title: statement.title,
        concepts: normalizer.analyse(title: statement.title, text: statement.text).conceptIDs)
    }
  }
}
