import Foundation
import ScanModel
import Testing

@testable import Extraction

/// The `outline` recipe keys on small flat pages written here: label kinds, `(i)` as a letter or a roman
/// numeral, indentation, nested lead-ins and definitions.
@Suite("Outline of flat legal text")
struct OutlineReaderTests {
  /// A recipe for pages of `<div>` paragraphs inside `<main>`, with the outline keys given.
  static func recipe(_ outline: Recipe.Outline) -> Recipe {
    Recipe(
      preset: "generic", units: "//main/div", sections: "//h2", identity: [.label, .locator],
      minimumLength: 5,
      outline: outline)
  }

  static func extract(_ paragraphs: [String], outline: Recipe.Outline = Recipe.Outline()) throws
    -> ExtractionResult
  {
    let html =
      "<html><head><meta charset=\"utf-8\"></head><body><main>" + paragraphs.joined()
      + "</main></body></html>"
    let compiled = try CompiledRecipe(recipe(outline), file: "test.yaml")
    return try Extractor(framework: "t", recipe: compiled, format: .html)
      .extract(Array(html.utf8), file: "t.html", sha256: String(repeating: "0", count: 64))
  }

  static func div(_ text: String, indent: Double? = nil) -> String {
    indent.map { "<div style=\"margin:0 0 1em 0;margin-left: \($0)em;\">\(text)</div>" }
      ?? "<div>\(text)</div>"
  }

  /// Each statement's label with its section path, for short expectations.
  static func labels(_ result: ExtractionResult) -> [String] {
    result.statements.map { $0.label ?? "-" }
  }

  // MARK: Label kinds

  @Test(
    "a token's readings",
    arguments: [
      ("1", [OutlineLabel.Reading(kind: .number, ordinal: 1)]),
      ("12", [.init(kind: .number, ordinal: 12)]),
      ("c", [.init(kind: .lowerLetter, ordinal: 3)]),
      ("C", [.init(kind: .upperLetter, ordinal: 3)]),
      ("i", [.init(kind: .lowerLetter, ordinal: 9), .init(kind: .lowerRoman, ordinal: 1)]),
      ("I", [.init(kind: .upperLetter, ordinal: 9), .init(kind: .upperRoman, ordinal: 1)]),
      ("v", [.init(kind: .lowerLetter, ordinal: 22), .init(kind: .lowerRoman, ordinal: 5)]),
      ("iv", [.init(kind: .lowerRoman, ordinal: 4)]),
      ("XII", [.init(kind: .upperRoman, ordinal: 12)]),
      ("l", [.init(kind: .lowerLetter, ordinal: 12)]),
      ("iiii", [.init(kind: .other, ordinal: 0)]),
      ("aa", [.init(kind: .other, ordinal: 0)]),
    ])
  func readings(token: String, expected: [OutlineLabel.Reading]) {
    #expect(OutlineLabel(written: "(\(token))", token: token).readings == expected)
  }

