import ContentHash
import Foundation
import ScanModel

/// `mappings.sssom.tsv`: every statement-to-code mapping as an SSSOM/TSV mapping set, with the metadata
/// block embedded. It follows the canonical rules where they apply: columns in the spec's slot order,
/// rows sorted on all columns, scores with at most three decimals, the built-in prefixes (skos, semapv)
/// left out of the `curie_map`, and set-wide values lifted into the metadata block.
enum SSSOMExport {
  /// Mapping slots we fill, in the order of the SSSOM `Mapping` class.
  static let columns = [
    "subject_id", "subject_label", "predicate_id", "object_id", "object_label", "mapping_justification",
    "author_id", "author_label", "subject_source", "mapping_tool", "mapping_tool_version", "confidence",
    "comment",
  ]
  /// Slots whose one shared value belongs in the metadata block (SSSOM "condensation").
  static let propagatable: Set<String> = ["subject_source", "mapping_tool", "mapping_tool_version"]
  /// Prefixes SSSOM defines itself; a canonical file does not declare them.
  static let builtInPrefixes: Set<String> = [
    "owl", "rdf", "rdfs", "semapv", "skos", "sssom", "xsd", "linkml",
  ]

  static let statementPrefix = "evscan"
  static let frameworkPrefix = "evscan_framework"
  static let coderPrefix = "evscan_coder"
  static let orcidPrefix = "orcid"

  struct Options {
    var mappingSetID: String
    var license: String
  }

  static func render(_ index: SnapshotIndex, options: Options) throws -> Data {
    let facetPrefixes = facetPrefixes(index)
    var usedPrefixes: Set<String> = []
    var rows: [[String]] = []
    rows.reserveCapacity(index.content.assignments.count)
    for assignment in index.content.assignments {
      guard let statement = index.statements[assignment.statementID] else { continue }
      rows.append(
        row(
          for: assignment, of: statement, in: index, facetPrefixes: facetPrefixes, usedPrefixes: &usedPrefixes
        ))
    }

    let (kept, lifted) = condensed(rows)
    if lifted["subject_source"] == nil && !kept.contains(Column.subjectSource.rawValue) {
      usedPrefixes.remove(frameworkPrefix)
    }

    let table = rows.map { row in kept.map { row[$0] } }
      .sorted { $0.lexicographicallyPrecedes($1) { $0.bytePrecedes($1) } }
    let body = try tsv([kept.map { columns[$0] }] + table)
    let version = String(SHA256Digest.hex(body).prefix(16))

    let lines = metadata(
      index, options: options, version: version, lifted: lifted, usedPrefixes: usedPrefixes,
      facetPrefixes: facetPrefixes)
    var data = Data(lines.map { "#\($0)\n" }.joined().utf8)
    data.append(body)
    return data
  }

  /// A column's position in `columns` and in a row; a row holds every column, empty where it has no value.
  enum Column: Int, CaseIterable {
    case subjectID, subjectLabel, predicateID, objectID, objectLabel, mappingJustification, authorID
    case authorLabel, subjectSource, mappingTool, mappingToolVersion, confidence, comment
  }

