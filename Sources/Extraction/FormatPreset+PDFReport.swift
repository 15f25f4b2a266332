import ScanModel

extension FormatPreset {
  static let anyHeading = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"

  /// A paragraph whose text ends like a sentence (or a clause before a list): what is left out by this
  /// are a report's title lines, names, dates, contents entries ("2 Audience 9"), page numbers and the
  /// first line of a caption, none of which ends so.
  static let endsLikeASentence: String = {
    let text = "normalize-space(.)"
    let last = "substring(\(text), string-length(\(text)))"
    return "string-length(\(text)) > 0 and contains('.:;?!)”’\"', \(last))"
  }()

  /// A heading of the parts of a report that hold no statements: contents, lists of figures and
  /// tables, references, acknowledgements, notes, the copyright page. Compared in lower case.
  static let boilerplateHeading: String = {
    let text = "translate(normalize-space(.), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    let exact = [
      "contents", "table of contents", "list of figures", "list of tables", "bibliography", "notes",
      "endnotes", "glossary", "abbreviations", "acronyms",
    ]
    let starts = ["references", "acknowledg", "©", "about the author"]
    let tests =
      exact.map { "\(text) = '\($0)'" } + starts.map { "starts-with(\(text), '\($0)')" }
      + ["contains(\(text), 'copyright')"]
    return tests.joined(separator: " or ")
  }()

  /// A text whose first word is a number of one to three digits: with a citation's signs, a footnote
  /// the layout did not recognise as one (set at the body's size, or away from the page's foot).
  static let startsWithFootnoteNumber: String = {
    let first = "substring-before(normalize-space(.), ' ')"
    return "string-length(\(first)) >= 1 and string-length(\(first)) <= 3"
      + " and translate(\(first), '0123456789', '') = ''"
  }()

  /// A report set as a PDF, read from the layout evscan rebuilds from it (docs/framework-manifest.md,
  /// "PDF documents"): list items, table rows and the paragraphs of the body that end like a sentence
  /// are statements; the headings give the path. Everything under a contents, references,
  /// acknowledgements, notes or copyright heading (up to the next heading), figure and table captions,
  /// the footnotes and footnote markers are left out.
  static let pdfReport = Recipe(
    preset: "pdf-report",
    namespaces: [:],
    // A table whose rows are led by labels (a category and its numbered subcategories) has its cells'
    // labelled paragraphs written apart (`td/p`): each paragraph after the first column is a statement,
    // with the row's first cell as its `row` field; other tables give a statement per row.
    units:
      "//body//li | //body/table//tr[td][not(td/p)] | //body/table//tr/td[position() > 1]/p"
      + " | //body/p[\(endsLikeASentence)]",
    body: .self,
    sections: "//h1 | //h2 | //h3 | //h4 | //h5 | //h6",
    skip: ["//sup"],
    exclude: [
      "//aside",
      "//body/*[not(\(anyHeading))][preceding-sibling::*[\(anyHeading)][1][\(boilerplateHeading)]]",
      "//body/p[starts-with(normalize-space(.), 'Fig. ') or starts-with(normalize-space(.), 'Figure ')"
        + " or starts-with(normalize-space(.), 'Table ')][contains(substring(normalize-space(.), 5, 10), ':')"
        + " or starts-with(normalize-space(.), 'Fig. ')]",
      "//body/p[\(startsWithFootnoteNumber)][contains(., 'accessed') or contains(., 'et al')"
        + " or contains(., 'http')]",
    ],
    fields: ["row": "ancestor::tr[1]/td[1]"],
    identity: [.label, .attribute, .locator],
    minimumLength: 20,
    allowEmpty: false)
}
