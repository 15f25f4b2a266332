import ScanModel

extension FormatPreset {
  static let latexmlDocument = "//article[contains(@class,'ltx_document')]"

  /// The list items, and the paragraphs outside lists (a paragraph's own text: its lists are units of
  /// their own).
  static let latexmlUnits: String = {
    let items = "\(latexmlDocument)//li[\(hasClass("ltx_item"))]"
    let paragraphs = "\(latexmlDocument)//div[\(hasClass("ltx_para"))][not(ancestor::li)]"
    return items + " | " + paragraphs
  }()

  /// Section titles, but not the run-in titles of theorem-like blocks and proofs ("Lemma 2.8.",
  /// "Proof."), which name one block, not the text after it.
  static let latexmlSections: String = {
    let headings =
      "\(latexmlDocument)//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    let excluded = ["ltx_title_document", "ltx_title_abstract", "ltx_title_theorem", "ltx_title_proof"]
    return headings + "[\(hasClass("ltx_title"))]"
      + excluded.map { "[not(\(hasClass($0)))]" }.joined()
  }()

  /// arXiv HTML as LaTeXML writes it: list items and paragraphs are statements, section titles give
  /// the path, a theorem-like block's tag ("Definition 2.1", "Recommendation 3" for a
  /// `\newtheorem{recommendation}`) is the label of its paragraphs. Figures, tables, displayed equations
  /// and MathML's annotations are left out of the text; the abstract, proofs, authors, bibliography and
  /// acknowledgements are not statements.
  static let latexml = Recipe(
    preset: "latexml",
    namespaces: [:],
    units: latexmlUnits,
    body: .self,
    sections: latexmlSections,
    label: "ancestor::*[\(hasClass("ltx_theorem"))][1]/*[\(hasClass("ltx_title_theorem"))]"
      + "//*[\(hasClass("ltx_tag_theorem"))]",
    title: "(.//*[contains(@class,'ltx_font_bold')])[1]",
    skip: [
      "//*[contains(@class,'ltx_note_mark')]", "//*[contains(@class,'ltx_note_outer')]", "//cite",
      "//*[contains(@class,'ltx_tag_item')]", "//*[\(hasClass("ltx_figure"))]",
      "//*[\(hasClass("ltx_table"))]", "//*[\(hasClass("ltx_equation"))]",
      "//*[\(hasClass("ltx_equationgroup"))]", "//annotation | //annotation-xml",
      "//*[\(hasClass("ltx_picture"))]", "//svg",
    ],
    exclude: [
      "//nav", "//header", "//footer", "//*[contains(@class,'ltx_TOC')]",
      "//*[contains(@class,'ltx_bibliography')]", "//*[contains(@class,'ltx_page_header')]",
      "//*[contains(@class,'ltx_page_footer')]", "//*[contains(@class,'ltx_abstract')]",
      "//*[\(hasClass("ltx_proof"))]", "//*[\(hasClass("ltx_authors"))]", "//*[\(hasClass("ltx_dates"))]",
      "//*[\(hasClass("ltx_acknowledgements"))]", "//*[\(hasClass("ltx_keywords"))]",
      "//section[*[\(hasClass("ltx_title"))][contains(., 'Acknowledg')]]",
      "//div[\(hasClass("ltx_para"))][starts-with(normalize-space(.), 'Key words')"
        + " or starts-with(normalize-space(.), 'Keywords')]",
    ],
    fields: [:],
    identity: [.label, .attribute, .locator],
    minimumLength: 20,
    allowEmpty: false)
}
