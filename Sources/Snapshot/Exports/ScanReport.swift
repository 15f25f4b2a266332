import Foundation
import ScanModel

/// `report.md`: the scan for a person reading it: the flow as a PRISMA-style count table, where the
/// statements come from, the practices many frameworks share, what waits for review, and the warnings.
struct ScanReport {
  let index: SnapshotIndex
  /// How many shared practices the report lists.
  var sharedLimit = 15

  var content: SnapshotContent { index.content }

  func render() -> String {
    var lines: [String] = ["# EvidenceScan snapshot report", ""]
    let run = content.run
    var facts = ["evscan \(run.toolVersion)", "taxonomy \(run.taxonomyVersion)"]
    if let model = run.modelSHA256 { facts.append("classifier model \(model.prefix(12))") }
    if let pairModel = run.inputs.first(where: { $0.role == "pair-model" }) {
      facts.append("pair model \(pairModel.sha256.prefix(12))")
    }
    facts.append(
      "\(content.codeDecisions.count) code decisions and \(content.linkDecisions.count) merge decisions applied"
    )
    lines.append(facts.joined(separator: " · "))
    lines.append("")
    lines += flow()
    lines += documents()
    lines += screening()
    lines += perFramework()
    lines += shared()
    lines += review()
    lines += warnings()
    return lines.joined(separator: "\n") + "\n"
  }

  private func flow() -> [String] {
    let counts = content.run.counts
    var lines = ["## Flow of the scan", "", "| Step | Count |", "| --- | ---: |"]
    lines.append("| Frameworks | \(counts.frameworks) |")
    lines.append("| Documents read | \(counts.documents) |")
    lines.append("| Units matched by the recipes | \(counts.unitsMatched) |")
    for (reason, number) in droppedInOrder(counts.dropped)
    where reason != DroppedUnit.Reason.notAMitigation.rawValue {
      lines.append("| − dropped: \(Markdown.cell(reason)) | \(number) |")
    }
    if !content.screening.isEmpty {
      lines.append("| Units screened | \(content.screening.count) |")
      let excluded = counts.dropped[DroppedUnit.Reason.notAMitigation.rawValue] ?? 0
      lines.append("| − excluded at screening: not-a-mitigation | \(excluded) |")
      if content.sentencesBeyondUnits > 0 {
        lines.append("| + sentence statements beyond their units | \(content.sentencesBeyondUnits) |")
      }
    }
    lines.append("| Statements | \(counts.statements) |")
    lines.append("| Statements coded | \(counts.coded) |")
    lines.append("| … of which need review | \(counts.needingReview) |")
    lines.append(
      "| − statements merged into another statement's mitigation | \(counts.statementsMergedAway) |")
    lines.append("| Canonical mitigations | \(counts.canonicalMitigations) |")
    lines.append("")
    let sentences = content.sentencesBeyondUnits
    let plusSentences = sentences > 0 ? " − \(sentences) sentence statements beyond their units" : ""
    lines.append(
      "The counts add up: \(counts.unitsMatched) units matched = \(counts.statements) statements + "
        + "\(counts.droppedTotal) dropped (\(counts.dropped[DroppedUnit.Reason.notAMitigation.rawValue] ?? 0) "
        + "of them at screening)\(plusSentences); \(counts.coded) coded = \(counts.statements) statements; "
        + "\(counts.canonicalMitigations) mitigations = \(counts.statements) statements − "
        + "\(counts.statementsMergedAway) merged away.")
    lines.append("")
    return lines
  }

