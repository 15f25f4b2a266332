import ContentHash

/// Generates framework documents with a known mix of units: statements, navigation, empty units, short
/// units, repeated texts and footnote markers, nested at random depths. The plan counts what it planted,
/// so a test can tell where each unit must end.
struct DocumentGenerator {
  enum Flavour: String, CaseIterable, Sendable {
    /// Any HTML page under the generic preset.
    case generic
    /// A GOV.UK publication (govspeak body, `fnref` footnote markers).
    case govuk
    /// TEI XML as GROBID writes it (notes, figures and the back matter left out, `ref` markers skipped).
    case tei
  }

  struct Plan {
    var bytes: [UInt8] = []
    var statements = 0
    var navigation = 0
    var empty = 0
    var tooShort = 0
    var duplicates = 0
    /// Footnote markers that must not reach any statement's text.
    var markers: [String] = []
  }

  let flavour: Flavour
  var generator: SplitMix64
  private var plan = Plan()
  private var texts: [String] = []
  private var serial = 0

  init(flavour: Flavour, seed: UInt64) {
    self.flavour = flavour
    generator = SplitMix64(seed: seed)
  }

  private static let verbs = [
    "document", "evaluate", "monitor", "restrict", "disclose", "audit", "test", "report", "review", "train",
  ]
  private static let objects = [
    "model evaluations", "incident reports", "access controls", "training data", "red-team findings",
    "deployment decisions", "third-party risks", "safety cases", "capability thresholds", "user complaints",
  ]

  private var isXML: Bool { flavour == .tei }
  private var unitTag: String { isXML ? "item" : "li" }

  private mutating func chance(_ percent: Int) -> Bool {
    Int.random(in: 0..<100, using: &generator) < percent
  }

  private mutating func uniqueText() -> String {
    serial += 1
    let verb = Self.verbs.randomElement(using: &generator)!
    let object = Self.objects.randomElement(using: &generator)!
    return "Providers should \(verb) their \(object) under rule \(serial)."
  }

  /// A footnote marker in the form the flavour's recipe skips; the generic preset skips none.
  private mutating func marker() -> String {
    serial += 1
    let token = "fn\(serial)x"
    switch flavour {
    case .generic: return ""
    case .govuk:
      plan.markers.append(token)
      return "<sup id=\"fnref:\(serial)\"><a href=\"#fn:\(serial)\">[\(token)]</a></sup>"
    case .tei:
      plan.markers.append(token)
      return "<ref type=\"foot\" target=\"#n\(serial)\">\(token)</ref>"
    }
  }

  /// One unit, as its element, counted in the plan under what it must become.
  private mutating func unit(depth: Int, excluded: Bool) -> String {
    let tag = unitTag
    let roll = Int.random(in: 0..<100, using: &generator)
    let count = { (plan: inout Plan, kind: WritableKeyPath<Plan, Int>) in
      plan[keyPath: excluded ? \.navigation : kind] += 1
    }
    switch roll {
    case 0..<12:
      count(&plan, \.empty)
      let empties = [
        "<\(tag)></\(tag)>", "<\(tag)> \n </\(tag)>", "<\(tag)><!-- nothing --></\(tag)>",
        isXML
          ? "<\(tag)><hi> </hi></\(tag)>" : "<\(tag)><span> </span><script>var hidden = 1;</script></\(tag)>",
      ]
      return empties.randomElement(using: &generator)!
    case 12..<24:
      count(&plan, \.tooShort)
      serial += 1
      return "<\(tag)>Short \(serial).</\(tag)>"
    case 24..<36 where !texts.isEmpty && !excluded:
      plan.duplicates += 1
      // The same words in other case and spacing: text is compared after flattening, case-blind.
      let original = texts.randomElement(using: &generator)!
      let variant = chance(50) ? original.uppercased() : original.replacingOccurrences(of: " ", with: "\n   ")
      return "<\(tag)>\(variant)</\(tag)>"
    case 36..<46 where depth < 4:
      // A unit holding units: its own words are a statement, the inner units count on their own.
      let own = uniqueText()
      if !excluded { texts.append(own) }
      count(&plan, \.statements)
      var inner = ""
      for _ in 0..<Int.random(in: 1...3, using: &generator) {
        inner += unit(depth: depth + 1, excluded: excluded)
      }
      return "<\(tag)>\(own) <\(isXML ? "list" : "ul")>\(inner)</\(isXML ? "list" : "ul")></\(tag)>"
    default:
      let text = uniqueText()
      if !excluded { texts.append(text) }
      count(&plan, \.statements)
      let id = chance(30) ? (isXML ? " xml:id=\"u\(serial % 7)\"" : " id=\"u\(serial % 7)\"") : ""
      let words = text.split(separator: " ")
      let cut = Int.random(in: 1..<words.count, using: &generator)
      // Markers go mid-sentence, where removing them must not leave a gap before punctuation.
      let marked = chance(40) && !excluded
      let emphasis = isXML ? ("<hi rend=\"italic\">", "</hi>") : ("<em>", "</em>")
      return "<\(tag)\(id)>\(words[..<cut].joined(separator: " ")) \(emphasis.0)\(words[cut])\(emphasis.1)"
        + "\(marked ? marker() : "") \(words[(cut + 1)...].joined(separator: " "))</\(tag)>"
    }
  }

