import ArgumentParser
import Dispatch
import Extraction
import Foundation
import Markup
import ScanModel

/// Extraction at a user's scale: the shipped frameworks and the real documents of the shared corpus, taken
/// in turn until `count` documents have been extracted, each with its recipe compiled afresh (as every
/// framework of a scan compiles its own). Reports seconds per 1,000 documents, and the bare parse of the
/// same sequence for scale.
struct UserScan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user-scan",
    abstract: "Extract the shipped and corpus documents in turn, to a count, and time it.")

  @Option var frameworks = "frameworks"
  @Option(help: "The shared corpus of real documents; skipped when absent.") var corpus = "../shared/corpus"
  @Option var count = 1000
  @Option var rounds = 3
  @Option(help: "Write each distinct document's extraction as JSON into this folder.") var dump: String?

  struct Job {
    let name: String
    let recipe: Recipe
    let format: MarkupFormat
    let bytes: [UInt8]
  }

  func jobs() throws -> [Job] {
    var jobs: [Job] = []
    for directory in try FrameworkFolder.list(in: URL(fileURLWithPath: frameworks)) {
      let folder = try FrameworkFolder(directory: directory)
      jobs.append(
        Job(
          name: folder.slug, recipe: folder.recipe.recipe,
          format: folder.manifest.document.format == .xml ? .xml : .html, bytes: folder.documentBytes))
      if folder.slug == "eu-ai-office-2025" {
        let real = URL(fileURLWithPath: corpus).appendingPathComponent("eu-gpai-code-of-practice-draft3.html")
        if let bytes = try? Data(contentsOf: real) {
          jobs.append(
            Job(name: "eu-real-draft", recipe: folder.recipe.recipe, format: .html, bytes: Array(bytes)))
        }
      }
    }
    let real = [
      "sb1047-enrolled.html", "formats/eurlex/gdpr-2016-679.html", "formats/latexml/astro-ml.html",
      "formats/latexml/split-cycle.html", "formats/tei/agents-of-chaos-2602.20021.tei.xml",
      "formats/tei/wagner-2022-ai-literature-reviews.tei.xml",
    ]
    for path in real {
      let url = URL(fileURLWithPath: corpus).appendingPathComponent(path)
      guard let data = try? Data(contentsOf: url) else { continue }
      let bytes = Array(data)
      let detected = try FormatDetection.detect(bytes, fileName: url.lastPathComponent)
      var recipe = Recipe(preset: detected.preset)
      recipe.allowEmpty = true
      jobs.append(
        Job(
          name: url.lastPathComponent, recipe: recipe, format: detected.format == .xml ? .xml : .html,
          bytes: bytes))
    }
    return jobs
  }

  func extract(_ job: Job) throws -> ExtractionResult {
    let recipe = try CompiledRecipe(job.recipe, file: "\(job.name)/framework.yaml")
    return try Extractor(framework: job.name, recipe: recipe, format: job.format)
      .extract(job.bytes, file: job.name, sha256: String(repeating: "0", count: 64))
  }

  func run() throws {
    let jobs = try jobs()
    if let dump {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try FileManager.default.createDirectory(atPath: dump, withIntermediateDirectories: true)
      for job in jobs {
        try encoder.encode(try extract(job)).write(to: URL(fileURLWithPath: "\(dump)/\(job.name).json"))
      }
    }
    var statements = 0
    var perJob: [String: Double] = [:]
    let extractSeconds = try medianTime(rounds: rounds) {
      statements = 0
      for index in 0..<count {
        let job = jobs[index % jobs.count]
        let start = DispatchTime.now().uptimeNanoseconds
        statements += try extract(job).statements.count
        perJob[job.name, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      }
    }
    let parseSeconds = try medianTime(rounds: rounds) {
      for index in 0..<count {
        let job = jobs[index % jobs.count]
        _ = try Document.parse(job.bytes, options: ParseOptions(format: job.format, sourceName: job.name))
      }
    }
    let bytes = (0..<count).reduce(0) { $0 + jobs[$1 % jobs.count].bytes.count }
    var values: [String: Double] = [
      "documents": Double(count), "distinctDocuments": Double(jobs.count), "megabytes": Double(bytes) / 1e6,
      "statements": Double(statements), "extractSecondsPer1000": extractSeconds.wall * 1000 / Double(count),
      "parseSecondsPer1000": parseSeconds.wall * 1000 / Double(count),
      "extractCPUSecondsPer1000": extractSeconds.cpu * 1000 / Double(count),
      "parseCPUSecondsPer1000": parseSeconds.cpu * 1000 / Double(count),
      "ratioToParse": extractSeconds.cpu / parseSeconds.cpu,
    ]
    // Each distinct document's share of the extraction, over all rounds, per 1,000 documents.
    for (name, seconds) in perJob {
      values["secondsPer1000." + name] = seconds * 1000 / Double(count * rounds)
    }
    printJSON(values)
  }
}

/// Seconds for `body`, the median of `rounds` rounds: wall time, and the CPU time of the calling thread,
/// which leaves out the time other processes had the core.
func medianTime(rounds: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
  func cpuNow() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
  var walls: [Double] = []
  var cpus: [Double] = []
  for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuNow()
    try body()
    cpus.append(cpuNow() - cpuStart)
    walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  return (walls.sorted()[walls.count / 2], cpus.sorted()[cpus.count / 2])
}
