import ScanModel

extension StatementBuilder {
  /// The drafts as the recipe's `outline` reads them: labels, section paths and texts from the hierarchy
  /// of labels, lead-ins and definitions dropped. Without an outline, the drafts as they are.
  func outlined(_ drafts: [Draft]) throws -> [Draft] {
    guard let outline = recipe.outline else { return drafts }
    // Units in an excluded or skipped region stay out of the outline and keep their reason.
    let inOutline = drafts.filter { $0.dropReason?.0 != .navigation }
    let reader = OutlineReader(
      outline: outline, namespaces: recipe.namespaces, skipped: context.skipped, file: file)
    let entries = try reader.read(
      inOutline.map { OutlineReader.Paragraph(node: $0.node, text: $0.text, headingPath: $0.sectionPath) })
    var entryOfDraft: [ObjectIdentifier: OutlineReader.Entry] = [:]
    for (draft, entry) in zip(inOutline, entries) { entryOfDraft[ObjectIdentifier(draft)] = entry }
    return drafts.map { draft in
      guard let entry = entryOfDraft[ObjectIdentifier(draft)] else { return draft }
      var dropReason: (DroppedUnit.Reason, String)?
      if let reason = entry.drop {
        dropReason = (reason, entry.dropDetail)
      } else if entry.text.count < recipe.minimumLength {
        dropReason = (
          .tooShort,
          "\(entry.text.count) characters, under the recipe's minimumLength \(recipe.minimumLength)"
        )
      }
      return Draft(
        node: draft.node, text: entry.text, label: entry.label, title: draft.title,
        sectionPath: entry.sectionPath, fields: draft.fields, locator: draft.locator, line: draft.line,
        dropReason: dropReason)
    }
  }
}
