import Foundation
import ScanModel

/// A realistic small snapshot, for the snapshot's tests and the rendering tests beside the commands: four frameworks (one without an MIT source key), eight statements with
/// commas, quotes and line breaks in their text, codes from every method, five mitigations (single,
/// merged, must-linked), a review pair, human decisions, identity changes and a retired id.
public enum SnapshotFixtures {
  public static let sha = String(repeating: "ab", count: 32)

  public static var taxonomy: [TaxonomyFacet] {
    [
      TaxonomyFacet(
        facet: "mitigation", name: "MIT AI Risk Mitigation Taxonomy", version: "1.0.0",
        source: "Saeri et al. (2025)", cardinality: .primary,
        codes: [
          .init(code: "1", name: "Governance & Oversight Controls", definition: "Who decides."),
          .init(
            code: "1.1", name: "Board Structure & Oversight", definition: "Boards and committees.",
            parent: "1",
            includes: ["a board risk committee"], excludes: ["the risk process -> 1.2"]),
          .init(
            code: "1.2", name: "Risk Management", definition: "The risk process.", parent: "1", includes: []),
          .init(code: "2", name: "Technical & Security Controls", definition: "The model and its security."),
          .init(code: "2.1", name: "Model & Infrastructure Security", definition: "Security.", parent: "2"),
          .init(code: "3", name: "Operational Process Controls", definition: "Day-to-day processes."),
          .init(
            code: "3.1", name: "Testing & Auditing", definition: "Evaluations, red teaming, audits.",
            parent: "3"),
          .init(code: "4", name: "Transparency & Accountability Controls", definition: "Disclosure."),
          .init(
            code: "4.4", name: "Governance Disclosure", definition: "Publishing frameworks.", parent: "4"),
          .init(code: "X.X", name: "Not otherwise categorized", definition: "None of the above."),
        ]),
      TaxonomyFacet(
        facet: "lifecycle", name: "AI system lifecycle stage (OECD)", version: "1.0.0", source: "OECD",
        cardinality: .multiple,
        codes: [
          .init(code: "L1", name: "Plan and Design", definition: "Before building."),
          .init(code: "L4", name: "Verify and Validate", definition: "Testing."),
          .init(code: "L6", name: "Operate and Monitor", definition: "In use."),
        ]),
      TaxonomyFacet(
        facet: "actor", name: "Responsible actor", version: "1.0.0", source: "EvidenceScan",
        cardinality: .multiple,
        codes: [
          .init(code: "A1", name: "Developer", definition: "Builds the model."),
          .init(code: "A2", name: "Deployer", definition: "Puts it into use."),
        ]),
    ]
  }

  public static func framework(
    _ slug: String, sourceKey: String?, title: String, year: Int,
    format: FrameworkManifest.Document.Format = .html,
    units: Int
  ) -> FrameworkRecord {
    let file = format == .html ? "document.html" : "document.xml"
    return FrameworkRecord(
      manifest: FrameworkManifest(
        slug: slug, sourceKey: sourceKey,
        citation: .init(
          title: title, authors: ["A. Author", "B. Author"], year: year, publisher: "Publisher of \(slug)",
          identifier: year == 2024 ? "NIST AI 600-1" : nil, url: "https://example.org/\(slug)",
          licence: "unknown"),
        identification: .init(confidence: .high, note: "Matched by title and year."),
        original: .init(url: "https://example.org/\(slug).pdf", format: .pdf),
        document: .init(
          file: file, sha256: sha, format: format, origin: .standIn,
          encoding: format == .html ? "utf-8" : nil,
          note: slug == "nist-2024" ? "A stand-in." : nil),
        recipe: Recipe(
          preset: format == .html ? "html-sections" : "tei", units: "//p[@class='measure']",
          labelPattern: #"^(\d+)\."#, fields: slug == "nist-2024" ? ["risks": "td[3]"] : nil,
          minimumLength: 20)),
      documentPath: "\(slug)/\(file)", documentBytes: 12_345, unitsMatched: units)
  }

  public static func statement(
    _ id: String, title: String? = nil, label: String? = nil, section: [String] = ["2 Measures"],
    text: String,
    line: Int, fields: [String: String] = [:]
  ) -> Statement {
    let framework = String(id.split(separator: ":").first ?? "")
    return Statement(
      id: id, framework: framework, label: label, title: title, sectionPath: section, text: text,
      locator: "/html/body/div[2]/p[\(line)]", line: line, sourceSHA256: sha, rule: "//p[@class='measure']",
      fields: fields,
      // The NIST statements stand for ones read from a PDF, so the page goes through every writer and back.
      page: framework == "nist-2024" ? PagePosition(number: 17 + line % 3, top: 420 + line, left: 41) : nil)
  }

