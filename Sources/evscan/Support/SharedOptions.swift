import ArgumentParser
import Deduplication
import Foundation
import Pipeline
import Taxonomy

/// Where the framework folders are.
struct FrameworksOptions: ParsableArguments {
  @Option(name: .customLong("frameworks"), help: "The folder of framework folders.", completion: .directory)
  var directory: String = "frameworks"
}

/// Machine-readable output instead of text for people.
struct JSONOption: ParsableArguments {
  @Flag(name: .customLong("json"), help: "Print JSON instead of text.")
  var enabled = false
}

/// Where the taxonomy, facets and thesaurus are.
struct TaxonomyOptions: ParsableArguments {
  @Option(name: .customLong("taxonomy"), help: "The taxonomy folder.", completion: .directory)
  var directory: String = "taxonomy"

  /// The taxonomy, read from the scan's cache of its checked values when its files are unchanged: decoding
  /// the YAML is most of the time of a quick command such as `evscan code`. The cache is used only where a
  /// scan has made its folder, so that a command run in another folder leaves nothing behind.
  func load() throws -> TaxonomySet {
    let folder = URL(fileURLWithPath: directory)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: ScanOptions.cacheFolder, isDirectory: &isFolder),
      isFolder.boolValue
    else { return try TaxonomySet.load(from: folder) }
    return try TaxonomyCache(directory: URL(fileURLWithPath: ScanOptions.cacheFolder)).load(from: folder)
  }
}

/// Which classifier model codes the statements.
struct ModelOptions: ParsableArguments {
  static let defaultPath = "models/mitigation-classifier.json"

  @Option(name: .customLong("model"), help: "The classifier model file.", completion: .file())
  var path: String = ModelOptions.defaultPath

  @Flag(name: .customLong("no-model"), help: "Code with the thesaurus alone.")
  var thesaurusOnly = false
}

/// Which learned pair model gives the deduplicator's verdicts.
struct PairModelOptions: ParsableArguments {
  @Option(
    name: .customLong("pair-model"),
    help: "The learned pair model (default: models/pair-model.json when present).", completion: .file())
  var path: String?

  @Flag(
    name: .customLong("no-pair-model"), help: "Decide merges by the configuration's thresholds and gates.")
  var rulesOnly = false

  /// The model to use: the one named, else the shipped one when the file is there, else none.
  func load() throws -> PairModel? {
    if rulesOnly { return nil }
    if let path { return try PairModel.load(path: path) }
    let shipped = PairModel.defaultPath
    return FileManager.default.fileExists(atPath: shipped) ? try PairModel.load(path: shipped) : nil
  }
}
