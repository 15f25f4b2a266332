import ContentHash
import Foundation
import Markup
import ScanModel

/// Turns the units of one document into statements and dropped units, deciding ids and drops.
struct StatementBuilder {
  let framework: String
  let recipe: CompiledRecipe
  let sha256: String
  let context: UnitContext
  let file: String
  /// Whether units carry their PDF page and position (`page`, `top`, `left`: a document rebuilt from a PDF).
  var readsPages = false
  /// Labels the recipe's `labelFormat` rewrote, for the run's warnings.
  let notes = ExtractionNotes()

  /// What one unit says before ids and duplicates are decided. A class: the passes over the drafts
  /// would otherwise copy (retain and release) a dozen fields a draft each time.
  final class Draft {
    let node: Node
    let text: String
    let label: String?
    let title: String?
    let sectionPath: [String]
    let fields: [String: String]
    let locator: String
    let line: Int
    let dropReason: (DroppedUnit.Reason, String)?
    var page: PagePosition?

    init(
      node: Node, text: String, label: String?, title: String?, sectionPath: [String],
      fields: [String: String],
      locator: String, line: Int, dropReason: (DroppedUnit.Reason, String)?
    ) {
      self.node = node
      self.text = text
      self.label = label
      self.title = title
      self.sectionPath = sectionPath
      self.fields = fields
      self.locator = locator
      self.line = line
      self.dropReason = dropReason
    }

    /// The label's slug, worked out once for the count of labels and the id.
    var labelSlug: String? { label.map(StatementText.slug) }
  }

  func build() throws -> (statements: [Statement], dropped: [DroppedUnit]) {
    let drafts = try outlined(try makeDrafts())
    let slugs = drafts.map(\.labelSlug)
    let labelCounts = Self.labelCounts(drafts, slugs: slugs)
    let keepers = Self.duplicateKeepers(drafts)
    var statements: [Statement] = []
    var dropped: [DroppedUnit] = []
    // Keys after the framework's prefix, which every id shares.
    var usedKeys: Set<String> = []
    usedKeys.reserveCapacity(drafts.count)
    let idPrefix = framework + ":"
    var idOfDraft = [String?](repeating: nil, count: drafts.count)
    var pendingDuplicates: [(draft: Int, keeper: Int)] = []
    for (index, draft) in drafts.enumerated() {
      if let (reason, detail) = draft.dropReason {
        dropped.append(droppedUnit(draft, reason, detail))
        continue
      }
      if let keeper = keepers[index], keeper != index {
        pendingDuplicates.append((index, keeper))
        continue
      }
      let (chosen, firstCandidate) = chooseKey(
        for: draft, slug: slugs[index], labelCounts: labelCounts, usedKeys: &usedKeys)
      guard let key = chosen else {
        let taken = firstCandidate.map { idPrefix + $0 } ?? "(none)"
        dropped.append(droppedUnit(draft, .duplicateID, "id \(taken) is taken by an earlier unit"))
        continue
      }
      let id = idPrefix + key
      idOfDraft[index] = id
      statements.append(statement(from: draft, id: id))
    }
    for (index, keeper) in pendingDuplicates {
      let detail = "same text as \(idOfDraft[keeper] ?? "an earlier unit")"
      dropped.append(droppedUnit(drafts[index], .duplicateText, detail))
    }
    dropped.sort { ($0.line, $0.locator) < ($1.line, $1.locator) }
    return (statements, dropped)
  }

  /// How many kept units carry each label slug: a label names one unit only where it is unique.
  private static func labelCounts(_ drafts: [Draft], slugs: [String?]) -> [String: Int] {
    var labelCounts: [String: Int] = [:]
    labelCounts.reserveCapacity(drafts.count)
    for (draft, slug) in zip(drafts, slugs) where draft.dropReason == nil {
      if let slug { labelCounts[slug, default: 0] += 1 }
    }
    return labelCounts
  }

