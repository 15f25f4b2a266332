import ScanModel

/// Statements several test targets deduplicate and render.
public enum SampleStatements {
  /// Five statements: three wordings of one practice (red-teaming before deployment, from three
  /// frameworks with two different codes) and two look-alikes from a fourth that differ in their object.
  public static let redTeaming = [
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
