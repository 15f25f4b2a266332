import Deduplication
import ScanModel

/// Five statements: three wordings of one practice and two look-alikes that differ in their object. The same
/// as `ReportTests.inputs` in DeduplicationTests, which tests the result these reports render.
enum RenderingFixtures {
  static let inputs = [
    DeduplicationInput(
      id: "uk-1", framework: "uk-government-2023",
      text: "Red team models with internal and external experts before deployment; give them enough time.",
      concepts: ["red-teaming"], primaryCode: "3.1"),
    DeduplicationInput(
      id: "nist-1", framework: "nist-2024",
      text: "Red team models with internal and external experts before deployment; give them enough time.",
      concepts: ["red-teaming"], primaryCode: "3.2"),
    DeduplicationInput(
      id: "barrett-1", framework: "barrett-2024",
      text: "Red-team models with internal and external experts before deployment, giving them enough time.",
      concepts: ["red-teaming"], primaryCode: "3.1"),
    DeduplicationInput(
      id: "w-1", framework: "wiener-2024",
      text: "Red-team the model for cyber-offence capabilities before release.",
      concepts: ["red-teaming", "cyberattacks"]),
    DeduplicationInput(
      id: "w-2", framework: "wiener-2024", text: "Red-team the model for biased outputs before release.",
      concepts: ["red-teaming", "bias"]),
  ]
}
