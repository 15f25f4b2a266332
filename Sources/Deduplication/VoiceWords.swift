import TextAnalysis

/// The framework-voice words (`voice.words`) in the form the analyser gives a token, so that a statement's
/// tokens can be checked against them before stemming: "developers" is voice, "development" is not, though
/// both stem to "develop"; "systems" is voice, "systemic" is not, though both stem to "system".
struct VoiceWords: Sendable {
  let folded: Set<String>

  init(words: [String], lexicon: ActionLexicon, analyzer: TextAnalyzer = TextAnalyzer()) throws {
    var folded = Set<String>()
    for (index, word) in words.enumerated() {
      let keyPath = "voice.words"
      let tokens = analyzer.tokens(word)
      guard tokens.count == 1, let token = tokens.first else {
        throw ConfigurationProblem(
          keyPath: keyPath,
          message:
            "`\(keyPath)[\(index)]` is \"\(word)\"; a voice word is one word (list each word of a name)")
      }
      // An action word taken out of the text would hide the action the merge gate compares.
      if !token.isStopWord, lexicon.singles[token.stem] != nil {
        throw ConfigurationProblem(
          keyPath: keyPath,
          message:
            "`\(keyPath)[\(index)]` is \"\(word)\", which names a kind of action in `actions`; remove one")
      }
      folded.insert(Self.withoutPossessive(token.word))
    }
    self.folded = folded
  }

  /// "developer's" and "developers'" are the voice word "developer" / "developers".
  static func withoutPossessive(_ word: String) -> String {
    if word.hasSuffix("'s") { return String(word.dropLast(2)) }
    if word.hasSuffix("'") { return String(word.dropLast()) }
    return word
  }

  func contains(_ token: Token) -> Bool {
    !folded.isEmpty && folded.contains(Self.withoutPossessive(token.word))
  }
}
