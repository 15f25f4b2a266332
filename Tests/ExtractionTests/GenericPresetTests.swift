import Extraction
import Foundation
import ScanModel
import Testing

@Suite("Extraction accounting on a small page")
struct GenericPresetTests {
  let directory = Paths.fixtures.appendingPathComponent("good/minimal-generic")

  @Test func everySelectedUnitIsAStatementOrADroppedUnitWithAReason() throws {
    let result = try FrameworkFolder(directory: directory).extract()
    #expect(result.unitsMatched == 5)
    #expect(result.isBalanced)
    #expect(
      result.statements.map(\.text) == [
        "Developers should red-team frontier models before every release.",
        "Deployers should monitor deployed systems for misuse and report incidents.",
      ])
    #expect(result.statements.allSatisfy { $0.sectionPath == ["Controls"] })
    #expect(result.statements.allSatisfy { $0.id.hasPrefix("minimal-generic:loc-") })
    #expect(Set(result.dropped.map(\.reason)) == [.navigation, .tooShort, .empty])
    #expect(result.dropped.allSatisfy { !$0.detail.isEmpty && $0.line > 0 })
  }

  @Test func idsAreTheSameOnEveryRun() throws {
    let first = try FrameworkFolder(directory: directory).extract()
    let second = try FrameworkFolder(directory: directory).extract()
    #expect(first == second)
  }

  @Test func labelsGiveIdsThatDoNotDependOnPosition() throws {
    func statements(_ rows: [String]) throws -> [String: String] {
      let html = "<table><tr><th>ID</th><th>Action</th></tr>" + rows.joined() + "</table>"
      let recipe = try CompiledRecipe(Recipe(preset: "nist-actions"), file: "test.yaml")
      let result = try Extractor(framework: "t", recipe: recipe, format: .html)
        .extract(Array(html.utf8), file: "t.html", sha256: String(repeating: "0", count: 64))
      return Dictionary(uniqueKeysWithValues: result.statements.map { ($0.id, $0.text) })
    }
    let row1 =
      "<tr><td>GV-1.1-001</td><td>Align generative AI use with applicable laws and policies.</td></tr>"
    let row2 =
      "<tr><td>MS-2.7-003</td><td>Conduct security testing of the model and its infrastructure.</td></tr>"
    let before = try statements([row1, row2])
    let after = try statements([row2, row1])
    #expect(before == after)
    #expect(Set(before.keys) == ["t:gv-1-1-001", "t:ms-2-7-003"])
  }
}
