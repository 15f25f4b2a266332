import Extraction
import Foundation
import ScanModel
import Testing

/// The real enrolled SB-1047 page from leginfo in ../shared/corpus, read with the leginfo preset and with
/// the recipe we would give the framework's original. Nothing of the bill's text is written here beyond
/// section numbers, labels and a few words.
@Suite(
  "The real SB-1047 bill page",
  .enabled(
    if: FileManager.default.fileExists(atPath: Paths.sb1047.path),
    "../shared/corpus/sb1047-enrolled.html is absent (a user's clone has no ../shared)"))
struct RealBillTests {
  /// The recipe the shipped wiener-2024 manifest gives its original (`original.recipe`): the preset, less
  /// the digest and the code sections that state no obligation of a developer, a computing cluster's
  /// operator or an employer.
  static func originalRecipe() throws -> Recipe {
    let folder = try FrameworkFolder(directory: Paths.frameworks.appendingPathComponent("wiener-2024"))
    return try #require(folder.manifest.original.recipe, "wiener-2024 has no original.recipe")
  }

  static func extract(_ recipe: Recipe) throws -> ExtractionResult {
    let bytes = Array(try Data(contentsOf: Paths.sb1047))
    let compiled = try CompiledRecipe(recipe, file: "wiener-2024/framework.yaml")
    return try Extractor(framework: "wiener-2024", recipe: compiled, format: .html)
      .extract(bytes, file: Paths.sb1047.path, sha256: String(repeating: "0", count: 64))
  }

  static func statement(_ label: String, in result: ExtractionResult) throws -> Statement {
    try #require(result.statements.first { $0.label == label }, "no statement \(label)")
  }

  @Test func addFrameworkDetectsTheLeginfoPreset() throws {
    let detected = try FormatDetection.detect(
      Array(try Data(contentsOf: Paths.sb1047)), fileName: "sb1047-enrolled.html")
    #expect(detected.preset == "leginfo")
    #expect(detected.format == .html)
  }

  @Test func thePresetAccountsForEveryParagraphOfTheCodeSections() throws {
    let result = try Self.extract(Recipe(preset: "leginfo"))
    #expect(result.isBalanced)
    #expect(result.unitsMatched == 227)
    #expect(result.statements.count == 146)
    let reasons = Dictionary(grouping: result.dropped, by: \.reason).mapValues(\.count)
    #expect(reasons == [.definition: 56, .leadIn: 25])
    #expect(Set(result.statements.map(\.id)).count == result.statements.count)
    #expect(result.statements.allSatisfy { $0.id == "wiener-2024:" + StatementSlug.of($0.label) })
  }

  @Test func theOriginalsRecipeKeepsTheDutiesOf22603And22604And22607() throws {
    let result = try Self.extract(try Self.originalRecipe())
    #expect(result.isBalanced)
    #expect(result.statements.count == 79)
    let sections = Dictionary(grouping: result.statements) { $0.sectionPath.first ?? "" }.mapValues(\.count)
    #expect(sections == ["22603": 56, "22604": 10, "22607": 13])
    let reasons = Dictionary(grouping: result.dropped, by: \.reason).mapValues(\.count)
    // The excluded sections' 67 statements, 12 lead-ins and 1 definition, under the preset.
    #expect(reasons[.navigation] == 67 + 12 + 1)
    #expect(reasons[.leadIn] == 13)
    #expect(result.dropped.count + result.statements.count == 227)
    #expect(Set(result.statements.map(\.id)).count == 79)
  }

