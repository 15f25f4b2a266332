import Foundation
import ScanModel
import TestSupport
import Testing

@testable import Snapshot

@Suite("mappings.sssom.tsv")
struct SSSOMExportTests {
  struct Parsed {
    var metadata: [String]
    var header: [String]
    var rows: [[String: String]]
  }

  static func parse(_ content: SnapshotContent) throws -> Parsed {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(content, to: folder)
    let text = try String(
      contentsOf: folder.appendingPathComponent(SnapshotFile.sssom.fileName), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let metadata = lines.prefix { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
    let table = lines.dropFirst(metadata.count).joined(separator: "\n")
    let rows = try RFC4180.parse(table, delimiter: "\t")
    let header = try #require(rows.first)
    return Parsed(
      metadata: metadata, header: header,
      rows: rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
  }

  @Test("a #-prefixed YAML metadata block with the required slots", arguments: SnapshotFixtures.allNames)
  func metadataBlock(fixture: String) throws {
    let parsed = try Self.parse(try SnapshotFixtures.named(fixture))
    #expect(parsed.metadata.first == "curie_map:")
    let keys = parsed.metadata.filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
    #expect(keys.contains("mapping_set_id"))
    #expect(keys.contains("license"))
    #expect(keys.contains("mapping_set_version"))
    #expect(parsed.metadata.contains("license: https://w3id.org/sssom/license/unspecified"))
    #expect(parsed.metadata.contains("mapping_set_id: urn:evscan:mappings"))
    #expect(!parsed.metadata.contains { $0.hasPrefix("  skos:") || $0.hasPrefix("  semapv:") })
  }

  @Test("the curie_map declares every prefix the rows use, and no other")
  func curieMap() throws {
    let parsed = try Self.parse(SnapshotFixtures.content)
    let declared = Set(
      parsed.metadata.filter { $0.hasPrefix("  ") }.map { String($0.dropFirst(2).prefix { $0 != ":" }) })
    #expect(
      declared == ["actor", "evscan", "evscan_coder", "evscan_framework", "lifecycle", "mitigation", "orcid"])
    #expect(parsed.metadata.contains(#"  evscan: "urn:evscan:statement:""#))
    #expect(parsed.metadata.contains("  orcid: https://orcid.org/"))
    var used: Set<String> = []
    for row in parsed.rows {
      for column in ["subject_id", "object_id", "author_id", "subject_source"] {
        if let value = row[column], !value.isEmpty { used.insert(String(value.prefix { $0 != ":" })) }
      }
    }
    #expect(used == declared)
  }

  @Test("columns in the SSSOM slot order, one row per code assignment")
  func columns() throws {
    let parsed = try Self.parse(SnapshotFixtures.content)
    #expect(
      parsed.header == [
        "subject_id", "subject_label", "predicate_id", "object_id", "object_label", "mapping_justification",
        "author_id", "author_label", "subject_source", "mapping_tool", "mapping_tool_version", "confidence",
        "comment",
      ])
    #expect(parsed.rows.count == SnapshotFixtures.content.assignments.count)
    let keys = parsed.rows.map {
      [$0["subject_id"]!, $0["subject_label"]!, $0["predicate_id"]!, $0["object_id"]!]
    }
    #expect(
      keys
        == keys.sorted {
          $0.lexicographicallyPrecedes($1) { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        })
  }

  @Test("predicate and justification follow the method; people are authors, evscan is the tool")
  func justification() throws {
    let parsed = try Self.parse(SnapshotFixtures.content)
    func row(_ subject: String, _ object: String) throws -> [String: String] {
      try #require(parsed.rows.first { $0["subject_id"] == "evscan:\(subject)" && $0["object_id"] == object })
    }
    let human = try row("example-2025:loc-0a1b2c", "mitigation:4.4")
    #expect(human["predicate_id"] == "skos:exactMatch")
    #expect(human["mapping_justification"] == "semapv:ManualMappingCuration")
    #expect(human["author_id"] == "orcid:0000-0002-1825-0097")
    #expect(human["mapping_tool"] == "")
    #expect(human["confidence"] == "1")
    let named = try row("uk-government-2023:risk-committee", "mitigation:1.1")
    #expect(named["author_id"] == "evscan_coder:Jane%20Doe")
    #expect(named["author_label"] == "Jane Doe")
    let thesaurus = try row("example-2025:p2", "lifecycle:L4")
    #expect(thesaurus["predicate_id"] == "skos:closeMatch")
    #expect(thesaurus["mapping_justification"] == "semapv:LexicalMatching")
    #expect(thesaurus["mapping_tool"] == "evscan")
    #expect(thesaurus["mapping_tool_version"] == "0.1.0")
    #expect(thesaurus["object_label"] == "Verify and Validate")
    #expect(thesaurus["subject_source"] == "evscan_framework:example-2025")
    let rule = try row("example-2025:p2", "actor:A1")
    #expect(rule["mapping_justification"] == "semapv:MappingChaining")
    let classifier = try row("schuett-2023:1", "mitigation:1.2")
    #expect(classifier["mapping_justification"] == "semapv:LexicalSimilarityThresholdMatching")
    #expect(classifier["confidence"] == "0.55")
    #expect(classifier["subject_label"] == "Pre-deployment risk assessments")
    #expect(
      classifier["comment"]
        == "needs review; concept: \"risk assessment\" at words 8-9 (0.8); alternative: 3.1 Testing & Auditing, 0.41"
    )
  }

  @Test("values shared by every row are lifted into the metadata block")
  func condensation() throws {
    let parsed = try Self.parse(try SnapshotFixtures.loadJSON("minimal.json"))
    #expect(
      parsed.header == [
        "subject_id", "subject_label", "predicate_id", "object_id", "object_label", "mapping_justification",
        "confidence",
      ])
    #expect(parsed.metadata.contains("subject_source: evscan_framework:solo-2024"))
    #expect(parsed.metadata.contains("mapping_tool: evscan"))
    #expect(parsed.metadata.contains(#"mapping_tool_version: "0.1.0""#))
    #expect(parsed.rows.first?["confidence"] == "0.75")
  }

  @Test("tabs and quotes in labels and comments are quoted, not split")
  func quoting() throws {
    let parsed = try Self.parse(try SnapshotFixtures.loadJSON("tricky-text.json"))
    #expect(parsed.rows.allSatisfy { $0.count == parsed.header.count })
    let row = try #require(parsed.rows.first { $0["object_id"] == "mitigation:1.1" })
    #expect(row["comment"] == "needs review; feature: word \"board\"\tweight (-0.125); alternative: X.X, 0.1")
    #expect(row["object_label"] == "Board | committee")
    #expect(row["confidence"] == "0.333")
    let human = try #require(parsed.rows.first { $0["object_id"] == "mitigation:X.X" })
    #expect(human["subject_id"] == "evscan:quirks-2025:%C3%A9-%C3%BC")
    #expect(human["author_label"] == "R. / Reviewer")
    #expect(human["confidence"] == "0.001")
  }
}
