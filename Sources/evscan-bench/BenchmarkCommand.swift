import ArgumentParser
import Dispatch
import Extraction
import Foundation
import Markup
import Normalization
import ScanModel
import Taxonomy

/// Measurements that scripts/bench drives; not part of evscan's interface. Each prints one JSON object.
@main
struct BenchmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evscan-bench",
    abstract: "Benchmarks for scripts/bench.",
    subcommands: [Parse.self, UserScan.self, Code.self, Leaks.self, SyntheticSite.self])
}

/// Seconds for `body`, the best of `rounds` rounds (the least disturbed by the rest of the machine).
func bestTime(rounds: Int, _ body: () throws -> Void) rethrows -> Double {
  var best = Double.infinity
  for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  return best
}

/// CPU seconds this thread spent in `body`, the best of `rounds`: unlike wall time, it leaves out the
/// time the thread waited while other processes had the core, so a busy machine disturbs it less.
func bestThreadCPUTime(rounds: Int, _ body: () throws -> Void) rethrows -> Double {
  func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
  var best = Double.infinity
  for _ in 0..<rounds {
    let start = now()
    try body()
    best = min(best, now() - start)
  }
  return best
}

func printJSON(_ values: [String: Double]) {
  let body = values.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
  print("{\(body)}")
}

struct Parse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Parse a file with Markup, as xmllint --noout would.")

  @Argument var file: String
  @Option var format: MarkupFormat = .html
  @Option var repeats = 1

  func run() throws {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
    let seconds = try bestTime(rounds: repeats) {
      _ = try Document.parse(
        bytes, options: ParseOptions(format: format, sourceName: file, sizeLimit: Int.max))
    }
    printJSON([
      "bytes": Double(bytes.count), "seconds": seconds,
      "megabytesPerSecond": Double(bytes.count) / seconds / 1e6,
    ])
  }
}

extension MarkupFormat: ExpressibleByArgument {}

struct Code: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Code statements on one core and count them per second.")

  @Option var taxonomy = "taxonomy"
  @Option var model = "models/mitigation-classifier.json"
  @Option var frameworks = "frameworks"
  @Option(help: "How many statements to code (the shipped ones, repeated).") var count = 20000

  func run() throws {
    let taxonomySet = try TaxonomySet.load(from: URL(fileURLWithPath: taxonomy))
    let normalizer = Normalizer(taxonomy: taxonomySet, model: try ClassifierModel.load(path: model))
    var statements: [Statement] = []
    for folder in try FrameworkFolder.list(in: URL(fileURLWithPath: frameworks)) {
      statements += try FrameworkFolder(directory: folder).extract().statements
    }
    guard !statements.isEmpty else { throw ValidationError("no statements to code") }
    var coded = 0
    let codeAll = {
      coded = 0
      for index in 0..<count {
        let statement = statements[index % statements.count]
        coded +=
          normalizer.code(statementID: statement.id, title: statement.title, text: statement.text)
            .assignments.isEmpty ? 0 : 1
      }
    }
    let seconds = bestTime(rounds: 3, codeAll)
    let cpuSeconds = bestThreadCPUTime(rounds: 3, codeAll)
    // The first pass over statements, with a normaliser that has seen no word yet: what a scan of new
    // documents pays before the word cache has learnt their vocabulary.
    var cold = Double.infinity
    var firstPass = 0
    for _ in 0..<3 {
      let fresh = Normalizer(taxonomy: taxonomySet, model: try ClassifierModel.load(path: model))
      cold = min(
        cold,
        bestTime(rounds: 1) {
          for statement in statements {
            firstPass +=
              fresh.code(statementID: statement.id, title: statement.title, text: statement.text)
              .assignments.count
          }
        })
    }
    // The share of the time that goes to reading the words and finding concepts, before any coding.
    var found = 0
    let analysis = bestTime(rounds: 3) {
      for index in 0..<count {
        let statement = statements[index % statements.count]
        found += normalizer.analyse(title: statement.title, text: statement.text).concepts.count
      }
    }
    printJSON([
      "statements": Double(coded), "seconds": seconds, "statementsPerSecond": Double(coded) / seconds,
      "analysisSeconds": analysis, "statementsPerCPUSecond": Double(coded) / cpuSeconds,
      "firstPassStatementsPerSecond": firstPass > 0 ? Double(statements.count) / cold : 0,
    ])
  }
}
