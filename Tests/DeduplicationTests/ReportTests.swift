import Foundation
import ScanModel
import TestSupport
import Testing

@testable import Deduplication

/// The canonical mitigation's name, definition, code and sources, and the JSON writer; the plain-text
/// renderings of the same result are tested beside their commands (evscanTests/Rendering).
@Suite struct ReportTests {
  static let inputs = SampleStatements.redTeaming

  @Test func canonicalMitigation() throws {
    let result = try Deduplicator().run(inputs: Self.inputs)
    let mitigation = try #require(result.mitigations.first { $0.members.count == 3 })
    #expect(mitigation.name == "Red-team models with internal and external experts before deployment")
    #expect(
      mitigation.definition == Self.inputs.first { $0.id == mitigation.representativeStatementID }?.text)
    #expect(mitigation.primaryCode == "3.1")
    #expect(mitigation.sources == ["barrett-2024", "nist-2024", "uk-government-2023"])
    #expect(mitigation.members.map(\.statementID) == ["barrett-1", "nist-1", "uk-1"])
    #expect(mitigation.members.filter { $0.joinedBy == "representative" }.count == 1)
    #expect(mitigation.members.allSatisfy { $0.similarityToRepresentative > 0.7 })
  }

  @Test func titleNamesTheMitigation() throws {
    var inputs = Self.inputs
    inputs[1].title = "Pre-deployment red teaming"
    let result = try Deduplicator().run(inputs: inputs)
    #expect(result.mitigations.contains { $0.name == "Pre-deployment red teaming" })
  }

  @Test func longOpeningClauseIsCut() throws {
    let text =
      "Maintain a central register of every AI system that the organisation develops, buys, licenses, "
      + "fine-tunes or otherwise uses anywhere in its business"
    var configuration = DeduplicationConfiguration.default
    configuration.naming.maxNameLength = 40
    let result = try Deduplicator(configuration: configuration).run(inputs: [
      DeduplicationInput(id: "a", text: text)
    ])
    let name = try #require(result.mitigations.first?.name)
    #expect(name.count <= 40)
    #expect(name.hasSuffix("…"))
    #expect(name.hasPrefix("Maintain a central register"))
  }

  /// The fast writer gives the bytes JSONEncoder gives with sorted keys.
  @Test func jsonWriterMatchesJSONEncoder() throws {
    var inputs = Self.inputs
    inputs.append(
      DeduplicationInput(
        id: "q\"1", framework: "x/y", text: "Tab\there, quote \" and back\\slash\nnew line é \u{1}"))
    let decisions = [
      LinkDecision(
        a: "nist-1", b: "w-1", kind: .cannotLink, reason: "not the same", coder: "ab",
        source: SourceLocation(file: "decisions/merges.csv", line: 2))
    ]
    let ledger = IdentityLedger(
      memberships: ["uk-1": "M0004", "gone": "M0002"], issued: ["M0001", "M0002", "M0004"])
    let result = try Deduplicator().run(inputs: inputs, ledger: ledger, decisions: decisions)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let expected = String(decoding: try encoder.encode(result), as: UTF8.self)
    #expect(DeduplicationJSON.encode(result) == expected)
    let decoded = try JSONDecoder().decode(
      DeduplicationResult.self, from: Data(DeduplicationJSON.encode(result).utf8))
    #expect(decoded == result)

    // Written in small pieces, the document is the same bytes.
    var pieces = 0
    var streamed: [UInt8] = []
    DeduplicationJSON.write(result, chunkSize: 64) { piece in
      pieces += 1
      streamed.append(contentsOf: piece)
    }
    #expect(pieces > 3)
    #expect(String(decoding: streamed, as: UTF8.self) == expected)
  }
}
