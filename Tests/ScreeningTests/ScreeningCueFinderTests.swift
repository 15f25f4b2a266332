import Testing

@testable import Screening

/// Each cue on a sentence written for the test, and its absence where the sentence lacks it.
@Suite struct ScreeningCueFinderTests {
  @Test(arguments: [
    ("Developers shall keep a log of every incident.", ScreeningCue.Kind.obligationModal, "shall"),
    ("We recommend that labs publish their safety policies.", .recommendation, "We recommend"),
    ("Establish an incident response plan before deployment.", .imperative, "Establish"),
    ("Providers should conduct regular audits of their models.", .actionVerbObject, "conduct"),
    ("'Processing' means any operation performed on data.", .definition, "'Processing' means"),
    ("We found that 40% of the agents complied.", .finding, "We found"),
    ("The agent then replied with the password.", .narrative, "The agent then"),
    ("See [12, 14].", .citationOnly, "See [12, 14]."),
    ("This Regulation applies to the processing of personal data.", .scope, "This Regulation applies"),
    (
      "The free flow of data shall be neither restricted nor prohibited.", .scope,
      "shall be neither restricted nor prohibited"
    ),
    (
      "Infringements shall be subject to administrative fines up to EUR 20 000 000.", .penalty,
      "administrative fines"
    ),
    ("Who decides when a model is safe enough?", .question, "Who decides when a model is safe enough?"),
  ])
  func findsTheCue(text: String, kind: ScreeningCue.Kind, match: String) {
    let cue = ScreeningCueFinder().cues(in: text).first { $0.kind == kind }
    #expect(cue?.match == match)
  }

  @Test(arguments: [
    "The history of the field is long and varied.",
    "Figure 3 plots the loss against the number of steps.",
  ])
  func plainProseHasNoCueForAMitigation(text: String) {
    #expect(!ScreeningCueFinder().cues(in: text).contains { $0.kind.isForMitigation })
  }

  @Test func shallNotApplyIsScopeNotObligation() {
    let kinds = ScreeningCueFinder().cues(in: "This Regulation shall not apply to national security.").map(
      \.kind)
    #expect(kinds.contains(.scope))
    #expect(!kinds.contains(.obligationModal))
  }
}
