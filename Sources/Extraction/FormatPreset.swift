import ScanModel

/// The built-in recipes for the document formats evscan knows. A manifest names one and overrides
/// what its document needs; see docs/framework-manifest.md.
public enum FormatPreset {
  /// Matches a class token exactly, as CSS's `.name` does, so `ltx_item` does not match `ltx_itemize`.
  static func hasClass(_ name: String) -> String {
    "contains(concat(' ', normalize-space(@class), ' '), ' \(name) ')"
  }

  static let teiNamespace = "http://www.tei-c.org/ns/1.0"

  public static let all: [String: Recipe] = [
    "latexml": latexml,
    "govuk": govuk,
    "eu-code-of-practice": euCodeOfPractice,
    "nist-actions": nistActions,
    "leginfo": leginfo,
    "eur-lex": eurLex,
    "tei": tei,
    "pdf-report": pdfReport,
    "generic": generic,
  ]

  public static var names: [String] { all.keys.sorted() }

  /// A GOV.UK publication: list items in the govspeak body, headings h2 to h4.
  static let govuk = Recipe(
    preset: "govuk",
    namespaces: [:],
    units: "//main//div[\(hasClass("govspeak"))]//li",
    body: .self,
    sections: "//main//div[\(hasClass("govspeak"))]//*[self::h2 or self::h3 or self::h4]",
    skip: ["//sup[starts-with(@id,'fnref')]"],
    exclude: [
      "//header", "//footer", "//nav", "//*[contains(@class,'gem-c-contents-list')]",
      "//*[contains(@class,'govuk-breadcrumbs')]", "//*[contains(@class,'footnotes')]",
      "//*[contains(@class,'gem-c-related-navigation')]",
    ],
    fields: [:],
    identity: [.label, .attribute, .locator],
    minimumLength: 20,
    allowEmpty: false)

  /// The EU General-Purpose AI Code of Practice as code-of-practice.ai publishes it: each measure is
  /// an h4 heading whose text runs on in the siblings up to the next heading; boxes are commentary.
  static let euCodeOfPractice = Recipe(
    preset: "eu-code-of-practice",
    namespaces: [:],
    units: "//section[@data-section]//h4[starts-with(normalize-space(.),'Measure ')]",
    body: .followingSiblings,
    bodyStop: "//h1 | //h2 | //h3 | //h4",
    sections: "//section[@data-section]//h2 | //section[@data-section]//h3",
    label: ".",
    labelPattern: #"^(Measure [IVX]+\.\d+(?:\.\d+)?)"#,
    title: ".",
    titlePattern: #"^Measure [IVX]+\.\d+(?:\.\d+)?\.?\s*(.+)$"#,
    skip: [
      "//div[contains(@class,'explanatory-box')]", "//div[contains(@class,'recital-box')]",
      "//div[contains(@class,'legal-box')]", "//div[contains(@class,'faq-box')]",
      "//i[contains(@class,'ph')]",
    ],
    exclude: ["//nav", "//header", "//footer", "//section[contains(@class,'glossary')]"],
    fields: [:],
    identity: [.label, .locator],
    minimumLength: 20,
    allowEmpty: false,
    // Every unit is a Measure: screening keeps them all.
    screening: .off)

  /// NIST AI 600-1 style tables: one suggested action per row, its id in the first cell.
  static let nistActions = Recipe(
    preset: "nist-actions",
    namespaces: [:],
    units: "//table[.//th]//tr[td]",
    body: .self,
    text: "td[2]",
    sections: "//h2 | //h3 | //h4",
    label: "td[1]",
    labelPattern: #"^([A-Z]{2}-\d+\.\d+-\d{3})"#,
    skip: [],
    exclude: ["//nav", "//header", "//footer", "//*[@id='toc']"],
    fields: ["risks": "td[3]"],
    identity: [.label, .locator],
    minimumLength: 20,
    allowEmpty: false,
    // Every unit is a suggested action: screening keeps them all.
    screening: .off)

  /// California Legislative Information bill text (billTextClient.xhtml): the paragraphs of the code
  /// sections the bill adds or amends, each a flat `div` whose hierarchy is only in its labels and its
  /// `margin-left`; a code section's first paragraph starts with its number in an inline h6 ("22603.").
  /// The digest and the bill's uncodified sections (findings, severability) are not selected; lead-ins
  /// ending in a colon are joined to their items, and definitions are dropped.
  static let leginfo = Recipe(
    preset: "leginfo",
    namespaces: [:],
    units: "//div[@id='bill']//*[div/h6]/div",
    body: .self,
    skip: ["//strike", "//*[@id='strikediv']"],
    exclude: ["//*[@id='digesttext']", "//header", "//nav", "//footer"],
    fields: [:],
    identity: [.label, .locator],
    minimumLength: 20,
    allowEmpty: false,
    outline: Recipe.Outline(
      number: "h6", label: #"\(([A-Za-z0-9]{1,8})\)"#, indent: "@style", leadIns: .join,
      definitions: leginfoDefinitions))

  /// A definition in California drafting: "As used in this chapter:" and the paragraphs under it, or a
  /// quoted term that "means", "includes" or "has the same meaning".
  static let leginfoDefinitions =
    #"^(?:As used in this\b|[“"][^”"]+[”"] (?:means|includes|does not include|has the (?:same )?meaning)\b)"#

  /// TEI XML as GROBID writes it from a PDF: paragraphs and list items of the body.
  static let tei = Recipe(
    preset: "tei",
    namespaces: ["tei": teiNamespace],
    units: "//tei:text/tei:body//tei:p | //tei:text/tei:body//tei:item",
    body: .self,
    sections: "//tei:text/tei:body//tei:div/tei:head",
    skip: [
      "//tei:ref[@type='bibr']", "//tei:ref[@type='foot']", "//tei:ref[@type='figure']",
      "//tei:ref[@type='table']",
    ],
    exclude: ["//tei:teiHeader", "//tei:text/tei:back", "//tei:note", "//tei:figure"],
    fields: [:],
    identity: [.label, .attribute, .locator],
    minimumLength: 20,
    allowEmpty: false)

  /// Any HTML page: list items, and paragraphs outside lists, in the page's main content are statements
  /// (`MainContent` finds it when the page does not mark it); h1 to h6 give the path.
  static let generic = Recipe(
    preset: "generic",
    namespaces: [:],
    units: "//body//li | //body//p[not(ancestor::li)]",
    body: .self,
    sections: "//h1 | //h2 | //h3 | //h4 | //h5 | //h6",
    skip: [],
    exclude: ["//nav", "//header", "//footer", "//aside", "//*[@role='navigation']"],
    fields: [:],
    identity: [.label, .attribute, .locator],
    minimumLength: 20,
    allowEmpty: false,
    mainContent: true)
}
