import ArgumentParser
import Dispatch
import Foundation
import ScanModel
import Site
import Snapshot

/// `evscan-bench site`: the time to generate and write the site of a snapshot, and of a synthetic snapshot
/// grown to `--mitigations` by copying the snapshot's mitigations under new ids (each copy's name and
/// definition carry a distinct word, so that text search has distinct answers). The copies share their
/// members' statements: the pages and the search index grow with the mitigations, the statements do not.
struct SyntheticSite: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "site", abstract: "Time `evscan site` on a snapshot, optionally grown to N mitigations.")

  @Option(help: "The snapshot folder.") var snapshot = "output"
  @Option(help: "Where to write the site.") var output = "bench-results/site"
  @Option(help: "Grow the snapshot to this many mitigations (0 keeps it as it is).") var mitigations = 0
  @Option(help: "Rounds; the best is reported.") var rounds = 3

  func run() throws {
    let start = DispatchTime.now().uptimeNanoseconds
    var content = try SnapshotReader().read(from: URL(fileURLWithPath: snapshot))
    let readSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if mitigations > content.mitigations.count { content = grown(content, to: mitigations) }
    var pages: [SitePage] = []
    let generate = bestTime(rounds: rounds) { pages = SiteGenerator(content: content).pages() }
    let folder = URL(fileURLWithPath: output)
    let write = try bestTime(rounds: rounds) { try SiteGenerator(content: content).write(to: folder) }
    let bytes = pages.reduce(0) { $0 + $1.bytes.count }
    let shards = pages.filter { $0.path.hasPrefix("search/records-") }.count
    print(
      "{\"mitigations\": \(content.mitigations.count), \"files\": \(pages.count), \"bytes\": \(bytes), "
        + "\"searchShards\": \(shards), \"readSnapshotSeconds\": \(readSeconds), "
        + "\"generateSeconds\": \(generate), \"generateAndWriteSeconds\": \(write)}")
  }

  private func grown(_ content: SnapshotContent, to count: Int) -> SnapshotContent {
    var content = content
    let originals = content.mitigations
    var grown: [Mitigation] = []
    grown.reserveCapacity(count)
    var number = 0
    while grown.count < count {
      for original in originals where grown.count < count {
        number += 1
        var copy = original
        copy.id = "M" + String(number).leftPadded(6)
        copy.name = "\(original.name) \(Self.word(number))"
        copy.definition = "\(original.definition) (\(Self.word(number)))"
        grown.append(copy)
      }
    }
    content.mitigations = grown
    content.identityChanges = []
    content.issuedMitigationIDs = grown.map(\.id)
    content.run.counts.canonicalMitigations = grown.count
    return content
  }

  /// A pronounceable word unique to `number`, e.g. "kabo-ri".
  static func word(_ number: Int) -> String {
    let syllables = ["ka", "bo", "ri", "mu", "te", "so", "na", "pe", "lu", "vi", "do", "ze"]
    var out = ""
    var rest = number
    repeat {
      out += syllables[rest % syllables.count]
      rest /= syllables.count
    } while rest > 0
    return out
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
