import Foundation
import ScanModel
import Testing

@testable import Normalization

/// Coding reads words through a cache of word ids; training reads them as strings. The two must see the
/// same features and concepts, or the shipped model would be applied to vectors it was not trained on.
@Suite("The coding path agrees with the training path")
struct CodingPathTests {
  static func model() throws -> ClassifierModel { try ClassifierModel.load(path: Support.shippedModel.path) }

  /// Texts that exercise the unusual paths: capitals, British spellings, abbreviations and their plurals,
  /// agent nouns, apostrophes, diacritics, CR LF, characters outside the BMP, words no feature knows.
  static let awkward: [CodedExample] = [
    ("Organisation's KYC", "The developer’s LLMs and IT systems are red‑teamed for CBRN uplift."),
    ("", "Deployers and deployer staff réview café risks\r\nbefore deployment; 𝔘nusual zyxwvut words."),
    ("Whistleblower protection", "Employees can report concerns anonymously to the board, it is said."),
    ("", "ANALYSE, analyse and Analysed: the modelling of behaviour is catalogued by the licensor."),
    ("", "A an the THE An"),
    ("", ""),
  ].enumerated().map { index, pair in
    CodedExample(id: "awkward-\(index)", name: pair.0, text: pair.1, code: "X.X", origin: "test")
  }

  /// The examples of a source; nil only for the shared MIT file when ../shared is absent. A file that is
  /// there but cannot be read fails the test.
  static func examples(_ source: String) throws -> [CodedExample]? {
    let reader = CodedExampleReader(taxonomy: Support.taxonomy.mitigation)
    switch source {
    case "awkward": return awkward
    case "mit-coded-dev.csv":
      guard FileManager.default.fileExists(atPath: Support.sharedData.path) else { return nil }
      return try reader.read(path: Support.sharedData.path)
    default:
      return try reader.read(path: Support.fixture("training/\(source)"))
    }
  }

  static let sources = [
    "awkward", "five-column.csv", "four-column.csv", "mit-coded-dev.csv",
  ]

  @Test(arguments: sources)
  func vectorsAndConceptsAreTheSame(source: String) throws {
    guard let examples = try Self.examples(source) else {
      print("skipped for mit-coded-dev.csv: \(Support.sharedData.path) is absent in this clone")
      return
    }
    #expect(examples.count >= (source == "mit-coded-dev.csv" ? 500 : 2))
    let model = try Self.model()
    let normalizer = Normalizer(taxonomy: Support.taxonomy, model: model)
    let classifier = try #require(normalizer.classifier)
    let trainer = ClassifierTrainer(taxonomy: Support.taxonomy)
    for example in examples {
      let title = example.name.isEmpty ? nil : example.name
      let analysis = normalizer.analyse(title: title, text: example.text)
      #expect(
        classifier.vector(analysis) == trainer.vector(of: example, in: model.featureSpace),
        "vector of \(example.id)")
      let expected =
        (title.map { title in normalizer.matcher.matches(in: title).map { retitled($0) } } ?? [])
        + normalizer.matcher.matches(in: example.text)
      #expect(analysis.concepts == expected, "concepts of \(example.id)")
    }
  }

  /// The word cache learns as it goes; what it returns must not depend on what it saw before, on any
  /// thread.
  @Test func codingDoesNotDependOnWhatWasCodedBefore() throws {
    let examples = try #require(try Self.examples("four-column.csv")).prefix(12) + Self.awkward
    let statements = examples.map { example in
      Statement(
        id: example.id, framework: "test", label: nil, title: example.name.isEmpty ? nil : example.name,
        sectionPath: [], text: example.text, locator: "/", line: 1, sourceSHA256: "", rule: "test")
    }
    let model = try Self.model()
    let cold = statements.map { statement in
      // A fresh normaliser for each statement: every word is analysed for the first time.
      Normalizer(taxonomy: Support.taxonomy, model: model).code(
        statementID: statement.id, title: statement.title, text: statement.text)
    }
    let shared = Normalizer(taxonomy: Support.taxonomy, model: model)
    let together = shared.code(statements.reversed() + statements).suffix(statements.count)
    #expect(Array(together) == cold)
  }

  private func retitled(_ match: ConceptMatch) -> ConceptMatch {
    var inTitle = match
    inTitle.field = "title"
    return inTitle
  }
}