  private mutating func list(depth: Int, excluded: Bool) -> String {
    var items = ""
    for _ in 0..<Int.random(in: 1...6, using: &generator) { items += unit(depth: depth, excluded: excluded) }
    return isXML ? "<list>\(items)</list>" : (chance(50) ? "<ul>\(items)</ul>" : "<ol>\(items)</ol>")
  }

  /// Wraps `content` in up to `levels` containers of no meaning to the recipe.
  private mutating func nested(_ content: String, levels: Int) -> String {
    var result = content
    for _ in 0..<Int.random(in: 0...levels, using: &generator) {
      let wrapper = isXML ? "div" : ["div", "section", "article", "span"].randomElement(using: &generator)!
      result = "<\(wrapper)>\(result)</\(wrapper)>"
    }
    return result
  }

  /// A region the recipe excludes, with units inside it that must be dropped as navigation.
  private mutating func excludedRegion() -> String {
    let inner = list(depth: 0, excluded: true)
    switch flavour {
    case .generic:
      return ["<nav>\(inner)</nav>", "<aside>\(inner)</aside>", "<div role=\"navigation\">\(inner)</div>"]
        .randomElement(using: &generator)!
    case .govuk:
      return [
        "<nav>\(inner)</nav>", "<div class=\"gem-c-contents-list\">\(inner)</div>",
        "<div class=\"footnotes\">\(inner)</div>",
      ].randomElement(using: &generator)!
    case .tei:
      return chance(50)
        ? "<note place=\"foot\">\(inner)</note>" : "<figure><head>Figure</head>\(inner)</figure>"
    }
  }

  mutating func generate() -> Plan {
    var body = ""
    for section in 1...Int.random(in: 1...5, using: &generator) {
      var content = ""
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        content += chance(20) ? excludedRegion() : nested(list(depth: 0, excluded: false), levels: 5)
      }
      if isXML {
        body += "<div><head n=\"\(section)\">Section \(section)</head>\(content)</div>"
      } else {
        let level = Int.random(in: 2...4, using: &generator)
        body += "<h\(level)>Section \(section)</h\(level)>\(content)"
      }
    }
    let document: String
    switch flavour {
    case .generic:
      document =
        "<!DOCTYPE html><html><head><title>Generated</title></head><body>"
        + "<header><ul><li>Home page of the publisher, not a statement</li></ul></header>"
        + "<main>\(body)</main><footer><ul><li>Copyright notice of the publisher</li></ul></footer>"
        + "</body></html>"
    case .govuk:
      document =
        "<!DOCTYPE html><html><head><title>Generated</title></head><body>"
        + "<header><ul><li>GOV.UK navigation link text</li></ul></header><main>"
        + "<div class=\"govspeak\">\(body)</div></main></body></html>"
    case .tei:
      document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"
        + "<teiHeader><fileDesc><titleStmt><title>Generated</title></titleStmt></fileDesc></teiHeader>"
        + "<text><body>\(body)</body><back><div><list><item>Reference list entry, not a statement"
        + "</item></list></div></back></text></TEI>"
    }
    // The generic preset also selects the header's and footer's items, and leaves them out as navigation.
    if flavour == .generic { plan.navigation += 2 }
    plan.bytes = Array(document.utf8)
    return plan
  }
}