  /// One assignment's mapping row, noting in `usedPrefixes` the prefixes its CURIEs use.
  static func row(
    for assignment: CodeAssignment, of statement: Statement, in index: SnapshotIndex,
    facetPrefixes: [String: String], usedPrefixes: inout Set<String>
  ) -> [String] {
    let facetPrefix = facetPrefixes[assignment.facet] ?? assignment.facet
    var row = [String](repeating: "", count: Column.allCases.count)
    row[Column.subjectID.rawValue] = "\(statementPrefix):\(curieLocal(statement.id))"
    row[Column.subjectLabel.rawValue] = index.actionName(of: statement)
    row[Column.objectID.rawValue] = "\(facetPrefix):\(curieLocal(assignment.code))"
    row[Column.objectLabel.rawValue] = index.code(assignment.code, facet: assignment.facet)?.name ?? ""
    row[Column.subjectSource.rawValue] = "\(frameworkPrefix):\(curieLocal(statement.framework))"
    row[Column.confidence.rawValue] = DecimalText.format(assignment.score)
    row[Column.comment.rawValue] = comment(assignment)
    usedPrefixes.formUnion([statementPrefix, facetPrefix, frameworkPrefix])
    switch assignment.method {
    case .human:
      row[Column.predicateID.rawValue] = "skos:exactMatch"
      row[Column.mappingJustification.rawValue] = "semapv:ManualMappingCuration"
      let decision = index.codeDecisions[statement.id]?.first {
        $0.facet == assignment.facet && $0.code == assignment.code
      }
      if let coder = decision?.coder.trimmed, !coder.isEmpty {
        let (prefix, id) = authorID(coder)
        row[Column.authorID.rawValue] = "\(prefix):\(id)"
        row[Column.authorLabel.rawValue] = coder.replacingOccurrences(of: "|", with: "/")
        usedPrefixes.insert(prefix)
      }
    case .thesaurus, .classifier, .rule:
      row[Column.predicateID.rawValue] = "skos:closeMatch"
      row[Column.mappingJustification.rawValue] = justification(assignment.method)
      row[Column.mappingTool.rawValue] = "evscan"
      row[Column.mappingToolVersion.rawValue] = index.content.run.toolVersion
    }
    return row
  }

  /// The positions of the columns the file keeps, and the values lifted into the metadata block: a
  /// propagatable column whose every row holds the same value.
  static func condensed(_ rows: [[String]]) -> (kept: [Int], lifted: [String: String]) {
    var lifted: [String: String] = [:]
    var kept = columns.indices.filter { column in rows.contains { !$0[column].isEmpty } }
    for column in kept where propagatable.contains(columns[column]) {
      let value = rows.first?[column] ?? ""
      if !value.isEmpty && rows.allSatisfy({ $0[column] == value }) { lifted[columns[column]] = value }
    }
    kept.removeAll { lifted[columns[$0]] != nil }
    return (kept, lifted)
  }

  /// The metadata block's lines, without their `#`: the CURIE map, the set's identity and the lifted slots.
  static func metadata(
    _ index: SnapshotIndex, options: Options, version: String, lifted: [String: String],
    usedPrefixes: Set<String>, facetPrefixes: [String: String]
  ) -> [String] {
    var curieMap: [(String, String)] = []
    for prefix in usedPrefixes.sorted(by: { $0.bytePrecedes($1) }) where !builtInPrefixes.contains(prefix) {
      curieMap.append((prefix, iri(forPrefix: prefix, facetPrefixes: facetPrefixes)))
    }
    var lines = ["curie_map:"] + curieMap.map { "  \($0.0): \(yamlScalar($0.1))" }
    lines.append("mapping_set_id: \(yamlScalar(options.mappingSetID))")
    lines.append("mapping_set_version: \(yamlScalar(version))")
    lines.append("mapping_set_title: \(yamlScalar("EvidenceScan statement-to-code mappings"))")
    let versions = index.content.taxonomy.map { "\($0.facet) \($0.version)" }.joined(separator: ", ")
    lines.append(
      "mapping_set_description: "
        + yamlScalar(
          "Every code each extracted statement received, one row per statement, facet and code, "
            + "with the method, confidence and reasons. Coding schemes: \(versions)."))
    lines.append("license: \(yamlScalar(options.license))")
    if let source = lifted["subject_source"] { lines.append("subject_source: \(yamlScalar(source))") }
    lines.append("object_type: \(yamlScalar("skos concept"))")
    if let tool = lifted["mapping_tool"] { lines.append("mapping_tool: \(yamlScalar(tool))") }
    if let version = lifted["mapping_tool_version"] {
      lines.append("mapping_tool_version: \(yamlScalar(version))")
    }
    return lines
  }