  /// The first of the recipe's identity sources that gives a key no earlier unit took (the key, now
  /// taken), and the first key any source gave, for the message when all were taken.
  private func chooseKey(
    for draft: Draft, slug: String?, labelCounts: [String: Int], usedKeys: inout Set<String>
  ) -> (chosen: String?, firstCandidate: String?) {
    // Sources are tried in order and computed only when needed: a locator's digest costs more than a label.
    var firstCandidate: String?  // a key, made an id only for the message
    for source in recipe.identity {
      let key: String?
      switch source {
      case .label:
        key = slug.flatMap { labelCounts[$0] == 1 ? $0 : nil }
      case .attribute:
        key = draft.node.attribute("id").flatMap(StatementText.safeKey)
      case .locator:
        key = "loc-" + SHA256Digest.hex(draft.locator, digits: 12)
      }
      guard let key else { continue }
      if firstCandidate == nil { firstCandidate = key }
      if usedKeys.insert(key).inserted { return (key, firstCandidate) }
    }
    return (nil, firstCandidate)
  }

  private func droppedUnit(_ draft: Draft, _ reason: DroppedUnit.Reason, _ detail: String) -> DroppedUnit {
    DroppedUnit(
      framework: framework, reason: reason, detail: detail,
      excerpt: String(draft.text.prefix(160)),
      locator: draft.locator, line: draft.line, rule: recipe.unitRule)
  }

  private func statement(from draft: Draft, id: String) -> Statement {
    Statement(
      id: id, framework: framework, label: draft.label, title: draft.title,
      sectionPath: draft.sectionPath,
      text: draft.text, locator: draft.locator, line: draft.line, sourceSHA256: sha256,
      rule: recipe.unitRule,
      fields: draft.fields, page: draft.page)
  }

  /// For units with the same text (a summary repeating the body), the one to keep: the copy with a title or
  /// label and the deeper section path says more about where the practice stands; ties go to the first.
  private static func duplicateKeepers(_ drafts: [Draft]) -> [Int?] {
    let groups = duplicateGroups(drafts)
    var keepers = [Int?](repeating: nil, count: drafts.count)
    for members in groups.values {
      func rank(_ index: Int) -> (Int, Int, Int) {
        let draft = drafts[index]
        return ((draft.title != nil ? 1 : 0) + (draft.label != nil ? 1 : 0), draft.sectionPath.count, -index)
      }
      let keeper = members.max { rank($0) < rank($1) } ?? members[0]
      for member in members { keepers[member] = keeper }
    }
    return keepers
  }

  /// Units whose texts are equal up to case, keyed by the first of them; only texts that repeat (few, if
  /// any) have a group.
  private static func duplicateGroups(_ drafts: [Draft]) -> [Int: [Int]] {
    var first: [String: Int] = [:]
    first.reserveCapacity(drafts.count)
    var groups: [Int: [Int]] = [:]
    for (index, draft) in drafts.enumerated() where draft.dropReason == nil {
      let key = draft.text.lowercased()
      if let earlier = first[key] {
        groups[earlier, default: [earlier]].append(index)
      } else {
        first[key] = index
      }
    }
    return groups
  }

  private func makeDrafts() throws -> [Draft] {
    var drafts: [Draft] = []
    drafts.reserveCapacity(context.units.count)
    var sections = SectionTracker(headings: context.sectionHeadings)
    // All at once: one by one, locating 100,000 list items would walk the list 100,000 times.
    let locators = context.document.locators(of: context.units, namespaces: recipe.namespaces)
    let mainRegions = recipe.mainContent ? try MainContent.regions(in: context.document) : []
    for (index, (unit, locator)) in zip(context.units, locators).enumerated() {
      let sectionPath = sections.path(before: unit)
      let line = unit.line
      if let detail = leftOutDetail(unit, mainRegions: mainRegions) {
        drafts.append(
          Draft(
            node: unit, text: unit.text(skipping: context.textSkips), label: nil, title: nil,
            sectionPath: sectionPath, fields: [:], locator: locator, line: line,
            dropReason: (.navigation, detail)))
        continue
      }
      drafts.append(try draft(of: unit, at: index, sectionPath: sectionPath, locator: locator, line: line))
    }
    return drafts
  }

  /// Why the unit is navigation the recipe leaves out (outside the main content, or inside a region of
  /// its `exclude` or `skip` rules); nil when it is not.
  private func leftOutDetail(_ unit: Node, mainRegions: [Node]) -> String? {
    if !mainRegions.isEmpty && !mainRegions.contains(where: { unit == $0 || unit.isDescendant(of: $0) }) {
      return "outside the page's main content (the recipe's `mainContent`)"
    }
    let isExcluded = context.excluded.containsAncestor(of: unit)
    if isExcluded || context.skipped.containsAncestor(of: unit) {
      let which = isExcluded ? "exclude" : "skip"
      return "inside a region the recipe's `\(which)` rules leave out"
    }
    return nil
  }