  @Test func labelKindsNestInTheOrderTheyAppear() throws {
    let result = try Self.extract(
      [
        Self.div("<h6>100.</h6> (a) Alpha is a rule."), Self.div("(1) One is a rule."),
        Self.div("(A) Capital A is a rule."), Self.div("(i) Roman one is a rule."),
        Self.div("(ii) Roman two is a rule."), Self.div("(B) Capital B is a rule."),
        Self.div("(2) Two is a rule."), Self.div("(b) Bravo is a rule."),
      ], outline: Recipe.Outline(number: "h6"))
    #expect(
      Self.labels(result) == [
        "100(a)", "100(a)(1)", "100(a)(1)(A)", "100(a)(1)(A)(i)", "100(a)(1)(A)(ii)", "100(a)(1)(B)",
        "100(a)(2)", "100(b)",
      ])
    #expect(result.statements[3].sectionPath == ["100", "(a)", "(1)", "(A)", "(i)"])
    #expect(result.statements[0].text == "Alpha is a rule.")
    #expect(result.statements.map(\.id).contains("t:100-a-1-a-ii"))
    #expect(result.isBalanced)
  }

  @Test func severalLabelsInOneParagraphNest() throws {
    let result = try Self.extract([
      Self.div("(e) (1) (A) First of all is a rule."), Self.div("(B) Second is a rule."),
      Self.div("(2) Then a paragraph rule."), Self.div("(f) And a subdivision rule."),
    ])
    #expect(Self.labels(result) == ["(e)(1)(A)", "(e)(1)(B)", "(e)(2)", "(f)"])
    #expect(result.statements[0].text == "First of all is a rule.")
  }

  // MARK: (i): letter or roman numeral

  @Test func iAfterHIsALetter() throws {
    let result = try Self.extract([Self.div("(h) Eighth rule stands."), Self.div("(i) Ninth rule stands.")])
    #expect(Self.labels(result) == ["(h)", "(i)"])
  }

  @Test func iUnderALeadInIsRoman() throws {
    let result = try Self.extract([
      Self.div("(h) (1) Eighth rule stands."), Self.div("(A) A rule with parts as follows:"),
      Self.div("(i) First part."), Self.div("(ii) Second part."), Self.div("(i) Ninth rule stands."),
    ])
    // The second (i) follows (ii), not a lead-in: it continues the letters after (h).
    #expect(Self.labels(result) == ["(h)(1)", "(h)(1)(A)(i)", "(h)(1)(A)(ii)", "(i)"])
  }

  @Test func indentationDecidesWhatTheColonCannot() throws {
    // No lead-in before either (i): only the indentation tells the clause from the subdivision.
    let result = try Self.extract(
      [
        Self.div("(h) (1) Eighth rule stands.", indent: 0),
        Self.div("(A) A rule without a colon.", indent: 2.5),
        Self.div("(i) A clause of (A).", indent: 4), Self.div("(i) Ninth rule stands.", indent: 0),
      ], outline: Recipe.Outline(indent: "@style"))
    #expect(Self.labels(result) == ["(h)(1)", "(h)(1)(A)", "(h)(1)(A)(i)", "(i)"])
  }

  @Test func indentationOverridesTheColon() throws {
    // A colon that introduces nothing: (i) at the subdivisions' indentation is still the letter.
    let result = try Self.extract(
      [Self.div("(h) A rule ending oddly:", indent: 0), Self.div("(i) Ninth rule stands.", indent: 0)],
      outline: Recipe.Outline(indent: "@style", leadIns: .keep))
    #expect(Self.labels(result) == ["(h)", "(i)"])
  }

  @Test(
    "indentation read from a number or a style",
    arguments: [
      ("2.5", 2.5), ("margin:0 0 1em 0;margin-left: 4em;", 4), ("padding-left:12px", 12),
      ("margin:0 0 1em 0;", 0), ("", 0),
    ])
  func indentation(value: String, expected: Double) {
    #expect(OutlineReader.indentation(in: value) == expected)
  }

  // MARK: Lead-ins and definitions

  @Test func nestedLeadInsStartEveryItem() throws {
    let result = try Self.extract(
      [
        Self.div("<h6>7.</h6> (a) The operator shall do all of the following:"),
        Self.div("(1) Keep a log."),
        Self.div("(2) Adopt a plan that does both of the following:"),
        Self.div("(A) Names an owner."), Self.div("(B) Sets a date."),
        Self.div("(b) The operator shall publish the plan."),
      ], outline: Recipe.Outline(number: "h6"))
    #expect(Self.labels(result) == ["7(a)(1)", "7(a)(2)(A)", "7(a)(2)(B)", "7(b)"])
    #expect(
      result.statements[1].text
        == "The operator shall do all of the following: Adopt a plan that does both of the following: "
        + "Names an owner.")
    #expect(result.statements[3].text == "The operator shall publish the plan.")
    #expect(result.dropped.map(\.reason) == [.leadIn, .leadIn])
    #expect(result.dropped[0].detail.contains("4 units under 7(a)"))
    #expect(result.isBalanced)
  }

  @Test func keptLeadInsAreStatements() throws {
    let result = try Self.extract(
      [
        Self.div("(a) The operator shall do both:"), Self.div("(1) Keep a log."),
        Self.div("(2) Adopt a plan."),
      ],
      outline: Recipe.Outline(leadIns: .keep))
    #expect(result.statements.map(\.text) == ["The operator shall do both:", "Keep a log.", "Adopt a plan."])
  }

  @Test func definitionsAndEverythingUnderThemAreDropped() throws {
    let result = try Self.extract(
      [
        Self.div("<h6>1.</h6> As used in this part:"), Self.div("(a) “Model” means a trained system."),
        Self.div("(b) “Harm” means any of the following:"), Self.div("(1) Loss of life."),
        Self.div("<h6>2.</h6> (a) An operator shall keep a log."),
        Self.div("(b) “Log” means a record kept under subdivision (a)."),
      ],
      outline: Recipe.Outline(number: "h6", definitions: #"^(?:As used in this\b|“[^”]+” means\b)"#))
    #expect(Self.labels(result) == ["2(a)"])
    #expect(result.dropped.map(\.reason) == Array(repeating: .definition, count: 5))
    #expect(result.dropped[3].detail.contains("definitions at 1"))
    #expect(result.dropped[4].detail.contains("a definition"))
    #expect(result.isBalanced)
  }

  @Test func aParagraphWithoutLabelsContinuesTheItemAbove() throws {
    let result = try Self.extract([
      Self.div("(a) The operator shall keep a log."), Self.div("The log shall be kept for a year."),
      Self.div("(b) The operator shall publish it."),
    ])
    #expect(result.statements.map { $0.label ?? "-" } == ["(a)", "-", "(b)"])
    #expect(result.statements[1].sectionPath == ["(a)"])
    #expect(result.statements[1].id.hasPrefix("t:loc-"))
  }

  @Test func aNewHeadingStartsTheOutlineAfresh() throws {
    let html = [
      "<h2>Part one</h2>", Self.div("(a) (1) A rule of part one."),
      "<h2>Part two</h2>", Self.div("(1) A rule of part two."),
    ]
    let result = try Self.extract(html)
    #expect(result.statements.map(\.sectionPath) == [["Part one", "(a)", "(1)"], ["Part two", "(1)"]])
  }

  // MARK: Bad values

  @Test(
    "a bad outline key is named with what to do",
    arguments: [
      (Recipe.Outline(label: #"\([a-z]\)"#), "recipe.outline.label", "no group"),
      (Recipe.Outline(label: #"(\d*)"#), "recipe.outline.label", "empty text"),
      (Recipe.Outline(label: #"(["#), "recipe.outline.label", "does not compile"),
      (Recipe.Outline(number: "h6[", label: nil), "recipe.outline.number", "does not compile"),
      (Recipe.Outline(indent: "@"), "recipe.outline.indent", "does not compile"),
      (Recipe.Outline(definitions: "(?<"), "recipe.outline.definitions", "does not compile"),
    ])
  func badValues(outline: Recipe.Outline, key: String, message: String) {
    #expect {
      _ = try CompiledRecipe(Self.recipe(outline), file: "f/framework.yaml")
    } throws: { error in
      let text = "\(error)"
      return text.contains("f/framework.yaml") && text.contains(key) && text.contains(message)
    }
  }

  @Test func anOutlineCannotSitBesideALabel() {
    var recipe = Self.recipe(Recipe.Outline())
    recipe.label = "span[1]"
    #expect {
      _ = try CompiledRecipe(recipe, file: "f/framework.yaml")
    } throws: { error in
      "\(error)".contains("recipe.outline") && "\(error)".contains("remove")
    }
  }

  @Test func aManifestOverridesThePresetsOutlineKeyByKey() throws {
    let compiled = try CompiledRecipe(
      Recipe(preset: "leginfo", outline: Recipe.Outline(leadIns: .keep)), file: "f.yaml")
    #expect(compiled.recipe.outline?.leadIns == .keep)
    #expect(compiled.recipe.outline?.number == "h6")
  }
}
