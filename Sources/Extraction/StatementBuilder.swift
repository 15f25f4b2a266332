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

  /// What one unit says before ids and duplicates are decided.
  private struct Draft {
    let node: Node
    let text: String
    let label: String?
    let title: String?
    let sectionPath: [String]
    let fields: [String: String]
    let locator: String
    let line: Int
    let dropReason: (DroppedUnit.Reason, String)?
  }

  func build() throws -> (statements: [Statement], dropped: [DroppedUnit]) {
    let drafts = try makeDrafts()
    var labelCounts: [String: Int] = [:]
    for draft in drafts where draft.dropReason == nil {
      if let label = draft.label { labelCounts[Self.slug(label), default: 0] += 1 }
    }
    let keepers = Self.duplicateKeepers(drafts)
    var statements: [Statement] = []
    var dropped: [DroppedUnit] = []
    var usedIDs: Set<String> = []
    var idOfDraft: [Int: String] = [:]
    var pendingDuplicates: [(draft: Int, keeper: Int)] = []
    for (index, draft) in drafts.enumerated() {
      func drop(_ reason: DroppedUnit.Reason, _ detail: String) {
        dropped.append(
          DroppedUnit(
            framework: framework, reason: reason, detail: detail, excerpt: String(draft.text.prefix(160)),
            locator: draft.locator, line: draft.line, rule: recipe.unitRule))
      }
      if let (reason, detail) = draft.dropReason {
        drop(reason, detail)
        continue
      }
      if let keeper = keepers[index], keeper != index {
        pendingDuplicates.append((index, keeper))
        continue
      }
      // Sources are tried in order and computed only when needed: a locator's digest costs more than a label.
      var firstCandidate: String?
      var chosen: String?
      for source in recipe.identity {
        let key: String?
        switch source {
        case .label:
          key = draft.label.map(Self.slug).flatMap { labelCounts[$0] == 1 ? $0 : nil }
        case .attribute:
          key = draft.node.attribute("id").flatMap(Self.safeKey)
        case .locator:
          key = "loc-" + SHA256Digest.hex(draft.locator).prefix(12)
        }
        guard let key else { continue }
        let candidate = "\(framework):\(key)"
        if firstCandidate == nil { firstCandidate = candidate }
        if !usedIDs.contains(candidate) {
          chosen = candidate
          break
        }
      }
      guard let id = chosen else {
        drop(.duplicateID, "id \(firstCandidate ?? "(none)") is taken by an earlier unit")
        continue
      }
      usedIDs.insert(id)
      idOfDraft[index] = id
      statements.append(
        Statement(
          id: id, framework: framework, label: draft.label, title: draft.title,
          sectionPath: draft.sectionPath,
          text: draft.text, locator: draft.locator, line: draft.line, sourceSHA256: sha256,
          rule: recipe.unitRule,
          fields: draft.fields))
    }
    for (index, keeper) in pendingDuplicates {
      let draft = drafts[index]
      dropped.append(
        DroppedUnit(
          framework: framework, reason: .duplicateText,
          detail: "same text as \(idOfDraft[keeper] ?? "an earlier unit")",
          excerpt: String(draft.text.prefix(160)),
          locator: draft.locator, line: draft.line, rule: recipe.unitRule))
    }
    dropped.sort { ($0.line, $0.locator) < ($1.line, $1.locator) }
    return (statements, dropped)
  }

  /// For units with the same text (a summary repeating the body), the one to keep: the copy with a title or
  /// label and the deeper section path says more about where the practice stands; ties go to the first.
  private static func duplicateKeepers(_ drafts: [Draft]) -> [Int: Int] {
    var groups: [String: [Int]] = [:]
    for (index, draft) in drafts.enumerated() where draft.dropReason == nil {
      groups[draft.text.lowercased(), default: []].append(index)
    }
    var keepers: [Int: Int] = [:]
    for members in groups.values where members.count > 1 {
      func rank(_ index: Int) -> (Int, Int, Int) {
        let draft = drafts[index]
        return ((draft.title != nil ? 1 : 0) + (draft.label != nil ? 1 : 0), draft.sectionPath.count, -index)
      }
      let keeper = members.max { rank($0) < rank($1) } ?? members[0]
      for member in members { keepers[member] = keeper }
    }
    return keepers
  }

  private func makeDrafts() throws -> [Draft] {
    var drafts: [Draft] = []
    drafts.reserveCapacity(context.units.count)
    var sections = SectionTracker(headings: context.sectionHeadings)
    // All at once: one by one, locating 100,000 list items would walk the list 100,000 times.
    let locators = context.document.locators(of: context.units, namespaces: recipe.namespaces)
    for (unit, locator) in zip(context.units, locators) {
      let sectionPath = sections.path(before: unit)
      let line = unit.line
      if context.excluded.containsAncestor(of: unit) || context.skipped.containsAncestor(of: unit) {
        let which = context.excluded.containsAncestor(of: unit) ? "exclude" : "skip"
        drafts.append(
          Draft(
            node: unit, text: unit.text(skipping: context.textSkips), label: nil, title: nil,
            sectionPath: sectionPath, fields: [:], locator: locator, line: line,
            dropReason: (.navigation, "inside a region the recipe's `\(which)` rules leave out")))
        continue
      }
      var text = Self.tidiedPunctuation(try bodyText(of: unit))
      let label = try value(recipe.label, recipe.labelPattern, of: unit, text: text)
      var title = try value(recipe.title, recipe.titlePattern, of: unit, text: text).map(Self.trimmedTitle)
      // A bold phrase in the middle of a sentence is emphasis, not the unit's name.
      if let found = title, recipe.body == .self, recipe.text == nil, recipe.titlePattern == nil,
        !text.hasPrefix(found)
      {
        title = nil
      }
      // A label or bold lead-in inside the unit is its name, not part of what it says; a heading's title
      // (body from the siblings) is never inside the text, so a text that merely starts alike is kept.
      if recipe.body == .self {
        for prefix in [label, title].compactMap({ $0 })
        where text.hasPrefix(prefix) && text.count > prefix.count {
          text = Self.trimmedLead(text.dropFirst(prefix.count))
        }
      }
      var fields: [String: String] = [:]
      for (name, query) in recipe.fields {
        if let node = try select(query, from: unit, field: "fields.\(name)").first {
          fields[name] = node.text(skipping: context.skipped)
        }
      }
      var dropReason: (DroppedUnit.Reason, String)?
      if text.isEmpty {
        dropReason = (.empty, "the unit has no text")
      } else if text.count < recipe.minimumLength {
        dropReason = (
          .tooShort, "\(text.count) characters, under the recipe's minimumLength \(recipe.minimumLength)"
        )
      }
      drafts.append(
        Draft(
          node: unit, text: text, label: label, title: title, sectionPath: sectionPath, fields: fields,
          locator: locator, line: line, dropReason: dropReason))
    }
    return drafts
  }

  private func bodyText(of unit: Node) throws -> String {
    switch recipe.body {
    case .self:
      let target: Node?
      if let query = recipe.text {
        target = try select(query, from: unit, field: "text").first
      } else {
        target = unit
      }
      return target?.text(skipping: context.textSkips) ?? ""
    case .followingSiblings:
      var parts: [String] = []
      var sibling = unit.nextSibling
      while let current = sibling, !context.bodyStops.contains(current) {
        if !context.skipped.contains(current) {
          let part = current.text(skipping: context.textSkips)
          if !part.isEmpty { parts.append(part) }
        }
        sibling = current.nextSibling
      }
      return parts.joined(separator: " ")
    }
  }

  /// A label or title: the text of the first node the query selects (or the unit's text), through the
  /// pattern's first group when there is a pattern.
  private func value(
    _ query: XPathQuery?, _ pattern: NSRegularExpression?, of unit: Node, text: String
  ) throws -> String? {
    var source: String?
    if let query {
      // "." is the unit itself; no need to ask XPath for it once per unit.
      let node = query.expression == "." ? unit : try select(query, from: unit, field: "label or title").first
      source = node?.text(skipping: context.skipped)
    } else if pattern != nil {
      source = text
    }
    guard var result = source else { return nil }
    if let pattern {
      let whole = NSRange(result.startIndex..<result.endIndex, in: result)
      guard let match = pattern.firstMatch(in: result, range: whole) else { return nil }
      let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
      guard range.location != NSNotFound, let bounds = Range(range, in: result) else { return nil }
      result = String(result[bounds])
    }
    result = result.trimmingSpaces()
    return result.isEmpty ? nil : result
  }

  private func select(_ query: XPathQuery, from unit: Node, field: String) throws -> [Node] {
    do {
      return try unit.select(query, namespaces: recipe.namespaces)
    } catch let error as MarkupError {
      throw InputError(
        file: file, element: "recipe.\(field)", error.description.replacing("error: ", with: ""))
    }
  }

  /// Removing a citation or footnote marker leaves the space before it: "limitations [12]." becomes
  /// "limitations ." Closing punctuation never takes a space before it, nor opening brackets after.
  static func tidiedPunctuation(_ text: String) -> String {
    var output: [UInt8] = []
    var changed = false
    output.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"),
        UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "?"):
        if output.last == 0x20 {
          output.removeLast()
          changed = true
        }
      case 0x20:
        if output.last == UInt8(ascii: "(") || output.last == UInt8(ascii: "[") {
          changed = true
          continue
        }
      default:
        break
      }
      output.append(byte)
    }
    return changed ? String(decoding: output, as: UTF8.self) : text
  }

  static func trimmedTitle(_ title: String) -> String {
    var result = Substring(title)
    while let last = result.last, ".:;,—–- ".contains(last) { result = result.dropLast() }
    return String(result)
  }

  static func trimmedLead(_ text: Substring) -> String {
    var result = text
    while let first = result.first, ".:;,—–- ".contains(first) { result = result.dropFirst() }
    return String(result)
  }

  /// `Measure II.4.3` becomes `measure-ii-4-3`: lower case letters and digits joined by hyphens.
  static func slug(_ label: String) -> String {
    var output: [UInt8] = []
    var pendingHyphen = false
    var isASCII = true
    for byte in label.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        if pendingHyphen && !output.isEmpty { output.append(UInt8(ascii: "-")) }
        pendingHyphen = false
        output.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        if pendingHyphen && !output.isEmpty { output.append(UInt8(ascii: "-")) }
        pendingHyphen = false
        output.append(byte + 32)
      case 0x80...:
        isASCII = false
      default:
        pendingHyphen = true
      }
    }
    guard isASCII else { return unicodeSlug(label) }
    return String(decoding: output, as: UTF8.self)
  }

  private static func unicodeSlug(_ label: String) -> String {
    var output = ""
    var pendingHyphen = false
    for character in label.lowercased() {
      if character.isLetter || character.isNumber {
        if pendingHyphen && !output.isEmpty { output.append("-") }
        pendingHyphen = false
        output.append(character)
      } else {
        pendingHyphen = true
      }
    }
    return output
  }

  /// An id attribute, made safe to put into a statement id.
  static func safeKey(_ attribute: String) -> String? {
    let trimmed = attribute.trimmingSpaces()
    guard !trimmed.isEmpty else { return nil }
    return String(
      trimmed.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" ? $0 : "-" })
  }
}

/// Walks section headings alongside units, both in document order, keeping the stack of open headings.
private struct SectionTracker {
  let headings: [UnitContext.SectionHeading]
  var next = 0
  var stack: [UnitContext.SectionHeading] = []

  init(headings: [UnitContext.SectionHeading]) {
    self.headings = headings
  }

  mutating func path(before unit: Node) -> [String] {
    while next < headings.count && headings[next].node < unit {
      let heading = headings[next]
      while let last = stack.last, last.level >= heading.level { stack.removeLast() }
      if !heading.title.isEmpty { stack.append(heading) }
      next += 1
    }
    return stack.map(\.title)
  }
}

extension String {
  func trimmingSpaces() -> String {
    var result = Substring(self)
    while result.first == " " { result = result.dropFirst() }
    while result.last == " " { result = result.dropLast() }
    return String(result)
  }
}
