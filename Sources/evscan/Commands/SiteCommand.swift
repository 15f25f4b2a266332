import ArgumentParser
import Foundation
import Site
import Snapshot

struct SiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "site",
    abstract: "Write a static website of a snapshot: a page per mitigation, framework, code and facet value.",
    discussion: """
      The site needs no server and no network: open its index.html from disk, or copy the folder to any \
      static host. Addresses come from ids (mitigations/M0042.html, frameworks/nist-2024.html, \
      codes/3.1.html) and stay the same across scans; the same snapshot gives the same bytes.
      """)

  @Option(help: "The snapshot folder to read.", completion: .directory)
  var snapshot: String = "output"

  @Option(
    help: "The folder to write the site into (replaced if evscan wrote it before).", completion: .directory)
  var output: String = "site"

  @Flag(name: .shortAndLong, help: "Print nothing but errors.")
  var quiet = false

  func run() throws {
    let content = try SnapshotReader().read(from: URL(fileURLWithPath: snapshot))
    let pages = try SiteGenerator(content: content).write(to: URL(fileURLWithPath: output))
    if !quiet {
      let bytes = pages.reduce(0) { $0 + $1.bytes.count }
      Console.print(
        "wrote \(output): \(pages.count) files, \(bytes / 1024) KiB; open \(output)/index.html in a browser"
      )
    }
  }
}
