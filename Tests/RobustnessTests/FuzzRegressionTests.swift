import Foundation
import FuzzTargets
import Testing

/// The short deterministic pass CI runs in place of libFuzzer: every seed of the fuzz corpus, the inputs
/// libFuzzer once crashed on, and a fixed set of seeded mutations, through the fuzzers' own entry points.
@Suite("Fuzz regression pass", .serialized)
struct FuzzRegressionTests {
  struct Input {
    var name: String
    var bytes: [UInt8]
    /// The preset its framework's manifest names, for a shipped document.
    var preset: String?
  }

  /// Mutations per entry point, on top of the seeds: enough to reach the recovery paths, few enough for
  /// the whole pass to stay well under a minute in a debug build.
  static let mutationsPerTarget = 100

  /// The seeds scripts/fuzz copies into its corpus, read in the same order.
  static func seeds(for target: FuzzTarget) -> [Input] {
    let suffix = target.format.rawValue
    var files = Paths.shippedDocuments().filter { $0.pathExtension == suffix }
    files += Paths.files(in: Paths.markupFixtures, extensions: [suffix])
    files += Paths.files(
      in: Paths.fuzzRegressions.appendingPathComponent(target.rawValue), extensions: ["bin", "html", "xml"])
    return files.compactMap { url in
      guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
      let name =
        url.path.hasPrefix(Paths.packageRoot.path)
        ? String(url.path.dropFirst(Paths.packageRoot.path.count + 1)) : url.path
      return Input(name: name, bytes: Array(data), preset: Self.preset(of: url))
    }
  }

  /// The preset named in the manifest beside a shipped document.
  static func preset(of document: URL) -> String? {
    let manifest = document.deletingLastPathComponent().appendingPathComponent("framework.yaml")
    guard let text = try? String(contentsOf: manifest, encoding: .utf8),
      let line = text.split(separator: "\n").first(where: {
        $0.trimmingCharacters(in: .whitespaces).hasPrefix("preset:")
      })
    else { return nil }
    return line.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
  }

  /// A seed from the target's name, the same on every run and platform (unlike `hashValue`).
  static func seed(for target: FuzzTarget) -> UInt64 {
    target.rawValue.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
  }

  @Test(
    "seeds and seeded mutations never crash an entry point or break its invariants",
    arguments: FuzzTarget.allCases)
  func regressionPass(_ target: FuzzTarget) throws {
    let seeds = Self.seeds(for: target)
    try #require(seeds.count >= 3, "the seed corpus for \(target) is missing")
    var mutator = Mutator(seed: Self.seed(for: target))
    var inputs = seeds
    // Most mutations start from documents written for the target's preset, so they get past the recipe.
    let own = seeds.filter { $0.preset == target.preset }
    for index in 0..<Self.mutationsPerTarget {
      let seed = !own.isEmpty && index % 4 != 0 ? own[index % own.count] : seeds[index % seeds.count]
      let donor = seeds.randomElement(using: &mutator.generator)!
      let (bytes, kinds) = mutator.mutate(seed.bytes, donor: donor.bytes)
      inputs.append(Input(name: "\(seed.name) mutation \(index) \(kinds)", bytes: bytes))
    }
    var accepted = 0
    for (index, input) in inputs.enumerated() {
      let outcome = target.run(input.bytes)
      if !outcome.violations.isEmpty {
        let saved = Self.save(input.bytes, name: "\(target)-\(index)")
        Issue.record("\(target) on \(input.name) (saved as \(saved)): \(outcome)")
      }
      if outcome.isAccepted { accepted += 1 }
    }
    print(
      "fuzz regression pass, \(target): \(seeds.count) seeds and \(Self.mutationsPerTarget) mutations, "
        + "\(accepted) accepted, the rest refused with a clear error")
    // A pass where everything is refused at the door would test nothing past the screening.
    #expect(accepted > 0, "\(target) accepted none of \(inputs.count) inputs")
  }

  /// Keeps a failing input where a developer can replay it: `Fuzz/.build/release/fuzz-TARGET FILE`,
  /// and file it under Fixtures/fuzz-regressions/TARGET/ once fixed.
  static func save(_ bytes: [UInt8], name: String) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evscan-fuzz-failures")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("\(name).bin")
    _ = FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
    return file.path
  }

  @Test("the parsers accept every shipped document", arguments: [FuzzTarget.html, .xml])
  func shippedDocumentsParse(_ target: FuzzTarget) {
    for document in Paths.shippedDocuments() where document.pathExtension == target.format.rawValue {
      let bytes = Array(FileManager.default.contents(atPath: document.path) ?? Data())
      let outcome = target.run(bytes)
      #expect(outcome.isAccepted && outcome.violations.isEmpty, "\(document.path): \(outcome)")
    }
  }

  @Test func regressionInputsAreFiledUnderATarget() throws {
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: Paths.fuzzRegressions.path)) ?? []
    for folder in folders where !folder.hasPrefix(".") {
      #expect(FuzzTarget(rawValue: folder) != nil, "fuzz-regressions/\(folder) names no fuzz target")
    }
  }

  @Test func mutationsAreDeterministic() {
    var first = Mutator(seed: 7)
    var second = Mutator(seed: 7)
    let seed = Array("<html><body><ul><li>one</li><li>two</li></ul></body></html>".utf8)
    for _ in 0..<50 {
      #expect(first.mutate(seed, donor: seed).bytes == second.mutate(seed, donor: seed).bytes)
    }
  }
}