  /// What a unit the recipe keeps says: its text, label, title and fields, and why it is dropped if it is.
  private func draft(
    of unit: Node, at index: Int, sectionPath: [String], locator: String, line: Int
  ) throws -> Draft {
    // The unit's own text serves "." labels and titles and, with no unit inside it (units come in
    // document order, so an inner one would be next), the body as well.
    let hasInnerUnit = index + 1 < context.units.count && context.units[index + 1].isDescendant(of: unit)
    let ownIsBody = recipe.body == .self && recipe.text == nil && !hasInnerUnit
    let own =
      ownIsBody || recipe.label?.expression == "." || recipe.title?.expression == "."
      ? unit.text(skipping: context.skipped) : nil
    var text = StatementText.tidiedPunctuation(try bodyText(of: unit, own: ownIsBody ? own : nil))
    let label = try self.label(of: unit, own: own, text: text, line: line)
    let title = try self.title(of: unit, own: own, text: text)
    // A label or bold lead-in inside the unit is its name, not part of what it says; a heading's title
    // (body from the siblings) is never inside the text, so a text that merely starts alike is kept.
    if recipe.body == .self {
      for prefix in [label, title] {
        if let prefix, let rest = StatementText.removingLead(prefix, from: text) { text = rest }
      }
    }
    let draft = Draft(
      node: unit, text: text, label: label, title: title, sectionPath: sectionPath,
      fields: try fields(of: unit), locator: locator, line: line, dropReason: dropReason(for: text))
    if readsPages { draft.page = Self.pagePosition(of: unit) }
    return draft
  }

  /// The unit's label: from the recipe's `label` (or the text) through `labelPattern`, or written by
  /// `labelFormat` from the pattern's groups.
  private func label(of unit: Node, own: String?, text: String, line: Int) throws -> String? {
    if let format = recipe.labelFormat, let pattern = recipe.labelPattern {
      let source = recipe.label == nil ? text : try value(recipe.label, nil, of: unit, own: own, text: text)
      return source.flatMap { formattedLabel($0, pattern: pattern, format: format, line: line) }
    }
    return try value(recipe.label, recipe.labelPattern, of: unit, own: own, text: text)
  }

  private func title(of unit: Node, own: String?, text: String) throws -> String? {
    let title = try value(recipe.title, recipe.titlePattern, of: unit, own: own, text: text).map(
      StatementText.trimmedTitle)
    // A bold phrase in the middle of a sentence is emphasis, not the unit's name.
    if let found = title, recipe.body == .self, recipe.text == nil, recipe.titlePattern == nil,
      !text.hasPrefix(found)
    {
      return nil
    }
    return title
  }

  /// The recipe's extra fields, by name, where the unit has them.
  private func fields(of unit: Node) throws -> [String: String] {
    var fields: [String: String] = [:]
    for (name, query) in recipe.fields {
      if let node = try first(query, from: unit, field: "fields.\(name)") {
        fields[name] = node.text(skipping: context.skipped)
      }
    }
    return fields
  }

  private func dropReason(for text: String) -> (DroppedUnit.Reason, String)? {
    if text.isEmpty {
      return (.empty, "the unit has no text")
    } else if text.count < recipe.minimumLength {
      return (.tooShort, "\(text.count) characters, under the recipe's minimumLength \(recipe.minimumLength)")
    }
    return nil
  }

  /// The label written by `format` from the groups `pattern` finds in the label's own text; the text as
  /// printed when the two agree. A rewritten label is noted.
  private func formattedLabel(_ label: String, pattern: RecipePattern, format: String, line: Int) -> String? {
    let whole = NSRange(label.startIndex..<label.endIndex, in: label)
    guard let match = pattern.expression.firstMatch(in: label, range: whole),
      let matched = Range(match.range, in: label)
    else { return nil }
    let printed = String(label[matched]).trimmingSpaces()
    let written = pattern.expression.replacementString(for: match, in: label, offset: 0, template: format)
    if written != printed {
      notes.warnings.append(
        ScanDiagnostic(
          location: SourceLocation(file: file, line: line, element: "recipe.labelFormat"),
          message:
            "the label `\(printed)` is read as `\(written)` (the recipe's labelFormat); check the document"))
    }
    return written
  }

