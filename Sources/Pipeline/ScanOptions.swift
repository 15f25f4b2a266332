import Extraction
import Foundation
import Snapshot

/// What a scan reads and where it writes.
public struct ScanOptions: Sendable {
  public var frameworks: URL
  public var output: URL
  public var taxonomy: URL
  /// The classifier model; nil codes with the thesaurus alone.
  public var model: URL?
  /// The learned pair model (models/pair-model.json); nil, or a file that is not there, merges by the
  /// configuration's thresholds and gates.
  public var pairModel: URL?
  /// The screening model; nil keeps every extracted unit (no screening stage, no verdicts).
  public var screeningModel: URL?
  /// decisions/codes.csv and decisions/merges.csv live here; missing files mean no decisions.
  public var decisions: URL
  /// The deduplicator's thresholds and weights.
  public var deduplicationConfiguration: URL
  /// Extraction results of unchanged frameworks; nil re-extracts everything.
  public var cache: URL?
  /// Go on past a framework that fails, and report it at the end.
  public var keepGoing = false
  /// Wait for another scan of the same output instead of refusing.
  public var waitForLock = false
  /// Start mitigation and action ids afresh when the previous snapshot cannot be read.
  public var resetIdentities = false
  /// Read each framework's original when it is in its folder (and matches its lock), or always the stand-in.
  public var documents = DocumentChoice.originalWhenPresent
  /// Also write the snapshot as a static website into the snapshot's `site/` folder (`evscan scan --site`).
  public var writeSite = false
  /// Scan even when every input is unchanged since the snapshot in the output folder (`--force`).
  public var force = false
  /// Times each stage when set (`evscan scan --timings`, scripts/bench).
  public var timer: StageTimer?

  public init(
    frameworks: URL, output: URL, taxonomy: URL, model: URL?, decisions: URL, deduplicationConfiguration: URL,
    cache: URL?
  ) {
    self.frameworks = frameworks
    self.output = output
    self.taxonomy = taxonomy
    self.model = model
    self.decisions = decisions
    self.deduplicationConfiguration = deduplicationConfiguration
    self.cache = cache
  }

  /// The extraction and taxonomy cache's folder in a project, `.evscan-cache`.
  public static let cacheFolder = ".evscan-cache"

  /// The usual layout of a project folder: frameworks/, taxonomy/, models/, decisions/, config/, output/.
  public static func project(root: URL) -> ScanOptions {
    var options = ScanOptions(
      frameworks: root.appendingPathComponent("frameworks"), output: root.appendingPathComponent("output"),
      taxonomy: root.appendingPathComponent("taxonomy"),
      model: root.appendingPathComponent("models/mitigation-classifier.json"),
      decisions: root.appendingPathComponent("decisions"),
      deduplicationConfiguration: root.appendingPathComponent("config/deduplication.yaml"),
      cache: root.appendingPathComponent(cacheFolder))
    options.pairModel = root.appendingPathComponent("models/pair-model.json")
    options.screeningModel = root.appendingPathComponent("models/screening-model.json")
    return options
  }
}
