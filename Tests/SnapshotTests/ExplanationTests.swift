import Foundation
import ScanModel
import TestSupport
import Testing

@testable import Snapshot

@Suite("Explain")
struct ExplanationTests {
  let content = SnapshotFixtures.content

  @Test("a mitigation id explains every member, the edges that joined them and the decisions")
  func mitigation() throws {
    let explanation = try Explanation(id: "M0004", in: content)
    #expect(explanation.kind == .mitigation)
    let cluster = try #require(explanation.mitigation)
    #expect(cluster.primaryCodeName == "Board Structure & Oversight")
    #expect(cluster.members.map(\.actionID) == ["A0004_NIST2024", "A0006_UK Government2023"])
    #expect(
      explanation.statements.map(\.statementID) == [
        "nist-2024:gv-1-1-001", "uk-government-2023:risk-committee",
      ])
    #expect(explanation.edges.map(\.reason) == ["must-link decision"])
    #expect(explanation.linkDecisions.map(\.kind) == [.mustLink])
    #expect(explanation.identityChanges.map(\.kind) == [.merged])
    let uk = explanation.statements[1]
    #expect(uk.document.path == "uk-government-2023/document.xml")
    #expect(uk.framework?.sourceName == "UK Government2023")
    #expect(uk.codeDecisions.map(\.coder) == ["Jane Doe"])
    #expect(uk.facets.map(\.facet) == ["mitigation", "lifecycle", "actor"])
    #expect(uk.facets[0].codes.first?.method == .human)
  }

  @Test("an action id explains its statement, its cluster and the close pairs outside it")
  func action() throws {
    let explanation = try Explanation(id: "A0008_example-2025", in: content)
    #expect(explanation.kind == .action)
    #expect(explanation.statements.map(\.statementID) == ["example-2025:p2"])
    #expect(explanation.mitigation?.id == "M0002")
    #expect(explanation.edges.map(\.verdict) == [.merge])
    #expect(explanation.nearbyEdges.map(\.b) == ["schuett-2023:1"])
    let trail = try #require(explanation.statements.first)
    #expect(trail.sectionPath == ["2 Measures"])
    #expect(trail.line == 14)
    #expect(trail.rule == "//p[@class='measure']")
    #expect(trail.document.sha256 == SnapshotFixtures.sha)
    let actor = try #require(trail.facets.first { $0.facet == "actor" })
    #expect(actor.codes.map(\.code) == ["A1", "A2"])
    #expect(actor.codes[1].needsReview)
  }

  @Test("action ids are found regardless of case and by number alone")
  func actionVariants() throws {
    #expect(
      try Explanation(id: "a0005_nist2024", in: content).statements.first?.statementID
        == "nist-2024:mp-4-1-001")
    #expect(try Explanation(id: "A0005", in: content).statements.first?.statementID == "nist-2024:mp-4-1-001")
    #expect(try Explanation(id: " m0003 ", in: content).mitigation?.id == "M0003")
  }

  @Test("a statement id explains that statement")
  func statement() throws {
    let explanation = try Explanation(id: "schuett-2023:1", in: content)
    #expect(explanation.kind == .statement)
    #expect(explanation.mitigation?.id == "M0001")
    let codes = try #require(explanation.statements.first?.facets.first)
    #expect(codes.codes.map(\.code) == ["1.2", "3.1"])
    #expect(codes.codes[0].reasons.map(\.kind) == [.concept, .alternative])
    #expect(explanation.nearbyEdges.map(\.a) == ["example-2025:p2"])
  }

  @Test("an unknown id is refused with the kinds of id accepted")
  func unknown() throws {
    let error = try #require(throws: InputError.self) {
      try Explanation(id: "Z9999", in: content, snapshot: "output")
    }
    #expect(error.location.file == "output")
    #expect(error.message.contains("\"Z9999\""))
    #expect(error.message.contains("a mitigation id (such as M0001)"))
    #expect(error.message.contains("an action id (such as A0007_example-2025)"))
    #expect(error.message.contains("a statement id (such as example-2025:loc-0a1b2c)"))
  }

  @Test("a retired mitigation id says what became of it")
  func retired() throws {
    let explanation = try Explanation(id: "m0006", in: content)
    #expect(explanation.kind == .retired)
    #expect(explanation.retired?.into == ["M0004"])
    #expect(
      explanation.formerMembers.map { "\($0.statementID) \($0.mitigationID ?? "-")" } == [
        "nist-2024:gv-1-1-001 M0004", "schuett-2023:retired-unit -",
      ])
  }

  /// A snapshot written before the fates were kept still says what its identity changes know.
  @Test("a retired id without a recorded fate falls back to the identity changes")
  func retiredWithoutRecord() throws {
    var older = content
    older.retiredMitigations = []
    let error = try #require(throws: InputError.self) { try Explanation(id: "M0006", in: older) }
    #expect(error.message.contains("retired (merged into M0004)"))
  }

  @Test(
    "the explanation encodes to JSON for --json",
    arguments: ["M0002", "A0001_Schuett2023", "nist-2024:gv-1-1-001"])
  func json(id: String) throws {
    let explanation = try Explanation(id: id, in: content)
    let data = try SnapshotJSON.encode(explanation)
    #expect(try JSONDecoder().decode(Explanation.self, from: data) == explanation)
  }
}
