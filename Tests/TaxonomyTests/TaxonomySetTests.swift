import Foundation
import ScanModel
import Taxonomy
import TestSupport
import Testing

@Suite("The shipped taxonomy")
struct ShippedTaxonomyTests {
  static let root = PackagePaths.root

  let taxonomy: TaxonomySet

  init() throws {
    taxonomy = try TaxonomySet.load(from: Self.root.appendingPathComponent("taxonomy"))
  }

  @Test func mitigationTaxonomyHasTheMITCodes() {
    let codes = taxonomy.mitigation.codes.map(\.code)
    #expect(codes.filter { !$0.contains(".") } == ["1", "2", "3", "4"])
    let subcategories = codes.filter { $0.contains(".") && !$0.contains("X") }
    #expect(subcategories.count == 23)
    #expect(Set(["1.X", "2.X", "3.X", "4.X", "X.X"]).isSubset(of: Set(codes)))
    #expect(taxonomy.mitigation.code("3.1")?.display == "3.1 Testing & Auditing")
    #expect(taxonomy.mitigation.code("4.6")?.name == "User Rights & Recourse")
    for code in taxonomy.mitigation.codes where code.code.contains(".") && !code.code.contains("X") {
      #expect(!(code.includes ?? []).isEmpty, "\(code.code) has typical examples")
      #expect(!(code.excludes ?? []).isEmpty, "\(code.code) says what does not belong")
    }
  }

  @Test func facetsHaveTheirCodes() throws {
    let lifecycle = try #require(taxonomy.facet("lifecycle"))
    #expect(
      lifecycle.codes.map(\.name) == [
        "Plan and Design", "Collect and Process Data", "Build and Use Model", "Verify and Validate", "Deploy",
        "Operate and Monitor",
      ])
    #expect(try #require(taxonomy.facet("nist")).codes.map(\.code) == ["GOVERN", "MAP", "MEASURE", "MANAGE"])
    let risk = try #require(taxonomy.facet("risk"))
    #expect(risk.codes.filter { $0.parent == nil }.count == 7)
    #expect(risk.codes.filter { $0.parent != nil }.count == 24)
    #expect(try #require(taxonomy.facet("actor")).codes.count >= 6)
  }

  @Test func thesaurusCoversEveryCode() {
    #expect(taxonomy.thesaurus.concepts.count >= 300)
    var linked: [String: Set<String>] = [:]
    for concept in taxonomy.thesaurus.concepts {
      for (facet, codes) in concept.codes ?? [:] { linked[facet, default: []].formUnion(codes) }
    }
    for facet in taxonomy.allFacets {
      for code in facet.leafCodes where !code.code.contains("X") {
        #expect(
          linked[facet.facet]?.contains(code.code) == true, "no concept points to \(facet.facet) \(code.code)"
        )
      }
    }
    let abbreviations = Set(taxonomy.thesaurus.concepts.flatMap { $0.abbreviations ?? [] })
    #expect(["KYC", "RLHF", "CBRN", "TEVV", "GPAISR"].allSatisfy(abbreviations.contains))
  }
}

@Suite("Taxonomy defects")
struct TaxonomyDefectTests {
  static let fixtures = PackagePaths.fixtures(of: "TaxonomyTests")

  struct Defect: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var find: String
    var replacement: String
    var location: String
    var words: String
    var testDescription: String { name }
  }

  /// The defects of `defects.tsv`; a file that cannot be read or a malformed line fails
  /// `theDefectTableIsRead` instead of leaving the parameterised test with nothing to run.
  static let loadedDefects = Result { () throws -> [Defect] in
    let text = try String(contentsOf: fixtures.appendingPathComponent("defects.tsv"), encoding: .utf8)
    return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 6 else { throw FixtureLineError(line: String(line)) }
      return Defect(
        name: fields[0], file: fields[1], find: fields[2], replacement: fields[3], location: fields[4],
        words: fields[5])
    }
  }
  static var defects: [Defect] {
    guard case .success(let defects) = loadedDefects else { return [] }
    return defects
  }

  struct FixtureLineError: Error { var line: String }

  @Test func theDefectTableIsRead() throws {
    #expect(try Self.loadedDefects.get().count == 11)
  }

  /// A copy of the minimal taxonomy in a temporary folder, with one defect written into it.
  static func copy(applying defect: Defect?) throws -> URL {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent(
      "taxonomy-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: fixtures.appendingPathComponent("minimal"), to: target)
    if let defect {
      let url = target.appendingPathComponent(defect.file)
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(text.contains(defect.find), "the fixture has `\(defect.find)`")
      try text.replacingOccurrences(of: defect.find, with: defect.replacement).write(
        to: url, atomically: true, encoding: .utf8)
    }
    return target
  }

  @Test func theMinimalTaxonomyLoads() throws {
    let directory = try Self.copy(applying: nil)
    defer { try? FileManager.default.removeItem(at: directory) }
    let taxonomy = try TaxonomySet.load(from: directory)
    #expect(taxonomy.thesaurus.concepts.count == 2)
    #expect(taxonomy.facetDefaults.codes(for: "3.1", facet: "actor") == ["A5"])
    #expect(taxonomy.version.hasPrefix("mitigation 0.1.0, thesaurus 0.1.0, files "))
  }

  @Test("each defect is an error naming the file, line and problem", arguments: defects)
  func defectIsRefused(_ defect: Defect) throws {
    let directory = try Self.copy(applying: defect)
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
      _ = try TaxonomySet.load(from: directory)
      Issue.record("\(defect.name) was accepted")
    } catch let error as InputError {
      let message = error.description
      #expect(message.contains(defect.location), "expected \(defect.location) in: \(message)")
      #expect(message.contains(defect.words), "expected “\(defect.words)” in: \(message)")
    }
  }
}
