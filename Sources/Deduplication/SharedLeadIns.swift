import ScanModel
import TextAnalysis

/// The lead-ins that list items of one framework share, taken out of the text the pairs are scored on.
///
/// Extraction joins a list item to the lead-ins above it, so that each statement reads on its own: "A person
/// that operates a computing cluster shall implement written policies and procedures to do all of the
/// following when ...: Assess whether the prospective customer intends to ...". Scored with that lead-in,
/// every item of the list is most of the way to a duplicate of every other, and on the real SB-1047 all of
/// a section's items merged into one mitigation. What an item asks for is the text after the lead-in its
/// siblings share, when that text reads as an instruction of its own ("Assess ...", "The developer shall
/// ..."). A bare condition ("... if both of the following are true: A covered model poses an unreasonable
/// risk ...") keeps its lead-in, which says what is asked. The mitigation keeps the whole text as its
/// definition.
struct SharedLeadIns {
  /// A lead-in has at least this many words, so that a short label ("Note: ...") is never taken for one.
  static let minimumWords = 4
  /// Lead-ins nest ("(a) ... all of the following: (1) ... all of the following: (A) ..."); one is taken
  /// out per pass.
  static let maximumDepth = 4
  static let modals: Set<String> = ["shall", "should", "must", "will"]

  let analyzer: TextAnalyzer

  /// The inputs with every lead-in shared by two or more statements of the same framework taken out of
  /// their text; statements without a framework, or whose lead-in no sibling shares, are as they were.
  func trimmed(_ inputs: [DeduplicationInput]) -> [DeduplicationInput] {
    var result = inputs
    for _ in 0..<Self.maximumDepth {
      var siblings: [LeadInKey: Int] = [:]
      let keys = result.map(Self.key)
      for key in keys.compactMap({ $0 }) { siblings[key, default: 0] += 1 }
      var changed = false
      for index in result.indices {
        guard let key = keys[index], let count = siblings[key], count > 1 else { continue }
        let rest = String(result[index].text[key.leadIn.endIndex...])
        guard asksForSomething(rest) else { continue }
        result[index].text = rest
        changed = true
      }
      if !changed { break }
    }
    return result
  }

  /// The text is as long as a lead-in and starts as an instruction does, with a word that is not a stop word
  /// ("Obtain ...", as every action of the lexicon is), or it has a modal verb. A condition starts with a stop
  /// word ("A covered model poses ...", "If ..."); a list of objects is short ("Public safety."). Without
  /// parts of speech a longer noun phrase passes.
  private func asksForSomething(_ text: String) -> Bool {
    let tokens = analyzer.tokens(text)
    guard let first = tokens.first, tokens.count >= Self.minimumWords else { return false }
    return !first.isStopWord || tokens.contains { Self.modals.contains($0.word) }
  }

  private struct LeadInKey: Hashable {
    var framework: String
    /// The text up to and including the colon and the spaces after it.
    var leadIn: Substring
  }

  /// The statement's lead-in: its text up to its first colon that is followed by a space and more text.
  private static func key(_ input: DeduplicationInput) -> LeadInKey? {
    // Searched byte by byte: a million statements pass through here, most without a colon.
    let bytes = input.text.utf8
    guard let framework = input.framework,
      let colon = zip(bytes.indices, bytes.dropFirst()).first(where: {
        bytes[$0.0] == UInt8(ascii: ":") && $0.1 == UInt8(ascii: " ")
      })?.0
    else { return nil }
    let head = input.text[..<colon]
    guard head.split(whereSeparator: \.isWhitespace).count >= minimumWords else { return nil }
    var end = bytes.index(after: colon)
    while end < bytes.endIndex, bytes[end] == UInt8(ascii: " ") { end = bytes.index(after: end) }
    guard end < bytes.endIndex else { return nil }
    return LeadInKey(framework: framework, leadIn: input.text[..<end])
  }
}
