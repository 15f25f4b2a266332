import ArgumentParser
import Deduplication
import Extraction
import Foundation
import Pipeline
import ScanModel
import Snapshot

struct ScanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract: "Extract, code and merge every framework, and write the snapshot.",
    discussion: """
      Writes the snapshot into a temporary folder beside --output and swaps it in only when complete, \
      so an interrupted run leaves the previous snapshot as it was. Frameworks whose document, recipe \
      and evscan version are unchanged are taken from the cache instead of being extracted again. A \
      framework's original (`evscan fetch`) is read instead of its stand-in when it is in the folder and \
      matches its lock; report.md and manifest.json say which document each framework was read from.
      """)

  @Option(help: "The folder of framework folders.", completion: .directory)
  var frameworks: String = "frameworks"

  @Option(help: "The snapshot folder to write.", completion: .directory)
  var output: String = "output"

  @OptionGroup var taxonomy: TaxonomyOptions
  @OptionGroup var model: ModelOptions
  @OptionGroup var pairModel: PairModelOptions

  @Option(
    help: "The screening model, which tells mitigation statements from other units.", completion: .file())
  var screeningModel: String = "models/screening-model.json"

  @Flag(help: "Keep every extracted unit as a statement (no screening).")
  var noScreening = false

  @Option(help: "The folder with codes.csv, merges.csv and screening.csv.", completion: .directory)
  var decisions: String = "decisions"

  @Option(help: "The deduplicator's thresholds and weights.", completion: .file())
  var deduplication: String = "config/deduplication.yaml"

  @Option(help: "The extraction cache.", completion: .directory)
  var cache: String = ScanOptions.cacheFolder

  @Flag(help: "Extract every framework again, ignoring the cache.")
  var noCache = false

  @Flag(help: "Finish the other frameworks when one fails, and report the failure.")
  var keepGoing = false

  @Flag(help: "Wait for another scan of the same output to finish instead of refusing.")
  var wait = false

  @Flag(help: "Number mitigations and actions afresh when the previous snapshot cannot be read.")
  var resetIds = false

  @Flag(help: "Read every framework's stand-in, even where its original is in the folder.")
  var standIn = false

  @Flag(help: "Scan even when nothing changed since the snapshot in --output.")
  var force = false

  @Flag(help: "Print the time each stage took, on standard error (tab-separated: stage, milliseconds).")
  var timings = false

  @Flag(help: "Also write the snapshot as a static website into the output's site/ folder.")
  var site = false

  @Flag(name: .shortAndLong, help: "Print nothing but errors.")
  var quiet = false

  @OptionGroup var json: JSONOption

  func run() throws {
    var options = try scanOptions()
    let timer = timings ? StageTimer() : nil
    options.timer = timer
    defer {
      if let timer {
        for timing in timer.timings {
          Console.error("timing\t\(timing.stage)\t\(String(format: "%.1f", timing.seconds * 1000))")
        }
      }
    }
    let display = ProgressDisplay(enabled: !quiet && !json.enabled)
    let outcome: ScanOutcome
    do {
      outcome = try ScanRunner(options: options, progress: display).run()
    } catch let failure as ScanRunner.FrameworkFailure {
      display.finish()
      Console.error("error: \(failure); nothing was written (use --keep-going to finish the others)")
      throw ExitCode.failure
    } catch {
      // The progress line is cleared before anything else is printed (an input error, by `EvidenceScan`).
      display.finish()
      throw error
    }
    display.finish()
    try printSummary(of: outcome)
    for failure in outcome.failures {
      Console.error("error: framework \(failure.framework) failed: \(failure.reason)")
    }
    if !outcome.failures.isEmpty { throw ExitCode.failure }
  }

  /// The scan's options from the command line; a pair model named but missing stops the command.
  private func scanOptions() throws -> ScanOptions {
    var options = ScanOptions(
      frameworks: URL(fileURLWithPath: frameworks), output: URL(fileURLWithPath: output),
      taxonomy: URL(fileURLWithPath: taxonomy.directory),
      model: model.thesaurusOnly ? nil : URL(fileURLWithPath: model.path),
      decisions: URL(fileURLWithPath: decisions),
      deduplicationConfiguration: URL(fileURLWithPath: deduplication),
      cache: noCache ? nil : URL(fileURLWithPath: cache))
    if !pairModel.rulesOnly {
      if let path = pairModel.path, !FileManager.default.fileExists(atPath: path) {
        Console.error(
          "error: \(path): cannot read the pair model; check the path or run `evscan train-pairs`")
        throw ExitCode.failure
      }
      options.pairModel = URL(fileURLWithPath: pairModel.path ?? PairModel.defaultPath)
    }
    options.screeningModel = noScreening ? nil : URL(fileURLWithPath: screeningModel)
    options.keepGoing = keepGoing
    options.waitForLock = wait
    options.resetIdentities = resetIds
    options.documents = standIn ? .standIn : .originalWhenPresent
    options.writeSite = site
    options.force = force
    return options
  }

  /// The outcome as JSON, or a line saying what was written or that the snapshot is current.
  private func printSummary(of outcome: ScanOutcome) throws {
    if json.enabled {
      Console.print(try Console.json(outcome))
    } else if !quiet && outcome.current {
      Console.print(
        "\(outcome.output) is current: its inputs, configuration and evscan are unchanged since it was written; "
          + "nothing was done (--force scans anyway)")
    } else if !quiet {
      let counts = outcome.counts
      Console.print(
        "wrote \(outcome.output): \(counts.frameworks) frameworks, \(counts.statements) statements "
          + "(\(counts.needingReview) need review), \(counts.canonicalMitigations) mitigations, "
          + "\(counts.reviewPairs) pairs to review; \(outcome.frameworksFromCache) frameworks from the cache")
    }
  }
}

/// Progress on standard error: one line rewritten in place on a terminal, plain lines otherwise.
final class ProgressDisplay: ScanProgress, @unchecked Sendable {
  private let enabled: Bool
  private let terminal = Console.standardErrorIsTerminal
  private let lock = NSLock()
  private var lineOpen = false

  init(enabled: Bool) {
    self.enabled = enabled
  }

  private func show(_ text: String, transient: Bool) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    if terminal {
      FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
      lineOpen = true
      if !transient {
        FileHandle.standardError.write(Data("\n".utf8))
        lineOpen = false
      }
    } else {
      FileHandle.standardError.write(Data("\(text)\n".utf8))
    }
  }

  func stage(_ name: String) { show("scan: \(name)", transient: true) }

  func framework(_ slug: String, statements: Int, dropped: Int, cached: Bool) {
    show(
      "scan: extracting: \(slug): \(statements) statements, \(dropped) dropped\(cached ? " (cached)" : "")",
      transient: true)
  }

  func frameworkFailed(_ slug: String, reason: String) {
    show("scan: \(slug) failed: \(reason)", transient: false)
  }

  func note(_ text: String) { show("scan: \(text)", transient: false) }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if lineOpen && enabled {
      FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
      lineOpen = false
    }
  }
}
