import Foundation
import Testing

/// `evscan train --decisions decisions/codes.csv`: a person's code becomes a training example, recorded in
/// the model with the file's digest.
@Suite("Training from decisions")
struct TrainFromDecisionsTests {
  @Test func decidedCodesAreTrainingExamples() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let examples = folder.appendingPathComponent("coded.csv")
    try Data(
      """
      Mitigation_ID,Action Name,Action Definition,MitigationCode
      1,Board oversight,A board committee oversees risk.,1.1 Board Structure & Oversight
      2,Red teaming,Test the model adversarially before release.,3.1 Testing & Auditing
      3,Access control,Restrict who can reach the model weights.,2.1 Model & Infrastructure Security

      """.utf8
    ).write(to: examples)
    let codes = folder.appendingPathComponent("codes.csv")
    try Data(
      """
      statement,facet,code,coder,rationale,date
      barrett-2024:govern-1-2,mitigation,1.2,tester,a policy with an owner is risk management,2026-12-07

      """.utf8
    ).write(to: codes)
    let model = folder.appendingPathComponent("model.json")
    let result = try Evscan.run([
      "train", "--examples", examples.path, "--decisions", codes.path, "--output", model.path,
    ])
    #expect(result.status == 0, "\(result.errors)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: model)) as? [String: Any])
    let files = try #require(json["trainingFiles"] as? [[String: Any]])
    let decided = files.first { $0["name"] as? String == "codes.csv" }
    #expect(decided?["rows"] as? Int == 1, "\(files)")
  }
}
