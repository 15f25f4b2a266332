import Foundation
import GRDB
import ScanModel
import TestSupport
import Testing

@testable import Snapshot

@Suite("Snapshot writer")
struct SnapshotWriterTests {
  @Test("writes every file of the snapshot", arguments: SnapshotFixtures.allNames)
  func writesEveryFile(fixture: String) throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(try SnapshotFixtures.named(fixture), to: folder)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == SnapshotFile.allCases.map(\.fileName).sorted())
  }

  @Test(
    "two writes of the same content are byte-identical, the database included",
    arguments: SnapshotFixtures.allNames)
  func deterministic(fixture: String) throws {
    let content = try SnapshotFixtures.named(fixture)
    let temporary = try TemporaryFolder()
    let first = try temporary.folder("first")
    let second = try temporary.folder("second")
    try SnapshotWriter().write(content, to: first)
    try SnapshotWriter().write(content, to: second)
    for file in SnapshotFile.allCases {
      let a = try Data(contentsOf: first.appendingPathComponent(file.fileName))
      let b = try Data(contentsOf: second.appendingPathComponent(file.fileName))
      #expect(a == b, "\(file.fileName) differs between two writes")
      #expect(!a.isEmpty)
    }
  }

  @Test("the order a stage produced its arrays in does not change the bytes")
  func orderIndependent() throws {
    let content = SnapshotFixtures.content
    var shuffled = content
    shuffled.statements.reverse()
    shuffled.assignments.reverse()
    shuffled.edges.reverse()
    shuffled.frameworks.reverse()
    shuffled.dropped.reverse()
    shuffled.mitigations = shuffled.mitigations.reversed().map { mitigation in
      var copy = mitigation
      copy.members.reverse()
      return copy
    }
    shuffled.issuedMitigationIDs.reverse()
    let temporary = try TemporaryFolder()
    let first = try temporary.folder("first")
    let second = try temporary.folder("second")
    try SnapshotWriter().write(content, to: first)
    try SnapshotWriter().write(shuffled, to: second)
    for file in SnapshotFile.allCases {
      let a = try Data(contentsOf: first.appendingPathComponent(file.fileName))
      let b = try Data(contentsOf: second.appendingPathComponent(file.fileName))
      #expect(a == b, "\(file.fileName) depends on input order")
    }
  }

  @Test("the database passes PRAGMA integrity_check and holds no dangling foreign keys")
  func integrity() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    let queue = try DatabaseQueue(path: folder.appendingPathComponent(SnapshotFile.database.fileName).path)
    try queue.read { (db: Database) throws in
      #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
      #expect(try Int.fetchOne(db, sql: "PRAGMA page_size") == 4096)
      #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete")
      #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == SnapshotSchema.applicationID)
      #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == SnapshotSchema.version)
      #expect(try Int.fetchOne(db, sql: "PRAGMA freelist_count") == 0)
    }
  }

  @Test("the manifest records every other file's SHA-256 and size, and the run's inputs and counts")
  func manifest() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    let content = SnapshotFixtures.content
    let returned = try SnapshotWriter().write(content, to: folder)
    let data = try Data(contentsOf: folder.appendingPathComponent(SnapshotFile.manifest.fileName))
    let manifest = try JSONDecoder().decode(SnapshotManifest.self, from: data)
    #expect(manifest == returned)
    #expect(manifest.format == "evscan-snapshot")
    #expect(manifest.counts == content.run.counts)
    #expect(manifest.inputs == content.run.inputs)
    #expect(manifest.facets == ["actor": "1.0.0", "lifecycle": "1.0.0", "mitigation": "1.0.0"])
    let others = SnapshotFile.allCases.filter { $0 != .manifest }
    #expect(Set(manifest.files.keys) == Set(others.map(\.fileName)))
    for file in others {
      let bytes = try Data(contentsOf: folder.appendingPathComponent(file.fileName))
      #expect(manifest.files[file.fileName]?.sha256 == SHA256Hex.of(bytes))
      #expect(manifest.files[file.fileName]?.bytes == bytes.count)
    }
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasSuffix("}\n"))
    #expect(text.range(of: #""counts" : \{"#, options: .regularExpression) != nil)
  }

  @Test("mitigations.json lists the canonical mitigations with their members, keys sorted")
  func mitigationsJSON() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    let data = try Data(contentsOf: folder.appendingPathComponent(SnapshotFile.json.fileName))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let mitigations = try #require(object["mitigations"] as? [[String: Any]])
    #expect(mitigations.map { $0["id"] as? String } == ["M0001", "M0002", "M0003", "M0004", "M0005"])
    let audits = mitigations[1]
    #expect(audits["primaryCode"] as? String == "3.1")
    #expect(audits["primaryCodeName"] as? String == "Testing & Auditing")
    let members = try #require(audits["members"] as? [[String: Any]])
    #expect(members.map { $0["statementID"] as? String } == ["example-2025:p2", "schuett-2023:2"])
    #expect(members[0]["actionID"] as? String == "A0008_example-2025")
    #expect(
      members[0]["text"] as? String
        == "Perform third-party audits of models before deployment; document the results.")
    let codes = try #require(members[0]["codes"] as? [String: [String]])
    #expect(codes == ["actor": ["A1", "A2"], "lifecycle": ["L4"], "mitigation": ["3.1"]])
    // Sorted keys: "definition" comes before "id", which comes before "members".
    let text = String(decoding: data, as: UTF8.self)
    let definition = try #require(text.range(of: "\"definition\""))
    let id = try #require(text.range(of: "\"id\""))
    #expect(definition.lowerBound < id.lowerBound)
  }
}
