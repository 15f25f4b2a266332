import Foundation
import Testing
import TextAnalysis

/// One word and the stem the Porter2 algorithm gives it, as listed in Fixtures/english-stems.tsv.
struct StemCase: Sendable, CustomTestStringConvertible {
  let word: String
  let stem: String
  let line: Int

  var testDescription: String { "\(word) -> \(stem) (line \(line))" }
}

/// Loads the fixture once; problems are collected rather than thrown so that a broken fixture
/// fails one test with a message instead of hiding every parameterised case.
enum StemFixture {
  static let loaded = load()

  static var cases: [StemCase] { loaded.cases }

  private static func load() -> (cases: [StemCase], problems: [String]) {
    let url = Bundle.module.url(
      forResource: "english-stems", withExtension: "tsv", subdirectory: "Fixtures")
    guard let url else {
      return ([], ["english-stems.tsv is missing from the test bundle"])
    }
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      return ([], ["english-stems.tsv is not readable UTF-8"])
    }
    var cases: [StemCase] = []
    var problems: [String] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.isEmpty || line.hasPrefix("#") {
        continue
      }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 2 else {
        problems.append("line \(index + 1): expected word<TAB>stem, got \(line.debugDescription)")
        continue
      }
      cases.append(StemCase(word: String(fields[0]), stem: String(fields[1]), line: index + 1))
    }
    return (cases, problems)
  }
}

@Suite("English (Porter2) stemmer")
struct EnglishStemmerTests {
  let stemmer = EnglishStemmer()

  // MARK: Fixture

  @Test func fixtureIsWellFormedAndLargeEnough() {
    #expect(StemFixture.loaded.problems.isEmpty, "\(StemFixture.loaded.problems)")
    #expect(StemFixture.cases.count >= 400)
    let words = StemFixture.cases.map(\.word)
    #expect(Set(words).count == words.count, "fixture words should be unique")
  }

  @Test(arguments: StemFixture.cases)
  func stemsFixtureWord(_ fixture: StemCase) {
    #expect(stemmer.stem(fixture.word) == fixture.stem)
  }

  // MARK: Short and empty input

  @Test(arguments: ["", "a", "i", "is", "as", "us", "by", "at", "'s", "''", "ed", "y", "yy", "-"])
  func wordsOfTwoOrFewerCharactersAreUnchanged(_ word: String) {
    #expect(stemmer.stem(word) == word)
  }

  @Test func threeLetterWordsAreStemmed() {
    #expect(stemmer.stem("its") == "it")
    #expect(stemmer.stem("ies") == "ie")
    #expect(stemmer.stem("ied") == "ie")
    #expect(stemmer.stem("cry") == "cri")
  }

  // MARK: Apostrophes

  @Test(
    arguments: [
      ("dog's", "dog"),
      ("dogs'", "dog"),
      ("regulators'", "regul"),
      ("auditor's", "auditor"),
      ("children's", "children"),
      ("jones's'", "jone"),
      ("'tis", "tis"),
      ("'s'", "s"),
      ("'a'", "a"),
      ("'''", "'"),
      ("''''", "''"),
      ("''s", ""),
      ("o'clock", "o'clock"),
      ("aren't", "aren't"),
      ("gpt-4's", "gpt-4"),
    ])
  func apostrophes(_ word: String, _ expected: String) {
    #expect(stemmer.stem(word) == expected)
  }

  @Test(arguments: ["dog’s", "dogs’", "regulators’", "auditor’s", "’tis", "o’clock", "’s", "a’"])
  func typographicApostropheActsAsStraightOne(_ word: String) {
    let straight = word.replacingOccurrences(of: "\u{2019}", with: "'")
    #expect(stemmer.stem(word) == stemmer.stem(straight))
    #expect(!stemmer.stem(word).contains("\u{2019}"))
  }

  // MARK: Exceptional forms

  @Test(
    arguments: [
      ("skis", "ski"),
      ("skies", "sky"),
      ("sky", "sky"),
      ("dying", "die"),
      ("lying", "lie"),
      ("tying", "tie"),
      ("idly", "idl"),
      ("gently", "gentl"),
      ("ugly", "ugli"),
      ("early", "earli"),
      ("only", "onli"),
      ("singly", "singl"),
      ("news", "news"),
      ("howe", "howe"),
      ("atlas", "atlas"),
      ("cosmos", "cosmos"),
      ("bias", "bias"),
      ("andes", "andes"),
    ])
  func exceptionalForms(_ word: String, _ expected: String) {
    #expect(stemmer.stem(word) == expected)
  }

