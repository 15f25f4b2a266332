import Testing

@testable import Screening

@Suite struct SentenceSplitterTests {
  @Test(arguments: [
    ("One sentence only.", ["One sentence only."]),
    (
      "We tested it. Developers should log incidents.", ["We tested it.", "Developers should log incidents."]
    ),
    (
      "See e.g. Smith et al. 2020 for more. Then stop.",
      ["See e.g. Smith et al. 2020 for more.", "Then stop."]
    ),
    ("Providers shall: (a) keep logs; (b) report.", ["Providers shall:", "(a) keep logs;", "(b) report."]),
  ])
  func splitsAtSentenceEnds(text: String, expected: [String]) {
    let sentences = SentenceSplitter().sentences(text)
    #expect(sentences.map(\.text) == expected)
    let characters = Array(text)
    for sentence in sentences {
      #expect(String(characters[sentence.start..<sentence.end]) == sentence.text)
    }
  }
}
