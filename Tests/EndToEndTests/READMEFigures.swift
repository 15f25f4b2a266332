/// The figures README.md states, which the quality tests hold the program to within a stated tolerance.
/// When a change really moves a figure, update README.md and the constant here together.
enum READMEFigures {
  /// "How merging works": "96% of the merged pairs are true pairs and 37% of the true pairs are merged,
  /// with no look-alike merged (`scripts/evaluate-dedupe`)".
  static let mergePrecision = 0.96
  static let mergeRecall = 0.37
  /// How far under a stated figure a measured one may fall before the test fails: the figures are rounded
  /// to two places, and a change that costs more than this is a regression to look at.
  static let tolerance = 0.02
}