  /// Which document each framework was read from, so that nobody mistakes a scan of stand-ins for a scan of
  /// the originals.
  private func documents() -> [String] {
    var lines = [
      "## Documents read", "", "| Framework | Document | Format | Origin | SHA-256 |",
      "| --- | --- | --- | --- | --- |",
    ]
    for record in content.frameworks {
      let document = record.manifest.document
      let cells = [
        Markdown.cell(record.manifest.slug), Markdown.cell(document.file), document.format.rawValue,
        document.origin.rawValue, String(document.sha256.prefix(12)),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    lines.append("")
    let standIns = content.frameworks.filter { $0.manifest.document.origin == .standIn }.count
    if standIns > 0 {
      lines.append(
        "\(standIns) of \(content.frameworks.count) documents are stand-ins written for this project in the "
          + "markup of the original, with statements in their own words: their counts describe the stand-ins, "
          + "not the frameworks. `evscan fetch` gets the originals.")
    } else {
      lines.append("Every document is a retrieved copy of the framework's original.")
    }
    lines.append("")
    return lines
  }

  /// Per framework: units screened, kept and excluded, and who decided (the model, the recipe, a person).
  private func screening() -> [String] {
    guard !content.screening.isEmpty else { return [] }
    var lines = [
      "## Screening", "",
      "| Framework | Units | Kept | Excluded | By the recipe | By a person | Least sure (within 0.1 of the threshold) |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    let byFramework = Dictionary(grouping: content.screening, by: \.framework)
    for slug in byFramework.keys.sorted(by: { $0.bytePrecedes($1) }) {
      let verdicts = byFramework[slug] ?? []
      let kept = verdicts.filter { $0.decision == .include }.count
      let cells = [
        Markdown.cell(slug), "\(verdicts.count)", "\(kept)", "\(verdicts.count - kept)",
        "\(verdicts.filter { $0.decidedBy == .recipe }.count)",
        "\(verdicts.filter { $0.decidedBy == .person }.count)",
        "\(verdicts.filter { $0.decidedBy == .model && abs($0.probability - $0.threshold) < 0.1 }.count)",
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    lines.append("")
    lines.append(
      "Excluded units are in the database (`screening`, `dropped_units`) with their probability and reasons; "
        + "`evscan review --screening` lists the least sure, and decisions/screening.csv overrules the model."
    )
    lines.append("")
    return lines
  }

  /// Known reasons in the order the model lists them, then any others by name; zero counts are left out.
  private func droppedInOrder(_ dropped: [String: Int]) -> [(String, Int)] {
    let known = DroppedUnit.Reason.allCases.map(\.rawValue)
    let others = dropped.keys.filter { !known.contains($0) }.sorted { $0.bytePrecedes($1) }
    return (known + others).compactMap { reason in
      guard let number = dropped[reason], number != 0 else { return nil }
      return (reason, number)
    }
  }

  private func perFramework() -> [String] {
    let facet = index.primaryFacet
    let roots =
      index.facets[facet]?.codes.filter { $0.parent == nil }.map(\.code) ?? []
    let (table, uncoded) = statementsPerFrameworkAndCategory()
    let extraRoots = Set(table.values.flatMap(\.keys)).subtracting(roots).sorted { $0.bytePrecedes($1) }
    let columns = roots + extraRoots
    let showUncoded = !uncoded.isEmpty
    var header = ["Framework", "Source"] + columns.map(Self.categoryHeading)
    if showUncoded { header.append("none") }
    header.append("Total")
    var lines = [
      "## Statements per framework and category", "",
      "| " + header.joined(separator: " | ") + " |",
      "| --- | --- |" + String(repeating: " ---: |", count: header.count - 2),
    ]
    var totals = [Int](repeating: 0, count: columns.count)
    var uncodedTotal = 0
    for record in content.frameworks {
      let slug = record.manifest.slug
      let row = columns.map { table[slug]?[$0] ?? 0 }
      for (offset, value) in row.enumerated() { totals[offset] += value }
      let none = uncoded[slug] ?? 0
      uncodedTotal += none
      var cells = [Markdown.cell(slug), Markdown.cell(record.manifest.sourceName)] + row.map(String.init)
      if showUncoded { cells.append(String(none)) }
      cells.append(String(row.reduce(0, +) + none))
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    var totalCells = ["**Total**", ""] + totals.map(String.init)
    if showUncoded { totalCells.append(String(uncodedTotal)) }
    totalCells.append(String(totals.reduce(0, +) + uncodedTotal))
    lines.append("| " + totalCells.joined(separator: " | ") + " |")
    lines.append("")
    return lines + categoryNames(columns)
  }

  /// Each framework's statements counted per category of their primary code, and those without one.
  private func statementsPerFrameworkAndCategory() -> (
    table: [String: [String: Int]], uncoded: [String: Int]
  ) {
    let facet = index.primaryFacet
    var table: [String: [String: Int]] = [:]
    var uncoded: [String: Int] = [:]
    for statement in content.statements {
      if let primary = index.primaryAssignment(of: statement.id) {
        table[statement.framework, default: [:]][
          index.rootCode(of: primary.code, facet: facet), default: 0] += 1
      } else {
        uncoded[statement.framework, default: 0] += 1
      }
    }
    return (table, uncoded)
  }

  /// The key to the table's category columns, when the taxonomy names them.
  private func categoryNames(_ columns: [String]) -> [String] {
    let names = columns.compactMap { code -> String? in
      guard let name = index.code(code, facet: index.primaryFacet)?.name else { return nil }
      return "\(Self.categoryHeading(code)) \(name)"
    }
    guard !names.isEmpty else { return [] }
    return ["Categories: " + names.joined(separator: "; ") + ".", ""]
  }

  /// `1` for category 1; `X` for the "not otherwise categorized" code `X.X`.
  static func categoryHeading(_ code: String) -> String {
    String(code.split(separator: ".", omittingEmptySubsequences: false).first ?? Substring(code))
  }

  private func shared() -> [String] {
    let ranked = content.mitigations
      .filter { Set($0.sources).count > 1 }
      .sortedCanonically { [.number(-Set($0.sources).count), .number(-$0.members.count), .text($0.id)] }
    var lines = ["## Practices the most frameworks share", ""]
    guard !ranked.isEmpty else {
      return lines + ["No mitigation is stated by more than one framework.", ""]
    }
    lines.append("| Mitigation | Name | Code | Frameworks | Which |")
    lines.append("| --- | --- | --- | ---: | --- |")
    for mitigation in ranked.prefix(sharedLimit) {
      let code = mitigation.primaryCode.map { index.display($0, facet: index.primaryFacet) } ?? ""
      let sources = mitigation.sources.map { index.sourceName(ofFramework: $0) }
      lines.append(
        "| \(mitigation.id) | \(Markdown.cell(mitigation.name)) | \(Markdown.cell(code)) | "
          + "\(Set(mitigation.sources).count) | \(Markdown.cell(sources.joined(separator: ", "))) |")
    }
    if ranked.count > sharedLimit {
      lines.append("")
      lines.append(
        "\(ranked.count) mitigations are stated by more than one framework; the table shows the first \(sharedLimit)."
      )
    }
    lines.append("")
    return lines
  }

  private func review() -> [String] {
    let counts = content.run.counts
    let reviewEdges = content.edges.filter { $0.verdict == .review }.count
    var lines = ["## Waiting for review", ""]
    lines.append(
      "- Statement pairs close enough to look at but not merged: \(counts.reviewPairs) "
        + "(\(reviewEdges) review edges in the database). Query the `review_pairs` view; record a must-link "
        + "or cannot-link decision in decisions/ to settle a pair.")
    lines.append(
      "- Statements that need review: \(counts.needingReview). Query the `review_queue` view; "
        + "record a code decision in decisions/codes.csv to settle one.")
    lines.append(
      "- Human decisions applied in this run: \(content.codeDecisions.count) on codes, "
        + "\(content.linkDecisions.count) on links.")
    lines.append("")
    return lines
  }

  private func warnings() -> [String] {
    var lines = ["## Warnings", ""]
    guard !content.warnings.isEmpty else { return lines + ["None.", ""] }
    for warning in content.warnings {
      lines.append(
        "- `\(warning.location)`: \(warning.severity.rawValue): \(Markdown.inline(warning.message))")
    }
    lines.append("")
    return lines
  }
}