  @Test func exceptionalFormsMatchOnlyWholeWords() {
    // The list is consulted before a leading apostrophe is dropped, so "'skis" takes the normal
    // route, where the s stays because no vowel comes before the "i".
    #expect(stemmer.stem("'skis") == "skis")
    #expect(stemmer.stem("biases") == "bias")
    #expect(stemmer.stem("dyings") == "dy")
    #expect(stemmer.stem("newsy") == "newsi")
  }

  @Test(
    arguments: [
      ("inning", "inning"),
      ("innings", "inning"),
      ("outings", "outing"),
      ("canning", "canning"),
      ("herrings", "herring"),
      ("earrings", "earring"),
      ("proceeds", "proceed"),
      ("exceed", "exceed"),
      ("succeed", "succeed"),
      ("succeeded", "succeed"),
      ("exceedingly", "exceed"),
    ])
  func wordsLeftAloneAfterStep1a(_ word: String, _ expected: String) {
    #expect(stemmer.stem(word) == expected)
  }

  // MARK: Special R1 prefixes

  @Test(
    arguments: [
      ("generate", "generat"),
      ("generated", "generat"),
      ("generating", "generat"),
      ("general", "general"),
      ("generally", "general"),
      ("generic", "generic"),
      ("generically", "generic"),
      ("generous", "generous"),
      ("generously", "generous"),
      ("communication", "communic"),
      ("communications", "communic"),
      ("communicate", "communic"),
      ("community", "communiti"),
      ("communities", "communiti"),
      ("communism", "communism"),
      ("arsenic", "arsenic"),
      ("arsenal", "arsenal"),
      ("arsenals", "arsenal"),
    ])
  func specialRegionPrefixes(_ word: String, _ expected: String) {
    #expect(stemmer.stem(word) == expected)
  }

  // MARK: y handling

  @Test(
    arguments: [
      ("yelling", "yell"),
      ("sayings", "say"),
      ("saying", "say"),
      ("toy", "toy"),
      ("toys", "toy"),
      ("enjoying", "enjoy"),
      ("conveying", "convey"),
      ("yes", "yes"),
      ("youth", "youth"),
      ("cry", "cri"),
      ("happy", "happi"),
      ("policy", "polici"),
      ("policies", "polici"),
      ("say", "say"),
      ("yyy", "yyy"),
      ("yaya", "yaya"),
    ])
  func yHandling(_ word: String, _ expected: String) {
    let stem = stemmer.stem(word)
    #expect(stem == expected)
    #expect(!stem.contains("Y"), "the internal consonant-y mark must not leak into stems")
  }

  // MARK: Odd input

  @Test(
    arguments: [
      ("12345", "12345"),
      ("1990s", "1990s"),
      ("covid-19", "covid-19"),
      ("---", "---"),
      ("x-rays", "x-ray"),
      ("red-teaming", "red-team"),
      ("sses", "ss"),
      ("ing", "ing"),
      ("eed", "eed"),
      ("eedly", "eed"),
      ("'y'", "y"),
      ("s's", "s"),
    ])
  func oddInput(_ word: String, _ expected: String) {
    #expect(stemmer.stem(word) == expected)
  }

  @Test(arguments: ["café", "naïve", "résumés", "日本語", "straße", "emoji😀s"])
  func nonAsciiWordsAreReturnedUnchanged(_ word: String) {
    #expect(stemmer.stem(word) == word)
  }

  // MARK: Idempotence

  @Test(
    arguments: [
      "audit", "monitor", "deploy", "govern", "risk", "model", "harm", "report", "account", "data",
      "system", "safeguard", "test", "align", "train", "evalu", "polici", "transpar", "right",
      "oversight", "benchmark",
    ])
  func commonStemsAreFixedPoints(_ stem: String) {
    #expect(stemmer.stem(stem) == stem)
  }

  @Test(arguments: ["auditing", "monitoring", "deployments", "governance", "evaluations", "accountability"])
  func restemmingCommonGovernanceWordsChangesNothing(_ word: String) {
    let once = stemmer.stem(word)
    #expect(stemmer.stem(once) == once)
  }

  @Test func stemmingIsNotIdempotentInGeneral() {
    // Porter2 makes no such promise: a stem can itself end in something removable.
    #expect(stemmer.stem("disclose") == "disclos")
    #expect(stemmer.stem("disclos") == "disclo")
  }
}