  /// Each facet's CURIE prefix: its id when that is a safe prefix name of its own, else a qualified one.
  static func facetPrefixes(_ index: SnapshotIndex) -> [String: String] {
    let reserved = builtInPrefixes.union([statementPrefix, frameworkPrefix, coderPrefix, orcidPrefix])
    var result: [String: String] = [:]
    var taken: Set<String> = []
    for facet in index.content.taxonomy {
      var name = ncName(facet.facet)
      if reserved.contains(name) || taken.contains(name) || name != facet.facet { name = "evscan_" + name }
      while taken.contains(name) { name += "_" }
      taken.insert(name)
      result[facet.facet] = name
    }
    return result
  }

  static func iri(forPrefix prefix: String, facetPrefixes: [String: String]) -> String {
    switch prefix {
    case statementPrefix: return "urn:evscan:statement:"
    case frameworkPrefix: return "urn:evscan:framework:"
    case coderPrefix: return "urn:evscan:coder:"
    case orcidPrefix: return "https://orcid.org/"
    default:
      let facet = facetPrefixes.first { $0.value == prefix }?.key ?? prefix
      return "urn:evscan:code:\(curieLocal(facet)):"
    }
  }

  static func justification(_ method: CodeAssignment.Method) -> String {
    switch method {
    case .thesaurus: return "semapv:LexicalMatching"
    // A trained model over words and thesaurus concepts, accepted above a score threshold.
    case .classifier: return "semapv:LexicalSimilarityThresholdMatching"
    // Derived by way of the statement's primary mitigation code, through the facet defaults.
    case .rule: return "semapv:MappingChaining"
    case .human: return "semapv:ManualMappingCuration"
    }
  }

  static func comment(_ assignment: CodeAssignment) -> String {
    var parts: [String] = []
    if assignment.needsReview { parts.append("needs review") }
    if assignment.rank > 1 { parts.append("rank \(assignment.rank)") }
    for reason in assignment.reasons {
      var text = "\(reason.kind.rawValue): \(reason.text)"
      if let weight = reason.weight { text += " (\(DecimalText.format(weight)))" }
      parts.append(text)
    }
    return parts.joined(separator: "; ")
  }

  static func authorID(_ coder: String) -> (prefix: String, id: String) {
    var bare = coder
    if bare.lowercased().hasPrefix("orcid:") { bare = String(bare.dropFirst(6)) }
    let orcid = bare.range(of: #"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"#, options: .regularExpression) != nil
    return orcid ? (orcidPrefix, bare) : (coderPrefix, curieLocal(coder))
  }

  /// A CURIE's local part: letters, digits and `._~:/-` as they are, anything else percent-encoded.
  static func curieLocal(_ text: String) -> String {
    var result: [UInt8] = []
    result.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
        UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "-"):
        result.append(byte)
      default:
        result.append(UInt8(ascii: "%"))
        result.append(contentsOf: String(byte, radix: 16, uppercase: true).leftPadded(to: 2).utf8)
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  static func ncName(_ text: String) -> String {
    var name = String(
      text.map {
        $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") ? $0 : "_"
      })
    if let first = name.first, !(first.isLetter || first == "_") { name = "_" + name }
    return name.isEmpty ? "_" : name
  }

  /// A YAML scalar in plain style when that is unambiguous, else double-quoted, as canonical SSSOM asks.
  static func yamlScalar(_ text: String) -> String {
    let keywords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
    let plainSafe = text.unicodeScalars.allSatisfy { scalar in
      (scalar.value >= 0x20 && scalar.value < 0x7F && !"\"'#{}[],&*!|>%@`\\".unicodeScalars.contains(scalar))
    }
    let startsSafe = text.first.map { $0.isLetter } ?? false
    if plainSafe && startsSafe && !keywords.contains(text.lowercased()) && !text.contains(": ")
      && !text.hasSuffix(":") && !text.hasSuffix(" ")
    {
      return text
    }
    var escaped = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      case "\r": escaped += "\\r"
      default:
        if scalar.value < 0x20 {
          escaped += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return escaped + "\""
  }

  /// Tab-separated rows, quoted as SSSOM/TSV asks (RFC 4180 rules with a tab for the comma).
  static func tsv(_ rows: [[String]]) throws -> Data {
    try DelimitedText.render(rows, delimiter: "\t")
  }
}
