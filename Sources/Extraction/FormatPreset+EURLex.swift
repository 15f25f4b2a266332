import ScanModel

extension FormatPreset {
  /// An article or annex of an act in the EUR-Lex HTML of the Official Journal (`eli-*` containers whose
  /// `id` is `art_24` or `anx_I`; `oj-*` classes); its parts such as `art_24.tit_1` have a dot in the id.
  static let eurLexProvision =
    "div[(starts-with(@id,'art_') or starts-with(@id,'anx_')) and not(contains(@id,'.'))]"
  static let eurLexArticle = "div[starts-with(@id,'art_') and not(contains(@id,'.'))]"
  static let eurLexAnnex = "div[starts-with(@id,'anx_') and not(contains(@id,'.'))]"

  /// Paragraphs outside the point tables, and the points (a two-cell row each).
  static let eurLexUnits: String = {
    let paragraphs = "//\(eurLexProvision)//p[\(hasClass("oj-normal"))][not(ancestor::table)]"
    let points = "//\(eurLexProvision)//tr[count(td)=2]"
    return paragraphs + " | " + points
  }()

  /// Chapters and sections (one class for both), articles, annexes and the annexes' own headings.
  static let eurLexSections: String = {
    let chapters = "//p[\(hasClass("oj-ti-section-1"))]"
    let articles = "//p[\(hasClass("oj-ti-art"))]"
    let annexes = "//\(eurLexAnnex)/p[\(hasClass("oj-doc-ti"))][1]"
    let annexHeadings = "//div[starts-with(@id,'anx_')]//p[\(hasClass("oj-ti-grseq-1"))]"
    return [chapters, articles, annexes, annexHeadings].joined(separator: " | ")
  }()

  /// The heading of the article or annex a unit belongs to.
  static let eurLexNumber: String = {
    let article = "ancestor::\(eurLexArticle)[1]/p[\(hasClass("oj-ti-art"))]"
    let annex = "ancestor::\(eurLexAnnex)[1]/p[\(hasClass("oj-doc-ti"))][1]"
    return article + " | " + annex
  }()

  /// An act (regulation, directive, decision) as EUR-Lex publishes the Official Journal in HTML: the
  /// paragraphs of its articles and annexes, and their points, which EUR-Lex sets as two-cell tables
  /// (`(a)` | text). The recitals, citations, the signatures and the notes are not selected.
  ///
  /// The hierarchy comes from the `outline`: each article's or annex's heading is its number, and the
  /// labels `1.`, `(a)`, `(i)` at the start of a paragraph or point are its levels. A statement's section
  /// path is the chapter, section, article and labels as the Journal prints them
  /// (`CHAPTER IV > Section 1 > Article 24 > 1.`, `... > Article 6 > 1. > (a)`), its label the citation
  /// (`Article 6(1)(a)`), its title the article's title. A paragraph that ends in a colon is joined to
  /// its points; the definitions (an article's "For the purposes of this Regulation:" and every "‘x’
  /// means") are dropped.
  static let eurLex = Recipe(
    preset: "eur-lex",
    namespaces: [:],
    units: eurLexUnits,
    body: .self,
    sections: eurLexSections,
    title: "ancestor::\(eurLexArticle)[1]/div[\(hasClass("eli-title"))]",
    titlePattern: "^(.+)$",
    skip: ["//a[.//span[\(hasClass("oj-note-tag"))]]"],
    exclude: [
      "//nav", "//header", "//footer", "//*[\(hasClass("oj-note"))]", "//*[\(hasClass("oj-final"))]",
    ],
    fields: [:],
    identity: [.label, .attribute, .locator],
    minimumLength: 20,
    allowEmpty: false,
    outline: Recipe.Outline(
      number: eurLexNumber,
      label: eurLexLabel, depth: "ancestor::table", leadIns: .join, definitions: eurLexDefinitions))

  /// A paragraph's number (`1.`, followed by a space), a point's letter or number in brackets (`(a)`,
  /// `(iv)`, `(12)`), or an indent's dash (`—`); the group is the token.
  static let eurLexLabel = #"\(?([0-9]{1,3}(?=\.\s)|[A-Za-z0-9]{1,8}(?=\))|[—–](?=\s))[.)]?"#

  /// An article's lead-in to its definitions, or a definition ("‘personal data’ means ...").
  static let eurLexDefinitions =
    #"^(?:For the purposes of this (?:Regulation|Directive|Decision)\b[^:]*:$|[‘'“"][^’'”"]+[’'”"] means\b)"#
}
