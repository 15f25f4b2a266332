import Extraction
import Foundation
import ScanModel
import Testing
import Yams

@Suite("The shipped frameworks")
struct ShippedFrameworkTests {
  @Test(arguments: Paths.shippedFrameworkNames)
  func extractsCleanly(_ name: String) throws {
    let folder = try FrameworkFolder(directory: Paths.frameworks.appendingPathComponent(name))
    let result = try folder.extract()
    #expect(result.isBalanced)
    #expect((15...60).contains(result.statements.count), "\(name): \(result.statements.count) statements")
    #expect(folder.manifest.document.origin == .standIn)
    #expect(folder.manifest.sourceKey != nil)
    for statement in result.statements {
      #expect(!statement.text.lowercased().contains("stand-in"), "\(statement.id) is the stand-in notice")
      #expect(!statement.sectionPath.isEmpty, "\(statement.id) has no section path")
      #expect(statement.sourceSHA256 == folder.manifest.document.sha256)
    }
  }

  @Test func thirteenFrameworksWithAtLeast350Statements() throws {
    let rows = try FrameworkSurvey.survey(root: Paths.frameworks)
    #expect(rows.count == 13)
    #expect(rows.allSatisfy { $0.error == nil })
    #expect(rows.reduce(0) { $0 + $1.statements } >= 350)
  }

  /// The ground truth the stand-ins' authors wrote: each fragment is in exactly one statement.
  @Test(arguments: Paths.shippedFrameworkNames)
  func groundTruthFragmentsFindOneStatementEach(_ name: String) throws {
    let fixture = Paths.packageRoot.appendingPathComponent(
      "Tests/DeduplicationTests/Fixtures/shipped-practices/\(name).yaml")
    let text = try String(contentsOf: fixture, encoding: .utf8)
    let node = try #require(try Yams.compose(yaml: text))
    var fragments: [String] = []
    for key in ["practices", "lookalikes"] {
      for (_, list) in node.mapping?[key]?.mapping ?? [:] {
        fragments += (list.sequence ?? []).compactMap(\.string)
      }
    }
    #expect(fragments.count >= 4)
    let statements = try FrameworkFolder(directory: Paths.frameworks.appendingPathComponent(name)).extract()
      .statements
    for fragment in fragments {
      let matches = statements.filter { $0.text.contains(fragment) }
      #expect(matches.count == 1, "\(name): \"\(fragment)\" is in \(matches.count) statements")
    }
  }
}
