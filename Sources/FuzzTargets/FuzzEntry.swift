import Extraction
import Markup
import ScanModel

/// The bodies of the fuzz entry points. Each takes raw bytes, never crashes on them, and reports the
/// invariants a run broke as violations: a wrong answer that no crash reveals is still a bug.
public enum FuzzEntry {
  /// The name every refusal must carry, so that a user can tell which file was refused.
  public static let sourceName = "fuzz-input"
  static let manifestName = "fuzz/framework.yaml"
  static let framework = "fuzz"
  static let digest = String(repeating: "0", count: 64)
  /// Enough elements to reach past the document's head, few enough to keep an execution fast.
  static let sampledElements = 64

  /// Parses `bytes` and exercises what the extractor relies on: text flattening, XPath, and locators that
  /// find their node again.
  public static func parse(_ bytes: [UInt8], format: MarkupFormat) -> FuzzOutcome {
    let document: Document
    do {
      document = try Document.parse(bytes, options: ParseOptions(format: format, sourceName: sourceName))
    } catch let error as MarkupError {
      return refusal(error.description)
    } catch {
      return FuzzOutcome(
        verdict: .refused("\(error)"),
        violations: ["Document.parse threw \(type(of: error)), not MarkupError"])
    }
    var violations: [String] = []
    guard let root = document.root else {
      return FuzzOutcome(verdict: .accepted(count: 0), violations: ["a parsed document has no root element"])
    }
    _ = root.text()
    _ = document.encoding
    for diagnostic in document.diagnostics where diagnostic.file != sourceName {
      violations.append("a diagnostic names \(diagnostic.file), not the input")
    }
    let sample: [Node]
    do {
      sample = try document.select("(//*)[position() <= \(sampledElements)]")
    } catch {
      // libxml2 gives up on some pathological trees (too deep for its XPath stack); that is a refusal.
      return FuzzOutcome(verdict: .accepted(count: 0), violations: violations)
    }
    checkLocators(document, sample: sample, violations: &violations)
    checkRelativeQueries(sample, violations: &violations)
    _ = root.text(skipping: NodeSet(sample.dropFirst().prefix(8)))
    return FuzzOutcome(verdict: .accepted(count: sample.count), violations: violations)
  }

  /// Runs a format preset through the extractor, as `evscan scan` would on a framework using it.
  public static func extract(preset: String, format: MarkupFormat, bytes: [UInt8]) -> FuzzOutcome {
    let recipe: CompiledRecipe
    do {
      recipe = try CompiledRecipe(Recipe(preset: preset), file: manifestName)
    } catch {
      return FuzzOutcome(verdict: .refused("\(error)"), violations: ["the preset \(preset) does not compile"])
    }
    let extractor = Extractor(framework: framework, recipe: recipe, format: format)
    let result: ExtractionResult
    do {
      result = try extractor.extract(bytes, file: sourceName, sha256: digest)
    } catch let error as InputError {
      var outcome = refusal(error.description)
      if error.location.file != sourceName && error.location.file != manifestName {
        outcome.violations.append("the error names \(error.location.file), not the input")
      }
      return outcome
    } catch {
      return FuzzOutcome(
        verdict: .refused("\(error)"), violations: ["Extractor threw \(type(of: error)), not InputError"])
    }
    return FuzzOutcome(
      verdict: .accepted(count: result.unitsMatched), violations: accountingViolations(result))
  }

  /// What every extraction result must satisfy, whatever the document: each selected unit accounted for
  /// exactly once, ids unique and namespaced, no statement too short or repeated.
  public static func accountingViolations(_ result: ExtractionResult, minimumLength: Int = 20) -> [String] {
    var violations: [String] = []
    if !result.isBalanced {
      violations.append(
        "\(result.unitsMatched) units matched but \(result.statements.count) statements "
          + "and \(result.dropped.count) dropped")
    }
    let ids = result.statements.map(\.id)
    if Set(ids).count != ids.count { violations.append("statement ids repeat") }
    for id in ids where !id.hasPrefix("\(result.framework):") {
      violations.append("the id \(id) lacks the framework's prefix")
    }
    let locators = result.statements.map(\.locator) + result.dropped.map(\.locator)
    if Set(locators).count != locators.count {
      violations.append("two units share a locator, so one cannot be found again")
    }
    var texts: Set<String> = []
    for statement in result.statements {
      if statement.text.count < minimumLength {
        violations.append("statement \(statement.id) is shorter than the minimum length")
      }
      if !texts.insert(statement.text.lowercased()).inserted {
        violations.append("statement \(statement.id) repeats another statement's text")
      }
      if statement.sourceSHA256 != result.documentSHA256 {
        violations.append("statement \(statement.id) names another document")
      }
    }
    for unit in result.dropped where unit.detail.isEmpty {
      violations.append("the unit at \(unit.locator) was dropped (\(unit.reason.rawValue)) without detail")
    }
    return violations
  }

  private static func refusal(_ message: String) -> FuzzOutcome {
    var outcome = FuzzOutcome(verdict: .refused(message))
    if !message.hasPrefix(sourceName) && !message.hasPrefix(manifestName) {
      outcome.violations.append("the message does not start with the file it refuses: \(message.prefix(200))")
    }
    return outcome
  }

  /// A locator made only of plain names and positions must select its node and nothing else, and the
  /// batch computation the extractor uses must give the same strings as one node at a time.
  private static func checkLocators(_ document: Document, sample: [Node], violations: inout [String]) {
    let namespaces = ["tei": "http://www.tei-c.org/ns/1.0"]
    for (node, batch) in zip(sample, document.locators(of: sample, namespaces: namespaces)) {
      let single = node.locator(namespaces: namespaces)
      if batch != single {
        violations.append("the batch locator \(batch) differs from the single one \(single)")
      }
    }
    for node in sample {
      let locator = node.locator
      guard isPlainPath(locator) else { continue }
      guard let found = try? document.select(locator) else {
        violations.append("the locator \(locator) does not evaluate")
        continue
      }
      if found != [node] {
        violations.append("the locator \(locator) selects \(found.count) nodes, not its own")
      }
    }
  }

  /// Child steps must agree with the tree the nodes expose.
  private static func checkRelativeQueries(_ sample: [Node], violations: inout [String]) {
    for node in sample.prefix(8) {
      guard let children = try? node.select("./*") else { continue }
      if children != node.elementChildren {
        violations.append("./* from \(node.locator) differs from its element children")
      }
    }
  }

  /// `/name[2]/name`: ASCII names and positions, nothing an XPath parser could read differently.
  static func isPlainPath(_ locator: String) -> Bool {
    guard locator.hasPrefix("/") else { return false }
    for segment in locator.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
      var name = Substring(segment)
      if let bracket = name.firstIndex(of: "[") {
        let position = name[name.index(after: bracket)...]
        guard position.last == "]", position.dropLast().allSatisfy(\.isASCII),
          !position.dropLast().isEmpty, position.dropLast().allSatisfy(\.isNumber)
        else { return false }
        name = name[..<bracket]
      }
      guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
      guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }) else {
        return false
      }
    }
    return true
  }
}