  /// The page and position a unit of a document rebuilt from a PDF carries: its own, or the first of
  /// its descendants' (a list), or its nearest ancestor's (a paragraph in a table cell); poppler's pixels
  /// (1.5 a point) turned into points.
  static func pagePosition(of unit: Node) -> PagePosition? {
    func position(_ node: Node) -> PagePosition? {
      guard let page = node.attribute("page").flatMap({ Int($0) }) else { return nil }
      let top = Double(node.attribute("top") ?? "") ?? 0
      let left = Double(node.attribute("left") ?? "") ?? 0
      return PagePosition(number: page, top: Int((top / 1.5).rounded()), left: Int((left / 1.5).rounded()))
    }
    var candidates = [unit]
    while !candidates.isEmpty {
      let node = candidates.removeFirst()
      if let found = position(node) { return found }
      candidates += node.elementChildren
    }
    var ancestor = unit.parent
    while let node = ancestor {
      if let found = position(node) { return found }
      ancestor = node.parent
    }
    return nil
  }

  /// - Parameter own: the unit's own text, when that is its body too (no unit nested inside it).
  private func bodyText(of unit: Node, own: String?) throws -> String {
    switch recipe.body {
    case .self:
      let target: Node?
      if let query = recipe.text {
        target = try first(query, from: unit, field: "text")
      } else if let own {
        return own
      } else {
        target = unit
      }
      return target?.text(skipping: context.textSkips) ?? ""
    case .followingSiblings:
      var parts: [Node] = []
      var sibling = unit.nextSibling
      while let current = sibling, !context.bodyStops.contains(current) {
        if !context.skipped.contains(current) { parts.append(current) }
        sibling = current.nextSibling
      }
      return Node.joinedText(of: parts, skipping: context.textSkips)
    }
  }

  /// A label or title: the text of the first node the query selects (or the unit's text), through the
  /// pattern's first group when there is a pattern.
  private func value(
    _ query: XPathQuery?, _ pattern: RecipePattern?, of unit: Node, own: String?, text: String
  ) throws -> String? {
    var source: String?
    if let query {
      // "." is the unit itself; no need to ask XPath for it once per unit.
      if query.expression == ".", let own {
        source = own
      } else {
        source = try first(query, from: unit, field: "label or title")?.text(skipping: context.skipped)
      }
    } else if pattern != nil {
      source = text
    }
    guard var result = source else { return nil }
    if let pattern {
      guard let captured = pattern.capture(in: result) else { return nil }
      result = captured
    }
    result = result.trimmingSpaces()
    return result.isEmpty ? nil : result
  }

  private func first(_ query: XPathQuery, from unit: Node, field: String) throws -> Node? {
    do {
      return try unit.first(query, namespaces: recipe.namespaces)
    } catch let error as MarkupError {
      throw InputError(error, file: file, element: "recipe.\(field)")
    }
  }
}

/// Walks section headings alongside units, both in document order, keeping the stack of open headings.
private struct SectionTracker {
  let headings: [UnitContext.SectionHeading]
  var next = 0
  var stack: [UnitContext.SectionHeading] = []
  /// The titles of `stack`, kept in step with it: consecutive units under the same headings share one
  /// array instead of building one each.
  var titles: [String] = []

  init(headings: [UnitContext.SectionHeading]) {
    self.headings = headings
  }

  mutating func path(before unit: Node) -> [String] {
    while next < headings.count && headings[next].node < unit {
      let heading = headings[next]
      while let last = stack.last, last.level >= heading.level {
        stack.removeLast()
        titles.removeLast()
      }
      if !heading.title.isEmpty {
        stack.append(heading)
        titles.append(heading.title)
      }
      next += 1
    }
    return titles
  }
}

extension String {
  func trimmingSpaces() -> String {
    // A Character that is a space starts with the byte 0x20 (and one that merely starts with a space
    // is no space), so without such a byte at either end there is nothing to trim.
    if utf8.first != 0x20 && utf8.last != 0x20 { return self }
    var result = Substring(self)
    while result.first == " " { result = result.dropFirst() }
    while result.last == " " { result = result.dropLast() }
    return String(result)
  }
}
