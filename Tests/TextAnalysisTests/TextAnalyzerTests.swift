import Testing
import TextAnalysis

@Suite("Text analysis")
struct TextAnalyzerTests {
  let analyzer = TextAnalyzer()

  @Test(
    "spelling, hyphen and case variants analyse alike",
    arguments: [
      ("red-teaming", "red teaming"), ("Red‑Teaming", "red teaming"), ("organisation", "organization"),
      ("organisational", "organizational"), ("prioritise", "prioritize"), ("behaviour", "behavior"),
      ("ANONYMISED", "anonymized"), ("co-operation", "co operation"), ("Café", "cafe"),
      ("developer’s", "developer's"),
    ])
  func variantsMatch(_ left: String, _ right: String) {
    #expect(analyzer.terms(left) == analyzer.terms(right))
  }

  @Test func stopWordsAndModalsAreDropped() {
    #expect(
      analyzer.terms("The developers should and must evaluate the model") == ["develop", "evalu", "model"])
  }

  @Test func tokensKnowWhereTheyStand() {
    let text = "Protect “model weights” — always."
    let tokens = analyzer.tokens(text)
    #expect(tokens.map(\.surface) == ["Protect", "model", "weights", "always"])
    let utf8 = Array(text.utf8)
    for token in tokens {
      #expect(String(decoding: utf8[token.utf8Range], as: UTF8.self) == token.surface)
    }
  }

  @Test func emptyAndSymbolOnlyTextsHaveNoTokens() {
    #expect(analyzer.tokens("").isEmpty)
    #expect(analyzer.tokens(" — … ; ").isEmpty)
  }
}
