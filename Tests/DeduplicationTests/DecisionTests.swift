import ScanModel
import Testing

@testable import Deduplication

/// decisions/merges.csv: must-link and cannot-link pairs win over the scores.
@Suite struct DecisionTests {
  static let inputs = [
    DeduplicationInput(
      id: "s1", text: "Red team models with internal and external experts before deployment."),
    DeduplicationInput(
      id: "s2", text: "Have red teams try to provoke harmful behaviour from models before release."),
    DeduplicationInput(id: "s3", text: "Publish an annual transparency report."),
    DeduplicationInput(id: "s4", text: "Publish an annual transparency report."),
    DeduplicationInput(id: "s5", text: "Watermark AI-generated images, audio and video."),
  ]

  static let header = "a,b,decision,reason,coder\n"

  @Test func mustLinkJoinsWhatTheScoresKeepApart() throws {
    let csv = Self.header + "s1,s2,must-link,\"same practice, reworded\",ab\n"
    let decisions = try MergeDecisionsReader.parse(csv, file: "decisions/merges.csv")
    let result = try Deduplicator().run(inputs: Self.inputs, decisions: decisions)
    #expect(Clusters(result).together("s1", "s2"))
    let mitigation = try #require(result.mitigations.first { $0.members.contains { $0.statementID == "s1" } })
    #expect(mitigation.members.contains { $0.joinedBy == "must-link" })
    let edge = try #require(result.edges.first { $0.a == "s1" && $0.b == "s2" })
    #expect(edge.verdict == .merge)
    #expect(edge.reason.contains("must-link decision (decisions/merges.csv:2, ab): same practice, reworded"))
    #expect(result.decisionsApplied == decisions)
  }

  @Test func cannotLinkSeparatesIdenticalStatements() throws {
    let csv = Self.header + "s4,s3,cannot-link,two different reports,ab\n"
    let decisions = try MergeDecisionsReader.parse(csv, file: "decisions/merges.csv")
    #expect(decisions.first?.a == "s3")
    let result = try Deduplicator().run(inputs: Self.inputs, decisions: decisions)
    #expect(!Clusters(result).together("s3", "s4"))
    let edge = try #require(result.edges.first { $0.a == "s3" && $0.b == "s4" })
    #expect(edge.verdict == .distinct)
    #expect(edge.score == 1)
    #expect(edge.reason.hasPrefix("cannot-link decision"))
  }

  /// A must-link holds through the medoid check, and a cannot-link holds against a third statement that
  /// merges with both.
  @Test func mustLinkSurvivesAndCannotLinkHoldsInsideOneComponent() throws {
    let inputs = Self.inputs + [DeduplicationInput(id: "s6", text: "Publish an annual transparency report.")]
    let csv =
      Self.header + "s3,s5,must-link,the report carries the watermark policy,ab\n"
      + "s4,s5,cannot-link,not the same,ab\n"
    let decisions = try MergeDecisionsReader.parse(csv, file: "merges.csv")
    let result = try Deduplicator().run(inputs: inputs, decisions: decisions)
    #expect(Clusters(result).together("s3", "s5"))
    #expect(!Clusters(result).together("s4", "s5"))
    #expect(result.decisionsApplied.count == 2)
  }

  @Test func quotedFieldsAndLineNumbers() throws {
    let csv =
      "a,b,decision,reason,coder\r\n"
      + "s1,s2,must-link,\"a reason with \"\"quotes\"\",\na comma and a line break\",ab\r\n"
      + "\r\n"
      + "s3,s4,cannot-link,plain,cd\r\n"
    let decisions = try MergeDecisionsReader.parse(csv, file: "merges.csv")
    #expect(decisions.count == 2)
    #expect(decisions[0].reason == "a reason with \"quotes\",\na comma and a line break")
    #expect(decisions[0].source.line == 2)
    #expect(decisions[1].source.line == 5)
    #expect(decisions[1].kind == .cannotLink)
  }

