import Foundation
import Testing

@testable import Extraction

/// What statement building does to a unit's text, label and title.
@Suite("Statement text")
struct StatementTextTests {
  @Test func removingLeadTakesTheLabelAndThePunctuationAfterIt() {
    #expect(StatementText.removingLead("Measure I.1", from: "Measure I.1: text") == "text")
    #expect(StatementText.removingLead("Measure I.1", from: "Measure I.1 — text") == "text")
    #expect(StatementText.removingLead("(a)", from: "(a) text") == "text")
    #expect(StatementText.removingLead("(a)", from: "(a)") == nil)
    #expect(StatementText.removingLead("x", from: "(a) text") == nil)
    // A combining accent after the label makes another Character: the label is not the text's start.
    #expect(StatementText.removingLead("(a)", from: "(a)\u{301} text") == nil)
  }

  @Test func trimmedTitleDropsTrailingPunctuationAndDashes() {
    #expect(StatementText.trimmedTitle("Title — ") == "Title")
    #expect(StatementText.trimmedTitle("Title.:;,- –—") == "Title")
    #expect(StatementText.trimmedTitle("a\u{301}.") == "a\u{301}")
    #expect(StatementText.trimmedTitle("—") == "")
  }

  @Test func slugJoinsLettersAndDigitsWithHyphens() {
    #expect(StatementText.slug("Measure II.4.3") == "measure-ii-4-3")
    #expect(StatementText.slug(" (b) ") == "b")
    #expect(StatementText.slug("Naïve 2") == "naïve-2")
    #expect(StatementText.slug("GV-1.1-001") == "gv-1-1-001")
  }

  @Test func tidiedPunctuationRemovesSpacesBeforeClosingAndAfterOpening() {
    #expect(StatementText.tidiedPunctuation("limitations [12] .") == "limitations [12].")
    #expect(StatementText.tidiedPunctuation("( a ) [ b ] end !") == "(a) [b] end!")
    #expect(StatementText.tidiedPunctuation("x ,y ;z :w ?v !u") == "x,y;z:w?v!u")
    #expect(StatementText.tidiedPunctuation("( .") == "(.")
    #expect(StatementText.tidiedPunctuation("plain text") == "plain text")
  }
}