  @Test(
    "labels and section paths come from the label hierarchy",
    arguments: [
      ("22603(a)(1)", ["22603", "(a)", "(1)"]),
      ("22603(a)(2)(B)", ["22603", "(a)", "(2)", "(B)"]),
      ("22603(a)(3)(A)", ["22603", "(a)", "(3)", "(A)"]),
      // (i) under an (A)-level lead-in is a roman numeral...
      ("22603(a)(3)(C)(i)", ["22603", "(a)", "(3)", "(C)", "(i)"]),
      // ... and (I) under (ii) a roman subclause, not the ninth capital letter.
      ("22603(a)(7)(A)(ii)(I)", ["22603", "(a)", "(7)", "(A)", "(ii)", "(I)"]),
      ("22603(e)(6)(A)(ii)(III)", ["22603", "(e)", "(6)", "(A)", "(ii)", "(III)"]),
      // (i) after (h) is the ninth subdivision.
      ("22603(i)", ["22603", "(i)"]),
      ("22604(a)(1)(C)", ["22604", "(a)", "(1)", "(C)"]),
      ("22607(e)(1)(B)", ["22607", "(e)", "(1)", "(B)"]),
    ])
  func sectionPaths(label: String, path: [String]) throws {
    let statement = try Self.statement(label, in: try Self.extract(try Self.originalRecipe()))
    #expect(statement.sectionPath == path)
    #expect(statement.id == "wiener-2024:" + StatementSlug.of(label))
  }

  @Test func aLeadInStartsEachOfItsItems() throws {
    let result = try Self.extract(try Self.originalRecipe())
    func leadIn(under label: String) throws -> DroppedUnit {
      try #require(result.dropped.first { $0.reason == .leadIn && $0.detail.contains(" under \(label);") })
    }
    let subdivision = try leadIn(under: "22603(a)")
    let paragraph = try leadIn(under: "22603(a)(3)")
    #expect(subdivision.detail.contains("introduces the 27 units"))
    // Every item under 22603(a), at any depth, reads on its own: it starts with the lead-in of (a).
    let items = result.statements.filter { $0.label?.hasPrefix("22603(a)") == true }
    #expect(items.count == 24)
    for item in items {
      #expect(item.text.hasPrefix(subdivision.excerpt), "\(item.label ?? item.id)")
      #expect(item.text.contains("shall do all of the following: "))
    }
    // A nested item carries the chain: the lead-in of (a), then of (3), then of (C), then its own text.
    let clause = try Self.statement("22603(a)(3)(C)(ii)", in: result)
    #expect(clause.text.hasPrefix(paragraph.excerpt))
    #expect(clause.text.components(separatedBy: "following: ").count == 3)
    #expect(clause.text.components(separatedBy: "following are true: ").count == 2)
    // An item with no lead-in above it keeps its own text only.
    #expect(!(try Self.statement("22603(d)", in: result)).text.contains("following:"))
  }

  @Test func theDigestTheFindingsAndTheDefinitionsGiveNoStatement() throws {
    for recipe in [Recipe(preset: "leginfo"), try Self.originalRecipe()] {
      let result = try Self.extract(recipe)
      // The digest (outside div#bill) and SEC. 2 (no code section number) are not selected at all.
      #expect(result.statements.allSatisfy { $0.sectionPath.first?.first?.isNumber == true })
      #expect(!result.statements.contains { $0.text.contains("This bill would") })
      #expect(!result.statements.contains { $0.text.contains("finds and declares") })
      // 22602 is dropped, every unit of it, as definitions; so are the definitions of 22607(g).
      #expect(!result.statements.contains { $0.sectionPath.first == "22602" })
      #expect(!result.statements.contains { $0.label?.hasPrefix("22607(g)") == true })
      let definitions = result.dropped.filter { $0.reason == .definition }
      #expect(definitions.filter { $0.detail.contains("definitions at 22602 ") }.count == 49)
      #expect(definitions.filter { $0.detail.contains("definitions at 22607(g) ") }.count == 4)
    }
  }
}

/// A statement id's key from its label, as `identity: [label, ...]` makes it (the slug of the label).
enum StatementSlug {
  static func of(_ label: String?) -> String {
    guard let label else { return "" }
    var slug = ""
    var pendingHyphen = false
    for character in label.lowercased() {
      if character.isLetter || character.isNumber {
        if pendingHyphen && !slug.isEmpty { slug.append("-") }
        slug.append(character)
        pendingHyphen = false
      } else {
        pendingHyphen = true
      }
    }
    return slug
  }
}
