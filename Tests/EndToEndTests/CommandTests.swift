import Foundation
import ScanModel
import Snapshot
import TestSupport
import Testing

/// The README's promises, one command at a time, through the binary as a user runs it: adding a framework
/// (add-framework, check-framework, extract, a scan of it), auditing (code, review), the classifier (train,
/// evaluate) and comparing snapshots (diff --exit-code). One small framework written here, so that the
/// suite stays quick.
@Suite("The commands", .serialized)
struct CommandTests {
  /// A policy page in our own words: a navigation list, then two sections of commitments in <main>.
  static let policy = """
    <!DOCTYPE html>
    <html><head><title>Acme Safety Policy</title></head>
    <body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>
    <main>
    <h2>Governance</h2>
    <ul>
    <li>We appoint a board-level safety committee with the power to halt a deployment.</li>
    <li>We publish an annual report on the incidents our models were involved in.</li>
    </ul>
    <h2>Model security</h2>
    <ul>
    <li>We encrypt model weights at rest and restrict access to a few named staff.</li>
    </ul>
    </main>
    </body></html>
    """

  /// A project holding the shipped taxonomy, model and configuration and no framework yet.
  static func project() throws -> URL {
    let folder = try Evscan.temporaryFolder()
    for part in ["taxonomy", "models", "config"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent(part), to: folder.appendingPathComponent(part))
    }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("frameworks"), withIntermediateDirectories: true)
    try Data(policy.utf8).write(to: folder.appendingPathComponent("acme-safety-policy.html"))
    return folder
  }

  /// Job 2, as the README walks through it: add-framework detects the preset, writes the manifest and tries
  /// the recipe; check-framework and extract report on it; a scan takes it in; a recipe that yields nothing
  /// is refused with the hint to set `allowEmpty: true`.
  @Test func addingAFramework() throws {
    let project = try Self.project()
    defer { try? FileManager.default.removeItem(at: project) }
    let added = try Evscan.run(
      ["add-framework", "acme-2026", "--document", "acme-safety-policy.html", "--key", "Acme2026"],
      in: project)
    #expect(added.status == 0, "\(added.errors)")
    let lines = added.output.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("created ") == true)
    #expect(lines.first?.hasSuffix("/frameworks/acme-2026/") == true)
    #expect(lines.contains("preset: generic; document: document.html"))
    // Five list items: the two in <nav> are dropped as navigation.
    #expect(lines.contains("3 statements from 5 units"))
    #expect(lines.contains("note: 2 units dropped as navigation"))
    #expect(lines.contains("  2\tGovernance") && lines.contains("  1\tModel security"))
    #expect(lines.contains { $0.hasPrefix("  acme-2026:") && $0.hasSuffix("halt a deployment.") })
    let folder = project.appendingPathComponent("frameworks/acme-2026")
    let copied = try Data(contentsOf: folder.appendingPathComponent("document.html"))
    #expect(copied == Data(Self.policy.utf8))
    let manifest = try String(contentsOf: folder.appendingPathComponent("framework.yaml"), encoding: .utf8)
    #expect(manifest.contains("Acme Safety Policy") && manifest.contains("Acme2026"))
    #expect(try manifest.contains(Self.sha256(copied)), "the manifest does not record the document's SHA-256")

    let checked = try Evscan.run(["check-framework", "frameworks/acme-2026"], in: project)
    #expect(checked.status == 0, "\(checked.errors)")
    #expect(
      checked.output == "acme-2026: ok, 3 statements from 5 units (dropped: 2 navigation), 6 warnings\n",
      "\(checked.output)")
    // The manifest's placeholders are warned about (and counted above), each on its own line naming the
    // manifest and the key.
    let warnings = checked.errors.split(separator: "\n").map { $0.components(separatedBy: ": warning: ") }
    #expect(warnings.allSatisfy { $0.count == 2 && $0[0].hasSuffix("frameworks/acme-2026/framework.yaml") })
    #expect(
      warnings.map { $0.last ?? "" } == [
        "citation.year is not filled in", "citation.authors is empty", "citation.publisher still says TODO",
        "citation.url still says TODO", "original.url still says TODO", "identification.note still says TODO",
      ])

    let table = try Evscan.run(["extract", "frameworks/acme-2026", "--format", "table"], in: project)
    #expect(table.status == 0, "\(table.errors)")
    let rows = table.output.split(separator: "\n").filter { $0.contains("acme-2026:") }
    #expect(rows.count == 3, "\(table.output)")
    let jsonl = try Evscan.run(["extract", "frameworks/acme-2026"], in: project)
    #expect(jsonl.output.split(separator: "\n").count == 3)

    let scan = try Evscan.run(["scan", "--quiet", "--no-cache"], in: project)
    #expect(scan.status == 0, "\(scan.errors)")
    let content = try SnapshotReader().read(from: project.appendingPathComponent("output"))
    #expect(content.statements.count == 3 && content.frameworks.map(\.manifest.slug) == ["acme-2026"])
    #expect(content.mitigations.count == 3 && content.run.counts.isConsistent)

    // A recipe that matches nothing is refused, with the way out.
    let path = folder.appendingPathComponent("framework.yaml")
    let narrowed = manifest.replacingOccurrences(
      of: "  preset: generic", with: "  preset: generic\n  units: \"//table//td\"")
    #expect(narrowed != manifest)
    try narrowed.write(to: path, atomically: true, encoding: .utf8)
    let empty = try Evscan.run(["check-framework", "frameworks/acme-2026"], in: project)
    #expect(empty.status != 0)
    #expect(
      empty.errors.contains("the recipe yields no statements")
        && empty.errors.contains("set `allowEmpty: true`"))
  }

  /// Job 4: two snapshots that differ give exit status 1 with --exit-code and say what differs; a snapshot
  /// against itself gives 0.
  @Test func diffOfSnapshotsThatDiffer() throws {
    let project = try Self.project()
    defer { try? FileManager.default.removeItem(at: project) }
    #expect(
      try Evscan.run(
        ["add-framework", "acme-2026", "--document", "acme-safety-policy.html"], in: project
      ).status == 0)
    #expect(try Evscan.run(["scan", "--quiet", "--no-cache"], in: project).status == 0)
    let shipped = Evscan.packageRoot.appendingPathComponent("output").path
    let acme = project.appendingPathComponent("output").path
    let same = try Evscan.run(["diff", shipped, shipped, "--exit-code"])
    #expect(same.status == 0, "\(same.errors)")
    let differ = try Evscan.run(["diff", shipped, acme, "--exit-code"])
    #expect(differ.status == 1, "\(differ.errors)")
    #expect(!differ.output.isEmpty)
    let json = try Evscan.run(["diff", shipped, acme, "--json"])
    #expect(json.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(!object.isEmpty)
    #expect(json.output.contains("acme-2026"))
  }

  /// `code` and the other commands that read the taxonomy take its checked values from the scan's cache when
  /// the folder has one, and code the same with it; in a folder without one they leave nothing behind.
  @Test func commandsUseTheScansTaxonomyCacheOnlyWhereThereIsOne() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for part in ["taxonomy", "models"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent(part), to: folder.appendingPathComponent(part))
    }
    let arguments = ["code", "Protect whistleblowers who raise safety concerns from retaliation.", "--json"]
    let plain = try Evscan.run(arguments, in: folder)
    #expect(plain.status == 0, "\(plain.errors)")
    let cache = folder.appendingPathComponent(".evscan-cache")
    #expect(!FileManager.default.fileExists(atPath: cache.path))

    try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
    let filling = try Evscan.run(arguments, in: folder)
    let stored = try FileManager.default.contentsOfDirectory(
      atPath: cache.appendingPathComponent("taxonomy").path)
    #expect(stored.count == 1)
    let cached = try Evscan.run(arguments, in: folder)
    #expect(filling.output == plain.output)
    #expect(cached.output == plain.output)
  }

  /// Job 3: `code` shows a statement's codes with reasons; `review` shows the review band of a snapshot.
  @Test func codeAndReview() throws {
    let coded = try Evscan.run([
      "code", "Protect whistleblowers who raise safety concerns from retaliation.", "--json",
    ])
    #expect(coded.status == 0, "\(coded.errors)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(coded.output.utf8)) as? [String: Any])
    let assignments = try #require(object["assignments"] as? [[String: Any]])
    let primary = try #require(
      assignments.first { $0["facet"] as? String == "mitigation" && $0["rank"] as? Int == 1 })
    #expect(primary["code"] as? String == "1.4")
    #expect(!((primary["reasons"] as? [Any]) ?? []).isEmpty)
    let text = try Evscan.run(["code", "Protect whistleblowers who raise safety concerns from retaliation."])
    #expect(text.status == 0 && text.output.contains("1.4"))

    let content = try SnapshotReader().read(from: Evscan.packageRoot.appendingPathComponent("output"))
    let band = content.edges.filter { $0.verdict == .review }
    #expect(band.count == content.run.counts.reviewPairs && band.count > 3)
    let review = try Evscan.run(["review", "--limit", "3", "--json"])
    #expect(review.status == 0, "\(review.errors)")
    let pairs = try #require(try JSONSerialization.jsonObject(with: Data(review.output.utf8)) as? [Any])
    #expect(pairs.count == 3)
    let highest = try #require(band.max { $0.score < $1.score })
    #expect(review.output.contains(highest.a) && review.output.contains(highest.b))
    let shown = try Evscan.run(["review", "--limit", "2"])
    #expect(shown.status == 0 && shown.output.contains(highest.a))
  }

  /// The classifier's commands on the small training files: train writes a model that records its file's
  /// SHA-256; evaluate cross-validates, and trains on one file and tests on another.
  @Test func trainAndEvaluate() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let training = Evscan.packageRoot.appendingPathComponent("Tests/NormalizationTests/Fixtures/training")
    let five = training.appendingPathComponent("five-column.csv").path
    let four = training.appendingPathComponent("four-column.csv").path
    let model = folder.appendingPathComponent("model.json")
    let trained = try Evscan.run(["train", "--examples", five, "--examples", four, "--output", model.path])
    #expect(trained.status == 0, "\(trained.errors)")
    #expect(trained.output.hasPrefix("trained on 5 examples"), "\(trained.output)")
    let written = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: model)) as? [String: Any])
    let files = try #require(written["trainingFiles"] as? [[String: Any]])
    #expect(
      files.map { $0["sha256"] as? String } == [try Self.sha256(file: five), try Self.sha256(file: four)])
    #expect(files.map { $0["rows"] as? Int } == [3, 2])

    // Cross-validation needs each code in every fold: eight examples, two of each of four codes.
    let coded = folder.appendingPathComponent("coded.csv")
    try Self.codedExamples.write(to: coded, atomically: true, encoding: .utf8)
    let crossValidated = try Evscan.run(["evaluate", "--examples", coded.path, "--folds", "2", "--json"])
    #expect(crossValidated.status == 0, "\(crossValidated.errors)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(crossValidated.output.utf8)) as? [String: Any])
    #expect(report["mode"] as? String == "cross-validation" && report["n"] as? Int == 8)
    #expect(report["folds"] as? Int == 2)
    let text = try Evscan.run(["evaluate", "--examples", coded.path, "--folds", "2"])
    #expect(text.status == 0 && text.output.hasPrefix("cross-validation (2 folds), 8 statements\n"))
    let trainTest = try Evscan.run(["evaluate", "--train", five, "--test", four, "--json"])
    #expect(trainTest.status == 0, "\(trainTest.errors)")
    let split = try #require(
      try JSONSerialization.jsonObject(with: Data(trainTest.output.utf8)) as? [String: Any])
    #expect(split["mode"] as? String == "train-test" && split["n"] as? Int == 2)
    let thesaurus = try Evscan.run(["evaluate", "--test", four])
    #expect(
      thesaurus.status == 0 && thesaurus.output.hasPrefix("thesaurus, 2 statements"), "\(thesaurus.output)")
    let both = try Evscan.run(["evaluate", "--examples", five, "--test", four])
    #expect(both.status == 64 && both.errors.contains("do not combine it with --train or --test"))
  }

  /// Eight statements in our own words, two for each of four codes, in the MIT export's five columns.
  static let codedExamples = """
    Action ID,Action Name,Action Definition,Action Source,MitigationCode
    A1_T,Red teaming,"Outside experts attack the model before release to find dangerous behaviour.",T,3.1 Testing & Auditing
    A2_T,Audits,"An independent auditor tests the system and reports what it found.",T,3.1 Testing & Auditing
    A3_T,Weights,"Model weights are kept in locked storage that few staff can open.",T,2.1 Model & Infrastructure Security
    A4_T,Access,"Access to the training servers needs two factors and is logged.",T,2.1 Model & Infrastructure Security
    A5_T,Whistleblowers,"Staff can raise safety concerns anonymously without fear of retaliation.",T,1.4 Whistleblower Reporting & Protection
    A6_T,Reporting line,"Employees may report risks to the board directly and are protected.",T,1.4 Whistleblower Reporting & Protection
    A7_T,Incidents,"Serious incidents are reported to the authority within days.",T,4.3 Incident Reporting
    A8_T,Incident log,"The company shares reports of incidents with regulators promptly.",T,4.3 Incident Reporting

    """

  static func sha256(_ data: Data) throws -> String {
    try CoreutilsDigest.sha256(data)
  }

  /// coreutils' digest, independent of evscan's own hashing.
  static func sha256(file: String) throws -> String {
    try CoreutilsDigest.sha256(file: file)
  }
}
