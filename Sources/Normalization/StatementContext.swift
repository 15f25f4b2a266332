import ScanModel

/// Where a statement sits in its document: the headings above it, its label and the framework's own
/// fields (a NIST action's GAI risks, say). The classifier reads it as a block of its own, and reasons
/// name the section ("under MEASURE 2.7: ...").
public struct StatementContext: Sendable, Hashable, Codable {
  public var sectionPath: [String]
  public var label: String?
  public var fields: [String: String]

  public init(sectionPath: [String], label: String?, fields: [String: String]) {
    self.sectionPath = sectionPath
    self.label = label
    self.fields = fields
  }

  public init(_ statement: Statement) {
    self.init(sectionPath: statement.sectionPath, label: statement.label, fields: statement.fields)
  }

  /// The words the classifier reads: headings outermost first, the label, then the fields in key order.
  public var text: String? {
    let parts = sectionPath + [label ?? ""] + fields.keys.sorted().compactMap { fields[$0] }
    let joined = parts.filter { !$0.isEmpty }.joined(separator: " ; ")
    return joined.isEmpty ? nil : joined
  }

  /// The innermost heading, as reasons quote it.
  public var section: String? { sectionPath.last }
}