  public static func code(
    _ statement: String, _ facet: String, _ code: String, rank: Int = 1, score: Double,
    method: CodeAssignment.Method = .classifier, review: Bool = false, reasons: [CodingReason]? = nil
  ) -> CodeAssignment {
    CodeAssignment(
      statementID: statement, facet: facet, code: code, rank: rank, score: score, method: method,
      reasons: reasons ?? [CodingReason(kind: .concept, text: "\"red teaming\" at words 3-4", weight: 0.9)],
      needsReview: review)
  }

  public static func member(_ id: String, _ similarity: Double, _ joinedBy: String = "merge")
    -> MitigationMember
  {
    MitigationMember(statementID: id, similarityToRepresentative: similarity, joinedBy: joinedBy)
  }

  public static var content: SnapshotContent {
    let frameworks = [
      framework("example-2025", sourceKey: nil, title: "An Example Framework", year: 2025, units: 3),
      framework("nist-2024", sourceKey: "NIST2024", title: "Generative AI Profile", year: 2024, units: 2),
      framework(
        "schuett-2023", sourceKey: "Schuett2023", title: "Towards best practices", year: 2023, units: 4),
      framework(
        "uk-government-2023", sourceKey: "UK Government2023", title: "Emerging processes", year: 2023,
        format: .xml,
        units: 1),
    ]
    let statements = [
      statement(
        "example-2025:loc-0a1b2c", section: [], text: "Publish a safety framework. Update it yearly.",
        line: 10),
      statement(
        "example-2025:p2",
        text: "Perform third-party audits of models before deployment; document the results.",
        line: 14),
      statement(
        "nist-2024:gv-1-1-001", label: "GV-1.1-001", section: ["GOVERN", "GOVERN 1.1"],
        text: "Establish a board-level risk committee\nwith a mandate over frontier AI risks.", line: 40),
      statement(
        "nist-2024:mp-4-1-001", label: "MP-4.1-001", section: ["MAP", "MAP 4.1"],
        text: "Conduct red-teaming exercises, \"with domain experts\", to find dangerous capabilities.",
        line: 52,
        fields: ["risks": "CBRN, Dangerous capabilities"]),
      statement(
        "schuett-2023:1", title: "Pre-deployment risk assessments", label: "1",
        text:
          "AGI labs should take extensive measures to identify, analyze, and evaluate risks before deployment.",
        line: 20),
      statement(
        "schuett-2023:2", title: "Third-party model audits", label: "2",
        text: "AGI labs should commission third-party model audits before deploying powerful models.",
        line: 24),
      statement(
        "schuett-2023:3", label: "3",
        text: "Red teaming: AGI labs should red-team models, including for dangerous capabilities.", line: 28),
      statement(
        "uk-government-2023:risk-committee", title: "Board risk committee", section: ["Governance"],
        text: "Frontier AI organisations should have a board risk committee | with independent members.",
        line: 7),
    ]
    let actionNumbers = [
      "schuett-2023:1": 1, "schuett-2023:2": 2, "schuett-2023:3": 3, "nist-2024:gv-1-1-001": 4,
      "nist-2024:mp-4-1-001": 5, "uk-government-2023:risk-committee": 6, "example-2025:loc-0a1b2c": 7,
      "example-2025:p2": 8, "schuett-2023:retired-unit": 9,
    ]
    let assignments: [CodeAssignment] = [
      code(
        "example-2025:loc-0a1b2c", "mitigation", "4.4", score: 1, method: .human,
        reasons: [
          CodingReason(kind: .decision, text: "decisions/codes.csv:2: the framework is the disclosure")
        ]),
      code(
        "example-2025:loc-0a1b2c", "lifecycle", "L1", score: 0.6, method: .rule,
        reasons: [CodingReason(kind: .rule, text: "default of 4.4")]),
      code(
        "example-2025:loc-0a1b2c", "actor", "A1", score: 0.6, method: .rule,
        reasons: [CodingReason(kind: .rule, text: "default of 4.4")]),
      code("example-2025:p2", "mitigation", "3.1", score: 0.81),
      code("example-2025:p2", "lifecycle", "L4", score: 0.7, method: .thesaurus),
      code("example-2025:p2", "actor", "A1", score: 0.6, method: .rule),
      code("example-2025:p2", "actor", "A2", rank: 2, score: 0.41, method: .thesaurus, review: true),
      code("nist-2024:gv-1-1-001", "mitigation", "1.1", score: 0.92),
      code("nist-2024:gv-1-1-001", "lifecycle", "L1", score: 0.6, method: .rule),
      code("nist-2024:gv-1-1-001", "actor", "A1", score: 0.6, method: .rule),
      code("nist-2024:mp-4-1-001", "mitigation", "3.1", score: 0.88),
      code("nist-2024:mp-4-1-001", "lifecycle", "L4", score: 0.75, method: .thesaurus),
      code("nist-2024:mp-4-1-001", "actor", "A1", score: 0.6, method: .rule),
      code(
        "schuett-2023:1", "mitigation", "1.2", score: 0.55, review: true,
        reasons: [
          CodingReason(kind: .concept, text: "\"risk assessment\" at words 8-9", weight: 0.8),
          CodingReason(kind: .alternative, text: "3.1 Testing & Auditing, 0.41"),
        ]),
      code("schuett-2023:1", "mitigation", "3.1", rank: 2, score: 0.41),
      code("schuett-2023:1", "lifecycle", "L1", score: 0.6, method: .rule),
      code("schuett-2023:1", "actor", "A1", score: 0.6, method: .rule),
      code("schuett-2023:2", "mitigation", "3.1", score: 0.9),
      code("schuett-2023:2", "lifecycle", "L4", score: 0.6, method: .rule),
      code("schuett-2023:2", "actor", "A1", score: 0.6, method: .rule),
      code("schuett-2023:3", "mitigation", "3.1", score: 0.95),
      code("schuett-2023:3", "lifecycle", "L4", score: 0.8, method: .thesaurus),
      code("schuett-2023:3", "actor", "A1", score: 0.6, method: .rule),
      code(
        "uk-government-2023:risk-committee", "mitigation", "1.1", score: 1, method: .human,
        reasons: [CodingReason(kind: .decision, text: "decisions/codes.csv:3")]),
      code("uk-government-2023:risk-committee", "lifecycle", "L1", score: 0.6, method: .rule),
      code("uk-government-2023:risk-committee", "actor", "A1", score: 0.6, method: .rule),
    ]
    let mitigations = [
      Mitigation(
        id: "M0001", name: "Pre-deployment risk assessments", definition: statements[4].text,
        representativeStatementID: "schuett-2023:1", primaryCode: "1.2", sources: ["schuett-2023"],
        members: [member("schuett-2023:1", 1, "representative")]),
      Mitigation(
        id: "M0002", name: "Third-party model audits", definition: statements[5].text,
        representativeStatementID: "schuett-2023:2", primaryCode: "3.1",
        sources: ["example-2025", "schuett-2023"],
        members: [member("example-2025:p2", 0.74), member("schuett-2023:2", 1, "representative")]),
      Mitigation(
        id: "M0003", name: "Red teaming", definition: statements[6].text,
        representativeStatementID: "schuett-2023:3",
        primaryCode: "3.1", sources: ["nist-2024", "schuett-2023"],
        members: [member("nist-2024:mp-4-1-001", 0.82), member("schuett-2023:3", 1, "representative")]),
      Mitigation(
        id: "M0004", name: "Board risk committee", definition: statements[7].text,
        representativeStatementID: "uk-government-2023:risk-committee", primaryCode: "1.1",
        sources: ["nist-2024", "uk-government-2023"],
        members: [
          member("nist-2024:gv-1-1-001", 0.58, "must-link"),
          member("uk-government-2023:risk-committee", 1, "representative"),
        ]),
      Mitigation(
        id: "M0005", name: "Publish a safety framework", definition: statements[0].text,
        representativeStatementID: "example-2025:loc-0a1b2c", primaryCode: "4.4", sources: ["example-2025"],
        members: [member("example-2025:loc-0a1b2c", 1, "representative")]),
    ]
    let edges = [
      SimilarityEdge(
        a: "example-2025:p2", b: "schuett-2023:1", score: 0.52,
        components: ["concepts": 0.5, "lexical": 0.45, "tfidf": 0.61], verdict: .review,
        reason: "different actions (audit, assess)"),
      SimilarityEdge(
        a: "example-2025:p2", b: "schuett-2023:2", score: 0.74,
        components: ["concepts": 0.8, "lexical": 0.62, "tfidf": 0.71], verdict: .merge,
        reason: "same action (audit), shared object concepts"),
      SimilarityEdge(
        a: "nist-2024:gv-1-1-001", b: "uk-government-2023:risk-committee", score: 0.58,
        components: ["concepts": 0.7, "lexical": 0.4, "tfidf": 0.55], verdict: .merge,
        reason: "must-link decision"),
      SimilarityEdge(
        a: "nist-2024:mp-4-1-001", b: "schuett-2023:3", score: 0.82,
        components: ["concepts": 0.9, "lexical": 0.7, "tfidf": 0.8], verdict: .merge,
        reason: "same action (red-team), shared object concepts"),
    ]
    let counts = RunCounts(
      frameworks: 4, documents: 4, unitsMatched: 10, dropped: ["navigation": 1, "too-short": 1],
      statements: 8,
      coded: 8, needingReview: 2, statementsMergedAway: 3, canonicalMitigations: 5, reviewPairs: 1)
    let inputs =
      frameworks.flatMap { record in
        [
          InputFile(path: "frameworks/\(record.documentPath)", sha256: sha, role: "document"),
          InputFile(path: "frameworks/\(record.manifest.slug)/framework.yaml", sha256: sha, role: "manifest"),
        ]
      } + [
        InputFile(path: "decisions/codes.csv", sha256: sha, role: "decisions"),
        InputFile(path: "taxonomy/mitigation.yaml", sha256: sha, role: "taxonomy"),
      ]
    return SnapshotContent(
      run: RunRecord(
        toolVersion: "0.1.0", taxonomyVersion: "1.0.0", modelSHA256: String(repeating: "cd", count: 32),
        inputs: inputs.sorted { $0.path < $1.path }, counts: counts),
      taxonomy: taxonomy, frameworks: frameworks, statements: statements, actionNumbers: actionNumbers,
      dropped: [
        DroppedUnit(
          framework: "example-2025", reason: .tooShort, detail: "12 characters, fewer than 20",
          excerpt: "See below.",
          locator: "/html/body/div[2]/p[1]", line: 8, rule: "//p[@class='measure']"),
        DroppedUnit(
          framework: "schuett-2023", reason: .navigation, detail: "inside the table of contents",
          excerpt: "1. Pre-deployment risk assessments", locator: "/html/body/nav/p[1]", line: 3,
          rule: "//p[@class='measure']"),
      ],
      assignments: assignments, mitigations: mitigations, edges: edges,
      codeDecisions: [
        CodeDecision(
          statementID: "example-2025:loc-0a1b2c", facet: "mitigation", code: "4.4",
          coder: "0000-0002-1825-0097",
          rationale: "Publishing the framework is the disclosure.", date: "2025-05-02",
          source: SourceLocation(file: "decisions/codes.csv", line: 2)),
        CodeDecision(
          statementID: "uk-government-2023:risk-committee", facet: "mitigation", code: "1.1",
          coder: "Jane Doe",
          rationale: "A committee, not the process.", date: "2025-05-03",
          source: SourceLocation(file: "decisions/codes.csv", line: 3)),
      ],
      linkDecisions: [
        LinkDecision(
          a: "nist-2024:gv-1-1-001", b: "uk-government-2023:risk-committee", kind: .mustLink,
          reason: "Both ask for a board risk committee.", coder: "Jane Doe",
          source: SourceLocation(file: "decisions/links.csv", line: 2))
      ],
      identityChanges: [
        IdentityChange(kind: .kept, mitigationID: "M0001", from: ["M0001"]),
        IdentityChange(kind: .kept, mitigationID: "M0002", from: ["M0002"]),
        IdentityChange(kind: .kept, mitigationID: "M0003", from: ["M0003"]),
        IdentityChange(kind: .merged, mitigationID: "M0004", from: ["M0004", "M0006"]),
        IdentityChange(kind: .new, mitigationID: "M0005", from: []),
        IdentityChange(kind: .retired, mitigationID: "M0006", from: []),
      ],
      issuedMitigationIDs: ["M0001", "M0002", "M0003", "M0004", "M0005", "M0006"],
      warnings: [
        ScanDiagnostic(
          location: SourceLocation(file: "frameworks/nist-2024/document.html", line: 12, column: 3),
          message: "unexpected end tag </p>"),
        ScanDiagnostic(
          location: SourceLocation(file: "frameworks/example-2025/framework.yaml", element: "recipe.units"),
          message: "the recipe matched a unit | inside a table"),
      ],
      retiredMitigations: [
        RetiredMitigation(
          mitigationID: "M0006", fate: .merged, into: ["M0004"],
          statements: ["nist-2024:gv-1-1-001", "schuett-2023:retired-unit"],
          removedStatements: ["schuett-2023:retired-unit"])
      ])
  }

  // MARK: - JSON fixtures

  public static var fixturesFolder: URL {
    PackagePaths.fixtures(of: "SnapshotTests")
  }

  public static var jsonFixtureNames: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted()
  }

  public static func loadJSON(_ name: String) throws -> SnapshotContent {
    try JSONDecoder().decode(
      SnapshotContent.self, from: Data(contentsOf: fixturesFolder.appendingPathComponent(name)))
  }

  /// The built-in fixture (`built-in`) or a JSON fixture file by name.
  public static func named(_ name: String) throws -> SnapshotContent {
    name == "built-in" ? content : try loadJSON(name)
  }

  public static var allNames: [String] { ["built-in"] + jsonFixtureNames }
}
