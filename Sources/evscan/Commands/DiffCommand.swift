import ArgumentParser
import Foundation
import Snapshot

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract:
      "Compare two snapshots: mitigations added, removed, changed, merged and split; statements added and removed.",
    discussion: """
      To compare the committed snapshot with a fresh scan: `git worktree add /tmp/before HEAD` (or copy \
      output/ aside), run `evscan scan`, then `evscan diff /tmp/before/output output`. Exits 0 whether or \
      not the snapshots differ; `--exit-code` makes a difference exit 1, as `git diff --exit-code` does.
      """)

  @Argument(help: "The older snapshot folder.", completion: .directory)
  var old: String

  @Argument(help: "The newer snapshot folder.", completion: .directory)
  var new: String

  @Flag(help: "Exit with 1 when the snapshots differ.")
  var exitCode = false

  @OptionGroup var json: JSONOption

  func run() throws {
    let reader = SnapshotReader()
    let diff = SnapshotDiff(
      old: try reader.read(from: URL(fileURLWithPath: old)),
      new: try reader.read(from: URL(fileURLWithPath: new)))
    if json.enabled {
      Console.print(String(decoding: try SnapshotJSON.encode(diff, pretty: true), as: UTF8.self))
    } else {
      Console.print(diff.rendered())
    }
    if exitCode && !diff.isEmpty { throw ExitCode.failure }
  }
}
