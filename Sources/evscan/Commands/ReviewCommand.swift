import ArgumentParser
import CSVInput
import Deduplication
import Foundation
import Normalization
import Review
import ScanModel
import Snapshot
import Taxonomy

struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Review a snapshot's uncertain merges and codes; interactive on a terminal.",
    discussion: """
      On a terminal: two queues, merges (pairs nearest the merge boundary first) and codes (least certain \
      codes first). Keys: m must-link, c cannot-link (merges); a accept, 1-9 choose a listed code, o type \
      a code (codes); s skip, u undo, r rationale, t switch queue, q quit. Each decision is appended to \
      decisions/merges.csv or decisions/codes.csv at once, with the coder and the date; run `evscan scan` \
      to apply them. With --list or --json (or when not on a terminal), prints the review-band pairs side \
      by side instead, for scripts.
      """)

  @Flag(help: "Print the review-band pairs instead of the interactive review.")
  var list = false

  @Option(help: "Who is deciding (default: git's user.name).")
  var coder: String?

  @Option(help: "The folder with codes.csv and merges.csv.", completion: .directory)
  var decisions: String = "decisions"

  @Option(help: "Refit the pair probabilities after this many pair decisions.")
  var retrainEvery: Int = 5

  @OptionGroup var pairModel: PairModelOptions

  @Option(help: "The snapshot folder.", completion: .directory)
  var snapshot: String = "output"

  @Option(help: "Show at most this many pairs, highest score first.")
  var limit: Int?

  @Option(help: "The width of the side-by-side display.")
  var width: Int = 120

  @Flag(help: "List the units screening was least sure of, instead of pairs.")
  var screening = false

  @OptionGroup var taxonomy: TaxonomyOptions
  @OptionGroup var json: JSONOption

  struct Pair: Codable {
    var a: String
    var b: String
    var score: Double
    var components: [String: Double]
    var reason: String
    var textA: String
    var textB: String
    var sharedConcepts: [String]
  }

  func run() throws {
    if !list && !json.enabled && RawTerminal.isInteractive {
      try interactive()
      return
    }
    let content = try SnapshotReader().read(from: URL(fileURLWithPath: snapshot))
    if screening {
      try ScreeningQueue(content: content, limit: limit ?? 20).print(json: json.enabled)
      return
    }
    // Concepts are recomputed from the texts with the thesaurus, to show what a pair has in common.
    var inputs: [String: DeduplicationInput] = [:]
    for input in try SnapshotStatements.inputs(content, taxonomy: taxonomy) {
      inputs[input.id] = input
    }
    var edges = content.edges.filter { $0.verdict == .review }
      .sorted { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }
    if let limit { edges = Array(edges.prefix(max(limit, 0))) }
    if json.enabled {
      let pairs = edges.map { edge in
        let left = inputs[edge.a]
        let right = inputs[edge.b]
        return Pair(
          a: edge.a, b: edge.b, score: edge.score, components: edge.components, reason: edge.reason,
          textA: left?.text ?? "", textB: right?.text ?? "",
          sharedConcepts: Set(left?.concepts ?? []).intersection(right?.concepts ?? []).sorted())
      }
      Console.print(try Console.json(pairs))
      return
    }
    guard !edges.isEmpty else {
      Console.print("No pairs in the review band.")
      return
    }
    for edge in edges {
      guard let left = inputs[edge.a], let right = inputs[edge.b] else { continue }
      Console.print(ReviewReport.render(edge, left: left, right: right, width: width))
    }
    let total = content.edges.filter { $0.verdict == .review }.count
    Console.print("\(edges.count) of \(total) pairs; decide them in decisions/merges.csv")
  }

  private func interactive() throws {
    let content = try SnapshotReader().read(from: URL(fileURLWithPath: snapshot))
    guard let who = coder ?? Self.gitUserName(), !who.isEmpty else {
      throw InputError(file: "evscan review", "say who is deciding: pass --coder NAME or set git's user.name")
    }
    let (decidedPairs, decidedStatements, warnings) = try alreadyDecided()
    let model = try pairModel.load()
    let queue = ReviewQueue(
      content: content, decidedPairs: decidedPairs, decidedStatements: decidedStatements,
      mergeThreshold: model?.mergeThreshold ?? DeduplicationConfiguration.default.thresholds.merge)
    let codes = Set(content.taxonomy.first { $0.facet == "mitigation" }?.codes.map(\.code) ?? [])
    let session = try ReviewSession(
      queue: queue, decisions: decisions, coder: who, date: Self.today(), knownCodes: codes,
      retrainEvery: retrainEvery)
    try run(session, warnings: warnings)
    Console.print(
      "\(session.decisions) decisions recorded in \(decisions)/; run `evscan scan` to apply them")
  }

  /// The pairs and statements (their mitigation codes) already decided in the decisions folder, so that
  /// the queues leave them out; and the warnings about torn last lines cut off on the way.
  private func alreadyDecided() throws -> (
    pairs: Set<[String]>, statements: Set<String>, warnings: [String]
  ) {
    let mergesPath = DecisionFile.merges.path(in: decisions)
    let codesPath = DecisionFile.codes.path(in: decisions)
    var warnings: [String] = []
    for path in [mergesPath, codesPath] where FileManager.default.fileExists(atPath: path) {
      if let warning = try DecisionLog.repairTornTail(path: path) { warnings.append(warning) }
    }
    let decidedPairs = Set(try MergeDecisionsReader.read(path: mergesPath).map { [$0.a, $0.b] })
    var decidedStatements = Set<String>()
    if let table = try DecisionFile.codes.table(path: codesPath) {
      // Columns and short rows are read as the scan reads them (`CSVTable.column`, `row[index]`).
      if let statement = table.column("statement"), let facet = table.column("facet") {
        for row in table.rows where row[facet] == "mitigation" {
          decidedStatements.insert(row[statement])
        }
      }
    }
    return (decidedPairs, decidedStatements, warnings)
  }

  /// Draws the session and hands it keys until it is finished, in the terminal's raw mode.
  private func run(_ session: ReviewSession, warnings: [String]) throws {
    let terminal = RawTerminal()
    try terminal.enter()
    defer { terminal.restore() }
    if !warnings.isEmpty { session.note(warnings.joined(separator: "; ")) }
    var drawn: [String] = []
    while !session.finished {
      let size = terminal.size
      let screen = ReviewScreen.render(session, width: size.width, height: size.height)
      if screen != drawn {
        terminal.draw(screen)
        drawn = screen
      }
      if let key = terminal.key(timeout: 200) {
        try session.handle(key)
      } else {
        session.applyFinishedRefit()
      }
    }
    terminal.restore()
  }

  static func gitUserName() -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "config", "user.name"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Today in UTC as YYYY-MM-DD: a decision's date is a fact about when it was made, not an output of the
  /// scan, so the clock is the right source here.
  static func today() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date())
  }
}
