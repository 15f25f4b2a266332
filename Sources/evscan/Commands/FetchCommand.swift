import ArgumentParser
import Foundation
import Retrieval
import ScanModel

struct FetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Download the frameworks' original documents, verified against their locks.",
    discussion: """
      Puts each framework's original (`original.url` in framework.yaml) into its folder as \
      `original.file` (default original.<format>), where `evscan scan` reads it instead of the stand-in. \
      A download is used only when its SHA-256 matches `original.sha256`; one that differs, or a \
      framework without a lock, is kept aside as <file>.unverified for review. After reviewing it, \
      `evscan fetch --update SLUG` records its SHA-256 as the lock (editing only that line of the \
      manifest); then `evscan scan` and `evscan diff` show what it changes. \
      `--from FOLDER` takes the originals from files you already have, recognised by their SHA-256, \
      without the network.
      """)

  @Argument(help: "The frameworks to fetch (their folder names); all when none is named.")
  var slugs: [String] = []

  @OptionGroup var frameworks: FrameworksOptions

  @Option(
    name: .customLong("from"),
    help: "Copy the originals from this folder (searched recursively) instead of downloading.",
    completion: .directory)
  var folder: String?

  @Flag(help: "Record the SHA-256 of the reviewed copy as the lock in framework.yaml.")
  var update = false

  @Option(help: "Seconds without data before a download is given up.")
  var timeout: Double = 30

  @OptionGroup var json: JSONOption

  func validate() throws {
    if update && folder != nil {
      throw ValidationError(
        "--update records the copy you reviewed and --from copies locked files; use them one at a time")
    }
    guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
  }

  func run() throws {
    let mode: OriginalFetcher.Mode =
      update ? .update : folder.map { .copy(from: URL(fileURLWithPath: $0)) } ?? .download
    var limits = DownloadLimits()
    limits.idleTimeout = timeout
    let outcomes = try OriginalFetcher(frameworks: frameworks.directory, limits: limits).run(
      slugs: slugs, mode: mode)
    if json.enabled {
      Console.print(try Console.json(outcomes))
    } else {
      for outcome in outcomes {
        let line = "\(outcome.framework): \(outcome.status.rawValue): \(outcome.message)"
        if outcome.isFailure { Console.error(line) } else { Console.print(line) }
      }
    }
    if outcomes.contains(where: \.isFailure) { throw ExitCode.failure }
  }
}