  @Test func columnsMayComeInAnyOrder() throws {
    let csv = "decision,coder,a,b,reason\nmust-link,ab,s2,s1,why\n"
    let decisions = try MergeDecisionsReader.parse(csv, file: "merges.csv")
    #expect(
      decisions == [
        LinkDecision(
          a: "s1", b: "s2", kind: .mustLink, reason: "why", coder: "ab",
          source: SourceLocation(file: "merges.csv", line: 2))
      ])
  }

  struct BadFile: Sendable, CustomTestStringConvertible {
    var name: String
    var csv: String
    var line: Int?
    var message: String
    var testDescription: String { name }
  }

  static let badFiles: [BadFile] = [
    BadFile(name: "empty", csv: "", line: 1, message: "empty"),
    BadFile(
      name: "missing column", csv: "a,b,decision,reason\ns1,s2,must-link,x\n", line: 1, message: "`coder`"),
    BadFile(
      name: "unknown column", csv: "a,b,decision,reason,coder,when\n", line: 1,
      message: "unknown column `when`"),
    BadFile(
      name: "bad date", csv: "a,b,decision,reason,coder,date\ns1,s2,must-link,x,y,7 Dec\n", line: 2,
      message: "not YYYY-MM-DD"),
    BadFile(
      name: "duplicate column", csv: "a,b,a,decision,reason,coder\n", line: 1, message: "appears twice"),
    BadFile(
      name: "unknown decision", csv: header + "s1,s2,maybe,x,ab\n", line: 2,
      message: "unknown decision `maybe`"),
    BadFile(name: "field count", csv: header + "s1,s2,must-link,x,y,ab\n", line: 2, message: "6 fields"),
    BadFile(
      name: "empty coder", csv: header + "s1,s2,must-link,x,\n", line: 2, message: "`coder` field is empty"),
    BadFile(
      name: "self link", csv: header + "s1,s1,must-link,x,ab\n", line: 2, message: "linked with itself"),
    BadFile(
      name: "open quote", csv: header + "s1,s2,must-link,\"never closed,ab\n", line: 2,
      message: "never closed"),
    BadFile(
      name: "stray quote", csv: header + "s1,s2,must-link,a \"quote\",ab\n", line: 2, message: "double quote"),
  ]

  @Test(arguments: badFiles)
  func badFilesAreRejectedWithTheLine(_ bad: BadFile) {
    #expect {
      _ = try MergeDecisionsReader.parse(bad.csv, file: "merges.csv")
    } throws: { error in
      guard let error = error as? InputError else { return false }
      return error.location.file == "merges.csv" && error.location.line == bad.line
        && error.message.contains(bad.message)
    }
  }

  @Test func unknownStatementIdNamesTheLine() throws {
    let csv = Self.header + "s1,s2,must-link,x,ab\ns1,s99,cannot-link,x,ab\n"
    let decisions = try MergeDecisionsReader.parse(csv, file: "merges.csv")
    #expect {
      _ = try Deduplicator().run(inputs: Self.inputs, decisions: decisions)
    } throws: { error in
      guard let error = error as? InputError else { return false }
      return error.location.line == 3 && error.message.contains("`s99`")
        && error.description.hasPrefix("merges.csv:3:")
    }
  }

  @Test func mustAndCannotLinkOnOnePairNamesBothLines() throws {
    let csv = Self.header + "s1,s2,must-link,x,ab\ns3,s4,must-link,x,ab\ns2,s1,cannot-link,x,cd\n"
    let decisions = try MergeDecisionsReader.parse(csv, file: "merges.csv")
    #expect {
      _ = try Deduplicator().run(inputs: Self.inputs, decisions: decisions)
    } throws: { error in
      guard let error = error as? InputError else { return false }
      return error.location.line == 4 && error.message.contains("merges.csv:2")
    }
  }

  @Test func aReconcilingRowSettlesTwoCodersDisagreement() throws {
    let csv =
      "a,b,decision,reason,coder,reconciles\n"
      + "s1,s2,must-link,same practice,ann,\n"
      + "s2,s1,cannot-link,different teams,bob,\n"
      + "s3,s4,must-link,the same report,ann,\n"
      + "s1,s2,cannot-link,\"discussed: one is internal, one external\",ann,ann+bob\n"
    let decisions = try MergeDecisionsReader.parse(csv, file: "merges.csv")
    // The coders' own rows on the settled pair no longer apply; the other pair's row does.
    #expect(decisions.map(\.source.line) == [4, 5])
    let result = try Deduplicator().run(inputs: Self.inputs, decisions: decisions)
    #expect(!Clusters(result).together("s1", "s2"))
    #expect(Clusters(result).together("s3", "s4"))
  }

  @Test func anUnsettledDisagreementSaysHowToReconcileIt() throws {
    let csv = Self.header + "s1,s2,must-link,x,ann\ns2,s1,cannot-link,y,bob\n"
    let decisions = try MergeDecisionsReader.parse(csv, file: "merges.csv")
    #expect {
      _ = try Deduplicator().run(inputs: Self.inputs, decisions: decisions)
    } throws: { error in
      "\(error)".contains("merges.csv:2") && "\(error)".contains("`reconciles` column")
    }
  }

  @Test func mustLinkChainThatForcesACannotLinkedPairTogether() throws {
    let csv =
      Self.header
      + "s1,s2,must-link,x,ab\ns2,s3,must-link,x,ab\ns3,s5,cannot-link,x,ab\ns1,s5,cannot-link,x,ab\n"
      + "s3,s1,cannot-link,x,ab\n"
    let decisions = try MergeDecisionsReader.parse(csv, file: "merges.csv")
    #expect {
      _ = try Deduplicator().run(inputs: Self.inputs, decisions: decisions)
    } throws: { error in
      guard let error = error as? InputError else { return false }
      return error.location.line == 6 && error.message.contains("merges.csv:2")
        && error.message.contains("merges.csv:3")
        && error.message.contains("must-link chain")
    }
  }

  @Test func duplicateStatementIdsAreRejected() {
    let inputs = [DeduplicationInput(id: "x", text: "One."), DeduplicationInput(id: "x", text: "Two.")]
    #expect(throws: InputError.self) {
      _ = try Deduplicator().run(inputs: inputs)
    }
  }
}
