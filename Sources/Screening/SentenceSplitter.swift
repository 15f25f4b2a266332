import ScanModel

/// Splits a unit's text into sentences, with each sentence's offsets in the unit's text, and makes the
/// mitigation sentences statements of their own. A kept sentence carries the lead-in it needs to be read
/// alone: the nearest earlier sentence of the unit that ends in a colon ("Providers should do the
/// following:"), or, when it opens with a word pointing back ("This", "They", "Such"), the sentence before.
struct SentenceSplitter {
  /// A sentence of a unit: its text and its offsets in the unit's text, in Characters from the start.
  struct Sentence: Equatable {
    var text: String
    var start: Int
    var end: Int
  }

  /// Abbreviations whose period does not end a sentence.
  static let abbreviations: Set<String> = [
    "e.g", "i.e", "al", "etc", "art", "no", "nr", "vs", "cf", "fig", "sec", "para", "dr", "mr", "ms", "u.s",
    "eu", "approx", "incl", "viz",
  ]

  static let asking: Set<ScreeningCue.Kind> = [.obligationModal, .recommendation]

  static let pointingBack: Set<String> = [
    "this", "these", "that", "those", "they", "it", "such", "there", "he", "she", "them", "its", "their",
  ]

  func sentences(_ text: String) -> [Sentence] {
    let characters = Array(text)
    var sentences: [Sentence] = []
    var start = 0
    var index = 0
    func close(at end: Int) {
      var from = start
      var to = end
      while from < to, characters[from].isWhitespace { from += 1 }
      while to > from, characters[to - 1].isWhitespace { to -= 1 }
      if to > from { sentences.append(Sentence(text: String(characters[from..<to]), start: from, end: to)) }
      start = end
    }
    while index < characters.count {
      let character = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      let endsHere: Bool
      switch character {
      case ".", "!", "?":
        endsHere =
          (next == nil || next!.isWhitespace) && !isAbbreviation(characters, period: index)
          && startsSentence(characters, after: index + 1)
      case ":", ";":
        endsHere = next == nil || next!.isWhitespace
      default:
        endsHere = false
      }
      index += 1
      if endsHere { close(at: index) }
    }
    close(at: characters.count)
    return sentences
  }

  private func isAbbreviation(_ characters: [Character], period: Int) -> Bool {
    var from = period
    while from > 0, !characters[from - 1].isWhitespace, characters[from - 1] != "(" { from -= 1 }
    let word = String(characters[from..<period]).lowercased()
    return Self.abbreviations.contains(word) || (word.count == 1 && word.first!.isLetter)
  }

  /// After a period, a sentence starts with a capital, a digit, a quote or an opening bracket.
  private func startsSentence(_ characters: [Character], after index: Int) -> Bool {
    var position = index
    while position < characters.count, characters[position].isWhitespace { position += 1 }
    guard position < characters.count else { return true }
    let first = characters[position]
    return first.isUppercase || first.isNumber || "\"“‘'([".contains(first)
  }

  /// The unit's sentences the model judges mitigations, as statements `<unit id>#s<n>` with the offsets of
  /// the sentence (and of its lead-in, when it has one) in the unit's text as fields.
  func sentenceStatements(of unit: Statement, model: ScreeningModel, features: ScreeningFeatures)
    -> [Statement]
  {
    let sentences = sentences(unit.text)
    guard sentences.count > 1 else { return [] }
    var statements: [Statement] = []
    for (position, sentence) in sentences.enumerated() where !sentence.text.hasSuffix(":") {
      // A sentence out of prose must also ask for something (a modal of obligation or a recommendation) in
      // eight words or more: the model learnt from whole units, and on lone sentences it takes questions,
      // headings ("Report.", "Objective: Test whether ...") and narrative for measures (on the red-teaming
      // paper, 103 sentences without this rule, 34 with an action verb allowed instead of a modal, 8 with it).
      let judgement = model.judge(sentence.text, features: features)
      guard judgement.isMitigation, sentence.text.split(separator: " ").count >= 8,
        judgement.cues.contains(where: { Self.asking.contains($0.kind) })
      else {
        continue
      }
      let leadIn = self.leadIn(of: position, in: sentences)
      var fields = unit.fields
      fields["unit"] = unit.id
      fields["sentence"] = "\(sentence.start)-\(sentence.end)"
      if let leadIn { fields["leadIn"] = "\(leadIn.start)-\(leadIn.end)" }
      let text = leadIn.map { "\($0.text) \(sentence.text)" } ?? sentence.text
      statements.append(
        Statement(
          id: "\(unit.id)#s\(position + 1)", framework: unit.framework, label: unit.label, title: unit.title,
          sectionPath: unit.sectionPath, text: text, locator: unit.locator, line: unit.line,
          sourceSHA256: unit.sourceSHA256, rule: unit.rule, fields: fields, page: unit.page))
    }
    return statements
  }

  private func leadIn(of position: Int, in sentences: [Sentence]) -> Sentence? {
    if let colon = sentences[..<position].last(where: { $0.text.hasSuffix(":") }) { return colon }
    guard position > 0 else { return nil }
    let firstWord = sentences[position].text.prefix { $0.isLetter }.lowercased()
    return Self.pointingBack.contains(firstWord) ? sentences[position - 1] : nil
  }
}
